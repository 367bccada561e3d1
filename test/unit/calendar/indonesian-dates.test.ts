import { describe, expect, it } from 'vitest';
import { formatIndonesianDate, formatIndonesianDateList, formatIndonesianMonth, joinIndonesian } from '../../../src/domain/calendar/indonesian-dates';

describe('Indonesian dates', () => {
  it('writes one date with the month in words', () => {
    expect(formatIndonesianDate('2026-03-02')).toBe('2 Maret 2026');
    expect(formatIndonesianDate('2025-12-31')).toBe('31 Desember 2025');
    expect(formatIndonesianMonth('2026-04')).toBe('April 2026');
  });

  it('joins items as Indonesian prose does', () => {
    expect(joinIndonesian([])).toBe('');
    expect(joinIndonesian(['a'])).toBe('a');
    expect(joinIndonesian(['a', 'b'])).toBe('a dan b');
    expect(joinIndonesian(['a', 'b', 'c'])).toBe('a, b dan c');
  });

  it('writes the month and year once per run of dates in one month', () => {
    expect(formatIndonesianDateList(['2026-11-02', '2026-11-09', '2026-11-16'])).toBe('2, 9 dan 16 November 2026');
    expect(formatIndonesianDateList(['2026-01-05'])).toBe('5 Januari 2026');
    expect(formatIndonesianDateList(['2025-12-29', '2026-01-05', '2026-01-12'])).toBe('29 Desember 2025; 5 dan 12 Januari 2026');
    expect(formatIndonesianDateList([])).toBe('');
  });
});
