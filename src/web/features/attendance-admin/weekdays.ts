/** ISO weekday numbers (1 = Monday … 7 = Sunday), as schedules store them. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const isWeekday = (value: number): value is Weekday => Number.isInteger(value) && value >= 1 && value <= 7;

/** The message key of a weekday's full name ("Senin"); a number outside 1–7 is a bug and throws. */
export function weekdayKey(value: number): `attendanceAdmin.weekday.${Weekday}` {
  if (!isWeekday(value)) throw new Error(`weekday out of range: ${value}`);
  return `attendanceAdmin.weekday.${value}`;
}

/** The key of the short name ("Sen") the attendance calendar already uses. */
export function weekdayShortKey(value: number): `attendance.weekday.${Weekday}` {
  if (!isWeekday(value)) throw new Error(`weekday out of range: ${value}`);
  return `attendance.weekday.${value}`;
}

/** ISO weekday of a `YYYY-MM-DD` calendar date (computed in UTC: a date has no zone). */
export function weekdayOf(date: string): Weekday {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (day === 0 ? 7 : day) as Weekday;
}
