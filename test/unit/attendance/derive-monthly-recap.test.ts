import { describe, expect, it } from 'vitest';
import { deriveMonthlyRecap, type RecapDay } from '../../../src/domain/attendance/derive-monthly-recap';

const day = (status: RecapDay['status'], lateBand: RecapDay['lateBand'] = null, earlyBand: RecapDay['earlyBand'] = null): RecapDay => ({ status, lateBand, earlyBand });

describe('deriveMonthlyRecap', () => {
  it('counts present days, bands, TK and each leave type; days off are not working days', () => {
    const recap = deriveMonthlyRecap([
      day('hadir'),
      day('terlambat', 'TL2'),
      day('terlambat_psw', 'TL1', 'PSW4'),
      day('tidak_absen_pulang', 'TL1'),
      day('tk'),
      day('cuti_tahunan'),
      day('cuti_tahunan'),
      day('dinas_luar_sebagian'),
      day('libur'),
    ]);
    expect(recap).toMatchObject({ workingDays: 8, present: 5, tk: 1, noCheckOut: 1, noCheckIn: 0 });
    expect(recap.late).toEqual({ TL1: 2, TL2: 1, TL3: 0, TL4: 0 });
    expect(recap.early).toEqual({ PSW1: 0, PSW2: 0, PSW3: 0, PSW4: 1 });
    expect(recap.excused).toMatchObject({ cuti_tahunan: 2, dinas_luar_sebagian: 1, izin: 0 });
  });
});
