import type { LeaveDayTreatment } from './rules';

/**
 * Monthly productivity (rules.md §2, issue 4 §4). Pure: the caller gives one record per calendar
 * day with the rule set in force that day.
 *
 *   productivity = min(100 %, Σ_days min(approved minutes, daily norm) ÷ Σ_target days daily norm)
 *
 * - target days are the working days of the person's schedule that are not leave/duty days —
 *   unless the rule set says `leaveDays: 'credit'`, in which case a leave day stays a target day and
 *   is credited its full daily norm;
 * - minutes approved on any day count (a day off or a leave day too), each day capped at its norm;
 * - each day uses the norm of the rule set in force on that day (a mid-month change splits the month).
 *
 * Rounding, stated once: the percentage is in basis points (1/100 %), rounded DOWN to a whole
 * basis point, so a figure is never shown above what was earned. No target day at all (a whole
 * month of leave with `exclude`) gives no percentage (null): there was nothing to measure.
 */

/** Whole-day leave and duty: the person is not expected at work (wfh/wfa are work, part-day duty is too). */
export const ABSENCE_KINDS = [
  'cuti_tahunan',
  'cuti_besar',
  'cuti_sakit',
  'cuti_melahirkan',
  'cuti_alasan_penting',
  'cuti_bersama',
  'cuti_dltn',
  'izin',
  'sakit',
  'dinas_luar',
  'tugas_belajar',
  'diklat',
] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];
const absenceKinds: ReadonlySet<string> = new Set(ABSENCE_KINDS);
export const isAbsenceKind = (kind: string): kind is AbsenceKind => absenceKinds.has(kind);

export interface ProductivityDayInput {
  date: string;
  isWorkingDay: boolean;
  isLeave: boolean;
  approvedMinutes: number;
  dailyNormMinutes: number;
  leaveDays: LeaveDayTreatment;
}

export type ProductivityDayKind = 'working' | 'leave_excluded' | 'leave_credited' | 'day_off';

export interface ProductivityDay {
  date: string;
  kind: ProductivityDayKind;
  normMinutes: number;
  approvedMinutes: number;
  /** What the day adds to the numerator: approved minutes capped at the norm, or the credit. */
  countedMinutes: number;
  /** What the day adds to the denominator. */
  targetMinutes: number;
}

export interface ProductivityResult {
  days: ProductivityDay[];
  approvedMinutes: number;
  countedMinutes: number;
  creditedMinutes: number;
  targetMinutes: number;
  /** Working days that count in the target (credited leave days included). */
  effectiveWorkingDays: number;
  leaveDays: number;
  /** 0–10,000; null when there is no target day. */
  percentBasisPoints: number | null;
}

export const FULL_BASIS_POINTS = 10_000;

/** What a day adds to the numerator and the denominator: the one place the rule is applied. */
function classifyDay(day: ProductivityDayInput): ProductivityDay {
  const norm = day.dailyNormMinutes;
  const capped = Math.min(Math.max(day.approvedMinutes, 0), norm);
  if (!day.isWorkingDay) return { date: day.date, kind: 'day_off', normMinutes: norm, approvedMinutes: day.approvedMinutes, countedMinutes: capped, targetMinutes: 0 };
  if (day.isLeave && day.leaveDays === 'credit')
    return { date: day.date, kind: 'leave_credited', normMinutes: norm, approvedMinutes: day.approvedMinutes, countedMinutes: norm, targetMinutes: norm };
  if (day.isLeave) return { date: day.date, kind: 'leave_excluded', normMinutes: norm, approvedMinutes: day.approvedMinutes, countedMinutes: capped, targetMinutes: 0 };
  return { date: day.date, kind: 'working', normMinutes: norm, approvedMinutes: day.approvedMinutes, countedMinutes: capped, targetMinutes: norm };
}

/** The percentage of counted over target minutes, rounded down to a basis point and capped at 100 %; null without a target. */
export const productivityPercentOf = (countedMinutes: number, targetMinutes: number): number | null =>
  targetMinutes === 0 ? null : Math.min(FULL_BASIS_POINTS, Math.floor((countedMinutes * FULL_BASIS_POINTS) / targetMinutes));

export function computeProductivity(input: readonly ProductivityDayInput[]): ProductivityResult {
  const days = input.map(classifyDay);
  let approvedMinutes = 0;
  let countedMinutes = 0;
  let creditedMinutes = 0;
  let targetMinutes = 0;
  let effectiveWorkingDays = 0;
  let leaveDays = 0;
  for (const day of days) {
    approvedMinutes += day.approvedMinutes;
    countedMinutes += day.countedMinutes;
    targetMinutes += day.targetMinutes;
    if (day.targetMinutes > 0) effectiveWorkingDays += 1;
    if (day.kind === 'leave_credited' || day.kind === 'leave_excluded') leaveDays += 1;
    if (day.kind === 'leave_credited') creditedMinutes += day.countedMinutes;
  }
  return { days, approvedMinutes, countedMinutes, creditedMinutes, targetMinutes, effectiveWorkingDays, leaveDays, percentBasisPoints: productivityPercentOf(countedMinutes, targetMinutes) };
}

/** The month's two sums the percentage is taken of (productivityPercentOf). */
export interface ProductivityMinutes {
  countedMinutes: number;
  targetMinutes: number;
}

/**
 * The two sums alone, for callers that need nothing else (a TPP run over a region: hundreds of
 * thousands of days). The same rule as computeProductivity, day by day, without keeping the days.
 */
export function measureProductivityMinutes(input: Iterable<ProductivityDayInput>): ProductivityMinutes {
  let countedMinutes = 0;
  let targetMinutes = 0;
  for (const day of input) {
    const classified = classifyDay(day);
    countedMinutes += classified.countedMinutes;
    targetMinutes += classified.targetMinutes;
  }
  return { countedMinutes, targetMinutes };
}

/** 8,750 → "87,50 %" (Indonesian decimal comma), for reports. */
export const formatBasisPoints = (basisPoints: number | null): string =>
  basisPoints === null ? '–' : `${Math.floor(basisPoints / 100)},${String(basisPoints % 100).padStart(2, '0')} %`;
