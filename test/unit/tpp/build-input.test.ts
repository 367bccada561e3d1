import { describe, expect, it } from 'vitest';
import { buildTppInput, nextPeriod, previousPeriod, type TppSources } from '../../../src/domain/tpp/build-input';
import { tppInputSchema } from '../../../src/domain/tpp/tpp-input';

/** March 2026: weekdays 2–6, 9–13, 16–20, 23–27, 30–31 = 22 scheduled working days. */
const MARCH_WORK_DATES = ['02', '03', '04', '05', '06', '09', '10', '11', '12', '13', '16', '17', '18', '19', '20', '23', '24', '25', '26', '27', '30', '31'].map((day) => `2026-03-${day}`);

const PNS_PAY = { effectiveFrom: '2024-01-01', isCpns: false, baseSalary: 3_000_000, familyAllowance: 300_000, positionAllowance: 185_000, professionAllowance: 0, decreeNumber: null };

function makeSources(changes: Partial<TppSources> = {}): TppSources {
  return {
    period: '2026-03',
    employee: { jenisAsn: 'PNS', golongan: 'III/b' },
    payData: PNS_PAY,
    apel: null,
    position: { kelasJabatan: 7, code: 'JAB-7' },
    scheduledWorkDates: MARCH_WORK_DATES,
    days: [],
    approvedRequests: [],
    productivity: { countedMinutes: 5_040, targetMinutes: 6_300 },
    skpPredikat: 'baik',
    skpPeriodKey: '2026-03',
    skpAchievementBp: 9_250,
    lastSubmissionDate: null,
    compliance: [],
    disciplineDecisions: [],
    acting: [],
    ...changes,
  };
}

