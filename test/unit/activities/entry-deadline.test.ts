import { describe, expect, it } from 'vitest';
import { evaluateEntryDeadline, isExtensionApplicable, type DeadlineExtension } from '../../../src/domain/activities/entry-deadline';

const UNIT = 'unit-bidang';
const OPD = 'unit-opd';
const OTHER = 'unit-lain';
const path = [UNIT, OPD];

const extension = (overrides: Partial<DeadlineExtension> = {}): DeadlineExtension => ({
  unitId: null,
  workDateFrom: '2026-04-01',
  workDateTo: '2026-04-10',
  extendedUntil: new Date('2026-04-20T00:00:00Z'),
  ...overrides,
});

describe('isExtensionApplicable', () => {
  it.each([
    ['the region', extension(), '2026-04-05', true],
    ['the unit itself', extension({ unitId: UNIT }), '2026-04-05', true],
    ['an ancestor unit', extension({ unitId: OPD }), '2026-04-01', true],
    ['another unit', extension({ unitId: OTHER }), '2026-04-05', false],
    ['a date before the range', extension(), '2026-03-31', false],
    ['a date after the range', extension(), '2026-04-11', false],
  ])('%s', (_label, candidate, workDate, expected) => {
    expect(isExtensionApplicable(candidate, workDate, path)).toBe(expected);
  });
});

describe('evaluateEntryDeadline (D + 3 days, WIB)', () => {
  const deadline = { kind: 'days_after', days: 3 } as const;
  const evaluate = (now: string, extensions: DeadlineExtension[] = [], timeZone = 'Asia/Jakarta') =>
    evaluateEntryDeadline({ deadline, workDate: '2026-04-10', timeZone, now: new Date(now), unitPath: path, extensions });

  it.each([
    // Given the work date 10 April, the last day is 13 April; it passes at 14 April 00:00 local time.
    ['2026-04-13T16:59:59Z', 'Asia/Jakarta', true],
    ['2026-04-13T17:00:00Z', 'Asia/Jakarta', false],
    ['2026-04-13T14:59:59Z', 'Asia/Jayapura', true],
    ['2026-04-13T15:00:00Z', 'Asia/Jayapura', false],
  ])('at %s in %s open: %s', (now, timeZone, isOpen) => {
    expect(evaluate(now, [], timeZone)).toMatchObject({ isOpen, lastDay: '2026-04-13' });
  });

  it('an applicable extension keeps it open until its instant, inclusive', () => {
    const until = new Date('2026-04-16T10:00:00Z');
    expect(evaluate('2026-04-16T10:00:00Z', [extension({ unitId: OPD, extendedUntil: until })])).toEqual({ isOpen: true, lastDay: '2026-04-13', extendedUntil: until });
    expect(evaluate('2026-04-16T10:00:01Z', [extension({ unitId: OPD, extendedUntil: until })]).isOpen).toBe(false);
  });

  it('an extension of another unit or of other dates does not help; the latest applicable one is reported', () => {
    expect(evaluate('2026-04-15T00:00:00Z', [extension({ unitId: OTHER }), extension({ workDateFrom: '2026-04-11', workDateTo: '2026-04-12' })]).isOpen).toBe(false);
    const later = new Date('2026-04-25T00:00:00Z');
    expect(evaluate('2026-04-15T00:00:00Z', [extension(), extension({ unitId: UNIT, extendedUntil: later })]).extendedUntil).toEqual(later);
  });
});
