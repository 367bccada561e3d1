/**
 * Money arithmetic of the TPP engine. Amounts are integer rupiah, rates are basis points
 * (10 000 bp = 100 %), and every rupiah amount derived from a rate is rounded exactly once, here,
 * with the rounding mode of the rule set. Products are taken in BigInt so that pagu × weight × factor
 * (up to ~10^16) never loses precision in a JS number.
 */
export const ROUNDING_MODES = ['half_up', 'down', 'up'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

export const FULL_BP = 10_000;

/** An exact non-negative fraction, e.g. 3 attended of 4 ceremonies, or 8 500 / 10 000. */
export interface Fraction {
  numerator: number;
  denominator: number;
}

export const fractionOfBp = (bp: number): Fraction => ({ numerator: bp, denominator: FULL_BP });
export const WHOLE: Fraction = { numerator: 1, denominator: 1 };

/** Non-negative numerator / denominator rounded to a whole number by mode. */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): number {
  if (denominator <= 0n) throw new RangeError('Pembagi harus positif');
  if (numerator < 0n) throw new RangeError('Pembilang tidak boleh negatif');
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  if (remainder === 0n) return Number(quotient);
  if (mode === 'down') return Number(quotient);
  if (mode === 'up') return Number(quotient + 1n);
  return Number(2n * remainder >= denominator ? quotient + 1n : quotient);
}

/** amount × each fraction, rounded once to whole rupiah. */
export function portionOf(amount: number, fractions: readonly Fraction[], mode: RoundingMode): number {
  let numerator = BigInt(amount);
  let denominator = 1n;
  for (const fraction of fractions) {
    numerator *= BigInt(fraction.numerator);
    denominator *= BigInt(fraction.denominator);
  }
  return divideRounded(numerator, denominator, mode);
}

/** Round a rupiah amount to a multiple of unit (1, 10, 100, 500 or 1 000) by mode. */
export const roundToUnit = (amount: number, unit: number, mode: RoundingMode): number =>
  divideRounded(BigInt(amount), BigInt(unit), mode) * unit;

/** An amount with a dot before every group of three digits: "6.422.123.284", "−57.277.330" (printed tables). */
export function formatThousands(amount: number): string {
  const digits = Math.abs(amount).toString();
  // No pattern search: explanations are built for every employee of a run.
  let grouped = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let at = grouped.length; at < digits.length; at += 3) grouped += `.${digits.slice(at, at + 3)}`;
  return `${amount < 0 ? '−' : ''}${grouped}`;
}

/** "Rp 1.234.567" (Indonesian grouping), "−Rp 5.000" for negatives. */
export function formatRupiah(amount: number): string {
  return `${amount < 0 ? '−' : ''}Rp ${formatThousands(Math.abs(amount))}`;
}

/** Basis points as an Indonesian percentage: 50 → "0,5 %", 2500 → "25 %", 3334 → "33,34 %". */
export function formatPercent(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const rest = Math.abs(bp % 100);
  const decimals = rest === 0 ? '' : `,${String(rest).padStart(2, '0').replace(/0$/, '')}`;
  return `${whole}${decimals} %`;
}

/**
 * A change as a signed share of what it changed from, one decimal, in the reader's number format
 * ('id-ID' by default): "+3,2 %", "−12,0 %" (month-on-month summaries, on screen and printed).
 */
export function formatChangeShare(change: number, from: number, numberLocale = 'id-ID'): string {
  const percent = (change / from) * 100;
  const text = Math.abs(percent).toLocaleString(numberLocale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return `${percent < 0 ? '−' : '+'}${text} %`;
}

/** Points out of 100 are stored as basis points of the base (1 point = 100 bp): 3500 → "35 poin". */
export function formatPoints(bp: number): string {
  return `${formatPercent(bp).replace(' %', '')} poin`;
}

/** A fraction as a percentage for explanations, to two decimals: 3/4 → "75 %", 2/3 → "66,67 %". */
export function formatFraction(fraction: Fraction): string {
  if (fraction.denominator === 0) return '0 %';
  return formatPercent(divideRounded(BigInt(fraction.numerator) * 10_000n, BigInt(fraction.denominator), 'half_up'));
}

/** −amount without producing −0 (which JSON and equality checks would treat as a different value). */
export const negative = (amount: number): number => 0 - amount;
