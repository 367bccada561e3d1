import type { Executor } from '../../../db/client';
import type { RequestContext } from '../../../platform/actor';
import type { ImportRecord, ImportRowError } from './import-columns';
import { toRowErrors, type ColumnByField } from './row-errors';

export type RowOutcome = 'created' | 'updated' | 'unchanged';

/** Shared state of one import while its rows are written inside the import transaction. */
export interface ImportRun {
  tx: Executor;
  ctx: RequestContext;
  records: readonly ImportRecord[];
  /** Rows that already failed before being written (unreadable cells); they are never written. */
  failedRows: Set<number>;
  errors: ImportRowError[];
  created: number;
  updated: number;
}

/**
 * Writes one row in its own savepoint: a failing row is rolled back alone, its errors are
 * collected and the other rows go on, so a single run reports every bad row.
 */
export async function runRow<T extends { outcome: RowOutcome }>(
  run: ImportRun,
  rowNumber: number,
  columnByField: ColumnByField,
  work: (savepoint: Executor) => Promise<T>,
): Promise<T | null> {
  try {
    const result = await run.tx.transaction((savepoint) => work(savepoint));
    if (result.outcome === 'created') run.created += 1;
    if (result.outcome === 'updated') run.updated += 1;
    return result;
  } catch (error) {
    const rowErrors = toRowErrors(error, rowNumber, columnByField);
    if (!rowErrors) throw error;
    run.errors.push(...rowErrors);
    run.failedRows.add(rowNumber);
    return null;
  }
}

export function failRow(run: ImportRun, errors: readonly ImportRowError[]) {
  const [first] = errors;
  if (!first) return;
  run.errors.push(...errors);
  run.failedRows.add(first.row);
}

/** Only the fields whose desired value differs from the stored one (null and undefined are the same). */
export function pickChanges<D extends object>(stored: { [K in keyof D]?: unknown }, desired: D, fields: readonly (keyof D)[]): Partial<D> {
  const changes: Partial<D> = {};
  for (const field of fields) {
    if ((stored[field] ?? null) !== (desired[field] ?? null)) changes[field] = desired[field];
  }
  return changes;
}
