import { describe, expect, it } from 'vitest';
import { dayRangeToInstants, formatDate, formatMonth, todayInBrowser } from '../../../src/web/lib/dates';

describe('formatDate', () => {
  it('shows a calendar date without shifting it through a time zone', () => {
    // CI runs the suite under TZ=UTC and other zones: the day must stay the 26th in every one.
    // (Month abbreviations depend on the ICU version, so only day and year are asserted.)
    for (const locale of ['id', 'en'] as const) {
      const shown = formatDate('1986-09-26', locale);
      expect(shown).toMatch(/^26 \S+ 1986$/);
    }
  });

  it('passes through what is not a date and marks absence', () => {
    expect(formatDate(null, 'id')).toBe('—');
    expect(formatDate('kemarin', 'id')).toBe('kemarin');
  });
});

describe('formatMonth', () => {
  it('names the month in the language of the reader, the same month in every time zone', () => {
    // 1 October at 00:00 UTC is still September west of Greenwich: formatted in UTC it stays October.
    expect(formatMonth('2026-10', 'id')).toBe('Oktober 2026');
    expect(formatMonth('2026-10', 'en')).toBe('October 2026');
    expect(formatMonth('2027-01', 'id')).toBe('Januari 2027');
    expect(formatMonth('bulan lalu', 'id')).toBe('bulan lalu');
  });
});

describe('dayRangeToInstants', () => {
  it('covers whole local days from the first to the last', () => {
    const { from, to } = dayRangeToInstants('2026-03-01', '2026-03-02');
    const fromLocal = new Date(from as string);
    const toLocal = new Date(to as string);
    expect([fromLocal.getFullYear(), fromLocal.getMonth(), fromLocal.getDate(), fromLocal.getHours(), fromLocal.getMinutes()]).toEqual([2026, 2, 1, 0, 0]);
    expect([toLocal.getDate(), toLocal.getHours(), toLocal.getMinutes(), toLocal.getSeconds(), toLocal.getMilliseconds()]).toEqual([2, 23, 59, 59, 999]);
  });

  it('leaves out an open end', () => {
    expect(dayRangeToInstants(null, null)).toEqual({});
    expect(Object.keys(dayRangeToInstants('2026-03-01', null))).toEqual(['from']);
  });
});

describe('todayInBrowser', () => {
  it('formats the local calendar date', () => {
    expect(todayInBrowser(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
