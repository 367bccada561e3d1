import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeTpp } from '../../../src/domain/tpp/compute-tpp';
import { EXAMPLE_TPP_RULE_SETS } from '../../../src/domain/tpp/examples';
import { FULL_BP, portionOf } from '../../../src/domain/tpp/money';
import { tppRuleSetSchema, type TppRuleSet } from '../../../src/domain/tpp/rule-set';
import { tppInputSchema, type TppInput } from '../../../src/domain/tpp/tpp-input';
import { classicBands, findImbalances, makeRuleSet } from './fixtures';

/** Every rule type at once, odd amounts (so rounding matters), tight caps and a forfeit. */
const STRESS: TppRuleSet = tppRuleSetSchema.parse(
  makeRuleSet({
    classAmounts: [
      { kelasJabatan: 5, components: { bebanKerja: 2_987_653, prestasiKerja: 1_999_999, kondisiKerja: 350_001, tempatBertugas: 0, kelangkaanProfesi: 0 } },
      { kelasJabatan: 6, components: { bebanKerja: 3_333_333, prestasiKerja: 2_222_227, kondisiKerja: 0, tempatBertugas: 123_457, kelangkaanProfesi: 0 } },
    ],
    positionAmounts: [{ positionCode: 'LANGKA', label: 'Profesi langka', components: { bebanKerja: 4_444_441, prestasiKerja: 0, kondisiKerja: 0, tempatBertugas: 0, kelangkaanProfesi: 777_777 } }],
    earning: {
      kind: 'weighted',
      appliesTo: ['bebanKerja', 'prestasiKerja'],
      parts: [
        { key: 'kinerja', label: 'Kinerja', weightBp: 5000, measure: { kind: 'productivity', scale: { kind: 'linear', minimumBp: 2500 } }, article: 'Pasal 5' },
        { key: 'skp', label: 'SKP', weightBp: 1500, measure: { kind: 'skp_predikat', factors: { sangat_baik: 10_000, baik: 9000, butuh_perbaikan: 7000, kurang: 5000, sangat_kurang: 0 }, missingFactorBp: 3000 }, article: 'Pasal 5' },
        { key: 'hadir', label: 'Kehadiran', weightBp: 2000, measure: { kind: 'attendance' }, article: 'Pasal 5' },
        { key: 'apel', label: 'Apel', weightBp: 700, measure: { kind: 'ceremony_ratio' }, article: 'Pasal 5' },
        { key: 'patuh', label: 'Kepatuhan', weightBp: 800, measure: { kind: 'compliance', items: [{ code: 'lhkpn', label: 'LHKPN', weightBp: 3334 }, { code: 'bmd', label: 'BMD', weightBp: 6666 }] }, article: 'Pasal 5' },
      ],
    },
    deductions: {
      rules: [
        { kind: 'late', bands: classicBands('TL'), noPunchCode: 'TL4', target: 'hadir', of: 'base', article: 'Pasal 7' },
        { kind: 'early', bands: classicBands('PSW'), noPunchCode: null, target: 'total', of: 'target', article: 'Pasal 7' },
        { kind: 'tk', rateBpPerDay: 700, target: 'total', of: 'base', article: 'Pasal 7' },
        { kind: 'missed_apel', rateBpPerEvent: 33, target: 'hadir', of: 'target', article: 'Pasal 7' },
        { kind: 'leave', leaveType: 'cuti_sakit', bands: [{ fromDay: 1, toDay: 2, rateBpPerDay: 0 }, { fromDay: 3, toDay: null, rateBpPerDay: 125 }], countFrom: 'leave_start', target: 'total', of: 'base', article: 'Pasal 8' },
        { kind: 'flat', event: 'no_check_in', amountPerEvent: 66_000, target: 'hadir', article: 'Pasal 8' },
      ],
      capBp: 4500,
      capArticle: 'Pasal 9',
      forfeit: { tkDaysFrom: 5, article: 'Pasal 9' },
    },
    adjustments: {
      discipline: {
        of: 'pagu',
        article: 'Pasal 10',
        penalties: [
          { code: 'sedang', label: 'Potongan 25 %', level: 'sedang', cutBp: 2500, months: 6 },
          { code: 'ringan', label: 'Potongan 20 %', level: 'ringan', cutBp: 2000, months: 1 },
        ],
      },
      acting: { prorateByDays: true, minimumDays: 3, rules: [{ kind: 'plt', rateBp: 2000, article: 'Pasal 11' }, { kind: 'plh', rateBp: 1000, article: 'Pasal 11' }] },
      cpns: { rateBp: 8000, article: 'Pasal 12' },
      exclusions: [{ code: 'cltn', label: 'CLTN', leaveTypes: ['cuti_dltn', 'tugas_belajar'], payBp: 2500, mode: 'prorate', article: 'Pasal 13' }],
    },
    bpjs: { employerBp: 400, employeeBp: 100, incomeCap: 12_000_000, basis: 'earned', article: 'Pasal 14' },
    pph21: {
      policy: 'withheld',
      taxBase: 'tpp_plus_employer_bpjs',
      rates: { kind: 'brackets', brackets: [{ upTo: 1_000_000, rateBp: 500 }, { upTo: 4_000_000, rateBp: 1500 }, { upTo: null, rateBp: 3000 }] },
      article: 'Pasal 15',
    },
    rounding: { mode: 'half_up', netUnit: 500 },
  }),
);

