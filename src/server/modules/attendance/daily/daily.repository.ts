import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { DailyStatus, EarlyBand, LateBand } from '../../../../contracts/attendance-daily';
import type { RequestKind } from '../../../../contracts/attendance-requests';
import { queryRows, type Executor } from '../../../db/client';
import { attendanceRequests, dailyAttendance, devices, employees, units } from '../../../db/schema';
import { arrayParam, toArrayLiteral } from '../punches/sql-arrays';

export interface AttendanceEmployee {
  id: string;
  nip: string;
  name: string;
  unitId: string | null;
  timeZone: string;
}

/** Employees who owe attendance: active records with status aktif, with their unit's zone. */
export async function findAttendanceEmployees(executor: Executor, filter: { employeeIds?: string[]; unitIds?: string[] }): Promise<AttendanceEmployee[]> {
  if (filter.employeeIds?.length === 0 || filter.unitIds?.length === 0) return [];
  const conditions = [eq(employees.isActive, true), eq(employees.status, 'aktif')];
  if (filter.employeeIds) conditions.push(inArray(employees.id, filter.employeeIds));
  if (filter.unitIds) conditions.push(inArray(employees.unitId, filter.unitIds));
  const rows = await executor
    .select({ id: employees.id, nip: employees.nip, name: employees.name, unitId: employees.unitId, timeZone: units.timeZone })
    .from(employees)
    .leftJoin(units, eq(units.id, employees.unitId))
    .where(and(...conditions))
    .orderBy(asc(employees.name), asc(employees.nip));
  // An employee without a unit is counted in WIB, the regency's zone.
  return rows.map((row) => ({ ...row, timeZone: row.timeZone ?? 'Asia/Jakarta' }));
}

/** One employee's counted punches, ordered by instant: ids and instants (epoch ms) side by side. */
export interface PunchTimeline {
  ids: number[];
  instants: number[];
}

const splitNumbers = (list: string): number[] => list.split(',').map(Number);

/**
 * Punches that count (review status ok) of these employees between two instants, one timeline
 * per employee. Aggregated in SQL: a month of a whole regency is ~half a million punches, and one
 * row per employee instead of one object with a parsed timestamp per punch is what keeps the
 * rebuild close to a plain SQL aggregate.
 */
export async function findPunchTimelines(executor: Executor, employeeIds: string[], from: Date, to: Date): Promise<Map<string, PunchTimeline>> {
  const timelines = new Map<string, PunchTimeline>();
  if (employeeIds.length === 0) return timelines;
  const rows = await queryRows<{ employee_id: string; ids: string; instants: string }>(
    executor,
    sql`select p.employee_id,
               string_agg(p.id::text, ',' order by p.instant, p.id) as ids,
               string_agg(floor(extract(epoch from p.instant) * 1000)::bigint::text, ',' order by p.instant, p.id) as instants
        from punches p
        where p.employee_id = any(${arrayParam(employeeIds, 'uuid')}) and p.review_status = 'ok'
          and p.instant >= ${from.toISOString()}::timestamptz and p.instant <= ${to.toISOString()}::timestamptz
        group by p.employee_id`,
  );
  for (const row of rows) timelines.set(row.employee_id, { ids: splitNumbers(row.ids), instants: splitNumbers(row.instants) });
  return timelines;
}

export async function findApprovedRequests(executor: Executor, employeeIds: string[], from: string, to: string) {
  if (employeeIds.length === 0) return [];
  const rows = await executor
    .select({
      id: attendanceRequests.id,
      employeeId: attendanceRequests.employeeId,
      kind: attendanceRequests.kind,
      startDate: attendanceRequests.startDate,
      endDate: attendanceRequests.endDate,
      startTime: attendanceRequests.startTime,
      endTime: attendanceRequests.endTime,
    })
    .from(attendanceRequests)
    .where(
      and(
        inArray(attendanceRequests.employeeId, employeeIds),
        eq(attendanceRequests.status, 'disetujui'),
        lte(attendanceRequests.startDate, to),
        gte(attendanceRequests.endDate, from),
      ),
    );
  return rows.map((row) => ({ ...row, kind: row.kind as RequestKind }));
}

