import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { ABSENCE_KINDS, computeProductivity, measureProductivityMinutes, type ProductivityDayInput, type ProductivityMinutes, type ProductivityResult } from '../../../../domain/activities/productivity';
import { listDates } from '../../../../domain/attendance/calendar-zone';
import type { Executor } from '../../../db/client';
import { activityEntries, attendanceRequests, dailyAttendance } from '../../../db/schema';
import { invalid } from '../../../platform/errors';
import { resolveWorkDays } from '../../attendance/schedules';
import type { WorkDay } from '../../../../domain/attendance/schedule-work-days';
import { loadActivityRuleTimeline, type RulesOnDate } from '../approval/rule-timeline';

export interface MonthlyProductivity extends ProductivityResult {
  employeeId: string;
  month: string;
  throughDate: string;
  /** Submitted minutes not yet decided (each entry's claim), all days together. */
  pendingMinutes: number;
  pendingMinutesByDate: Map<string, number>;
}

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function monthBounds(month: string): { from: string; to: string } {
  if (!MONTH_PATTERN.test(month)) throw invalid('Bulan harus berformat YYYY-MM', { field: 'month' });
  const year = Number(month.slice(0, 4));
  const monthNumber = Number(month.slice(5, 7));
  const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(lastDay).padStart(2, '0')}` };
}

/**
 * Productivity of many employees for one month (issue 4 §4; the input of TPP, issue 6): approved
 * minutes per day, the schedule's working days, leave and duty days (derived attendance or an
 * approved whole-day request), the rule set in force each day. A fixed number of queries for a
 * whole OPD: rule sets, schedules (resolveWorkDays), attendance, requests, minutes.
 *
 * `throughDate` cuts the month short for a live figure (days after it are left out entirely);
 * the default is the whole month. Employees unknown to the schedule resolver are left out.
 */
export async function computeMonthlyProductivity(
  executor: Executor,
  employeeIds: readonly string[],
  month: string,
  options: { throughDate?: string } = {},
): Promise<Map<string, MonthlyProductivity>> {
  const bounds = monthBounds(month);
  const to = options.throughDate && options.throughDate < bounds.to ? options.throughDate : bounds.to;
  const result = new Map<string, MonthlyProductivity>();
  const ids = [...new Set(employeeIds)];
  if (ids.length === 0 || to < bounds.from) return result;
  const from = bounds.from;

  const rulesOn = await loadActivityRuleTimeline(executor);
  const workDays = await resolveWorkDays(executor, ids, from, to);
  const leaveDays = await executor
    .select({ employeeId: dailyAttendance.employeeId, date: dailyAttendance.date })
    .from(dailyAttendance)
    .where(and(inArray(dailyAttendance.employeeId, ids), gte(dailyAttendance.date, from), lte(dailyAttendance.date, to), inArray(dailyAttendance.status, [...ABSENCE_KINDS])));
  const leaveRequests = await executor
    .select({ employeeId: attendanceRequests.employeeId, startDate: attendanceRequests.startDate, endDate: attendanceRequests.endDate })
    .from(attendanceRequests)
    .where(
      and(
        inArray(attendanceRequests.employeeId, ids),
        eq(attendanceRequests.status, 'disetujui'),
        inArray(attendanceRequests.kind, [...ABSENCE_KINDS]),
        lte(attendanceRequests.startDate, to),
        gte(attendanceRequests.endDate, from),
      ),
    );
  const minutes = await executor
    .select({
      employeeId: activityEntries.employeeId,
      workDate: activityEntries.workDate,
      approved: sql<number>`coalesce(sum(${activityEntries.approvedMinutes}) filter (where ${activityEntries.status} = 'approved'), 0)::int`,
      pending: sql<number>`coalesce(sum(${activityEntries.claimedMinutes}) filter (where ${activityEntries.status} = 'submitted'), 0)::int`,
    })
    .from(activityEntries)
    .where(and(inArray(activityEntries.employeeId, ids), gte(activityEntries.workDate, from), lte(activityEntries.workDate, to), inArray(activityEntries.status, ['approved', 'submitted'])))
    .groupBy(activityEntries.employeeId, activityEntries.workDate);

  const leaveDates = new Map<string, Set<string>>();
  const addLeave = (employeeId: string, date: string) => {
    const dates = leaveDates.get(employeeId);
    if (dates) dates.add(date);
    else leaveDates.set(employeeId, new Set([date]));
  };
  for (const row of leaveDays) addLeave(row.employeeId, row.date);
  for (const request of leaveRequests) {
    for (const date of listDates(request.startDate < from ? from : request.startDate, request.endDate > to ? to : request.endDate)) addLeave(request.employeeId, date);
  }
  const approvedMinutes = new Map<string, Map<string, number>>();
  const pendingOf = new Map<string, Map<string, number>>();
  for (const row of minutes) {
    const approvedByDate = approvedMinutes.get(row.employeeId) ?? new Map<string, number>();
    approvedByDate.set(row.workDate, Number(row.approved));
    approvedMinutes.set(row.employeeId, approvedByDate);
    if (Number(row.pending) > 0) {
      const byDate = pendingOf.get(row.employeeId) ?? new Map<string, number>();
      byDate.set(row.workDate, Number(row.pending));
      pendingOf.set(row.employeeId, byDate);
    }
  }

  const computed = computeProductivityFromSources({ from, to, rulesOn, workDays, leaveDates, approvedMinutes });
  for (const [employeeId, productivity] of computed) {
    const pendingMinutesByDate = pendingOf.get(employeeId) ?? new Map<string, number>();
    const pendingMinutes = [...pendingMinutesByDate.values()].reduce((sum, value) => sum + value, 0);
    result.set(employeeId, { ...productivity, employeeId, month, throughDate: to, pendingMinutes, pendingMinutesByDate });
  }
  return result;
}

/** What the productivity of many employees over `from`…`to` is computed from, already read. */
export interface ProductivitySources {
  from: string;
  to: string;
  rulesOn: RulesOnDate;
  /** The schedule's days per employee; an employee missing here is left out of the result. */
  workDays: ReadonlyMap<string, readonly WorkDay[]>;
  /** Whole-day leave and duty dates per employee (derived attendance or an approved request, ABSENCE_KINDS). */
  leaveDates: ReadonlyMap<string, ReadonlySet<string>>;
  /** Approved minutes per employee and work date. */
  approvedMinutes: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** Each employee's days as the productivity rule reads them, built from sources already read. */
function* productivityDaysOf(sources: ProductivitySources): Generator<[string, ProductivityDayInput[]]> {
  const dates = listDates(sources.from, sources.to);
  const rulesByDate = dates.map((date) => sources.rulesOn(date));
  const noDates: ReadonlySet<string> = new Set();
  const noMinutes: ReadonlyMap<string, number> = new Map();
  for (const [employeeId, plan] of sources.workDays) {
    // The resolver gives one day per date in order; a plan that does not line up is looked up by date.
    const isAligned = plan.length === dates.length && plan.every((day, index) => day.date === dates[index]);
    const isWorking = isAligned ? null : new Map(plan.map((day) => [day.date, day.isWorkingDay]));
    const leave = sources.leaveDates.get(employeeId) ?? noDates;
    const approved = sources.approvedMinutes.get(employeeId) ?? noMinutes;
    yield [
      employeeId,
      dates.map((date, index) => {
        const rules = rulesByDate[index] ?? sources.rulesOn(date);
        return {
          date,
          isWorkingDay: isWorking ? (isWorking.get(date) ?? false) : (plan[index]?.isWorkingDay ?? false),
          isLeave: leave.has(date),
          approvedMinutes: approved.get(date) ?? 0,
          dailyNormMinutes: rules.dailyNormMinutes,
          leaveDays: rules.leaveDays,
        };
      }),
    ];
  }
}

/**
 * The productivity rule applied to sources a caller has already read: a TPP run reads attendance,
 * requests and minutes for its own purposes and should not read them a second time. Each date's
 * rules are looked up once for all employees.
 */
export function computeProductivityFromSources(sources: ProductivitySources): Map<string, ProductivityResult> {
  const result = new Map<string, ProductivityResult>();
  for (const [employeeId, days] of productivityDaysOf(sources)) result.set(employeeId, computeProductivity(days));
  return result;
}

/** Only the counted and target minutes per employee (the percentage is taken of them): what a TPP run needs. */
export function measureProductivityMinutesFromSources(sources: ProductivitySources): Map<string, ProductivityMinutes> {
  const result = new Map<string, ProductivityMinutes>();
  for (const [employeeId, days] of productivityDaysOf(sources)) result.set(employeeId, measureProductivityMinutes(days));
  return result;
}