const RULE_SETS: readonly TppRuleSet[] = [...EXAMPLE_TPP_RULE_SETS, STRESS];
const pad = (n: number) => String(n).padStart(2, '0');

const inputFor = (ruleSet: TppRuleSet): fc.Arbitrary<TppInput> =>
  fc.record({ month: fc.integer({ min: 1, max: 12 }), workingDays: fc.integer({ min: 18, max: 23 }), apelRequired: fc.integer({ min: 0, max: 8 }) }).chain(({ month, workingDays, apelRequired }) => {
    const period = `2026-${pad(month)}`;
    const events = fc
      .uniqueArray(fc.record({ day: fc.integer({ min: 1, max: 28 }), minutes: fc.option(fc.integer({ min: 1, max: 240 }), { nil: null }) }), { selector: (event) => event.day, maxLength: 8 })
      .map((list) => list.map((event) => ({ date: `${period}-${pad(event.day)}`, minutes: event.minutes })));
    const classes = ruleSet.classAmounts.map((entry) => entry.kelasJabatan);
    const penalties = ruleSet.adjustments.discipline.penalties.map((penalty) => penalty.code);
    return fc.record({
      period: fc.constant(period),
      employee: fc.record({
        kelasJabatan: fc.constantFrom(...classes),
        positionCode: fc.option(fc.constantFrom('DOKTER-SPESIALIS', 'LANGKA', 'TIDAK-ADA'), { nil: null }),
        jenisAsn: fc.constant('PNS' as const),
        isCpns: fc.boolean(),
        golongan: fc.constantFrom('II/c', 'III/a', 'IV/b', 'IX', null),
      }),
      workingDays: fc.constant(workingDays),
      productivityBp: fc.integer({ min: 0, max: 12_000 }),
      skp: fc.record({
        predikat: fc.option(fc.constantFrom('sangat_baik' as const, 'baik' as const, 'butuh_perbaikan' as const, 'kurang' as const, 'sangat_kurang' as const), { nil: null }),
        achievementBp: fc.option(fc.integer({ min: 0, max: 13_000 }), { nil: null }),
      }),
      attendance: fc.record({
        late: events,
        early: events,
        tkDays: fc.integer({ min: 0, max: 6 }),
        apel: fc.integer({ min: 0, max: apelRequired }).map((missed) => ({ required: apelRequired, missed })),
        leave: fc.array(
          fc.record(
            { leaveType: fc.constantFrom('cuti_sakit' as const, 'cuti_dltn' as const, 'tugas_belajar' as const, 'cuti_tahunan' as const), days: fc.integer({ min: 1, max: 4 }), priorDays: fc.integer({ min: 1, max: 40 }) },
            { requiredKeys: ['leaveType', 'days'] },
          ),
          { maxLength: 3 },
        ),
      }),
      reportSubmissionDay: fc.option(fc.integer({ min: 1, max: 31 }), { nil: null }),
      compliance: fc.array(fc.record({ code: fc.constantFrom('lhkpn', 'bmd', 'tptgr', 'lain'), isMet: fc.boolean() }), { maxLength: 4 }),
      disciplineDecisions: penalties.length === 0 ? fc.constant([]) : fc.array(fc.record({ decisionNumber: fc.constantFrom('SK-1', 'SK-2', 'SK-3'), penaltyCode: fc.constantFrom(...penalties), startPeriod: fc.integer({ min: 1, max: 12 }).map((m) => `2026-${pad(m)}`) }), { maxLength: 3 }),
      acting: fc.array(fc.record({ kind: fc.constantFrom('plt' as const, 'plh' as const), kelasJabatan: fc.constantFrom(...classes), positionCode: fc.constant(null), days: fc.integer({ min: 1, max: workingDays }) }), { maxLength: 2 }),
      otherIncomeForBpjs: fc.integer({ min: 0, max: 15_000_000 }),
    });
  });

const caseArb = fc.constantFrom(...RULE_SETS).chain((ruleSet) => inputFor(ruleSet).map((input) => ({ ruleSet, input })));

