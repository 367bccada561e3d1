import { describe, expect, it } from 'vitest';
import { CLASSIC_60_40_RULE_SET } from '../../../src/domain/tpp/examples';
import { applyTppInputChanges, simulateTpp } from '../../../src/domain/tpp/simulate-tpp';
import { makeInput } from './fixtures';
import { tppInputSchema } from '../../../src/domain/tpp/tpp-input';

const month = makeInput({
  employee: { kelasJabatan: 9, positionCode: null, jenisAsn: 'PNS', isCpns: false, golongan: 'III/c' },
  productivityBp: 8000,
  attendance: { late: [{ date: '2026-03-02', minutes: 45 }, { date: '2026-03-03', minutes: null }], early: [], tkDays: 1, apel: { required: 4, missed: 0 }, leave: [] },
  otherIncomeForBpjs: 6_000_000,
});

describe('simulateTpp', () => {
  it('shows what not being late and 100 % productivity would have changed, line by line', () => {
    const simulation = simulateTpp(CLASSIC_60_40_RULE_SET, month, { productivityBp: 10_000, attendance: { late: [] } });
    // Pagu 4 200 000: productivity 60 % × (100 % − 80 %) = + 504 000; TL2 1 % = 42 000 and TL4 2 % = 84 000 no longer cut.
    expect(simulation.difference).toMatchObject({ earned: 504_000, deductionTotal: -126_000, tpp: 630_000 });
    const changes = Object.fromEntries(simulation.lineChanges.map((line) => [line.code, line.change]));
    expect(changes).toMatchObject({ 'part:produktivitas': 504_000, 'deduction:late:TL2': 42_000, 'deduction:late:TL4': 84_000 });
    // BPJS 1 % of +630 000 = 6 300 less net; region's 4 % and the borne tax are paid in and over.
    expect(changes['bpjs:employee']).toBe(-6_300);
    expect(simulation.difference.net).toBe(623_700);
    expect(simulation.lineChanges.reduce((sum, line) => sum + line.change, 0)).toBe(simulation.difference.net);
    expect(simulation.lineChanges.some((line) => line.code === 'deduction:tk')).toBe(false);
  });

  it('merges nested changes one level deep and leaves the original input alone', () => {
    const changed = applyTppInputChanges(month, { attendance: { apel: { missed: 2 } }, employee: { isCpns: true } });
    expect(changed.attendance).toMatchObject({ tkDays: 1, apel: { required: 4, missed: 2 } });
    expect(changed.attendance.late).toHaveLength(2);
    expect(changed.employee).toMatchObject({ kelasJabatan: 9, isCpns: true });
    expect(month.attendance.apel.missed).toBe(0);
    expect(month.employee.isCpns).toBe(false);
  });

  it('keeps the month’s minutes beside an unchanged productivity and drops them beside a changed one', () => {
    const measured = { ...month, productivityMinutes: { counted: 5_040, target: 6_300 } };
    expect(applyTppInputChanges(measured, { productivityBp: 8000, attendance: { late: [] } }).productivityMinutes).toEqual({ counted: 5_040, target: 6_300 });
    const changed = applyTppInputChanges(measured, { productivityBp: 9_500 });
    expect(changed.productivityMinutes).toBeUndefined();
    expect(tppInputSchema.safeParse(changed).success).toBe(true);
    expect(simulateTpp(CLASSIC_60_40_RULE_SET, measured, { productivityBp: 9_500 }).after.lines.find((line) => line.code === 'part:produktivitas')?.input).toBe('Produktivitas 95 %');
  });

  it('reports no line changes when nothing changes', () => {
    const simulation = simulateTpp(CLASSIC_60_40_RULE_SET, month, {});
    expect(simulation.lineChanges).toEqual([]);
    expect(simulation.difference.net).toBe(0);
  });
});
