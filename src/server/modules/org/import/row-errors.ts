import type { z } from 'zod';
import { AppError } from '../../../platform/errors';
import type { ImportRowError } from './import-columns';

/** Which spreadsheet column a contract field came from, per entity. */
export type ColumnByField = Readonly<Record<string, string>>;

/** A row that cannot be written; thrown inside a row's savepoint and collected by the importer. */
export class RowFailure extends Error {
  constructor(readonly errors: ImportRowError[]) {
    super(errors.map((error) => error.message).join('; '));
    this.name = 'RowFailure';
  }
}

export const rowFailure = (row: number, column: string | null, message: string) => new RowFailure([{ row, column, message }]);

export function zodIssuesToRowErrors(issues: readonly z.core.$ZodIssue[], row: number, columnByField: ColumnByField): ImportRowError[] {
  return issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    return { row, column: columnByField[field] ?? null, message: issue.message };
  });
}

/** Postgres constraint violations that a bad row can cause even after validation (races, rules only the database knows). */
const messageBySqlState: Record<string, string> = {
  '23505': 'Data bentrok dengan data lain yang sudah ada (kunci ganda)',
  '23503': 'Data rujukan tidak ditemukan',
  '23514': 'Data melanggar aturan basis data',
  '22P02': 'Format nilai tidak valid',
  '22007': 'Format tanggal tidak valid',
  '22008': 'Tanggal di luar rentang',
};

function findSqlState(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** `details` as the error handler produces them: `[{ field, message }]`, or `{ field }` for one field. */
function detailErrors(details: unknown, row: number, columnByField: ColumnByField): ImportRowError[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((entry: unknown) => {
    if (!entry || typeof entry !== 'object') return [];
    const { field, message } = entry as { field?: unknown; message?: unknown };
    if (typeof message !== 'string') return [];
    return [{ row, column: typeof field === 'string' ? (columnByField[field] ?? null) : null, message }];
  });
}

function columnOfDetails(details: unknown, columnByField: ColumnByField): string | null {
  if (!details || typeof details !== 'object' || Array.isArray(details)) return null;
  const field = (details as { field?: unknown }).field;
  return typeof field === 'string' ? (columnByField[field] ?? null) : null;
}

/**
 * Turns what a service threw for one row into row errors with Indonesian messages. Returns null
 * for errors that are not about the row (bugs, lost connections): those abort the whole import.
 */
export function toRowErrors(error: unknown, row: number, columnByField: ColumnByField): ImportRowError[] | null {
  if (error instanceof RowFailure) return error.errors;
  if (error instanceof AppError) {
    if (error.statusCode >= 500) return null;
    const fromDetails = detailErrors(error.details, row, columnByField);
    if (fromDetails.length) return fromDetails;
    return [{ row, column: columnOfDetails(error.details, columnByField), message: error.message }];
  }
  const sqlState = findSqlState(error);
  const message = sqlState ? messageBySqlState[sqlState] : undefined;
  return message ? [{ row, column: null, message }] : null;
}

/** Runs a lookup that may fail the row, keeping its errors so that every problem of a row is reported at once. */
export async function collectFailure<T>(problems: ImportRowError[], lookup: () => Promise<T>): Promise<T | undefined> {
  try {
    return await lookup();
  } catch (error) {
    if (!(error instanceof RowFailure)) throw error;
    problems.push(...error.errors);
    return undefined;
  }
}