const RUNS = { numRuns: 300 };

describe('computeTpp properties', () => {
  it('generates only valid inputs (so the properties speak about real months)', () => {
    fc.assert(fc.property(caseArb, ({ input }) => tppInputSchema.safeParse(input).success), { numRuns: 100 });
  });

  it('the explanation lines always add up exactly to every total', () => {
    fc.assert(
      fc.property(caseArb, ({ ruleSet, input }) => {
        const result = computeTpp(ruleSet, input);
        expect(findImbalances(result)).toEqual([]);
        expect(result.tpp).toBeGreaterThanOrEqual(0);
        expect(result.net).toBeGreaterThanOrEqual(0);
        expect(result.lines.every((line) => Number.isSafeInteger(line.effect))).toBe(true);
      }),
      RUNS,
    );
  });

  it('the cut never exceeds what was earned, nor the cap of the pagu; a forfeit takes exactly the month', () => {
    fc.assert(
      fc.property(caseArb, ({ ruleSet, input }) => {
        const result = computeTpp(ruleSet, input);
        if (result.isForfeited) {
          expect(result.deductionTotal).toBe(result.earned);
          return;
        }
        const partsEarned = result.parts.reduce((sum, part) => sum + part.earned, 0);
        const ceiling = portionOf(result.base.performanceBase, [{ numerator: ruleSet.deductions.capBp, denominator: FULL_BP }], ruleSet.rounding.mode);
        expect(result.deductionTotal).toBeGreaterThanOrEqual(0);
        expect(result.deductionTotal).toBeLessThanOrEqual(Math.min(partsEarned, ceiling));
      }),
      RUNS,
    );
  });

  it('more lateness (another late day, or more minutes) never raises TPP', () => {
    const withMore = caseArb.chain(({ ruleSet, input }) =>
      fc.record({ day: fc.integer({ min: 1, max: 28 }), minutes: fc.option(fc.integer({ min: 1, max: 240 }), { nil: null }), extra: fc.integer({ min: 1, max: 120 }) }).map((more) => ({ ruleSet, input, more })),
    );
    fc.assert(
      fc.property(withMore, ({ ruleSet, input, more }) => {
        const before = computeTpp(ruleSet, input);
        const date = `${input.period}-${pad(more.day)}`;
        const late = input.attendance.late;
        const moreLate = late.some((event) => event.date === date)
          ? late.map((event) => (event.date === date && event.minutes !== null ? { ...event, minutes: Math.min(1440, event.minutes + more.extra) } : event))
          : [...late, { date, minutes: more.minutes }];
        const after = computeTpp(ruleSet, { ...input, attendance: { ...input.attendance, late: moreLate } });
        expect(after.tpp).toBeLessThanOrEqual(before.tpp);
        expect(after.gross).toBeLessThanOrEqual(before.gross);
        // The net may differ by the rounding of the BPJS and tax lines (at most a rupiah each).
        expect(after.net).toBeLessThanOrEqual(before.net + Math.max(2, ruleSet.rounding.netUnit));
      }),
      RUNS,
    );
  });

  it('more TK days never raise TPP', () => {
    fc.assert(
      fc.property(caseArb, ({ ruleSet, input }) => {
        const leaveDays = input.attendance.leave.reduce((sum, entry) => sum + entry.days, 0);
        fc.pre(input.attendance.tkDays + leaveDays < input.workingDays);
        const after = computeTpp(ruleSet, { ...input, attendance: { ...input.attendance, tkDays: input.attendance.tkDays + 1 } });
        expect(after.tpp).toBeLessThanOrEqual(computeTpp(ruleSet, input).tpp);
      }),
      RUNS,
    );
  });

  it('does not depend on the order of events, leave, compliance items, decisions or acting assignments', () => {
    const shuffled = <T>(items: readonly T[]) => fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
    const withShuffle = caseArb.chain(({ ruleSet, input }) =>
      fc
        .record({
          late: shuffled(input.attendance.late),
          early: shuffled(input.attendance.early),
          leave: shuffled(input.attendance.leave),
          compliance: shuffled(input.compliance),
          disciplineDecisions: shuffled(input.disciplineDecisions),
          acting: shuffled(input.acting),
        })
        .map(({ late, early, leave, ...rest }) => ({ ruleSet, input, reordered: { ...input, ...rest, attendance: { ...input.attendance, late, early, leave } } })),
    );
    fc.assert(
      fc.property(withShuffle, ({ ruleSet, input, reordered }) => {
        expect(computeTpp(ruleSet, reordered)).toEqual(computeTpp(ruleSet, input));
      }),
      RUNS,
    );
  });
});
