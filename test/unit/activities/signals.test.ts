import { describe, expect, it } from 'vitest';
import { findEntrySignals, normaliseEntryText, type SignalDay, type SignalEntry, type TextOccurrence } from '../../../src/domain/activities/entry-signals';

const hm = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

const workday = (overrides: Partial<SignalDay> = {}): SignalDay => ({
  isWorkingDay: true,
  plannedStartMinute: hm('07:30'),
  plannedEndMinute: hm('16:00'),
  attendanceStatus: 'hadir',
  presentFromMinute: hm('07:20'),
  presentUntilMinute: hm('16:10'),
  ...overrides,
});

const entry = (start: string, end: string, overrides: Partial<SignalEntry> = {}): SignalEntry => ({
  id: 'e1',
  employeeId: 'A',
  workDate: '2026-03-10',
  startMinute: hm(start),
  endMinute: hm(end),
  text: null,
  ...overrides,
});

const signalsOf = (one: SignalEntry, day: SignalDay | undefined, occurrences: TextOccurrence[] = [], threshold = 3) =>
  findEntrySignals({ entries: [one], dayOf: () => day, occurrences, thresholdOf: () => threshold }).get(one.id);

describe('findEntrySignals: working hours, presence, TK', () => {
  it.each([
    { name: 'inside hours and presence', entry: entry('08:00', '10:00'), day: workday(), signals: [] },
    { name: 'starts before the schedule', entry: entry('07:00', '08:00'), day: workday({ presentFromMinute: hm('06:50') }), signals: ['outside_working_hours'] },
    { name: 'ends after the schedule and after leaving', entry: entry('15:00', '17:00'), day: workday(), signals: ['outside_working_hours', 'beyond_presence'] },
    { name: 'touching the schedule ends is inside', entry: entry('07:30', '16:00'), day: workday(), signals: [] },
    { name: 'day off (weekend or holiday)', entry: entry('09:00', '10:00'), day: workday({ isWorkingDay: false, plannedStartMinute: null, plannedEndMinute: null, attendanceStatus: 'libur' }), signals: ['outside_working_hours'] },
    { name: 'before the first check-in', entry: entry('07:30', '09:00'), day: workday({ presentFromMinute: hm('08:15') }), signals: ['beyond_presence'] },
    { name: 'one punch only: presence unknown, not flagged', entry: entry('08:00', '15:00'), day: workday({ presentUntilMinute: null, attendanceStatus: 'tidak_absen_pulang' }), signals: [] },
    { name: 'working from home: punches say nothing', entry: entry('08:00', '15:00'), day: workday({ attendanceStatus: 'wfh', presentFromMinute: hm('10:00'), presentUntilMinute: hm('11:00') }), signals: [] },
    { name: 'a day marked TK', entry: entry('08:00', '10:00'), day: workday({ attendanceStatus: 'tk', presentFromMinute: null, presentUntilMinute: null }), signals: ['on_absent_day'] },
    { name: 'overnight shift ends after midnight', entry: entry('22:00', '23:30'), day: workday({ plannedStartMinute: hm('20:00'), plannedEndMinute: 1440 + hm('06:00'), presentFromMinute: hm('19:50'), presentUntilMinute: 1440 + hm('06:10') }), signals: [] },
    { name: 'no schedule or attendance known', entry: entry('08:00', '10:00'), day: undefined, signals: [] },
  ])('$name', ({ entry: one, day, signals }) => {
    expect(signalsOf(one, day)).toEqual(signals);
  });
});

describe('findEntrySignals: repeated text', () => {
  const occurrence = (employeeId: string, workDate: string, text = 'menyusun laporan') => ({ employeeId, workDate, text });

  it.each([
    { name: 'same text on 3 of my days (threshold 3)', occurrences: [occurrence('A', '2026-03-02'), occurrence('A', '2026-03-03'), occurrence('A', '2026-03-10')], repeated: true },
    { name: 'same text on 2 of my days only', occurrences: [occurrence('A', '2026-03-02'), occurrence('A', '2026-03-10')], repeated: false },
    { name: 'twice on one day counts as one day', occurrences: [occurrence('A', '2026-03-10'), occurrence('A', '2026-03-10'), occurrence('A', '2026-03-11')], repeated: false },
    { name: 'same text by 3 people', occurrences: [occurrence('A', '2026-03-10'), occurrence('B', '2026-03-10'), occurrence('C', '2026-03-12')], repeated: true },
    { name: 'other people’s days do not count as mine', occurrences: [occurrence('A', '2026-03-10'), occurrence('B', '2026-03-11'), occurrence('B', '2026-03-12')], repeated: false },
    { name: 'a different text does not count', occurrences: [occurrence('A', '2026-03-10'), occurrence('A', '2026-03-11'), occurrence('A', '2026-03-12', 'rapat koordinasi')], repeated: false },
  ])('$name', ({ occurrences, repeated }) => {
    const one = entry('08:00', '09:00', { text: 'menyusun laporan' });
    expect(signalsOf(one, workday(), occurrences, 3)).toEqual(repeated ? ['repeated_text'] : []);
  });

  it('follows the threshold of the rule set', () => {
    const one = entry('08:00', '09:00', { text: 'menyusun laporan' });
    const occurrences = [occurrence('A', '2026-03-10'), occurrence('A', '2026-03-11')];
    expect(signalsOf(one, workday(), occurrences, 2)).toEqual(['repeated_text']);
    expect(signalsOf(one, workday(), occurrences, 5)).toEqual([]);
  });

  it.each([
    ['  Menyusun   Laporan. ', 'menyusun laporan'],
    ['MENYUSUN laporan!', 'menyusun laporan'],
    ['   ', null],
    [null, null],
  ])('normalises %o → %o', (text, expected) => {
    expect(normaliseEntryText(text)).toBe(expected);
  });
});
