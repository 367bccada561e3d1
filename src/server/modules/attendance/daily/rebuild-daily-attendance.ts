import { addDays } from '../../../../domain/attendance/derive-local-time';
import type { Executor } from '../../../db/client';
import { invalid } from '../../../platform/errors';
import { findUnitSubtreeIds } from '../../org';
import { deriveAttendanceRows, type DerivedRow } from './derive-attendance-rows';
import { findAttendanceEmployees, replaceDailyRows, type DailyRowInput } from './daily.repository';

/** A rebuild covers at most a year at once (the CLI can be run per year). */
export const MAX_REBUILD_DAYS = 366;

export interface RebuildInput {
  employeeIds?: string[];
  /** A unit and everything below it. */
  unitId?: string;
  from: string;
  to: string;
  now: Date;
}

const toStoredRow = (row: DerivedRow, computedAt: Date): DailyRowInput => ({
  employeeId: row.employeeId,
  date: row.date,
  unitId: row.unitId,
  scheduleId: row.scheduleId,
  plannedStart: row.plannedStart,
  plannedEnd: row.plannedEnd,
  status: row.status,
  lateMinutes: row.lateMinutes,
  earlyMinutes: row.earlyMinutes,
  lateBand: row.lateBand,
  earlyBand: row.earlyBand,
  firstIn: row.firstIn,
  lastOut: row.lastOut,
  punchIds: row.punchIds,
  requestIds: row.requestIds,
  isFinal: row.isFinal,
  computedAt,
});

const dayCount = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;

/**
 * Recompute and store daily attendance: one row per active, scheduled employee per started day,
 * TK when there is no punch. Runs in one transaction (a savepoint inside the caller's), so a
 * failure leaves the previous rows untouched. No authorisation: trusted callers only (CLI, jobs,
 * the request services after their own checks).
 */
export async function rebuildDailyAttendance(executor: Executor, input: RebuildInput): Promise<{ employees: number; rows: number }> {
  if (input.to < input.from) throw invalid('Tanggal selesai tidak boleh sebelum tanggal mulai');
  if (dayCount(input.from, input.to) > MAX_REBUILD_DAYS) throw invalid(`Rentang paling lama ${MAX_REBUILD_DAYS} hari sekali proses`);
  return executor.transaction(async (tx) => {
    const unitIds = input.unitId ? await findUnitSubtreeIds(tx, [input.unitId]) : undefined;
    const employees = await findAttendanceEmployees(tx, { ...(input.employeeIds ? { employeeIds: input.employeeIds } : {}), ...(unitIds ? { unitIds } : {}) });
    const rows = await deriveAttendanceRows(tx, employees, input.from, input.to, input.now);
    await replaceDailyRows(
      tx,
      employees.map((employee) => employee.id),
      input.from,
      input.to,
      rows.map((row) => toStoredRow(row, input.now)),
    );
    return { employees: employees.length, rows: rows.length };
  });
}

/**
 * Recompute the days touched by a change (punches arrived, a request approved or cancelled …).
 * A punch's local date may belong to the previous day's overnight shift, so that day is redone too.
 */
export async function recomputeAffectedDays(executor: Executor, affected: { employeeId: string; localDate: string }[], now: Date): Promise<void> {
  const rangeOf = new Map<string, { from: string; to: string }>();
  for (const day of affected) {
    const from = addDays(day.localDate, -1);
    const current = rangeOf.get(day.employeeId);
    rangeOf.set(day.employeeId, current ? { from: from < current.from ? from : current.from, to: day.localDate > current.to ? day.localDate : current.to } : { from, to: day.localDate });
  }
  // Employees with the same range are rebuilt together: one upload from a device usually touches
  // hundreds of people on the same day, and one batch is far cheaper than one rebuild per person.
  const employeesByRange = new Map<string, { from: string; to: string; employeeIds: string[] }>();
  for (const [employeeId, range] of rangeOf) {
    const key = `${range.from}/${range.to}`;
    const group = employeesByRange.get(key);
    if (group) group.employeeIds.push(employeeId);
    else employeesByRange.set(key, { ...range, employeeIds: [employeeId] });
  }
  for (const { from: start, to: end, employeeIds } of employeesByRange.values()) {
    // Long requests are recomputed a year at a time.
    for (let from = start; from <= end; from = addDays(from, MAX_REBUILD_DAYS)) {
      const to = addDays(from, MAX_REBUILD_DAYS - 1) < end ? addDays(from, MAX_REBUILD_DAYS - 1) : end;
      await rebuildDailyAttendance(executor, { employeeIds, from, to, now });
    }
  }
}
