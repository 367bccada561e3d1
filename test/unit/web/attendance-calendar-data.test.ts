import { describe, expect, it } from 'vitest';
import { EXCUSED_STATUSES, type DailyStatus, type RecapRow } from '../../../src/contracts/attendance-daily';
import { buildMonthWeeks, dayCode, formatTimeInZone, monthRange, shiftMonth, statusTone, zoneLabel } from '../../../src/web/features/attendance/attendance-calendar-data';
import { totalExcused } from '../../../src/web/features/attendance/attendance-recap-page';

describe('monthRange', () => {
  it.each([
    ['2026-02', '2026-02-01', '2026-02-28'],
    ['2028-02', '2028-02-01', '2028-02-29'],
    ['2026-04', '2026-04-01', '2026-04-30'],
    ['2026-12', '2026-12-01', '2026-12-31'],
  ])('%s runs from %s to %s', (month, from, to) => {
    expect(monthRange(month)).toEqual({ from, to });
  });
});

describe('shiftMonth', () => {
  it('crosses year boundaries both ways', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
    expect(shiftMonth('2026-03', 0)).toBe('2026-03');
  });
});

describe('buildMonthWeeks', () => {
  it('starts weeks on Monday and pads with nulls', () => {
    // 1 March 2026 is a Sunday: six empty cells before it.
    const weeks = buildMonthWeeks('2026-03');
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-03-01']);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
    const dates = weeks.flat().filter((date): date is string => date !== null);
    expect(dates).toHaveLength(31);
    expect(dates.at(-1)).toBe('2026-03-31');
  });

  it('needs no leading padding for a month that starts on Monday', () => {
    // 1 June 2026 is a Monday.
    expect(buildMonthWeeks('2026-06')[0]?.[0]).toBe('2026-06-01');
  });
});

describe('dayCode and statusTone', () => {
  it('shows the band for late and early days', () => {
    expect(dayCode({ status: 'terlambat', lateBand: 'TL3', earlyBand: null })).toBe('TL3');
    expect(dayCode({ status: 'psw', lateBand: null, earlyBand: 'PSW2' })).toBe('PSW2');
    expect(dayCode({ status: 'terlambat_psw', lateBand: 'TL1', earlyBand: 'PSW4' })).toBe('TL1');
  });

  it('gives every leave kind the C code and keeps TK distinct', () => {
    expect(dayCode({ status: 'cuti_tahunan', lateBand: null, earlyBand: null })).toBe('C');
    expect(dayCode({ status: 'cuti_sakit', lateBand: null, earlyBand: null })).toBe('C');
    expect(dayCode({ status: 'tk', lateBand: null, earlyBand: null })).toBe('TK');
    expect(dayCode({ status: 'tidak_absen_pulang', lateBand: null, earlyBand: null })).toBe('TAP');
  });

  it.each<[DailyStatus, string]>([
    ['hadir', 'present'],
    ['terlambat_psw', 'late'],
    ['tidak_absen_masuk', 'missing'],
    ['dinas_luar', 'excused'],
    ['tk', 'absent'],
    ['libur', 'off'],
  ])('%s is %s', (status, tone) => {
    expect(statusTone(status)).toBe(tone);
  });
});

describe('formatTimeInZone', () => {
  // The same instant reads differently per unit zone; the browser's own zone must not matter.
  it('formats an instant in the unit zone', () => {
    const instant = '2026-03-02T00:35:00.000Z';
    expect(formatTimeInZone(instant, 'Asia/Jakarta')).toBe('07:35');
    expect(formatTimeInZone(instant, 'Asia/Makassar')).toBe('08:35');
    expect(formatTimeInZone(instant, 'Asia/Jayapura')).toBe('09:35');
  });

  it('marks a missing punch and passes through what is not an instant', () => {
    expect(formatTimeInZone(null, 'Asia/Jakarta')).toBe('—');
    expect(formatTimeInZone('tadi pagi', 'Asia/Jakarta')).toBe('tadi pagi');
  });

  it('labels the national zones', () => {
    expect(zoneLabel('Asia/Makassar')).toBe('WITA');
    expect(zoneLabel('Asia/Jayapura')).toBe('WIT');
    expect(zoneLabel('Europe/Paris')).toBe('Europe/Paris');
  });
});

describe('totalExcused', () => {
  it('adds every leave and duty column', () => {
    const row = {
      employeeId: '4a0c7a4e-0000-4000-8000-000000000000',
      nip: '1',
      name: 'A',
      workingDays: 20,
      present: 15,
      late: { TL1: 1, TL2: 0, TL3: 0, TL4: 0 },
      early: { PSW1: 0, PSW2: 0, PSW3: 0, PSW4: 0 },
      noCheckIn: 0,
      noCheckOut: 0,
      tk: 1,
      excused: { ...Object.fromEntries([...EXCUSED_STATUSES, 'dinas_luar_sebagian'].map((kind) => [kind, 0])), cuti_tahunan: 2, dinas_luar: 1, izin: 1 } as RecapRow['excused'],
    };
    expect(totalExcused(row)).toBe(4);
  });
});
