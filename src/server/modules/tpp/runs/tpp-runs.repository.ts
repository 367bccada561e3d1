import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { TppRunIssue, TppRunStatus, TppRunView } from '../../../../contracts/tpp';
import { queryRows, type Executor } from '../../../db/client';
import { tppResults, tppRuns, units, users } from '../../../db/schema';
import type { ComputedTpp } from './compute-employee-tpp';

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

/** Newest first; `unitIds` narrows to runs of those units (an admin OPD's). */
export async function findRunViews(executor: Executor, options: { period?: string | undefined; unitIds: readonly string[] | null; limit: number }): Promise<TppRunView[]> {
  if (options.unitIds !== null && options.unitIds.length === 0) return [];
  const rows = await selectRuns(executor)
    .where(and(options.period ? eq(tppRuns.period, options.period) : undefined, options.unitIds === null ? undefined : inArray(tppRuns.unitId, [...options.unitIds])))
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

/** Results of a run are written as history first (not current) and made current in one step at the end. */
export async function insertPendingResults(executor: Executor, runId: string, ruleSetId: string, period: string, computed: readonly ComputedTpp[], now: Date): Promise<void> {
  if (computed.length === 0) return;
  await executor.insert(tppResults).values(
    computed.map(({ snapshot, input, result, notes }) => ({
      period,
      employeeId: snapshot.employeeId,
      runId,
      ruleSetId,
      isCurrent: false,
      nip: snapshot.nip,
      employeeName: snapshot.employeeName,
      golongan: snapshot.golongan,
      jenisAsn: snapshot.jenisAsn,
      unitId: snapshot.unitId,
      unitName: snapshot.unitName,
      opdUnitId: snapshot.opdUnitId,
      opdName: snapshot.opdName,
      positionId: snapshot.positionId,
      positionCode: snapshot.positionCode,
      positionName: snapshot.positionName,
      kelasJabatan: snapshot.kelasJabatan,
      input,
      result,
      notes,
      earned: result.earned,
      deductionTotal: result.deductionTotal,
      adjustmentTotal: result.adjustmentTotal,
      tpp: result.tpp,
      gross: result.gross,
      pph21: result.pph21.amount,
      bpjsEmployer: result.bpjs.employer,
      bpjsEmployee: result.bpjs.employee,
      net: result.net,
      computedAt: now,
    })),
  );
}

/** The previous current results of the run's employees step aside; the run's become current. */
export async function promoteRunResults(executor: Executor, runId: string, period: string): Promise<number> {
  await queryRows(
    executor,
    sql`update tpp_results set is_current = false
        where period = ${period} and is_current and employee_id in (select employee_id from tpp_results where run_id = ${runId}::uuid)`,
  );
  const promoted = await executor.update(tppResults).set({ isCurrent: true }).where(eq(tppResults.runId, runId)).returning({ id: tppResults.id });
  return promoted.length;
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
