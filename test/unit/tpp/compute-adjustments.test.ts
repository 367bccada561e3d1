import { describe, expect, it } from 'vitest';
import { computeTpp } from '../../../src/domain/tpp/compute-tpp';
import type { TppRuleSet } from '../../../src/domain/tpp/rule-set';
import { TppComputationError } from '../../../src/domain/tpp/tpp-result';
import { effectOf, findImbalances, makeInput, makeRuleSet, withAttendance } from './fixtures';

/** Fixture: TPP after deductions 4 550 000 (pagu 5 000 000, productivity 85 %). */
const withAdjustments = (changes: Partial<TppRuleSet['adjustments']>): Partial<TppRuleSet> => ({ adjustments: { ...makeRuleSet().adjustments, ...changes } });
const PP94 = [{ code: 'pp94_6', label: 'Pemotongan 25 % selama 6 bulan', level: 'sedang' as const, cutBp: 2500, months: 6 }];

describe('computeTpp — exclusions', () => {
  const exclusion = (payBp: number, mode: 'prorate' | 'whole_month') =>
    makeRuleSet(withAdjustments({ exclusions: [{ code: 'cltn', label: 'CLTN dan tugas belajar', leaveTypes: ['cuti_dltn', 'tugas_belajar'], payBp, mode, article: 'Pasal 16' }] }));

  it('prorates by the days excluded: 5 of 20 days of CLTN paid 0', () => {
    const result = computeTpp(exclusion(0, 'prorate'), makeInput(withAttendance({ leave: [{ leaveType: 'cuti_dltn', days: 5 }] })));
    // 4 550 000 × 5/20 = 1 137 500.
    expect(effectOf(result.lines, 'exclusion:cltn')).toBe(-1_137_500);
    expect(result.tpp).toBe(3_412_500);
  });

  it('pays a share: tugas belajar 10 of 20 days at 50 %', () => {
    const result = computeTpp(exclusion(5000, 'prorate'), makeInput(withAttendance({ leave: [{ leaveType: 'tugas_belajar', days: 10 }] })));
    expect(effectOf(result.lines, 'exclusion:cltn')).toBe(-1_137_500);
  });

  it('whole month: one day of the listed leave removes the month', () => {
    const result = computeTpp(exclusion(0, 'whole_month'), makeInput(withAttendance({ leave: [{ leaveType: 'tugas_belajar', days: 1 }] })));
    expect(result.tpp).toBe(0);
    expect(findImbalances(result)).toEqual([]);
  });
});

