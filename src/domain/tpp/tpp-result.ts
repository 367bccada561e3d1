import type { ComponentAmounts } from './rule-set';

/**
 * Where an explanation line belongs. The effects add up exactly, by section:
 *   Σ earning = earned; Σ deduction = −deductionTotal; Σ adjustment = adjustmentTotal;
 *   earned − deductionTotal + adjustmentTotal = tpp;  tpp + Σ allowance = gross;
 *   gross + Σ withholding + Σ rounding = net  (so Σ of all lines = net).
 */
export const TPP_LINE_SECTIONS = ['earning', 'deduction', 'adjustment', 'allowance', 'withholding', 'rounding'] as const;
export type TppLineSection = (typeof TPP_LINE_SECTIONS)[number];

/** One line of "why is my TPP this amount?": the input, the rule applied with its citation, the rupiah effect. */
export interface TppLine {
  section: TppLineSection;
  /** Stable code for grouping into columns: part:kinerja, deduction:late:TL2, deduction:tk, cap:total, bpjs:employee … */
  code: string;
  label: string;
  /** What was measured, e.g. "3 kejadian (35, 42, 58 menit)". */
  input: string;
  /** The rule applied, e.g. "1 % × pagu Rp 5.000.000 per kejadian". */
  rule: string;
  /** Regulation and article, e.g. "Perbup Kolaka 12/2023 Pasal 9 ayat (2)"; null for arithmetic lines. */
  citation: string | null;
  /** Events or days counted, when the line counts something. */
  quantity: number | null;
  /** Signed rupiah. */
  effect: number;
}

export interface TppBase {
  source: 'class' | 'position';
  kelasJabatan: number;
  positionCode: string | null;
  components: ComponentAmounts;
  /** Σ of the components earned through the parts (earning.appliesTo) — "pagu" in explanations. */
  performanceBase: number;
  /** Σ of the components paid in full. */
  fixedBase: number;
  total: number;
}

export interface TppPartResult {
  key: string;
  label: string;
  weightBp: number;
  /** The part's share of the performance base, before its measure. */
  maxAmount: number;
  earned: number;
}

export interface TppResult {
  period: string;
  ruleSet: { regionCode: string; name: string; effectiveFrom: string; regulation: string };
  base: TppBase;
  parts: TppPartResult[];
  /** Σ earning lines: earned parts plus components paid in full. */
  earned: number;
  /** Positive: total of the deduction section (cuts less cap restorations, or the forfeit). */
  deductionTotal: number;
  isForfeited: boolean;
  /** Signed: exclusions, CPNS share and discipline penalties (negative), Plt/Plh additions (positive). */
  adjustmentTotal: number;
  /** TPP payable before contributions and tax ("TPP kotor" of the payroll recap). */
  tpp: number;
  bpjs: { base: number; employer: number; employee: number };
  pph21: { policy: 'withheld' | 'borne_by_region' | 'none'; base: number; amount: number };
  /** tpp + allowances (BPJS paid by the region, tax allowance). */
  gross: number;
  roundingDifference: number;
  /** Transferred to the employee. */
  net: number;
  lines: TppLine[];
}

/** An input the rule set cannot compute (class without amounts, unknown penalty code, month before the rule set). */
export class TppComputationError extends Error {
  constructor(
    readonly code: 'class_amount_missing' | 'rule_set_not_effective' | 'penalty_unknown',
    message: string,
  ) {
    super(message);
    this.name = 'TppComputationError';
  }
}
