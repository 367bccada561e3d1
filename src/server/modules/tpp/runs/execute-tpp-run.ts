import { and, eq, sql } from 'drizzle-orm';
import type { TppRunIssue } from '../../../../contracts/tpp';
import { isSingleConnection, queryRows, type Database, type Executor } from '../../../db/client';
import { tppRuns } from '../../../db/schema';
import { systemContext } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Clock } from '../../../platform/clock';
import { AppError } from '../../../platform/errors';
import { isPeriodClosed } from '../../activities/shared/period-lock';
import type { TppRuleSet } from '../../../../domain/tpp/rule-set';
import { findTppRuleSetForPeriod } from '../rule-sets/tpp-rule-sets.service';
import { computeEmployeesTpp } from './compute-employee-tpp';
import { encodeTppResultsCopy } from './encode-tpp-results-copy';
import { deletePendingResults, lockTppPeriod, replaceCurrentResults, retireUncoveredResults, type EncodedResults } from './tpp-runs.repository';
import { closedPeriodError, missingRuleSetError, TPP_RUN_ENTITY } from './tpp-runs.service';
import { findAllUnits, findEmployeesForPeriod, findSubtreeIds, type UnitNode } from './tpp-sources.repository';
import { findRegionZone } from '../../../platform/region-zone';

/**
 * Employees per batch: one set of queries and one COPY each; progress moves per batch. Large
 * enough that a region of 15,000 is a few dozen round trips per source, small enough that a batch's
 * rows and results stay a few megabytes.
 */
export const TPP_BATCH_SIZE = 1_000;
/** A running job whose heartbeat is older than this is taken over by another worker (its process died). */
export const TPP_STALE_AFTER_MS = 2 * 60_000;

/**
 * Takes the oldest waiting job (or one whose worker stopped beating) and marks it running.
 * `for update skip locked`: with several app processes on one PostgreSQL each job runs exactly once.
 */
export async function claimNextTppRun(db: Database, clock: Clock): Promise<string | null> {
  const now = clock.now();
  const staleBefore = new Date(now.getTime() - TPP_STALE_AFTER_MS);
  const [claimed] = await queryRows<{ id: string }>(
    db,
    sql`update tpp_runs set status = 'running', started_at = ${now}, heartbeat_at = ${now}, progress_done = 0
        where id = (
          select id from tpp_runs
          where status = 'queued' or (status = 'running' and (heartbeat_at is null or heartbeat_at < ${staleBefore}))
          order by requested_at
          limit 1
          for update skip locked
        )
        returning id`,
  );
  return claimed?.id ?? null;
}

async function failRun(db: Database, clock: Clock, runId: string, message: string): Promise<void> {
  await db.transaction(async (tx) => {
    await deletePendingResults(tx, runId);
    await tx.update(tppRuns).set({ status: 'failed', error: message, finishedAt: clock.now(), heartbeatAt: clock.now() }).where(eq(tppRuns.id, runId));
  });
}

/** The run's issue for someone whose earlier result of the month it set aside without computing a new one. */
const NO_LONGER_COVERED = 'Tidak lagi termasuk perhitungan ini (tidak aktif, tanpa jabatan definitif, atau pindah unit); hasil sebelumnya tidak berlaku lagi';

/** Thrown inside the run's transaction when another worker has taken the job over: roll back, quietly. */
class TakenOver extends Error {}

/** What the batches of a run gave: who was computed, and who could not be. */
interface ComputedRun {
  issues: TppRunIssue[];
  computedIds: string[];
}

/**
 * Computes every batch of a run in order, handing each batch's encoded rows to `store` as soon as
 * it is computed. While this process computes one batch, the database reads the next (the pool has
 * connections to spare). Progress is reported per batch; a job another worker has taken over (this
 * one stalled) ends in TakenOver.
 */
async function computeBatches(
  db: Database,
  clock: Clock,
  run: { id: string; period: string; regionZone: string },
  found: { id: string; ruleSet: TppRuleSet },
  people: readonly { id: string }[],
  unitsById: ReadonlyMap<string, UnitNode>,
  batchSize: number,
  store: (employeeIds: string[], batch: EncodedResults) => void,
): Promise<ComputedRun> {
  const issues: TppRunIssue[] = [];
  const computedIds: string[] = [];
  const computeBatch = (start: number) => {
    const batch = people.slice(start, start + batchSize).map((person) => person.id);
    const computing = computeEmployeesTpp(db, run.period, found.ruleSet, batch, unitsById, { regionZone: run.regionZone });
    // Its failure is handled where it is awaited; until then it must not count as unhandled.
    computing.catch(() => undefined);
    return computing;
  };
  let reporting: Promise<boolean> = Promise.resolve(true);
  let upcoming = people.length > 0 ? computeBatch(0) : null;
  try {
    for (let start = 0; start < people.length && upcoming; start += batchSize) {
      const current = upcoming;
      upcoming = start + batchSize < people.length ? computeBatch(start + batchSize) : null;
      const { computed, issues: batchIssues } = await current;
      issues.push(...batchIssues);
      const ids = computed.map((item) => item.snapshot.employeeId);
      computedIds.push(...ids);
      store(ids, {
        payload: encodeTppResultsCopy({ runId: run.id, ruleSetId: found.id, period: run.period, computedAt: clock.now(), isCurrent: true }, computed),
        rows: computed.length,
      });
      if (!(await reporting)) throw new TakenOver();
      const done = Math.min(start + batchSize, people.length);
      reporting = db
        .update(tppRuns)
        .set({ progressDone: done, heartbeatAt: clock.now() })
        .where(and(eq(tppRuns.id, run.id), eq(tppRuns.status, 'running')))
        .returning({ id: tppRuns.id })
        .then(([still]) => still !== undefined);
      // Its failure is handled where it is awaited; until then it must not count as unhandled.
      reporting.catch(() => undefined);
    }
    if (!(await reporting)) throw new TakenOver();
    return { issues, computedIds };
  } catch (error) {
    // Never leave a statement running unobserved when the run is being abandoned.
    await reporting.catch(() => undefined);
    await upcoming?.catch(() => undefined);
    throw error;
  }
}

