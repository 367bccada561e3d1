import { z } from 'zod';
import { tppRuleSetObjectSchema, tppRuleSetSchema, type TppRuleSet } from '../../../domain/tpp/rule-set';
import { TPP_COMPONENTS, type TppComponent } from '../../../domain/tpp/vocabulary';

/**
 * The rule-set editor's state and its pure operations. The form and the JSON tab edit the same
 * object; the form never changes its shape (it only sets values, adds and removes rows), so what it
 * edits is always a rule set the schema can judge, with every problem keyed by its dotted path.
 */
export type RuleSetDraft = TppRuleSet;
export type DraftPath = readonly (string | number)[];
/** Problems by dotted path ("deductions.rules.0.bands.1.rateBp"), as the server reports them. */
export type DraftProblems = Record<string, string>;

/** 10 000 bp = 100 %: shown to people as a percentage with up to two decimals. */
export const bpToPercent = (bp: number): number => bp / 100;
/** A typed percentage back to basis points; an empty or unreadable field stays NaN so the schema names it. */
export const percentToBp = (value: number | string): number => (typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 100) : Number.NaN);
/** A typed whole number (rupiah, days, minutes); an empty field stays NaN. */
export const wholeNumber = (value: number | string): number => (typeof value === 'number' && Number.isFinite(value) ? value : Number.NaN);

export const pathKey = (path: DraftPath): string => path.map(String).join('.');

/** A copy of `value` with the value at `path` replaced; untouched branches are shared. */
export function setIn<T>(value: T, path: DraftPath, next: unknown): T {
  if (path.length === 0) return next as T;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...(value as unknown[])];
    copy[head as number] = setIn(copy[head as number], rest, next);
    return copy as T;
  }
  const record = value as Record<string, unknown>;
  return { ...record, [head as string]: setIn(record[head as string], rest, next) } as T;
}

export function getIn(value: unknown, path: DraftPath): unknown {
  return path.reduce<unknown>((current, key) => (current === null || current === undefined ? undefined : (current as Record<string | number, unknown>)[key]), value);
}

/** Every problem the server would report for this draft, by path ("" for the whole rule set). */
export function findDraftProblems(draft: RuleSetDraft): DraftProblems {
  const parsed = tppRuleSetSchema.safeParse(draft, { error: draftErrors });
  if (parsed.success) return {};
  const problems: DraftProblems = {};
  for (const issue of parsed.error.issues) problems[pathKey(issue.path as DraftPath)] ??= issue.message;
  return problems;
}

const indonesianErrors = z.locales.id().localeError;
/** As the server words them (Indonesian), except a number field left empty, which the form keeps as NaN. */
const draftErrors: z.core.$ZodErrorMap = (issue) => (typeof issue.input === 'number' && Number.isNaN(issue.input) ? 'Wajib diisi' : indonesianErrors(issue));

/** Server field errors ("ruleSet.deductions.capBp") keyed like the draft's own problems. */
export function serverDraftProblems(fieldErrors: readonly { field: string; message: string }[]): DraftProblems {
  const problems: DraftProblems = {};
  for (const { field, message } of fieldErrors) problems[field.replace(/^(body\.)?ruleSet\.?/, '')] ??= message;
  return problems;
}

export type DraftLoad = { ok: true; draft: RuleSetDraft } | { ok: false; message: string };

/**
 * JSON text → a draft the form can show. Only the shape is required (every section present, each
 * value of its type); what the rules then say about each other (weights, bands, dates) is shown as
 * problems next to the fields.
 */
export function draftFromJson(text: string): DraftLoad {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: 'Teks bukan JSON yang sah' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, message: 'JSON aturan TPP harus berupa objek' };
  const shape = tppRuleSetObjectSchema.safeParse(data, { error: indonesianErrors });
  const blocking = shape.success ? undefined : shape.error.issues.find((issue) => SHAPE_ISSUES.has(issue.code));
  if (blocking) {
    const where = blocking.path.map(String).join('.');
    return { ok: false, message: `${where ? `${where}: ` : ''}${blocking.message}` };
  }
  return { ok: true, draft: withDefaults(data as RuleSetDraft) };
}

/** Values the schema defaults when a file leaves them out, written in so the form shows them. */
function withDefaults(draft: RuleSetDraft): RuleSetDraft {
  const rules = draft.deductions.rules.map((rule) => (rule.kind === 'leave' && rule.countFrom === undefined ? { ...rule, countFrom: 'month' as const } : rule));
  return { ...draft, deductions: { ...draft.deductions, rules } };
}

/** Issues that leave the form nothing to show (a missing section, a text where a number goes, an unknown kind). */
const SHAPE_ISSUES: ReadonlySet<string> = new Set(['invalid_type', 'invalid_union', 'invalid_key', 'invalid_element', 'unrecognized_keys']);

export const draftToJson = (draft: RuleSetDraft): string => JSON.stringify(draft, null, 2);

