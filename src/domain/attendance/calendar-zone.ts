/**
 * Calendar arithmetic on `YYYY-MM-DD` strings and wall-clock → instant conversion for an IANA
 * zone. Nothing here reads the machine's time zone: dates are handled as UTC midnights, and a
 * zone's offset is asked of Intl for the instant in question (WIB/WITA/WIT have no DST, but a
 * region abroad or a future rule change would, so the conversion is general).
 */

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

function parseDateParts(date: string): [number, number, number] {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`Tanggal tidak valid: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

const utcMidnight = (date: string): number => {
  const [year, month, day] = parseDateParts(date);
  return Date.UTC(year, month - 1, day);
};

const formatUtcDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export const isValidDate = (date: string): boolean => {
  if (!DATE_PATTERN.test(date)) return false;
  return formatUtcDate(utcMidnight(date)) === date;
};

export const addDays = (date: string, days: number): string => formatUtcDate(utcMidnight(date) + days * DAY_MS);

/** First and last day of a YYYY-MM month, by UTC arithmetic on the text (never the server's zone). */
export function monthBounds(period: string): { from: string; to: string } {
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${period}-01`, to: `${period}-${String(lastDay).padStart(2, '0')}` };
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (date: string): number => {
  const day = new Date(utcMidnight(date)).getUTCDay();
  return day === 0 ? 7 : day;
};

/** Every date from `from` to `to`, both inclusive. */
export function listDates(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let ms = utcMidnight(from), end = utcMidnight(to); ms <= end; ms += DAY_MS) dates.push(formatUtcDate(ms));
  return dates;
}

export const countDays = (from: string, to: string): number => Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS) + 1;

/** Minutes since midnight of `HH:MM[:SS]` (seconds ignored: schedules are to the minute). */
export function parseTimeOfDay(time: string): number {
  const match = TIME_PATTERN.exec(time);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 23 || minutes > 59) throw new RangeError(`Jam tidak valid: ${time}`);
  return hours * 60 + minutes;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    offsetFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Offsets per zone and quarter hour: zone offsets only change on quarter-hour boundaries, and
 * Intl formatting is the expensive part of deriving a month of attendance for a whole region.
 */
const offsetCache = new Map<string, number>();
const QUARTER_HOUR_MS = 15 * 60_000;
const MAX_CACHED_OFFSETS = 100_000;

/** Offset of the zone from UTC at an instant, in milliseconds (Asia/Jayapura → +9 h). */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(instantMs / QUARTER_HOUR_MS)}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const parts = formatterFor(timeZone).formatToParts(new Date(instantMs));
  const value = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  const wallAsUtc = Date.UTC(value('year'), value('month') - 1, value('day'), value('hour'), value('minute'), value('second'));
  const offset = wallAsUtc - Math.floor(instantMs / 1000) * 1000;
  if (offsetCache.size >= MAX_CACHED_OFFSETS) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` + `minuteOfDay` (may exceed a
 * day: 24 h + 7 h = 07:00 the next day). The offset is taken at the first guess and checked
 * once more at the result, which settles DST transitions (a skipped hour moves forward).
 */
export function wallClockToInstant(date: string, minuteOfDay: number, timeZone: string): Date {
  const wallAsUtc = utcMidnight(date) + minuteOfDay * 60_000;
  const firstOffset = zoneOffsetMs(wallAsUtc, timeZone);
  const candidate = wallAsUtc - firstOffset;
  const secondOffset = zoneOffsetMs(candidate, timeZone);
  return new Date(secondOffset === firstOffset ? candidate : wallAsUtc - secondOffset);
}

/** The calendar date of an instant in a zone. */
export const dateOfInstant = (instant: Date, timeZone: string): string =>
  formatUtcDate(instant.getTime() + zoneOffsetMs(instant.getTime(), timeZone));
