import { EXCUSED_STATUSES, type DailyStatus, type EarlyBand, type ExcusedStatus, type LateBand } from '../../contracts/attendance-daily';
import { PART_DAY_KINDS, type RequestKind } from '../../contracts/attendance-requests';
import { localDayBounds, localToInstant } from './derive-local-time';

/** The planned day of one employee, as the schedule module resolves it. */
export interface DerivationWorkDay {
  date: string;
  isWorkingDay: boolean;
  plannedStart: Date | null;
  plannedEnd: Date | null;
  graceLateMinutes: number;
  graceEarlyMinutes: number;
}

export interface DerivationPunch {
  id: number;
  instant: Date;
}

/** An approved request touching the day; times are local wall-clock in the unit's zone. */
export interface DerivationRequest {
  id: string;
  kind: RequestKind;
  startDate: string;
  endDate: string;
  startTime: string | null;
  endTime: string | null;
}

/** Band classification from the rule set in force (TL1–TL4, PSW1–PSW4 minute ranges are data). */
export interface DerivationRules {
  classifyLate(minutes: number): LateBand | null;
  classifyEarly(minutes: number): EarlyBand | null;
}

/** Which punches belong to a working day: from before the planned start to after the planned end. */
export interface PunchWindow {
  beforeStartMinutes: number;
  afterEndMinutes: number;
  /** Touches this close to the previous one are one touch (people press twice). */
  doubleTouchMinutes: number;
}

export const DEFAULT_PUNCH_WINDOW: PunchWindow = { beforeStartMinutes: 240, afterEndMinutes: 480, doubleTouchMinutes: 2 };

export interface DerivationInput {
  workDay: DerivationWorkDay;
  punches: DerivationPunch[];
  approvedRequests: DerivationRequest[];
  rules: DerivationRules;
  /** IANA zone of the employee's unit: part-day request times and the bounds of a day off. */
  timeZone: string;
  now: Date;
  window?: PunchWindow;
}

