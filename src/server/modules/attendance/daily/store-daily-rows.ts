import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client';

/** What a stored row says about its day (the derived day's fields). */
export interface DailyRowFields {
  date: string;
  status: string;
  plannedStart: Date | null;
  plannedEnd: Date | null;
  firstInMs: number | null;
  lastOutMs: number | null;
  lateMinutes: number;
  earlyMinutes: number;
  lateBand: string | null;
  earlyBand: string | null;
  punchIds: readonly number[];
  requestIds: readonly string[];
}

/**
 * The rows of a batch of employees as few and short array parameters. A month of a regency is
 * ~220,000 rows; sent column by column as uuids, dates and timestamps they were ~65 MB of text
 * that took longer to format, send and parse than to write. What repeats is sent once and referred
 * to by a 1-based index: the employee and their unit per employee, the date, schedule and planned
 * times per "plan" (a few dozen per batch); the punch and request ids of all rows are one flat
 * array each, every row taking the slice [from:to] of it. Rows are appended as they are derived,
 * so that no row object outlives its derivation.
 */
export interface DailyColumns {
  employees: readonly string[];
  units: (string | null)[];
  planDates: string[];
  planSchedules: (string | null)[];
  planStarts: (number | null)[];
  planEnds: (number | null)[];
  employeeIndex: number[];
  planIndex: number[];
  statuses: string[];
  lateMinutes: number[];
  earlyMinutes: number[];
  lateBands: (string | null)[];
  earlyBands: (string | null)[];
  firstIns: (number | null)[];
  lastOuts: (number | null)[];
  punchIds: number[];
  punchFrom: number[];
  punchTo: number[];
  requestIds: string[];
  requestFrom: number[];
  requestTo: number[];
  isFinal: boolean[];
  indexOfEmployee: Map<string, number>;
  /** date → schedule → planned start → planned end → plan index; nested so that no key string is built per row. */
  indexOfPlan: Map<string, Map<string | null, Map<number | null, Map<number | null, number>>>>;
}

const msOrNull = (value: Date | null) => (value === null ? null : value.getTime());

export function createDailyColumns(employeeIds: readonly string[]): DailyColumns {
  return {
    employees: employeeIds,
    units: employeeIds.map(() => null),
    planDates: [],
    planSchedules: [],
    planStarts: [],
    planEnds: [],
    employeeIndex: [],
    planIndex: [],
    statuses: [],
    lateMinutes: [],
    earlyMinutes: [],
    lateBands: [],
    earlyBands: [],
    firstIns: [],
    lastOuts: [],
    punchIds: [],
    punchFrom: [],
    punchTo: [],
    requestIds: [],
    requestFrom: [],
    requestTo: [],
    isFinal: [],
    indexOfEmployee: new Map(employeeIds.map((id, index) => [id, index + 1])),
    indexOfPlan: new Map(),
  };
}

function findPlanIndex(columns: DailyColumns, date: string, scheduleId: string | null, plannedStart: number | null, plannedEnd: number | null): number {
  let bySchedule = columns.indexOfPlan.get(date);
  if (!bySchedule) columns.indexOfPlan.set(date, (bySchedule = new Map()));
  let byStart = bySchedule.get(scheduleId);
  if (!byStart) bySchedule.set(scheduleId, (byStart = new Map()));
  let byEnd = byStart.get(plannedStart);
  if (!byEnd) byStart.set(plannedStart, (byEnd = new Map()));
  let index = byEnd.get(plannedEnd);
  if (index === undefined) {
    columns.planDates.push(date);
    columns.planSchedules.push(scheduleId);
    columns.planStarts.push(plannedStart);
    columns.planEnds.push(plannedEnd);
    index = columns.planDates.length;
    byEnd.set(plannedEnd, index);
  }
  return index;
}

/** Appends one derived day of an employee of the batch. */
export function appendDailyRow(columns: DailyColumns, employeeId: string, unitId: string | null, scheduleId: string | null, day: DailyRowFields, isFinal: boolean): void {
  const employeeIndex = columns.indexOfEmployee.get(employeeId);
  if (employeeIndex === undefined) throw new Error(`row of employee ${employeeId} outside the batch`);
  columns.units[employeeIndex - 1] = unitId;
  columns.employeeIndex.push(employeeIndex);
  columns.planIndex.push(findPlanIndex(columns, day.date, scheduleId, msOrNull(day.plannedStart), msOrNull(day.plannedEnd)));
  columns.statuses.push(day.status);
  columns.lateMinutes.push(day.lateMinutes);
  columns.earlyMinutes.push(day.earlyMinutes);
  columns.lateBands.push(day.lateBand);
  columns.earlyBands.push(day.earlyBand);
  columns.firstIns.push(day.firstInMs);
  columns.lastOuts.push(day.lastOutMs);
  columns.punchFrom.push(columns.punchIds.length + 1);
  for (const id of day.punchIds) columns.punchIds.push(id);
  columns.punchTo.push(columns.punchIds.length);
  columns.requestFrom.push(columns.requestIds.length + 1);
  for (const id of day.requestIds) columns.requestIds.push(id);
  columns.requestTo.push(columns.requestIds.length);
  columns.isFinal.push(isFinal);
}

export const countRows = (columns: DailyColumns): number => columns.statuses.length;

/** `{a,b,NULL}` for elements that never need quoting (checked: a stray character is a bug, not data). */
const SAFE_ELEMENT = /^[A-Za-z0-9_.:-]+$/;
function literal(values: readonly (string | number | boolean | null)[], elementType: string): SQL {
  const elements = values.map((value) => {
    if (value === null) return 'NULL';
    if (typeof value === 'boolean') return value ? 't' : 'f';
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
      return String(value);
    }
    if (!SAFE_ELEMENT.test(value) || value.toUpperCase() === 'NULL') throw new Error(`unexpected array element: ${value}`);
    return value;
  });
  return sql`${`{${elements.join(',')}}`}::${sql.raw(elementType)}[]`;
}

