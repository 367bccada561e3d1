import { describe, expect, it } from 'vitest';
import { computeTpp } from '../../../src/domain/tpp/compute-tpp';
import type { TppRuleSet } from '../../../src/domain/tpp/rule-set';
import { effectOf, findImbalances, makeInput, makeRuleSet, withAttendance } from './fixtures';

/** Fixture: TPP 4 550 000. */
const bpjs = (changes: Partial<NonNullable<TppRuleSet['bpjs']>> = {}): TppRuleSet['bpjs'] => ({
  employerBp: 400,
  employeeBp: 100,
  incomeCap: 12_000_000,
  basis: 'tpp',
  article: 'Pasal 17',
  ...changes,
});
const tax = (changes: Partial<TppRuleSet['pph21']>): TppRuleSet['pph21'] => ({ policy: 'withheld', taxBase: 'tpp', rates: { kind: 'flat', rateBp: 500 }, article: 'Pasal 18', ...changes });

describe('computeTpp — BPJS Kesehatan', () => {
  it('4 % by the region (paid in and over), 1 % by the employee', () => {
    const result = computeTpp(makeRuleSet({ bpjs: bpjs() }), makeInput());
    expect(result.bpjs).toEqual({ base: 4_550_000, employer: 182_000, employee: 45_500 });
    expect(effectOf(result.lines, 'bpjs:employer_allowance')).toBe(182_000);
    expect(effectOf(result.lines, 'bpjs:employer')).toBe(-182_000);
    expect(result).toMatchObject({ gross: 4_732_000, net: 4_504_500 });
    expect(findImbalances(result)).toEqual([]);
  });

  it('only on income up to the cap, counting the salary already contributed on', () => {
    const result = computeTpp(makeRuleSet({ bpjs: bpjs() }), makeInput({ otherIncomeForBpjs: 10_000_000 }));
    expect(result.bpjs).toEqual({ base: 2_000_000, employer: 80_000, employee: 20_000 });
    expect(result.net).toBe(4_530_000);
    expect(computeTpp(makeRuleSet({ bpjs: bpjs() }), makeInput({ otherIncomeForBpjs: 13_000_000 })).bpjs.base).toBe(0);
  });

  it('on TPP before deductions when the rule set says so; the employee part never exceeds what is paid', () => {
    const ruleSet = makeRuleSet({
      bpjs: bpjs({ basis: 'earned' }),
      deductions: { rules: [{ kind: 'tk', rateBpPerDay: 400, target: 'disiplin', of: 'base', article: 'Pasal 7' }], capBp: 10_000, capArticle: 'Pasal 9', forfeit: { tkDaysFrom: 5, article: 'Pasal 9' } },
    });
    // TPP 4 550 000 − 200 000 = 4 350 000; BPJS on 4 550 000.
    expect(computeTpp(ruleSet, makeInput(withAttendance({ tkDays: 1 })))).toMatchObject({ tpp: 4_350_000, bpjs: { employee: 45_500 }, net: 4_304_500 });
    const forfeited = computeTpp(ruleSet, makeInput(withAttendance({ tkDays: 5 })));
    expect(forfeited).toMatchObject({ tpp: 0, bpjs: { employee: 0 }, net: 0 });
    expect(findImbalances(forfeited)).toEqual([]);
  });
});

describe('computeTpp — PPh 21 (simplified, rates as data)', () => {
  it('withheld at a flat rate', () => {
    const result = computeTpp(makeRuleSet({ pph21: tax({}) }), makeInput());
    expect(result.pph21).toEqual({ policy: 'withheld', base: 4_550_000, amount: 227_500 });
    expect(result.net).toBe(4_322_500);
    expect(result.lines.some((line) => line.code === 'pph21:allowance')).toBe(false);
  });

  it('borne by the region: a tax allowance of the same amount, net unchanged', () => {
    const result = computeTpp(makeRuleSet({ pph21: tax({ policy: 'borne_by_region' }) }), makeInput());
    expect(effectOf(result.lines, 'pph21:allowance')).toBe(227_500);
    expect(effectOf(result.lines, 'pph21')).toBe(-227_500);
    expect(result).toMatchObject({ gross: 4_777_500, net: 4_550_000 });
  });

  it('progressive brackets', () => {
    const rates: TppRuleSet['pph21']['rates'] = {
      kind: 'brackets',
      brackets: [
        { upTo: 2_000_000, rateBp: 500 },
        { upTo: 5_000_000, rateBp: 1500 },
        { upTo: null, rateBp: 2500 },
      ],
    };
    // 5 % × 2 000 000 + 15 % × 2 550 000 = 100 000 + 382 500.
    expect(computeTpp(makeRuleSet({ pph21: tax({ rates }) }), makeInput()).pph21.amount).toBe(482_500);
    // Class 6 at 100 %: 6 000 000 → 100 000 + 450 000 + 25 % × 1 000 000.
    const class6 = makeInput({ productivityBp: 10_000, employee: { ...makeInput().employee, kelasJabatan: 6 } });
    expect(computeTpp(makeRuleSet({ pph21: tax({ rates }) }), class6).pph21.amount).toBe(800_000);
  });

  it('per golongan group, other golongan (PPPK) at the other rate', () => {
    const rates: TppRuleSet['pph21']['rates'] = { kind: 'golongan', rates: [{ golongan: 'III', rateBp: 500 }, { golongan: 'IV', rateBp: 1500 }], otherRateBp: 0 };
    const withGolongan = (golongan: string | null) => computeTpp(makeRuleSet({ pph21: tax({ rates }) }), makeInput({ employee: { ...makeInput().employee, golongan } })).pph21.amount;
    expect(withGolongan('IV/a')).toBe(682_500);
    expect(withGolongan('III/d')).toBe(227_500);
    expect(withGolongan('IX')).toBe(0);
    expect(withGolongan(null)).toBe(0);
  });

  it('on TPP plus the region’s BPJS share when the rule set says so', () => {
    const result = computeTpp(makeRuleSet({ bpjs: bpjs(), pph21: tax({ taxBase: 'tpp_plus_employer_bpjs' }) }), makeInput());
    // (4 550 000 + 182 000) × 5 % = 236 600.
    expect(result.pph21).toMatchObject({ base: 4_732_000, amount: 236_600 });
    expect(result.net).toBe(4_550_000 - 236_600 - 45_500);
  });
});

describe('computeTpp — rounding the net', () => {
  it.each([
    { mode: 'half_up' as const, net: 4_505_000, difference: 500 },
    { mode: 'down' as const, net: 4_504_000, difference: -500 },
    { mode: 'up' as const, net: 4_505_000, difference: 500 },
  ])('$mode to Rp 1 000: 4 504 500 → $net', ({ mode, net, difference }) => {
    const result = computeTpp(makeRuleSet({ bpjs: bpjs(), rounding: { mode, netUnit: 1000 } }), makeInput());
    expect(result).toMatchObject({ net, roundingDifference: difference });
    expect(effectOf(result.lines, 'rounding')).toBe(difference);
    expect(findImbalances(result)).toEqual([]);
  });

  it('adds no rounding line when nothing is rounded', () => {
    expect(computeTpp(makeRuleSet({ rounding: { mode: 'half_up', netUnit: 1000 } }), makeInput()).lines.some((line) => line.section === 'rounding')).toBe(false);
  });
});
