import { computeTpp } from './compute-tpp';
import type { TppRuleSet } from './rule-set';
import type { TppInput } from './tpp-input';
import type { TppLineSection, TppResult } from './tpp-result';

/** What-if changes to one month's input; nested objects are merged one level, arrays replaced whole. */
export interface TppInputChanges {
  employee?: Partial<TppInput['employee']>;
  workingDays?: number;
  productivityBp?: number;
  skp?: Partial<TppInput['skp']>;
  attendance?: Partial<Omit<TppInput['attendance'], 'apel'>> & { apel?: Partial<TppInput['attendance']['apel']> };
  reportSubmissionDay?: number | null;
  compliance?: TppInput['compliance'];
  disciplineDecisions?: TppInput['disciplineDecisions'];
  acting?: TppInput['acting'];
  otherIncomeForBpjs?: number;
}

export function applyTppInputChanges(input: TppInput, changes: TppInputChanges): TppInput {
  const { attendance = {}, employee = {}, skp = {}, ...rest } = changes;
  const { apel = {}, ...attendanceRest } = attendance;
  // A changed percentage no longer comes from the month's minutes: they are not shown beside it.
  const { productivityMinutes, ...unchanged } = input;
  const keepsMinutes = rest.productivityBp === undefined || rest.productivityBp === input.productivityBp;
  return {
    ...unchanged,
    ...(keepsMinutes && productivityMinutes ? { productivityMinutes } : {}),
    ...rest,
    employee: { ...input.employee, ...employee },
    skp: { ...input.skp, ...skp },
    attendance: { ...input.attendance, ...attendanceRest, apel: { ...input.attendance.apel, ...apel } },
  };
}

/** A line whose rupiah effect differs between the two results (matched by code). */
export interface TppLineChange {
  section: TppLineSection;
  code: string;
  label: string;
  before: number;
  after: number;
  change: number;
}

export interface TppSimulation {
  input: TppInput;
  before: TppResult;
  after: TppResult;
  difference: Pick<TppResult, 'earned' | 'deductionTotal' | 'adjustmentTotal' | 'tpp' | 'gross' | 'net'>;
  /** Σ change = difference.net exactly, since each result's lines add up to its net. */
  lineChanges: TppLineChange[];
}

/** How two results differ: the totals, and each line (by its code) that changed, in the order lines appear. */
export function compareTppResults(before: TppResult, after: TppResult): Pick<TppSimulation, 'difference' | 'lineChanges'> {
  const byCode = new Map<string, TppLineChange>();
  const entry = (line: TppResult['lines'][number]): TppLineChange => {
    const existing = byCode.get(line.code);
    if (existing) return existing;
    const created: TppLineChange = { section: line.section, code: line.code, label: line.label, before: 0, after: 0, change: 0 };
    byCode.set(line.code, created);
    return created;
  };
  for (const line of before.lines) entry(line).before += line.effect;
  for (const line of after.lines) entry(line).after += line.effect;
  const lineChanges = [...byCode.values()].map((item) => ({ ...item, change: item.after - item.before })).filter((item) => item.change !== 0);

  const difference = {
    earned: after.earned - before.earned,
    deductionTotal: after.deductionTotal - before.deductionTotal,
    adjustmentTotal: after.adjustmentTotal - before.adjustmentTotal,
    tpp: after.tpp - before.tpp,
    gross: after.gross - before.gross,
    net: after.net - before.net,
  };
  return { difference, lineChanges };
}

/** "What if I had not been late twice?": both results, the differences of the totals and of each line. */
export function simulateTpp(ruleSet: TppRuleSet, input: TppInput, changes: TppInputChanges): TppSimulation {
  const before = computeTpp(ruleSet, input);
  const changedInput = applyTppInputChanges(input, changes);
  const after = computeTpp(ruleSet, changedInput);
  return { input: changedInput, before, after, ...compareTppResults(before, after) };
}
