import type { Database, Executor } from '../../../db/client';
import { hasRole, type RequestContext } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { ImportRecord, ImportRowError } from './import-columns';
import { findScopeRootUnitId } from './import.repository';
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

/** Thrown out of the import transaction to undo it (dry run, or any bad row) while keeping the report. */
class RollbackSignal extends Error {
  constructor(readonly run: ImportRun) {
    super('import rolled back');
  }
}

/** What an all-or-nothing import reports, its errors in row order. */
export interface ImportOutcome {
  created: number;
  updated: number;
  errors: ImportRowError[];
  failedRowCount: number;
  isCommitted: boolean;
}

/**
 * One all-or-nothing import (ADR 0005): `writeRows` writes the rows, each in its savepoint, inside one
 * transaction; a dry run or any bad row rolls everything back and still reports what the real run
 * would do; otherwise the import is audited in the same transaction (scoped to the admin OPD's units).
 * `ctx` is who writes the rows; `auditCtx` who is recorded (the same unless the rows widen the scope).
 */
export async function runAllOrNothingImport(
  db: Database,
  input: {
    ctx: RequestContext;
    auditCtx?: RequestContext;
    records: readonly ImportRecord[];
    earlyErrors: readonly ImportRowError[];
    dryRun: boolean;
    writeRows: (run: ImportRun) => Promise<void>;
    audit: { entityType: string; after: (run: ImportRun) => Record<string, unknown> };
  },
): Promise<ImportOutcome> {
  const auditCtx = input.auditCtx ?? input.ctx;
  const run = await db
    .transaction(async (tx) => {
      const current: ImportRun = {
        tx,
        ctx: input.ctx,
        records: input.records,
        failedRows: new Set(input.earlyErrors.map((error) => error.row)),
        errors: [...input.earlyErrors],
        created: 0,
        updated: 0,
      };
      await input.writeRows(current);
      if (input.dryRun || current.errors.length > 0) throw new RollbackSignal(current);
      await recordAudit(tx, auditCtx, {
        action: 'import',
        entityType: input.audit.entityType,
        after: input.audit.after(current),
        scopeUnitId: auditCtx.actor && !hasRole(auditCtx.actor, 'admin_bkpsdm') ? await findScopeRootUnitId(tx, auditCtx.actor.adminUnitIds) : null,
      });
      return current;
    })
    .catch((error: unknown) => {
      if (error instanceof RollbackSignal) return error.run;
      throw error;
    });
  const errors = [...run.errors].sort((a, b) => a.row - b.row);
  return {
    created: run.created,
    updated: run.updated,
    errors,
    failedRowCount: new Set(errors.map((error) => error.row)).size,
    isCommitted: !input.dryRun && errors.length === 0,
  };
}
