import { describe, expect, it } from 'vitest';
import { buildPp46Activities, checkEvaluationPeriod, hasilKerjaOfUnitHead, resolveEvaluationPeriod } from '../../../src/domain/skp/evaluation';
import { averageProgress, measureIndicatorProgress, measureRhkProgress, rollUpCascade } from '../../../src/domain/skp/progress';
import { scorePp46Skp } from '../../../src/domain/skp/pp46-formula';

describe('measureIndicatorProgress', () => {
  it.each([
    { name: 'kuantitas sums the periods', aspect: 'kuantitas' as const, target: 12, values: [1, 2, 3], realised: 6, progressBp: 5000 },
    { name: 'biaya sums the periods exactly', aspect: 'biaya' as const, target: 0.6, values: [0.1, 0.2], realised: 0.3, progressBp: 5000 },
    { name: 'kualitas takes the latest level', aspect: 'kualitas' as const, target: 100, values: [70, 90, 85], realised: 85, progressBp: 8500 },
    { name: 'waktu takes the latest level', aspect: 'waktu' as const, target: 12, values: [3, 6], realised: 6, progressBp: 5000 },
    { name: 'over-achievement is shown as is', aspect: 'kuantitas' as const, target: 2, values: [3], realised: 3, progressBp: 15000 },
    { name: 'one third rounds half away from zero', aspect: 'kuantitas' as const, target: 3, values: [1], realised: 1, progressBp: 3333 },
    { name: 'two thirds', aspect: 'kuantitas' as const, target: 3, values: [2], realised: 2, progressBp: 6667 },
  ])('$name', ({ aspect, target, values, realised, progressBp }) => {
    expect(measureIndicatorProgress({ aspect, target, values })).toEqual({ realised, progressBp });
  });

  it('has no progress before anything is reported, or against a zero target', () => {
    expect(measureIndicatorProgress({ aspect: 'kuantitas', target: 12, values: [] })).toEqual({ realised: null, progressBp: null });
    expect(measureIndicatorProgress({ aspect: 'kuantitas', target: 0, values: [4] })).toEqual({ realised: 4, progressBp: null });
  });
});

describe('averageProgress and the cascade roll-up', () => {
  it('caps each value at 100 % and ignores missing ones', () => {
    expect(averageProgress([15000, 5000, null])).toBe(7500);
    expect(averageProgress([null, null])).toBeNull();
    expect(measureRhkProgress([{ realised: 1, progressBp: 2000 }, { realised: 3, progressBp: 4000 }])).toBe(3000);
  });

  it('rolls progress up from the leaves: a child nobody cites counts with its own progress', () => {
    const tree = rollUpCascade({
      id: 'kadis',
      ownProgressBp: 9000,
      children: [
        { id: 'kabid-1', ownProgressBp: 8000, children: [{ id: 'staf-1', ownProgressBp: 2000, children: [] }, { id: 'staf-2', ownProgressBp: 4000, children: [] }] },
        { id: 'kabid-2', ownProgressBp: 6000, children: [] },
        { id: 'kabid-3', ownProgressBp: null, children: [{ id: 'staf-3', ownProgressBp: null, children: [] }] },
      ],
    });
    expect(tree.carriedProgressBp).toBe(4500); // mean of kabid-1 carried (3000) and kabid-2 own (6000); kabid-3 has nothing
    expect(tree.children.map((child) => [child.id, child.carriedProgressBp])).toEqual([
      ['kabid-1', 3000],
      ['kabid-2', null],
      ['kabid-3', null],
    ]);
    expect(tree.ownProgressBp).toBe(9000);
  });
});

