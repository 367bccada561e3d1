import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TppExplanationView } from '../../src/contracts/tpp';
import { CLASSIC_60_40_RULE_SET } from '../../src/domain/tpp/examples';
import type { TppRuleSet } from '../../src/domain/tpp/rule-set';
import { drainTppRuns } from '../../src/server/modules/tpp/runs/tpp-jobs';
import { MONDAY_APEL, storePunchFixture } from '../helpers/apel-fixtures';
import { createOpdFixture, type OpdFixture } from '../helpers/factories';
import type { Session, TestApp } from '../helpers/test-app';
import { createTppTestApp, loginNew, storeDay, sumSections } from './tpp-test-setup';

// Tuesday 12 May 2026, 10:00 WIB: April is over and still open.
const NOW = '2026-05-12T03:00:00Z';

/** The classic example with a cut for each missed apel (0.5 % of the pagu), from April 2026. */
const RULE_SET_WITH_APEL: TppRuleSet = {
  ...CLASSIC_60_40_RULE_SET,
  name: 'TPP klasik 60/40 dengan potongan apel',
  effectiveFrom: '2026-04-01',
  deductions: {
    ...CLASSIC_60_40_RULE_SET.deductions,
    rules: [...CLASSIC_60_40_RULE_SET.deductions.rules, { kind: 'missed_apel', rateBpPerEvent: 50, target: 'disiplin', of: 'base', article: 'Pasal 10 ayat (4) [V]' }],
  },
};

/**
 * April 2026 by hand. Mondays with the region's 07:00–07:45 apel: 6, 13, 20, 27 April.
 *
 * Staff (class 7, pagu Rp 3,350,000, golongan III/a), CPNS since TMT 1 December 2025; income for the
 * BPJS cap 2,785,700 + 185,000 = 2,970,700. No approved activities: productivity 0 %.
 *   6 Apr punch 07:20 → attended; 13 Apr punch 07:50 (20 min late) → missed; 20 Apr cuti tahunan → excused;
 *   27 Apr punch 07:10 but the admin recorded "tidak hadir" → missed. Required 3, missed 2.
 *   produktivitas 60 % × 3,350,000 × 0 %        =         0
 *   disiplin      40 % × 3,350,000               = 1,340,000 → earned 1,340,000
 *   TL1 (13 Apr) 0.5 % × 3,350,000               =    16,750
 *   missed apel 2 × 0.5 % × 3,350,000 = 2 × 16,750 =  33,500 → after cuts 1,289,750
 *   CPNS 80 %: cut 20 % × 1,289,750              =   257,950 → TPP 1,031,800
 *   BPJS: room 12,000,000 − 2,970,700 = 9,029,300 ≥ TPP; 4 % × 1,031,800 = 41,272; 1 % = 10,318
 *   PPh 21 borne, golongan III 5 % × 1,031,800   =    51,590
 *   gross 1,031,800 + 41,272 + 51,590 = 1,124,662; net 1,031,800 − 10,318 = 1,021,482
 *
 * Head (class 14, pagu Rp 10,000,000, golongan IV/b), PNS; income 4,800,000 + 576,000 + 3,250,000 = 8,626,000.
 *   earned 40 % × 10,000,000 = 4,000,000 = TPP (no stored days: no ceremony known, nothing cut)
 *   BPJS: room 12,000,000 − 8,626,000 = 3,374,000 < TPP → base 3,374,000; 4 % = 134,960; 1 % = 33,740
 *   PPh 21 borne, golongan IV 15 % × 4,000,000 = 600,000
 *   gross 4,000,000 + 134,960 + 600,000 = 4,734,960; net 4,000,000 − 33,740 = 3,966,260
 */
const STAFF_EXPECTED = { earned: 1_340_000, deductionTotal: 50_250, adjustmentTotal: -257_950, tpp: 1_031_800, bpjs: { base: 1_031_800, employer: 41_272, employee: 10_318 }, gross: 1_124_662, net: 1_021_482 };
const HEAD_EXPECTED = { earned: 4_000_000, deductionTotal: 0, adjustmentTotal: 0, tpp: 4_000_000, bpjs: { base: 3_374_000, employer: 134_960, employee: 33_740 }, gross: 4_734_960, net: 3_966_260 };

