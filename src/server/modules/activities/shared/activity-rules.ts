import { desc, lte } from 'drizzle-orm';
import { activityRulesSchema, type ActivityRules } from '../../../../domain/activities/rules';
import type { Executor } from '../../../db/client';
import { activityRuleSets } from '../../../db/schema';
import { AppError } from '../../../platform/errors';

export interface ActivityRuleSet {
  id: string;
  name: string;
  effectiveFrom: string;
  regulation: string;
  rules: ActivityRules;
}

/** Stored rules are parsed on the way out too: a hand-edited row never reaches a calculation unchecked. */
export function parseStoredActivityRules(rules: unknown, name: string): ActivityRules {
  const parsed = activityRulesSchema.safeParse(rules);
  if (!parsed.success) throw new AppError('INTERNAL', `Aturan aktivitas "${name}" tersimpan dalam bentuk tidak valid`, parsed.error.issues);
  return parsed.data;
}

/** The daily-activity rule set in force on `date` (YYYY-MM-DD); a clear error when none is. */
export async function findActivityRuleSet(executor: Executor, date: string): Promise<ActivityRuleSet> {
  const [row] = await executor
    .select()
    .from(activityRuleSets)
    .where(lte(activityRuleSets.effectiveFrom, date))
    .orderBy(desc(activityRuleSets.effectiveFrom))
    .limit(1);
  if (!row) throw new AppError('VALIDATION_FAILED', `Belum ada aturan aktivitas harian yang berlaku pada ${date}; admin BKPSDM perlu menetapkannya`);
  return { id: row.id, name: row.name, effectiveFrom: row.effectiveFrom, regulation: row.regulation, rules: parseStoredActivityRules(row.rules, row.name) };
}
