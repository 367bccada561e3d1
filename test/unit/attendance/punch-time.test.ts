import { describe, expect, it } from 'vitest';
import { createInstantConverter, instantToLocalTime, isPlausiblePunch, localTimeToInstant, parseLocalTime } from '../../../src/domain/attendance/punch-time';

describe('device wall clock → instant (never the machine zone)', () => {
  it.each([
    ['Asia/Jakarta', '2026-10-10 07:30:00', '2026-10-10T00:30:00.000Z'],
    ['Asia/Makassar', '2026-10-10 07:30:00', '2026-10-09T23:30:00.000Z'],
    ['Asia/Jayapura', '2026-10-10 07:30:00', '2026-10-09T22:30:00.000Z'],
    ['Asia/Jayapura', '2026-01-01 00:00:05', '2025-12-31T15:00:05.000Z'],
  ])('%s %s → %s', (zone, local, expected) => {
    expect(localTimeToInstant(local, zone).toISOString()).toBe(expected);
    expect(instantToLocalTime(new Date(expected), zone)).toBe(local);
  });

  it('keeps seconds and converts many times of one zone consistently', () => {
    const convert = createInstantConverter('Asia/Makassar');
    expect(convert('2026-03-02 23:59:59').toISOString()).toBe('2026-03-02T15:59:59.000Z');
    expect(convert('2026-03-03 00:00:00').toISOString()).toBe('2026-03-02T16:00:00.000Z');
  });

  it('refuses impossible wall clocks', () => {
    for (const bad of ['2026-02-30 08:00:00', '2026-10-10 24:00:00', '2026-10-10 08:00', '2026-10-10T08:00:00', '']) expect(parseLocalTime(bad)).toBeNull();
    expect(() => localTimeToInstant('2026-02-30 08:00:00', 'Asia/Jakarta')).toThrow(RangeError);
  });
});

describe('plausible punch times', () => {
  const window = { earliestDate: '2024-01-01', now: new Date('2026-10-10T03:00:00Z'), futureToleranceMinutes: 10 };
  const check = (local: string) => isPlausiblePunch(local, localTimeToInstant(local, 'Asia/Jakarta'), window);
  it('holds a reset clock (2000), dates before the first rule set and the far future', () => {
    expect(check('2000-01-01 00:00:00')).toBe(false);
    expect(check('2023-12-31 23:59:59')).toBe(false);
    expect(check('2063-05-01 08:00:00')).toBe(false);
    expect(check('2026-10-10 10:30:00')).toBe(false);
  });
  it('accepts today, the past within the window and a clock a few minutes fast', () => {
    expect(check('2024-01-01 07:00:00')).toBe(true);
    expect(check('2026-10-10 07:30:00')).toBe(true);
    expect(check('2026-10-10 10:09:00')).toBe(true);
  });
});
