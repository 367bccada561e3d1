import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client';
import { dailyAttendance, employees, tppDisciplineDecisions, tppResults } from '../../src/server/db/schema';
import { computeTppNow } from '../../src/server/modules/tpp/runs/tpp-jobs';
import { systemContext } from '../../src/server/platform/actor';
import { createOpdFixture, type OpdFixture } from '../helpers/factories';
import type { TestApp } from '../helpers/test-app';
import { createTppTestApp, loginNew } from './tpp-test-setup';

// Tuesday 12 May 2026, 10:00 WIB: April is over and still open.
const NOW = '2026-05-12T03:00:00Z';
const PERIOD = '2026-04';

describe('TPP run: no stale result stays payable', () => {
  let t: TestApp;
  let opd: OpdFixture;
  let other: OpdFixture;
  const run = (unitId: string | null) => computeTppNow(t.handle.db, systemContext('uji', t.clock, 'Asia/Jakarta'), { period: PERIOD, unitId });
  /** employee id → id of the run whose result is current */
  const currentRuns = async () =>
    new Map(
      (await queryRows<{ employeeId: string; runId: string }>(t.handle.db, sql`select employee_id as "employeeId", run_id as "runId" from tpp_results where period = ${PERIOD} and is_current`)).map(
        (row) => [row.employeeId, row.runId],
      ),
    );

  beforeAll(async () => {
    t = await createTppTestApp(NOW);
    opd = await createOpdFixture(t.handle.db, t.clock);
    other = await createOpdFixture(t.handle.db, t.clock);
  });
  afterAll(async () => t.close());

  it('a region run sets aside the results of those it no longer covers or can no longer compute, and lists them', async () => {
    const first = await run(null);
    expect(first).toMatchObject({ status: 'done', issues: [] });
    expect([...(await currentRuns()).values()].every((runId) => runId === first.id)).toBe(true);
    expect((await currentRuns()).size).toBe(6);

    // The staff member leaves the service; the other OPD's staff member gets a decision the rule set does not know.
    await t.handle.db.update(employees).set({ isActive: false }).where(eq(employees.id, opd.staff.id));
    await t.handle.db.insert(tppDisciplineDecisions).values({ employeeId: other.staff.id, decisionNumber: '800/1/2026', decisionDate: '2026-03-20', penaltyCode: 'tidak_dikenal', startPeriod: PERIOD });

    const second = await run(null);
    expect(second.status).toBe('done');
    expect(second.issues.map((issue) => [issue.employeeId, issue.message]).sort()).toEqual(
      [
        [opd.staff.id, 'Tidak lagi termasuk perhitungan ini (tidak aktif, tanpa jabatan definitif, atau pindah unit); hasil sebelumnya tidak berlaku lagi'],
        [other.staff.id, 'Hukuman disiplin tidak_dikenal (SK 800/1/2026) tidak diatur dalam aturan TPP ini'],
      ].sort(),
    );
    const current = await currentRuns();
    expect(current.size).toBe(4);
    expect(current.has(opd.staff.id) || current.has(other.staff.id)).toBe(false);
    expect([...current.values()].every((runId) => runId === second.id)).toBe(true);
    // Set aside as history, not deleted.
    const kept = await t.handle.db.select({ runId: tppResults.runId, isCurrent: tppResults.isCurrent }).from(tppResults).where(and(eq(tppResults.employeeId, opd.staff.id), eq(tppResults.period, PERIOD)));
    expect(kept).toEqual([{ runId: first.id, isCurrent: false }]);
  });

  it('shows an admin OPD the region run that computed their units, listing only their own people it could not compute', async () => {
    type Run = { id: string; unitId: string | null; progressTotal: number; issues: { employeeId: string }[] };
    const adminA = await loginNew(t, { username: 'admin-opd-a-cakupan', roles: [{ role: 'admin_opd', unitId: opd.unit.id }] });
    const adminB = await loginNew(t, { username: 'admin-opd-b-cakupan', roles: [{ role: 'admin_opd', unitId: other.unit.id }] });
    const bkpsdm = await loginNew(t, { username: 'admin-bkpsdm-runs', roles: [{ role: 'admin_bkpsdm' }] });
    const listed = async (session: typeof adminA) => (await session.inject({ method: 'GET', url: `/api/tpp/runs?period=${PERIOD}` })).json<{ items: Run[] }>().items;
    const [latestForBkpsdm] = await listed(bkpsdm);
    expect(latestForBkpsdm?.unitId).toBeNull();
    expect(latestForBkpsdm?.issues.map((issue) => issue.employeeId).sort()).toEqual([opd.staff.id, other.staff.id].sort());
    const [latestForA] = await listed(adminA);
    expect(latestForA).toMatchObject({ id: latestForBkpsdm?.id, unitId: null, progressTotal: latestForBkpsdm?.progressTotal });
    expect(latestForA?.issues.map((issue) => issue.employeeId)).toEqual([opd.staff.id]);
    const single = await adminB.inject({ method: 'GET', url: `/api/tpp/runs/${latestForBkpsdm?.id ?? ''}` });
    expect(single.statusCode, single.body).toBe(200);
    expect(single.json<Run>().issues.map((issue) => issue.employeeId)).toEqual([other.staff.id]);
  });

  it('an OPD run sets aside the results of someone who moved out of it, and leaves other OPDs alone', async () => {
    const before = await currentRuns();
    await t.handle.db.update(employees).set({ unitId: other.bidang.id }).where(eq(employees.id, opd.bidangHead.id));
    const opdRun = await run(opd.unit.id);
    expect(opdRun.status).toBe('done');
    expect(opdRun.issues.map((issue) => issue.employeeId)).toEqual([opd.bidangHead.id]);
    const after = await currentRuns();
    expect(after.has(opd.bidangHead.id)).toBe(false);
    expect(after.get(opd.head.id)).toBe(opdRun.id);
    expect(after.get(other.head.id)).toBe(before.get(other.head.id));
    expect(after.get(other.bidangHead.id)).toBe(before.get(other.bidangHead.id));
    // The other OPD's run takes the newcomer in.
    const otherRun = await run(other.unit.id);
    expect((await currentRuns()).get(opd.bidangHead.id)).toBe(otherRun.id);
  });
  it('the closing preview says where the month’s TPP stands: who has no result, and whether anything changed since', async () => {
    const admin = await loginNew(t, { username: 'admin-bkpsdm-cakupan', roles: [{ role: 'admin_bkpsdm' }] });
    const preview = async () => (await admin.inject({ method: 'GET', url: `/api/periods/closures/preview?period=${PERIOD}` })).json<{ tpp: unknown }>().tpp;
    // Five active employees with a definitive position; the one with the unknown penalty has no result.
    expect(await preview()).toEqual({ results: 4, coveredEmployees: 5, computedAt: NOW.replace('Z', '.000Z'), hasChangedSince: false });
    await t.handle.db
      .insert(dailyAttendance)
      .values({ employeeId: opd.head.id, unitId: opd.head.unitId, date: '2026-04-30', status: 'hadir', isFinal: true, computedAt: new Date('2026-05-12T04:00:00Z') });
    expect(await preview()).toMatchObject({ hasChangedSince: true });
  });
});
