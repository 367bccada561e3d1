/**
 * Wall-clock ↔ instant conversion for a unit's IANA zone, without the machine's zone. Used by
 * derivation for part-day request times and for the bounds of a day off. Built on the one zone
 * arithmetic of the attendance domain (calendar-zone.ts).
 */
import { addDays, zoneOffsetMs } from './calendar-zone';

export { addDays, listDates } from './calendar-zone';

/** The instant of local `date` (YYYY-MM-DD) at `time` (HH:MM or HH:MM:SS) in `timeZone`. */
export function localToInstant(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute, second] = time.split(':').map(Number);
  const wallAsUtc = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, second ?? 0);
  // Two passes settle the offset even across a DST change (Indonesian zones have none).
  let instant = wallAsUtc - zoneOffsetMs(wallAsUtc, timeZone);
  instant = wallAsUtc - zoneOffsetMs(instant, timeZone);
  return new Date(instant);
}

/** Bounds per zone and date: a month of a whole regency asks for the same few dozen days ~600,000 times. */
const boundsCache = new Map<string, Map<string, { start: number; end: number }>>();
const MAX_CACHED_BOUNDS = 10_000;

/** The local day `date` in `timeZone` as a half-open range [start, end) of epoch milliseconds (shared: do not modify). */
export function localDayBoundsMs(date: string, timeZone: string): Readonly<{ start: number; end: number }> {
  // Nested maps rather than a `zone|date` key: no string is built per call.
  let byDate = boundsCache.get(timeZone);
  if (!byDate) {
    byDate = new Map();
    boundsCache.set(timeZone, byDate);
  }
  let bounds = byDate.get(date);
  if (!bounds) {
    bounds = { start: localToInstant(date, '00:00', timeZone).getTime(), end: localToInstant(addDays(date, 1), '00:00', timeZone).getTime() };
    if (byDate.size >= MAX_CACHED_BOUNDS) byDate.clear();
    byDate.set(date, bounds);
  }
  return bounds;
}

/** The local day `date` in `timeZone` as a half-open instant range [start, end). */
export function localDayBounds(date: string, timeZone: string): { start: Date; end: Date } {
  const bounds = localDayBoundsMs(date, timeZone);
  return { start: new Date(bounds.start), end: new Date(bounds.end) };
}
