import type { SkpPeriodKind } from './vocabulary';

/**
 * Realisation and evaluation periods of an SKP year: months ("2026-03") or quarters ("2026-Q1"),
 * a regional setting. Dates are YYYY-MM-DD strings compared as text; no clock, no time zone.
 */
export interface SkpPeriod {
  key: string;
  kind: SkpPeriodKind;
  startDate: string;
  /** Inclusive. */
  endDate: string;
}

const pad = (value: number) => String(value).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const monthSpan = (year: number, first: number, last: number) => ({
  startDate: `${year}-${pad(first)}-01`,
  endDate: `${year}-${pad(last)}-${pad(lastDayOfMonth(year, last))}`,
});

export function listSkpPeriods(year: number, kind: SkpPeriodKind): SkpPeriod[] {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new RangeError(`Tahun SKP tidak sah: ${year}`);
  if (kind === 'month') {
    return Array.from({ length: 12 }, (_, index) => ({ key: `${year}-${pad(index + 1)}`, kind, ...monthSpan(year, index + 1, index + 1) }));
  }
  return Array.from({ length: 4 }, (_, index) => ({ key: `${year}-Q${index + 1}`, kind, ...monthSpan(year, index * 3 + 1, index * 3 + 3) }));
}

/** The periods that overlap an SKP span (a shorter span when someone moves mid-year). */
export function listSkpPeriodsWithin(kind: SkpPeriodKind, span: { startDate: string; endDate: string }): SkpPeriod[] {
  const year = Number(span.startDate.slice(0, 4));
  return listSkpPeriods(year, kind).filter((period) => period.startDate <= span.endDate && period.endDate >= span.startDate);
}

export function findSkpPeriod(year: number, kind: SkpPeriodKind, key: string): SkpPeriod | null {
  return listSkpPeriods(year, kind).find((period) => period.key === key) ?? null;
}

/** A period may be evaluated once its first day has come (today in the unit's zone, given by the caller). */
export const hasSkpPeriodStarted = (period: Pick<SkpPeriod, 'startDate'>, today: string): boolean => today >= period.startDate;

/** The year as one annual span, for annual evaluations and default SKP spans. */
export const yearSpan = (year: number) => ({ startDate: `${year}-01-01`, endDate: `${year}-12-31` });

/**
 * The period a reviewer most likely means on `today`: the last one that has ended (its ratings are
 * due), the first of the year before any has ended, and the year itself once the year is over.
 */
export function defaultReviewPeriodKey(year: number, kind: SkpPeriodKind, today: string): string {
  const periods = listSkpPeriods(year, kind);
  if (today > yearSpan(year).endDate) return String(year);
  return periods.filter((period) => period.endDate < today).at(-1)?.key ?? periods[0]?.key ?? String(year);
}