export interface DerivedDay {
  date: string;
  status: DailyStatus;
  plannedStart: Date | null;
  plannedEnd: Date | null;
  firstIn: Date | null;
  lastOut: Date | null;
  lateMinutes: number;
  earlyMinutes: number;
  lateBand: LateBand | null;
  earlyBand: EarlyBand | null;
  punchIds: number[];
  requestIds: string[];
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const isPartDay = (kind: RequestKind) => (PART_DAY_KINDS as readonly RequestKind[]).includes(kind);

/** A whole-day kind names its own daily status (the words are shared). */
function wholeDayStatus(kind: RequestKind): ExcusedStatus {
  const status = EXCUSED_STATUSES.find((candidate) => candidate === kind);
  if (!status) throw new Error(`request kind ${kind} is not a whole-day kind`);
  return status;
}

interface Interval {
  start: number;
  end: number;
}

/** Milliseconds of [from, to) not covered by any of the excused intervals. */
function uncoveredMs(from: number, to: number, excused: Interval[]): number {
  if (to <= from) return 0;
  const clipped = excused
    .map((interval) => ({ start: Math.max(interval.start, from), end: Math.min(interval.end, to) }))
    .filter((interval) => interval.end > interval.start)
    .sort((a, b) => a.start - b.start);
  let covered = 0;
  let reach = from;
  for (const interval of clipped) {
    const start = Math.max(interval.start, reach);
    if (interval.end > start) {
      covered += interval.end - start;
      reach = interval.end;
    }
  }
  return to - from - covered;
}

/** A local time on the working day; an overnight shift's early-morning times fall on the next calendar day. */
function timeOnWorkDay(date: string, time: string, timeZone: string, windowStart: number): number {
  const instant = localToInstant(date, time, timeZone).getTime();
  return instant < windowStart ? instant + DAY : instant;
}

/** Drop repeated touches within `gapMs` of the previously kept one. */
function collapseDoubleTouches<T extends { instant: number }>(sorted: T[], gapMs: number): T[] {
  const kept: T[] = [];
  for (const punch of sorted) {
    const previous = kept[kept.length - 1];
    if (!previous || punch.instant - previous.instant > gapMs) kept.push(punch);
  }
  return kept;
}

const emptyDay = (workDay: DerivationWorkDay, status: DailyStatus): DerivedDay => ({
  date: workDay.date,
  status,
  plannedStart: workDay.plannedStart,
  plannedEnd: workDay.plannedEnd,
  firstIn: null,
  lastOut: null,
  lateMinutes: 0,
  earlyMinutes: 0,
  lateBand: null,
  earlyBand: null,
  punchIds: [],
  requestIds: [],
});

/**
 * The attendance of one employee on one day. Precedence: a day off is libur (punches are kept as
 * evidence); an approved whole-day request gives its own status; otherwise the punches decide,
 * with corrections adding the missing touch and part-day dinas luar excusing lateness or early
 * leave only within its hours. The device's in/out status byte is ignored: the first touch is
 * the check-in and the last the check-out; a lone touch is whichever end of the day it is nearer.
 * Returns null when the day has not started yet (nothing to say).
 */
export function deriveDailyAttendance(input: DerivationInput): DerivedDay | null {
  const { workDay, rules, timeZone, now } = input;
  const window = input.window ?? DEFAULT_PUNCH_WINDOW;
  const requests = input.approvedRequests.filter((request) => request.startDate <= workDay.date && request.endDate >= workDay.date);

  if (!workDay.isWorkingDay || !workDay.plannedStart || !workDay.plannedEnd) {
    const bounds = localDayBounds(workDay.date, timeZone);
    if (now < bounds.start) return null;
    const onDay = input.punches
      .filter((punch) => punch.instant >= bounds.start && punch.instant < bounds.end)
      .sort((a, b) => a.instant.getTime() - b.instant.getTime());
    return {
      ...emptyDay(workDay, 'libur'),
      firstIn: onDay[0]?.instant ?? null,
      lastOut: onDay.length > 1 ? (onDay[onDay.length - 1]?.instant ?? null) : null,
      punchIds: onDay.map((punch) => punch.id),
    };
  }

  const plannedStart = workDay.plannedStart.getTime();
  const plannedEnd = workDay.plannedEnd.getTime();
  const windowStart = plannedStart - window.beforeStartMinutes * MINUTE;
  const windowEnd = plannedEnd + window.afterEndMinutes * MINUTE;
  if (now.getTime() < plannedStart) return null;

  const realPunches = input.punches
    .map((punch) => ({ id: punch.id as number | null, instant: punch.instant.getTime() }))
    .filter((punch) => punch.instant >= windowStart && punch.instant < windowEnd);
  const punchIds = realPunches.map((punch) => punch.id).filter((id): id is number => id !== null).sort((a, b) => a - b);

  const wholeDay = requests.find((request) => !isPartDay(request.kind));
  if (wholeDay) return { ...emptyDay(workDay, wholeDayStatus(wholeDay.kind)), punchIds, requestIds: [wholeDay.id] };

  const usedRequestIds: string[] = [];
  const corrections: { id: number | null; instant: number }[] = [];
  const excused: Interval[] = [];
  for (const request of requests) {
    if (request.kind === 'koreksi_presensi') {
      for (const time of [request.startTime, request.endTime]) {
        if (time) corrections.push({ id: null, instant: timeOnWorkDay(workDay.date, time, timeZone, windowStart) });
      }
      usedRequestIds.push(request.id);
    } else if (request.kind === 'dinas_luar_sebagian' && request.startTime && request.endTime) {
      const start = timeOnWorkDay(workDay.date, request.startTime, timeZone, windowStart);
      let end = timeOnWorkDay(workDay.date, request.endTime, timeZone, windowStart);
      if (end <= start) end += DAY;
      excused.push({ start, end });
      usedRequestIds.push(request.id);
    }
  }

  const touches = collapseDoubleTouches(
    [...realPunches, ...corrections].sort((a, b) => a.instant - b.instant),
    window.doubleTouchMinutes * MINUTE,
  );
  let checkIn: number | null = null;
  let checkOut: number | null = null;
  if (touches.length === 1) {
    const only = touches[0]?.instant ?? 0;
    if (only < plannedStart + (plannedEnd - plannedStart) / 2) checkIn = only;
    else checkOut = only;
  } else if (touches.length > 1) {
    checkIn = touches[0]?.instant ?? null;
    checkOut = touches[touches.length - 1]?.instant ?? null;
  }

  const isDayOver = now.getTime() >= plannedEnd;
  const isStartExcused = excused.some((interval) => interval.start <= plannedStart && interval.end > plannedStart);
  const isEndExcused = excused.some((interval) => interval.start < plannedEnd && interval.end >= plannedEnd);
  const isInMissing = checkIn === null && !isStartExcused;
  // Until the planned end, a missing check-out is not yet a fault.
  const isOutMissing = checkOut === null && !isEndExcused && isDayOver;

  // Minutes past grace; a part-day duty's hours do not count against the employee.
  const rawLate = checkIn === null ? 0 : Math.floor(uncoveredMs(plannedStart, checkIn, excused) / MINUTE);
  const rawEarly = checkOut === null ? 0 : Math.floor(uncoveredMs(checkOut, plannedEnd, excused) / MINUTE);
  const lateMinutes = Math.max(0, rawLate - workDay.graceLateMinutes);
  const earlyMinutes = Math.max(0, rawEarly - workDay.graceEarlyMinutes);

  let status: DailyStatus;
  if (isInMissing && (isOutMissing || (checkOut === null && !isDayOver))) status = 'tk';
  else if (isInMissing) status = 'tidak_absen_masuk';
  else if (isOutMissing) status = 'tidak_absen_pulang';
  else if (lateMinutes > 0 && earlyMinutes > 0) status = 'terlambat_psw';
  else if (lateMinutes > 0) status = 'terlambat';
  else if (earlyMinutes > 0) status = 'psw';
  else status = excused.length > 0 ? 'dinas_luar_sebagian' : 'hadir';

  return {
    date: workDay.date,
    status,
    plannedStart: workDay.plannedStart,
    plannedEnd: workDay.plannedEnd,
    firstIn: checkIn === null ? null : new Date(checkIn),
    lastOut: checkOut === null ? null : new Date(checkOut),
    lateMinutes,
    earlyMinutes,
    lateBand: lateMinutes > 0 ? rules.classifyLate(lateMinutes) : null,
    earlyBand: earlyMinutes > 0 ? rules.classifyEarly(earlyMinutes) : null,
    punchIds,
    requestIds: usedRequestIds,
  };
}
