import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tppResults, tppRuns } from '../../src/server/db/schema';
import { claimNextTppRun, executeTppRun } from '../../src/server/modules/tpp/runs/execute-tpp-run';
import { findEmployeesForPeriod } from '../../src/server/modules/tpp/runs/tpp-sources.repository';
import { createOpdFixture, type OpdFixture } from '../helpers/factories';
import type { TestApp } from '../helpers/test-app';
import { createTppTestApp, storeDay } from './tpp-test-setup';

const NOW = '2026-05-12T03:00:00Z';

/**
 * A run writes its batches as it computes them (on PostgreSQL, in the transaction it holds from the
 * start): one that fails after some batches are written must leave nothing of itself behind and the
 * month's previous results current. The failure is the database's own: a trigger refuses the row of
 * the employee computed last, in the run's last batch of two employees.
 */
describe('TPP run: a failure after batches were written, and two runs of one month at once', () => {
  let t: TestApp;
  let opd: OpdFixture;

  const claim = async (unitId: string | null) => {
    await t.handle.db.insert(tppRuns).values({ period: '2026-04', unitId, status: 'queued', requestedAt: t.clock.now(), requestedByLabel: 'uji' });
    const runId = await claimNextTppRun(t.handle.db, t.clock);
    if (!runId) throw new Error('no run claimed');
    return runId;
  };
  const runMonth = async () => {
    const runId = await claim(null);
    return { runId, execution: executeTppRun(t.handle.db, t.clock, runId, { batchSize: 2 }) };
  };
  const currentResults = () =>
    t.handle.db
      .select({ employeeId: tppResults.employeeId, runId: tppResults.runId, tpp: tppResults.tpp })
      .from(tppResults)
      .where(and(eq(tppResults.period, '2026-04'), eq(tppResults.isCurrent, true)));

  beforeAll(async () => {
    t = await createTppTestApp(NOW);
    opd = await createOpdFixture(t.handle.db, t.clock);
    await createOpdFixture(t.handle.db, t.clock);
  });
  afterAll(async () => t.close());

  it('rolls every written batch back, leaves the previous results current, and the next run replaces them', async () => {
    const people = await findEmployeesForPeriod(t.handle.db, '2026-04', null);
    expect(people.length).toBeGreaterThan(4);
    const first = people[0];
    const last = people[people.length - 1];
    if (!first || !last) throw new Error('no employees');

    const done = await runMonth();
    await done.execution;
    const before = await currentResults();
    expect(before).toHaveLength(people.length);
    expect(new Set(before.map((row) => row.runId))).toEqual(new Set([done.runId]));
    const firstBefore = before.find((row) => row.employeeId === first.id)?.tpp;

    // A TK day for the first employee: the failed run computes (and writes, in its first batch) a lower TPP.
    await storeDay(t.handle.db, { employeeId: first.id, unitId: null, date: '2026-04-07', status: 'tk' });
    await t.handle.db.execute(
      sql.raw(`create function uji_tolak_hasil() returns trigger language plpgsql as $$
        begin
          if new.employee_id = '${last.id}' then raise exception 'uji: baris ditolak'; end if;
          return new;
        end $$`),
    );
    await t.handle.db.execute(sql`create trigger uji_tolak_hasil before insert on tpp_results for each row execute function uji_tolak_hasil()`);
    try {
      const failed = await runMonth();
      await expect(failed.execution).rejects.toThrow('uji: baris ditolak');
      const [run] = await t.handle.db.select().from(tppRuns).where(eq(tppRuns.id, failed.runId));
      expect(run?.status).toBe('failed');
      expect(run?.error).toContain('galat sistem');
      expect(await t.handle.db.select().from(tppResults).where(eq(tppResults.runId, failed.runId))).toHaveLength(0);
      expect(await currentResults()).toEqual(before);
    } finally {
      await t.handle.db.execute(sql`drop trigger uji_tolak_hasil on tpp_results`);
      await t.handle.db.execute(sql`drop function uji_tolak_hasil()`);
    }

    const again = await runMonth();
    await again.execution;
    const after = await currentResults();
    expect(after).toHaveLength(people.length);
    expect(new Set(after.map((row) => row.runId))).toEqual(new Set([again.runId]));
    expect(after.find((row) => row.employeeId === first.id)?.tpp).toBeLessThan(firstBefore ?? 0);
    const [run] = await t.handle.db.select().from(tppRuns).where(eq(tppRuns.id, again.runId));
    expect(run).toMatchObject({ status: 'done', progressDone: people.length, progressTotal: people.length });
  });

  it('runs a region run and an OPD run of the same month side by side: one after the other under the period lock, one current result each', async () => {
    const people = await findEmployeesForPeriod(t.handle.db, '2026-04', null);
    const region = await claim(null);
    const unit = await claim(opd.unit.id);
    await Promise.all([executeTppRun(t.handle.db, t.clock, region, { batchSize: 1 }), executeTppRun(t.handle.db, t.clock, unit, { batchSize: 1 })]);
    const runs = await t.handle.db.select({ id: tppRuns.id, status: tppRuns.status }).from(tppRuns).where(sql`${tppRuns.id} in (${region}, ${unit})`);
    expect(runs.map((run) => run.status)).toEqual(['done', 'done']);
    const current = await currentResults();
    expect(current).toHaveLength(people.length);
    expect(new Set(current.map((row) => row.employeeId)).size).toBe(people.length);
    // Whichever committed last holds the OPD's current rows; the other OPD's come from the region run.
    const opdIds = new Set([opd.head.id, opd.bidangHead.id, opd.staff.id]);
    expect(current.filter((row) => !opdIds.has(row.employeeId)).every((row) => row.runId === region)).toBe(true);
    const opdRuns = new Set(current.filter((row) => opdIds.has(row.employeeId)).map((row) => row.runId));
    expect(opdRuns.size).toBe(1);
    expect([region, unit]).toContain([...opdRuns][0]);
  });
});
