import { count } from 'drizzle-orm';
import { CLASSIC_60_40_RULE_SET } from '../../../../domain/tpp/examples';
import type { TppRuleSet } from '../../../../domain/tpp/rule-set';
import type { Database } from '../../../db/client';
import { tppRuleSets } from '../../../db/schema';
import { systemContext } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import type { Clock } from '../../../platform/clock';
import { TPP_RULE_SET_ENTITY } from './tpp-rule-sets.service';
import { findRegionZone } from '../../../platform/region-zone';

/**
 * The rule set a fresh installation starts with: the classic 60/40 example (rules.md §5), effective
 * from 2020 like the activity rules, so that any month of existing data can be computed on day one.
 * The region replaces it with its own Perbup through the rule-set screen.
 */
export const SEEDED_TPP_RULE_SET: TppRuleSet = { ...CLASSIC_60_40_RULE_SET, effectiveFrom: '2020-01-01' };

/** Idempotent, safe on every start: once any version exists (even superseded), the seed leaves rule sets alone. */
export async function seedTppReferenceData(db: Database, clock: Clock): Promise<{ ruleSetCreated: boolean }> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(tppRuleSets);
    if ((existing?.n ?? 0) > 0) return { ruleSetCreated: false };
    const ruleSet = SEEDED_TPP_RULE_SET;
    const [created] = await tx
      .insert(tppRuleSets)
      .values({ regionCode: ruleSet.region.code, name: ruleSet.name, effectiveFrom: ruleSet.effectiveFrom, regulation: ruleSet.regulation.shortName, ruleSet, createdAt: clock.now() })
      .onConflictDoNothing()
      .returning({ id: tppRuleSets.id });
    if (!created) return { ruleSetCreated: false };
    await recordAudit(tx, systemContext('seed', clock, await findRegionZone(tx)), {
      action: 'create',
      entityType: TPP_RULE_SET_ENTITY,
      entityId: created.id,
      after: { regionCode: ruleSet.region.code, name: ruleSet.name, effectiveFrom: ruleSet.effectiveFrom },
    });
    return { ruleSetCreated: true };
  });
}
