import { describe, expect, it } from 'vitest';
import { computeTpp } from '../../../src/domain/tpp/compute-tpp';
import type { Part, TppRuleSet } from '../../../src/domain/tpp/rule-set';
import { TppComputationError } from '../../../src/domain/tpp/tpp-result';
import { effectOf, findImbalances, makeInput, makeRuleSet, withAttendance } from './fixtures';

/** Class 5: pagu Rp 5 000 000. Parts replace the fixture's 60/40 split. */
const withParts = (parts: Part[], changes: Partial<TppRuleSet['earning']> = {}): Partial<TppRuleSet> => ({
  earning: { kind: 'weighted', appliesTo: ['bebanKerja', 'prestasiKerja'], parts, ...changes },
});
const part = (key: string, weightBp: number, measure: Part['measure']): Part => ({ key, label: key, weightBp, measure, article: `Pasal ${key}` });

describe('computeTpp — base amounts', () => {
  it('takes the class amounts, 60 % productivity × 85 % and 40 % attendance in full', () => {
    const result = computeTpp(makeRuleSet(), makeInput());
    expect(result.base).toMatchObject({ source: 'class', kelasJabatan: 5, performanceBase: 5_000_000, fixedBase: 0, total: 5_000_000 });
    // 5 000 000 × 60 % × 85 % = 2 550 000; 5 000 000 × 40 % = 2 000 000.
    expect(effectOf(result.lines, 'part:produktivitas')).toBe(2_550_000);
    expect(effectOf(result.lines, 'part:disiplin')).toBe(2_000_000);
    expect(result.parts.map((item) => item.maxAmount)).toEqual([3_000_000, 2_000_000]);
    expect(result).toMatchObject({ earned: 4_550_000, deductionTotal: 0, adjustmentTotal: 0, tpp: 4_550_000, gross: 4_550_000, net: 4_550_000 });
    expect(findImbalances(result)).toEqual([]);
  });

  it('shows what a part is measured from: productivity with its minutes (when the input keeps them), attendance with the working days', () => {
    const lineOf = (changes: Parameters<typeof makeInput>[0]) => computeTpp(makeRuleSet(), makeInput(changes)).lines.find((line) => line.code === 'part:produktivitas');
    expect(lineOf({ productivityBp: 8_463, productivityMinutes: { counted: 5_332, target: 6_300 } })?.input).toBe('Produktivitas 84,63 % (5.332 menit dihitung dari target 6.300 menit)');
    expect(lineOf({ productivityBp: 8_463 })?.input).toBe('Produktivitas 84,63 %');
    // The attendance part names the month's working days its cuts are counted against.
    expect(computeTpp(makeRuleSet(), makeInput()).lines.find((line) => line.code === 'part:disiplin')?.input).toBe(`${makeInput().workingDays} hari kerja; dibayar penuh sebelum potongan`);
    // The text changes, the rupiah do not: 5 000 000 × 60 % × 84,63 % = 2 538 900.
    expect(lineOf({ productivityBp: 8_463, productivityMinutes: { counted: 5_332, target: 6_300 } })?.effect).toBe(2_538_900);
  });

  it('uses the amounts of a named position before those of its class', () => {
    const ruleSet = makeRuleSet({
      positionAmounts: [{ positionCode: 'DOKTER', label: 'Dokter', components: { bebanKerja: 4_000_000, prestasiKerja: 2_000_000, kondisiKerja: 0, tempatBertugas: 0, kelangkaanProfesi: 1_000_000 } }],
    });
    const result = computeTpp(ruleSet, makeInput({ productivityBp: 10_000, employee: { ...makeInput().employee, positionCode: 'DOKTER' } }));
    expect(result.base).toMatchObject({ source: 'position', positionCode: 'DOKTER', performanceBase: 6_000_000, fixedBase: 1_000_000 });
    // 6 000 000 in parts + kelangkaan profesi 1 000 000 paid in full.
    expect(effectOf(result.lines, 'component:kelangkaanProfesi')).toBe(1_000_000);
    expect(result.tpp).toBe(7_000_000);
  });

  it('pays components outside earning.appliesTo in full, untouched by performance', () => {
    const ruleSet = makeRuleSet(withParts(makeRuleSet().earning.parts, { appliesTo: ['bebanKerja'] }));
    const result = computeTpp(ruleSet, makeInput({ productivityBp: 5000 }));
    // Pagu 3 000 000: 60 % × 50 % = 900 000, 40 % = 1 200 000; prestasi kerja 2 000 000 in full.
    expect(result.base).toMatchObject({ performanceBase: 3_000_000, fixedBase: 2_000_000 });
    expect(effectOf(result.lines, 'component:prestasiKerja')).toBe(2_000_000);
    expect(result.tpp).toBe(4_100_000);
  });

  it('refuses a class the rule set has no amounts for, and a month before the rule set', () => {
    expect(() => computeTpp(makeRuleSet(), makeInput({ employee: { ...makeInput().employee, kelasJabatan: 12 } }))).toThrow(TppComputationError);
    expect(() => computeTpp(makeRuleSet(), makeInput({ employee: { ...makeInput().employee, kelasJabatan: 12 } }))).toThrow('kelas jabatan 12');
    expect(() => computeTpp(makeRuleSet(), makeInput({ period: '2025-12' }))).toThrow('baru berlaku 2026-01-01');
  });
});

