import { describe, expect, it } from 'vitest';
import { computeProductivity, formatBasisPoints, isAbsenceKind, type ProductivityDayInput } from '../../../src/domain/activities/productivity';
import type { LeaveDayTreatment } from '../../../src/domain/activities/rules';

type DayShape = 'W' | 'L' | 'O';

/**
 * A month written as a string of day shapes (W working, L leave on a working day, O day off) and
 * the approved minutes of each day, so that each case reads like the hand calculation it checks.
 */
function month(shapes: string, minutes: readonly number[], rules: { norm?: number; leaveDays?: LeaveDayTreatment; normFromDay?: [number, number] } = {}): ProductivityDayInput[] {
  return [...shapes].map((shape, index) => {
    const dayNumber = index + 1;
    const [changeDay, changedNorm] = rules.normFromDay ?? [Number.POSITIVE_INFINITY, 0];
    return {
      date: `2026-03-${String(dayNumber).padStart(2, '0')}`,
      isWorkingDay: (shape as DayShape) !== 'O',
      isLeave: (shape as DayShape) === 'L',
      approvedMinutes: minutes[index] ?? 0,
      dailyNormMinutes: dayNumber >= changeDay ? changedNorm : (rules.norm ?? 300),
      leaveDays: rules.leaveDays ?? 'exclude',
    };
  });
}

describe('computeProductivity (Given a month, When computed, Then …)', () => {
  it.each([
    {
      given: '5 working days of 300 min norm, 300 approved each',
      days: month('WWWWW', [300, 300, 300, 300, 300]),
      then: { countedMinutes: 1500, targetMinutes: 1500, effectiveWorkingDays: 5, percentBasisPoints: 10_000 },
    },
    {
      given: 'a day over the norm is capped at the norm (450 → 300)',
      days: month('WWWWW', [450, 300, 300, 300, 0]),
      then: { approvedMinutes: 1350, countedMinutes: 1200, targetMinutes: 1500, percentBasisPoints: 8000 },
    },
    {
      given: 'overtime on a weekend counts, capped at the norm, without raising the target',
      days: month('WWWWWOO', [300, 300, 300, 300, 0, 400, 0]),
      then: { countedMinutes: 1500, targetMinutes: 1500, percentBasisPoints: 10_000 },
    },
    {
      given: 'the total is capped at 100 %',
      days: month('WWO', [300, 300, 300]),
      then: { countedMinutes: 900, targetMinutes: 600, percentBasisPoints: 10_000 },
    },
    {
      given: 'leave excluded from the denominator',
      days: month('WWLLW', [300, 150, 0, 0, 300]),
      then: { countedMinutes: 750, targetMinutes: 900, effectiveWorkingDays: 3, leaveDays: 2, percentBasisPoints: 8333 },
    },
    {
      given: 'leave credited as the daily norm',
      days: month('WWLLW', [300, 150, 0, 0, 300], { leaveDays: 'credit' }),
      then: { countedMinutes: 1350, creditedMinutes: 600, targetMinutes: 1500, effectiveWorkingDays: 5, leaveDays: 2, percentBasisPoints: 9000 },
    },
    {
      given: 'rounding down to a whole basis point (1000/1500 = 66.666… %)',
      days: month('WWWWW', [300, 300, 300, 100, 0]),
      then: { countedMinutes: 1000, targetMinutes: 1500, percentBasisPoints: 6666 },
    },
    {
      given: 'a mid-month rule change: norm 300 until day 3, 450 from day 4',
      days: month('WWWWW', [300, 300, 300, 450, 500], { normFromDay: [4, 450] }),
      then: { countedMinutes: 1800, targetMinutes: 1800, percentBasisPoints: 10_000 },
    },
    {
      given: 'a mid-month rule change with short days after it',
      days: month('WWWW', [300, 300, 300, 300], { normFromDay: [3, 450] }),
      then: { countedMinutes: 1200, targetMinutes: 1500, percentBasisPoints: 8000 },
    },
    {
      given: 'nothing approved',
      days: month('WWOWW', [0, 0, 0, 0, 0]),
      then: { countedMinutes: 0, targetMinutes: 1200, percentBasisPoints: 0 },
    },
    {
      given: 'a whole month of leave, excluded: nothing to measure',
      days: month('LLOLL', [0, 0, 0, 0, 0]),
      then: { targetMinutes: 0, effectiveWorkingDays: 0, percentBasisPoints: null },
    },
  ])('Given $given', ({ days, then }) => {
    expect(computeProductivity(days)).toMatchObject(then);
  });

  it('explains every day: kind, counted and target minutes', () => {
    const result = computeProductivity(month('WLO', [500, 100, 60], { leaveDays: 'exclude' }));
    expect(result.days).toEqual([
      { date: '2026-03-01', kind: 'working', normMinutes: 300, approvedMinutes: 500, countedMinutes: 300, targetMinutes: 300 },
      { date: '2026-03-02', kind: 'leave_excluded', normMinutes: 300, approvedMinutes: 100, countedMinutes: 100, targetMinutes: 0 },
      { date: '2026-03-03', kind: 'day_off', normMinutes: 300, approvedMinutes: 60, countedMinutes: 60, targetMinutes: 0 },
    ]);
  });
});

describe('helpers', () => {
  it.each([
    [10_000, '100,00 %'],
    [8333, '83,33 %'],
    [5, '0,05 %'],
    [null, '–'],
  ])('formatBasisPoints(%o) = %s', (value, text) => {
    expect(formatBasisPoints(value)).toBe(text);
  });

  it.each([
    ['cuti_tahunan', true],
    ['dinas_luar', true],
    ['wfh', false],
    ['dinas_luar_sebagian', false],
    ['tk', false],
  ])('isAbsenceKind(%s) = %s', (kind, expected) => {
    expect(isAbsenceKind(kind)).toBe(expected);
  });
});
