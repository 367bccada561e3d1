import { and, eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { TppRunView } from '../../../../contracts/tpp';
import type { Database } from '../../../db/client';
import { tppRuns } from '../../../db/schema';
import type { RequestContext } from '../../../platform/actor';
import type { Clock } from '../../../platform/clock';
import { claimNextTppRun, executeTppRun } from './execute-tpp-run';
import { findRunView } from './tpp-runs.repository';
import { requestTppRun } from './tpp-runs.service';

const POLL_INTERVAL_MS = 2_000;

/** Runs every claimable job one after another; returns how many it ran. */
export async function drainTppRuns(db: Database, clock: Clock): Promise<number> {
  let count = 0;
  for (let runId = await claimNextTppRun(db, clock); runId !== null; runId = await claimNextTppRun(db, clock)) {
    await executeTppRun(db, clock, runId);
    count += 1;
  }
  return count;
}

/**
 * The TPP worker inside the app process: every two seconds it claims waiting runs (several processes
 * share the queue safely, see claimNextTppRun) and computes them. `stop` waits for a run in flight,
 * so the database is never closed under it.
 */
export function startTppJobs(db: Database, clock: Clock, log: FastifyBaseLogger): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  let isStopped = false;
  const tick = async () => {
    try {
      const count = await drainTppRuns(db, clock);
      if (count > 0) log.info({ runs: count }, 'perhitungan TPP selesai');
    } catch (error) {
      log.error({ err: error }, 'perhitungan TPP gagal');
    }
  };
  const schedule = () => {
    if (isStopped) return;
    timer = setTimeout(() => {
      running = tick().finally(schedule);
    }, POLL_INTERVAL_MS);
    timer.unref();
  };
  schedule();
  return {
    stop: async () => {
      isStopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/**
 * The CLI's synchronous run: queue the month like the web does, then compute it in this process. If a
 * server's worker claimed it first (shared PostgreSQL), wait for that worker to finish it.
 */
export async function computeTppNow(db: Database, ctx: RequestContext, input: { period: string; unitId: string | null }): Promise<TppRunView> {
  const { id } = await db.transaction((tx) => requestTppRun(tx, ctx, input));
  const now = ctx.clock.now();
  const [claimed] = await db
    .update(tppRuns)
    .set({ status: 'running', startedAt: now, heartbeatAt: now })
    .where(and(eq(tppRuns.id, id), eq(tppRuns.status, 'queued')))
    .returning({ id: tppRuns.id });
  if (claimed) await executeTppRun(db, ctx.clock, id);
  for (;;) {
    const run = await findRunView(db, id);
    if (!run) throw new Error('run disappeared');
    if (run.status === 'done' || run.status === 'failed') return run;
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}
