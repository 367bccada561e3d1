import { and, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import { countDays, isValidDate } from '../../../../domain/attendance/calendar-zone';
import {
  computeWorkDays,
  createWorkDayCaches,
  type HolidayKind,
  type HolidayRecord,
  type ScheduleAssignmentRecord,
  type ScheduleDefinition,
  type WorkDay,
} from '../../../../domain/attendance/schedule-work-days';
import type { Executor } from '../../../db/client';
import { employees, holidays, scheduleAssignments, shiftRosters, units } from '../../../db/schema';
import { invalid } from '../../../platform/errors';
import { arrayParam } from '../../../db/sql-arrays';
import { findScheduleViews } from './schedules.repository';
import { DEFAULT_REGION_ZONE, findRegionZone } from '../../../platform/region-zone';

const MAX_RANGE_DAYS = 366;

function assertRange(from: string, to: string) {
  if (!isValidDate(from) || !isValidDate(to)) throw invalid('Tanggal harus berformat YYYY-MM-DD');
  if (to < from) throw invalid('Tanggal akhir tidak boleh sebelum tanggal awal', { field: 'to' });
  if (countDays(from, to) > MAX_RANGE_DAYS) throw invalid(`Rentang tanggal paling panjang ${MAX_RANGE_DAYS} hari`, { field: 'to' });
}

/** Unit → [unit, parent, grandparent …] for every unit (the unit table is small: one read). */
async function loadUnitPaths(executor: Executor): Promise<{ pathOf: (unitId: string | null) => string[]; zoneOf: Map<string, string> }> {
  const rows = await executor.select({ id: units.id, parentId: units.parentId, timeZone: units.timeZone }).from(units);
  const parentOf = new Map(rows.map((row) => [row.id, row.parentId]));
  const zoneOf = new Map<string, string>(rows.map((row) => [row.id, row.timeZone]));
  const cache = new Map<string, string[]>();
  const pathOf = (unitId: string | null): string[] => {
    if (unitId === null) return [];
    const cached = cache.get(unitId);
    if (cached) return cached;
    const path: string[] = [];
    for (let current: string | null | undefined = unitId; current && !path.includes(current); current = parentOf.get(current)) path.push(current);
    cache.set(unitId, path);
    return path;
  };
  return { pathOf, zoneOf };
}

/**
 * The planned work days of many employees (a whole OPD at once) from `from` to `to`, inclusive,
 * keyed by employee id. A handful of queries whatever the number of employees; the unit of record
 * and its time zone decide the calendar. Unknown employee ids are left out of the map.
 */
export async function resolveWorkDays(executor: Executor, employeeIds: string[], from: string, to: string): Promise<Map<string, WorkDay[]>> {
  assertRange(from, to);
  const result = new Map<string, WorkDay[]>();
  const ids = [...new Set(employeeIds)];
  if (ids.length === 0) return result;

  const idList = arrayParam(ids, 'uuid');
  const people = await executor.select({ id: employees.id, unitId: employees.unitId }).from(employees).where(sql`${employees.id} = any(${idList})`);
  const { pathOf, zoneOf } = await loadUnitPaths(executor);
  const inRange = and(lte(scheduleAssignments.startDate, to), or(isNull(scheduleAssignments.endDate), gte(scheduleAssignments.endDate, from)));
  const assignmentRows = await executor
    .select()
    .from(scheduleAssignments)
    .where(and(inRange, or(isNull(scheduleAssignments.employeeId), sql`${scheduleAssignments.employeeId} = any(${idList})`)));
  const assignments: ScheduleAssignmentRecord[] = assignmentRows.map((row) => ({
    id: row.id,
    scheduleId: row.scheduleId,
    unitId: row.unitId,
    employeeId: row.employeeId,
    startDate: row.startDate,
    endDate: row.endDate,
    priority: row.priority,
  }));
  const scheduleViews = await findScheduleViews(executor, [...new Set(assignments.map((row) => row.scheduleId))]);
  const schedules = new Map<string, ScheduleDefinition>(scheduleViews.map((view) => [view.id, view]));
  const holidayRows = await executor
    .select({ date: holidays.date, name: holidays.name, kind: holidays.kind, unitId: holidays.unitId })
    .from(holidays)
    .where(and(eq(holidays.isActive, true), gte(holidays.date, from), lte(holidays.date, to)));
  const holidayRecords: HolidayRecord[] = holidayRows.map((row) => ({ ...row, kind: row.kind as HolidayKind }));
  const rosterRows = await executor
    .select({ employeeId: shiftRosters.employeeId, date: shiftRosters.date, shiftId: shiftRosters.shiftId })
    .from(shiftRosters)
    .where(and(sql`${shiftRosters.employeeId} = any(${idList})`, gte(shiftRosters.date, from), lte(shiftRosters.date, to)));
  const rosters = new Map<string, Map<string, string | null>>();
  for (const row of rosterRows) {
    const roster = rosters.get(row.employeeId) ?? new Map<string, string | null>();
    roster.set(row.date, row.shiftId);
    rosters.set(row.employeeId, roster);
  }

  const caches = createWorkDayCaches(holidayRecords);
  const emptyRoster = new Map<string, string | null>();
  const personal = new Set(assignments.flatMap((row) => (row.employeeId === null ? [] : [row.employeeId])));
  // Without a personal assignment or a roster, an employee's days depend only on the unit: a
  // regency has thousands of employees in a few hundred units, so each unit's calendar is computed
  // once and its (immutable) days shared; every employee still gets an array of their own.
  const unitCalendars = new Map<string, WorkDay[]>();
  // Employees without a unit of record work on the region's clock.
  const regionZone = people.some((person) => !person.unitId || !zoneOf.has(person.unitId)) ? await findRegionZone(executor) : DEFAULT_REGION_ZONE;
  for (const person of people) {
    const unitPath = pathOf(person.unitId);
    const isUnitCalendar = !personal.has(person.id) && !rosters.has(person.id);
    const shared = isUnitCalendar ? unitCalendars.get(person.unitId ?? '') : undefined;
    if (shared) {
      result.set(person.id, shared.slice());
      continue;
    }
    const relevant = assignments.filter(
      (row) => (row.employeeId === null && (row.unitId === null || unitPath.includes(row.unitId))) || row.employeeId === person.id,
    );
    const employee = { employeeId: person.id, unitPath, timeZone: (person.unitId && zoneOf.get(person.unitId)) || regionZone };
    const days = computeWorkDays({ employee, from, to, schedules, assignments: relevant, holidays: holidayRecords, roster: rosters.get(person.id) ?? emptyRoster }, caches);
    if (isUnitCalendar) unitCalendars.set(person.unitId ?? '', days.slice());
    result.set(person.id, days);
  }
  return result;
}
