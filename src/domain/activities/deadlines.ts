import { addDays, wallClockToInstant } from '../attendance/calendar-zone';
import type { EntryDeadline } from './rules';

/**
 * The last calendar day (inclusive, YYYY-MM-DD) on which work of `workDate` may still be entered
 * (or decided, for the approval deadline): D + n days, or day n of the month after D.
 */
export function lastDayOfDeadline(deadline: EntryDeadline, workDate: string): string {
  if (deadline.kind === 'days_after') return addDays(workDate, deadline.days);
  const year = Number(workDate.slice(0, 4));
  const month = Number(workDate.slice(5, 7));
  const nextYear = month === 12 ? year + 1 : year;
  const nextMonth = month === 12 ? 1 : month + 1;
  return `${String(nextYear).padStart(4, '0')}-${String(nextMonth).padStart(2, '0')}-${String(deadline.day).padStart(2, '0')}`;
}

/** The instant the deadline passes: the end of its last day in the unit's time zone. */
export function deadlineInstant(deadline: EntryDeadline, workDate: string, timeZone: string): Date {
  return wallClockToInstant(addDays(lastDayOfDeadline(deadline, workDate), 1), 0, timeZone);
}