describe('evaluation periods', () => {
  const year = { startDate: '2026-01-01', endDate: '2026-12-31' };

  it('resolves annual, monthly and quarterly keys of the region’s kind only', () => {
    expect(resolveEvaluationPeriod(2026, 'month', '2026')).toEqual({ kind: 'annual', key: '2026', startDate: '2026-01-01', endDate: '2026-12-31' });
    expect(resolveEvaluationPeriod(2026, 'month', '2026-02')).toEqual({ kind: 'month', key: '2026-02', startDate: '2026-02-01', endDate: '2026-02-28' });
    expect(resolveEvaluationPeriod(2026, 'quarter', '2026-Q2')).toEqual({ kind: 'quarter', key: '2026-Q2', startDate: '2026-04-01', endDate: '2026-06-30' });
    expect(resolveEvaluationPeriod(2026, 'quarter', '2026-02')).toBeNull();
    expect(resolveEvaluationPeriod(2026, 'month', '2025-12')).toBeNull();
  });

  it('refuses a period that has not started, lies outside the span or is unknown', () => {
    const march = resolveEvaluationPeriod(2026, 'month', '2026-03');
    expect(checkEvaluationPeriod(march, year, '2026-02-28')).toBe('not_started');
    expect(checkEvaluationPeriod(march, year, '2026-03-01')).toBeNull();
    expect(checkEvaluationPeriod(march, { startDate: '2026-07-01', endDate: '2026-12-31' }, '2026-09-01')).toBe('outside_span');
    expect(checkEvaluationPeriod(null, year, '2026-09-01')).toBe('unknown_period');
    const annual = resolveEvaluationPeriod(2026, 'month', '2026');
    expect(checkEvaluationPeriod(annual, year, '2025-12-31')).toBe('not_started');
    expect(checkEvaluationPeriod(annual, { startDate: '2026-07-01', endDate: '2026-12-31' }, '2026-06-30')).toBe('not_started');
    expect(checkEvaluationPeriod(annual, { startDate: '2026-07-01', endDate: '2026-12-31' }, '2026-07-01')).toBeNull();
  });
});

describe('hasil kerja of a unit head', () => {
  it.each([
    ['istimewa', 'di_atas'],
    ['baik', 'sesuai'],
    ['butuh_perbaikan', 'di_bawah'],
    ['kurang', 'di_bawah'],
    ['sangat_kurang', 'di_bawah'],
  ] as const)('unit %s → %s', (unit, rating) => {
    expect(hasilKerjaOfUnitHead(unit)).toBe(rating);
  });
});

describe('buildPp46Activities', () => {
  it('makes one kegiatan per RHK utama and counts RHK tambahan as tugas tambahan', () => {
    const result = buildPp46Activities([
      {
        text: 'Laporan',
        kind: 'utama',
        indicators: [
          { aspect: 'kuantitas', target: 12, realised: 12 },
          { aspect: 'kualitas', target: 100, realised: 90 },
          { aspect: 'waktu', target: 12, realised: 12 },
        ],
      },
      { text: 'Narasumber', kind: 'tambahan', indicators: [{ aspect: 'kuantitas', target: 2, realised: 2 }] },
    ]);
    expect(result).toEqual({
      ok: true,
      activities: [{ kuantitas: { target: 12, realisasi: 12 }, kualitas: { target: 100, realisasi: 90 }, waktu: { target: 12, realisasi: 12 } }],
      additionalTaskCount: 1,
    });
    // Worked example: (100 + 90 + 76) / 3 = 88,67, plus 1 point for one tugas tambahan.
    if (!result.ok) throw new Error('expected activities');
    expect(scorePp46Skp({ activities: result.activities, additionalTaskCount: result.additionalTaskCount }).skpScore).toBe(89.67);
  });

  it('counts nothing realised as 0 and refuses two indicators of one aspect', () => {
    const zero = buildPp46Activities([{ text: 'A', kind: 'utama', indicators: [{ aspect: 'kuantitas', target: 4, realised: null }] }]);
    expect(zero).toMatchObject({ ok: true, activities: [{ kuantitas: { target: 4, realisasi: 0 } }] });
    const twice = buildPp46Activities([
      { text: 'A', kind: 'utama', indicators: [{ aspect: 'kuantitas', target: 4, realised: 1 }, { aspect: 'kuantitas', target: 2, realised: 1 }] },
    ]);
    expect(twice).toEqual({ ok: false, message: 'RHK "A" memiliki lebih dari satu indikator aspek kuantitas; pendekatan PP 46/2011 memerlukan satu indikator per aspek' });
    expect(buildPp46Activities([{ text: 'B', kind: 'tambahan', indicators: [] }])).toMatchObject({ ok: false });
  });
});
