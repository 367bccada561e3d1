import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { AppError } from '../../../platform/errors';

/** Guards memory and transaction size; the demo regency (~2,000 employees) fits tenfold. */
export const MAX_IMPORT_ROWS = 20_000;

export interface SheetCellIssue {
  columnIndex: number;
  message: string;
}

export interface SheetRow {
  /** Spreadsheet row number as the user sees it (header = 1). */
  rowNumber: number;
  cells: string[];
  /** Cells whose value could not be read faithfully (e.g. an 18-digit NIP stored as a number). */
  issues: SheetCellIssue[];
}

export interface ParsedSheet {
  format: 'xlsx' | 'csv';
  header: string[];
  /** Non-empty data rows only. */
  rows: SheetRow[];
}

const unsupportedFile = () =>
  new AppError('UNSUPPORTED_FILE', 'Berkas bukan xlsx atau csv yang valid', {
    hint: 'Unggah berkas .xlsx (Excel) atau .csv berenkode UTF-8 dengan pemisah koma atau titik koma.',
  });

const tooManyRows = () =>
  new AppError(
    'VALIDATION_FAILED',
    `Berkas berisi lebih dari ${MAX_IMPORT_ROWS.toLocaleString('id-ID')} baris data. Pecah menjadi beberapa berkas.`,
    { maxRows: MAX_IMPORT_ROWS },
  );

const isZip = (buffer: Buffer) => buffer.length >= 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04;

/** Reads an upload by its content (never its name): xlsx (zip) or UTF-8 csv. */
export async function parseSheet(buffer: Buffer): Promise<ParsedSheet> {
  const parsed = isZip(buffer) ? await parseXlsx(buffer) : parseCsvText(decodeText(buffer));
  if (parsed.header.every((name) => name === '')) {
    throw new AppError('VALIDATION_FAILED', 'Berkas kosong: baris 1 harus berisi judul kolom');
  }
  return parsed;
}

// ---------- xlsx ----------

const isBlankRow = (cells: string[]) => cells.every((cell) => cell === '');

async function parseXlsx(buffer: Buffer): Promise<ParsedSheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types predate generic Node Buffers; JSZip reads a plain ArrayBuffer copy just the same.
    await workbook.xlsx.load(Uint8Array.from(buffer).buffer);
  } catch {
    // A zip that is not a workbook (docx, damaged file) is as unusable as a PNG.
    throw unsupportedFile();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unsupportedFile();
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) throw tooManyRows();

  const header: string[] = [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const issues: SheetCellIssue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
      const read = readCell(cell.value);
      cells[columnNumber - 1] = read.text;
      if (read.issue) issues.push({ columnIndex: columnNumber - 1, message: read.issue });
    });
    const filled = Array.from(cells, (cell) => cell ?? '');
    if (rowNumber === 1) header.push(...filled);
    else if (!isBlankRow(filled)) rows.push({ rowNumber, cells: filled, issues });
  });
  return { format: 'xlsx', header, rows };
}

interface CellRead {
  text: string;
  issue?: string;
}

/** Calendar dates in xlsx carry no zone; exceljs hands them over as UTC midnight. */
const formatDate = (value: Date) => value.toISOString().slice(0, 10);

function readCell(value: ExcelJS.CellValue): CellRead {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value.trim() };
  if (typeof value === 'boolean') return { text: value ? 'ya' : 'tidak' };
  if (typeof value === 'number') return readNumber(value);
  if (value instanceof Date) return { text: formatDate(value) };
  if ('richText' in value) return { text: value.richText.map((part) => part.text).join('').trim() };
  if ('hyperlink' in value) return { text: String(value.text ?? '').trim() };
  if ('error' in value) return { text: '', issue: `Sel berisi galat rumus ${value.error}` };
  if ('result' in value || 'formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined ? { text: '' } : readCell(result);
  }
  return { text: '' };
}

function readNumber(value: number): CellRead {
  // An 18-digit NIP typed as a number loses its last digits in Excel; refuse to guess them.
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
    return { text: String(value), issue: 'Angka terlalu panjang sehingga digit terakhirnya hilang; isi kolom ini sebagai teks' };
  }
  return { text: String(value) };
}

// ---------- csv ----------

function decodeText(buffer: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw unsupportedFile();
  }
  if (hasBinaryControls(text)) throw unsupportedFile();
  return text.replace(/^\uFEFF/, '');
}

/** Text files never contain NUL or other C0 controls besides tab, line breaks and form feed. */
function hasBinaryControls(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) return true;
  }
  return false;
}

/** Excel in an Indonesian locale saves csv with `;`; elsewhere `,`. The header line decides. */
function detectDelimiter(text: string): ',' | ';' {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const semicolons = unquoted.split(';').length - 1;
  const commas = unquoted.split(',').length - 1;
  return semicolons > commas ? ';' : ',';
}

function parseCsvText(text: string): ParsedSheet {
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new AppError('UNSUPPORTED_FILE', 'Berkas bukan xlsx atau csv yang valid', { hint: `CSV tidak dapat dibaca: ${message}` });
  }
  const [header = [], ...data] = records;
  const rows: SheetRow[] = [];
  data.forEach((cells, index) => {
    // Empty lines are kept while parsing so that row numbers match what a spreadsheet shows.
    if (!isBlankRow(cells)) rows.push({ rowNumber: index + 2, cells, issues: [] });
  });
  if (rows.length > MAX_IMPORT_ROWS) throw tooManyRows();
  return { format: 'csv', header, rows };
}
