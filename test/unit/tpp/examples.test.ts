import { describe, expect, it } from 'vitest';
import { computeTpp } from '../../../src/domain/tpp/compute-tpp';
import { CLASSIC_60_40_RULE_SET, DELI_SERDANG_30_20_50_RULE_SET, EXAMPLE_TPP_RULE_SETS, KOLAKA_60_30_10_RULE_SET, TAPANULI_TENGAH_POINTS_RULE_SET } from '../../../src/domain/tpp/examples';
import { tppInputSchema, type TppInput } from '../../../src/domain/tpp/tpp-input';
import { effectOf, findImbalances, makeInput } from './fixtures';

/** Worked examples computed by hand from each shipped rule set (amounts per class are the [V] examples). */
const employee = (kelasJabatan: number, golongan: string, changes: Partial<TppInput['employee']> = {}): TppInput['employee'] => ({
  kelasJabatan,
  positionCode: null,
  jenisAsn: 'PNS',
  isCpns: false,
  golongan,
  ...changes,
});
const checked = (input: TppInput): TppInput => tppInputSchema.parse(input);
const sectionEffects = (result: ReturnType<typeof computeTpp>, section: string) => result.lines.filter((line) => line.section === section).map((line) => [line.code, line.effect]);

describe('classic 60/40 with the TL/PSW/TK table', () => {
  it('class 9, late twice, one missing check-out, one TK day, 16 days of sick leave', () => {
    const input = checked(
      makeInput({
        employee: employee(9, 'III/c'),
        workingDays: 21,
        productivityBp: 9200,
        attendance: {
          late: [{ date: '2026-03-03', minutes: 25 }, { date: '2026-03-10', minutes: 75 }],
          early: [{ date: '2026-03-12', minutes: null }],
          tkDays: 1,
          apel: { required: 0, missed: 0 },
          leave: [{ leaveType: 'cuti_sakit', days: 16 }],
        },
        otherIncomeForBpjs: 6_000_000,
      }),
    );
    const result = computeTpp(CLASSIC_60_40_RULE_SET, input);
    // Pagu 4 200 000: 60 % × 92 % = 2 318 400; discipline 40 % = 1 680 000.
    expect(sectionEffects(result, 'earning')).toEqual([['part:produktivitas', 2_318_400], ['part:disiplin', 1_680_000]]);
    // TL1 0.5 % = 21 000; TL3 1.5 % = 63 000; PSW4 2 % = 84 000; TK 4 % = 168 000; sick days 15–16: 2 × 1 % = 84 000.
    expect(sectionEffects(result, 'deduction')).toEqual([
      ['deduction:late:TL1', -21_000],
      ['deduction:late:TL3', -63_000],
      ['deduction:early:PSW4', -84_000],
      ['deduction:tk', -168_000],
      ['deduction:leave:cuti_sakit:1', 0],
      ['deduction:leave:cuti_sakit:15', -84_000],
    ]);
    // TPP 3 578 400; BPJS room 12 M − 6 M: 4 % = 143 136, 1 % = 35 784; PPh III 5 % borne = 178 920.
    expect(result).toMatchObject({ earned: 3_998_400, deductionTotal: 420_000, tpp: 3_578_400, bpjs: { base: 3_578_400, employer: 143_136, employee: 35_784 }, pph21: { amount: 178_920 } });
    expect(result).toMatchObject({ gross: 3_900_456, net: 3_542_616, roundingDifference: 0 });
    expect(result.lines.find((line) => line.code === 'deduction:late:TL3')?.citation).toBe('Perbup TPP (contoh) Pasal 10 ayat (1) [V]');
    expect(findImbalances(result)).toEqual([]);
  });

  it('a specialist doctor (position amounts) acting as Plt of a class 12 post for 10 of 20 days', () => {
    const input = checked(
      makeInput({
        employee: employee(11, 'IV/b', { positionCode: 'DOKTER-SPESIALIS' }),
        productivityBp: 10_000,
        acting: [{ kind: 'plt', kelasJabatan: 12, positionCode: null, days: 10 }],
        otherIncomeForBpjs: 4_000_000,
      }),
    );
    const result = computeTpp(CLASSIC_60_40_RULE_SET, input);
    // Parts on 5 500 000 in full; kondisi kerja 1 000 000 and kelangkaan profesi 2 500 000 paid in full; Plt 20 % × 6 500 000 × 10/20.
    expect(result).toMatchObject({ earned: 9_000_000, adjustmentTotal: 650_000, tpp: 9_650_000 });
    // BPJS on the 8 000 000 left under the cap; PPh IV 15 % borne = 1 447 500.
    expect(result).toMatchObject({ bpjs: { base: 8_000_000, employer: 320_000, employee: 80_000 }, pph21: { amount: 1_447_500 }, gross: 11_417_500, net: 9_570_000 });
    expect(findImbalances(result)).toEqual([]);
  });
});

