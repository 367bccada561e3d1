import { normalizeHeader, type ImportColumn, type ImportRowError } from '../../org/import/import-columns';
import type { SheetRow } from '../../org/import/parse-sheet';
import { writeWorkbook } from '../../org/export/write-workbook';

const column = (name: string, isRequired: boolean, description: string, example: string): ImportColumn => ({ name, isRequired, isInformational: false, description, example });
const info = (name: string, description: string, example: string): ImportColumn => ({ name, isRequired: false, isInformational: true, description, example });

/** Columns of the pay-data sheet, in template order. */
export const PAY_DATA_COLUMNS: readonly ImportColumn[] = [
  column('nip', true, 'NIP / NI PPPK pegawai (18 digit, ditulis sebagai teks)', '199602172020122002'),
  column('tmt', true, 'TMT data gaji ini, YYYY-MM-DD (biasanya tanggal 1); NIP + TMT yang sudah ada memperbarui baris itu', '2026-01-01'),
  column('cpns', true, 'ya bila pegawai masih CPNS sejak TMT ini; tidak bila PNS/PPPK (CPNS menjadi PNS: baris baru dengan TMT PNS dan cpns = tidak)', 'tidak'),
  column('gaji_pokok', true, 'Gaji pokok per bulan, rupiah tanpa titik', '3203600'),
  column('tunjangan_keluarga', false, 'Tunjangan suami/istri dan anak per bulan, rupiah; kosong = 0', '384432'),
  column('tunjangan_jabatan', false, 'Tunjangan jabatan struktural/fungsional atau tunjangan umum per bulan, rupiah; kosong = 0', '185000'),
  column('tunjangan_profesi', false, 'Tunjangan profesi per bulan, rupiah; kosong = 0', '0'),
  column('nomor_sk', false, 'Nomor SK (CPNS, PNS, kenaikan gaji berkala …)', '800/123/BKPSDM/2026'),
  column('catatan', false, 'Catatan', ''),
  info('nama', 'Nama pegawai (hanya informasi)', ''),
];

/** Contract fields → spreadsheet columns, for row errors from the services and the Zod contracts. */
export const PAY_DATA_COLUMN_BY_FIELD = {
  employeeId: 'nip',
  effectiveFrom: 'tmt',
  isCpns: 'cpns',
  baseSalary: 'gaji_pokok',
  familyAllowance: 'tunjangan_keluarga',
  positionAllowance: 'tunjangan_jabatan',
  professionAllowance: 'tunjangan_profesi',
  decreeNumber: 'nomor_sk',
  note: 'catatan',
} as const;

export const PAY_DATA_TEMPLATE_FILE = 'templat-impor-data-gaji.xlsx';

export type PayDataHeader = { ok: true; indexByColumn: Map<string, number> } | { ok: false; errors: ImportRowError[] };

/** Missing required, unknown, duplicated or untitled-but-filled columns reject the whole file. */
export function mapPayDataHeader(header: readonly string[], rows: readonly SheetRow[]): PayDataHeader {
  const known = new Set(PAY_DATA_COLUMNS.map((spec) => spec.name));
  const indexByColumn = new Map<string, number>();
  const errors: ImportRowError[] = [];
  const width = rows.reduce((widest, row) => Math.max(widest, row.cells.length), header.length);
  for (let index = 0; index < width; index++) {
    const raw = (header[index] ?? '').trim();
    const name = normalizeHeader(raw);
    if (name === '') {
      if (rows.some((row) => (row.cells[index] ?? '') !== '')) errors.push({ row: 1, column: null, message: `Kolom ke-${index + 1} tidak berjudul tetapi berisi data` });
    } else if (!known.has(name)) {
      errors.push({ row: 1, column: raw, message: `Kolom "${raw}" tidak dikenal untuk impor data gaji` });
    } else if (indexByColumn.has(name)) {
      errors.push({ row: 1, column: name, message: `Kolom "${name}" muncul lebih dari sekali` });
    } else {
      indexByColumn.set(name, index);
    }
  }
  for (const spec of PAY_DATA_COLUMNS) {
    if (spec.isRequired && !indexByColumn.has(spec.name)) errors.push({ row: 1, column: spec.name, message: `Kolom wajib "${spec.name}" tidak ada` });
  }
  if (errors.length === 0) return { ok: true, indexByColumn };
  return { ok: false, errors: [...errors, { row: 1, column: null, message: `Kolom yang dikenal: ${PAY_DATA_COLUMNS.map((spec) => spec.name).join(', ')}` }] };
}

/** An empty pay-data sheet (headers and one example row) and a guide sheet; the importer reads the first sheet only. */
export async function buildPayDataTemplate(): Promise<Buffer> {
  return writeWorkbook([
    { name: 'Impor data gaji', header: PAY_DATA_COLUMNS.map((spec) => spec.name), rows: [PAY_DATA_COLUMNS.map((spec) => spec.example)], isText: true },
    {
      name: 'Petunjuk',
      header: ['kolom', 'wajib', 'keterangan'],
      rows: [
        ...PAY_DATA_COLUMNS.map((spec) => [spec.name, spec.isRequired ? 'ya' : 'tidak', spec.description]),
        ['', '', ''],
        ['', '', 'Setiap baris berlaku sejak TMT-nya sampai TMT baris berikutnya pegawai yang sama.'],
        ['', '', 'Gaji pokok dan tunjangan dipakai untuk batas penghasilan iuran BPJS Kesehatan; status CPNS untuk persentase TPP CPNS.'],
        ['', '', 'Jalankan uji coba (dry run) dulu: tidak ada yang disimpan bila satu baris pun salah.'],
      ],
    },
  ]);
}
