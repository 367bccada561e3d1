import type { Locale } from '../i18n/i18n-context';

const intlLocale: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

/**
 * A calendar date `YYYY-MM-DD` for display ("26 Sep 1986"). It is formatted in UTC on purpose:
 * a calendar date has no time zone, and the browser's zone must not shift it by a day.
 */
export function formatDate(date: string | null | undefined, locale: Locale): string {
  if (!date) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(intlLocale[locale], { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(utc);
}

/** A month `YYYY-MM` for display ("Oktober 2026", "October 2026"), in UTC for the same reason. */
export function formatMonth(month: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  return new Intl.DateTimeFormat(intlLocale[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}

/** An instant (ISO 8601 with offset) in the viewer's own time zone, with the zone shown. */
export function formatDateTime(instant: string | null | undefined, locale: Locale): string {
  if (!instant) return '—';
  const parsed = new Date(instant);
  if (Number.isNaN(parsed.getTime())) return instant;
  return new Intl.DateTimeFormat(intlLocale[locale], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
  }).format(parsed);
}

/** Today's calendar date where the user is, as `YYYY-MM-DD` (a form default, not a rule input). */
export function todayInBrowser(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The instants bounding a range of calendar days in the viewer's zone, for filters on
 * timestamps: from the start of the first day to the end of the last day.
 */
export function dayRangeToInstants(fromDate: string | null, toDate: string | null): { from?: string; to?: string } {
  const toInstant = (date: string, endOfDay: boolean) => {
    const [year, month, day] = date.split('-').map(Number);
    const local = endOfDay ? new Date(year ?? 0, (month ?? 1) - 1, (day ?? 1) + 1, 0, 0, 0, -1) : new Date(year ?? 0, (month ?? 1) - 1, day ?? 1);
    return local.toISOString();
  };
  return {
    ...(fromDate ? { from: toInstant(fromDate, false) } : {}),
    ...(toDate ? { to: toInstant(toDate, true) } : {}),
  };
}