describe('Kolaka 60/30/10', () => {
  it('class 7 CPNS: productivity 78 %, 6 of 8 ceremonies, two of three compliance items, one TL2', () => {
    const input = checked(
      makeInput({
        employee: employee(7, 'III/a', { isCpns: true }),
        productivityBp: 7800,
        attendance: { late: [{ date: '2026-03-04', minutes: 45 }], early: [], tkDays: 0, apel: { required: 8, missed: 2 }, leave: [] },
        compliance: [{ code: 'lhkpn', isMet: true }, { code: 'bmd', isMet: true }, { code: 'tptgr', isMet: false }],
        otherIncomeForBpjs: 3_000_000,
      }),
    );
    const result = computeTpp(KOLAKA_60_30_10_RULE_SET, input);
    // Pagu 3 350 000: 60 % × 78 % = 1 567 800; 18 % = 603 000; 12 % × 6/8 = 301 500;
    // 10 % × 33.34 % = 111 689; 10 % × 33.33 % = 111 655.5 → 111 656; TPTGR 0.
    expect(sectionEffects(result, 'earning')).toEqual([
      ['part:kinerja', 1_567_800],
      ['part:kehadiran_harian', 603_000],
      ['part:apel', 301_500],
      ['part:kepatuhan:lhkpn', 111_689],
      ['part:kepatuhan:bmd', 111_656],
      ['part:kepatuhan:tptgr', 0],
    ]);
    // TL2 1 % × 3 350 000 = 33 500; CPNS 80 %: − 20 % × 2 662 145 = 532 429.
    expect(effectOf(result.lines, 'deduction:late:TL2')).toBe(-33_500);
    expect(effectOf(result.lines, 'cpns')).toBe(-532_429);
    expect(result.tpp).toBe(2_129_716);
    // BPJS 4 % = 85 188.64 → 85 189, 1 % = 21 297; PPh on 2 129 716 + 85 189 at 5 % = 110 745.
    expect(result).toMatchObject({ bpjs: { employer: 85_189, employee: 21_297 }, pph21: { base: 2_214_905, amount: 110_745 }, gross: 2_214_905 });
    // 2 214 905 − 85 189 − 110 745 − 21 297 = 1 997 674 → Rp 100 half up.
    expect(result).toMatchObject({ net: 1_997_700, roundingDifference: 26 });
    expect(findImbalances(result)).toEqual([]);
  });
});

