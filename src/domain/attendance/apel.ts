import type { ApelOutcome, ApelRecordStatus } from '../../contracts/attendance-apel';
import { EXCUSED_STATUSES } from '../../contracts/attendance-daily';
import { compareText } from '../tpp/compare';
import { isoWeekday, parseTimeOfDay, wallClockToInstant } from './calendar-zone';

/**
 * Ceremonies (apel pagi, upacara): which apply to whom on which day, who attended, and the month's
 * count for TPP. Pure: schedules, days and punches in, decisions out; no clock, no server zone.
 */

export interface ApelScheduleRule {
  id: string;
  /** null = the whole region. */
  unitId: string | null;
  /** ISO weekdays, 1 = Monday. */
  weekdays: readonly number[];
  dates: readonly string[];
  /** Local wall clock HH:MM. */
  startTime: string;
  endTime: string;
  effectiveFrom: string;
  effectiveTo: string | null;
}

/** Does the ceremony take place on this date (for anyone)? */
export function isApelDay(schedule: ApelScheduleRule, date: string): boolean {
  if (date < schedule.effectiveFrom || (schedule.effectiveTo !== null && date > schedule.effectiveTo)) return false;
  return schedule.dates.includes(date) || schedule.weekdays.includes(isoWeekday(date));
}

/**
 * The ceremonies an employee of a unit is expected at on a date. `ancestry` is the unit itself,
 * then its parent, up to the top. The nearest level that has a ceremony that day wins, as for work
 * schedules: a puskesmas holding its own Monday apel replaces the region's for its staff.
 */
export function selectApelSchedules<T extends ApelScheduleRule>(schedules: readonly T[], date: string, ancestry: readonly string[]): T[] {
  const occurring = schedules.filter((schedule) => isApelDay(schedule, date));
  if (occurring.length === 0) return [];
  for (const level of [...ancestry, null]) {
    const matched = occurring.filter((schedule) => schedule.unitId === level);
    if (matched.length > 0) return matched;
  }
  return [];
}

/**
 * The instants between which a punch counts as attending: from the start minute up to the end of
 * the end minute (07:30–07:45 accepts 07:45:59), on the unit's wall clock.
 */
export function findApelWindow(schedule: Pick<ApelScheduleRule, 'startTime' | 'endTime'>, date: string, timeZone: string): { start: Date; end: Date } {
  const start = wallClockToInstant(date, parseTimeOfDay(schedule.startTime), timeZone);
  const endMinute = wallClockToInstant(date, parseTimeOfDay(schedule.endTime), timeZone);
  return { start, end: new Date(endMinute.getTime() + 59_999) };
}

const excused: ReadonlySet<string> = new Set(EXCUSED_STATUSES);

export interface ApelFacts {
  /** The day's derived attendance status; null when the day is not derived yet. */
  dayStatus: string | null;
  hasPunchInWindow: boolean;
  /** An approved part-day dinas luar overlaps the ceremony (see findDutyOverApel). */
  hasDutyOverApel?: boolean;
  /** What an admin recorded for this employee at this ceremony. */
  record: ApelRecordStatus | null;
}

/**
 * A day off means not expected; leave or duty (cuti, izin, sakit, dinas luar, WFH …), or a part-day
 * dinas luar over the ceremony's hours, excuses; a punch inside the window is attendance; otherwise
 * missed — unless the day is not derived yet, when nothing is known. An admin's record overrides
 * all of that.
 */
export function decideApelOutcome(facts: ApelFacts): { derived: ApelOutcome; outcome: ApelOutcome } {
  let derived: ApelOutcome;
  if (facts.dayStatus === 'libur') derived = 'libur';
  else if ((facts.dayStatus !== null && excused.has(facts.dayStatus)) || facts.hasDutyOverApel === true) derived = 'dispensasi';
  else if (facts.hasPunchInWindow) derived = 'hadir';
  else if (facts.dayStatus === null) derived = 'belum_ada_data';
  else derived = 'tidak_hadir';
  return { derived, outcome: facts.record ?? derived };
}

export interface ApelMonth {
  /** Ceremonies the employee was expected at (attended or missed). */
  required: number;
  missed: number;
  missedDates: string[];
}

/** Excused, days off and unknown days are not required: only attended and missed ceremonies count. */
export function summarizeApelMonth(outcomes: readonly { date: string; outcome: ApelOutcome }[]): ApelMonth {
  let required = 0;
  const missedDates: string[] = [];
  for (const { date, outcome } of outcomes) {
    if (outcome !== 'hadir' && outcome !== 'tidak_hadir') continue;
    required += 1;
    if (outcome === 'tidak_hadir') missedDates.push(date);
  }
  return { required, missed: missedDates.length, missedDates: missedDates.sort(compareText) };
}
