import { asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { periodClosures, tppRuleSets, users } from '../../../db/schema';

export type TppRuleSetRow = typeof tppRuleSets.$inferSelect & { createdByName: string | null };

const columns = {
  id: tppRuleSets.id,
  regionCode: tppRuleSets.regionCode,
  name: tppRuleSets.name,
  effectiveFrom: tppRuleSets.effectiveFrom,
  regulation: tppRuleSets.regulation,
  ruleSet: tppRuleSets.ruleSet,
  createdByUserId: tppRuleSets.createdByUserId,
  createdAt: tppRuleSets.createdAt,
  supersededAt: tppRuleSets.supersededAt,
  supersededById: tppRuleSets.supersededById,
  supersededByUserId: tppRuleSets.supersededByUserId,
  createdByName: users.displayName,
};

/** Versions, oldest effective date first; only those in force unless `includeSuperseded`. */
export async function findRuleSetRows(executor: Executor, options: { includeSuperseded: boolean }): Promise<TppRuleSetRow[]> {
  return executor
    .select(columns)
    .from(tppRuleSets)
    .leftJoin(users, eq(users.id, tppRuleSets.createdByUserId))
    .where(options.includeSuperseded ? undefined : isNull(tppRuleSets.supersededAt))
    .orderBy(asc(tppRuleSets.effectiveFrom), asc(tppRuleSets.createdAt));
}

export async function findRuleSetRow(executor: Executor, id: string): Promise<TppRuleSetRow | null> {
  const [row] = await executor.select(columns).from(tppRuleSets).leftJoin(users, eq(users.id, tppRuleSets.createdByUserId)).where(eq(tppRuleSets.id, id));
  return row ?? null;
}

/** Every closed month (YYYY-MM), ascending: a handful per year. */
export async function findClosedPeriodList(executor: Executor): Promise<string[]> {
  const rows = await executor.select({ period: periodClosures.period }).from(periodClosures).orderBy(asc(periodClosures.period));
  return rows.map((row) => row.period);
}
