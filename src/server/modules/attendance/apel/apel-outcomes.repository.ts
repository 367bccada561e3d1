import { and, gte, inArray, lte, sql } from 'drizzle-orm';
import type { ApelOutcome, ApelRecordStatus } from '../../../../contracts/attendance-apel';
import { decideApelOutcome, findApelWindow, selectApelSchedules } from '../../../../domain/attendance/apel';
import { findDutyOverApel, type ApelDutyRequest } from '../../../../domain/attendance/apel-duty';
import { queryRows, type Executor } from '../../../db/client';
import { apelAttendanceRecords, units } from '../../../db/schema';
import { findApprovedRequests } from '../daily/daily.repository';
import { arrayParam } from '../../../db/sql-arrays';
import { findActiveApelSchedules, type ApelScheduleRow } from './apel-schedules.repository';
import { DEFAULT_REGION_ZONE, findRegionZone } from '../../../platform/region-zone';

/** What the derivation needs of a unit: its parent (for the nearest-level rule) and its wall clock. */
export interface ApelUnitNode {
  parentId: string | null;
  timeZone: string;
}

/** A stored day of daily attendance. */
export interface ApelDay {
  date: string;
  status: string;
  unitId: string | null;
}

export interface ApelOccurrence {
  scheduleId: string;
  scheduleName: string;
  date: string;
  dayStatus: string | null;
  punchedAt: Date | null;
  derived: ApelOutcome;
  record: { status: ApelRecordStatus; note: string | null } | null;
  /** The approved part-day dinas luar over the ceremony's hours (HH:MM), which excuses it. */
  dutyExcuse: { requestId: string; startTime: string; endTime: string } | null;
  outcome: ApelOutcome;
}

export interface ApelOutcomeInput {
  from: string;
  to: string;
  /** Each employee with their unit of record (used when a day has no unit snapshot). */
  employees: readonly { id: string; unitId: string | null }[];
  days: ReadonlyMap<string, readonly ApelDay[]>;
  units: ReadonlyMap<string, ApelUnitNode>;
  /** Limit to one ceremony (the admin's list of one apel). */
  scheduleId?: string;
  /**
   * Dates on which an employee without a stored day is still listed (as not known yet), so that an
   * admin can record a ceremony whose day attendance has not derived. The TPP run leaves it out.
   */
  expectedDates?: readonly string[];
}

/** The unit's zone; the region's for an employee without one. */
const zoneOf = (units: ReadonlyMap<string, ApelUnitNode>, unitId: string | null, regionZone: string) => (unitId ? units.get(unitId)?.timeZone : undefined) ?? regionZone;
const toMinute = (time: string | null) => (time ?? '').slice(0, 5);

/** Approved part-day dinas luar of these employees touching [from, to], per employee (one query). */
async function findPartDayDuties(executor: Executor, employeeIds: string[], from: string, to: string): Promise<Map<string, ApelDutyRequest[]>> {
  const result = new Map<string, ApelDutyRequest[]>();
  for (const request of await findApprovedRequests(executor, employeeIds, from, to)) {
    if (request.kind !== 'dinas_luar_sebagian') continue;
    const list = result.get(request.employeeId);
    if (list) list.push(request);
    else result.set(request.employeeId, [request]);
  }
  return result;
}

function createAncestry(units: ReadonlyMap<string, ApelUnitNode>): (unitId: string | null) => string[] {
  const cache = new Map<string, string[]>();
  return (unitId) => {
    if (unitId === null) return [];
    const cached = cache.get(unitId);
    if (cached) return cached;
    const chain: string[] = [];
    let current: string | null = unitId;
    while (current !== null && !chain.includes(current)) {
      chain.push(current);
      current = units.get(current)?.parentId ?? null;
    }
    cache.set(unitId, chain);
    return chain;
  };
}

interface Pending {
  employeeId: string;
  schedule: ApelScheduleRow;
  date: string;
  dayStatus: string | null;
  unitId: string | null;
}

/** First punch inside each window: one statement for all of a batch's ceremonies (index on employee, instant). */
async function findFirstPunches(executor: Executor, pending: readonly Pending[], units: ReadonlyMap<string, ApelUnitNode>, regionZone: string): Promise<Map<number, Date>> {
  if (pending.length === 0) return new Map();
  const windows = pending.map((item) => findApelWindow(item.schedule, item.date, zoneOf(units, item.unitId, regionZone)));
  const rows = await queryRows<{ idx: number | string; first_ms: number | string }>(
    executor,
    sql`select o.idx, (extract(epoch from min(p.instant)) * 1000)::float8 as first_ms
        from unnest(${arrayParam(
          pending.map((item) => item.employeeId),
          'uuid',
        )}, ${arrayParam(
          windows.map((window) => window.start.toISOString()),
          'timestamptz',
        )}, ${arrayParam(
          windows.map((window) => window.end.toISOString()),
          'timestamptz',
        )}) with ordinality as o(employee_id, start_at, end_at, idx)
        join punches p on p.employee_id = o.employee_id and p.instant between o.start_at and o.end_at and p.review_status = 'ok'
        group by o.idx`,
  );
  return new Map(rows.map((row) => [Number(row.idx) - 1, new Date(Number(row.first_ms))]));
}

