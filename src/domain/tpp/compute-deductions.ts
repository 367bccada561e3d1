import { requestKindLabels } from '../../contracts/attendance-requests';
import { formatPercent, formatPoints, formatRupiah, fractionOfBp, negative, portionOf } from './money';
import { cite } from './compute-earning';
import type { DayBand, DeductionRule, MinuteBand, TppRuleSet } from './rule-set';
import type { AttendanceEvent, TppInput } from './tpp-input';
import type { TppBase, TppLine, TppPartResult } from './tpp-result';
import { TOTAL_TARGET, type FlatCutEvent } from './vocabulary';

interface Cut {
  target: string;
  line: TppLine;
}

interface Context {
  ruleSet: TppRuleSet;
  input: TppInput;
  pagu: number;
  parts: readonly TppPartResult[];
  partsEarned: number;
}

const targetAmount = (context: Context, target: string): number =>
  target === TOTAL_TARGET ? context.partsEarned : (context.parts.find((part) => part.key === target)?.earned ?? 0);

const targetLabel = (context: Context, target: string): string =>
  target === TOTAL_TARGET ? 'seluruh TPP kinerja' : `bagian ${context.parts.find((part) => part.key === target)?.label ?? target}`;

interface Of {
  amount: number;
  /** "1 % × pagu Rp 5.000.000" (in a points scheme: "1 poin = 1 % × pagu …"). */
  describe: (rateBp: number) => string;
}

function describeOf(context: Context, rule: Exclude<DeductionRule, { kind: 'flat' }>): Of {
  if (rule.of === 'base') {
    const inPoints = context.ruleSet.earning.kind === 'points';
    return {
      amount: context.pagu,
      describe: (rateBp) => `${inPoints ? `${formatPoints(rateBp)} = ` : ''}${formatPercent(rateBp)} × pagu ${formatRupiah(context.pagu)}`,
    };
  }
  const amount = targetAmount(context, rule.target);
  return { amount, describe: (rateBp) => `${formatPercent(rateBp)} × ${targetLabel(context, rule.target)} ${formatRupiah(amount)}` };
}

/**
 * Each event is priced once (rounded), then multiplied: moving an event to a band with an equal or
 * higher rate can then never lower the cut through rounding, so more lateness never raises TPP.
 */
function perEvent(context: Context, of: Of, rateBp: number, count: number, unit: string): { rule: string; effect: number } {
  const price = portionOf(of.amount, [fractionOfBp(rateBp)], context.ruleSet.rounding.mode);
  return { rule: `${of.describe(rateBp)} = ${formatRupiah(price)} per ${unit}`, effect: negative(price * count) };
}

const bandRange = (band: MinuteBand): string => (band.toMinutes === null ? `≥ ${band.fromMinutes} menit` : `${band.fromMinutes}–${band.toMinutes} menit`);

function cutsForMinuteTable(context: Context, rule: Extract<DeductionRule, { kind: 'late' | 'early' }>, events: readonly AttendanceEvent[]): Cut[] {
  const of = describeOf(context, rule);
  const noPunchText = rule.kind === 'late' ? 'tidak absen masuk' : 'tidak absen pulang';
  const cuts: Cut[] = [];
  for (const band of rule.bands) {
    const inBand = events
      .filter((event) => event.minutes !== null && event.minutes >= band.fromMinutes && (band.toMinutes === null || event.minutes <= band.toMinutes))
      .map((event) => event.minutes ?? 0)
      .sort((a, b) => a - b);
    const noPunch = rule.noPunchCode === band.code ? events.filter((event) => event.minutes === null).length : 0;
    const count = inBand.length + noPunch;
    if (count === 0) continue;
    const details = [inBand.length > 0 ? `${inBand.join(', ')} menit` : null, noPunch > 0 ? `${noPunch}× ${noPunchText}` : null].filter(Boolean).join('; ');
    cuts.push({
      target: rule.target,
      line: {
        section: 'deduction',
        code: `deduction:${rule.kind}:${band.code}`,
        label: `${rule.kind === 'late' ? 'Terlambat' : 'Pulang sebelum waktunya'} ${band.code} (${bandRange(band)})`,
        input: `${count} kejadian (${details})`,
        ...perEvent(context, of, band.rateBp, count, 'kejadian'),
        citation: cite(context.ruleSet, rule.article),
        quantity: count,
      },
    });
  }
  return cuts;
}

