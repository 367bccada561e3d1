import { describe, expect, it } from 'vitest';
import { describeBpjsIncome, selectPayDataForPeriod, sumBpjsIncome } from '../../../src/domain/tpp/pay-data';

const row = (effectiveFrom: string, isCpns: boolean, baseSalary: number) => ({ effectiveFrom, isCpns, baseSalary, familyAllowance: 0, positionAllowance: 0, professionAllowance: 0, decreeNumber: null });

describe('selectPayDataForPeriod', () => {
  // A CPNS from March 2025, PNS from 1 March 2026, a pay rise (KGB) from 1 May 2026.
  const rows = [row('2026-05-01', false, 3_100_000), row('2025-03-01', true, 2_785_700), row('2026-03-01', false, 2_785_700)];

  it('takes the row in force on the month’s last day, whatever the order', () => {
    expect(selectPayDataForPeriod(rows, '2025-02')).toBeNull();
    expect(selectPayDataForPeriod(rows, '2025-03')?.isCpns).toBe(true);
    expect(selectPayDataForPeriod(rows, '2026-02')?.isCpns).toBe(true);
    expect(selectPayDataForPeriod(rows, '2026-03')).toMatchObject({ isCpns: false, baseSalary: 2_785_700 });
    expect(selectPayDataForPeriod(rows, '2026-07')?.baseSalary).toBe(3_100_000);
    expect(selectPayDataForPeriod([...rows].reverse(), '2026-07')?.baseSalary).toBe(3_100_000);
  });

  it('lets a mid-month TMT govern the month it starts in', () => {
    expect(selectPayDataForPeriod([row('2025-03-01', true, 1), row('2026-04-15', false, 2)], '2026-04')?.baseSalary).toBe(2);
  });
});

describe('the income the BPJS cap counts', () => {
  it('adds gaji pokok and the allowances, and says so', () => {
    const pay = { ...row('2026-01-01', false, 3_203_600), familyAllowance: 384_432, positionAllowance: 185_000 };
    expect(sumBpjsIncome(pay)).toBe(3_773_032);
    expect(describeBpjsIncome(pay)).toBe('gaji pokok Rp 3.203.600 + tunjangan keluarga Rp 384.432 + tunjangan jabatan/umum Rp 185.000 = Rp 3.773.032');
  });
});