describe('computeTpp — CPNS and discipline penalties', () => {
  it('CPNS receive 80 %', () => {
    const ruleSet = makeRuleSet(withAdjustments({ cpns: { rateBp: 8000, article: 'Pasal 15' } }));
    const result = computeTpp(ruleSet, makeInput({ employee: { ...makeInput().employee, isCpns: true } }));
    expect(effectOf(result.lines, 'cpns')).toBe(-910_000);
    expect(result.tpp).toBe(3_640_000);
    expect(computeTpp(ruleSet, makeInput()).tpp).toBe(4_550_000);
  });

  it('PP 94/2021: 25 % in each of the 6 months from the decision, not after', () => {
    const ruleSet = makeRuleSet(withAdjustments({ discipline: { of: 'tpp', article: 'Pasal 13', penalties: PP94 } }));
    const decisions = [{ decisionNumber: '800/12/2026', penaltyCode: 'pp94_6', startPeriod: '2026-01' }];
    const march = computeTpp(ruleSet, makeInput({ disciplineDecisions: decisions }));
    expect(effectOf(march.lines, 'discipline:pp94_6:800/12/2026')).toBe(-1_137_500);
    expect(march.lines.find((line) => line.section === 'adjustment')?.input).toBe('SK 800/12/2026, bulan ke-3 dari 6 sejak Januari 2026');
    expect(computeTpp(ruleSet, makeInput({ period: '2026-06', disciplineDecisions: decisions })).tpp).toBe(3_412_500);
    expect(computeTpp(ruleSet, makeInput({ period: '2026-07', disciplineDecisions: decisions })).tpp).toBe(4_550_000);
    expect(computeTpp(ruleSet, makeInput({ period: '2026-01', disciplineDecisions: [{ ...decisions[0]!, startPeriod: '2026-02' }] })).tpp).toBe(4_550_000);
  });

  it('a penalty of the pagu, after the CPNS share, and never below zero', () => {
    const penalties = [...PP94, { code: 'berat', label: 'Potongan 60 %', level: 'berat' as const, cutBp: 6000, months: 3 }];
    const ofPagu = makeRuleSet(withAdjustments({ discipline: { of: 'pagu', article: 'Pasal 13', penalties } }));
    const one = [{ decisionNumber: 'A', penaltyCode: 'pp94_6', startPeriod: '2026-03' }];
    // 25 % × pagu 5 000 000 = 1 250 000.
    expect(computeTpp(ofPagu, makeInput({ disciplineDecisions: one })).tpp).toBe(3_300_000);

    const cpnsAndPenalty = makeRuleSet(withAdjustments({ cpns: { rateBp: 8000, article: 'Pasal 15' }, discipline: { of: 'tpp', article: 'Pasal 13', penalties } }));
    // 4 550 000 × 80 % = 3 640 000, then 25 % of it = 910 000.
    expect(computeTpp(cpnsAndPenalty, makeInput({ employee: { ...makeInput().employee, isCpns: true }, disciplineDecisions: one })).tpp).toBe(2_730_000);

    const two = [...one, { decisionNumber: 'B', penaltyCode: 'berat', startPeriod: '2026-03' }, { decisionNumber: 'C', penaltyCode: 'berat', startPeriod: '2026-03' }];
    const result = computeTpp(cpnsAndPenalty, makeInput({ disciplineDecisions: two }));
    // 4 550 000 − 25 % (1 137 500) − 60 % (2 730 000) − the rest (682 500, not 2 730 000).
    expect(result.lines.filter((line) => line.section === 'adjustment').map((line) => line.effect)).toEqual([-1_137_500, -2_730_000, -682_500]);
    expect(result.tpp).toBe(0);
    expect(findImbalances(result)).toEqual([]);
  });

  it('refuses a decision whose penalty the rule set does not know', () => {
    expect(() => computeTpp(makeRuleSet(), makeInput({ disciplineDecisions: [{ decisionNumber: 'X', penaltyCode: 'unknown', startPeriod: '2026-01' }] }))).toThrow(TppComputationError);
  });

  it('passes over a decision of a penalty a later version dropped once it is older than any penalty of the version', () => {
    // This version's longest penalty is 6 months: a decision of September 2025 cannot be in force in March 2026 under it.
    const ruleSet = makeRuleSet(withAdjustments({ discipline: { of: 'tpp', article: 'Pasal 13', penalties: PP94 } }));
    const dropped = (startPeriod: string) => makeInput({ disciplineDecisions: [{ decisionNumber: 'LAMA', penaltyCode: 'pp53_lama', startPeriod }] });
    expect(computeTpp(ruleSet, dropped('2025-09')).tpp).toBe(4_550_000);
    expect(() => computeTpp(ruleSet, dropped('2025-10'))).toThrow('Hukuman disiplin pp53_lama (SK LAMA) tidak diatur dalam aturan TPP ini');
  });
});

describe('computeTpp — Plt/Plh additions', () => {
  const acting = (changes: Partial<TppRuleSet['adjustments']['acting']> = {}) =>
    makeRuleSet(withAdjustments({ acting: { prorateByDays: true, minimumDays: 0, rules: [{ kind: 'plt', rateBp: 2000, article: 'Pasal 14' }], ...changes } }));
  const plt = (days: number) => [{ kind: 'plt' as const, kelasJabatan: 7, positionCode: null, days }];

  it('20 % of the acted position’s pagu, by days acted', () => {
    // Class 7 pagu 8 000 000 × 20 % × 10/20 = 800 000.
    const result = computeTpp(acting(), makeInput({ acting: plt(10) }));
    expect(effectOf(result.lines, 'acting:plt')).toBe(800_000);
    expect(result.tpp).toBe(5_350_000);
    expect(computeTpp(acting({ prorateByDays: false }), makeInput({ acting: plt(10) })).tpp).toBe(6_150_000);
  });

  it('nothing below the minimum days, without a rule for the kind, or in a forfeited month', () => {
    expect(effectOf(computeTpp(acting({ minimumDays: 15 }), makeInput({ acting: plt(10) })).lines, 'acting:plt')).toBe(0);
    const plh = computeTpp(acting(), makeInput({ acting: [{ kind: 'plh', kelasJabatan: 7, positionCode: null, days: 5 }] }));
    expect(plh.lines.find((line) => line.code === 'acting:plh')).toMatchObject({ effect: 0, rule: 'aturan ini tidak memberi tambahan PLH' });
    const forfeiting = makeRuleSet({
      ...acting(),
      deductions: { rules: [], capBp: 10_000, capArticle: 'Pasal 9', forfeit: { tkDaysFrom: 3, article: 'Pasal 9' } },
    });
    const forfeited = computeTpp(forfeiting, makeInput({ acting: plt(10), ...withAttendance({ tkDays: 3 }) }));
    expect(forfeited.tpp).toBe(0);
  });
});