/** Active devices with their unit and last contact, and the unit tree to find a unit's devices above it. */
export async function findDeviceContacts(executor: Executor) {
  const deviceRows = await executor.select({ unitId: devices.unitId, lastContactAt: devices.lastContactAt }).from(devices).where(eq(devices.status, 'active'));
  const unitRows = await executor.select({ id: units.id, parentId: units.parentId }).from(units);
  return { devices: deviceRows, parentOf: new Map(unitRows.map((row) => [row.id, row.parentId])) };
}

/** A derived day as stored (the columns of daily_attendance). */
export interface DailyRowInput {
  employeeId: string;
  date: string;
  unitId: string | null;
  scheduleId: string | null;
  plannedStart: Date | null;
  plannedEnd: Date | null;
  status: string;
  lateMinutes: number;
  earlyMinutes: number;
  lateBand: string | null;
  earlyBand: string | null;
  firstIn: Date | null;
  lastOut: Date | null;
  punchIds: number[];
  requestIds: string[];
  isFinal: boolean;
}

/** Instants travel as epoch milliseconds (a number formats far faster than an ISO string). */
const msOrNull = (value: Date | null) => (value === null ? null : value.getTime());

/**
 * Makes the stored days of these employees in [from, to] equal to `rows` (caller's transaction),
 * in one statement: new rows are inserted, changed rows updated, rows no longer derived deleted,
 * and unchanged rows are only read — a nightly rebuild or a re-sent upload costs a comparison,
 * not a rewrite of the month. `computedAt` is therefore when a row last changed. `rows` must be
 * every derived row of exactly these employees. The statement is sent before this returns (the
 * caller may prepare the next batch while the database works).
 */
export function storeDailyRows(executor: Executor, employeeIds: string[], from: string, to: string, rows: DailyRowInput[], computedAt: Date): Promise<void> {
  if (employeeIds.length === 0) return Promise.resolve();
  const column = <T>(read: (row: DailyRowInput) => T) => rows.map(read);
  const statement = executor.execute(sql`
    with derived as (
      select t.employee_id, t.date, t.unit_id, t.schedule_id, to_timestamp(t.planned_start / 1000.0) as planned_start, to_timestamp(t.planned_end / 1000.0) as planned_end,
             t.status, t.late_minutes, t.early_minutes, t.late_band, t.early_band, to_timestamp(t.first_in / 1000.0) as first_in, to_timestamp(t.last_out / 1000.0) as last_out,
             t.punch_ids::bigint[] as punch_ids, t.request_ids::uuid[] as request_ids, t.is_final
      from unnest(
        ${arrayParam(column((row) => row.employeeId), 'uuid')},
        ${arrayParam(column((row) => row.date), 'date')},
        ${arrayParam(column((row) => row.unitId), 'uuid')},
        ${arrayParam(column((row) => row.scheduleId), 'uuid')},
        ${arrayParam(column((row) => msOrNull(row.plannedStart)), 'bigint')},
        ${arrayParam(column((row) => msOrNull(row.plannedEnd)), 'bigint')},
        ${arrayParam(column((row) => row.status), 'text')},
        ${arrayParam(column((row) => row.lateMinutes), 'int')},
        ${arrayParam(column((row) => row.earlyMinutes), 'int')},
        ${arrayParam(column((row) => row.lateBand), 'text')},
        ${arrayParam(column((row) => row.earlyBand), 'text')},
        ${arrayParam(column((row) => msOrNull(row.firstIn)), 'bigint')},
        ${arrayParam(column((row) => msOrNull(row.lastOut)), 'bigint')},
        ${arrayParam(column((row) => toArrayLiteral(row.punchIds)), 'text')},
        ${arrayParam(column((row) => toArrayLiteral(row.requestIds)), 'text')},
        ${arrayParam(column((row) => row.isFinal), 'boolean')}
      ) as t(employee_id, date, unit_id, schedule_id, planned_start, planned_end, status, late_minutes, early_minutes, late_band, early_band, first_in, last_out, punch_ids, request_ids, is_final)
    ),
    removed as (
      delete from daily_attendance d
      where d.employee_id = any(${arrayParam(employeeIds, 'uuid')}) and d.date between ${from}::date and ${to}::date
        and not exists (select 1 from derived n where n.employee_id = d.employee_id and n.date = d.date)
    ),
    changed as (
      select n.* from derived n
      left join daily_attendance d on d.employee_id = n.employee_id and d.date = n.date
        -- Said again for the planner: read only these employees' days, not the whole table.
        and d.employee_id = any(${arrayParam(employeeIds, 'uuid')}) and d.date between ${from}::date and ${to}::date
      where d.employee_id is null
         or (d.unit_id, d.schedule_id, d.planned_start, d.planned_end, d.status, d.late_minutes, d.early_minutes, d.late_band, d.early_band, d.first_in, d.last_out, d.punch_ids, d.request_ids, d.is_final)
            is distinct from
            (n.unit_id, n.schedule_id, n.planned_start, n.planned_end, n.status, n.late_minutes, n.early_minutes, n.late_band, n.early_band, n.first_in, n.last_out, n.punch_ids, n.request_ids, n.is_final)
    )
    insert into daily_attendance (employee_id, date, unit_id, schedule_id, planned_start, planned_end, status, late_minutes, early_minutes, late_band, early_band, first_in, last_out, punch_ids, request_ids, is_final, computed_at)
    select employee_id, date, unit_id, schedule_id, planned_start, planned_end, status, late_minutes, early_minutes, late_band, early_band, first_in, last_out, punch_ids, request_ids, is_final,
           ${computedAt.toISOString()}::timestamptz
    from changed
    -- A parallel rebuild may have written the row since this statement's snapshot: last one wins.
    on conflict (employee_id, date) do update set
      unit_id = excluded.unit_id, schedule_id = excluded.schedule_id, planned_start = excluded.planned_start, planned_end = excluded.planned_end,
      status = excluded.status, late_minutes = excluded.late_minutes, early_minutes = excluded.early_minutes, late_band = excluded.late_band,
      early_band = excluded.early_band, first_in = excluded.first_in, last_out = excluded.last_out, punch_ids = excluded.punch_ids,
      request_ids = excluded.request_ids, is_final = excluded.is_final, computed_at = excluded.computed_at`);
  // Calling then() now hands the statement to the driver at once (drizzle's queries are lazy).
  return statement.then(() => undefined);
}

