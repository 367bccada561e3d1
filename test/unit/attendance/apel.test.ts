import { describe, expect, it } from 'vitest';
import { decideApelOutcome, findApelWindow, isApelDay, selectApelSchedules, summarizeApelMonth, type ApelScheduleRule } from '../../../src/domain/attendance/apel';

const schedule = (changes: Partial<ApelScheduleRule> = {}): ApelScheduleRule => ({
  id: 'senin',
  unitId: null,
  weekdays: [1],
  dates: [],
  startTime: '07:30',
  endTime: '08:00',
  effectiveFrom: '2026-01-01',
  effectiveTo: null,
  ...changes,
});

describe('isApelDay', () => {
  it('holds a weekly ceremony on its weekdays and a dated one on its dates, within the effective range', () => {
    expect(isApelDay(schedule(), '2026-03-02')).toBe(true); // Monday
    expect(isApelDay(schedule(), '2026-03-03')).toBe(false);
    expect(isApelDay(schedule({ weekdays: [], dates: ['2026-08-17'] }), '2026-08-17')).toBe(true);
    expect(isApelDay(schedule({ weekdays: [], dates: ['2026-08-17'] }), '2026-08-18')).toBe(false);
    expect(isApelDay(schedule({ effectiveFrom: '2026-03-03' }), '2026-03-02')).toBe(false);
    expect(isApelDay(schedule({ effectiveTo: '2026-03-08' }), '2026-03-09')).toBe(false);
  });
});

describe('selectApelSchedules', () => {
  const region = schedule({ id: 'region' });
  const opd = schedule({ id: 'opd', unitId: 'OPD' });
  const special = schedule({ id: 'hut', weekdays: [], dates: ['2026-08-17'] });

  it('takes the nearest level that holds a ceremony that day: a unit’s own apel replaces the region’s', () => {
    expect(selectApelSchedules([region, opd], '2026-03-02', ['SEKSI', 'BIDANG', 'OPD', 'PEMDA']).map((item) => item.id)).toEqual(['opd']);
    expect(selectApelSchedules([region, opd], '2026-03-02', ['OTHER', 'PEMDA']).map((item) => item.id)).toEqual(['region']);
    // No unit at all: only region-wide ceremonies reach the employee.
    expect(selectApelSchedules([region, opd], '2026-03-02', []).map((item) => item.id)).toEqual(['region']);
  });

  it('keeps every ceremony of the winning level, and falls back when the nearer one does not hold that day', () => {
    // 17 August 2026 is a Monday: the region holds both its Monday apel and the HUT RI upacara.
    expect(selectApelSchedules([region, special], '2026-08-17', ['OTHER']).map((item) => item.id)).toEqual(['region', 'hut']);
    expect(selectApelSchedules([region, opd], '2026-03-03', ['OPD'])).toEqual([]);
    expect(selectApelSchedules([region, schedule({ id: 'opd-tue', unitId: 'OPD', weekdays: [2] })], '2026-03-02', ['OPD']).map((item) => item.id)).toEqual(['region']);
  });
});

describe('findApelWindow', () => {
  it('turns the unit’s wall clock into instants, up to the end of the end minute', () => {
    const wib = findApelWindow(schedule(), '2026-03-02', 'Asia/Jakarta');
    expect(wib.start.toISOString()).toBe('2026-03-02T00:30:00.000Z');
    expect(wib.end.toISOString()).toBe('2026-03-02T01:00:59.999Z');
    const wit = findApelWindow(schedule(), '2026-03-02', 'Asia/Jayapura');
    expect(wit.start.toISOString()).toBe('2026-03-01T22:30:00.000Z');
  });
});

describe('decideApelOutcome', () => {
  const decide = (dayStatus: string | null, hasPunchInWindow: boolean, record: 'hadir' | 'tidak_hadir' | 'dispensasi' | null = null) => decideApelOutcome({ dayStatus, hasPunchInWindow, record });

  it('a punch inside the window is attendance; none on a working day is a missed ceremony', () => {
    expect(decide('hadir', true)).toEqual({ derived: 'hadir', outcome: 'hadir' });
    expect(decide('terlambat', false)).toEqual({ derived: 'tidak_hadir', outcome: 'tidak_hadir' });
    expect(decide('tk', false).outcome).toBe('tidak_hadir');
  });

  it('leave and duty excuse, a day off is not expected, an underived day is not known', () => {
    expect(decide('cuti_tahunan', false).outcome).toBe('dispensasi');
    expect(decide('dinas_luar', true).outcome).toBe('dispensasi');
    expect(decide('libur', false).outcome).toBe('libur');
    expect(decide(null, false).outcome).toBe('belum_ada_data');
    expect(decide(null, true).outcome).toBe('hadir');
  });

  it('an admin’s record overrides the punches and the day', () => {
    expect(decide('hadir', true, 'tidak_hadir')).toEqual({ derived: 'hadir', outcome: 'tidak_hadir' });
    expect(decide('hadir', false, 'hadir')).toEqual({ derived: 'tidak_hadir', outcome: 'hadir' });
    expect(decide('hadir', false, 'dispensasi').outcome).toBe('dispensasi');
  });
});

describe('summarizeApelMonth', () => {
  it('counts only attended and missed ceremonies as required', () => {
    const month = summarizeApelMonth([
      { date: '2026-03-23', outcome: 'tidak_hadir' },
      { date: '2026-03-02', outcome: 'hadir' },
      { date: '2026-03-09', outcome: 'dispensasi' },
      { date: '2026-03-16', outcome: 'tidak_hadir' },
      { date: '2026-03-30', outcome: 'belum_ada_data' },
      { date: '2026-03-20', outcome: 'libur' },
    ]);
    expect(month).toEqual({ required: 3, missed: 2, missedDates: ['2026-03-16', '2026-03-23'] });
    expect(summarizeApelMonth([])).toEqual({ required: 0, missed: 0, missedDates: [] });
  });
});
