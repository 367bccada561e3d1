import type { RequestKind } from '../../contracts/attendance-requests';
import type { ApelScheduleRule } from './apel';
import { addDays, parseTimeOfDay, wallClockToInstant } from './calendar-zone';

/**
 * A part-day dinas luar excuses a ceremony it covers, as a whole-day request does (rules.md §4:
 * dinas luar, full or part day). Pure: the request's wall-clock hours are read on the unit's clock.
 */

/** An approved request as the ceremony needs it; times are the unit's wall clock (HH:MM[:SS]). */
export interface ApelDutyRequest {
  id: string;
  kind: RequestKind;
  startDate: string;
  endDate: string;
  startTime: string | null;
  endTime: string | null;
}

/** The instants of a part-day duty's hours on one date; an end not after the start runs into the next day. */
function findDutyInterval(request: ApelDutyRequest, date: string, timeZone: string): { start: number; end: number } | null {
  if (request.kind !== 'dinas_luar_sebagian' || !request.startTime || !request.endTime) return null;
  if (date < request.startDate || date > request.endDate) return null;
  const startMinute = parseTimeOfDay(request.startTime);
  const endMinute = parseTimeOfDay(request.endTime);
  const start = wallClockToInstant(date, startMinute, timeZone).getTime();
  const end = wallClockToInstant(endMinute > startMinute ? date : addDays(date, 1), endMinute, timeZone).getTime();
  return { start, end };
}

/**
 * The first approved part-day dinas luar whose hours overlap the ceremony on `date`, else null.
 * Both are half-open ranges of the unit's wall clock: a duty 07:00–10:00 covers a 07:30–08:00 apel,
 * one ending at 07:30 or starting at 08:00 only touches it and does not.
 */
export function findDutyOverApel<T extends ApelDutyRequest>(schedule: Pick<ApelScheduleRule, 'startTime' | 'endTime'>, date: string, timeZone: string, requests: readonly T[]): T | null {
  const apelStart = wallClockToInstant(date, parseTimeOfDay(schedule.startTime), timeZone).getTime();
  const apelEnd = wallClockToInstant(date, parseTimeOfDay(schedule.endTime), timeZone).getTime();
  for (const request of requests) {
    const duty = findDutyInterval(request, date, timeZone);
    if (duty && duty.start < apelEnd && duty.end > apelStart) return request;
  }
  return null;
}
