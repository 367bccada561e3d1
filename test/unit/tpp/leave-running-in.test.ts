import { describe, expect, it } from 'vitest';
import { countLeaveBeforeMonth, leaveOpeningMonth } from '../../../src/domain/tpp/leave-running-in';

const SICK = new Set(['cuti_sakit']);

describe('leaveOpeningMonth', () => {
  it('is the status of the month’s first working day when it is a counted leave, in any order of days', () => {
    expect(leaveOpeningMonth([{ date: '2026-02-03', status: 'hadir' }, { date: '2026-02-02', status: 'cuti_sakit' }, { date: '2026-02-01', status: 'libur' }], SICK)).toBe('cuti_sakit');
    expect(leaveOpeningMonth([{ date: '2026-02-02', status: 'hadir' }, { date: '2026-02-03', status: 'cuti_sakit' }], SICK)).toBeNull();
    expect(leaveOpeningMonth([{ date: '2026-02-02', status: 'cuti_tahunan' }], SICK)).toBeNull();
    expect(leaveOpeningMonth([], SICK)).toBeNull();
  });
});

describe('countLeaveBeforeMonth', () => {
  it('walks back from the latest day until another status; holidays neither break nor count', () => {
    const days = [
      { date: '2026-01-09', status: 'cuti_sakit' },
      { date: '2026-01-12', status: 'hadir' },
      { date: '2026-01-13', status: 'cuti_sakit' },
      { date: '2026-01-16', status: 'libur' },
      { date: '2026-01-15', status: 'cuti_sakit' },
      { date: '2026-01-14', status: 'cuti_sakit' },
      { date: '2026-01-30', status: 'cuti_sakit' },
    ];
    expect(countLeaveBeforeMonth('cuti_sakit', days)).toBe(4);
    expect(countLeaveBeforeMonth('cuti_tahunan', days)).toBe(0);
    expect(countLeaveBeforeMonth('cuti_sakit', [])).toBe(0);
  });
});
