import { describe, expect, it } from 'vitest';
import { resolveSkpSpan } from '../../../src/server/modules/skp/skp-plan.service';
import { snapshotDate } from '../../../src/server/modules/skp/skp-snapshot';

describe('resolveSkpSpan', () => {
  it.each([
    [null, null, { startDate: '2026-01-01', endDate: '2026-12-31' }],
    ['2026-07-01', null, { startDate: '2026-07-01', endDate: '2026-12-31' }],
    [null, '2026-06-30', { startDate: '2026-01-01', endDate: '2026-06-30' }],
    ['2026-03-15', '2026-09-30', { startDate: '2026-03-15', endDate: '2026-09-30' }],
  ])('%s – %s', (startDate, endDate, expected) => {
    expect(resolveSkpSpan(2026, startDate, endDate)).toEqual(expected);
  });

  it('refuses a span outside the year or ending before it starts', () => {
    expect(() => resolveSkpSpan(2026, '2025-12-31', null)).toThrow('Rentang SKP harus berada di dalam tahun 2026');
    expect(() => resolveSkpSpan(2026, null, '2027-01-01')).toThrow('Rentang SKP harus berada di dalam tahun 2026');
    expect(() => resolveSkpSpan(2026, '2026-05-01', '2026-04-30')).toThrow('Tanggal akhir SKP tidak boleh sebelum tanggal mulai');
  });
});

describe('snapshotDate', () => {
  const span = { startDate: '2026-01-01', endDate: '2026-12-31' };
  it.each([
    ['2025-12-20', '2026-01-01'],
    ['2026-03-02', '2026-03-02'],
    ['2027-01-05', '2026-12-31'],
  ])('today %s → organisation of %s', (today, expected) => {
    expect(snapshotDate(today, span)).toBe(expected);
  });
});