describe('computeTpp — measures of the parts', () => {
  const productivity = (scale: Extract<Part['measure'], { kind: 'productivity' }>['scale']) =>
    makeRuleSet(withParts([part('produktivitas', 6000, { kind: 'productivity', scale }), part('disiplin', 4000, { kind: 'attendance' })]));

  it.each([
    { scale: { kind: 'linear' as const, minimumBp: 0 }, productivityBp: 12_000, expected: 3_000_000 },
    { scale: { kind: 'linear' as const, minimumBp: 5000 }, productivityBp: 4999, expected: 0 },
    { scale: { kind: 'linear' as const, minimumBp: 5000 }, productivityBp: 5000, expected: 1_500_000 },
    {
      scale: { kind: 'bands' as const, bands: [{ fromBp: 0, factorBp: 0 }, { fromBp: 5000, factorBp: 5000 }, { fromBp: 7500, factorBp: 8000 }, { fromBp: 9000, factorBp: 10_000 }] },
      productivityBp: 8999,
      expected: 2_400_000,
    },
  ])('productivity $productivityBp bp → $expected', ({ scale, productivityBp, expected }) => {
    expect(effectOf(computeTpp(productivity(scale), makeInput({ productivityBp })).lines, 'part:produktivitas')).toBe(expected);
  });

  it('SKP predikat and achievement: factor of the part, or the missing factor without a rating', () => {
    const ruleSet = makeRuleSet(
      withParts([
        part('kinerja', 6000, { kind: 'skp_achievement', scale: { kind: 'linear', minimumBp: 0 }, missingFactorBp: 5000 }),
        part('skp', 4000, { kind: 'skp_predikat', factors: { sangat_baik: 10_000, baik: 8000, butuh_perbaikan: 6000, kurang: 4000, sangat_kurang: 2000 }, missingFactorBp: 0 }),
      ]),
    );
    const rated = computeTpp(ruleSet, makeInput({ skp: { predikat: 'baik', achievementBp: 9000 } }));
    // 60 % × 90 % × 5 000 000 = 2 700 000; 40 % × 80 % × 5 000 000 = 1 600 000.
    expect(effectOf(rated.lines, 'part:kinerja')).toBe(2_700_000);
    expect(effectOf(rated.lines, 'part:skp')).toBe(1_600_000);
    const unrated = computeTpp(ruleSet, makeInput());
    expect(effectOf(unrated.lines, 'part:kinerja')).toBe(1_500_000);
    expect(effectOf(unrated.lines, 'part:skp')).toBe(0);
    expect(unrated.lines.find((line) => line.code === 'part:skp')?.input).toBe('SKP belum dinilai');
  });

  it('ceremonies: attended ÷ required, in full when none were required', () => {
    const ruleSet = makeRuleSet(withParts([part('kinerja', 8800, { kind: 'productivity', scale: { kind: 'linear', minimumBp: 0 } }), part('apel', 1200, { kind: 'ceremony_ratio' })]));
    // 12 % × 3/4 × 5 000 000 = 450 000.
    expect(effectOf(computeTpp(ruleSet, makeInput(withAttendance({ apel: { required: 4, missed: 1 } }))).lines, 'part:apel')).toBe(450_000);
    expect(effectOf(computeTpp(ruleSet, makeInput()).lines, 'part:apel')).toBe(600_000);
    // 12 % × 2/3 × 5 000 000 = 400 000 exactly, although 2/3 has no finite decimal.
    expect(effectOf(computeTpp(ruleSet, makeInput(withAttendance({ apel: { required: 3, missed: 1 } }))).lines, 'part:apel')).toBe(400_000);
  });

  it('compliance: each met item earns its weight of the part, one line per item', () => {
    const ruleSet = makeRuleSet(
      withParts([
        part('kinerja', 9000, { kind: 'productivity', scale: { kind: 'linear', minimumBp: 0 } }),
        part('kepatuhan', 1000, {
          kind: 'compliance',
          items: [
            { code: 'lhkpn', label: 'LHKPN', weightBp: 5000 },
            { code: 'bmd', label: 'BMD', weightBp: 3000 },
            { code: 'tptgr', label: 'TPTGR', weightBp: 2000 },
          ],
        }),
      ]),
    );
    const result = computeTpp(ruleSet, makeInput({ compliance: [{ code: 'lhkpn', isMet: true }, { code: 'bmd', isMet: false }, { code: 'tptgr', isMet: true }] }));
    // 10 % × 50 % × 5 000 000 = 250 000; BMD not met; 10 % × 20 % × 5 000 000 = 100 000.
    expect([effectOf(result.lines, 'part:kepatuhan:lhkpn'), effectOf(result.lines, 'part:kepatuhan:bmd'), effectOf(result.lines, 'part:kepatuhan:tptgr')]).toEqual([250_000, 0, 100_000]);
    expect(result.parts.find((item) => item.key === 'kepatuhan')?.earned).toBe(350_000);
  });

  it.each([
    { day: 5, expected: 250_000 },
    { day: 7, expected: 150_000 },
    { day: 15, expected: 50_000 },
    { day: null, expected: 0 },
  ])('report submitted on day $day of the next month → $expected', ({ day, expected }) => {
    const ruleSet = makeRuleSet(
      withParts([
        part('kinerja', 9500, { kind: 'productivity', scale: { kind: 'linear', minimumBp: 0 } }),
        part('penyampaian', 500, { kind: 'report_submission', bands: [{ untilDay: 5, factorBp: 10_000 }, { untilDay: 10, factorBp: 6000 }], lateFactorBp: 2000 }),
      ]),
    );
    // 5 % of 5 000 000 = 250 000 × 100 % / 60 % / 20 % / 0.
    expect(effectOf(computeTpp(ruleSet, makeInput({ reportSubmissionDay: day })).lines, 'part:penyampaian')).toBe(expected);
  });

  it('discipline record: the heaviest penalty in force sets the share', () => {
    const ruleSet = makeRuleSet({
      ...withParts([
        part('kinerja', 8000, { kind: 'productivity', scale: { kind: 'linear', minimumBp: 0 } }),
        part('disiplin', 2000, { kind: 'discipline_record', factors: { none: 10_000, ringan: 5000, sedang: 2500, berat: 0 } }),
      ]),
      adjustments: {
        ...makeRuleSet().adjustments,
        discipline: {
          of: 'tpp',
          article: 'Pasal 10',
          penalties: [
            { code: 'lisan', label: 'Teguran lisan', level: 'ringan', cutBp: 0, months: 1 },
            { code: 'potong', label: 'Potongan 25 %', level: 'sedang', cutBp: 0, months: 6 },
          ],
        },
      },
    });
    const decisions = [
      { decisionNumber: 'SK-1', penaltyCode: 'lisan', startPeriod: '2026-03' },
      { decisionNumber: 'SK-2', penaltyCode: 'potong', startPeriod: '2025-09' },
    ];
    // SK-2 runs 2025-09 … 2026-02, so in March only the ringan one is in force: 20 % × 50 % × 5 000 000.
    expect(effectOf(computeTpp(ruleSet, makeInput({ disciplineDecisions: decisions })).lines, 'part:disiplin')).toBe(500_000);
    expect(effectOf(computeTpp(ruleSet, makeInput({ period: '2026-02', disciplineDecisions: decisions })).lines, 'part:disiplin')).toBe(250_000);
    expect(effectOf(computeTpp(ruleSet, makeInput({ period: '2026-04', disciplineDecisions: decisions })).lines, 'part:disiplin')).toBe(1_000_000);
  });

  it('rounds each line once with the rule set mode', () => {
    const odd = (mode: TppRuleSet['rounding']['mode']) =>
      makeRuleSet({
        classAmounts: [{ kelasJabatan: 5, components: { bebanKerja: 1_234_567, prestasiKerja: 0, kondisiKerja: 0, tempatBertugas: 0, kelangkaanProfesi: 0 } }],
        rounding: { mode, netUnit: 1 },
      });
    // 1 234 567 × 60 % × 85 % = 629 629.17
    expect(effectOf(computeTpp(odd('half_up'), makeInput()).lines, 'part:produktivitas')).toBe(629_629);
    expect(effectOf(computeTpp(odd('down'), makeInput()).lines, 'part:produktivitas')).toBe(629_629);
    expect(effectOf(computeTpp(odd('up'), makeInput()).lines, 'part:produktivitas')).toBe(629_630);
    // 1 234 567 × 40 % = 493 826.8
    expect(effectOf(computeTpp(odd('half_up'), makeInput()).lines, 'part:disiplin')).toBe(493_827);
    expect(effectOf(computeTpp(odd('down'), makeInput()).lines, 'part:disiplin')).toBe(493_826);
  });
});

describe('computeTpp — the regulation at the head of the explanation', () => {
  it('cites number and year before "tentang", as legislation is cited', () => {
    expect(computeTpp(makeRuleSet(), makeInput()).ruleSet.regulation).toBe('Peraturan Bupati Uji Nomor 1 Tahun 2026 tentang TPP');
  });

  it('appends them to a title without "tentang", and says when they are not stated', () => {
    const regulation = (number: string | null, year: number | null, title = 'Peraturan Bupati Uji tentang TPP') =>
      computeTpp(makeRuleSet({ regulation: { title, number, year, shortName: 'Perbup Uji' } }), makeInput()).ruleSet.regulation;
    expect(regulation('12', 2023, 'Perbup Kolaka TPP')).toBe('Perbup Kolaka TPP Nomor 12 Tahun 2023');
    expect(regulation(null, 2023)).toBe('Peraturan Bupati Uji Tahun 2023 tentang TPP');
    expect(regulation(null, null)).toBe('Peraturan Bupati Uji tentang TPP (nomor dan tahun belum dicantumkan)');
  });
});
