import ExcelJS from 'exceljs';
import type { AttendanceRecap } from '../../../../contracts/attendance-daily';
import { EARLY_BANDS, EXCUSED_STATUSES, LATE_BANDS } from '../../../../contracts/attendance-daily';
import { requestKindLabels } from '../../../../contracts/attendance-requests';

const EXCUSED_COLUMNS = [...EXCUSED_STATUSES, 'dinas_luar_sebagian'] as const;

/** Rekap kehadiran as xlsx: the columns an HR officer expects, one row per employee, counts as numbers. */
export async function buildRecapWorkbook(recap: AttendanceRecap, unitName: string): Promise<Buffer> {
  const header = [
    'NIP',
    'Nama',
    'Hari kerja',
    'Hadir',
    ...LATE_BANDS,
    ...EARLY_BANDS,
    'Tidak absen masuk',
    'Tidak absen pulang',
    'TK',
    ...EXCUSED_COLUMNS.map((key) => requestKindLabels[key]),
  ];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'e-Kinerja';
  const sheet = workbook.addWorksheet(`Rekap ${recap.month}`, { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.addRow([`Rekap kehadiran ${unitName}, bulan ${recap.month}`]).font = { bold: true };
  sheet.addRow([]);
  sheet.addRow(header).font = { bold: true };
  for (const row of recap.rows) {
    sheet.addRow([
      row.nip,
      row.name,
      row.workingDays,
      row.present,
      ...LATE_BANDS.map((band) => row.late[band] ?? 0),
      ...EARLY_BANDS.map((band) => row.early[band] ?? 0),
      row.noCheckIn,
      row.noCheckOut,
      row.tk,
      ...EXCUSED_COLUMNS.map((key) => row.excused[key] ?? 0),
    ]);
  }
  // 18-digit NIPs as text: as numbers Excel would round them.
  sheet.getColumn(1).numFmt = '@';
  sheet.getColumn(1).width = 22;
  sheet.getColumn(2).width = 32;
  return Buffer.from(new Uint8Array(await workbook.xlsx.writeBuffer()));
}