function perEventCut(context: Context, rule: Extract<DeductionRule, { kind: 'tk' | 'missed_apel' }>, count: number): Cut[] {
  if (count === 0) return [];
  const of = describeOf(context, rule);
  const rateBp = rule.kind === 'tk' ? rule.rateBpPerDay : rule.rateBpPerEvent;
  const isTk = rule.kind === 'tk';
  return [
    {
      target: rule.target,
      line: {
        section: 'deduction',
        code: `deduction:${rule.kind}`,
        label: isTk ? 'Tanpa keterangan (TK)' : 'Tidak mengikuti apel',
        input: isTk ? `${count} hari TK` : `${count} apel tidak diikuti`,
        ...perEvent(context, of, rateBp, count, isTk ? 'hari' : 'apel'),
        citation: cite(context.ruleSet, rule.article),
        quantity: count,
      },
    },
  ];
}

/** How many of the leave's days first…last (numbered from its start) fall in the band. */
const daysInBand = (first: number, last: number, band: DayBand): number => Math.max(0, Math.min(last, band.toDay ?? last) - Math.max(first, band.fromDay) + 1);

function leaveCuts(context: Context, rule: Extract<DeductionRule, { kind: 'leave' }>): Cut[] {
  const entries = context.input.attendance.leave.filter((entry) => entry.leaveType === rule.leaveType);
  const days = entries.reduce((sum, entry) => sum + entry.days, 0);
  const prior = rule.countFrom === 'leave_start' ? entries.reduce((sum, entry) => sum + (entry.priorDays ?? 0), 0) : 0;
  const of = describeOf(context, rule);
  const name = requestKindLabels[rule.leaveType];
  const month = `${days} hari ${name.toLowerCase()} bulan ini${prior > 0 ? ` (hari ke-${prior + 1}–${prior + days}: cuti sudah berjalan ${prior} hari kerja sebelum bulan ini)` : ''}`;
  const cuts: Cut[] = [];
  for (const band of rule.bands) {
    const count = daysInBand(prior + 1, prior + days, band);
    if (count === 0) continue;
    cuts.push({
      target: rule.target,
      line: {
        section: 'deduction',
        code: `deduction:leave:${rule.leaveType}:${band.fromDay}`,
        label: `${name} hari ke-${band.fromDay}${band.toDay === null ? ' dst.' : `–${band.toDay}`}`,
        input: `${month}, ${count} hari dalam rentang ini`,
        ...perEvent(context, of, band.rateBpPerDay, count, 'hari'),
        citation: cite(context.ruleSet, rule.article),
        quantity: count,
      },
    });
  }
  return cuts;
}

const FLAT_EVENT_LABELS: Record<FlatCutEvent, string> = {
  tk_day: 'hari TK',
  late_event: 'keterlambatan',
  early_event: 'pulang sebelum waktunya',
  no_check_in: 'tidak absen masuk',
  no_check_out: 'tidak absen pulang',
  missed_apel: 'apel tidak diikuti',
};

function countFlatEvents(input: TppInput, event: FlatCutEvent): number {
  const { attendance } = input;
  switch (event) {
    case 'tk_day':
      return attendance.tkDays;
    case 'late_event':
      return attendance.late.filter((item) => item.minutes !== null).length;
    case 'early_event':
      return attendance.early.filter((item) => item.minutes !== null).length;
    case 'no_check_in':
      return attendance.late.filter((item) => item.minutes === null).length;
    case 'no_check_out':
      return attendance.early.filter((item) => item.minutes === null).length;
    case 'missed_apel':
      return attendance.apel.missed;
  }
}

function flatCuts(context: Context, rule: Extract<DeductionRule, { kind: 'flat' }>): Cut[] {
  const count = countFlatEvents(context.input, rule.event);
  if (count === 0) return [];
  return [
    {
      target: rule.target,
      line: {
        section: 'deduction',
        code: `deduction:flat:${rule.event}`,
        label: `Potongan tetap: ${FLAT_EVENT_LABELS[rule.event]}`,
        input: `${count}× ${FLAT_EVENT_LABELS[rule.event]}`,
        rule: `${formatRupiah(rule.amountPerEvent)} per kejadian`,
        citation: cite(context.ruleSet, rule.article),
        quantity: count,
        effect: negative(rule.amountPerEvent * count),
      },
    },
  ];
}

