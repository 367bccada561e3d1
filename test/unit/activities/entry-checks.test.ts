import { describe, expect, it } from 'vitest';
import { judgeEntry, type EntryFacts } from '../../../src/domain/activities/entry-checks';
import { measureTimeSpan } from '../../../src/domain/activities/entry-time';

/** Given a valid entry on an open working day, when one fact changes, then this rule refuses it. */
const facts = (overrides: Partial<EntryFacts> & { start?: string; end?: string } = {}): EntryFacts => {
  const { start = '08:00', end = '09:00', ...rest } = overrides;
  return {
    workDate: '2026-04-15',
    today: '2026-04-15',
    span: measureTimeSpan(start, end),
    volume: 1,
    standardMinutes: 30,
    rules: { dailyCapMinutes: 300, allowEntriesOnLeave: false, allowEntriesOnDaysOff: false },
    isPeriodClosed: false,
    deadline: { isOpen: true, lastDay: '2026-04-18' },
    leaveLabel: null,
    dayOffLabel: null,
    others: [],
    ...rest,
  };
};
const other = (id: string, startMinute: number, endMinute: number, claimedMinutes: number) => ({ id, title: `Kegiatan ${id}`, range: { startMinute, endMinute }, claimedMinutes });

describe('judgeEntry', () => {
  it('accepts a valid entry and claims min(volume × standard, span)', () => {
    expect(judgeEntry(facts({ volume: 3 }))).toEqual({ isAccepted: true, claimedMinutes: 60 });
    expect(judgeEntry(facts({ volume: 1 }))).toEqual({ isAccepted: true, claimedMinutes: 30 });
  });

  it.each<[string, Partial<EntryFacts> & { start?: string; end?: string }, string, string, boolean]>([
    ['end before start', { start: '09:00', end: '08:00' }, 'time_order', 'endTime', false],
    ['volume 0', { volume: 0 }, 'volume', 'volume', false],
    ['absurd volume', { volume: 10_001 }, 'volume', 'volume', false],
    ['a future date', { workDate: '2026-04-16' }, 'future_date', 'workDate', false],
    ['a closed month', { isPeriodClosed: true }, 'period_closed', 'workDate', true],
    ['past the deadline', { deadline: { isOpen: false, lastDay: '2026-04-13' } }, 'deadline', 'workDate', true],
    ['a day of leave', { leaveLabel: 'cuti tahunan' }, 'leave_day', 'workDate', true],
    ['a day off', { dayOffLabel: 'libur nasional' }, 'day_off', 'workDate', true],
    ['an overlapping entry', { others: [other('a', 510, 570, 30)] }, 'overlap', 'startTime', true],
    ['the daily cap', { volume: 2, others: [other('a', 600, 900, 250)] }, 'daily_cap', 'volume', true],
  ])('refuses %s', (_label, overrides, rule, field, isConflict) => {
    expect(judgeEntry(facts(overrides))).toMatchObject({ isAccepted: false, problem: { rule, field, isConflict } });
  });

  it('lets leave days and days off through when the region allows them', () => {
    const rules = { dailyCapMinutes: 300, allowEntriesOnLeave: true, allowEntriesOnDaysOff: true };
    expect(judgeEntry(facts({ rules, leaveLabel: 'cuti sakit', dayOffLabel: 'hari libur menurut jadwal kerja' })).isAccepted).toBe(true);
  });

  it.each([
    // others' claimed minutes, this entry's claim (30) → accepted?
    [270, true],
    [271, false],
    [0, true],
  ])('with %i minutes already claimed the cap of 300 accepts 30 more: %s', (claimed, isAccepted) => {
    expect(judgeEntry(facts({ others: claimed ? [other('a', 600, 900, claimed)] : [] })).isAccepted).toBe(isAccepted);
  });

  it('does not count touching entries as overlapping', () => {
    expect(judgeEntry(facts({ others: [other('a', 420, 480, 60), other('b', 540, 600, 60)] })).isAccepted).toBe(true);
  });

  it('reports input problems before clashes with stored state', () => {
    expect(judgeEntry(facts({ volume: 0, isPeriodClosed: true, others: [other('a', 480, 540, 60)] }))).toMatchObject({ problem: { rule: 'volume' } });
    expect(judgeEntry(facts({ isPeriodClosed: true, deadline: { isOpen: false, lastDay: '2026-04-01' } }))).toMatchObject({ problem: { rule: 'period_closed' } });
  });
});
