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

/** The columns of a result row as one JSON record (json_to_recordset below), in the table's types. */
const RESULT_RECORD = sql.raw(
  [
    'employee_id uuid',
    'nip text',
    'employee_name text',
    'golongan text',
    'jenis_asn text',
    'unit_id uuid',
    'unit_name text',
    'opd_unit_id uuid',
    'opd_name text',
    'position_id uuid',
    'position_code text',
    'position_name text',
    'kelas_jabatan integer',
    'input jsonb',
    'notes jsonb',
    'earned bigint',
    'deduction_total bigint',
    'adjustment_total bigint',
    'tpp bigint',
    'gross bigint',
    'pph21 bigint',
    'bpjs_employer bigint',
    'bpjs_employee bigint',
    'net bigint',
  ].join(', '),
);

/**
 * Results of a run are written as history first (not current) and made current in one step at the end.
 * One statement per batch with the rows as a single JSON parameter: a month of a region is tens of
 * thousands of rows, and binding 24 parameters per row costs more than the insert itself. The
 * explanation (result lines) is not written here but when the month is closed (ADR 0013): it was
 * six times the size of the input it is computed from, and most of a run's time.
 */
export async function insertPendingResults(executor: Executor, runId: string, ruleSetId: string, period: string, computed: readonly ComputedTpp[], now: Date): Promise<void> {
  if (computed.length === 0) return;
  const records = computed.map(({ snapshot, input, result, notes }) => ({
    employee_id: snapshot.employeeId,
    nip: snapshot.nip,
    employee_name: snapshot.employeeName,
    golongan: snapshot.golongan,
    jenis_asn: snapshot.jenisAsn,
    unit_id: snapshot.unitId,
    unit_name: snapshot.unitName,
    opd_unit_id: snapshot.opdUnitId,
    opd_name: snapshot.opdName,
    position_id: snapshot.positionId,
    position_code: snapshot.positionCode,
    position_name: snapshot.positionName,
    kelas_jabatan: snapshot.kelasJabatan,
    input,
    notes,
    earned: result.earned,
    deduction_total: result.deductionTotal,
    adjustment_total: result.adjustmentTotal,
    tpp: result.tpp,
    gross: result.gross,
    pph21: result.pph21.amount,
    bpjs_employer: result.bpjs.employer,
    bpjs_employee: result.bpjs.employee,
    net: result.net,
  }));
  await queryRows(
    executor,
    sql`insert into tpp_results (period, employee_id, run_id, rule_set_id, is_current, nip, employee_name, golongan, jenis_asn, unit_id, unit_name,
          opd_unit_id, opd_name, position_id, position_code, position_name, kelas_jabatan, input, result, notes, earned, deduction_total,
          adjustment_total, tpp, gross, pph21, bpjs_employer, bpjs_employee, net, computed_at)
        select ${period}, x.employee_id, ${runId}::uuid, ${ruleSetId}::uuid, false, x.nip, x.employee_name, x.golongan, x.jenis_asn, x.unit_id, x.unit_name,
          x.opd_unit_id, x.opd_name, x.position_id, x.position_code, x.position_name, x.kelas_jabatan, x.input, null, x.notes, x.earned, x.deduction_total,
          x.adjustment_total, x.tpp, x.gross, x.pph21, x.bpjs_employer, x.bpjs_employee, x.net, ${now.toISOString()}::timestamptz
        from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as x(${RESULT_RECORD})`,
  );
}

/**
 * The previous current results of the run's employees step aside; the run's become current. The
 * employees are named (not found by a sub-select on the run): that plan stays an index lookup per
 * employee even when the table's statistics still describe it as empty, as after its first run.
 */
export async function promoteRunResults(executor: Executor, runId: string, period: string, employeeIds: readonly string[]): Promise<number> {
  if (employeeIds.length > 0) {
    await queryRows(
      executor,
      sql`update tpp_results set is_current = false
          where period = ${period} and is_current and run_id <> ${runId}::uuid and employee_id = any(${`{${employeeIds.join(',')}}`}::uuid[])`,
    );
  }
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