describe('Tapanuli Tengah points', () => {
  it('class 10, Sangat Baik, report on day 4, late 15/40/100 min, early 70 min, 2 TK days: 87 points', () => {
    const input = checked(
      makeInput({
        employee: employee(10, 'II/c'),
        skp: { predikat: 'sangat_baik', achievementBp: null },
        reportSubmissionDay: 4,
        attendance: {
          late: [{ date: '2026-03-02', minutes: 15 }, { date: '2026-03-03', minutes: 40 }, { date: '2026-03-04', minutes: 100 }],
          early: [{ date: '2026-03-05', minutes: 70 }],
          tkDays: 2,
          apel: { required: 0, missed: 0 },
          leave: [],
        },
        otherIncomeForBpjs: 2_500_000,
      }),
    );
    const result = computeTpp(TAPANULI_TENGAH_POINTS_RULE_SET, input);
    // 100 points earned (pagu 4 800 000); −0.5 −1 −2 (late) −1.5 (early) −8 (TK) = 87 points = 4 176 000.
    expect(result.earned).toBe(4_800_000);
    expect(sectionEffects(result, 'deduction')).toEqual([
      ['deduction:late:TL1', -24_000],
      ['deduction:late:TL2', -48_000],
      ['deduction:late:TL4', -96_000],
      ['deduction:early:PSW3', -72_000],
      ['deduction:tk', -384_000],
    ]);
    expect(result.tpp).toBe(4_176_000);
    // BPJS 167 040 / 41 760; PPh 5 % withheld = 208 800; 3 925 440 rounded down to Rp 1 000.
    expect(result).toMatchObject({ bpjs: { employer: 167_040, employee: 41_760 }, pph21: { amount: 208_800 }, gross: 4_343_040, net: 3_925_000, roundingDifference: -440 });
    expect(result.lines.find((line) => line.code === 'part:skp')?.rule).toContain('35 poin');
    expect(findImbalances(result)).toEqual([]);
  });

  it('absence points never go below zero; a PP 94 penalty lowers the discipline points and cuts 25 %', () => {
    const input = checked(
      makeInput({
        employee: employee(10, 'III/b'),
        skp: { predikat: 'baik', achievementBp: null },
        reportSubmissionDay: 12,
        attendance: { late: [], early: [], tkDays: 6, apel: { required: 0, missed: 0 }, leave: [] },
        disciplineDecisions: [{ decisionNumber: '862/45/BKPSDM/2026', penaltyCode: 'pp94_potong_25_6', startPeriod: '2026-02' }],
        otherIncomeForBpjs: 2_500_000,
      }),
    );
    const result = computeTpp(TAPANULI_TENGAH_POINTS_RULE_SET, input);
    // SKP 28 + report 1 + 10 + 10 + 20 + discipline 25 % × 20 = 5 → 74 points = 3 552 000.
    expect(result.earned).toBe(3_552_000);
    // TK 6 × 4 points = 24 > 20: capped at the item, 960 000 instead of 1 152 000.
    expect(effectOf(result.lines, 'deduction:tk')).toBe(-1_152_000);
    expect(effectOf(result.lines, 'cap:part:ketidakhadiran')).toBe(192_000);
    // 2 592 000 − 25 % = 1 944 000; PPh 97 200; BPJS employee 19 440; 1 827 360 → 1 827 000.
    expect(result).toMatchObject({ adjustmentTotal: -648_000, tpp: 1_944_000, net: 1_827_000 });
    expect(findImbalances(result)).toEqual([]);
  });

  it('a written warning (PP 94 light penalty) cuts nothing but lowers the discipline points to the light share', () => {
    const base = { employee: employee(10, 'III/b'), skp: { predikat: 'baik' as const, achievementBp: null }, reportSubmissionDay: 3, otherIncomeForBpjs: 2_500_000 };
    const clean = computeTpp(TAPANULI_TENGAH_POINTS_RULE_SET, checked(makeInput(base)));
    const warned = computeTpp(
      TAPANULI_TENGAH_POINTS_RULE_SET,
      checked(makeInput({ ...base, disciplineDecisions: [{ decisionNumber: '800/7/BKPSDM/2026', penaltyCode: 'teguran_tertulis', startPeriod: '2026-03' }] })),
    );
    // Discipline 20 points → 50 % of them (light) = 10: 10 points × 1 % × pagu 4 800 000 = 480 000 less earned, no cut after.
    expect(clean.earned - warned.earned).toBe(480_000);
    expect(warned.adjustmentTotal).toBe(0);
    expect(findImbalances(warned)).toEqual([]);
  });
});

