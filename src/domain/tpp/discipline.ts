import { compareText } from './compare';
import type { TppInput } from './tpp-input';
import type { TppRuleSet } from './rule-set';
import { TppComputationError } from './tpp-result';
import type { DisciplineLevel } from './vocabulary';

type Penalty = TppRuleSet['adjustments']['discipline']['penalties'][number];

export interface ActiveDecision {
  decisionNumber: string;
  startPeriod: string;
  penalty: Penalty;
  /** 1-based month of the penalty this period is (month 2 of 6). */
  monthOfPenalty: number;
}

/** Months from `from` to `to` (YYYY-MM), by arithmetic on the text: no Date, no time zone. */
export function monthsBetween(from: string, to: string): number {
  const [fromYear = 0, fromMonth = 0] = from.split('-').map(Number);
  const [toYear = 0, toMonth = 0] = to.split('-').map(Number);
  return (toYear - fromYear) * 12 + (toMonth - fromMonth);
}

const LEVEL_WEIGHT: Record<DisciplineLevel, number> = { ringan: 1, sedang: 2, berat: 3 };

/**
 * Decisions in force in the input's period, in a stable order (start, then number). A decision
 * whose penalty this rule set does not know is an error while it could still be in force, but not
 * once it started longer ago than the longest penalty the rule set has (a version that dropped an
 * old penalty must not make everyone who ever had one uncomputable). A rule set with no penalties
 * at all refuses every decision: the region has to say what its decisions cost.
 */
export function findActiveDecisions(ruleSet: TppRuleSet, input: Pick<TppInput, 'period' | 'disciplineDecisions'>): ActiveDecision[] {
  const active: ActiveDecision[] = [];
  const { penalties } = ruleSet.adjustments.discipline;
  const longest = penalties.reduce((most, penalty) => Math.max(most, penalty.months), 0);
  for (const decision of input.disciplineDecisions) {
    const penalty = penalties.find((candidate) => candidate.code === decision.penaltyCode);
    if (!penalty && penalties.length > 0 && monthsBetween(decision.startPeriod, input.period) >= longest) continue;
    if (!penalty) {
      throw new TppComputationError('penalty_unknown', `Hukuman disiplin ${decision.penaltyCode} (SK ${decision.decisionNumber}) tidak diatur dalam aturan TPP ini`);
    }
    const elapsed = monthsBetween(decision.startPeriod, input.period);
    if (elapsed >= 0 && elapsed < penalty.months) active.push({ decisionNumber: decision.decisionNumber, startPeriod: decision.startPeriod, penalty, monthOfPenalty: elapsed + 1 });
  }
  return active.sort(
    (a, b) => compareText(a.startPeriod, b.startPeriod) || compareText(a.decisionNumber, b.decisionNumber) || compareText(a.penalty.code, b.penalty.code),
  );
}

/** The heaviest level among decisions in force, or 'none'. */
export function findHeaviestLevel(decisions: readonly ActiveDecision[]): DisciplineLevel | 'none' {
  let heaviest: DisciplineLevel | 'none' = 'none';
  for (const { penalty } of decisions) {
    if (heaviest === 'none' || LEVEL_WEIGHT[penalty.level] > LEVEL_WEIGHT[heaviest]) heaviest = penalty.level;
  }
  return heaviest;
}
