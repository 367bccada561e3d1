import { describe, expect, it } from 'vitest';
import type { EarlyBand, LateBand } from '../../../src/contracts/attendance-daily';
import {
  deriveDailyAttendance,
  type DerivationInput,
  type DerivationRequest,
  type DerivationRules,
  type DerivationWorkDay,
} from '../../../src/domain/attendance/derive-daily-attendance';

/** Bands as in the default rule set: 1–30, 31–60, 61–90, ≥ 91 minutes. */
const bands = (minutes: number) => (minutes <= 30 ? 1 : minutes <= 60 ? 2 : minutes <= 90 ? 3 : 4);
const rules: DerivationRules = {
  classifyLate: (minutes) => `TL${bands(minutes)}` as LateBand,
  classifyEarly: (minutes) => `PSW${bands(minutes)}` as EarlyBand,
};

const WIB = 'Asia/Jakarta';
/** A WIB wall-clock time as an instant (UTC+7, no DST). */
const wib = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`);
const officeDay = (date: string, end = '16:00'): DerivationWorkDay => ({
  date,
  isWorkingDay: true,
  plannedStart: wib(date, '07:30'),
  plannedEnd: wib(date, end),
  graceLateMinutes: 0,
  graceEarlyMinutes: 0,
});
const dayOff = (date: string): DerivationWorkDay => ({ date, isWorkingDay: false, plannedStart: null, plannedEnd: null, graceLateMinutes: 0, graceEarlyMinutes: 0 });
let nextId = 1;
const punchesAt = (...instants: Date[]) => instants.map((instant) => ({ id: nextId++, instant }));
const request = (overrides: Partial<DerivationRequest> & Pick<DerivationRequest, 'kind' | 'startDate' | 'endDate'>): DerivationRequest => ({
  id: `00000000-0000-4000-8000-${String(nextId++).padStart(12, '0')}`,
  startTime: null,
  endTime: null,
  ...overrides,
});
const derive = (input: Partial<DerivationInput> & Pick<DerivationInput, 'workDay'>) =>
  deriveDailyAttendance({ punches: [], approvedRequests: [], rules, timeZone: WIB, now: new Date('2026-04-01T00:00:00Z'), ...input });

describe('deriveDailyAttendance', () => {
  const monday = '2026-03-02';

  it('on time in and out is hadir, with first in and last out and the punches that produced it', () => {
    const punches = punchesAt(wib(monday, '07:20'), wib(monday, '12:00'), wib(monday, '16:05'));
    const day = derive({ workDay: officeDay(monday), punches });
    expect(day).toMatchObject({ status: 'hadir', lateMinutes: 0, earlyMinutes: 0, firstIn: wib(monday, '07:20'), lastOut: wib(monday, '16:05') });
    expect(day?.punchIds).toEqual(punches.map((punch) => punch.id));
  });

  it.each([
    { arrival: '07:31', minutes: 1, band: 'TL1' },
    { arrival: '08:00', minutes: 30, band: 'TL1' },
    { arrival: '08:01', minutes: 31, band: 'TL2' },
    { arrival: '09:01', minutes: 91, band: 'TL4' },
  ])('arriving at $arrival is $minutes minutes late ($band)', ({ arrival, minutes, band }) => {
    const day = derive({ workDay: officeDay(monday), punches: punchesAt(wib(monday, arrival), wib(monday, '16:00')) });
    expect(day).toMatchObject({ status: 'terlambat', lateMinutes: minutes, lateBand: band, earlyBand: null });
  });

  it('counts lateness only past the grace minutes of the schedule', () => {
    const workDay = { ...officeDay(monday), graceLateMinutes: 5 };
    expect(derive({ workDay, punches: punchesAt(wib(monday, '07:35'), wib(monday, '16:00')) })?.status).toBe('hadir');
    expect(derive({ workDay, punches: punchesAt(wib(monday, '07:36'), wib(monday, '16:00')) })).toMatchObject({ status: 'terlambat', lateMinutes: 1 });
  });

  it('late and leaving early on one day keeps both, each with its band', () => {
    const day = derive({ workDay: officeDay(monday), punches: punchesAt(wib(monday, '08:10'), wib(monday, '14:59')) });
    expect(day).toMatchObject({ status: 'terlambat_psw', lateMinutes: 40, lateBand: 'TL2', earlyMinutes: 61, earlyBand: 'PSW3' });
  });

  it('a check-in without check-out is tidak_absen_pulang once the day is over, not before', () => {
    const punches = punchesAt(wib(monday, '07:40'));
    expect(derive({ workDay: officeDay(monday), punches })).toMatchObject({ status: 'tidak_absen_pulang', lateMinutes: 10, lateBand: 'TL1', lastOut: null });
    expect(derive({ workDay: officeDay(monday), punches, now: wib(monday, '10:00') })).toMatchObject({ status: 'terlambat', lastOut: null });
  });

  it('a lone afternoon touch is a check-out: tidak_absen_masuk', () => {
    expect(derive({ workDay: officeDay(monday), punches: punchesAt(wib(monday, '16:10')) })).toMatchObject({ status: 'tidak_absen_masuk', firstIn: null, lastOut: wib(monday, '16:10') });
  });

  it('collapses a double touch at the door into one check-in', () => {
    const day = derive({ workDay: officeDay(monday), punches: punchesAt(wib(monday, '07:25'), wib(monday, '07:26')) });
    expect(day).toMatchObject({ status: 'tidak_absen_pulang', firstIn: wib(monday, '07:25'), lastOut: null });
  });

  it('no punch at all on a working day is TK; before the day starts there is nothing to say', () => {
    expect(derive({ workDay: officeDay(monday) })).toMatchObject({ status: 'tk', punchIds: [], requestIds: [] });
    expect(derive({ workDay: officeDay(monday), now: wib(monday, '06:00') })).toBeNull();
    expect(derive({ workDay: officeDay(monday), now: wib(monday, '09:00') })?.status).toBe('tk');
  });

  it('ignores punches of other days (outside the window around the planned day)', () => {
    const punches = punchesAt(wib('2026-03-01', '16:00'), wib('2026-03-03', '07:20'));
    expect(derive({ workDay: officeDay(monday), punches })).toMatchObject({ status: 'tk', punchIds: [] });
  });

  it('an overnight shift takes the punches after midnight as its check-out, on the start day', () => {
    const workDay: DerivationWorkDay = { ...officeDay(monday), plannedStart: wib(monday, '21:00'), plannedEnd: wib('2026-03-03', '07:00') };
    const day = derive({ workDay, punches: punchesAt(wib(monday, '20:50'), wib('2026-03-03', '06:30')) });
    expect(day).toMatchObject({ date: monday, status: 'psw', earlyMinutes: 30, earlyBand: 'PSW1', firstIn: wib(monday, '20:50'), lastOut: wib('2026-03-03', '06:30') });
  });

  it('a punch on a holiday is kept as evidence but the day is libur', () => {
    const punches = punchesAt(wib('2026-03-19', '08:00'));
    const day = derive({ workDay: dayOff('2026-03-19'), punches });
    expect(day).toMatchObject({ status: 'libur', firstIn: wib('2026-03-19', '08:00'), punchIds: [punches[0]?.id], lateMinutes: 0 });
  });

  it('a day off without punches is libur', () => {
    expect(derive({ workDay: dayOff('2026-03-07') })).toMatchObject({ status: 'libur', punchIds: [] });
  });

  it('half-day dinas luar excuses lateness within its hours only', () => {
    const trip = request({ kind: 'dinas_luar_sebagian', startDate: monday, endDate: monday, startTime: '07:30', endTime: '10:00' });
    const back = derive({ workDay: officeDay(monday), punches: punchesAt(wib(monday, '09:55'), wib(monday, '16:00')), approvedRequests: [trip] });
    expect(back).toMatchObject({ status: 'dinas_luar_sebagian', lateMinutes: 0, requestIds: [trip.id] });
    const lateBack = derive({ workDay: officeDay(monday), punches: punchesAt(wib(monday, '10:20'), wib(monday, '16:00')), approvedRequests: [trip] });
    expect(lateBack).toMatchObject({ status: 'terlambat', lateMinutes: 20, lateBand: 'TL1' });
  });

  it('afternoon dinas luar to the end of the day excuses the missing check-out', () => {
    const trip = request({ kind: 'dinas_luar_sebagian', startDate: monday, endDate: monday, startTime: '13:00', endTime: '16:00' });
    expect(derive({ workDay: officeDay(monday), punches: punchesAt(wib(monday, '07:20')), approvedRequests: [trip] })).toMatchObject({ status: 'dinas_luar_sebagian' });
  });

  it('leave over a weekend: weekdays are cuti, the weekend stays libur', () => {
    const leave = request({ kind: 'cuti_tahunan', startDate: '2026-03-06', endDate: '2026-03-09' });
    const friday = derive({ workDay: officeDay('2026-03-06', '16:30'), approvedRequests: [leave] });
    const saturday = derive({ workDay: dayOff('2026-03-07'), approvedRequests: [leave] });
    const nextMonday = derive({ workDay: officeDay('2026-03-09'), approvedRequests: [leave] });
    expect([friday?.status, saturday?.status, nextMonday?.status]).toEqual(['cuti_tahunan', 'libur', 'cuti_tahunan']);
    expect(friday?.requestIds).toEqual([leave.id]);
  });

  it('a presence correction supplies the missing check-out', () => {
    const correction = request({ kind: 'koreksi_presensi', startDate: monday, endDate: monday, startTime: '16:05' });
    const day = derive({ workDay: officeDay(monday), punches: punchesAt(wib(monday, '07:25')), approvedRequests: [correction] });
    expect(day).toMatchObject({ status: 'hadir', lastOut: wib(monday, '16:05'), requestIds: [correction.id] });
  });

  it('works the same in another unit zone (WIT)', () => {
    const wit = (time: string) => new Date(`${monday}T${time}:00+09:00`);
    const workDay: DerivationWorkDay = { ...officeDay(monday), plannedStart: wit('07:30'), plannedEnd: wit('16:00') };
    const trip = request({ kind: 'dinas_luar_sebagian', startDate: monday, endDate: monday, startTime: '07:30', endTime: '09:00' });
    const day = derive({ workDay, timeZone: 'Asia/Jayapura', punches: punchesAt(wit('09:10'), wit('16:00')), approvedRequests: [trip] });
    expect(day).toMatchObject({ status: 'terlambat', lateMinutes: 10 });
  });
});
