import ExcelJS from 'exceljs';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface SheetSpec {
  name: string;
  header: readonly string[];
  rows: readonly (readonly string[])[];
  /** Whole sheet as text (`@`): Excel then keeps 18-digit NIPs and leading zeros intact when edited. */
  isText?: boolean;
}

/** A workbook whose first sheet is the one the importer reads. */
export async function writeWorkbook(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'e-Kinerja';
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = spec.header.map((name, index) => ({
      key: name,
      width: Math.min(60, spec.rows.reduce((widest, row) => Math.max(widest, (row[index] ?? '').length + 2), Math.max(12, name.length + 2))),
      style: spec.isText ? { numFmt: '@' } : {},
    }));
    sheet.addRow([...spec.header]).font = { bold: true };
    for (const row of spec.rows) sheet.addRow([...row]);
    if (spec.header.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.header.length } };
  }
  // Typed as exceljs' own Buffer (an ArrayBuffer); at run time it is a Node Buffer. Either copies fine.
  return Buffer.from(new Uint8Array(await workbook.xlsx.writeBuffer()));
}

/** `attachment` header with an ASCII file name (ours are built from safe words and dates). */
export const attachmentHeader = (fileName: string) => `attachment; filename="${fileName}"`;
