import type { AttendanceDaySource } from './build-input';

/**
 * A leave begun before the month and still running into it, for leave bands counted from the leave's
 * first day (rule set `countFrom: leave_start`). Weekly days off are not stored and holidays are
 * `libur`: neither interrupts a leave nor counts in it.
 */

/** The leave the month opens with: the status of its first working day, when it is one of `leaveTypes`. */
export function leaveOpeningMonth(monthDays: readonly Pick<AttendanceDaySource, 'date' | 'status'>[], leaveTypes: ReadonlySet<string>): string | null {
  let first: Pick<AttendanceDaySource, 'date' | 'status'> | null = null;
  for (const day of monthDays) if (day.status !== 'libur' && (first === null || day.date < first.date)) first = day;
  return first && leaveTypes.has(first.status) ? first.status : null;
}

/** Working days of `leaveType` right before the month: the stored days before it, walked back from the latest until another status. */
export function countLeaveBeforeMonth(leaveType: string, daysBefore: readonly Pick<AttendanceDaySource, 'date' | 'status'>[]): number {
  const latestFirst = daysBefore.filter((day) => day.status !== 'libur').sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  let days = 0;
  for (const day of latestFirst) {
    if (day.status !== leaveType) break;
    days += 1;
  }
  return days;
}
