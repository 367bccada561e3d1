import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TppExplanationView, TppRunView } from '../../src/contracts/tpp';
import { auditLog, tppResults, tppRuns } from '../../src/server/db/schema';
import { claimNextTppRun } from '../../src/server/modules/tpp/runs/execute-tpp-run';
import { freezeTppResults } from '../../src/server/modules/tpp/runs/freeze-tpp-results';
import { computeTppNow, drainTppRuns } from '../../src/server/modules/tpp/runs/tpp-jobs';
import { systemContext } from '../../src/server/platform/actor';
import { closePeriodFixture, createApprovedLeaveFixture, createCatalogueFixture, createEntryFixture } from '../helpers/activity-fixtures';
import { createOpdFixture, type OpdFixture } from '../helpers/factories';
import type { Session, TestApp } from '../helpers/test-app';
import { createTppTestApp, loginNew, storeDay, sumSections } from './tpp-test-setup';

// Tuesday 12 May 2026, 10:00 WIB: April is over (and still open), May is live.
const NOW = '2026-05-12T03:00:00Z';

/**
 * The staff member's April 2026 under the seeded classic 60/40 rule set, by hand.
 * Class 7: pagu Rp 3,350,000 (beban kerja 2,010,000 + prestasi 1,340,000, both earned through the parts).
 * April: 21 working days (22 weekdays − Good Friday 3 April); cuti tahunan 13–14 April; TK 7 April.
 * Productivity: target (21 − 2 leave) × 300 = 5,700 minutes; approved 9 × 300 + 150 = 2,850 → 50 %.
 *   produktivitas 60 % × 3,350,000 × 50 %                         = 1,005,000
 *   disiplin      40 % × 3,350,000                                  = 1,340,000  → earned 2,345,000
 *   TL2 (45 min, 2 April) 1 % × 3,350,000                           =    33,500
 *   TL1 (10 min, 6 April) 0.5 %                                     =    16,750
 *   PSW4 (no check-out, 6 April) 2 %                                =    67,000
 *   TK (7 April) 4 %                                                =   134,000  → cuts 251,250
 *   TPP 2,345,000 − 251,250                                         = 2,093,750
 *   BPJS employer 4 % = 83,750 (paid as allowance, paid over); employee 1 % = 20,937.5 → 20,938
 *   PPh 21 borne by the region, golongan III: 5 % = 104,687.5 → 104,688
 *   gross 2,093,750 + 83,750 + 104,688 = 2,282,188; net 2,093,750 − 20,938 = 2,072,812
 */
const EXPECTED = { earned: 2_345_000, deductionTotal: 251_250, tpp: 2_093_750, gross: 2_282_188, net: 2_072_812 };

