import type { z } from 'zod';
import type { tppComplianceColumn, tppPenalty, tppRecordOptions } from '../../../../contracts/tpp-records';
import type { TppRuleSet } from '../../../../domain/tpp/rule-set';
import type { Executor } from '../../../db/client';
import { isPeriodClosed } from '../../activities/shared/period-lock';
import { findTppRuleSetForPeriod } from '../rule-sets/tpp-rule-sets.service';

/** The compliance items (LHKPN, BMD, TPTGR …) a rule set's earning parts use, in the parts' order. */
export const complianceColumnsOf = (ruleSet: TppRuleSet): z.infer<typeof tppComplianceColumn>[] =>
  ruleSet.earning.parts.flatMap((part) => (part.measure.kind === 'compliance' ? part.measure.items.map(({ code, label, weightBp }) => ({ code, label, weightBp })) : []));

/** The discipline penalties a rule set prices. */
export const penaltiesOf = (ruleSet: TppRuleSet): z.infer<typeof tppPenalty>[] =>
  ruleSet.adjustments.discipline.penalties.map(({ code, label, level, cutBp, months }) => ({ code, label, level, cutBp, months }));

/**
 * What the record forms may offer for a month: the penalties and compliance items of the rule set
 * governing it, and whether it is still open. Read from the rules themselves, so a form never offers
 * a code the service would refuse.
 */
export async function getTppRecordOptions(executor: Executor, period: string): Promise<z.infer<typeof tppRecordOptions>> {
  const found = await findTppRuleSetForPeriod(executor, period);
  return {
    period,
    isPeriodClosed: await isPeriodClosed(executor, period),
    ruleSetName: found?.ruleSet.name ?? null,
    penalties: found ? penaltiesOf(found.ruleSet) : [],
    complianceItems: found ? complianceColumnsOf(found.ruleSet) : [],
  };
}
