import { describe, expect, it } from 'vitest';
import { computeTpp } from '../../../src/domain/tpp/compute-tpp';
import type { DeductionRule } from '../../../src/domain/tpp/rule-set';
import { classicBands, effectOf, findImbalances, makeInput, makeRuleSet, withAttendance, withDeductions } from './fixtures';

/** Fixture: pagu Rp 5 000 000; productivity 85 % earns 2 550 000, the 40 % attendance part 2 000 000 (earned 4 550 000). */
const late: DeductionRule = { kind: 'late', bands: classicBands('TL'), noPunchCode: 'TL4', target: 'disiplin', of: 'base', article: 'Pasal 7 ayat (1)' };
const early: DeductionRule = { kind: 'early', bands: classicBands('PSW'), noPunchCode: null, target: 'disiplin', of: 'base', article: 'Pasal 7 ayat (2)' };
const tk = (rateBpPerDay: number, target = 'disiplin', of: 'base' | 'target' = 'base'): DeductionRule => ({ kind: 'tk', rateBpPerDay, target, of, article: 'Pasal 7 ayat (3)' });
const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}`;

describe('computeTpp — TL/PSW minute bands', () => {
  it('classifies minutes into bands (30 → TL1, 31 → TL2, 90 → TL3, 91 → TL4) and a missing check-in as TL4', () => {
    const input = makeInput(
      withAttendance({
        late: [
          { date: day(2), minutes: 10 },
          { date: day(3), minutes: 30 },
          { date: day(4), minutes: 31 },
          { date: day(5), minutes: 90 },
          { date: day(6), minutes: 91 },
          { date: day(9), minutes: null },
        ],
      }),
    );
    const result = computeTpp(makeRuleSet(withDeductions([late])), input);
    // TL1 2 × 0.5 % × 5 000 000 = 50 000; TL2 1 % = 50 000; TL3 1.5 % = 75 000; TL4 2 × 2 % = 200 000.
    expect(effectOf(result.lines, 'deduction:late:TL1')).toBe(-50_000);
    expect(effectOf(result.lines, 'deduction:late:TL2')).toBe(-50_000);
    expect(effectOf(result.lines, 'deduction:late:TL3')).toBe(-75_000);
    expect(effectOf(result.lines, 'deduction:late:TL4')).toBe(-200_000);
    expect(result.lines.find((line) => line.code === 'deduction:late:TL4')).toMatchObject({ quantity: 2, input: '2 kejadian (91 menit; 1× tidak absen masuk)', citation: 'Perbup Uji 1/2026 Pasal 7 ayat (1)' });
    expect(result.deductionTotal).toBe(375_000);
    expect(result.tpp).toBe(4_175_000);
    expect(findImbalances(result)).toEqual([]);
  });

  it('PSW: without a no-punch band, a missing check-out costs nothing here', () => {
    const input = makeInput(withAttendance({ early: [{ date: day(2), minutes: 45 }, { date: day(3), minutes: null }] }));
    const result = computeTpp(makeRuleSet(withDeductions([early])), input);
    expect(result.lines.filter((line) => line.section === 'deduction').map((line) => [line.code, line.effect])).toEqual([['deduction:early:PSW2', -50_000]]);
  });
});

describe('computeTpp — per-day and per-event cuts', () => {
  it('prices each event once, then multiplies (Rp 1 000 070: 0.5 % = 5 000.35 → 5 000 per event)', () => {
    const ruleSet = makeRuleSet({
      ...withDeductions([late]),
      classAmounts: [{ kelasJabatan: 5, components: { bebanKerja: 1_000_070, prestasiKerja: 0, kondisiKerja: 0, tempatBertugas: 0, kelangkaanProfesi: 0 } }],
    });
    const result = computeTpp(ruleSet, makeInput(withAttendance({ late: [1, 2, 3].map((n) => ({ date: day(n), minutes: 5 })) })));
    expect(result.lines.find((line) => line.code === 'deduction:late:TL1')).toMatchObject({ effect: -15_000, rule: '0,5 % × pagu Rp 1.000.070 = Rp 5.000 per kejadian' });
  });

  it('TK: 4 % of the pagu per day', () => {
    const result = computeTpp(makeRuleSet(withDeductions([tk(400)])), makeInput(withAttendance({ tkDays: 3 })));
    expect(effectOf(result.lines, 'deduction:tk')).toBe(-600_000);
    expect(result.tpp).toBe(3_950_000);
  });

  it('a percentage of the target part instead of the pagu', () => {
    // 10 % × attendance part 2 000 000 × 2 days = 400 000.
    const result = computeTpp(makeRuleSet(withDeductions([tk(1000, 'disiplin', 'target')])), makeInput(withAttendance({ tkDays: 2 })));
    expect(effectOf(result.lines, 'deduction:tk')).toBe(-400_000);
  });

  it('missed apel: per event', () => {
    const rule: DeductionRule = { kind: 'missed_apel', rateBpPerEvent: 25, target: 'disiplin', of: 'base', article: 'Pasal 8' };
    const result = computeTpp(makeRuleSet(withDeductions([rule])), makeInput(withAttendance({ apel: { required: 8, missed: 4 } })));
    // 4 × 0.25 % × 5 000 000 = 50 000.
    expect(effectOf(result.lines, 'deduction:missed_apel')).toBe(-50_000);
  });

  it('leave by length band: sick days 1–14 free, from day 15 one percent a day', () => {
    const rule: DeductionRule = {
      kind: 'leave',
      leaveType: 'cuti_sakit',
      bands: [
        { fromDay: 1, toDay: 14, rateBpPerDay: 0 },
        { fromDay: 15, toDay: null, rateBpPerDay: 100 },
      ],
      countFrom: 'month',
      target: 'disiplin',
      of: 'base',
      article: 'Pasal 11',
    };
    const result = computeTpp(makeRuleSet(withDeductions([rule])), makeInput({ workingDays: 21, ...withAttendance({ leave: [{ leaveType: 'cuti_sakit', days: 10 }, { leaveType: 'cuti_sakit', days: 7 }] }) }));
    // 17 days: 14 in the free band, 3 × 1 % × 5 000 000 = 150 000.
    expect(result.lines.find((line) => line.code === 'deduction:leave:cuti_sakit:1')).toMatchObject({ quantity: 14, effect: 0 });
    expect(result.lines.find((line) => line.code === 'deduction:leave:cuti_sakit:15')).toMatchObject({ quantity: 3, effect: -150_000 });
    expect(result.lines.some((line) => line.label.startsWith('Cuti sakit hari ke-15'))).toBe(true);
  });

  it('leave counted from its first day: a sick leave begun 12 working days before the month reaches day 15 on its 3rd day here', () => {
    const rule = (countFrom: 'month' | 'leave_start'): DeductionRule => ({
      kind: 'leave',
      leaveType: 'cuti_sakit',
      bands: [
        { fromDay: 1, toDay: 14, rateBpPerDay: 0 },
        { fromDay: 15, toDay: 20, rateBpPerDay: 100 },
        { fromDay: 21, toDay: null, rateBpPerDay: 200 },
      ],
      countFrom,
      target: 'disiplin',
      of: 'base',
      article: 'Pasal 11',
    });
    const input = makeInput({ workingDays: 21, ...withAttendance({ leave: [{ leaveType: 'cuti_sakit', days: 10, priorDays: 12 }] }) });
    // Days 13–22 of the leave: 13–14 free (2), 15–20 at 1 % (6 × 50 000 = 300 000), 21–22 at 2 % (2 × 100 000 = 200 000).
    const fromStart = computeTpp(makeRuleSet(withDeductions([rule('leave_start')])), input);
    expect(fromStart.lines.filter((line) => line.code.startsWith('deduction:leave:')).map((line) => [line.code, line.quantity, line.effect])).toEqual([
      ['deduction:leave:cuti_sakit:1', 2, 0],
      ['deduction:leave:cuti_sakit:15', 6, -300_000],
      ['deduction:leave:cuti_sakit:21', 2, -200_000],
    ]);
    expect(fromStart.lines.find((line) => line.code === 'deduction:leave:cuti_sakit:21')?.input).toBe(
      '10 hari cuti sakit bulan ini (hari ke-13–22: cuti sudah berjalan 12 hari kerja sebelum bulan ini), 2 hari dalam rentang ini',
    );
    expect(findImbalances(fromStart)).toEqual([]);
    // Counted within the month, the same ten days are all free.
    const withinMonth = computeTpp(makeRuleSet(withDeductions([rule('month')])), input);
    expect(withinMonth.lines.filter((line) => line.code.startsWith('deduction:leave:')).map((line) => [line.code, line.quantity, line.effect])).toEqual([['deduction:leave:cuti_sakit:1', 10, 0]]);
  });

  it('flat rupiah per missed punch (Tanjabbar: Rp 66 000)', () => {
    const rules: DeductionRule[] = [
      { kind: 'flat', event: 'no_check_in', amountPerEvent: 66_000, target: 'disiplin', article: 'Pasal 9' },
      { kind: 'flat', event: 'no_check_out', amountPerEvent: 66_000, target: 'disiplin', article: 'Pasal 9' },
    ];
    const input = makeInput(withAttendance({ late: [{ date: day(2), minutes: null }, { date: day(3), minutes: null }, { date: day(4), minutes: 20 }], early: [{ date: day(5), minutes: null }] }));
    const result = computeTpp(makeRuleSet(withDeductions(rules)), input);
    expect(effectOf(result.lines, 'deduction:flat:no_check_in')).toBe(-132_000);
    expect(effectOf(result.lines, 'deduction:flat:no_check_out')).toBe(-66_000);
  });
});

describe('computeTpp — caps and forfeit', () => {
  it('a part never loses more than it earned: the cap restores the excess as its own line', () => {
    const result = computeTpp(makeRuleSet(withDeductions([tk(400)])), makeInput(withAttendance({ tkDays: 12 })));
    // 12 × 4 % × 5 000 000 = 2 400 000 against a part of 2 000 000.
    expect(effectOf(result.lines, 'deduction:tk')).toBe(-2_400_000);
    expect(effectOf(result.lines, 'cap:part:disiplin')).toBe(400_000);
    expect(result.deductionTotal).toBe(2_000_000);
    expect(result.tpp).toBe(2_550_000);
    expect(findImbalances(result)).toEqual([]);
  });

  it('cuts of the whole never exceed what was earned', () => {
    const result = computeTpp(makeRuleSet(withDeductions([tk(1000, 'total')])), makeInput(withAttendance({ tkDays: 12 })));
    // 12 × 10 % × 5 000 000 = 6 000 000 against 4 550 000 earned.
    expect(effectOf(result.lines, 'cap:total')).toBe(1_450_000);
    expect(result.tpp).toBe(0);
  });

  it('all cuts together never exceed capBp of the pagu', () => {
    const result = computeTpp(makeRuleSet(withDeductions([tk(1000, 'total')], { capBp: 5000 })), makeInput(withAttendance({ tkDays: 6 })));
    // 6 × 10 % = 3 000 000, capped at 50 % × 5 000 000 = 2 500 000.
    expect(effectOf(result.lines, 'cap:overall')).toBe(500_000);
    expect(result.deductionTotal).toBe(2_500_000);
  });

  it('forfeits the whole month from N days of TK (Ngawi: 3), components paid in full included', () => {
    const ruleSet = makeRuleSet({
      ...withDeductions([tk(400)], { forfeit: { tkDaysFrom: 3, article: 'Pasal 9 ayat (2)' } }),
      earning: { ...makeRuleSet().earning, appliesTo: ['bebanKerja'] },
    });
    const forfeited = computeTpp(ruleSet, makeInput(withAttendance({ tkDays: 3 })));
    expect(forfeited.isForfeited).toBe(true);
    expect(forfeited.lines.filter((line) => line.section === 'deduction').map((line) => line.code)).toEqual(['forfeit']);
    expect(forfeited.tpp).toBe(0);
    expect(forfeited.deductionTotal).toBe(forfeited.earned);
    const kept = computeTpp(ruleSet, makeInput(withAttendance({ tkDays: 2 })));
    // Pagu 3 000 000: 60 % × 85 % = 1 530 000 + 40 % = 1 200 000 − 2 × 4 % = 240 000, + prestasi kerja 2 000 000.
    expect(kept).toMatchObject({ isForfeited: false, tpp: 4_490_000 });
  });
});
