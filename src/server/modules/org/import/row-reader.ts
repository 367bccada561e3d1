import type { ImportRecord, ImportRowError } from './import-columns';

/** "Fungsional Keahlian", "fungsional-keahlian" → "fungsional_keahlian". */
const normalizeToken = (value: string) => value.trim().toLowerCase().replace(/[\s-]+/g, '_');

const TRUE_WORDS = new Set(['ya', 'y', 'true', 'benar', '1', 'yes']);
const FALSE_WORDS = new Set(['tidak', 't', 'false', 'salah', '0', 'no']);

/**
 * Reads one row's cells into typed values and collects every problem of the row (not just the
 * first). Convention for every reader: `undefined` = column absent from the file (keep what is
 * stored), `null` = cell left empty, otherwise the parsed value.
 */
export class RowReader {
  readonly errors: ImportRowError[] = [];

  constructor(private readonly record: ImportRecord) {}

  get rowNumber() {
    return this.record.rowNumber;
  }

  fail(column: string | null, message: string) {
    this.errors.push({ row: this.record.rowNumber, column, message });
  }

  text(column: string): string | null | undefined {
    const value = this.record.values.get(column);
    if (value === undefined) return undefined;
    return value === '' ? null : value;
  }

  /** Accepts the stored value in any case/spacing, or a listed alias (e.g. WIB → Asia/Jakarta). */
  choice<T extends string>(column: string, allowed: readonly T[], aliases: Readonly<Record<string, T>> = {}): T | null | undefined {
    const raw = this.text(column);
    if (raw === undefined || raw === null) return raw;
    const token = normalizeToken(raw);
    const match = allowed.find((value) => normalizeToken(value) === token) ?? aliases[token];
    if (match === undefined) this.fail(column, `Nilai "${raw}" tidak dikenal. Pilihan: ${allowed.join(', ')}`);
    return match;
  }

  yesNo(column: string): boolean | null | undefined {
    const raw = this.text(column);
    if (raw === undefined || raw === null) return raw;
    const token = raw.trim().toLowerCase();
    if (TRUE_WORDS.has(token)) return true;
    if (FALSE_WORDS.has(token)) return false;
    this.fail(column, `Nilai "${raw}" harus ya atau tidak`);
    return undefined;
  }

  /** YYYY-MM-DD, or DD/MM/YYYY and DD-MM-YYYY as Indonesian spreadsheets often show dates. */
  date(column: string): string | null | undefined {
    const raw = this.text(column);
    if (raw === undefined || raw === null) return raw;
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
    const local = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(raw);
    const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3], local[2], local[1]] : [];
    const candidate = year && month && day ? `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` : null;
    if (!candidate || !isCalendarDate(candidate)) {
      this.fail(column, `Tanggal "${raw}" tidak valid; gunakan format YYYY-MM-DD`);
      return undefined;
    }
    return candidate;
  }

  /** Whole numbers only ("9" or "9.0" from a spreadsheet number cell). */
  integer(column: string): number | null | undefined {
    const raw = this.text(column);
    if (raw === undefined || raw === null) return raw;
    const value = Number(raw.replace(',', '.'));
    if (!Number.isInteger(value)) {
      this.fail(column, `Nilai "${raw}" harus bilangan bulat`);
      return undefined;
    }
    return value;
  }

  required<T>(column: string, value: T | null | undefined): T | undefined {
    if (value === null || (value === undefined && !this.errors.some((error) => error.column === column))) {
      this.fail(column, `Kolom ${column} wajib diisi`);
      return undefined;
    }
    return value;
  }
}

function isCalendarDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}
