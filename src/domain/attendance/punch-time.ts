/**
 * Device wall-clock times ('YYYY-MM-DD HH:MM:SS', no zone) → instants, and the plausibility check
 * that holds garbage times (a reset clock at 2000-01-01, a battery-dead RTC at 2063) for review.
 * Pure: the zone comes from the device row, "now" from the caller; the machine's zone is never read.
 */

const LOCAL_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

export interface LocalTimeParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The parts of a valid device time, or null (bad shape, 2026-02-30, 24:00:00 …). */
export function parseLocalTime(localTime: string): LocalTimeParts | null {
  const match = LOCAL_TIME_PATTERN.exec(localTime);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const asUtc = new Date(Date.UTC(year, month - 1, day));
  if (asUtc.getUTCFullYear() !== year || asUtc.getUTCMonth() !== month - 1 || asUtc.getUTCDate() !== day) return null;
  return { year, month, day, hour, minute, second };
}

export const isValidLocalTime = (localTime: string): boolean => parseLocalTime(localTime) !== null;

/** The device's calendar date of a punch: the date part of its wall clock. */
export const localDateOf = (localTime: string): string => localTime.slice(0, 10);

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
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
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function offsetAt(instantMs: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instantMs));
  const value = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  const wallAsUtc = Date.UTC(value('year'), value('month') - 1, value('day'), value('hour'), value('minute'), value('second'));
  return wallAsUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * Converts wall-clock times of one zone to instants. Offsets are memoised per local hour, so a
 * bulk upload of thousands of punches asks Intl only a handful of times.
 */
export function createInstantConverter(timeZone: string): (localTime: string) => Date {
  const offsetByHour = new Map<string, number>();
  return (localTime) => {
    const parts = parseLocalTime(localTime);
    if (!parts) throw new RangeError(`Waktu mesin tidak valid: ${localTime}`);
    const wallAsUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
    const hourKey = localTime.slice(0, 13);
    let offset = offsetByHour.get(hourKey);
    if (offset === undefined) {
      const first = offsetAt(wallAsUtc, timeZone);
      // A second look at the candidate settles DST edges (Indonesian zones have none).
      offset = offsetAt(wallAsUtc - first, timeZone);
      offsetByHour.set(hourKey, offset);
    }
    return new Date(wallAsUtc - offset);
  };
}

/** One-off conversion of a device wall-clock time in `timeZone` to an instant. */
export const localTimeToInstant = (localTime: string, timeZone: string): Date => createInstantConverter(timeZone)(localTime);

/** The wall-clock time ('YYYY-MM-DD HH:MM:SS') an instant shows in `timeZone`. */
export function instantToLocalTime(instant: Date, timeZone: string): string {
  const shifted = new Date(instant.getTime() + offsetAt(instant.getTime(), timeZone));
  return shifted.toISOString().slice(0, 19).replace('T', ' ');
}

export interface PlausibilityWindow {
  /** Earliest plausible local date (the first attendance rule set's start). */
  earliestDate: string;
  /** Server time of receipt. */
  now: Date;
  /** How far a device clock may run ahead before its punches are held. */
  futureToleranceMinutes: number;
}

/** Is a punch time believable? Punches outside the window are held ('implausible_time'), not dropped. */
export function isPlausiblePunch(localTime: string, instant: Date, window: PlausibilityWindow): boolean {
  if (localDateOf(localTime) < window.earliestDate) return false;
  return instant.getTime() <= window.now.getTime() + window.futureToleranceMinutes * 60_000;
}
