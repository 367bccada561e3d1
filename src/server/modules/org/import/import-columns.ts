import type { z } from 'zod';
import type { importEntities, importRowError } from '../../../../contracts/org';
import type { SheetRow } from './parse-sheet';

export type ImportEntity = (typeof importEntities)[number];
export type ImportRowError = z.infer<typeof importRowError>;

export interface ImportColumn {
  name: string;
  /** The header must be present (its values may still be optional, see `docs/import-format.md`). */
  isRequired: boolean;
  /**
   * Written by the export for people to read (names next to codes); the import accepts and
   * ignores it so that an exported file can be re-imported unchanged.
   */
  isInformational: boolean;
  description: string;
  example: string;
}

const column = (name: string, isRequired: boolean, description: string, example: string): ImportColumn => ({
  name,
  isRequired,
  isInformational: false,
  description,
  example,
});
const info = (name: string, description: string, example: string): ImportColumn => ({
  name,
  isRequired: false,
  isInformational: true,
  description,
  example,
});

/** Column order here is the order of templates and exports. */
export const importColumns: Record<ImportEntity, readonly ImportColumn[]> = {
  units: [
    column('kode', true, 'Kode unit, unik (huruf, angka, titik, garis bawah, tanda hubung)', 'DINKES.SEK'),
    column('nama', true, 'Nama unit', 'Sekretariat Dinas Kesehatan'),
    column('jenis', true, 'pemda, opd, bidang, bagian, seksi, subbagian, uptd, puskesmas, sekolah, lainnya', 'bagian'),
    column('kode_induk', false, 'Kode unit induk (boleh unit di berkas yang sama); kosong = unit puncak', 'DINKES'),
    column('kode_siasn', false, 'Kode unit organisasi SIASN', 'A5EB03E23C4CF6A0E040640A040252AD'),
    column('zona_waktu', false, 'Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT); kosong = WIB', 'Asia/Jakarta'),
    info('nama_induk', 'Nama unit induk (hanya informasi)', 'Dinas Kesehatan'),
    info('aktif', 'ya/tidak (hanya informasi)', 'ya'),
  ],
  positions: [
    column('kode', true, 'Kode jabatan, unik', 'DINKES.SEK.KASUBAG-UMUM'),
    column('nama', true, 'Nama jabatan', 'Kepala Subbagian Umum dan Kepegawaian'),
    column(
      'jenis_jabatan',
      true,
      'jpt_utama, jpt_madya, jpt_pratama, administrator, pengawas, pelaksana, fungsional_keahlian, fungsional_keterampilan',
      'pengawas',
    ),
    column('kelas_jabatan', true, 'Kelas jabatan 1–17', '9'),
    column('kode_unit', true, 'Kode unit tempat jabatan berada', 'DINKES.SEK'),
    column('kode_jabatan_atasan', false, 'Kode jabatan atasan langsung (boleh jabatan di berkas yang sama); kosong = puncak', 'DINKES.SEKDIN'),
    column('kepala_unit', false, 'ya/tidak: jabatan ini kepala unitnya; kosong = tidak', 'ya'),
    info('nama_unit', 'Nama unit (hanya informasi)', 'Sekretariat Dinas Kesehatan'),
    info('nama_jabatan_atasan', 'Nama jabatan atasan (hanya informasi)', 'Sekretaris Dinas Kesehatan'),
    info('aktif', 'ya/tidak (hanya informasi)', 'ya'),
  ],
  employees: [
    column('nip', true, 'NIP PNS atau NI PPPK, 18 digit; isi sebagai teks', '198609262015051001'),
    column('jenis_asn', true, 'PNS atau PPPK', 'PNS'),
    column('nama', true, 'Nama tanpa gelar', 'Siti Aminah'),
    column('gelar_depan', false, 'Gelar di depan nama', 'dr.'),
    column('gelar_belakang', false, 'Gelar di belakang nama', 'M.K.M.'),
    column('golongan', false, 'PNS: I/a … IV/e; PPPK: I … XVII', 'III/d'),
    column('status', false, 'aktif, cltn, tugas_belajar, diberhentikan_sementara, pensiun, berhenti, meninggal, pindah; kosong = aktif', 'aktif'),
    column('kode_unit', false, 'Kode unit kerja', 'DINKES.SEK'),
    column('kode_jabatan', false, 'Kode jabatan yang diduduki; kosong = penugasan tidak diubah', 'DINKES.SEK.KASUBAG-UMUM'),
    column('jenis_penugasan', false, 'definitif, plt atau plh; kosong = definitif', 'definitif'),
    column('tmt_jabatan', false, 'Tanggal mulai menduduki jabatan, YYYY-MM-DD (wajib bila kode_jabatan diisi)', '2024-01-02'),
    column('email', false, 'Alamat email', 'siti.aminah@contoh.go.id'),
    column('telepon', false, 'Nomor telepon', '081234567890'),
    info('nama_unit', 'Nama unit kerja (hanya informasi)', 'Sekretariat Dinas Kesehatan'),
    info('nama_jabatan', 'Nama jabatan (hanya informasi)', 'Kepala Subbagian Umum dan Kepegawaian'),
    info('nama_atasan', 'Nama atasan langsung hari ini (hanya informasi)', 'Drs. Budi Santoso, M.Si.'),
    info('aktif', 'ya/tidak (hanya informasi)', 'ya'),
  ],
};

