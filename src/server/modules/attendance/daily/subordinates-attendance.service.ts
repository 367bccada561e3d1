import type { DailyAttendanceView } from '../../../../contracts/attendance-daily';
import type { SubordinateDayList, SubordinateMonthList, SubordinateMonthSummary } from '../../../../contracts/attendance-subordinates';
import { deriveMonthlyRecap } from '../../../../domain/attendance/derive-monthly-recap';
import type { Executor } from '../../../db/client';
import { hasRole, regionToday, requireActor, type RequestContext } from '../../../platform/actor';
import { forbidden } from '../../../platform/errors';
import { findSubordinates } from '../../org';
import { findAttendanceEmployees, findStoredDays } from './daily.repository';
import { lastDayOfMonth, toDailyAttendanceView as toView } from './daily-queries.service';
import { deriveAttendanceRows } from './derive-attendance-rows';
import { withDaysOff } from './with-days-off';

/**
 * The caller's direct subordinates today (the superior rule of org/superiors.service: Plt/Plh,
 * vacancies, overrides). Today and not the viewed date: a superior answers for the people
 * they lead now, the same set the per-employee attendance route lets them open.
 */
async function findMySubordinates(executor: Executor, ctx: RequestContext) {
  const actor = requireActor(ctx);
  if (!actor.employeeId || !hasRole(actor, 'atasan')) throw forbidden('Hanya atasan yang dapat melihat presensi bawahan');
  const { items } = await findSubordinates(executor, actor.employeeId, regionToday(ctx));
  const employees = await findAttendanceEmployees(executor, { employeeIds: items.map((item) => item.employeeId) });
  const zoneOf = new Map(employees.map((employee) => [employee.id, employee.timeZone]));
  return { people: items.map((item) => ({ ...item, timeZone: zoneOf.get(item.employeeId) ?? ctx.regionZone })), employees };
}

/**
 * One day of every subordinate, derived now from punches and requests (like the OPD board, so
 * today is current before any rebuild ran). `day` is null on a day without a schedule or not begun.
 */
export async function getSubordinatesDay(executor: Executor, ctx: RequestContext, query: { date?: string | undefined }): Promise<SubordinateDayList> {
  const date = query.date ?? regionToday(ctx);
  const { people, employees } = await findMySubordinates(executor, ctx);
  const rows = await deriveAttendanceRows(executor, employees, date, date, ctx.clock.now());
  const dayOf = new Map(rows.map((row) => [row.employeeId, toView(row)]));
  return { date, items: people.map((person) => ({ ...person, day: dayOf.get(person.employeeId) ?? null })) };
}

/** Totals of a month of stored days: the recap's counts, plus late/early minutes a superior asks about. */
export function summariseMonth(days: readonly DailyAttendanceView[]): SubordinateMonthSummary {
  const counts = deriveMonthlyRecap(days);
  const working = days.filter((day) => day.status !== 'libur');
  return {
    workingDays: counts.workingDays,
    present: counts.present,
    lateDays: working.filter((day) => day.lateMinutes > 0).length,
    lateMinutes: working.reduce((sum, day) => sum + day.lateMinutes, 0),
    earlyDays: working.filter((day) => day.earlyMinutes > 0).length,
    earlyMinutes: working.reduce((sum, day) => sum + day.earlyMinutes, 0),
    noCheckIn: counts.noCheckIn,
    noCheckOut: counts.noCheckOut,
    tk: counts.tk,
    excused: Object.values(counts.excused).reduce((sum, count) => sum + count, 0),
  };
}

/** A month of every subordinate: the stored days (what the recap and TPP use) with the days off, and their totals. */
export async function getSubordinatesMonth(executor: Executor, ctx: RequestContext, query: { month: string }): Promise<SubordinateMonthList> {
  const { people, employees } = await findMySubordinates(executor, ctx);
  const from = `${query.month}-01`;
  const to = lastDayOfMonth(query.month);
  const stored = await findStoredDays(executor, { employeeIds: people.map((person) => person.employeeId), from, to });
  const days = await withDaysOff(executor, employees, stored, from, to, ctx.clock.now());
  const daysOf = new Map<string, DailyAttendanceView[]>();
  for (const day of days) {
    const list = daysOf.get(day.employeeId) ?? [];
    list.push(toView(day));
    daysOf.set(day.employeeId, list);
  }
  return {
    month: query.month,
    items: people.map((person) => {
      const theirs = daysOf.get(person.employeeId) ?? [];
      return { ...person, summary: summariseMonth(theirs), days: theirs };
    }),
  };
}