describe('Deli Serdang 30/20/50 (Perbup 4/2019)', () => {
  it('class 8, SKP Butuh Perbaikan, productivity 85 %, TL1 + TL4, PSW2, one TK day', () => {
    const input = checked(
      makeInput({
        employee: employee(8, 'III/b'),
        productivityBp: 8500,
        skp: { predikat: 'butuh_perbaikan', achievementBp: null },
        attendance: {
          late: [{ date: '2026-03-02', minutes: 20 }, { date: '2026-03-09', minutes: 95 }],
          early: [{ date: '2026-03-11', minutes: 40 }],
          tkDays: 1,
          apel: { required: 0, missed: 0 },
          leave: [],
        },
        otherIncomeForBpjs: 5_000_000,
      }),
    );
    const result = computeTpp(DELI_SERDANG_30_20_50_RULE_SET, input);
    // Pagu 3 750 000: kehadiran 30 % = 1 125 000; SKP 20 % × 80 % = 600 000; laporan harian 50 % × 85 % = 1 593 750.
    expect(sectionEffects(result, 'earning')).toEqual([['part:kehadiran', 1_125_000], ['part:skp', 600_000], ['part:laporan_harian', 1_593_750]]);
    // Of the pagu: TL1 0.5 % = 18 750; TL4 2 % = 75 000; PSW2 1 % = 37 500; TK 4 % = 150 000 — all from kehadiran.
    expect(sectionEffects(result, 'deduction')).toEqual([
      ['deduction:late:TL1', -18_750],
      ['deduction:late:TL4', -75_000],
      ['deduction:early:PSW2', -37_500],
      ['deduction:tk', -150_000],
    ]);
    expect(result).toMatchObject({ earned: 3_318_750, deductionTotal: 281_250, tpp: 3_037_500 });
    // BPJS on 3 037 500 (under the 7 M left below the cap): 121 500 / 30 375; PPh 5 % withheld of the TPP = 151 875.
    expect(result).toMatchObject({ bpjs: { base: 3_037_500, employer: 121_500, employee: 30_375 }, pph21: { base: 3_037_500, amount: 151_875 } });
    // Gross 3 037 500 + 121 500 = 3 159 000; net 3 159 000 − 121 500 − 151 875 − 30 375 = 2 855 250.
    expect(result).toMatchObject({ gross: 3_159_000, net: 2_855_250, roundingDifference: 0 });
    expect(result.lines.find((line) => line.code === 'deduction:late:TL4')?.citation).toBe('Perbup Deli Serdang 4/2019 Pasal 8 ayat (1) [V]');
    expect(findImbalances(result)).toEqual([]);
  });

  it('no SKP rating yet earns the SKP part in full; lateness beyond the attendance part is capped at it', () => {
    const late = Array.from({ length: 16 }, (_, index) => ({ date: `2026-03-${String(index + 2).padStart(2, '0')}`, minutes: 120 }));
    const input = checked(
      makeInput({
        employee: employee(8, 'III/b'),
        productivityBp: 10_000,
        attendance: { late, early: [], tkDays: 0, apel: { required: 0, missed: 0 }, leave: [] },
        otherIncomeForBpjs: 5_000_000,
      }),
    );
    const result = computeTpp(DELI_SERDANG_30_20_50_RULE_SET, input);
    // SKP 20 % in full = 750 000 (no rating); 16 × TL4 2 % = 32 % of 3 750 000 = 1 200 000 > kehadiran 1 125 000: 75 000 given back.
    expect(effectOf(result.lines, 'part:skp')).toBe(750_000);
    expect(effectOf(result.lines, 'cap:part:kehadiran')).toBe(75_000);
    expect(result).toMatchObject({ earned: 3_750_000, deductionTotal: 1_125_000, tpp: 2_625_000 });
    expect(findImbalances(result)).toEqual([]);
  });
});

describe('every shipped example knows every PP 94/2021 penalty that cuts or is recorded', () => {
  it('lists the light penalties (no cut unless the region sets one) and the 25 % cuts', () => {
    for (const ruleSet of EXAMPLE_TPP_RULE_SETS) {
      const codes = ruleSet.adjustments.discipline.penalties.map((penalty) => penalty.code);
      expect(codes, ruleSet.name).toEqual(expect.arrayContaining(['teguran_lisan', 'teguran_tertulis', 'pernyataan_tidak_puas', 'pp94_potong_25_6', 'pp94_potong_25_9', 'pp94_potong_25_12']));
    }
  });

  it('computes a month with a written warning under Kolaka: a zero line that says why', () => {
    const input = checked(
      makeInput({
        employee: employee(7, 'III/a'),
        productivityBp: 9000,
        disciplineDecisions: [{ decisionNumber: '800/7/BKPSDM/2026', penaltyCode: 'teguran_tertulis', startPeriod: '2026-03' }],
        otherIncomeForBpjs: 3_000_000,
      }),
    );
    const result = computeTpp(KOLAKA_60_30_10_RULE_SET, input);
    const line = result.lines.find((candidate) => candidate.section === 'adjustment');
    expect(line?.effect).toBe(0);
    expect(line?.label).toContain('Teguran tertulis');
    expect(findImbalances(result)).toEqual([]);
  });
});