/**
 * Every ceremony each employee was expected at between `from` and `to`, with what the punches, the
 * day's status and an admin's record make of it. Ceremonies are looked for on stored days only (a
 * day not derived yet says nothing), plus any day an admin recorded. An approved part-day dinas
 * luar over the ceremony's hours excuses it like whole-day leave. A fixed number of statements for
 * any number of employees.
 */
export async function loadApelOutcomes(executor: Executor, input: ApelOutcomeInput): Promise<Map<string, ApelOccurrence[]>> {
  const result = new Map<string, ApelOccurrence[]>();
  if (input.employees.length === 0) return result;
  const schedules = (await findActiveApelSchedules(executor, input.from, input.to)).filter((schedule) => input.scheduleId === undefined || schedule.id === input.scheduleId);
  if (schedules.length === 0) return result;
  const scheduleById = new Map(schedules.map((schedule) => [schedule.id, schedule]));
  const recordRows = await executor
    .select({
      employeeId: apelAttendanceRecords.employeeId,
      scheduleId: apelAttendanceRecords.scheduleId,
      date: apelAttendanceRecords.date,
      status: apelAttendanceRecords.status,
      note: apelAttendanceRecords.note,
    })
    .from(apelAttendanceRecords)
    .where(
      and(
        inArray(
          apelAttendanceRecords.employeeId,
          input.employees.map((employee) => employee.id),
        ),
        inArray(apelAttendanceRecords.scheduleId, [...scheduleById.keys()]),
        gte(apelAttendanceRecords.date, input.from),
        lte(apelAttendanceRecords.date, input.to),
      ),
    );
  const keyOf = (employeeId: string, scheduleId: string, date: string) => `${employeeId}|${scheduleId}|${date}`;
  const records = new Map(recordRows.map((row) => [keyOf(row.employeeId, row.scheduleId, row.date), { status: row.status as ApelRecordStatus, note: row.note }]));

  const ancestryOf = createAncestry(input.units);
  const pending: Pending[] = [];
  const seen = new Set<string>();
  for (const employee of input.employees) {
    const stored = (input.days.get(employee.id) ?? []).filter((day) => day.date >= input.from && day.date <= input.to);
    const storedDates = new Set(stored.map((day) => day.date));
    const unstored = (input.expectedDates ?? []).filter((date) => !storedDates.has(date)).map((date) => ({ date, status: null, unitId: null }));
    for (const day of [...stored, ...unstored]) {
      const unitId = day.unitId ?? employee.unitId;
      for (const schedule of selectApelSchedules(schedules, day.date, ancestryOf(unitId))) {
        seen.add(keyOf(employee.id, schedule.id, day.date));
        pending.push({ employeeId: employee.id, schedule, date: day.date, dayStatus: day.status, unitId });
      }
    }
  }
  // An admin's record stands even on a day attendance has not derived (or no longer expects the ceremony).
  const unitOf = new Map(input.employees.map((employee) => [employee.id, employee.unitId]));
  for (const row of recordRows) {
    const schedule = scheduleById.get(row.scheduleId);
    if (!schedule || seen.has(keyOf(row.employeeId, row.scheduleId, row.date))) continue;
    const day = (input.days.get(row.employeeId) ?? []).find((candidate) => candidate.date === row.date);
    pending.push({ employeeId: row.employeeId, schedule, date: row.date, dayStatus: day?.status ?? null, unitId: day?.unitId ?? unitOf.get(row.employeeId) ?? null });
  }

  // Read only when someone has no unit (whose zone stands in for theirs).
  const regionZone = pending.some((item) => !item.unitId || !input.units.has(item.unitId)) ? await findRegionZone(executor) : DEFAULT_REGION_ZONE;
  const firstPunches = await findFirstPunches(executor, pending, input.units, regionZone);
  const employeeIds = input.employees.map((employee) => employee.id);
  const duties = pending.length === 0 ? new Map<string, ApelDutyRequest[]>() : await findPartDayDuties(executor, employeeIds, input.from, input.to);
  pending.forEach((item, index) => {
    const record = records.get(keyOf(item.employeeId, item.schedule.id, item.date)) ?? null;
    const punchedAt = firstPunches.get(index) ?? null;
    const duty = findDutyOverApel(item.schedule, item.date, zoneOf(input.units, item.unitId, regionZone), duties.get(item.employeeId) ?? []);
    const decided = decideApelOutcome({ dayStatus: item.dayStatus, hasPunchInWindow: punchedAt !== null, hasDutyOverApel: duty !== null, record: record?.status ?? null });
    // Named only when it is what excuses: on a day off the ceremony is not expected at all.
    const dutyExcuse = duty && decided.derived === 'dispensasi' ? { requestId: duty.id, startTime: toMinute(duty.startTime), endTime: toMinute(duty.endTime) } : null;
    const occurrence: ApelOccurrence = { scheduleId: item.schedule.id, scheduleName: item.schedule.name, date: item.date, dayStatus: item.dayStatus, punchedAt, record, dutyExcuse, ...decided };
    const list = result.get(item.employeeId);
    if (list) list.push(occurrence);
    else result.set(item.employeeId, [occurrence]);
  });
  return result;
}

/** The unit tree with each unit's wall clock (a regency has hundreds of units: one small read). */
export async function findApelUnits(executor: Executor): Promise<Map<string, ApelUnitNode>> {
  const rows = await executor.select({ id: units.id, parentId: units.parentId, timeZone: units.timeZone }).from(units);
  return new Map(rows.map((row) => [row.id, { parentId: row.parentId, timeZone: row.timeZone }]));
}
