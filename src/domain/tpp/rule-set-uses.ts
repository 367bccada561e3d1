import type { TppRuleSet } from './rule-set';

/**
 * Which of an employee's month's inputs a rule set prices: the run reads only what it needs, notes
 * only what matters, and the simulator offers only inputs that can change the amount.
 */
export const usesSkpPredikat = (ruleSet: TppRuleSet) => ruleSet.earning.parts.some((part) => part.measure.kind === 'skp_predikat');
export const usesSkpAchievement = (ruleSet: TppRuleSet) => ruleSet.earning.parts.some((part) => part.measure.kind === 'skp_achievement');
export const usesProductivity = (ruleSet: TppRuleSet) => ruleSet.earning.parts.some((part) => part.measure.kind === 'productivity');
export const usesPayData = (ruleSet: TppRuleSet) => ruleSet.bpjs !== null || ruleSet.adjustments.cpns !== null;
export const usesApel = (ruleSet: TppRuleSet) =>
  ruleSet.earning.parts.some((part) => part.measure.kind === 'ceremony_ratio') ||
  ruleSet.deductions.rules.some((rule) => rule.kind === 'missed_apel' || (rule.kind === 'flat' && rule.event === 'missed_apel'));
/** Leave types whose day bands count from the leave's own first day: the run looks back before the month for them. */
export const leaveTypesCountedFromStart = (ruleSet: TppRuleSet) =>
  ruleSet.deductions.rules.flatMap((rule) => (rule.kind === 'leave' && rule.countFrom === 'leave_start' ? [rule.leaveType] : []));
