import type { LeaveBalance } from '../../../../contracts/attendance-requests';
import { computeAnnualLeaveBalance, findLeaveShortfall } from '../../../../domain/attendance/leave-balance';
import type { Executor } from '../../../db/client';
import { regionToday, type RequestContext } from '../../../platform/actor';
import { conflict, forbidden, notFound } from '../../../platform/errors';
import { findEmployeeRow } from '../../org/employees.repository';
import { findAttendanceRules, resolveWorkDays } from '../schedules';
import { canSeeEmployeeRequests } from './request-access';
import { findAnnualLeaveRequests } from './requests.repository';

/** Working dates (schedule and holidays applied) of an employee in [from, to]. */
export async function findWorkingDates(executor: Executor, employeeId: string, from: string, to: string): Promise<Set<string>> {
  const dates = new Set<string>();
  // Resolved one calendar year at a time (the schedule module bounds its ranges).
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) {
    const start = from > `${year}-01-01` ? from : `${year}-01-01`;
    const end = to < `${year}-12-31` ? to : `${year}-12-31`;
    const days = (await resolveWorkDays(executor, [employeeId], start, end)).get(employeeId) ?? [];
    for (const day of days) if (day.isWorkingDay) dates.add(day.date);
  }
  return dates;
}

const countWithin = (dates: Set<string>, from: string, to: string) => [...dates].filter((date) => date >= from && date <= to).length;

/** Annual leave balance of `year`: approved days used, pending days reserved, carry-over from the year before. */
export async function computeLeaveBalance(executor: Executor, employeeId: string, year: number): Promise<LeaveBalance> {
  const previousStart = `${year - 1}-01-01`;
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const [rules, requests, workingDates] = await Promise.all([
    findAttendanceRules(executor, yearStart),
    findAnnualLeaveRequests(executor, employeeId, previousStart, yearEnd),
    findWorkingDates(executor, employeeId, previousStart, yearEnd),
  ]);
  let usedPreviousYear = 0;
  let usedThisYear = 0;
  let pendingThisYear = 0;
  for (const request of requests) {
    // A request over New Year counts its days in each year separately.
    const previousDays = countWithin(workingDates, request.startDate < previousStart ? previousStart : request.startDate, request.endDate < yearStart ? request.endDate : `${year - 1}-12-31`);
    const thisDays = countWithin(workingDates, request.startDate < yearStart ? yearStart : request.startDate, request.endDate > yearEnd ? yearEnd : request.endDate);
    if (request.status === 'disetujui') {
      usedPreviousYear += previousDays;
      usedThisYear += thisDays;
    } else {
      pendingThisYear += thisDays;
    }
  }
  const balance = computeAnnualLeaveBalance({
    daysPerYear: rules.annualLeave.daysPerYear,
    carryOverMaxDays: rules.annualLeave.carryOverMaxDays,
    usedPreviousYear,
    usedThisYear,
    pendingThisYear,
  });
  return { employeeId, year, ...balance };
}

/** Refuse annual leave beyond the balance of each year it touches (other pending requests stay reserved). */
export async function assertLeaveFits(executor: Executor, employeeId: string, request: { startDate: string; endDate: string }, workingDates: Set<string>): Promise<void> {
  const firstYear = Number(request.startDate.slice(0, 4));
  const lastYear = Number(request.endDate.slice(0, 4));
  for (let year = firstYear; year <= lastYear; year += 1) {
    const balance = await computeLeaveBalance(executor, employeeId, year);
    const requested = countWithin(workingDates, request.startDate < `${year}-01-01` ? `${year}-01-01` : request.startDate, request.endDate > `${year}-12-31` ? `${year}-12-31` : request.endDate);
    const shortfall = findLeaveShortfall(balance, requested);
    if (shortfall) throw conflict(`${shortfall} (tahun ${year})`, { remainingDays: balance.remainingDays, requestedDays: requested, year });
  }
}

export async function getLeaveBalance(executor: Executor, ctx: RequestContext, query: { employeeId?: string | undefined; year?: number | undefined }): Promise<LeaveBalance> {
  const employeeId = query.employeeId ?? ctx.actor?.employeeId;
  if (!employeeId) throw forbidden('Akun ini tidak terhubung dengan data pegawai');
  const employee = await findEmployeeRow(executor, employeeId);
  if (!employee) throw notFound('Pegawai');
  if (!(await canSeeEmployeeRequests(executor, ctx, employee, regionToday(ctx)))) throw notFound('Pegawai');
  return computeLeaveBalance(executor, employeeId, query.year ?? Number(regionToday(ctx).slice(0, 4)));
}