/** The sum of a class's (or position's) components: its monthly pagu. */
export const componentsTotal = (components: Record<TppComponent, number>): number => TPP_COMPONENTS.reduce((sum, component) => sum + (Number.isFinite(components[component]) ? components[component] : 0), 0);

/** A new row for the lowest kelas jabatan the table lacks, with zero amounts; null when all 17 are there. */
export function nextClassAmount(rows: RuleSetDraft['classAmounts']): RuleSetDraft['classAmounts'][number] | null {
  const present = new Set(rows.map((row) => row.kelasJabatan));
  for (let kelas = 1; kelas <= 17; kelas += 1) {
    if (!present.has(kelas)) return { kelasJabatan: kelas, components: { bebanKerja: 0, prestasiKerja: 0, kondisiKerja: 0, tempatBertugas: 0, kelangkaanProfesi: 0 } };
  }
  return null;
}

/** Class rows ordered from the highest kelas down, as annexes list them. */
export const sortClassAmounts = (rows: RuleSetDraft['classAmounts']): RuleSetDraft['classAmounts'] => [...rows].sort((a, b) => b.kelasJabatan - a.kelasJabatan);

type MinuteBandRow = { code: string; fromMinutes: number; toMinutes: number | null; rateBp: number };

/**
 * The band after the last one of a minute table: it starts after the last band's end (which is
 * closed at 30 minutes if it was open-ended) and stays open-ended; its code continues the prefix.
 */
export function nextMinuteBand(bands: readonly MinuteBandRow[]): { previous: MinuteBandRow[]; added: MinuteBandRow } {
  const last = bands.at(-1);
  if (!last) return { previous: [], added: { code: 'TL1', fromMinutes: 1, toMinutes: null, rateBp: 0 } };
  const lastTo = last.toMinutes ?? last.fromMinutes + 29;
  const previous = [...bands.slice(0, -1), { ...last, toMinutes: lastTo }];
  const match = /^([A-Z]+)(\d*)$/.exec(last.code);
  const code = match ? `${match[1]}${Number(match[2] || '0') + 1}` : `${last.code.slice(0, 8)}X`;
  return { previous, added: { code, fromMinutes: lastTo + 1, toMinutes: null, rateBp: last.rateBp } };
}

/** The sum of the earning parts' weights, in bp (10 000 = 100 % or 100 points). */
export const partsWeightTotal = (draft: RuleSetDraft): number => draft.earning.parts.reduce((sum, part) => sum + (Number.isFinite(part.weightBp) ? part.weightBp : 0), 0);

/** Problems whose path starts with `prefix` (a section's), for the count on its heading. */
export const problemsUnder = (problems: DraftProblems, prefix: string): number => Object.keys(problems).filter((path) => path === prefix || path.startsWith(`${prefix}.`)).length;

type DayBandRow = { fromDay: number; toDay: number | null; rateBpPerDay: number };

/** The day band after the last one: the open-ended last band is closed where it starts. */
export function nextDayBand(bands: readonly DayBandRow[]): { previous: DayBandRow[]; added: DayBandRow } {
  const last = bands.at(-1);
  if (!last) return { previous: [], added: { fromDay: 1, toDay: null, rateBpPerDay: 0 } };
  const lastTo = last.toDay ?? last.fromDay;
  return { previous: [...bands.slice(0, -1), { ...last, toDay: lastTo }], added: { fromDay: lastTo + 1, toDay: null, rateBpPerDay: last.rateBpPerDay } };
}

export type DeductionKind = RuleSetDraft['deductions']['rules'][number]['kind'];
export const DEDUCTION_KINDS: readonly DeductionKind[] = ['late', 'early', 'tk', 'missed_apel', 'leave', 'flat'];

/**
 * A new deduction of a kind, taken from the attendance part when the scheme has one. Its article is
 * left empty on purpose: the schema then asks for the article of the regulation it implements.
 */
export function newDeductionRule(kind: DeductionKind, draft: RuleSetDraft): RuleSetDraft['deductions']['rules'][number] {
  const target = draft.earning.parts.find((part) => part.measure.kind === 'attendance')?.key ?? 'total';
  const targeted = { target, of: 'base' as const, article: '' };
  switch (kind) {
    case 'late':
      return { kind, bands: [{ code: 'TL1', fromMinutes: 1, toMinutes: null, rateBp: 50 }], noPunchCode: null, ...targeted };
    case 'early':
      return { kind, bands: [{ code: 'PSW1', fromMinutes: 1, toMinutes: null, rateBp: 50 }], noPunchCode: null, ...targeted };
    case 'tk':
      return { kind, rateBpPerDay: 0, ...targeted };
    case 'missed_apel':
      return { kind, rateBpPerEvent: 0, ...targeted };
    case 'leave':
      return { kind, leaveType: 'cuti_sakit', bands: [{ fromDay: 1, toDay: null, rateBpPerDay: 0 }], countFrom: 'month', ...targeted };
    case 'flat':
      return { kind, event: 'tk_day', amountPerEvent: 0, target, article: '' };
  }
}
