/**
 * Wall-clock ↔ instant conversion for a unit's IANA zone, without the machine's zone. Used by
 * derivation for part-day request times and for the bounds of a day off.
 */
const partsFormatter = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatter.get(timeZone);
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
    partsFormatter.set(timeZone, formatter);
  }
  return formatter;
}

/** Offset of the zone from UTC at `instant`, in milliseconds (WIB = +7 h). */
function zoneOffsetMs(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(formatterOf(timeZone).formatToParts(instant).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant of local `date` (YYYY-MM-DD) at `time` (HH:MM or HH:MM:SS) in `timeZone`. */
export function localToInstant(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute, second] = time.split(':').map(Number);
  const wallAsUtc = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, second ?? 0);
  // Two passes settle the offset even across a DST change (Indonesian zones have none).
  let instant = wallAsUtc - zoneOffsetMs(new Date(wallAsUtc), timeZone);
  instant = wallAsUtc - zoneOffsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

/** YYYY-MM-DD plus `days` (calendar arithmetic on the date itself, zone-free). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, (day ?? 1) + days)).toISOString().slice(0, 10);
}

/** Every date from `from` to `to` inclusive. */
export function listDates(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/** The local day `date` in `timeZone` as a half-open instant range [start, end). */
export function localDayBounds(date: string, timeZone: string): { start: Date; end: Date } {
  return { start: localToInstant(date, '00:00', timeZone), end: localToInstant(addDays(date, 1), '00:00', timeZone) };
}