/**
 * Computes a claimed (running) job: every employee in scope in batches. Its results become current
 * in one transaction that holds the period lock shared with closing, re-checks the month is still
 * open and sets the month's previous results of these employees aside as history; any failure rolls
 * it back, and the month's previous results stay current. (Runs of an earlier version wrote results
 * as history first: a taken-over or failed job removes those.)
 *
 * On PostgreSQL that transaction is opened first and each batch is written in it as soon as it is
 * computed, so the database stores one batch while this process computes the next (ADR 0013, third
 * amendment); closing the month waits for the run. PGlite is one connection, which its transaction
 * holds: there the batches are kept encoded (~1.2 KB per employee) and written by a short last
 * transaction, so that other requests are not held up for the whole run.
 */
export async function executeTppRun(db: Database, clock: Clock, runId: string, options: { batchSize?: number } = {}): Promise<void> {
  const batchSize = options.batchSize ?? TPP_BATCH_SIZE;
  const [run] = await db.select().from(tppRuns).where(eq(tppRuns.id, runId));
  if (!run || run.status !== 'running') return;
  const ctx = systemContext(`tpp-run:${run.requestedByLabel ?? 'sistem'}`, clock, await findRegionZone(db));
  try {
    // A taken-over job starts again from nothing.
    await deletePendingResults(db, runId);
    if (await isPeriodClosed(db, run.period)) throw closedPeriodError(run.period);
    const found = await findTppRuleSetForPeriod(db, run.period);
    if (!found) throw missingRuleSetError(run.period);
    const unitsById = await findAllUnits(db);
    const scope = run.unitId ? [...findSubtreeIds(unitsById, run.unitId)] : null;
    const people = await findEmployeesForPeriod(db, run.period, scope);
    await db.update(tppRuns).set({ ruleSetId: found.id, progressTotal: people.length, progressDone: 0, heartbeatAt: clock.now() }).where(eq(tppRuns.id, runId));

    // The month still open, under the lock closing takes; the run marked done with its audit row.
    const openMonth = async (tx: Executor) => {
      await lockTppPeriod(tx, run.period);
      if (await isPeriodClosed(tx, run.period)) throw closedPeriodError(run.period);
    };
    const finish = async (tx: Executor, computed: ComputedRun, promoted: number) => {
      const retired = await retireUncoveredResults(tx, run, { unitIds: scope, employeeIds: people.map((person) => person.id) });
      const listed = new Set(computed.issues.map((issue) => issue.employeeId));
      const issues = [
        ...computed.issues,
        ...retired
          .filter((result) => !listed.has(result.employeeId))
          .map((result) => ({ ...result, message: NO_LONGER_COVERED })),
      ];
      await tx.update(tppRuns).set({ status: 'done', issues, finishedAt: clock.now(), heartbeatAt: clock.now() }).where(eq(tppRuns.id, runId));
      await recordAudit(tx, ctx, {
        action: 'compute',
        entityType: TPP_RUN_ENTITY,
        entityId: runId,
        after: { period: run.period, unitId: run.unitId, ruleSetId: found.id, results: promoted, issues: issues.length, retired: retired.length },
        scopeUnitId: run.unitId,
      });
    };

    if (isSingleConnection(db)) {
      const batches: EncodedResults[] = [];
      const computed = await computeBatches(db, clock, { ...run, regionZone: ctx.regionZone }, found, people, unitsById, batchSize, (_ids, batch) => batches.push(batch));
      await db.transaction(async (tx) => {
        await openMonth(tx);
        await finish(tx, computed, await replaceCurrentResults(tx, run.period, computed.computedIds, batches));
      });
      return;
    }
    await db.transaction(async (tx) => {
      await openMonth(tx);
      // Writes go one after another on the transaction's connection, each started once computed.
      let writing: Promise<number> = Promise.resolve(0);
      // A failed write ends the run at the next batch instead of computing the rest for nothing.
      let failedWrite: { error: unknown } | null = null;
      const store = (ids: string[], batch: EncodedResults) => {
        if (failedWrite) throw failedWrite.error;
        writing = writing.then(async (written) => written + (await replaceCurrentResults(tx, run.period, ids, [batch])));
        // Its failure is handled where it is awaited; until then it must not count as unhandled.
        writing.catch((error: unknown) => {
          failedWrite ??= { error };
        });
      };
      let computed: ComputedRun;
      try {
        computed = await computeBatches(db, clock, { ...run, regionZone: ctx.regionZone }, found, people, unitsById, batchSize, store);
      } finally {
        // Never roll back under a write still running.
        await writing.catch(() => undefined);
      }
      await finish(tx, computed, await writing);
    });
  } catch (error) {
    if (error instanceof TakenOver) return;
    const message = error instanceof AppError ? error.message : 'Perhitungan TPP gagal karena galat sistem; lihat log server';
    await failRun(db, clock, runId, message);
    if (!(error instanceof AppError)) throw error;
  }
}