/** Integers without nulls, the bulk of the parameters: joined as they are. */
function integers(values: readonly number[]): SQL {
  for (const value of values) if (!Number.isInteger(value)) throw new RangeError(`not an integer: ${value}`);
  return sql`${`{${values.join(',')}}`}::int[]`;
}

/**
 * Makes the stored days of the batch's employees in [from, to] equal to the appended rows
 * (caller's transaction): new rows are inserted, changed rows updated, rows no longer derived
 * deleted, and unchanged rows are only read — a nightly rebuild or a re-sent upload costs a
 * comparison, not a rewrite of the month. `computedAt` is therefore when a row last changed. The
 * columns must hold every row to be stored of exactly these employees over [from, to]. One statement,
 * sent before this returns (the caller may derive the next batch while the database works). An
 * empty slice of the flat id arrays is an empty array, never null (PostgreSQL: a slice outside
 * the bounds is `{}`).
 */
export function storeDailyColumns(executor: Executor, c: DailyColumns, from: string, to: string, computedAt: Date): Promise<void> {
  if (c.employees.length === 0) return Promise.resolve();
  const employees = literal(c.employees, 'uuid');
  const dates = literal(c.planDates, 'date');
  // Rows of these employees in [from, to] whose (employee, date) is not among the appended ones.
  const removal = sql`delete from daily_attendance d
    where d.employee_id = any(${employees}) and d.date between ${from}::date and ${to}::date
      and not exists (select 1 from unnest(${integers(c.employeeIndex)}, ${integers(c.planIndex)}) as k(e, p)
                      where (${employees})[k.e] = d.employee_id and (${dates})[k.p] = d.date)`;
  // Calling then() hands the statement to the driver at once (drizzle's queries are lazy).
  if (countRows(c) === 0) return executor.execute(removal).then(() => undefined);
  return executor
    .execute(
      sql`
    with removed as (${removal}),
    derived as (
      select (${employees})[t.e] as employee_id, (${dates})[t.p] as date, (${literal(c.units, 'uuid')})[t.e] as unit_id,
             (${literal(c.planSchedules, 'uuid')})[t.p] as schedule_id,
             to_timestamp((${literal(c.planStarts, 'float8')})[t.p] / 1000) as planned_start, to_timestamp((${literal(c.planEnds, 'float8')})[t.p] / 1000) as planned_end,
             t.status, t.late_minutes, t.early_minutes, t.late_band, t.early_band, to_timestamp(t.first_in / 1000) as first_in, to_timestamp(t.last_out / 1000) as last_out,
             (${literal(c.punchIds, 'bigint')})[t.punch_from:t.punch_to] as punch_ids, (${literal(c.requestIds, 'uuid')})[t.request_from:t.request_to] as request_ids, t.is_final
      from unnest(
        ${integers(c.employeeIndex)}, ${integers(c.planIndex)}, ${literal(c.statuses, 'text')}, ${integers(c.lateMinutes)}, ${integers(c.earlyMinutes)},
        ${literal(c.lateBands, 'text')}, ${literal(c.earlyBands, 'text')}, ${literal(c.firstIns, 'float8')}, ${literal(c.lastOuts, 'float8')},
        ${integers(c.punchFrom)}, ${integers(c.punchTo)}, ${integers(c.requestFrom)}, ${integers(c.requestTo)}, ${literal(c.isFinal, 'boolean')}
      ) as t(e, p, status, late_minutes, early_minutes, late_band, early_band, first_in, last_out, punch_from, punch_to, request_from, request_to, is_final)
    )
    insert into daily_attendance (employee_id, date, unit_id, schedule_id, planned_start, planned_end, status, late_minutes, early_minutes, late_band, early_band, first_in, last_out, punch_ids, request_ids, is_final, computed_at)
    select n.employee_id, n.date, n.unit_id, n.schedule_id, n.planned_start, n.planned_end, n.status, n.late_minutes, n.early_minutes, n.late_band, n.early_band, n.first_in, n.last_out,
           n.punch_ids, n.request_ids, n.is_final, ${computedAt.toISOString()}::timestamptz
    from derived n
    left join daily_attendance d on d.employee_id = n.employee_id and d.date = n.date
      -- Said again for the planner: read only these employees' days, not the whole table.
      and d.employee_id = any(${employees}) and d.date between ${from}::date and ${to}::date
    where d.employee_id is null
       or (d.unit_id, d.schedule_id, d.planned_start, d.planned_end, d.status, d.late_minutes, d.early_minutes, d.late_band, d.early_band, d.first_in, d.last_out, d.punch_ids, d.request_ids, d.is_final)
          is distinct from
          (n.unit_id, n.schedule_id, n.planned_start, n.planned_end, n.status, n.late_minutes, n.early_minutes, n.late_band, n.early_band, n.first_in, n.last_out, n.punch_ids, n.request_ids, n.is_final)
    -- A parallel rebuild may have written the row since this statement's snapshot: last one wins.
    on conflict (employee_id, date) do update set
      unit_id = excluded.unit_id, schedule_id = excluded.schedule_id, planned_start = excluded.planned_start, planned_end = excluded.planned_end,
      status = excluded.status, late_minutes = excluded.late_minutes, early_minutes = excluded.early_minutes, late_band = excluded.late_band,
      early_band = excluded.early_band, first_in = excluded.first_in, last_out = excluded.last_out, punch_ids = excluded.punch_ids,
      request_ids = excluded.request_ids, is_final = excluded.is_final, computed_at = excluded.computed_at`,
    )
    .then(() => undefined);
}
