import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { tppResults } from '../../../db/schema';
import type { RequestContext } from '../../../platform/actor';
import { lockTppPeriod } from './tpp-runs.repository';

/**
 * The month-closing hook (issue 6 §2): call it inside the closing transaction, before the closure row
 * is inserted. It waits for a run that is making the month's results current (same period lock), then
 * stamps the current results as frozen — what was paid. A run still computing finds the month closed
 * when it finishes and fails without changing anything. Returns what was frozen, for the closure record.
 */
export async function freezeTppResults(executor: Executor, ctx: RequestContext, period: string): Promise<{ resultCount: number; netTotal: number }> {
  await lockTppPeriod(executor, period);
  const frozen = await executor
    .update(tppResults)
    .set({ frozenAt: ctx.clock.now() })
    .where(and(eq(tppResults.period, period), eq(tppResults.isCurrent, true), isNull(tppResults.frozenAt)))
    .returning({ net: tppResults.net });
  const [totals] = await executor
    .select({ count: sql<number>`count(*)::int`, net: sql<number>`coalesce(sum(${tppResults.net}), 0)::bigint` })
    .from(tppResults)
    .where(and(eq(tppResults.period, period), eq(tppResults.isCurrent, true)));
  return { resultCount: totals?.count ?? frozen.length, netTotal: Number(totals?.net ?? 0) };
}
