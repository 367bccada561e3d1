import ExcelJS from 'exceljs';
import type { ProductivityList } from '../../../../contracts/activities-productivity';

/**
 * Unit productivity as xlsx: one row per employee, minutes as numbers and the percentage as a
 * number with two decimals (basis points ÷ 100), so that HR can sort and sum.
 */
export async function buildProductivityWorkbook(list: ProductivityList, unitName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'e-Kinerja';
  const sheet = workbook.addWorksheet(`Produktivitas ${list.month}`, { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.addRow([`Produktivitas aktivitas harian ${unitName}, bulan ${list.month}${list.isPartial ? ` (s.d. ${list.throughDate})` : ''}`]).font = { bold: true };
  sheet.addRow([]);
  sheet.addRow([
    'NIP',
    'Nama',
    'Hari kerja efektif',
    'Hari cuti/dinas',
    'Target (menit)',
    'Disetujui (menit)',
    'Dihitung (menit)',
    'Dikreditkan (menit)',
    'Menunggu (menit)',
    'Produktivitas (%)',
  ]).font = { bold: true };
  for (const item of list.items) {
    sheet.addRow([
      item.employeeNip,
      item.employeeName,
      item.effectiveWorkingDays,
      item.leaveDays,
      item.targetMinutes,
      item.approvedMinutes,
      item.countedMinutes,
      item.creditedMinutes,
      item.pendingMinutes,
      item.percentBasisPoints === null ? null : item.percentBasisPoints / 100,
    ]);
  }
  // 18-digit NIPs as text: as numbers Excel would round them.
  sheet.getColumn(1).numFmt = '@';
  sheet.getColumn(1).width = 22;
  sheet.getColumn(2).width = 32;
  sheet.getColumn(10).numFmt = '0.00';
  return Buffer.from(new Uint8Array(await workbook.xlsx.writeBuffer()));
}
