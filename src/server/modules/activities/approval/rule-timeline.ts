import type { ActivityRules } from '../../../../domain/activities/rules';
import type { Executor } from '../../../db/client';
import { AppError } from '../../../platform/errors';
import { parseStoredActivityRules } from '../shared/activity-rules';
import { findAllActivityRuleSetRows } from './routing-data.repository';

/** The rules in force on any date, from one read of all rule sets (a month may straddle a change). */
export type RulesOnDate = (date: string) => ActivityRules;

export async function loadActivityRuleTimeline(executor: Executor): Promise<RulesOnDate> {
  const rows = await findAllActivityRuleSetRows(executor);
  const timeline = rows.map((row) => ({ effectiveFrom: row.effectiveFrom, rules: parseStoredActivityRules(row.rules, row.name) }));
  return (date) => {
    let found: ActivityRules | null = null;
    for (const entry of timeline) {
      if (entry.effectiveFrom > date) break;
      found = entry.rules;
    }
    if (!found) throw new AppError('VALIDATION_FAILED', `Belum ada aturan aktivitas harian yang berlaku pada ${date}; admin BKPSDM perlu menetapkannya`);
    return found;
  };
}
