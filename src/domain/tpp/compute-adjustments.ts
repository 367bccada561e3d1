import { requestKindLabels } from '../../contracts/attendance-requests';
import { formatIndonesianMonth } from '../calendar/indonesian-dates';
import { compareText } from './compare';
import { cite, findBase } from './compute-earning';
import type { ActiveDecision } from './discipline';
import { formatPercent, formatRupiah, fractionOfBp, FULL_BP, negative, portionOf, WHOLE, type Fraction } from './money';
import type { TppRuleSet } from './rule-set';
import type { TppInput } from './tpp-input';
import type { TppBase, TppLine } from './tpp-result';

interface Running {
  remaining: number;
}

const limitNote = (raw: number, effect: number): string => (raw > effect ? ` (dibatasi sisa TPP ${formatRupiah(effect)})` : '');

function exclusionLines(ruleSet: TppRuleSet, input: TppInput, running: Running): TppLine[] {
  const lines: TppLine[] = [];
  const start = running.remaining;
  for (const exclusion of ruleSet.adjustments.exclusions) {
    const types = new Set(exclusion.leaveTypes);
    const days = Math.min(
      input.workingDays,
      input.attendance.leave.filter((entry) => types.has(entry.leaveType)).reduce((sum, entry) => sum + entry.days, 0),
    );
    if (days === 0) continue;
    const share: Fraction = exclusion.mode === 'whole_month' || input.workingDays === 0 ? WHOLE : { numerator: days, denominator: input.workingDays };
    const raw = portionOf(start, [share, fractionOfBp(FULL_BP - exclusion.payBp)], ruleSet.rounding.mode);
    const effect = Math.min(raw, running.remaining);
    running.remaining -= effect;
    const typeNames = exclusion.leaveTypes.map((type) => requestKindLabels[type].toLowerCase()).join(', ');
    const shareText = exclusion.mode === 'whole_month' ? 'seluruh bulan' : `${days}/${input.workingDays} hari kerja`;
    lines.push({
      section: 'adjustment',
      code: `exclusion:${exclusion.code}`,
      label: exclusion.label,
      input: `${days} hari ${typeNames}`,
      rule: `dibayar ${formatPercent(exclusion.payBp)} untuk ${shareText} dari ${formatRupiah(start)}${limitNote(raw, effect)}`,
      citation: cite(ruleSet, exclusion.article),
      quantity: days,
      effect: negative(effect),
    });
  }
  return lines;
}

function cpnsLines(ruleSet: TppRuleSet, input: TppInput, running: Running): TppLine[] {
  const { cpns } = ruleSet.adjustments;
  if (!cpns || !input.employee.isCpns) return [];
  const cut = portionOf(running.remaining, [fractionOfBp(FULL_BP - cpns.rateBp)], ruleSet.rounding.mode);
  const line: TppLine = {
    section: 'adjustment',
    code: 'cpns',
    label: 'CPNS',
    input: 'Berstatus CPNS',
    rule: `CPNS menerima ${formatPercent(cpns.rateBp)} TPP: dikurangi ${formatPercent(FULL_BP - cpns.rateBp)} × ${formatRupiah(running.remaining)}`,
    citation: cite(ruleSet, cpns.article),
    quantity: null,
    effect: negative(cut),
  };
  running.remaining -= cut;
  return [line];
}

function disciplineLines(ruleSet: TppRuleSet, base: TppBase, decisions: readonly ActiveDecision[], running: Running): TppLine[] {
  const { discipline } = ruleSet.adjustments;
  const of = discipline.of === 'tpp' ? { amount: running.remaining, text: `TPP ${formatRupiah(running.remaining)}` } : { amount: base.total, text: `pagu ${formatRupiah(base.total)}` };
  return decisions.map((decision) => {
    const raw = portionOf(of.amount, [fractionOfBp(decision.penalty.cutBp)], ruleSet.rounding.mode);
    const effect = Math.min(raw, running.remaining);
    running.remaining -= effect;
    return {
      section: 'adjustment',
      code: `discipline:${decision.penalty.code}:${decision.decisionNumber}`,
      label: `Hukuman disiplin: ${decision.penalty.label}`,
      input: `SK ${decision.decisionNumber}, bulan ke-${decision.monthOfPenalty} dari ${decision.penalty.months} sejak ${formatIndonesianMonth(decision.startPeriod)}`,
      rule: `${formatPercent(decision.penalty.cutBp)} × ${of.text}${limitNote(raw, effect)}`,
      citation: cite(ruleSet, discipline.article),
      quantity: null,
      effect: negative(effect),
    };
  });
}

function actingLines(ruleSet: TppRuleSet, input: TppInput, isForfeited: boolean): TppLine[] {
  const { acting } = ruleSet.adjustments;
  const assignments = [...input.acting].sort(
    (a, b) => compareText(a.kind, b.kind) || a.kelasJabatan - b.kelasJabatan || compareText(a.positionCode ?? '', b.positionCode ?? '') || a.days - b.days,
  );
  return assignments.map((assignment) => {
    const kind = assignment.kind.toUpperCase();
    const rule = acting.rules.find((candidate) => candidate.kind === assignment.kind);
    const acted = findBase(ruleSet, assignment.kelasJabatan, assignment.positionCode);
    const position = acted.source === 'position' ? `jabatan ${acted.positionCode ?? ''}` : `kelas jabatan ${acted.kelasJabatan}`;
    const line = {
      section: 'adjustment' as const,
      code: `acting:${assignment.kind}`,
      label: `Tambahan ${kind}`,
      input: `${kind} ${position} selama ${assignment.days} hari`,
      citation: rule ? cite(ruleSet, rule.article) : null,
      quantity: assignment.days,
    };
    if (!rule) return { ...line, rule: `aturan ini tidak memberi tambahan ${kind}`, effect: 0 };
    if (isForfeited) return { ...line, rule: 'tidak dibayar karena TPP bulan ini hangus', effect: 0 };
    if (assignment.days < acting.minimumDays) return { ...line, rule: `kurang dari ${acting.minimumDays} hari → tanpa tambahan`, effect: 0 };
    const share: Fraction = acting.prorateByDays
      ? { numerator: input.workingDays === 0 ? 0 : assignment.days, denominator: Math.max(1, input.workingDays) }
      : WHOLE;
    const prorated = acting.prorateByDays ? ` × ${assignment.days}/${input.workingDays} hari kerja` : '';
    return {
      ...line,
      rule: `${formatPercent(rule.rateBp)} × pagu ${position} ${formatRupiah(acted.total)}${prorated}`,
      effect: portionOf(acted.total, [fractionOfBp(rule.rateBp), share], ruleSet.rounding.mode),
    };
  });
}

/**
 * The adjustment section, in a fixed order: exclusions (on the TPP after deductions), the CPNS share,
 * discipline penalties, then Plt/Plh additions (which those cuts do not reduce). A cut never takes
 * more than what is left, so TPP never goes below zero.
 */
export function computeAdjustments(
  ruleSet: TppRuleSet,
  input: TppInput,
  base: TppBase,
  afterDeductions: number,
  decisions: readonly ActiveDecision[],
  isForfeited: boolean,
): TppLine[] {
  const running: Running = { remaining: afterDeductions };
  return [
    ...exclusionLines(ruleSet, input, running),
    ...cpnsLines(ruleSet, input, running),
    ...disciplineLines(ruleSet, base, decisions, running),
    ...actingLines(ruleSet, input, isForfeited),
  ];
}
