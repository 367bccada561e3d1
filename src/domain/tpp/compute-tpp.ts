import { computeAdjustments } from './compute-adjustments';
import { computeContributions } from './compute-contributions';
import { computeDeductions } from './compute-deductions';
import { citeRegulation, computeEarning, findBase } from './compute-earning';
import { negative } from './money';
import { findActiveDecisions } from './discipline';
import type { TppRuleSet } from './rule-set';
import { firstDayOfPeriod } from './select-rule-set';
import type { TppInput } from './tpp-input';
import { TppComputationError, type TppLine, type TppLineSection, type TppResult } from './tpp-result';

export const sumLines = (lines: readonly TppLine[], ...sections: TppLineSection[]): number =>
  lines.filter((line) => sections.length === 0 || sections.includes(line.section)).reduce((sum, line) => sum + line.effect, 0);

/**
 * One employee's TPP for one month under one rule set, explained line by line. Pure: the rule set
 * and the input are all it reads, so the monthly run, the simulator and the "why is my TPP this
 * amount?" screen all get the same answer. The input must satisfy tppInputSchema; the rule set must
 * satisfy tppRuleSetSchema. Every total is the sum of its lines (see TppLineSection).
 */
export function computeTpp(ruleSet: TppRuleSet, input: TppInput): TppResult {
  if (firstDayOfPeriod(input.period) < ruleSet.effectiveFrom) {
    throw new TppComputationError('rule_set_not_effective', `Aturan "${ruleSet.name}" baru berlaku ${ruleSet.effectiveFrom}, tidak untuk periode ${input.period}`);
  }
  const base = findBase(ruleSet, input.employee.kelasJabatan, input.employee.positionCode);
  const decisions = findActiveDecisions(ruleSet, input);

  const earning = computeEarning(ruleSet, input, base, decisions);
  const earned = sumLines(earning.lines);
  const deductions = computeDeductions(ruleSet, input, base, earning.parts, earned);
  const deductionTotal = negative(sumLines(deductions.lines));
  const adjustmentLines = computeAdjustments(ruleSet, input, base, earned - deductionTotal, decisions, deductions.isForfeited);
  const adjustmentTotal = sumLines(adjustmentLines);
  const tpp = earned - deductionTotal + adjustmentTotal;
  const contributions = computeContributions(ruleSet, input, tpp, earned);

  return {
    period: input.period,
    ruleSet: { regionCode: ruleSet.region.code, name: ruleSet.name, effectiveFrom: ruleSet.effectiveFrom, regulation: citeRegulation(ruleSet.regulation) },
    base,
    parts: earning.parts,
    earned,
    deductionTotal,
    isForfeited: deductions.isForfeited,
    adjustmentTotal,
    tpp,
    bpjs: contributions.bpjs,
    pph21: contributions.pph21,
    gross: contributions.gross,
    roundingDifference: contributions.roundingDifference,
    net: contributions.net,
    lines: [...earning.lines, ...deductions.lines, ...adjustmentLines, ...contributions.lines],
  };
}
