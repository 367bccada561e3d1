import { normalizeHeader, type ImportColumn, type ImportRowError } from '../../../org/import/import-columns';
import type { SheetRow } from '../../../org/import/parse-sheet';

const column = (name: string, isRequired: boolean, description: string, example: string): ImportColumn => ({ name, isRequired, isInformational: false, description, example });
const info = (name: string, description: string, example: string): ImportColumn => ({ name, isRequired: false, isInformational: true, description, example });

/** Columns of the catalogue sheet, in template and export order. */
export const CATALOGUE_COLUMNS: readonly ImportColumn[] = [
  column('kode', true, 'Kode kegiatan, unik (huruf, angka, titik, garis bawah, tanda hubung)', 'UMUM-001'),
  column('nama', true, 'Nama kegiatan', 'Menyusun draf surat dinas'),
  column('satuan_output', true, 'Satuan hasil kerja', 'dokumen'),
  column('waktu_standar_menit', true, 'Waktu efektif per satu satuan output, menit (1–1440)', '30'),
  column('uraian', false, 'Uraian kegiatan', 'Konsep surat sesuai tata naskah dinas'),
  column('kode_jabatan', false, 'Kode jabatan bila kegiatan khusus satu jabatan; kosong = kegiatan umum. Tidak dapat diubah untuk kode yang sudah ada', ''),
  column('berlaku_mulai', false, 'Tanggal versi mulai berlaku, YYYY-MM-DD; kosong = hari ini', '2026-01-01'),
  column('aktif', false, 'ya/tidak; kosong = tidak diubah (kegiatan baru: ya)', 'ya'),
  info('nama_jabatan', 'Nama jabatan (hanya informasi)', ''),
  info('unit', 'Unit jabatan (hanya informasi)', ''),
  info('versi', 'Versi yang berlaku (hanya informasi)', '1'),
];

/** Contract fields → spreadsheet columns, for row errors from the services and the Zod contracts. */
export const CATALOGUE_COLUMN_BY_FIELD = {
  code: 'kode',
  name: 'nama',
  outputUnit: 'satuan_output',
  standardMinutes: 'waktu_standar_menit',
  description: 'uraian',
  positionId: 'kode_jabatan',
  effectiveFrom: 'berlaku_mulai',
  isActive: 'aktif',
} as const;

export type CatalogueHeader = { ok: true; indexByColumn: Map<string, number> } | { ok: false; errors: ImportRowError[] };

/**
 * Missing required, unknown, duplicated or untitled-but-filled columns reject the whole file, as
 * for org master data (whose mapper is tied to the org entities).
 */
export function mapCatalogueHeader(header: readonly string[], rows: readonly SheetRow[]): CatalogueHeader {
  const known = new Set(CATALOGUE_COLUMNS.map((spec) => spec.name));
  const indexByColumn = new Map<string, number>();
  const errors: ImportRowError[] = [];
  const width = rows.reduce((widest, row) => Math.max(widest, row.cells.length), header.length);
  for (let index = 0; index < width; index++) {
    const raw = (header[index] ?? '').trim();
    const name = normalizeHeader(raw);
    if (name === '') {
      if (rows.some((row) => (row.cells[index] ?? '') !== '')) errors.push({ row: 1, column: null, message: `Kolom ke-${index + 1} tidak berjudul tetapi berisi data` });
    } else if (!known.has(name)) {
      errors.push({ row: 1, column: raw, message: `Kolom "${raw}" tidak dikenal untuk impor katalog kegiatan` });
    } else if (indexByColumn.has(name)) {
      errors.push({ row: 1, column: name, message: `Kolom "${name}" muncul lebih dari sekali` });
    } else {
      indexByColumn.set(name, index);
    }
  }
  for (const spec of CATALOGUE_COLUMNS) {
    if (spec.isRequired && !indexByColumn.has(spec.name)) errors.push({ row: 1, column: spec.name, message: `Kolom wajib "${spec.name}" tidak ada` });
  }
  if (errors.length === 0) return { ok: true, indexByColumn };
  const expected = CATALOGUE_COLUMNS.filter((spec) => !spec.isInformational).map((spec) => spec.name);
  return { ok: false, errors: [...errors, { row: 1, column: null, message: `Kolom yang dikenal: ${expected.join(', ')}` }] };
}
