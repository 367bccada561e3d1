import type { Executor } from '../../../db/client';
import type { AttendanceEmployee, StoredDay } from './daily.repository';
import { deriveAttendanceRows, type DerivedRow } from './derive-attendance-rows';

const keyOf = (day: { employeeId: string; date: string }) => `${day.employeeId}|${day.date}`;

/**
 * The stored days of these employees over [from, to] with the days off that are not stored (a
 * weekend without punches has no row: ADR 0010), as the derivation says them — so that a calendar
 * or a list shows the days as before. Only for employees with stored days in the range: a range
 * nothing was derived for stays empty. Working days are never filled in: a missing one is a day not
 * rebuilt yet. Ordered by the employees' order, then date.
 */
export async function withDaysOff(executor: Executor, employees: AttendanceEmployee[], stored: StoredDay[], from: string, to: string, now: Date): Promise<(StoredDay | DerivedRow)[]> {
  const withStoredDays = new Set(stored.map((day) => day.employeeId));
  const derivedFor = employees.filter((employee) => withStoredDays.has(employee.id));
  const storedKeys = new Set(stored.map(keyOf));
  const derived = derivedFor.length === 0 ? [] : await deriveAttendanceRows(executor, derivedFor, from, to, now);
  const daysOff = derived.filter((day) => day.status === 'libur' && !storedKeys.has(keyOf(day)));
  const order = new Map(employees.map((employee, index) => [employee.id, index]));
  const rank = (employeeId: string) => order.get(employeeId) ?? employees.length;
  return [...stored, ...daysOff].sort((a, b) => rank(a.employeeId) - rank(b.employeeId) || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
