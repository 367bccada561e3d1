import { and, eq, sql } from 'drizzle-orm';
import type { TppRunIssue } from '../../../../contracts/tpp';
import { queryRows, type Database } from '../../../db/client';
import { tppRuns } from '../../../db/schema';
import { systemContext } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Clock } from '../../../platform/clock';
import { AppError } from '../../../platform/errors';
import { isPeriodClosed } from '../../activities/shared/period-lock';
import { findTppRuleSetForPeriod } from '../rule-sets/tpp-rule-sets.service';
import { computeEmployeesTpp } from './compute-employee-tpp';
import { encodeTppResultsCopy } from './encode-tpp-results-copy';
import { deletePendingResults, lockTppPeriod, replaceCurrentResults, type EncodedResults } from './tpp-runs.repository';
import { closedPeriodError, missingRuleSetError, TPP_RUN_ENTITY } from './tpp-runs.service';
import { findAllUnits, findEmployeesForPeriod, findSubtreeIds } from './tpp-sources.repository';

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

/**
 * Computes a claimed (running) job: every employee in scope in batches, the results written at the
 * end, current, in one transaction that also re-checks the month is still open (under the period
 * lock shared with closing) and sets the month's previous results of these employees aside as
 * history. Any failure fails the job; the month's previous results stay current. (Runs of an
 * earlier version wrote results as history first: a taken-over or failed job removes those.)
 */
export async function executeTppRun(db: Database, clock: Clock, runId: string): Promise<void> {
  const [run] = await db.select().from(tppRuns).where(eq(tppRuns.id, runId));
  if (!run || run.status !== 'running') return;
  const ctx = systemContext(`tpp-run:${run.requestedByLabel ?? 'sistem'}`, clock);
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

    const issues: TppRunIssue[] = [];
    const computedIds: string[] = [];
    // Each batch's rows are encoded as they are computed and written once, current, by the last
    // transaction (ADR 0013, amendment): about 1.2 KB per employee held until then.
    const batches: EncodedResults[] = [];
    // While this process computes one batch, the database reads the next (the pool has connections
    // to spare). A batch's progress is reported once it is computed.
    const computeBatch = (start: number) => {
      const batch = people.slice(start, start + TPP_BATCH_SIZE).map((person) => person.id);
      const computing = computeEmployeesTpp(db, run.period, found.ruleSet, batch, unitsById);
      // Its failure is handled where it is awaited; until then it must not count as unhandled.
      computing.catch(() => undefined);
      return computing;
    };
    let reporting: Promise<boolean> = Promise.resolve(true);
    let upcoming = people.length > 0 ? computeBatch(0) : null;
    try {
      for (let start = 0; start < people.length && upcoming; start += TPP_BATCH_SIZE) {
        const current = upcoming;
        upcoming = start + TPP_BATCH_SIZE < people.length ? computeBatch(start + TPP_BATCH_SIZE) : null;
        const { computed, issues: batchIssues } = await current;
        issues.push(...batchIssues);
        computedIds.push(...computed.map((item) => item.snapshot.employeeId));
        batches.push({
          payload: encodeTppResultsCopy({ runId, ruleSetId: found.id, period: run.period, computedAt: clock.now(), isCurrent: true }, computed),
          rows: computed.length,
        });
        // Another worker took the job over (this one stalled): leave it to them.
        if (!(await reporting)) {
          await upcoming?.catch(() => undefined);
          return;
        }
        const done = Math.min(start + TPP_BATCH_SIZE, people.length);
        reporting = db
          .update(tppRuns)
          .set({ progressDone: done, heartbeatAt: clock.now() })
          .where(and(eq(tppRuns.id, runId), eq(tppRuns.status, 'running')))
          .returning({ id: tppRuns.id })
          .then(([still]) => still !== undefined);
        // Its failure is handled where it is awaited; until then it must not count as unhandled.
        reporting.catch(() => undefined);
      }
      if (!(await reporting)) return;
    } catch (error) {
      // Never leave a statement running unobserved when the run is being abandoned.
      await reporting.catch(() => undefined);
      await upcoming?.catch(() => undefined);
      throw error;
    }

    await db.transaction(async (tx) => {
      await lockTppPeriod(tx, run.period);
      if (await isPeriodClosed(tx, run.period)) throw closedPeriodError(run.period);
      const promoted = await replaceCurrentResults(tx, run.period, computedIds, batches);
      await tx.update(tppRuns).set({ status: 'done', issues, finishedAt: clock.now(), heartbeatAt: clock.now() }).where(eq(tppRuns.id, runId));
      await recordAudit(tx, ctx, {
        action: 'compute',
        entityType: TPP_RUN_ENTITY,
        entityId: runId,
        after: { period: run.period, unitId: run.unitId, ruleSetId: found.id, results: promoted, issues: issues.length },
        scopeUnitId: run.unitId,
      });
    });
  } catch (error) {
    const message = error instanceof AppError ? error.message : 'Perhitungan TPP gagal karena galat sistem; lihat log server';
    await failRun(db, clock, runId, message);
    if (!(error instanceof AppError)) throw error;
  }
}
