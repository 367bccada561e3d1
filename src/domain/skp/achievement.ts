import { averageProgress, SUMMED_ASPECTS } from './progress';
import { add, divide, fromNumber, multiply, ratio, roundTo } from './rational';
import type { IndicatorAspect } from './vocabulary';

/**
 * Capaian SKP of a month (rules.md §5: a TPP part some regions pay for the SKP, e.g. Deli Serdang's
 * "SKP 20"): how far an employee's RHK utama are realised against what is due by the end of that
 * month, 10 000 = on track.
 *
 * - What is due: a quantity (kuantitas, biaya) is due pro rata over the months of the SKP span, so by
 *   the end of the 10th month of a 12-month span 10/12 of the year's target; a level (kualitas, waktu)
 *   is due whole, and the latest reported value counts — the same reading of the aspects as the
 *   progress of the SKP pages (progress.ts).
 * - Each indicator's capaian is realised ÷ due in basis points, rounded half away from zero once and
 *   capped at 100 % before averaging (one exceeded indicator cannot hide another that is behind); an
 *   indicator with nothing reported yet counts 0; one without a positive target is left out.
 * - Nothing reported on any indicator (or no indicator at all) is no capaian: null, which the rule
 *   set's "missing" factor then prices.
 * Pure: the caller gives the values of the periods started by the end of the month, in order.
 */
export interface SkpAchievementInput {
  /** The plan's span (a whole year, or shorter after a move), and the month measured, YYYY-MM, inside it. */
  span: { startDate: string; endDate: string };
  month: string;
  indicators: readonly { aspect: IndicatorAspect; target: number; values: readonly number[] }[];
}

/** Months since year 0 of a YYYY-MM… text: months between two dates by subtraction. */
const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

const FULL_BP = 10_000n;

function indicatorAchievementBp(indicator: SkpAchievementInput['indicators'][number], monthsToDate: number, monthsInSpan: number): number | null {
  if (!(indicator.target > 0)) return null;
  const last = indicator.values.at(-1);
  if (last === undefined) return 0;
  const isSummed = SUMMED_ASPECTS.has(indicator.aspect);
  const realised = isSummed ? indicator.values.map(fromNumber).reduce(add, ratio(0n)) : fromNumber(last);
  const due = isSummed ? multiply(fromNumber(indicator.target), ratio(BigInt(monthsToDate), BigInt(monthsInSpan))) : fromNumber(indicator.target);
  return roundTo(divide(multiply(realised, ratio(FULL_BP)), due), 0);
}

export function measureSkpAchievement(input: SkpAchievementInput): number | null {
  // A plan touching part of a month counts that month whole (a move on the 15th).
  const monthsInSpan = monthIndex(input.span.endDate) - monthIndex(input.span.startDate) + 1;
  const monthsToDate = monthIndex(input.month) - monthIndex(input.span.startDate) + 1;
  if (!(monthsInSpan >= 1) || !(monthsToDate >= 1) || monthsToDate > monthsInSpan) {
    throw new RangeError(`Bulan ${input.month} di luar rentang SKP ${input.span.startDate} s.d. ${input.span.endDate}`);
  }
  if (!input.indicators.some((indicator) => indicator.values.length > 0)) return null;
  return averageProgress(input.indicators.map((indicator) => indicatorAchievementBp(indicator, monthsToDate, monthsInSpan)));
}
