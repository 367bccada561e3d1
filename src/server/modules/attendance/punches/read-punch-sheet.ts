import ExcelJS from 'exceljs';
import { parseSheet, type ParsedSheet } from '../../org/import/parse-sheet';

const isZip = (buffer: Buffer) => buffer.length >= 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04;

/** exceljs hands date-time cells over as the wall clock expressed in UTC: read it back as such. */
const formatWallClock = (value: Date) => value.toISOString().slice(0, 19).replace('T', ' ');

/**
 * Reads a vendor log export. CSV goes through the shared `parseSheet`; for xlsx the shared reader
 * keeps only the date of a date-time cell (right for master data, wrong for punches), so the
 * date-time cells are read again here with their time of day.
 */
export async function readPunchSheet(buffer: Buffer): Promise<ParsedSheet> {
  const parsed = await parseSheet(buffer);
  if (!isZip(buffer)) return parsed;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Uint8Array.from(buffer).buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return parsed;
  const rows = parsed.rows.map((row) => {
    const cells = [...row.cells];
    sheet.getRow(row.rowNumber).eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      const value = cell.value;
      if (!(value instanceof Date)) return;
      // A time-only cell is a date-time on Excel's epoch day (1899-12-30): keep the time alone.
      cells[columnNumber - 1] = value.getUTCFullYear() < 1901 ? formatWallClock(value).slice(11) : formatWallClock(value);
    });
    return { ...row, cells };
  });
  return { ...parsed, rows };
}
