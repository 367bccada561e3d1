import { describe, expect, it } from 'vitest';
import { computeAnnualLeaveBalance, findLeaveShortfall } from '../../../src/domain/attendance/leave-balance';
import { checkAttachment } from '../../../src/domain/attendance/request-attachment';
import { doDateRangesOverlap, findRequestShapeProblem, type RequestShape } from '../../../src/domain/attendance/request-rules';

const shape = (overrides: Partial<RequestShape>): RequestShape => ({ kind: 'izin', startDate: '2026-04-06', endDate: '2026-04-06', startTime: null, endTime: null, ...overrides });

describe('request shape', () => {
  it.each([
    [shape({}), null],
    [shape({ endDate: '2026-04-05' }), 'Tanggal selesai tidak boleh sebelum tanggal mulai'],
    [shape({ startTime: '08:00' }), 'Jam hanya diisi untuk dinas luar sebagian hari atau koreksi presensi'],
    [shape({ kind: 'dinas_luar_sebagian', startTime: '08:00', endTime: '11:00' }), null],
    [shape({ kind: 'dinas_luar_sebagian', startTime: '11:00', endTime: '08:00' }), 'Jam selesai harus setelah jam mulai'],
    [shape({ kind: 'dinas_luar_sebagian', endDate: '2026-04-07', startTime: '08:00', endTime: '11:00' }), 'Permohonan sebagian hari hanya untuk satu tanggal'],
    [shape({ kind: 'koreksi_presensi' }), 'Koreksi presensi memerlukan jam presensi yang terlewat'],
    [shape({ kind: 'koreksi_presensi', endTime: '16:05' }), null],
    [shape({ kind: 'cuti_besar', endDate: '2027-04-07' }), 'Satu permohonan paling lama 366 hari; ajukan per tahun'],
  ])('%o → %s', (request, problem) => {
    expect(findRequestShapeProblem(request)).toBe(problem);
  });

  it('detects overlapping inclusive date ranges', () => {
    expect(doDateRangesOverlap({ startDate: '2026-04-06', endDate: '2026-04-08' }, { startDate: '2026-04-08', endDate: '2026-04-09' })).toBe(true);
    expect(doDateRangesOverlap({ startDate: '2026-04-06', endDate: '2026-04-07' }, { startDate: '2026-04-08', endDate: '2026-04-09' })).toBe(false);
  });
});

describe('annual leave balance', () => {
  it.each([
    { usedPreviousYear: 0, usedThisYear: 0, pendingThisYear: 0, carried: 6, remaining: 18 },
    { usedPreviousYear: 10, usedThisYear: 3, pendingThisYear: 2, carried: 2, remaining: 9 },
    { usedPreviousYear: 12, usedThisYear: 12, pendingThisYear: 0, carried: 0, remaining: 0 },
  ])('used $usedPreviousYear last year, $usedThisYear + $pendingThisYear pending this year → carried $carried, remaining $remaining', (row) => {
    const balance = computeAnnualLeaveBalance({ daysPerYear: 12, carryOverMaxDays: 6, ...row });
    expect(balance).toMatchObject({ carriedOverDays: row.carried, remainingDays: row.remaining });
  });

  it('refuses a request beyond the balance with the numbers in the message', () => {
    const balance = computeAnnualLeaveBalance({ daysPerYear: 12, carryOverMaxDays: 0, usedPreviousYear: 0, usedThisYear: 10, pendingThisYear: 0 });
    expect(findLeaveShortfall(balance, 2)).toBeNull();
    expect(findLeaveShortfall(balance, 3)).toBe('Sisa cuti tahunan 2 hari kerja, permohonan ini 3 hari kerja');
  });
});

describe('attachment check', () => {
  it('recognises PDF, JPEG and PNG by their first bytes only', () => {
    expect(checkAttachment(Buffer.from('%PDF-1.7\n'))).toEqual({ isAccepted: true, contentType: 'application/pdf' });
    expect(checkAttachment(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ isAccepted: true, contentType: 'image/jpeg' });
    expect(checkAttachment(Buffer.from('<html>%PDF-'))).toEqual({ isAccepted: false, problem: 'Lampiran harus berupa PDF, JPG atau PNG' });
    expect(checkAttachment(Buffer.alloc(0))).toMatchObject({ isAccepted: false });
    expect(checkAttachment(Buffer.from('%PDF-1.7 and more'), 10)).toEqual({ isAccepted: false, problem: 'Lampiran paling besar 1 KB' });
    expect(checkAttachment(Buffer.alloc(3 * 1024 * 1024, 0x25))).toEqual({ isAccepted: false, problem: 'Lampiran paling besar 2 MB' });
  });
});
