import { and, eq, isNull, sql } from 'drizzle-orm';
import type { TppRuleSet } from '../../../../domain/tpp/rule-set';
import { queryRows, type Executor } from '../../../db/client';
import { tppResults } from '../../../db/schema';
import type { RequestContext } from '../../../platform/actor';
import { resolveStoredTppResult } from '../results/stored-tpp-result';
import { findStoredRuleSets } from '../results/tpp-month.service';
import { lockTppPeriod } from './tpp-runs.repository';

/** Explanations written per statement when a month is closed (a few megabytes of JSON each). */
const STORE_BATCH = 1_000;

/**
 * The explanation of every current result of the month, stored as it will have been paid (ADR 0013):
 * computed from each stored input and rule set version and checked against the stored totals (a
 * mismatch refuses the closing: the month must be computed again first). The rows are stamped frozen
 * by the same statement (one write per row, not two).
 */
async function storeExplanations(executor: Executor, period: string, frozenAt: Date): Promise<void> {
  const rows = await executor
    .select({
      id: tppResults.id,
      period: tppResults.period,
      ruleSetId: tppResults.ruleSetId,
      input: tppResults.input,
      result: tppResults.result,
      earned: tppResults.earned,
      deductionTotal: tppResults.deductionTotal,
      adjustmentTotal: tppResults.adjustmentTotal,
      tpp: tppResults.tpp,
      gross: tppResults.gross,
      pph21: tppResults.pph21,
      net: tppResults.net,
    })
    .from(tppResults)
    .where(and(eq(tppResults.period, period), eq(tppResults.isCurrent, true), isNull(tppResults.frozenAt), isNull(tppResults.result)));
  const ruleSets = await findStoredRuleSets(
    executor,
    rows.map((row) => row.ruleSetId),
  );
  for (let start = 0; start < rows.length; start += STORE_BATCH) {
    const records = rows.slice(start, start + STORE_BATCH).map((row) => ({ id: row.id, result: resolveStoredTppResult(row, ruleSets.get(row.ruleSetId) as TppRuleSet) }));
    await queryRows(
      executor,
      sql`update tpp_results t set result = x.result, frozen_at = ${frozenAt}
          from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as x(id uuid, result jsonb)
          where t.id = x.id`,
    );
  }
}

/**
 * The month-closing hook (issue 6 §2): call it inside the closing transaction, before the closure row
 * is inserted. It waits for a run that is making the month's results current (same period lock),
 * stores their explanations, then stamps them as frozen — what was paid. A run still computing finds
 * the month closed when it finishes and fails without changing anything. Returns what was frozen, for
 * the closure record.
 */
export async function freezeTppResults(executor: Executor, ctx: RequestContext, period: string): Promise<{ resultCount: number; netTotal: number }> {
  await lockTppPeriod(executor, period);
  const frozenAt = ctx.clock.now();
  await storeExplanations(executor, period, frozenAt);
  // The rest: results whose explanation was stored already.
  const frozen = await executor
    .update(tppResults)
    .set({ frozenAt })
    .where(and(eq(tppResults.period, period), eq(tppResults.isCurrent, true), isNull(tppResults.frozenAt)))
    .returning({ net: tppResults.net });
  const [totals] = await executor
    .select({ count: sql<number>`count(*)::int`, net: sql<number>`coalesce(sum(${tppResults.net}), 0)::bigint` })
    .from(tppResults)
    .where(and(eq(tppResults.period, period), eq(tppResults.isCurrent, true)));
  return { resultCount: totals?.count ?? frozen.length, netTotal: Number(totals?.net ?? 0) };
}
