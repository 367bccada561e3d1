/**
 * Date periods with an inclusive last day. Dates are `YYYY-MM-DD` strings, which order correctly
 * as text, so no Date object (and no time zone) is involved.
 */
export interface DatePeriod {
  startDate: string;
  /** Inclusive last day; null = open-ended. */
  endDate: string | null;
}

const OPEN_END = '9999-12-31';

export const isActiveOn = (period: DatePeriod, date: string): boolean =>
  period.startDate <= date && (period.endDate === null || period.endDate >= date);

export const doPeriodsOverlap = (a: DatePeriod, b: DatePeriod): boolean =>
  a.startDate <= (b.endDate ?? OPEN_END) && b.startDate <= (a.endDate ?? OPEN_END);

export const isPeriodOrdered = (period: DatePeriod): boolean => period.endDate === null || period.endDate >= period.startDate;

/** Human-readable period for error messages: "2026-01-01 s.d. 2026-06-30" or "sejak 2026-01-01". */
export const describePeriod = (period: DatePeriod): string =>
  period.endDate === null ? `sejak ${period.startDate}` : `${period.startDate} s.d. ${period.endDate}`;
