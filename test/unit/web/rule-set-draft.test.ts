import { describe, expect, it } from 'vitest';
import { CLASSIC_60_40_RULE_SET, EXAMPLE_TPP_RULE_SETS } from '../../../src/domain/tpp/examples';
import {
  bpToPercent,
  draftFromJson,
  draftToJson,
  findDraftProblems,
  newDeductionRule,
  nextClassAmount,
  nextDayBand,
  nextMinuteBand,
  partsWeightTotal,
  percentToBp,
  problemsUnder,
  serverDraftProblems,
  setIn,
  DEDUCTION_KINDS,
  type RuleSetDraft,
} from '../../../src/web/features/tpp/rule-set-draft';

const classic = (): RuleSetDraft => structuredClone(CLASSIC_60_40_RULE_SET);

describe('rule-set draft values', () => {
  it('shows basis points as percentages and reads typed percentages back', () => {
    expect(bpToPercent(50)).toBe(0.5);
    expect(bpToPercent(10_000)).toBe(100);
    expect(percentToBp(1.5)).toBe(150);
    expect(percentToBp(0.125)).toBe(13);
    expect(percentToBp('')).toBeNaN();
  });

  it('replaces one value by path and shares the branches it did not touch', () => {
    const draft = classic();
    const next = setIn(draft, ['deductions', 'rules', 0, 'bands', 1, 'rateBp'], 125);
    const rates = (value: RuleSetDraft) => (value.deductions.rules[0] as { bands: { rateBp: number }[] }).bands.map((band) => band.rateBp);
    expect(rates(next)).toEqual([50, 125, 150, 200]);
    expect(rates(draft)).toEqual([50, 100, 150, 200]);
    expect(next.classAmounts).toBe(draft.classAmounts);
    expect(next.deductions.rules[1]).toBe(draft.deductions.rules[1]);
  });
});

describe('rule-set draft problems', () => {
  it('finds none in any shipped example', () => {
    expect(findDraftProblems(classic())).toEqual({});
    for (const ruleSet of EXAMPLE_TPP_RULE_SETS) expect(findDraftProblems(structuredClone(ruleSet)), ruleSet.name).toEqual({});
  });

  it('names each field the server would refuse, by the path the form shows it at', () => {
    let draft = classic();
    draft = setIn(draft, ['earning', 'parts', 0, 'weightBp'], 5000);
    draft = setIn(draft, ['deductions', 'rules', 0, 'bands', 1, 'fromMinutes'], 20);
    draft = setIn(draft, ['deductions', 'capBp'], 20_000);
    draft = setIn(draft, ['name'], '');
    const problems = findDraftProblems(draft);
    expect(problems['earning.parts']).toBe('Jumlah bobot harus 100 % (sekarang 90 %)');
    expect(problems['deductions.rules.0.bands']).toMatch(/TL/);
    expect(problems['deductions.capBp']).toBe('Batas potongan paling besar 100 %');
    expect(problems.name).toBe('Nama wajib diisi');
    expect(problemsUnder(problems, 'deductions')).toBe(2);
    expect(problemsUnder(problems, 'earning')).toBe(1);
  });

  it('asks for a number field left empty, in Indonesian', () => {
    const problems = findDraftProblems(setIn(classic(), ['deductions', 'capBp'], Number.NaN));
    expect(problems).toEqual({ 'deductions.capBp': 'Wajib diisi' });
  });

  it('keys the server’s field errors like the draft’s own', () => {
    expect(serverDraftProblems([{ field: 'ruleSet.effectiveFrom', message: 'Sudah ada versi' }, { field: 'ruleSet', message: 'Berkas bukan JSON' }])).toEqual({ effectiveFrom: 'Sudah ada versi', '': 'Berkas bukan JSON' });
  });
});

