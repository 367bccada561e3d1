/** Calendar arithmetic on YYYY-MM-DD strings in UTC, so the server's time zone never matters. */
const toUtc = (date: string) => {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1);
};
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY_MS = 86_400_000;

export const addDays = (date: string, days: number) => fromUtc(toUtc(date) + days * DAY_MS);

export const daysBetween = (from: string, to: string) => Math.round((toUtc(to) - toUtc(from)) / DAY_MS);

/** First day of the month `offset` months from the month of `date`. */
export function firstOfMonth(date: string, offset = 0): string {
  const [year, month] = date.split('-').map(Number);
  return fromUtc(Date.UTC(year ?? 1970, (month ?? 1) - 1 + offset, 1));
}

/** Last day of the month `offset` months from the month of `date`. */
export const lastOfMonth = (date: string, offset = 0) => addDays(firstOfMonth(date, offset + 1), -1);

export const laterOf = (a: string, b: string) => (a > b ? a : b);
