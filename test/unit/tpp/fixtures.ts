import type { MinuteBand, TppRuleSet } from '../../../src/domain/tpp/rule-set';
import type { TppLineSection, TppResult } from '../../../src/domain/tpp/tpp-result';
import type { TppInput } from '../../../src/domain/tpp/tpp-input';

/**
 * A deliberately plain rule set for hand-computed table tests: class 5 has a pagu of Rp 5 000 000
 * (3 000 000 beban kerja + 2 000 000 prestasi kerja), 60 % productivity / 40 % attendance, no
 * deductions, contributions or tax unless a test adds them.
 */
export function makeRuleSet(changes: Partial<TppRuleSet> = {}): TppRuleSet {
  return {
    format: 1,
    region: { code: 'UJI', name: 'Kabupaten Uji' },
    name: 'Aturan uji',
    effectiveFrom: '2026-01-01',
    regulation: { title: 'Peraturan Bupati Uji tentang TPP', number: '1', year: 2026, shortName: 'Perbup Uji 1/2026' },
    source: 'Data uji',
    classAmounts: [
      { kelasJabatan: 5, components: { bebanKerja: 3_000_000, prestasiKerja: 2_000_000, kondisiKerja: 0, tempatBertugas: 0, kelangkaanProfesi: 0 } },
      { kelasJabatan: 6, components: { bebanKerja: 3_600_000, prestasiKerja: 2_400_000, kondisiKerja: 0, tempatBertugas: 0, kelangkaanProfesi: 0 } },
      { kelasJabatan: 7, components: { bebanKerja: 4_800_000, prestasiKerja: 3_200_000, kondisiKerja: 0, tempatBertugas: 0, kelangkaanProfesi: 0 } },
    ],
    amountsArticle: 'Lampiran I',
    positionAmounts: [],
    earning: {
      kind: 'weighted',
      appliesTo: ['bebanKerja', 'prestasiKerja'],
      parts: [
        { key: 'produktivitas', label: 'Produktivitas', weightBp: 6000, measure: { kind: 'productivity', scale: { kind: 'linear', minimumBp: 0 } }, article: 'Pasal 5' },
        { key: 'disiplin', label: 'Disiplin', weightBp: 4000, measure: { kind: 'attendance' }, article: 'Pasal 6' },
      ],
    },
    deductions: { rules: [], capBp: 10_000, capArticle: 'Pasal 9', forfeit: null },
    adjustments: {
      discipline: { of: 'tpp', article: 'Pasal 10', penalties: [] },
      acting: { prorateByDays: true, minimumDays: 0, rules: [] },
      cpns: null,
      exclusions: [],
    },
    bpjs: null,
    pph21: { policy: 'none', taxBase: 'tpp', rates: { kind: 'flat', rateBp: 0 }, article: 'Pasal 12' },
    rounding: { mode: 'half_up', netUnit: 1 },
    ...changes,
  };
}

export function makeInput(changes: Partial<TppInput> = {}): TppInput {
  return {
    period: '2026-03',
    employee: { kelasJabatan: 5, positionCode: null, jenisAsn: 'PNS', isCpns: false, golongan: 'III/a' },
    workingDays: 20,
    productivityBp: 8500,
    skp: { predikat: null, achievementBp: null },
    attendance: { late: [], early: [], tkDays: 0, apel: { required: 0, missed: 0 }, leave: [] },
    reportSubmissionDay: null,
    compliance: [],
    disciplineDecisions: [],
    acting: [],
    otherIncomeForBpjs: 0,
    ...changes,
  };
}

export const withAttendance = (attendance: Partial<TppInput['attendance']>): Partial<TppInput> => ({
  attendance: { ...makeInput().attendance, ...attendance },
});

/** The classic TL/PSW bands: 1–30, 31–60, 61–90, ≥ 91 minutes at 0.5 / 1 / 1.5 / 2 %. */
export const classicBands = (prefix: 'TL' | 'PSW'): [MinuteBand, MinuteBand, MinuteBand, MinuteBand] => [
  { code: `${prefix}1`, fromMinutes: 1, toMinutes: 30, rateBp: 50 },
  { code: `${prefix}2`, fromMinutes: 31, toMinutes: 60, rateBp: 100 },
  { code: `${prefix}3`, fromMinutes: 61, toMinutes: 90, rateBp: 150 },
  { code: `${prefix}4`, fromMinutes: 91, toMinutes: null, rateBp: 200 },
];

export const withDeductions = (rules: TppRuleSet['deductions']['rules'], changes: Partial<TppRuleSet['deductions']> = {}): Partial<TppRuleSet> => ({
  deductions: { rules, capBp: 10_000, capArticle: 'Pasal 9', forfeit: null, ...changes },
});

export const effectOf = (lines: readonly { code: string; effect: number }[], code: string): number | undefined => lines.find((line) => line.code === code)?.effect;

/** The explanation contract: each total is exactly the sum of its section's lines. */
export function findImbalances(result: TppResult): string[] {
  const sum = (...sections: TppLineSection[]) => result.lines.filter((line) => sections.includes(line.section)).reduce((total, line) => total + line.effect, 0);
  const checks: [string, number, number][] = [
    ['earned', result.earned, sum('earning')],
    ['deductionTotal', -result.deductionTotal, sum('deduction')],
    ['adjustmentTotal', result.adjustmentTotal, sum('adjustment')],
    ['tpp', result.tpp, sum('earning', 'deduction', 'adjustment')],
    ['gross', result.gross, sum('earning', 'deduction', 'adjustment', 'allowance')],
    ['net', result.net, sum('earning', 'deduction', 'adjustment', 'allowance', 'withholding', 'rounding')],
    ['roundingDifference', result.roundingDifference, sum('rounding')],
    ['parts', result.parts.reduce((total, part) => total + part.earned, 0), result.lines.filter((line) => line.code.startsWith('part:')).reduce((total, line) => total + line.effect, 0)],
  ];
  return checks.filter(([, total, lines]) => total !== lines).map(([name, total, lines]) => `${name}: total ${total} ≠ lines ${lines}`);
}
