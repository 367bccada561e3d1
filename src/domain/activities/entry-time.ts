/**
 * Wall-clock times of an activity entry (HH:MM in the unit's zone, same calendar day; 24:00 is the
 * end of the day) and the time ranges they make.
 */
const WALL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** Minutes since midnight of `HH:MM` (or `HH:MM:SS` as the database returns it); null when not a time. */
export function parseEntryTime(value: string): number | null {
  const time = value.length === 8 && value.endsWith(':00') ? value.slice(0, 5) : value;
  const match = WALL_TIME.exec(time);
  if (!match) return null;
  if (time === '24:00') return 1440;
  return Number(match[1]) * 60 + Number(match[2]);
}

/** `HH:MM` of minutes since midnight. */
export const formatEntryTime = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export interface TimeRange {
  startMinute: number;
  endMinute: number;
}

export type TimeSpan = { isValid: true; range: TimeRange; minutes: number } | { isValid: false; field: 'startTime' | 'endTime'; problem: string };

/** The span from start to end on one day: the end must come after the start. */
export function measureTimeSpan(startTime: string, endTime: string): TimeSpan {
  const startMinute = parseEntryTime(startTime);
  if (startMinute === null || startMinute === 1440) return { isValid: false, field: 'startTime', problem: 'Jam mulai harus berformat HH:MM (00:00–23:59)' };
  const endMinute = parseEntryTime(endTime);
  if (endMinute === null) return { isValid: false, field: 'endTime', problem: 'Jam selesai harus berformat HH:MM (00:01–24:00)' };
  if (endMinute <= startMinute) return { isValid: false, field: 'endTime', problem: 'Jam selesai harus sesudah jam mulai pada hari yang sama' };
  return { isValid: true, range: { startMinute, endMinute }, minutes: endMinute - startMinute };
}

/** Half-open ranges: 08:00–09:00 and 09:00–10:00 touch but do not overlap. */
export const rangesOverlap = (a: TimeRange, b: TimeRange): boolean => a.startMinute < b.endMinute && b.startMinute < a.endMinute;
