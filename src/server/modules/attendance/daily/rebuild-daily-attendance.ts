import type { DerivedDayMs } from '../../../../domain/attendance/derive-daily-attendance';
import { addDays } from '../../../../domain/attendance/derive-local-time';
import type { WorkDay } from '../../../../domain/attendance/schedule-work-days';
import type { Executor } from '../../../db/client';
import { invalid } from '../../../platform/errors';
import { findUnitSubtreeIds } from '../../org';
import { loadDerivationSources, visitDerivedDays } from './derive-attendance-rows';
import { findAttendanceEmployees } from './daily.repository';
import { findEmployeesWithStoredDays, planDailyWrite } from './copy-daily-rows';
import { openCopyChannel } from '../../../db/copy-channel';
import { monthsOfSpan, spansOutsideClosedMonths } from '../../../../domain/attendance/closed-months';
import { findClosedPeriods } from '../../activities/shared/period-lock';
import { appendDailyRow, countRows, createDailyColumns } from './store-daily-rows';

/** A rebuild covers at most a year at once (the CLI can be run per year). */
export const MAX_REBUILD_DAYS = 366;
/** Derived rows per write statement (employees × days). */
export const ROWS_PER_BATCH = 25_000;
/** Employees derived between two turns of the event loop (a few milliseconds of work). */
const EMPLOYEES_BETWEEN_YIELDS = 50;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface RebuildInput {
  employeeIds?: string[];
  /** A unit and everything below it. */
  unitId?: string;
  from: string;
  to: string;
  now: Date;
  /** Derived rows per write statement (employees × days); tests make it small to exercise many batches. */
  rowsPerBatch?: number;
}

/**
 * Which derived days are stored (ADR 0010): every working day and every holiday, but a weekly day
 * off (the weekend, a rostered day off) only when someone punched on it. A regency's month is then
 * ~220,000 rows instead of ~310,000; readers that list every day add the days off from the
 * derivation (withDaysOff), the others only ever counted working days.
 */
export const isStoredDay = (workDay: WorkDay, day: Pick<DerivedDayMs, 'punchIds'>): boolean => workDay.reason !== 'hari_libur_jadwal' || day.punchIds.length > 0;

const dayCount = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;

/**
 * Recompute and store daily attendance: one row per active, scheduled employee per started day
 * (weekly days off only with punches: isStoredDay), TK when there is no punch; only rows that
 * changed are written, rows no longer derived are deleted. Days of a month closed for TPP are left
 * as they are (the months are returned as `closedPeriods`). Runs in one transaction (a
 * savepoint inside the caller's), so a failure leaves the previous rows untouched. No
 * authorisation: trusted callers only (CLI, jobs, the request services after their own checks).
 *
 * The sources are read first (all punches in one binary COPY: an employee's punches lie all over
 * the table, so any read of a part of them visits most of it). Then employees go in primary-key
 * order, in batches, each derived straight into the columns of its write (a binary COPY for a
 * first derivation, the merging statement otherwise; planDailyWrite): while the database
 * writes one batch, the next is derived.
 */
export async function rebuildDailyAttendance(executor: Executor, input: RebuildInput): Promise<{ employees: number; rows: number; closedPeriods: string[] }> {
  if (input.to < input.from) throw invalid('Tanggal selesai tidak boleh sebelum tanggal mulai');
  if (dayCount(input.from, input.to) > MAX_REBUILD_DAYS) throw invalid(`Rentang paling lama ${MAX_REBUILD_DAYS} hari sekali proses`);
  return executor.transaction(async (tx) => {
    // A month closed for TPP keeps the attendance it was paid on: only open months are derived again
    // (punches arriving late are still stored, a request into a closed month is refused earlier).
    const closed = await findClosedPeriods(tx, monthsOfSpan(input.from, input.to));
    let total = { employees: 0, rows: 0 };
    for (const span of spansOutsideClosedMonths(input.from, input.to, closed)) {
      const rebuilt = await rebuildOpenSpan(tx, { ...input, ...span });
      total = { employees: Math.max(total.employees, rebuilt.employees), rows: total.rows + rebuilt.rows };
    }
    return { ...total, closedPeriods: [...closed].sort() };
  });
}

/** rebuildDailyAttendance over a span of open months, in the caller's transaction. */
async function rebuildOpenSpan(tx: Executor, input: RebuildInput): Promise<{ employees: number; rows: number }> {
  const unitIds = input.unitId ? await findUnitSubtreeIds(tx, [input.unitId]) : undefined;
  const employees = await findAttendanceEmployees(tx, { ...(input.employeeIds ? { employeeIds: input.employeeIds } : {}), ...(unitIds ? { unitIds } : {}) });
  if (employees.length === 0) return { employees: 0, rows: 0 };
  const sources = await loadDerivationSources(tx, employees, input.from, input.to, input.now);
  const ordered = [...employees].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Which employees already have rows in the range (their batches merge, the others are COPYed);
  // only asked where a COPY is possible.
  const stored = openCopyChannel(tx) ? await findEmployeesWithStoredDays(tx, ordered.map((employee) => employee.id), input.from, input.to) : new Set<string>();
  const perBatch = Math.max(1, Math.floor((input.rowsPerBatch ?? ROWS_PER_BATCH) / dayCount(input.from, input.to)));
  let rows = 0;
  let writing: Promise<void> = Promise.resolve();
  try {
    for (let start = 0; start < ordered.length; start += perBatch) {
      const batch = ordered.slice(start, start + perBatch);
      const columns = createDailyColumns(batch.map((employee) => employee.id));
      for (let part = 0; part < batch.length; part += EMPLOYEES_BETWEEN_YIELDS) {
        // The write of the previous batch needs the event loop between its steps (its COPY data
        // goes out only once the server has answered the COPY): derive in slices.
        if (part > 0) await yieldToEventLoop();
        visitDerivedDays(sources, batch.slice(part, part + EMPLOYEES_BETWEEN_YIELDS), (employee, workDay, day, isFinal) => {
          if (isStoredDay(workDay, day)) appendDailyRow(columns, employee.id, employee.unitId, workDay.scheduleId, day, isFinal);
        });
      }
      rows += countRows(columns);
      // Encoded (for a COPY) while the previous batch is still being written.
      const write = planDailyWrite(tx, columns, stored, input.from, input.to, input.now);
      await writing;
      writing = write();
      // Observed at the next `await writing`; marked handled now, as the derivation yields meanwhile.
      writing.catch(() => undefined);
    }
    await writing;
  } catch (error) {
    // Never leave a statement running unobserved when the transaction is being abandoned.
    await writing.catch(() => undefined);
    throw error;
  }
  return { employees: employees.length, rows };
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