/** The key that decides create vs update. */
export const keyColumnOf: Record<ImportEntity, string> = { units: 'kode', positions: 'kode', employees: 'nip' };

/** "Kode Induk", " KODE-INDUK " and "kode_induk" are the same column. */
export const normalizeHeader = (value: string) => value.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** One data row with its values by column name; only columns present in the file appear. */
export interface ImportRecord {
  rowNumber: number;
  values: ReadonlyMap<string, string>;
}

export type HeaderMapping = { ok: true; indexByColumn: Map<string, number> } | { ok: false; errors: ImportRowError[] };

/** Missing required, unknown, duplicated or untitled-but-filled columns reject the whole file. */
export function mapHeader(entity: ImportEntity, header: readonly string[], rows: readonly SheetRow[]): HeaderMapping {
  const known = new Map(importColumns[entity].map((spec) => [spec.name, spec]));
  const indexByColumn = new Map<string, number>();
  const errors: ImportRowError[] = [];
  const width = rows.reduce((widest, row) => Math.max(widest, row.cells.length), header.length);
  Array.from({ length: width }, (_, index) => header[index] ?? '').forEach((raw, index) => {
    const name = normalizeHeader(raw);
    if (name === '') {
      const isFilled = rows.some((row) => (row.cells[index] ?? '') !== '');
      if (isFilled) errors.push({ row: 1, column: null, message: `Kolom ke-${index + 1} tidak berjudul tetapi berisi data` });
      return;
    }
    if (!known.has(name)) {
      errors.push({ row: 1, column: raw.trim(), message: `Kolom "${raw.trim()}" tidak dikenal untuk impor ${entityLabel[entity]}` });
      return;
    }
    if (indexByColumn.has(name)) {
      errors.push({ row: 1, column: name, message: `Kolom "${name}" muncul lebih dari sekali` });
      return;
    }
    indexByColumn.set(name, index);
  });
  for (const spec of importColumns[entity]) {
    if (spec.isRequired && !indexByColumn.has(spec.name)) {
      errors.push({ row: 1, column: spec.name, message: `Kolom wajib "${spec.name}" tidak ada` });
    }
  }
  if (errors.length) {
    const expected = importColumns[entity].filter((spec) => !spec.isInformational).map((spec) => spec.name);
    errors.push({ row: 1, column: null, message: `Kolom yang dikenal: ${expected.join(', ')}` });
    return { ok: false, errors };
  }
  return { ok: true, indexByColumn };
}

export function readRecord(row: SheetRow, indexByColumn: ReadonlyMap<string, number>): ImportRecord {
  const values = new Map<string, string>();
  for (const [name, index] of indexByColumn) values.set(name, (row.cells[index] ?? '').trim());
  return { rowNumber: row.rowNumber, values };
}

export const entityLabel: Record<ImportEntity, string> = { units: 'unit', positions: 'jabatan', employees: 'pegawai' };