describe('buildTppInput', () => {
  it('maps stored days to late/early events, TK and leave; scheduled days not derived yet still count as working days', () => {
    const { input, notes } = buildTppInput(
      makeSources({
        days: [
          { date: '2026-03-02', status: 'hadir', lateMinutes: 0, earlyMinutes: 0 },
          { date: '2026-03-03', status: 'terlambat', lateMinutes: 45, earlyMinutes: 0 },
          { date: '2026-03-04', status: 'terlambat_psw', lateMinutes: 5, earlyMinutes: 95 },
          { date: '2026-03-05', status: 'tidak_absen_masuk', lateMinutes: 0, earlyMinutes: 20 },
          { date: '2026-03-06', status: 'tidak_absen_pulang', lateMinutes: 12, earlyMinutes: 0 },
          { date: '2026-03-09', status: 'tk', lateMinutes: 0, earlyMinutes: 0 },
          { date: '2026-03-10', status: 'cuti_sakit', lateMinutes: 0, earlyMinutes: 0 },
          { date: '2026-03-11', status: 'cuti_sakit', lateMinutes: 0, earlyMinutes: 0 },
          // A holiday declared after the schedule: the stored day wins, it is not a working day.
          { date: '2026-03-19', status: 'libur', lateMinutes: 0, earlyMinutes: 0 },
          { date: '2026-02-27', status: 'tk', lateMinutes: 0, earlyMinutes: 0 },
        ],
      }),
    );
    expect(input.workingDays).toBe(21);
    expect(input.attendance.late).toEqual([
      { date: '2026-03-03', minutes: 45 },
      { date: '2026-03-04', minutes: 5 },
      { date: '2026-03-05', minutes: null },
      { date: '2026-03-06', minutes: 12 },
    ]);
    expect(input.attendance.early).toEqual([
      { date: '2026-03-04', minutes: 95 },
      { date: '2026-03-05', minutes: 20 },
      { date: '2026-03-06', minutes: null },
    ]);
    expect(input.attendance.tkDays).toBe(1);
    expect(input.attendance.leave).toEqual([{ leaveType: 'cuti_sakit', days: 2 }]);
    expect(notes.map((note) => note.code)).toEqual(['pay_data']);
    expect(tppInputSchema.safeParse(input).success).toBe(true);
  });

  it('counts an approved request on days attendance has not derived yet', () => {
    const { input } = buildTppInput(makeSources({ approvedRequests: [{ kind: 'cuti_tahunan', startDate: '2026-03-27', endDate: '2026-04-02' }, { kind: 'koreksi_presensi', startDate: '2026-03-02', endDate: '2026-03-02' }] }));
    expect(input.attendance.leave).toEqual([{ leaveType: 'cuti_tahunan', days: 3 }]);
    expect(input.workingDays).toBe(22);
  });

  it('carries the working days of a leave begun before the month onto its type, and only onto it', () => {
    const days = [
      { date: '2026-03-02', status: 'cuti_sakit', lateMinutes: 0, earlyMinutes: 0 },
      { date: '2026-03-03', status: 'cuti_sakit', lateMinutes: 0, earlyMinutes: 0 },
      { date: '2026-03-04', status: 'cuti_tahunan', lateMinutes: 0, earlyMinutes: 0 },
    ];
    const { input } = buildTppInput(makeSources({ days, leaveRunningIn: { leaveType: 'cuti_sakit', days: 9 } }));
    expect(input.attendance.leave).toEqual([
      { leaveType: 'cuti_sakit', days: 2, priorDays: 9 },
      { leaveType: 'cuti_tahunan', days: 1 },
    ]);
    expect(tppInputSchema.safeParse(input).success).toBe(true);
    expect(buildTppInput(makeSources({ days, leaveRunningIn: null })).input.attendance.leave).toEqual([
      { leaveType: 'cuti_sakit', days: 2 },
      { leaveType: 'cuti_tahunan', days: 1 },
    ]);
  });

  it('counts Plt/Plh days as the working days inside the assignment', () => {
    const { input } = buildTppInput(
      makeSources({
        acting: [
          { kind: 'plt', kelasJabatan: 11, positionCode: 'KABID', startDate: '2026-03-16', endDate: null },
          { kind: 'plh', kelasJabatan: 9, positionCode: null, startDate: '2026-02-01', endDate: '2026-03-03' },
          { kind: 'plh', kelasJabatan: 9, positionCode: null, startDate: '2026-03-07', endDate: '2026-03-08' },
        ],
      }),
    );
    expect(input.acting).toEqual([
      { kind: 'plt', kelasJabatan: 11, positionCode: 'KABID', days: 12 },
      { kind: 'plh', kelasJabatan: 9, positionCode: null, days: 2 },
    ]);
  });

  it('takes the report-submission day from the last activity submission', () => {
    const day = (lastSubmissionDate: string | null) => buildTppInput(makeSources({ lastSubmissionDate })).input.reportSubmissionDay;
    expect(day(null)).toBeNull();
    expect(day('2026-03-31')).toBe(1);
    expect(day('2026-04-07')).toBe(7);
    expect(day('2026-05-02')).toBe(31);
  });

  it('takes the productivity percentage from the minutes, rounded down and capped, and keeps the minutes', () => {
    const measured = (countedMinutes: number, targetMinutes: number) => buildTppInput(makeSources({ productivity: { countedMinutes, targetMinutes } })).input;
    expect(measured(5_040, 6_300)).toMatchObject({ productivityBp: 8_000, productivityMinutes: { counted: 5_040, target: 6_300 } });
    // 5,332 ÷ 6,300 = 84.6349… % → 84.63 %, never shown above what was earned.
    expect(measured(5_332, 6_300).productivityBp).toBe(8_463);
    // Minutes on days off count too; the percentage stops at 100 %.
    expect(measured(6_600, 6_300)).toMatchObject({ productivityBp: 10_000, productivityMinutes: { counted: 6_600, target: 6_300 } });
    expect(tppInputSchema.safeParse(measured(5_332, 6_300)).success).toBe(true);
  });

  it('refuses an input whose minutes do not give its productivity', () => {
    const input = buildTppInput(makeSources()).input;
    const refused = tppInputSchema.safeParse({ ...input, productivityBp: 9_000 });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['productivityMinutes', 'Produktivitas tidak sesuai dengan menit yang dihitung dan targetnya']]);
    expect(tppInputSchema.safeParse({ ...input, productivityMinutes: { counted: 10, target: 0 } }).success).toBe(false);
  });

  it('notes what is missing or assumed', () => {
    const missing = buildTppInput(makeSources({ skpPredikat: null, skpPeriodKey: null, skpAchievementBp: null, productivity: null }));
    expect(missing.input.productivityBp).toBe(0);
    expect(missing.input.productivityMinutes).toBeUndefined();
    expect(missing.input.skp).toEqual({ predikat: null, achievementBp: null });
    expect(missing.notes.map((note) => note.code)).toEqual(['productivity_unmeasured', 'skp_missing', 'skp_achievement_missing', 'pay_data']);
    // The capaian SKP measured for the month goes into the input as it is.
    expect(buildTppInput(makeSources()).input.skp).toEqual({ predikat: 'baik', achievementBp: 9_250 });
    const noTarget = buildTppInput(makeSources({ productivity: { countedMinutes: 120, targetMinutes: 0 } }));
    expect(noTarget.input.productivityBp).toBe(10_000);
    expect(noTarget.input.productivityMinutes).toBeUndefined();
    expect(noTarget.notes.map((note) => note.code)).toEqual(['productivity_no_target', 'pay_data']);
  });

  it('an estimate of a month not rated yet takes the assumed predikat and says so; the month’s own rating wins', () => {
    const assumed = { predikat: 'sangat_baik' as const, periodKey: '2026-03' };
    const estimate = buildTppInput(makeSources({ skpPredikat: null, skpPeriodKey: null, assumedSkp: assumed }));
    expect(estimate.input.skp.predikat).toBe('sangat_baik');
    expect(estimate.notes.map((note) => note.code)).toEqual(['skp_assumed', 'pay_data']);
    expect(estimate.notes[0]?.message).toBe('Perkiraan: SKP bulan ini belum dinilai; dipakai predikat final terakhir, Sangat Baik (periode 2026-03)');
    const rated = buildTppInput(makeSources({ skpPredikat: 'butuh_perbaikan', skpPeriodKey: '2026-04', assumedSkp: assumed }));
    expect(rated.input.skp.predikat).toBe('butuh_perbaikan');
    expect(rated.notes.map((note) => note.code)).toEqual(['pay_data']);
  });

  it('takes the CPNS status and the income the BPJS cap counts from the month’s pay data', () => {
    const cpns = buildTppInput(makeSources({ payData: { ...PNS_PAY, effectiveFrom: '2025-12-01', isCpns: true, decreeNumber: '800/12/2025' } }));
    expect(cpns.input.employee.isCpns).toBe(true);
    // 3,000,000 + 300,000 + 185,000 + 0
    expect(cpns.input.otherIncomeForBpjs).toBe(3_485_000);
    expect(cpns.notes.find((note) => note.code === 'pay_data')?.message).toBe(
      'Data gaji TMT 1 Desember 2025, SK 800/12/2025: CPNS; penghasilan untuk batas BPJS gaji pokok Rp 3.000.000 + tunjangan keluarga Rp 300.000 + tunjangan jabatan/umum Rp 185.000 = Rp 3.485.000',
    );
    expect(tppInputSchema.safeParse(cpns.input).success).toBe(true);

    const pns = buildTppInput(makeSources());
    expect(pns.input.employee.isCpns).toBe(false);
    expect(pns.input.otherIncomeForBpjs).toBe(3_485_000);
  });

  it('never makes a PPPK a CPNS, even when the row says so', () => {
    const { input, notes } = buildTppInput(makeSources({ employee: { jenisAsn: 'PPPK', golongan: 'IX' }, payData: { ...PNS_PAY, isCpns: true } }));
    expect(input.employee.isCpns).toBe(false);
    expect(tppInputSchema.safeParse(input).success).toBe(true);
    expect(notes.find((note) => note.code === 'pay_data')?.message).toContain(': PPPK;');
  });

  it('without pay data: not a CPNS, the BPJS cap on TPP alone, and a note saying so', () => {
    const { input, notes } = buildTppInput(makeSources({ payData: null }));
    expect(input.employee.isCpns).toBe(false);
    expect(input.otherIncomeForBpjs).toBe(0);
    expect(notes.map((note) => note.code)).toEqual(['pay_data_missing']);
  });

  it('passes the month’s ceremonies on, with the missed dates in a note', () => {
    const none = buildTppInput(makeSources());
    expect(none.input.attendance.apel).toEqual({ required: 0, missed: 0 });
    expect(none.notes.some((note) => note.code === 'apel_missed')).toBe(false);

    const some = buildTppInput(makeSources({ apel: { required: 5, missed: 2, missedDates: ['2026-03-16', '2026-03-02'] } }));
    expect(some.input.attendance.apel).toEqual({ required: 5, missed: 2 });
    expect(some.notes.find((note) => note.code === 'apel_missed')?.message).toBe('Apel tidak diikuti pada 2 dan 16 Maret 2026');
    expect(tppInputSchema.safeParse(some.input).success).toBe(true);

    // Out-of-range counts are brought within the schema: missed never above required, both at most 62.
    const clamped = buildTppInput(makeSources({ apel: { required: 70, missed: 80, missedDates: [] } }));
    expect(clamped.input.attendance.apel).toEqual({ required: 62, missed: 62 });
  });

  it('gives the same input whatever order the records come in', () => {
    const days = [
      { date: '2026-03-03', status: 'terlambat', lateMinutes: 45, earlyMinutes: 0 },
      { date: '2026-03-05', status: 'psw', lateMinutes: 0, earlyMinutes: 31 },
      { date: '2026-03-09', status: 'cuti_tahunan', lateMinutes: 0, earlyMinutes: 0 },
      { date: '2026-03-10', status: 'izin', lateMinutes: 0, earlyMinutes: 0 },
    ];
    const compliance = [{ code: 'lhkpn', isMet: true }, { code: 'bmd', isMet: false }];
    const decisions = [{ decisionNumber: 'B/2', penaltyCode: 'x', startPeriod: '2026-02' }, { decisionNumber: 'A/1', penaltyCode: 'y', startPeriod: '2026-02' }];
    const forward = buildTppInput(makeSources({ days, compliance, disciplineDecisions: decisions, scheduledWorkDates: MARCH_WORK_DATES }));
    const backward = buildTppInput(makeSources({ days: [...days].reverse(), compliance: [...compliance].reverse(), disciplineDecisions: [...decisions].reverse(), scheduledWorkDates: [...MARCH_WORK_DATES].reverse() }));
    expect(backward).toEqual(forward);
  });

  it('steps periods across the year boundary', () => {
    expect(nextPeriod('2026-12')).toBe('2027-01');
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(previousPeriod('2026-10')).toBe('2026-09');
  });
});
