import { mapSheetHeader, type SheetHeader } from '../../org/import/map-sheet-header';
import { type ImportColumn } from '../../org/import/import-columns';
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


/** The header row: see mapSheetHeader. */
export function mapPayDataHeader(header: readonly string[], rows: readonly SheetRow[]): SheetHeader {
  return mapSheetHeader(PAY_DATA_COLUMNS, 'data gaji', header, rows);
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
