import { describe, expect, it } from 'vitest';
import { addDays, countDays, dateOfInstant, isValidDate, isoWeekday, listDates, parseTimeOfDay, wallClockToInstant, zoneOffsetMs } from '../../../src/domain/attendance/calendar-zone';

describe('calendar arithmetic on date strings', () => {
  it.each([
    ['2026-03-02', 1],
    ['2026-03-06', 5],
    ['2026-03-07', 6],
    ['2026-03-08', 7],
    ['2024-02-29', 4],
  ])('%s is ISO weekday %i', (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday);
  });

  it('adds days across month and year ends and lists inclusive ranges', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(listDates('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(listDates('2026-03-02', '2026-03-01')).toEqual([]);
    expect(countDays('2026-01-01', '2026-12-31')).toBe(365);
  });

  it('validates dates and times', () => {
    expect(isValidDate('2026-02-29')).toBe(false);
    expect(isValidDate('2028-02-29')).toBe(true);
    expect(isValidDate('2026-2-1')).toBe(false);
    expect(parseTimeOfDay('07:30')).toBe(450);
    expect(parseTimeOfDay('16:30:00')).toBe(990);
    expect(() => parseTimeOfDay('24:00')).toThrow(RangeError);
    expect(() => parseTimeOfDay('7.30')).toThrow(RangeError);
  });
});

describe('wall clock to instant', () => {
  it.each([
    ['Asia/Jakarta', '2026-03-02T00:30:00.000Z', 7],
    ['Asia/Makassar', '2026-03-01T23:30:00.000Z', 8],
    ['Asia/Jayapura', '2026-03-01T22:30:00.000Z', 9],
  ])('07:30 on 2026-03-02 in %s is %s', (zone, expected, hours) => {
    const instant = wallClockToInstant('2026-03-02', 450, zone);
    expect(instant.toISOString()).toBe(expected);
    expect(zoneOffsetMs(instant.getTime(), zone)).toBe(hours * 3_600_000);
    expect(dateOfInstant(instant, zone)).toBe('2026-03-02');
  });

  it('handles minutes past midnight of the next day (overnight shift end)', () => {
    expect(wallClockToInstant('2026-03-02', 24 * 60 + 7 * 60, 'Asia/Jakarta').toISOString()).toBe('2026-03-03T00:00:00.000Z');
  });

  it('follows daylight saving time where a zone has it', () => {
    // Europe/Amsterdam: CET (+1) in winter, CEST (+2) from 29 March 2026 02:00.
    expect(wallClockToInstant('2026-03-28', 9 * 60, 'Europe/Amsterdam').toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(wallClockToInstant('2026-03-30', 9 * 60, 'Europe/Amsterdam').toISOString()).toBe('2026-03-30T07:00:00.000Z');
    // 02:30 does not exist that night: the clock jumps to 03:30 CEST.
    expect(wallClockToInstant('2026-03-29', 150, 'Europe/Amsterdam').toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('finds the calendar date of an instant in the zone, not on the machine', () => {
    const instant = new Date('2026-03-01T16:30:00Z');
    expect(dateOfInstant(instant, 'Asia/Jakarta')).toBe('2026-03-01');
    expect(dateOfInstant(instant, 'Asia/Jayapura')).toBe('2026-03-02');
  });
});