describe('TPP run with pay data (CPNS, BPJS cap with salary) and ceremonies (apel)', () => {
  let t: TestApp;
  let opd: OpdFixture;
  let admin: Session;
  let adminOpd: Session;

  const explain = async (employeeId: string) => {
    const response = await admin.inject({ method: 'GET', url: `/api/tpp/employees/${employeeId}?period=2026-04` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<TppExplanationView>();
  };
  const lineOf = (explanation: TppExplanationView, code: string) => explanation.result.lines.find((line) => line.code === code);

  beforeAll(async () => {
    t = await createTppTestApp(NOW);
    opd = await createOpdFixture(t.handle.db, t.clock);
    admin = await loginNew(t, { username: 'bkpsdm-gaji-apel', roles: [{ role: 'admin_bkpsdm' }] });
    adminOpd = await loginNew(t, { username: 'opd-gaji-apel', roles: [{ role: 'admin_opd', unitId: opd.unit.id }] });

    const ruleSet = await admin.inject({ method: 'POST', url: '/api/tpp/rule-sets', payload: { ruleSet: RULE_SET_WITH_APEL } });
    expect(ruleSet.statusCode, ruleSet.body).toBe(201);
    const apel = await admin.inject({ method: 'POST', url: '/api/attendance/apel-schedules', payload: MONDAY_APEL });
    expect(apel.statusCode, apel.body).toBe(201);
    const scheduleId = apel.json<{ id: string }>().id;

    const pay = (body: object) => adminOpd.inject({ method: 'POST', url: '/api/tpp/pay-data', payload: body });
    const staffPay = await pay({ employeeId: opd.staff.id, effectiveFrom: '2025-12-01', isCpns: true, baseSalary: 2_785_700, familyAllowance: 0, positionAllowance: 185_000, professionAllowance: 0, decreeNumber: '800/77/BKPSDM/2025', note: null });
    expect(staffPay.statusCode, staffPay.body).toBe(201);
    // The PNS appointment from June would not reach April.
    expect((await pay({ employeeId: opd.staff.id, effectiveFrom: '2026-06-01', isCpns: false, baseSalary: 2_785_700, familyAllowance: 0, positionAllowance: 185_000, professionAllowance: 0, decreeNumber: null, note: null })).statusCode).toBe(201);
    expect((await pay({ employeeId: opd.head.id, effectiveFrom: '2024-01-01', isCpns: false, baseSalary: 4_800_000, familyAllowance: 576_000, positionAllowance: 3_250_000, professionAllowance: 0, decreeNumber: null, note: null })).statusCode).toBe(201);

    const day = (date: string, status: string, lateMinutes = 0) => storeDay(t.handle.db, { employeeId: opd.staff.id, unitId: opd.staff.unitId, date, status, lateMinutes });
    const punch = (date: string, time: string) => storePunchFixture(t.handle.db, { employeeId: opd.staff.id, date, time });
    await day('2026-04-06', 'hadir');
    await punch('2026-04-06', '07:20');
    await day('2026-04-13', 'terlambat', 20);
    await punch('2026-04-13', '07:50');
    await day('2026-04-20', 'cuti_tahunan');
    await day('2026-04-27', 'hadir');
    await punch('2026-04-27', '07:10');
    const record = await adminOpd.inject({
      method: 'PUT',
      url: '/api/attendance/apel-attendance',
      payload: { scheduleId, date: '2026-04-27', entries: [{ employeeId: opd.staff.id, status: 'tidak_hadir', note: 'Absen lalu meninggalkan lokasi apel' }] },
    });
    expect(record.statusCode, record.body).toBe(200);

    expect((await admin.inject({ method: 'POST', url: '/api/tpp/runs', payload: { period: '2026-04', unitId: opd.unit.id } })).statusCode).toBe(201);
    expect(await drainTppRuns(t.handle.db, t.clock)).toBe(1);
  }, 60_000);
  afterAll(async () => t.close());

  it('cuts the CPNS share, prices the missed ceremonies and counts the salary against the BPJS cap, as computed by hand', async () => {
    const staff = await explain(opd.staff.id);
    expect(staff.result).toMatchObject(STAFF_EXPECTED);
    expect(lineOf(staff, 'deduction:missed_apel')).toMatchObject({ input: '2 apel tidak diikuti', quantity: 2, effect: -33_500, citation: 'Perbup TPP (contoh) Pasal 10 ayat (4) [V]' });
    expect(lineOf(staff, 'deduction:late:TL1')?.effect).toBe(-16_750);
    expect(lineOf(staff, 'cpns')).toMatchObject({ input: 'Berstatus CPNS', effect: -257_950, citation: 'Perbup TPP (contoh) Pasal 15 [V]' });
    expect(lineOf(staff, 'bpjs:employee')?.effect).toBe(-10_318);
    expect(lineOf(staff, 'bpjs:employer_allowance')?.input).toContain('penghasilan lain Rp 2.970.700');
    expect(staff.notes).toEqual(
      expect.arrayContaining([
        'Data gaji TMT 1 Desember 2025, SK 800/77/BKPSDM/2025: CPNS; penghasilan untuk batas BPJS gaji pokok Rp 2.785.700 + tunjangan jabatan/umum Rp 185.000 = Rp 2.970.700',
        'Apel tidak diikuti pada 13 dan 27 April 2026',
      ]),
    );
    const { lines } = staff.result;
    expect(sumSections(lines, 'earning', 'deduction', 'adjustment')).toBe(staff.result.tpp);
    expect(sumSections(lines, 'earning', 'deduction', 'adjustment', 'allowance', 'withholding', 'rounding')).toBe(staff.result.net);
  });

  it('caps the BPJS base at what the salary leaves of the income cap', async () => {
    const head = await explain(opd.head.id);
    expect(head.result).toMatchObject(HEAD_EXPECTED);
    expect(lineOf(head, 'cpns')).toBeUndefined();
    expect(lineOf(head, 'deduction:missed_apel')).toBeUndefined();
    expect(lineOf(head, 'bpjs:employer_allowance')).toMatchObject({
      input: 'TPP Rp 4.000.000, sisa batas penghasilan Rp 3.374.000 (batas Rp 12.000.000 − penghasilan lain Rp 8.626.000)',
      rule: '4 % × Rp 3.374.000',
      effect: 134_960,
    });
  });

  it('says when an employee has no pay data yet: the cap falls on TPP alone', async () => {
    const bidangHead = await explain(opd.bidangHead.id);
    expect(lineOf(bidangHead, 'bpjs:employer_allowance')?.input).toContain('penghasilan lain Rp 0');
    expect(bidangHead.notes).toContain('Data gaji belum tercatat: status dianggap bukan CPNS dan batas penghasilan BPJS diterapkan pada TPP saja');
  });
});
