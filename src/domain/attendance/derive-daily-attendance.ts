import { EXCUSED_STATUSES, type DailyStatus, type EarlyBand, type ExcusedStatus, type LateBand } from '../../contracts/attendance-daily';
import { PART_DAY_KINDS, type RequestKind } from '../../contracts/attendance-requests';
import { localDayBoundsMs, localToInstant } from './derive-local-time';

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

/** A derived day with its check-in and check-out as epoch milliseconds (what a stored row keeps). */
export interface DerivedDayMs extends Omit<DerivedDay, 'firstIn' | 'lastOut'> {
  firstInMs: number | null;
  lastOutMs: number | null;
}

/** An employee's punches as two parallel lists, ascending by instant (epoch milliseconds), then by id. */
export interface PunchTimeline {
  ids: readonly number[];
  instants: readonly number[];
}

export interface TimelineDerivationInput extends Omit<DerivationInput, 'punches'> {
  /** All punches the employee has around the day (more is fine: the rule picks its window). */
  timeline: PunchTimeline;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const NO_REQUESTS: readonly DerivationRequest[] = [];
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
  if (excused.length === 0) return to - from;
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

/** Index of the first instant ≥ `value` in [low, high) of an ascending list. */
function lowerBound(sorted: readonly number[], value: number, low: number, high: number): number {
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? 0) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The touches that count, from ascending instants: a touch within `gapMs` of the previously kept
 * one is the same touch pressed twice. Only how many were kept and the first and last of them
 * matter to the rule.
 */
function collapseDoubleTouches(sorted: readonly number[], from: number, to: number, gapMs: number): { kept: number; first: number; last: number } {
  let kept = 0;
  let first = 0;
  let last = 0;
  for (let index = from; index < to; index++) {
    const instant = sorted[index] ?? 0;
    if (kept === 0 || instant - last > gapMs) {
      if (kept === 0) first = instant;
      kept += 1;
      last = instant;
    }
  }
  return { kept, first, last };
}

/** Ids of [from, to) in ascending order (a day's few punches; usually already in order). */
function sortedIds(ids: readonly number[], from: number, to: number): number[] {
  const out = ids.slice(from, to);
  for (let index = 1; index < out.length; index++) {
    if ((out[index] ?? 0) < (out[index - 1] ?? 0)) return out.sort((a, b) => a - b);
  }
  return out;
}

const emptyDay = (workDay: DerivationWorkDay, status: DailyStatus): DerivedDayMs => ({
  date: workDay.date,
  status,
  plannedStart: workDay.plannedStart,
  plannedEnd: workDay.plannedEnd,
  firstInMs: null,
  lastOutMs: null,
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
  // Stable by instant: equal instants keep their given order, as the rule has always seen them.
  const order = input.punches.map((punch, index) => ({ id: punch.id, instant: punch.instant.getTime(), index }));
  order.sort((a, b) => a.instant - b.instant || a.index - b.index);
  const day = deriveDayFromTimeline({ ...input, timeline: { ids: order.map((punch) => punch.id), instants: order.map((punch) => punch.instant) } });
  if (!day) return null;
  const { firstInMs, lastOutMs, ...rest } = day;
  return { ...rest, firstIn: firstInMs === null ? null : new Date(firstInMs), lastOut: lastOutMs === null ? null : new Date(lastOutMs) };
}

/**
 * deriveDailyAttendance over an employee's ascending punch timeline, with instants as epoch
 * milliseconds: the rebuild's form (a month of a regency is ~300,000 days, so the common day — a
 * working day, no request — allocates nothing but its result).
 */
export function deriveDayFromTimeline(input: TimelineDerivationInput): DerivedDayMs | null {
  const { workDay, rules, timeZone, now, timeline } = input;
  const window = input.window ?? DEFAULT_PUNCH_WINDOW;
  const { instants, ids } = timeline;
  const requests =
    input.approvedRequests.length === 0 ? NO_REQUESTS : input.approvedRequests.filter((request) => request.startDate <= workDay.date && request.endDate >= workDay.date);

  if (!workDay.isWorkingDay || !workDay.plannedStart || !workDay.plannedEnd) {
    const bounds = localDayBoundsMs(workDay.date, timeZone);
    if (now.getTime() < bounds.start) return null;
    const from = lowerBound(instants, bounds.start, 0, instants.length);
    const to = lowerBound(instants, bounds.end, from, instants.length);
    return {
      ...emptyDay(workDay, 'libur'),
      firstInMs: to > from ? (instants[from] ?? null) : null,
      lastOutMs: to - from > 1 ? (instants[to - 1] ?? null) : null,
      punchIds: ids.slice(from, to),
    };
  }

  const plannedStart = workDay.plannedStart.getTime();
  const plannedEnd = workDay.plannedEnd.getTime();
  const windowStart = plannedStart - window.beforeStartMinutes * MINUTE;
  const windowEnd = plannedEnd + window.afterEndMinutes * MINUTE;
  if (now.getTime() < plannedStart) return null;

  const from = lowerBound(instants, windowStart, 0, instants.length);
  const to = lowerBound(instants, windowEnd, from, instants.length);
  const punchIds = sortedIds(ids, from, to);

  const wholeDay = requests.find((request) => !isPartDay(request.kind));
  if (wholeDay) return { ...emptyDay(workDay, wholeDayStatus(wholeDay.kind)), punchIds, requestIds: [wholeDay.id] };

  const usedRequestIds: string[] = [];
  const corrections: number[] = [];
  const excused: Interval[] = [];
  for (const request of requests) {
    if (request.kind === 'koreksi_presensi') {
      for (const time of [request.startTime, request.endTime]) {
        if (time) corrections.push(timeOnWorkDay(workDay.date, time, timeZone, windowStart));
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

  const gapMs = window.doubleTouchMinutes * MINUTE;
  let touches: { kept: number; first: number; last: number };
  if (corrections.length === 0) touches = collapseDoubleTouches(instants, from, to, gapMs);
  else {
    const merged = [...instants.slice(from, to), ...corrections].sort((a, b) => a - b);
    touches = collapseDoubleTouches(merged, 0, merged.length, gapMs);
  }
  let checkIn: number | null = null;
  let checkOut: number | null = null;
  if (touches.kept === 1) {
    if (touches.first < plannedStart + (plannedEnd - plannedStart) / 2) checkIn = touches.first;
    else checkOut = touches.first;
  } else if (touches.kept > 1) {
    checkIn = touches.first;
    checkOut = touches.last;
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
    firstInMs: checkIn,
    lastOutMs: checkOut,
    lateMinutes,
    earlyMinutes,
    lateBand: lateMinutes > 0 ? rules.classifyLate(lateMinutes) : null,
    earlyBand: earlyMinutes > 0 ? rules.classifyEarly(earlyMinutes) : null,
    punchIds,
    requestIds: usedRequestIds,
  };
}
