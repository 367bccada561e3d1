import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { TppRunIssue, TppRunStatus, TppRunView } from '../../../../contracts/tpp';
import { queryRows, type Executor } from '../../../db/client';
import { tppResults, tppRuns, units, users } from '../../../db/schema';
import { openCopyChannel } from '../../../db/copy-channel';
import { TPP_RESULT_COPY_COLUMNS } from './encode-tpp-results-copy';

const runColumns = {
  id: tppRuns.id,
  period: tppRuns.period,
  unitId: tppRuns.unitId,
  unitName: units.name,
  status: tppRuns.status,
  progressDone: tppRuns.progressDone,
  progressTotal: tppRuns.progressTotal,
  issues: tppRuns.issues,
  requestedByName: users.displayName,
  requestedByLabel: tppRuns.requestedByLabel,
  requestedAt: tppRuns.requestedAt,
  startedAt: tppRuns.startedAt,
  finishedAt: tppRuns.finishedAt,
  error: tppRuns.error,
};

const selectRuns = (executor: Executor) =>
  executor.select(runColumns).from(tppRuns).leftJoin(units, eq(units.id, tppRuns.unitId)).leftJoin(users, eq(users.id, tppRuns.requestedByUserId));
type RunRow = Awaited<ReturnType<typeof selectRuns>>[number];

const toView = (row: RunRow): TppRunView => ({
  id: row.id,
  period: row.period,
  unitId: row.unitId,
  unitName: row.unitName,
  status: row.status as TppRunStatus,
  progressDone: row.progressDone,
  progressTotal: row.progressTotal,
  issues: Array.isArray(row.issues) ? (row.issues as TppRunIssue[]) : [],
  requestedBy: row.requestedByName ?? row.requestedByLabel,
  requestedAt: row.requestedAt.toISOString(),
  startedAt: row.startedAt?.toISOString() ?? null,
  finishedAt: row.finishedAt?.toISOString() ?? null,
  error: row.error,
});

export async function findRunView(executor: Executor, id: string): Promise<TppRunView | null> {
  const [row] = await selectRuns(executor).where(eq(tppRuns.id, id));
  return row ? toView(row) : null;
}

/** Newest first; `unitIds` narrows to runs of those units (an admin OPD's) and the region's. */
export async function findRunViews(executor: Executor, options: { period?: string | undefined; unitIds: readonly string[] | null; limit: number }): Promise<TppRunView[]> {
  if (options.unitIds !== null && options.unitIds.length === 0) return [];
  // An admin OPD sees the runs of their units and the region's runs, which computed their units too.
  const inScope = options.unitIds === null ? undefined : or(isNull(tppRuns.unitId), inArray(tppRuns.unitId, [...options.unitIds]));
  const rows = await selectRuns(executor)
    .where(and(options.period ? eq(tppRuns.period, options.period) : undefined, inScope))
    .orderBy(desc(tppRuns.requestedAt))
    .limit(options.limit);
  return rows.map(toView);
}

export async function findActiveRunId(executor: Executor, period: string, unitId: string | null): Promise<string | null> {
  const [row] = await executor
    .select({ id: tppRuns.id })
    .from(tppRuns)
    .where(and(eq(tppRuns.period, period), unitId === null ? sql`${tppRuns.unitId} is null` : eq(tppRuns.unitId, unitId), inArray(tppRuns.status, ['queued', 'running'])));
  return row?.id ?? null;
}

const RESULT_COPY_TARGET = `tpp_results (${TPP_RESULT_COPY_COLUMNS.join(', ')})`;

/**
 * Makes a run's rows current, in the run's transaction: the month's current results of these
 * employees step aside and the rows (encoded by encodeTppResultsCopy as current) are written, once,
 * in their final state — writing them as history during the run and then updating every one of them
 * to current cost a second write of each row (ADR 0013, amendment). Called per batch as the run
 * computes them, or once with all of them. The employees are named (not found by a sub-select): that
 * plan stays an index lookup per employee even when the table's statistics still describe it as
 * empty, as after its first run. Returns the rows written.
 */
export async function replaceCurrentResults(tx: Executor, period: string, employeeIds: readonly string[], batches: readonly EncodedResults[]): Promise<number> {
  if (employeeIds.length > 0) {
    await queryRows(tx, sql`update tpp_results set is_current = false where period = ${period} and is_current and employee_id = any(${`{${employeeIds.join(',')}}`}::uuid[])`);
  }
  const channel = openCopyChannel(tx);
  if (!channel) throw new Error('replaceCurrentResults runs in a transaction (its COPY channel)');
  let written = 0;
  for (const batch of batches) {
    if (batch.rows === 0) continue;
    await channel.copyIn(RESULT_COPY_TARGET, batch.payload);
    written += batch.rows;
  }
  return written;
}

/**
 * The last step of a run, in its transaction after its rows are written: the month's other current
 * results that the run should have replaced step aside as history — of employees in its scope it
 * could not compute, and of those it no longer covers (no longer active, without a definitive
 * position, moved out of the run's units) — so that no stale amount stays payable. `unitIds` null =
 * the whole region. Returns whose results they were.
 */
export async function retireUncoveredResults(
  tx: Executor,
  run: { id: string; period: string },
  scope: { unitIds: readonly string[] | null; employeeIds: readonly string[] },
): Promise<{ employeeId: string; nip: string; name: string }[]> {
  const inScope =
    scope.unitIds === null
      ? sql`true`
      : sql`(unit_id = any(${`{${scope.unitIds.join(',')}}`}::uuid[]) or employee_id = any(${`{${scope.employeeIds.join(',')}}`}::uuid[]))`;
  return queryRows(
    tx,
    sql`update tpp_results set is_current = false
        where period = ${run.period} and is_current and run_id <> ${run.id} and frozen_at is null and ${inScope}
        returning employee_id as "employeeId", nip, employee_name as "name"`,
  );
}

/** A batch's results as COPY rows (encodeTppResultsCopy) and how many. */
export interface EncodedResults {
  payload: Uint8Array<ArrayBuffer>;
  rows: number;
}

export async function deletePendingResults(executor: Executor, runId: string): Promise<void> {
  await executor.delete(tppResults).where(and(eq(tppResults.runId, runId), eq(tppResults.isCurrent, false)));
}

/**
 * Serialises writing a month's results against closing that month (both take this lock inside their
 * transaction), so a run never makes results current in a month closed under it.
 */
export async function lockTppPeriod(executor: Executor, period: string): Promise<void> {
  await queryRows(executor, sql`select pg_advisory_xact_lock(hashtext(${`tpp-period:${period}`}))`);
}
