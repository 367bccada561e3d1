import { addDays, localDayBounds } from '../../../../domain/attendance/derive-local-time';
import { DEFAULT_PUNCH_WINDOW, deriveDailyAttendance, type DerivedDay } from '../../../../domain/attendance/derive-daily-attendance';
import type { Executor } from '../../../db/client';
import { findApprovedRequests, findCountedPunches, findDeviceContacts, type AttendanceEmployee } from './daily.repository';
import { loadRulesByDate, resolveWorkDays } from './work-day-source';

export interface DerivedRow extends DerivedDay {
  employeeId: string;
  unitId: string | null;
  scheduleId: string | null;
  isFinal: boolean;
}

const HOUR = 3_600_000;

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

/**
 * Derive (without storing) the attendance of these employees for every date in [from, to]: one
 * batch load of work days, counted punches, approved requests and rule sets, then the pure rule.
 * Days without a schedule and days not yet started produce no row.
 */
export async function deriveAttendanceRows(executor: Executor, employees: AttendanceEmployee[], from: string, to: string, now: Date): Promise<DerivedRow[]> {
  if (employees.length === 0) return [];
  const ids = employees.map((employee) => employee.id);
  // Punches of an overnight shift run into the next day; the window reaches a few hours before the start.
  const punchFrom = new Date(Date.parse(`${from}T00:00:00Z`) - 24 * HOUR);
  const punchTo = new Date(Date.parse(`${addDays(to, 2)}T00:00:00Z`) + 12 * HOUR);
  // One after another: this runs inside a transaction, i.e. on one connection (node-postgres
  // deprecates queueing concurrent queries on one client).
  const workDays = await resolveWorkDays(executor, ids, from, to);
  const punchRows = await findCountedPunches(executor, ids, punchFrom, punchTo);
  const requests = await findApprovedRequests(executor, ids, from, to);
  const rulesByDate = await loadRulesByDate(executor, from, to);
  const contacts = await findDeviceContacts(executor);
  const punchesOf = new Map<string, { id: number; instant: Date }[]>();
  for (const punch of punchRows) {
    if (!punch.employeeId) continue;
    const list = punchesOf.get(punch.employeeId) ?? [];
    list.push({ id: punch.id, instant: punch.instant });
    punchesOf.set(punch.employeeId, list);
  }
  const requestsOf = new Map<string, typeof requests>();
  for (const request of requests) {
    const list = requestsOf.get(request.employeeId) ?? [];
    list.push(request);
    requestsOf.set(request.employeeId, list);
  }
  const isFinal = createFinality(contacts, now);

  const rows: DerivedRow[] = [];
  for (const employee of employees) {
    const theirRequests = requestsOf.get(employee.id) ?? [];
    const theirPunches = punchesOf.get(employee.id) ?? [];
    for (const workDay of workDays.get(employee.id) ?? []) {
      if (workDay.reason === 'tanpa_jadwal') continue;
      const rules = rulesByDate(workDay.date);
      const day = deriveDailyAttendance({
        workDay,
        punches: theirPunches,
        approvedRequests: theirRequests,
        rules,
        timeZone: employee.timeZone,
        now,
        window: DEFAULT_PUNCH_WINDOW,
      });
      if (!day) continue;
      rows.push({ ...day, employeeId: employee.id, unitId: employee.unitId, scheduleId: workDay.scheduleId, isFinal: isFinal(employee.unitId, day, employee.timeZone) });
    }
  }
  return rows;
}
