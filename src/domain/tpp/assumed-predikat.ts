import { resolveEvaluationPeriod } from '../skp/evaluation';
import type { EmployeePredikat, EvaluationPeriodKind } from '../skp/vocabulary';

/** A final SKP rating as stored: its plan's year, the period it rates and the predikat. */
export interface FinalPredikatSource {
  year: number;
  periodKind: EvaluationPeriodKind;
  periodKey: string;
  predikat: EmployeePredikat;
}

/**
 * What an estimate of a month that is not rated yet assumes for the SKP predikat: the final
 * predikat of the latest evaluation period that ended before the month began (of two ending on the
 * same day, the shorter one: a month's rating is more recent news than its quarter's). Null when
 * there is none. Only estimates use it; a computed month takes the month's own rating or none.
 */
export function latestPredikatBefore(ratings: readonly FinalPredikatSource[], period: string): { predikat: EmployeePredikat; periodKey: string } | null {
  const firstDay = `${period}-01`;
  let best: { predikat: EmployeePredikat; periodKey: string; startDate: string; endDate: string } | null = null;
  for (const rating of ratings) {
    const span = resolveEvaluationPeriod(rating.year, rating.periodKind === 'annual' ? 'month' : rating.periodKind, rating.periodKey);
    if (!span || span.endDate >= firstDay) continue;
    if (best === null || span.endDate > best.endDate || (span.endDate === best.endDate && span.startDate > best.startDate)) {
      best = { predikat: rating.predikat, periodKey: rating.periodKey, startDate: span.startDate, endDate: span.endDate };
    }
  }
  return best && { predikat: best.predikat, periodKey: best.periodKey };
}
