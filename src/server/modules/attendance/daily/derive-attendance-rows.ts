import { addDays, localDayBounds } from '../../../../domain/attendance/derive-local-time';
import { DEFAULT_PUNCH_WINDOW, deriveDailyAttendance, type DerivationPunch, type DerivedDay, type PunchWindow } from '../../../../domain/attendance/derive-daily-attendance';
import type { WorkDay } from '../../../../domain/attendance/schedule-work-days';
import type { Executor } from '../../../db/client';
import { findApprovedRequests, findDeviceContacts, findPunchTimelines, type AttendanceEmployee, type PunchTimeline } from './daily.repository';
import { loadRulesByDate, resolveWorkDays } from './work-day-source';

export interface DerivedRow extends DerivedDay {
  employeeId: string;
  unitId: string | null;
  scheduleId: string | null;
  isFinal: boolean;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * A unit's day is final once it is over in the unit's zone (an overnight shift: once the shift has
 * ended) and every active device of the unit and the units above it has reported after that.
 */
function createFinality(contacts: Awaited<ReturnType<typeof findDeviceContacts>>, now: Date) {
  const devicesOf = new Map<string, (Date | null)[]>();
  for (const device of contacts.devices) {
    if (!device.unitId) continue;
    const list = devicesOf.get(device.unitId) ?? [];
    list.push(device.lastContactAt);
    devicesOf.set(device.unitId, list);
  }
  const chainContacts = new Map<string, (Date | null)[]>();
  const contactsAbove = (unitId: string | null): (Date | null)[] => {
    if (!unitId) return [];
    const cached = chainContacts.get(unitId);
    if (cached) return cached;
    const found: (Date | null)[] = [];
    const seen = new Set<string>();
    for (let current: string | null = unitId; current && !seen.has(current); current = contacts.parentOf.get(current) ?? null) {
      seen.add(current);
      found.push(...(devicesOf.get(current) ?? []));
    }
    chainContacts.set(unitId, found);
    return found;
  };
  return (unitId: string | null, day: DerivedDay, timeZone: string): boolean => {
    const dayEnd = localDayBounds(day.date, timeZone).end.getTime();
    const over = Math.max(dayEnd, day.plannedEnd?.getTime() ?? 0);
    if (now.getTime() < over) return false;
    return contactsAbove(unitId).every((lastContact) => lastContact !== null && lastContact.getTime() >= over);
  };
}

/** Index of the first instant ≥ `value` in an ascending list. */
function lowerBound(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? 0) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

const NO_PUNCHES: PunchTimeline = { ids: [], instants: [] };

/**
 * The punches a day can look at: the punch window around the planned times on a working day,
 * the local calendar day on a day off (the rule itself picks from these exactly as from all of
 * them). Cutting the month's timeline down first keeps the rule from scanning every punch of the
 * month for every day.
 */
function punchesNear(timeline: PunchTimeline, workDay: WorkDay, timeZone: string, window: PunchWindow): DerivationPunch[] {
  const bounds = localDayBounds(workDay.date, timeZone);
  let from = bounds.start.getTime();
  let to = bounds.end.getTime();
  if (workDay.plannedStart && workDay.plannedEnd) {
    from = Math.min(from, workDay.plannedStart.getTime() - window.beforeStartMinutes * MINUTE);
    to = Math.max(to, workDay.plannedEnd.getTime() + window.afterEndMinutes * MINUTE);
  }
  const punches: DerivationPunch[] = [];
  for (let index = lowerBound(timeline.instants, from); index < timeline.instants.length; index++) {
    const instant = timeline.instants[index] ?? 0;
    if (instant >= to) break;
    punches.push({ id: timeline.ids[index] ?? 0, instant: new Date(instant) });
  }
  return punches;
}

/** Everything the rule needs for a set of employees and dates, loaded once. */
export interface DerivationSources {
  from: string;
  to: string;
  now: Date;
  workDays: Map<string, WorkDay[]>;
  timelines: Map<string, PunchTimeline>;
  requestsOf: Map<string, Awaited<ReturnType<typeof findApprovedRequests>>>;
  rulesByDate: Awaited<ReturnType<typeof loadRulesByDate>>;
  isFinal: ReturnType<typeof createFinality>;
}

/**
 * One batch load of work days, counted punches, approved requests, rule sets and device contacts
 * for these employees over [from, to]: a handful of queries whatever the number of employees.
 */
export async function loadDerivationSources(executor: Executor, employees: AttendanceEmployee[], from: string, to: string, now: Date): Promise<DerivationSources> {
  const ids = employees.map((employee) => employee.id);
  // Punches of an overnight shift run into the next day; the window reaches a few hours before the start.
  const punchFrom = new Date(Date.parse(`${from}T00:00:00Z`) - 24 * HOUR);
  const punchTo = new Date(Date.parse(`${addDays(to, 2)}T00:00:00Z`) + 12 * HOUR);
  // One after another: this runs inside a transaction, i.e. on one connection (node-postgres
  // deprecates queueing concurrent queries on one client).
  const workDays = await resolveWorkDays(executor, ids, from, to);
  const timelines = await findPunchTimelines(executor, ids, punchFrom, punchTo);
  const requests = await findApprovedRequests(executor, ids, from, to);
  const rulesByDate = await loadRulesByDate(executor, from, to);
  const contacts = await findDeviceContacts(executor);
  const requestsOf = new Map<string, typeof requests>();
  for (const request of requests) {
    const list = requestsOf.get(request.employeeId) ?? [];
    list.push(request);
    requestsOf.set(request.employeeId, list);
  }
  return { from, to, now, workDays, timelines, requestsOf, rulesByDate, isFinal: createFinality(contacts, now) };
}

/** The pure rule over loaded sources, for some of the employees they were loaded for. */
export function deriveRowsFor(sources: DerivationSources, employees: AttendanceEmployee[]): DerivedRow[] {
  const rows: DerivedRow[] = [];
  for (const employee of employees) {
    const theirRequests = sources.requestsOf.get(employee.id) ?? [];
    const timeline = sources.timelines.get(employee.id) ?? NO_PUNCHES;
    for (const workDay of sources.workDays.get(employee.id) ?? []) {
      if (workDay.reason === 'tanpa_jadwal') continue;
      const day = deriveDailyAttendance({
        workDay,
        punches: punchesNear(timeline, workDay, employee.timeZone, DEFAULT_PUNCH_WINDOW),
        approvedRequests: theirRequests,
        rules: sources.rulesByDate(workDay.date),
        timeZone: employee.timeZone,
        now: sources.now,
        window: DEFAULT_PUNCH_WINDOW,
      });
      if (!day) continue;
      // Fields listed rather than spread: a month of a regency is ~300,000 rows.
      rows.push({
        date: day.date,
        status: day.status,
        plannedStart: day.plannedStart,
        plannedEnd: day.plannedEnd,
        firstIn: day.firstIn,
        lastOut: day.lastOut,
        lateMinutes: day.lateMinutes,
        earlyMinutes: day.earlyMinutes,
        lateBand: day.lateBand,
        earlyBand: day.earlyBand,
        punchIds: day.punchIds,
        requestIds: day.requestIds,
        employeeId: employee.id,
        unitId: employee.unitId,
        scheduleId: workDay.scheduleId,
        isFinal: sources.isFinal(employee.unitId, day, employee.timeZone),
      });
    }
  }
  return rows;
}

/**
 * Derive (without storing) the attendance of these employees for every date in [from, to].
 * Days without a schedule and days not yet started produce no row.
 */
export async function deriveAttendanceRows(executor: Executor, employees: AttendanceEmployee[], from: string, to: string, now: Date): Promise<DerivedRow[]> {
  if (employees.length === 0) return [];
  return deriveRowsFor(await loadDerivationSources(executor, employees, from, to, now), employees);
}