function cutsFor(context: Context, rule: DeductionRule): Cut[] {
  switch (rule.kind) {
    case 'late':
      return cutsForMinuteTable(context, rule, context.input.attendance.late);
    case 'early':
      return cutsForMinuteTable(context, rule, context.input.attendance.early);
    case 'tk':
      return perEventCut(context, rule, context.input.attendance.tkDays);
    case 'missed_apel':
      return perEventCut(context, rule, context.input.attendance.apel.missed);
    case 'leave':
      return leaveCuts(context, rule);
    case 'flat':
      return flatCuts(context, rule);
  }
}

const sumCuts = (cuts: readonly Cut[]): number => cuts.reduce((sum, cut) => sum - cut.line.effect, 0);

function capLine(context: Context, code: string, label: string, cut: number, limit: number, rule: string): TppLine {
  return {
    section: 'deduction',
    code,
    label,
    input: `Potongan dihitung ${formatRupiah(cut)}`,
    rule: `${rule} ${formatRupiah(limit)}`,
    citation: cite(context.ruleSet, context.ruleSet.deductions.capArticle),
    quantity: null,
    effect: cut - limit,
  };
}

/**
 * Caps, in order: a part's cuts never exceed what the part earned; cuts of the whole never exceed what
 * is left; all cuts together never exceed capBp of the pagu. Each cap that bites is its own positive
 * line, so the lines still add up to the total cut.
 */
function capCuts(context: Context, cuts: readonly Cut[]): TppLine[] {
  const capLines: TppLine[] = [];
  let allowed = 0;
  for (const part of context.parts) {
    const cut = sumCuts(cuts.filter((item) => item.target === part.key));
    if (cut > part.earned) capLines.push(capLine(context, `cap:part:${part.key}`, `Batas potongan ${part.label}`, cut, part.earned, `potongan tidak melebihi bagian ${part.label}`));
    allowed += Math.min(cut, part.earned);
  }
  const totalCut = sumCuts(cuts.filter((item) => item.target === TOTAL_TARGET));
  const left = context.partsEarned - allowed;
  if (totalCut > left) capLines.push(capLine(context, 'cap:total', 'Batas potongan seluruh TPP kinerja', totalCut, left, 'potongan tidak melebihi sisa TPP kinerja'));
  allowed += Math.min(totalCut, left);
  const { capBp } = context.ruleSet.deductions;
  const ceiling = portionOf(context.pagu, [fractionOfBp(capBp)], context.ruleSet.rounding.mode);
  if (allowed > ceiling) capLines.push(capLine(context, 'cap:overall', 'Batas potongan keseluruhan', allowed, ceiling, `potongan paling banyak ${formatPercent(capBp)} pagu =`));
  return capLines;
}

export interface DeductionOutcome {
  lines: TppLine[];
  isForfeited: boolean;
}

/** The deduction section: every cut with its table and citation, caps, or the whole-month forfeit. */
export function computeDeductions(ruleSet: TppRuleSet, input: TppInput, base: TppBase, parts: readonly TppPartResult[], earned: number): DeductionOutcome {
  const { forfeit } = ruleSet.deductions;
  const { tkDays } = input.attendance;
  if (forfeit && tkDays >= forfeit.tkDaysFrom) {
    const line: TppLine = {
      section: 'deduction',
      code: 'forfeit',
      label: 'TPP bulan ini hangus',
      input: `${tkDays} hari TK`,
      rule: `TK ${forfeit.tkDaysFrom} hari atau lebih → seluruh TPP bulan ini tidak dibayar`,
      citation: cite(ruleSet, forfeit.article),
      quantity: tkDays,
      effect: negative(earned),
    };
    return { lines: [line], isForfeited: true };
  }
  const context: Context = { ruleSet, input, pagu: base.performanceBase, parts, partsEarned: parts.reduce((sum, part) => sum + part.earned, 0) };
  const cuts = ruleSet.deductions.rules.flatMap((rule) => cutsFor(context, rule));
  return { lines: [...cuts.map((cut) => cut.line), ...capCuts(context, cuts)], isForfeited: false };
}
