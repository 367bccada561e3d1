import { describe, expect, it } from 'vitest';
import { measureSkpAchievement } from '../../../src/domain/skp/achievement';

const monthly = (value: number, months: number) => Array.from({ length: months }, () => value);
const YEAR = { startDate: '2026-01-01', endDate: '2026-12-31' };
const month = (number: number) => `2026-${String(number).padStart(2, '0')}`;

describe('measureSkpAchievement (capaian SKP of a month)', () => {
  it('measures a quantity against its pro-rata share of the year', () => {
    // 960 a year, 80 each month: by the end of October 800 are due and 800 were done.
    expect(measureSkpAchievement({ span: YEAR, month: month(10), indicators: [{ aspect: 'kuantitas', target: 960, values: monthly(80, 10) }] })).toBe(10_000);
    // 636 a year, 511 done by October: 530 due → 511 / 530 = 96.415 % → 9 642 bp (half away from zero).
    expect(measureSkpAchievement({ span: YEAR, month: month(10), indicators: [{ aspect: 'kuantitas', target: 636, values: [51, 52, 50, 52, 51, 50, 52, 51, 51, 51] }] })).toBe(9_642);
  });

  it('measures a level (kualitas) whole, by the latest report', () => {
    // Target index 85, reported 80 then 83.2: 83.2 / 85 = 97.882 % → 9 788 bp.
    expect(measureSkpAchievement({ span: YEAR, month: month(2), indicators: [{ aspect: 'kualitas', target: 85, values: [80, 83.2] }] })).toBe(9_788);
  });

  it('caps each indicator at 100 % before the mean and counts an unreported one as 0', () => {
    // 12 a year, 3 done by February (2 due) → 150 %, capped; 24 a year, 2 done (4 due) → 50 %: mean 75 %.
    const exceededAndBehind = [
      { aspect: 'kuantitas' as const, target: 12, values: [1, 2] },
      { aspect: 'kuantitas' as const, target: 24, values: [1, 1] },
    ];
    expect(measureSkpAchievement({ span: YEAR, month: month(2), indicators: exceededAndBehind })).toBe(7_500);
    const oneUnreported = [
      { aspect: 'kuantitas' as const, target: 12, values: [1, 1] },
      { aspect: 'kualitas' as const, target: 100, values: [] },
    ];
    expect(measureSkpAchievement({ span: YEAR, month: month(2), indicators: oneUnreported })).toBe(5_000);
  });

  it('leaves out an indicator without a positive target, and is null when nothing was reported', () => {
    const indicators = [
      { aspect: 'kuantitas' as const, target: 0, values: [5] },
      { aspect: 'kuantitas' as const, target: 10, values: [4] },
    ];
    // 10 over a 5-month span: 2 due by the first month, 4 done → capped 100 %.
    expect(measureSkpAchievement({ span: { startDate: '2026-08-01', endDate: '2026-12-31' }, month: '2026-08', indicators })).toBe(10_000);
    expect(measureSkpAchievement({ span: YEAR, month: month(3), indicators: [{ aspect: 'kuantitas', target: 10, values: [] }] })).toBeNull();
    expect(measureSkpAchievement({ span: YEAR, month: month(3), indicators: [] })).toBeNull();
  });

  it('follows a shorter span (a plan from 15 July: six months, July counted whole): what is due grows over its own months', () => {
    // 60 over July–December, 10 done in each of July and August: 20 due by August → 100 %; by September 30 due → 66.667 % → 6 667.
    expect(measureSkpAchievement({ span: { startDate: '2026-07-15', endDate: '2026-12-31' }, month: '2026-08', indicators: [{ aspect: 'kuantitas', target: 60, values: [10, 10] }] })).toBe(10_000);
    expect(measureSkpAchievement({ span: { startDate: '2026-07-15', endDate: '2026-12-31' }, month: '2026-09', indicators: [{ aspect: 'kuantitas', target: 60, values: [10, 10] }] })).toBe(6_667);
  });

  it('refuses a month outside the span', () => {
    expect(() => measureSkpAchievement({ span: YEAR, month: '2025-12', indicators: [] })).toThrow(RangeError);
    expect(() => measureSkpAchievement({ span: { startDate: '2026-07-15', endDate: '2026-12-31' }, month: '2026-06', indicators: [] })).toThrow(RangeError);
    expect(() => measureSkpAchievement({ span: YEAR, month: '2027-01', indicators: [] })).toThrow(RangeError);
  });
});
