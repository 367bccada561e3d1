import { mapSheetHeader, type SheetHeader } from '../../../org/import/map-sheet-header';
import { type ImportColumn } from '../../../org/import/import-columns';
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


/** The header row: see mapSheetHeader. */
export function mapCatalogueHeader(header: readonly string[], rows: readonly SheetRow[]): SheetHeader {
  return mapSheetHeader(CATALOGUE_COLUMNS, 'katalog kegiatan', header, rows);
}
