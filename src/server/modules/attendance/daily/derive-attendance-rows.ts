import { addDays, localDayBoundsMs } from '../../../../domain/attendance/derive-local-time';
import { DEFAULT_PUNCH_WINDOW, deriveDayFromTimeline, type DerivedDay, type DerivedDayMs } from '../../../../domain/attendance/derive-daily-attendance';
import type { WorkDay } from '../../../../domain/attendance/schedule-work-days';
import type { Executor } from '../../../db/client';
import { findApprovedRequests, findDeviceContacts, findPunchTimelines, type AttendanceEmployee, type PunchTimeline } from './daily.repository';
import { openCopyChannel } from '../../../db/copy-channel';
import { copyPunchTimelines } from './copy-punch-timelines';
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
  // Per unit, the earliest last contact of the devices of it and the units above it (a device
  // that never reported: -∞; no device at all: +∞), so that each day is one comparison.
  const earliestContact = new Map<string, number>();
  const earliestContactAbove = (unitId: string | null): number => {
    if (!unitId) return Infinity;
    const cached = earliestContact.get(unitId);
    if (cached !== undefined) return cached;
    let earliest = Infinity;
    const seen = new Set<string>();
    for (let current: string | null = unitId; current && !seen.has(current); current = contacts.parentOf.get(current) ?? null) {
      seen.add(current);
      for (const lastContact of devicesOf.get(current) ?? []) earliest = Math.min(earliest, lastContact === null ? -Infinity : lastContact.getTime());
    }
    earliestContact.set(unitId, earliest);
    return earliest;
  };
  const nowMs = now.getTime();
  return (unitId: string | null, day: Pick<DerivedDayMs, 'date' | 'plannedEnd'>, timeZone: string): boolean => {
    const dayEnd = localDayBoundsMs(day.date, timeZone).end;
    const over = Math.max(dayEnd, day.plannedEnd?.getTime() ?? 0);
    return nowMs >= over && earliestContactAbove(unitId) >= over;
  };
}

const NO_PUNCHES: PunchTimeline = { ids: [], instants: [] };

/** Everything the rule needs for a set of employees and dates except their punches, loaded once. */
export interface CalendarSources {
  from: string;
  to: string;
  now: Date;
  workDays: Map<string, WorkDay[]>;
  requestsOf: Map<string, Awaited<ReturnType<typeof findApprovedRequests>>>;
  rulesByDate: Awaited<ReturnType<typeof loadRulesByDate>>;
  isFinal: ReturnType<typeof createFinality>;
}

/** Everything the rule needs, punches included. */
export interface DerivationSources extends CalendarSources {
  timelines: Map<string, PunchTimeline>;
}

/** The instants between which the punches of [from, to] lie: an overnight shift runs into the next day, the window starts hours before. */
export function punchRangeOf(from: string, to: string): { from: Date; to: Date } {
  return { from: new Date(Date.parse(`${from}T00:00:00Z`) - 24 * HOUR), to: new Date(Date.parse(`${addDays(to, 2)}T00:00:00Z`) + 12 * HOUR) };
}

/**
 * Work days, approved requests, rule sets and device contacts for these employees over [from, to]:
 * a handful of queries whatever the number of employees. One after another: this runs inside a
 * transaction, i.e. on one connection (node-postgres deprecates queueing queries on one client).
 */
export async function loadCalendarSources(executor: Executor, employees: AttendanceEmployee[], from: string, to: string, now: Date): Promise<CalendarSources> {
  const ids = employees.map((employee) => employee.id);
  const workDays = await resolveWorkDays(executor, ids, from, to);
  const requests = await findApprovedRequests(executor, ids, from, to);
  const rulesByDate = await loadRulesByDate(executor, from, to);
  const contacts = await findDeviceContacts(executor);
  const requestsOf = new Map<string, typeof requests>();
  for (const request of requests) {
    const list = requestsOf.get(request.employeeId) ?? [];
    list.push(request);
    requestsOf.set(request.employeeId, list);
  }
  return { from, to, now, workDays, requestsOf, rulesByDate, isFinal: createFinality(contacts, now) };
}

/** The calendar sources and the counted punches of these employees over [from, to]. */
export async function loadDerivationSources(executor: Executor, employees: AttendanceEmployee[], from: string, to: string, now: Date): Promise<DerivationSources> {
  const calendar = await loadCalendarSources(executor, employees, from, to, now);
  const range = punchRangeOf(from, to);
  const ids = employees.map((employee) => employee.id);
  // By binary COPY in a transaction; on the node-postgres pool (no COPY there) as aggregated text.
  const channel = openCopyChannel(executor);
  const timelines = channel ? await copyPunchTimelines(channel, ids, range.from, range.to) : await findPunchTimelines(executor, ids, range.from, range.to);
  return { ...calendar, timelines };
}

/** One derived day with what the stored row adds to it. */
export type DerivedDayVisitor = (employee: AttendanceEmployee, workDay: WorkDay, day: DerivedDayMs, isFinal: boolean) => void;

/**
 * The pure rule over loaded sources, for some of the employees they were loaded for: every day
 * that yields a row is handed to `visit` in employee, then date order (no row is kept here, so a
 * caller that writes columns straight away leaves nothing behind for the garbage collector).
 */
export function visitDerivedDays(sources: DerivationSources, employees: AttendanceEmployee[], visit: DerivedDayVisitor): void {
  for (const employee of employees) {
    const theirRequests = sources.requestsOf.get(employee.id) ?? [];
    const timeline = sources.timelines.get(employee.id) ?? NO_PUNCHES;
    for (const workDay of sources.workDays.get(employee.id) ?? []) {
      if (workDay.reason === 'tanpa_jadwal') continue;
      const day = deriveDayFromTimeline({
        workDay,
        timeline,
        approvedRequests: theirRequests,
        rules: sources.rulesByDate(workDay.date),
        timeZone: employee.timeZone,
        now: sources.now,
        window: DEFAULT_PUNCH_WINDOW,
      });
      if (day) visit(employee, workDay, day, sources.isFinal(employee.unitId, day, employee.timeZone));
    }
  }
}

/** The derived rows of some of the employees the sources were loaded for. */
function deriveRowsFor(sources: DerivationSources, employees: AttendanceEmployee[]): DerivedRow[] {
  const rows: DerivedRow[] = [];
  visitDerivedDays(sources, employees, (employee, workDay, day, isFinal) => {
    const { firstInMs, lastOutMs, ...fields } = day;
    rows.push({
      ...fields,
      firstIn: firstInMs === null ? null : new Date(firstInMs),
      lastOut: lastOutMs === null ? null : new Date(lastOutMs),
      employeeId: employee.id,
      unitId: employee.unitId,
      scheduleId: workDay.scheduleId,
      isFinal,
    });
  });
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