export interface StoredDay {
  employeeId: string;
  date: string;
  unitId: string | null;
  status: DailyStatus;
  plannedStart: Date | null;
  plannedEnd: Date | null;
  firstIn: Date | null;
  lastOut: Date | null;
  lateMinutes: number;
  earlyMinutes: number;
  lateBand: LateBand | null;
  earlyBand: EarlyBand | null;
  punchIds: number[];
  requestIds: string[];
  isFinal: boolean;
}

const storedColumns = {
  employeeId: dailyAttendance.employeeId,
  date: dailyAttendance.date,
  unitId: dailyAttendance.unitId,
  status: dailyAttendance.status,
  plannedStart: dailyAttendance.plannedStart,
  plannedEnd: dailyAttendance.plannedEnd,
  firstIn: dailyAttendance.firstIn,
  lastOut: dailyAttendance.lastOut,
  lateMinutes: dailyAttendance.lateMinutes,
  earlyMinutes: dailyAttendance.earlyMinutes,
  lateBand: dailyAttendance.lateBand,
  earlyBand: dailyAttendance.earlyBand,
  punchIds: dailyAttendance.punchIds,
  requestIds: dailyAttendance.requestIds,
  isFinal: dailyAttendance.isFinal,
};

// The columns hold only values this module wrote from the contract's enumerations.
const asStored = (row: Omit<StoredDay, 'status' | 'lateBand' | 'earlyBand'> & { status: string; lateBand: string | null; earlyBand: string | null }): StoredDay => ({
  ...row,
  status: row.status as DailyStatus,
  lateBand: row.lateBand as LateBand | null,
  earlyBand: row.earlyBand as EarlyBand | null,
});

export async function findStoredDays(executor: Executor, filter: { employeeIds?: string[]; unitIds?: string[]; from: string; to: string }): Promise<StoredDay[]> {
  if (filter.employeeIds?.length === 0 || filter.unitIds?.length === 0) return [];
  const conditions = [gte(dailyAttendance.date, filter.from), lte(dailyAttendance.date, filter.to)];
  if (filter.employeeIds) conditions.push(inArray(dailyAttendance.employeeId, filter.employeeIds));
  if (filter.unitIds) conditions.push(inArray(dailyAttendance.unitId, filter.unitIds));
  const rows = await executor.select(storedColumns).from(dailyAttendance).where(and(...conditions)).orderBy(asc(dailyAttendance.date));
  return rows.map(asStored);
}