describe('TPP monthly run', () => {
  let t: TestApp;
  let opd: OpdFixture;
  let other: OpdFixture;
  let admin: Session;
  let adminOpd: Session;
  let otherAdminOpd: Session;
  let staff: Session;
  let superior: Session;
  let otherStaff: Session;
  let pimpinan: Session;

  const startRun = (session: Session, period: string, unitId: string | null = null) => session.inject({ method: 'POST', url: '/api/tpp/runs', payload: { period, unitId } });
  const explain = (session: Session, employeeId: string, period = '2026-04') => session.inject({ method: 'GET', url: `/api/tpp/employees/${employeeId}?period=${period}` });

  beforeAll(async () => {
    t = await createTppTestApp(NOW);
    opd = await createOpdFixture(t.handle.db, t.clock);
    other = await createOpdFixture(t.handle.db, t.clock);
    admin = await loginNew(t, { username: 'admin-bkpsdm-tpp', roles: [{ role: 'admin_bkpsdm' }] });
    adminOpd = await loginNew(t, { username: 'admin-opd-tpp', roles: [{ role: 'admin_opd', unitId: opd.unit.id }] });
    otherAdminOpd = await loginNew(t, { username: 'admin-opd-lain-tpp', roles: [{ role: 'admin_opd', unitId: other.unit.id }] });
    pimpinan = await loginNew(t, { username: 'pimpinan-tpp', roles: [{ role: 'pimpinan' }] });
    staff = await loginNew(t, { employeeId: opd.staff.id });
    superior = await loginNew(t, { employeeId: opd.bidangHead.id });
    otherStaff = await loginNew(t, { employeeId: other.staff.id });

    const catalogue = await createCatalogueFixture(t.handle.db, { standardMinutes: 30 });
    const workDays = ['2026-04-01', '2026-04-02', '2026-04-06', '2026-04-08', '2026-04-09', '2026-04-10', '2026-04-15', '2026-04-16', '2026-04-17'];
    for (const workDate of workDays) {
      await createEntryFixture(t.handle.db, { employee: opd.staff, catalogue, workDate, startTime: '08:00', endTime: '13:00', status: 'approved', volume: 10 });
    }
    await createEntryFixture(t.handle.db, { employee: opd.staff, catalogue, workDate: '2026-04-20', startTime: '08:00', endTime: '10:30', status: 'approved', volume: 5 });

    const day = (date: string, status: string, minutes: { lateMinutes?: number; earlyMinutes?: number } = {}) =>
      storeDay(t.handle.db, { employeeId: opd.staff.id, unitId: opd.staff.unitId, date, status, ...minutes });
    await day('2026-04-01', 'hadir');
    await day('2026-04-02', 'terlambat', { lateMinutes: 45 });
    await day('2026-04-03', 'libur');
    await day('2026-04-04', 'libur');
    await day('2026-04-06', 'tidak_absen_pulang', { lateMinutes: 10 });
    await day('2026-04-07', 'tk');
    await day('2026-04-13', 'cuti_tahunan');
    await day('2026-04-14', 'cuti_tahunan');
    await createApprovedLeaveFixture(t.handle.db, { employeeId: opd.staff.id, startDate: '2026-04-13', endDate: '2026-04-14' });
  });
  afterAll(async () => t.close());

  it('queues a region run, the worker computes it with progress, and the explanation matches the hand computation', async () => {
    const queued = await startRun(admin, '2026-04');
    expect(queued.statusCode, queued.body).toBe(201);
    const run = queued.json<TppRunView>();
    expect(run).toMatchObject({ period: '2026-04', unitId: null, status: 'queued', progressDone: 0 });

    expect(await drainTppRuns(t.handle.db, t.clock)).toBe(1);
    const finished = (await admin.inject({ method: 'GET', url: `/api/tpp/runs/${run.id}` })).json<TppRunView>();
    expect(finished.status).toBe('done');
    expect(finished.progressTotal).toBeGreaterThanOrEqual(6);
    expect(finished.progressDone).toBe(finished.progressTotal);
    expect(finished.issues).toEqual([]);

    const response = await staff.inject({ method: 'GET', url: '/api/tpp/me?period=2026-04' });
    expect(response.statusCode, response.body).toBe(200);
    const explanation = response.json<TppExplanationView>();
    expect(explanation).toMatchObject({ isEstimate: false, isFrozen: false, employee: { id: opd.staff.id, kelasJabatan: 7 } });
    // Eight stored days and the schedule's working days not derived yet: 21 working days in all.
    expect(explanation.inputs).toMatchObject({ workingDays: 21, tkDays: 1, lateEvents: 2, earlyEvents: 1 });
    expect(explanation.result).toMatchObject(EXPECTED);
    const effect = (code: string) => explanation.result.lines.find((line) => line.code === code)?.effect;
    expect(effect('part:produktivitas')).toBe(1_005_000);
    expect(effect('part:disiplin')).toBe(1_340_000);
    expect(effect('deduction:late:TL2')).toBe(-33_500);
    expect(effect('deduction:late:TL1')).toBe(-16_750);
    expect(effect('deduction:early:PSW4')).toBe(-67_000);
    expect(effect('deduction:tk')).toBe(-134_000);
    expect(explanation.result.lines.find((line) => line.code === 'deduction:tk')?.citation).toBe('Perbup TPP (contoh) Pasal 10 ayat (3) [V]');
    // The explanation contract: every total is the sum of its lines.
    const { lines } = explanation.result;
    expect(sumSections(lines, 'earning')).toBe(explanation.result.earned);
    expect(sumSections(lines, 'earning', 'deduction', 'adjustment')).toBe(explanation.result.tpp);
    expect(sumSections(lines, 'earning', 'deduction', 'adjustment', 'allowance')).toBe(explanation.result.gross);
    expect(sumSections(lines, 'earning', 'deduction', 'adjustment', 'allowance', 'withholding', 'rounding')).toBe(explanation.result.net);
    expect(explanation.netPayable).toBe(EXPECTED.net);

    const [stored] = await t.handle.db.select().from(tppResults).where(and(eq(tppResults.employeeId, opd.staff.id), eq(tppResults.isCurrent, true)));
    expect(stored).toMatchObject({ runId: run.id, kelasJabatan: 7, positionId: opd.staffPosition.id, opdUnitId: opd.unit.id, net: EXPECTED.net, gross: EXPECTED.gross });
    const audits = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'tpp_run'), eq(auditLog.entityId, run.id)));
    expect(audits.map((row) => row.action).sort()).toEqual(['compute', 'request']);
  });

  it('recomputes freely while the month is open: the new result becomes current, the old one stays as history', async () => {
    await storeDay(t.handle.db, { employeeId: opd.staff.id, unitId: opd.staff.unitId, date: '2026-04-08', status: 'tk' });
    const queued = await startRun(adminOpd, '2026-04', opd.unit.id);
    expect(queued.statusCode, queued.body).toBe(201);
    // A second request while the first waits joins it.
    const again = await startRun(admin, '2026-04', opd.unit.id);
    expect(again.statusCode).toBe(200);
    expect(again.json<TppRunView>().id).toBe(queued.json<TppRunView>().id);
    await drainTppRuns(t.handle.db, t.clock);

    const explanation = (await explain(staff, opd.staff.id)).json<TppExplanationView>();
    // One more TK day: another 134,000 cut; TPP 1,959,750; employee BPJS 1 % = 19,597.5 → 19,598.
    expect(explanation.result.tpp).toBe(EXPECTED.tpp - 134_000);
    expect(explanation.result.net).toBe(EXPECTED.tpp - 134_000 - 19_598);
    const rows = await t.handle.db.select({ isCurrent: tppResults.isCurrent }).from(tppResults).where(and(eq(tppResults.employeeId, opd.staff.id), eq(tppResults.period, '2026-04')));
    expect(rows.filter((row) => row.isCurrent)).toHaveLength(1);
    expect(rows).toHaveLength(2);
    // The OPD run left the other OPD's results alone.
    const otherRows = await t.handle.db.select().from(tppResults).where(eq(tppResults.employeeId, other.staff.id));
    expect(otherRows).toHaveLength(1);
  });

  it('lists results in scope with month-on-month changes, biggest first', async () => {
    await startRun(admin, '2026-03');
    await drainTppRuns(t.handle.db, t.clock);
    const region = await pimpinan.inject({ method: 'GET', url: '/api/tpp/results?period=2026-04' });
    expect(region.statusCode, region.body).toBe(200);
    const list = region.json<{ total: number; items: { employeeId: string; net: number; previousNet: number | null; change: number | null }[] }>();
    const staffRow = list.items.find((item) => item.employeeId === opd.staff.id);
    expect(staffRow?.previousNet).not.toBeNull();
    expect(staffRow?.change).toBe((staffRow?.net ?? 0) - (staffRow?.previousNet ?? 0));
    const changes = list.items.map((item) => Math.abs(item.change ?? 0));
    expect(changes).toEqual([...changes].sort((a, b) => b - a));
    // By net (highest first) and by name, equal amounts and names in NIP order: the same order on every load.
    type Row = { net: number; name: string; nip: string };
    const listed = async (sort: string) => (await pimpinan.inject({ method: 'GET', url: `/api/tpp/results?period=2026-04&sort=${sort}` })).json<{ items: Row[] }>().items;
    const byNet = await listed('net');
    expect(byNet.map((row) => row.nip)).toEqual([...byNet].sort((a, b) => b.net - a.net || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.nip < b.nip ? -1 : 1)).map((row) => row.nip));
    const byName = await listed('name');
    expect(byName.map((row) => row.nip)).toEqual([...byName].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.nip < b.nip ? -1 : 1)).map((row) => row.nip));
    expect(new Set(byNet.map((row) => row.nip))).toEqual(new Set(byName.map((row) => row.nip)));

    const own = (await adminOpd.inject({ method: 'GET', url: '/api/tpp/results?period=2026-04' })).json<{ items: { employeeId: string }[] }>();
    expect(own.items.map((item) => item.employeeId).sort()).toEqual([opd.head.id, opd.bidangHead.id, opd.staff.id].sort());
    expect((await adminOpd.inject({ method: 'GET', url: `/api/tpp/results?period=2026-04&unitId=${other.unit.id}` })).statusCode).toBe(404);
    expect((await staff.inject({ method: 'GET', url: '/api/tpp/results?period=2026-04' })).statusCode).toBe(403);
  });

  it('says what moved the month since last month, line by line, only to those who may read it', async () => {
    type Change = { period: string; previousPeriod: string; comparison: { previousNet: number; net: number; isPreviousFrozen: boolean; difference: { net: number }; lineChanges: { code: string; before: number; after: number; change: number }[] } | null };
    const response = await staff.inject({ method: 'GET', url: '/api/tpp/me/month-change?period=2026-04' });
    expect(response.statusCode, response.body).toBe(200);
    const change = response.json<Change>();
    const [march, april] = await Promise.all(['2026-03', '2026-04'].map(async (period) => (await explain(admin, opd.staff.id, period)).json<{ result: { net: number; lines: { code: string; effect: number }[] } }>()));
    expect(change).toMatchObject({ period: '2026-04', previousPeriod: '2026-03', comparison: { previousNet: march?.result.net, net: april?.result.net, isPreviousFrozen: false } });
    const comparison = change.comparison;
    if (!comparison || !march || !april) throw new Error('no comparison');
    expect(comparison.difference.net).toBe(april.result.net - march.result.net);
    // The changed lines add up to the change of the net; each is April's effect less March's for the same code.
    expect(comparison.lineChanges.reduce((sum, line) => sum + line.change, 0)).toBe(comparison.difference.net);
    const effect = (lines: { code: string; effect: number }[], code: string) => lines.filter((line) => line.code === code).reduce((sum, line) => sum + line.effect, 0);
    for (const line of comparison.lineChanges) {
      expect([line.before, line.after, line.change]).toEqual([effect(march.result.lines, line.code), effect(april.result.lines, line.code), line.after - line.before]);
    }
    // April's TK day (7 April) is among the changes.
    expect(comparison.lineChanges.map((line) => line.code)).toContain('deduction:tk');
    // The same for those who may read the employee's TPP; nothing for others; no comparison without last month's result.
    expect((await superior.inject({ method: 'GET', url: `/api/tpp/employees/${opd.staff.id}/month-change?period=2026-04` })).json<Change>()).toEqual(change);
    expect((await otherAdminOpd.inject({ method: 'GET', url: `/api/tpp/employees/${opd.staff.id}/month-change?period=2026-04` })).statusCode).toBe(404);
    expect((await staff.inject({ method: 'GET', url: '/api/tpp/me/month-change?period=2026-03' })).json<Change>()).toEqual({ period: '2026-03', previousPeriod: '2026-02', comparison: null });
  });

  it('finds one employee among the results by NIP or name, wildcards taken literally', async () => {
    type List = { total: number; items: { employeeId: string; name: string }[] };
    const search = async (q: string) => {
      const response = await pimpinan.inject({ method: 'GET', url: `/api/tpp/results?period=2026-04&q=${encodeURIComponent(q)}` });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<List>();
    };
    const byNip = await search(opd.staff.nip);
    expect(byNip.total).toBe(1);
    expect(byNip.items.map((item) => item.employeeId)).toEqual([opd.staff.id]);
    const byName = await search(opd.staff.name.toUpperCase());
    expect(byName.items.map((item) => item.employeeId)).toContain(opd.staff.id);
    expect(byName.items.every((item) => item.name.toLowerCase().includes(opd.staff.name.toLowerCase()))).toBe(true);
    expect((await search('%')).total).toBe(0);
    // An admin OPD searches only inside their units.
    const outside = await adminOpd.inject({ method: 'GET', url: `/api/tpp/results?period=2026-04&q=${other.staff.nip}` });
    expect(outside.json<List>().total).toBe(0);
  });

  it('shows an employee their TPP, and others only by role and scope', async () => {
    expect((await explain(superior, opd.staff.id)).statusCode).toBe(200);
    expect((await explain(adminOpd, opd.staff.id)).statusCode).toBe(200);
    expect((await explain(pimpinan, opd.staff.id)).statusCode).toBe(200);
    expect((await explain(admin, opd.staff.id)).statusCode).toBe(200);
    expect((await explain(otherAdminOpd, opd.staff.id)).statusCode).toBe(404);
    expect((await explain(otherStaff, opd.staff.id)).statusCode).toBe(404);
    expect((await explain(staff, opd.bidangHead.id)).statusCode).toBe(404);
    const history = (await staff.inject({ method: 'GET', url: '/api/tpp/me/history' })).json<{ items: { period: string }[] }>();
    expect(history.items.map((item) => item.period)).toEqual(['2026-04', '2026-03']);
  });

  it('estimates the live month without storing it', async () => {
    const response = await staff.inject({ method: 'GET', url: '/api/tpp/me?period=2026-05' });
    expect(response.statusCode, response.body).toBe(200);
    const explanation = response.json<TppExplanationView>();
    expect(explanation).toMatchObject({ isEstimate: true, resultId: null });
    expect(sumSections(explanation.result.lines, 'earning', 'deduction', 'adjustment', 'allowance', 'withholding', 'rounding')).toBe(explanation.result.net);
    const stored = await t.handle.db.select().from(tppResults).where(and(eq(tppResults.employeeId, opd.staff.id), eq(tppResults.period, '2026-05')));
    expect(stored).toHaveLength(0);
  });

  it('simulates changed inputs for the employee, and for admins in scope', async () => {
    const response = await staff.inject({ method: 'POST', url: '/api/tpp/simulate', payload: { period: '2026-04', changes: { attendance: { tkDays: 0 } } } });
    expect(response.statusCode, response.body).toBe(200);
    const simulation = response.json<{ before: { net: number; tpp: number }; after: { tpp: number; net: number }; difference: { tpp: number; net: number }; lineChanges: { code: string; change: number }[] }>();
    // Two TK days fewer: 2 × 134,000 back.
    expect(simulation.difference.tpp).toBe(268_000);
    expect(simulation.after.tpp - simulation.before.tpp).toBe(268_000);
    expect(simulation.lineChanges.reduce((sum, line) => sum + line.change, 0)).toBe(simulation.difference.net);
    expect(simulation.lineChanges.find((line) => line.code === 'deduction:tk')?.change).toBe(268_000);

    const invalid = await staff.inject({ method: 'POST', url: '/api/tpp/simulate', payload: { period: '2026-04', changes: { attendance: { tkDays: 25 } } } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json<{ error: { message: string } }>().error.message).toContain('tidak sah');
    expect((await adminOpd.inject({ method: 'POST', url: '/api/tpp/simulate', payload: { period: '2026-04', employeeId: opd.staff.id, changes: { productivityBp: 10_000 } } })).statusCode).toBe(200);
    expect((await otherAdminOpd.inject({ method: 'POST', url: '/api/tpp/simulate', payload: { period: '2026-04', employeeId: opd.staff.id, changes: {} } })).statusCode).toBe(404);
    expect((await superior.inject({ method: 'POST', url: '/api/tpp/simulate', payload: { period: '2026-04', employeeId: opd.staff.id, changes: {} } })).statusCode).toBe(404);
  });

  it('refuses runs outside the caller’s scope, for months not begun and months without a rule set', async () => {
    expect((await startRun(staff, '2026-04')).statusCode).toBe(403);
    expect((await startRun(pimpinan, '2026-04')).statusCode).toBe(403);
    expect((await startRun(adminOpd, '2026-04')).statusCode).toBe(403);
    expect((await startRun(adminOpd, '2026-04', other.unit.id)).statusCode).toBe(403);
    const future = await startRun(admin, '2026-06');
    expect(future.statusCode).toBe(400);
    const noRules = await startRun(admin, '2019-12');
    expect(noRules.statusCode).toBe(409);
    expect(noRules.json<{ error: { message: string } }>().error.message).toContain('Belum ada aturan TPP yang berlaku untuk bulan 2019-12');
    expect((await pimpinan.inject({ method: 'GET', url: '/api/tpp/runs?period=2026-04' })).statusCode).toBe(200);
    const ownRuns = (await adminOpd.inject({ method: 'GET', url: '/api/tpp/runs' })).json<{ items: TppRunView[] }>();
    // Their OPD's runs and the region's (which computed their OPD too), never another OPD's.
    expect(ownRuns.items.every((item) => item.unitId === opd.unit.id || item.unitId === null)).toBe(true);
    expect(ownRuns.items.some((item) => item.unitId === opd.unit.id)).toBe(true);
    expect(ownRuns.items.some((item) => item.unitId === null)).toBe(true);
  });

  it('claims each queued run once, even with two workers', async () => {
    const queued = (await startRun(admin, '2026-02')).json<TppRunView>();
    const [first, second] = await Promise.all([claimNextTppRun(t.handle.db, t.clock), claimNextTppRun(t.handle.db, t.clock)]);
    expect([first, second].filter((id) => id === queued.id)).toHaveLength(1);
    expect([first, second].filter((id) => id !== null)).toHaveLength(1);
    await t.handle.db.update(tppRuns).set({ status: 'queued', startedAt: null, heartbeatAt: null }).where(eq(tppRuns.id, queued.id));
    await drainTppRuns(t.handle.db, t.clock);
  });

  it('explains an open month from the stored input; a result whose totals the engine no longer reproduces asks for a recompute, and the month cannot close on it', async () => {
    const currentOf = async (employeeId: string) =>
      (await t.handle.db.select().from(tppResults).where(and(eq(tppResults.employeeId, employeeId), eq(tppResults.period, '2026-04'), eq(tppResults.isCurrent, true))))[0];
    const open = await currentOf(opd.staff.id);
    // ADR 0013: a run stores the input and the totals; the lines are computed when read.
    expect(open?.result).toBeNull();
    const explanation = (await explain(staff, opd.staff.id)).json<TppExplanationView>();
    expect(explanation.result.net).toBe(open?.net);
    expect(explanation.result.lines.length).toBeGreaterThan(3);

    // As if the engine had changed since the run: the stored total is no longer what the input gives.
    await t.handle.db.update(tppResults).set({ net: (open?.net ?? 0) + 1 }).where(eq(tppResults.id, open?.id ?? ''));
    const stale = await explain(staff, opd.staff.id);
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ error: { message: string } }>().error.message).toContain('hitung ulang bulan ini');
    await expect(t.handle.db.transaction((tx) => freezeTppResults(tx, systemContext('uji', t.clock, 'Asia/Jakarta'), '2026-04'))).rejects.toThrow('hitung ulang bulan ini');
    expect((await currentOf(opd.staff.id))?.frozenAt).toBeNull();
    await t.handle.db.update(tppResults).set({ net: open?.net ?? 0 }).where(eq(tppResults.id, open?.id ?? ''));
  });

  it('freezes the month when it is closed: results stay, recomputing is refused with a clear error', async () => {
    const before = (await explain(staff, opd.staff.id)).json<TppExplanationView>();
    const frozen = await t.handle.db.transaction((tx) => freezeTppResults(tx, systemContext('uji', t.clock, 'Asia/Jakarta'), '2026-04'));
    expect(frozen.resultCount).toBeGreaterThanOrEqual(6);
    await closePeriodFixture(t.handle.db, '2026-04', t.clock.now());
    const refused = await startRun(admin, '2026-04');
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: { message: string } }>().error.message).toContain('Bulan 2026-04 sudah ditutup');
    const explanation = (await explain(staff, opd.staff.id)).json<TppExplanationView>();
    expect(explanation.isFrozen).toBe(true);
    const [stored] = await t.handle.db.select().from(tppResults).where(and(eq(tppResults.employeeId, opd.staff.id), eq(tppResults.period, '2026-04'), eq(tppResults.isCurrent, true)));
    expect(stored?.frozenAt).not.toBeNull();
    // What was paid is stored as it was explained, no longer computed when read.
    expect(stored?.result).toEqual(before.result);
    expect(explanation.result).toEqual(before.result);
    await expect(computeTppNow(t.handle.db, systemContext('cli', t.clock, 'Asia/Jakarta'), { period: '2026-04', unitId: null })).rejects.toThrow('sudah ditutup');
  });

  it('a run queued before the month was closed fails at the end and leaves the frozen results current', async () => {
    await t.handle.db.insert(tppRuns).values({ period: '2026-04', unitId: null, status: 'queued', requestedAt: t.clock.now(), requestedByLabel: 'uji' });
    await drainTppRuns(t.handle.db, t.clock);
    const [failed] = await t.handle.db.select().from(tppRuns).where(and(eq(tppRuns.period, '2026-04'), eq(tppRuns.status, 'failed')));
    expect(failed?.error).toContain('sudah ditutup');
    const current = await t.handle.db.select().from(tppResults).where(and(eq(tppResults.period, '2026-04'), eq(tppResults.isCurrent, true)));
    expect(current.every((row) => row.frozenAt !== null)).toBe(true);
    expect(await t.handle.db.select().from(tppResults).where(eq(tppResults.runId, failed?.id ?? ''))).toHaveLength(0);
  });

  it('takes a month whose every day is stored from the stored days alone (schedule and requests only fill days not derived yet)', async () => {
    // March 2026 for the other OPD's staff member: every day derived, weekdays present (holidays too, as
    // if worked), weekends off; an approved leave request over a day derived as present counts for nothing.
    for (let day = 1; day <= 31; day += 1) {
      const date = `2026-03-${String(day).padStart(2, '0')}`;
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      await storeDay(t.handle.db, { employeeId: other.staff.id, unitId: other.staff.unitId, date, status: weekday === 0 || weekday === 6 ? 'libur' : 'hadir' });
    }
    await createApprovedLeaveFixture(t.handle.db, { employeeId: other.staff.id, startDate: '2026-03-10', endDate: '2026-03-11' });
    const run = await computeTppNow(t.handle.db, systemContext('cli', t.clock, 'Asia/Jakarta'), { period: '2026-03', unitId: other.unit.id });
    expect(run.status).toBe('done');
    const explanation = (await otherStaff.inject({ method: 'GET', url: '/api/tpp/me?period=2026-03' })).json<TppExplanationView>();
    expect(explanation.isEstimate).toBe(false);
    // 22 weekdays in March 2026, the national holidays among them included because they were derived as worked.
    expect(explanation.inputs).toMatchObject({ workingDays: 22, tkDays: 0, lateEvents: 0, earlyEvents: 0 });
    const [stored] = await t.handle.db.select().from(tppResults).where(and(eq(tppResults.employeeId, other.staff.id), eq(tppResults.period, '2026-03'), eq(tppResults.isCurrent, true)));
    expect((stored?.input as { attendance: { leave: unknown[] } } | undefined)?.attendance.leave).toEqual([]);
  });

  it('computes synchronously for the CLI', async () => {
    const run = await computeTppNow(t.handle.db, systemContext('cli', t.clock, 'Asia/Jakarta'), { period: '2026-05', unitId: other.unit.id });
    expect(run).toMatchObject({ status: 'done', progressTotal: 3, progressDone: 3 });
  });
});
