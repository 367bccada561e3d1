import { describe, expect, it } from 'vitest';
import { decideApelOutcome } from '../../../src/domain/attendance/apel';
import { findDutyOverApel, type ApelDutyRequest } from '../../../src/domain/attendance/apel-duty';

const MONDAY = '2026-03-09';
const apel = { startTime: '07:30', endTime: '08:00' };

const duty = (startTime: string | null, endTime: string | null, changes: Partial<ApelDutyRequest> = {}): ApelDutyRequest => ({
  id: `dl-${startTime}-${endTime}`,
  kind: 'dinas_luar_sebagian',
  startDate: MONDAY,
  endDate: MONDAY,
  startTime,
  endTime,
  ...changes,
});

describe('findDutyOverApel: a part-day dinas luar over the ceremony’s hours excuses it', () => {
  it.each([
    ['07:00', '10:00', true, 'covers the whole apel'],
    ['07:45', '10:00', true, 'starts during the apel'],
    ['06:00', '07:31', true, 'ends one minute into the apel'],
    ['07:35:00', '07:40:00', true, 'inside the apel (times as the database returns them)'],
    ['13:00', '16:00', false, 'in the afternoon'],
    ['06:00', '07:30', false, 'ends as the apel starts'],
    ['08:00', '11:00', false, 'starts as the apel ends'],
    ['22:00', '07:45', false, 'overnight from the evening of the apel day: its hours are after the apel'],
  ])('duty %s–%s → %s (%s)', (start, end, isExcused) => {
    expect(findDutyOverApel(apel, MONDAY, 'Asia/Jakarta', [duty(start, end)]) !== null).toBe(isExcused);
  });

  it('reads both on the unit’s wall clock, whatever the server’s zone (the suite runs under UTC and Asia/Jayapura)', () => {
    for (const zone of ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']) {
      expect(findDutyOverApel(apel, MONDAY, zone, [duty('07:00', '10:00')])?.id).toBe('dl-07:00-10:00');
      expect(findDutyOverApel(apel, MONDAY, zone, [duty('13:00', '16:00')])).toBeNull();
    }
  });

  it('ignores other kinds, requests without hours, and dates outside the request', () => {
    expect(findDutyOverApel(apel, MONDAY, 'Asia/Jakarta', [duty('07:00', '10:00', { kind: 'koreksi_presensi' })])).toBeNull();
    expect(findDutyOverApel(apel, MONDAY, 'Asia/Jakarta', [duty(null, null)])).toBeNull();
    expect(findDutyOverApel(apel, MONDAY, 'Asia/Jakarta', [duty('07:00', '10:00', { startDate: '2026-03-10', endDate: '2026-03-10' })])).toBeNull();
    // A part-day duty over several days holds the same hours on each of them.
    expect(findDutyOverApel(apel, '2026-03-16', 'Asia/Jakarta', [duty('07:00', '10:00', { endDate: '2026-03-20' })])).not.toBeNull();
  });

  it('picks the covering request among several', () => {
    const covering = duty('07:15', '09:00');
    expect(findDutyOverApel(apel, MONDAY, 'Asia/Jakarta', [duty('13:00', '16:00'), covering])).toBe(covering);
  });
});

describe('decideApelOutcome with a part-day duty', () => {
  it('excuses over a missed or attended apel, but a day off stays not expected and an admin’s record still wins', () => {
    expect(decideApelOutcome({ dayStatus: 'terlambat', hasPunchInWindow: false, hasDutyOverApel: true, record: null })).toEqual({ derived: 'dispensasi', outcome: 'dispensasi' });
    expect(decideApelOutcome({ dayStatus: 'dinas_luar_sebagian', hasPunchInWindow: true, hasDutyOverApel: true, record: null }).derived).toBe('dispensasi');
    expect(decideApelOutcome({ dayStatus: 'dinas_luar_sebagian', hasPunchInWindow: false, hasDutyOverApel: false, record: null }).derived).toBe('tidak_hadir');
    expect(decideApelOutcome({ dayStatus: 'libur', hasPunchInWindow: false, hasDutyOverApel: true, record: null }).derived).toBe('libur');
    expect(decideApelOutcome({ dayStatus: 'tk', hasPunchInWindow: false, hasDutyOverApel: true, record: 'tidak_hadir' })).toEqual({ derived: 'dispensasi', outcome: 'tidak_hadir' });
  });
});
