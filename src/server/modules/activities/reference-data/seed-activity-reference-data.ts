import { count } from 'drizzle-orm';
import { DEFAULT_ACTIVITY_REGULATION, DEFAULT_ACTIVITY_RULES } from '../../../../domain/activities/rules';
import type { Database } from '../../../db/client';
import { activityRuleSets } from '../../../db/schema';
import { systemContext } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Clock } from '../../../platform/clock';
import { findRegionZone } from '../../../platform/region-zone';

export const DEFAULT_ACTIVITY_RULE_SET = {
  name: 'Aturan aktivitas harian baku',
  effectiveFrom: '2020-01-01',
  regulation: DEFAULT_ACTIVITY_REGULATION,
  rules: DEFAULT_ACTIVITY_RULES,
};

/**
 * A region starts with the default rule set so that entries can be made on day one; once an admin
 * has any rule set, the seed leaves the rule sets alone. Idempotent, safe on every start.
 */
export async function seedActivityReferenceData(db: Database, clock: Clock): Promise<{ ruleSetCreated: boolean }> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(activityRuleSets);
    if ((existing?.n ?? 0) > 0) return { ruleSetCreated: false };
    const now = clock.now();
    const [created] = await tx
      .insert(activityRuleSets)
      .values({ ...DEFAULT_ACTIVITY_RULE_SET, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning({ id: activityRuleSets.id });
    if (!created) return { ruleSetCreated: false };
    await recordAudit(tx, systemContext('seed', clock, await findRegionZone(tx)), { action: 'create', entityType: 'activity_rule_set', entityId: created.id, after: DEFAULT_ACTIVITY_RULE_SET });
    return { ruleSetCreated: true };
  });
}
