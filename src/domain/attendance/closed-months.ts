import { addDays, monthBounds } from './calendar-zone';

/**
 * A month closed for TPP keeps the attendance that was paid (issue 6 §2): deriving attendance again
 * only touches the days of open months. Dates are YYYY-MM-DD text, months YYYY-MM; no clock.
 */

/** The months (YYYY-MM) that [from, to] touches, in order. */
export function monthsOfSpan(from: string, to: string): string[] {
  const months: string[] = [];
  for (let first = `${from.slice(0, 7)}-01`; first <= to; first = `${addDays(first, 32).slice(0, 7)}-01`) months.push(first.slice(0, 7));
  return months;
}

/** The parts of [from, to] that lie in months not in `closed`, in order; adjacent open months form one span. */
export function spansOutsideClosedMonths(from: string, to: string, closed: ReadonlySet<string>): { from: string; to: string }[] {
  const spans: { from: string; to: string }[] = [];
  for (const month of monthsOfSpan(from, to)) {
    if (closed.has(month)) continue;
    const bounds = monthBounds(month);
    const start = bounds.from < from ? from : bounds.from;
    const end = bounds.to > to ? to : bounds.to;
    const last = spans.at(-1);
    if (last && addDays(last.to, 1) === start) last.to = end;
    else spans.push({ from: start, to: end });
  }
  return spans;
}