describe('rule-set draft from JSON', () => {
  it('opens the form for any rule set of the right shape, also one with problems', () => {
    const draft = setIn(classic(), ['earning', 'parts', 0, 'weightBp'], 0);
    const loaded = draftFromJson(draftToJson(draft));
    expect(loaded).toEqual({ ok: true, draft });
  });

  it('writes in the count of leave days a file leaves out, as the server would default it', () => {
    const draft = classic();
    const json = JSON.parse(draftToJson(draft)) as { deductions: { rules: Record<string, unknown>[] } };
    const leaveIndex = json.deductions.rules.findIndex((rule) => rule.kind === 'leave');
    delete json.deductions.rules[leaveIndex]?.countFrom;
    const loaded = draftFromJson(JSON.stringify(json));
    expect(loaded.ok && loaded.draft.deductions.rules[leaveIndex]).toMatchObject({ kind: 'leave', countFrom: 'month' });
  });

  it('refuses text that is not JSON or lacks a section the form shows, saying where', () => {
    expect(draftFromJson('{ nope')).toEqual({ ok: false, message: 'Teks bukan JSON yang sah' });
    expect(draftFromJson('[]')).toEqual({ ok: false, message: 'JSON aturan TPP harus berupa objek' });
    const { deductions: _dropped, ...rest } = classic();
    const loaded = draftFromJson(JSON.stringify(rest));
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.message).toMatch(/^deductions: /);
    const wrongType = draftFromJson(JSON.stringify(setIn(classic(), ['classAmounts', 0, 'components', 'bebanKerja'], 'banyak')));
    expect(wrongType.ok).toBe(false);
  });
});

describe('rule-set draft rows', () => {
  it('adds the lowest missing class, and nothing when all 17 are there', () => {
    const draft = classic();
    expect(nextClassAmount(draft.classAmounts)).toBeNull();
    const rows = draft.classAmounts.filter((row) => row.kelasJabatan !== 4 && row.kelasJabatan !== 9);
    expect(nextClassAmount(rows)).toEqual({ kelasJabatan: 4, components: { bebanKerja: 0, prestasiKerja: 0, kondisiKerja: 0, tempatBertugas: 0, kelangkaanProfesi: 0 } });
  });

  it('continues a minute table after its last band, closing an open-ended one', () => {
    const bands = [
      { code: 'TL1', fromMinutes: 1, toMinutes: 30, rateBp: 50 },
      { code: 'TL2', fromMinutes: 31, toMinutes: null, rateBp: 100 },
    ];
    const { previous, added } = nextMinuteBand(bands);
    expect(previous[1]).toEqual({ code: 'TL2', fromMinutes: 31, toMinutes: 60, rateBp: 100 });
    expect(added).toEqual({ code: 'TL3', fromMinutes: 61, toMinutes: null, rateBp: 100 });
    const draft = setIn(setIn(classic(), ['deductions', 'rules', 0, 'bands'], [...previous, added]), ['deductions', 'rules', 0, 'noPunchCode'], 'TL3');
    expect(findDraftProblems(draft)).toEqual({});
  });

  it('continues a day table the same way', () => {
    const { previous, added } = nextDayBand([{ fromDay: 1, toDay: null, rateBpPerDay: 0 }]);
    expect(previous).toEqual([{ fromDay: 1, toDay: 1, rateBpPerDay: 0 }]);
    expect(added).toEqual({ fromDay: 2, toDay: null, rateBpPerDay: 0 });
  });

  it('adds a deduction of each kind that only lacks its article, taken from the attendance part', () => {
    for (const kind of DEDUCTION_KINDS) {
      const draft = classic();
      const rules = draft.deductions.rules.filter((rule) => rule.kind !== kind);
      const added = newDeductionRule(kind, draft);
      const problems = findDraftProblems(setIn(draft, ['deductions', 'rules'], [...rules, added]));
      expect(Object.keys(problems), kind).toEqual([`deductions.rules.${rules.length}.article`]);
      expect(added.target).toBe('disiplin');
    }
  });

  it('totals the weights of the parts', () => {
    expect(partsWeightTotal(classic())).toBe(10_000);
    expect(partsWeightTotal(setIn(classic(), ['earning', 'parts', 1, 'weightBp'], Number.NaN))).toBe(6000);
  });
});
