import ExcelJS from 'exceljs';
import { collectDeductionColumns, deductionAmount, type PayrollData } from './payroll-rows';

const RUPIAH_FORMAT = '#,##0';

/**
 * Rekap pembayaran TPP for BPKAD (xlsx): one row per employee with NIP, name, golongan, position,
 * class, TPP before cuts, each deduction, adjustments, TPP, the allowances, PPh 21, BPJS, corrections
 * of earlier months, net, and the bank account. Money as numbers so that BPKAD can sum and check.
 */
export async function buildPayrollWorkbook(data: PayrollData, scopeName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'e-Kinerja';
  const sheet = workbook.addWorksheet(`TPP ${data.period}`, { views: [{ state: 'frozen', ySplit: 3, xSplit: 3 }] });
  const deductions = collectDeductionColumns(data.rows);
  sheet.addRow([`Rekap pembayaran TPP ${scopeName}, bulan ${data.period}${data.isFrozen ? '' : ' (bulan belum ditutup: dapat berubah)'}`]).font = { bold: true };
  // Row 2 says why account numbers read "******5678", so nobody takes them for a data error.
  sheet.addRow(data.hasMaskedAccounts ? ['Nomor rekening disamarkan: nomor lengkap hanya untuk admin BKPSDM dan admin OPD yang mengelola pegawai tersebut.'] : []);
  const header = [
    'No',
    'NIP',
    'Nama',
    'Golongan',
    'Jabatan',
    'Kelas jabatan',
    'OPD',
    'TPP sebelum potongan',
    ...deductions.map((column) => `Potongan: ${column.label}`),
    'Jumlah potongan',
    'Penyesuaian (CPNS, hukuman disiplin, Plt/Plh)',
    'TPP kotor',
    'Tunjangan BPJS 4 % (pemda)',
    'Tunjangan PPh 21 (pemda)',
    'Jumlah bruto',
    'PPh 21',
    'BPJS 4 % disetor',
    'BPJS 1 % pegawai',
    'Pembulatan',
    'Koreksi bulan sebelumnya',
    'Jumlah bersih dibayar',
    'Bank',
    'Nomor rekening',
    'Nama pemilik rekening',
  ];
  sheet.addRow(header).font = { bold: true };
  const firstMoney = 8;
  const lastMoney = header.length - 3;
  const totals = new Array<number>(lastMoney - firstMoney + 1).fill(0);
  data.rows.forEach((row, index) => {
    const { result } = row;
    const taxAllowance = result?.pph21.policy === 'borne_by_region' ? result.pph21.amount : 0;
    // A row without a result this month pays only its corrections.
    const money = [
      result?.earned ?? 0,
      ...deductions.map((column) => deductionAmount(row, column.code)),
      result?.deductionTotal ?? 0,
      result?.adjustmentTotal ?? 0,
      result?.tpp ?? 0,
      result?.bpjs.employer ?? 0,
      taxAllowance,
      result?.gross ?? 0,
      result?.pph21.amount ?? 0,
      result?.bpjs.employer ?? 0,
      result?.bpjs.employee ?? 0,
      result?.roundingDifference ?? 0,
      row.corrections,
      (result?.net ?? 0) + row.corrections,
    ];
    money.forEach((amount, column) => (totals[column] = (totals[column] ?? 0) + amount));
    sheet.addRow([
      index + 1,
      row.nip,
      row.name,
      row.golongan ?? '',
      row.positionName ?? '',
      row.kelasJabatan,
      row.opdName ?? '',
      ...money,
      row.bank?.bankName ?? '',
      row.bank?.accountNumber ?? '',
      row.bank?.accountHolder ?? '',
    ]);
  });
  sheet.addRow(['', '', 'JUMLAH', '', '', '', '', ...totals]).font = { bold: true };
  for (let column = firstMoney; column <= lastMoney; column += 1) {
    sheet.getColumn(column).numFmt = RUPIAH_FORMAT;
    sheet.getColumn(column).width = 16;
  }
  // NIPs and account numbers as text: as numbers Excel would round or strip them.
  sheet.getColumn(2).numFmt = '@';
  sheet.getColumn(lastMoney + 2).numFmt = '@';
  sheet.getColumn(2).width = 22;
  sheet.getColumn(3).width = 32;
  sheet.getColumn(5).width = 30;
  return Buffer.from(new Uint8Array(await workbook.xlsx.writeBuffer()));
}
