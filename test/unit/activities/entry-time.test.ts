import { describe, expect, it } from 'vitest';
import { formatEntryTime, measureTimeSpan, parseEntryTime, rangesOverlap } from '../../../src/domain/activities/entry-time';

describe('parseEntryTime', () => {
  it.each([
    ['00:00', 0],
    ['07:30', 450],
    ['23:59', 1439],
    ['24:00', 1440],
    ['08:15:00', 495],
    ['24:00:00', 1440],
    ['7:30', null],
    ['24:01', null],
    ['12:60', null],
    ['08:15:30', null],
    ['', null],
  ])('%s → %s', (value, expected) => {
    expect(parseEntryTime(value)).toBe(expected);
  });

  it('formats back to HH:MM', () => {
    expect(formatEntryTime(450)).toBe('07:30');
    expect(formatEntryTime(1440)).toBe('24:00');
  });
});

describe('measureTimeSpan', () => {
  it.each([
    ['08:00', '09:30', 90],
    ['00:00', '24:00', 1440],
    ['23:59', '24:00', 1],
  ])('%s–%s lasts %i minutes', (start, end, minutes) => {
    expect(measureTimeSpan(start, end)).toMatchObject({ isValid: true, minutes });
  });

  it.each([
    ['09:00', '08:00', 'endTime'],
    ['09:00', '09:00', 'endTime'],
    ['24:00', '24:00', 'startTime'],
    ['9:00', '10:00', 'startTime'],
    ['09:00', '25:00', 'endTime'],
  ])('%s–%s is refused on %s', (start, end, field) => {
    expect(measureTimeSpan(start, end)).toMatchObject({ isValid: false, field });
  });
});

describe('rangesOverlap', () => {
  const range = (startMinute: number, endMinute: number) => ({ startMinute, endMinute });
  it.each([
    [range(480, 540), range(540, 600), false],
    [range(540, 600), range(480, 540), false],
    [range(480, 540), range(539, 600), true],
    [range(480, 600), range(500, 520), true],
    [range(500, 520), range(480, 600), true],
    [range(480, 540), range(480, 540), true],
    [range(480, 500), range(600, 700), false],
  ])('%o and %o → %s', (a, b, expected) => {
    expect(rangesOverlap(a, b)).toBe(expected);
  });
});
