/**
 * Exact rationals for score formulas: inputs such as 9,12 months or 1,76 × TW would drift in binary
 * floating point (1.76 × 12 − 9.12 = 12.000000000000002), which can move a value across a band or the
 * 24 % efficiency boundary. Denominators stay positive and the fraction is kept reduced.
 */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

export function ratio(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError('Pembagian dengan nol');
  const sign = d < 0n ? -1n : 1n;
  const divisor = gcd(n, d) || 1n;
  return { n: (sign * n) / divisor, d: (sign * d) / divisor };
}

/** The exact decimal a JS number prints as ("9.12" → 912/100), so user-entered decimals stay exact. */
export function fromNumber(value: number): Rational {
  if (!Number.isFinite(value)) throw new RangeError(`Bukan angka: ${value}`);
  const text = Math.abs(value) >= 1e21 || (value !== 0 && Math.abs(value) < 1e-6) ? value.toFixed(12) : String(value);
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
  const sign = value < 0 ? -1n : 1n;
  return ratio(sign * BigInt(whole + fraction), 10n ** BigInt(fraction.length));
}

export const add = (a: Rational, b: Rational) => ratio(a.n * b.d + b.n * a.d, a.d * b.d);
export const subtract = (a: Rational, b: Rational) => ratio(a.n * b.d - b.n * a.d, a.d * b.d);
export const multiply = (a: Rational, b: Rational) => ratio(a.n * b.n, a.d * b.d);
export const divide = (a: Rational, b: Rational) => ratio(a.n * b.d, a.d * b.n);
/** Negative, zero or positive as a is below, equal to or above b. */
export const compare = (a: Rational, b: Rational): number => {
  const difference = a.n * b.d - b.n * a.d;
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
};

export function mean(values: readonly Rational[]): Rational {
  if (values.length === 0) throw new RangeError('Rata-rata dari daftar kosong');
  return divide(values.reduce(add, ratio(0n)), ratio(BigInt(values.length)));
}

/** Rounded half away from zero to `decimals` places, as a JS number (exact for two decimals). */
export function roundTo(value: Rational, decimals: number): number {
  const scale = 10n ** BigInt(decimals);
  const scaled = value.n * scale;
  const magnitude = scaled < 0n ? -scaled : scaled;
  const rounded = (2n * magnitude + value.d) / (2n * value.d);
  const signed = scaled < 0n ? -rounded : rounded;
  return Number(signed) / Number(scale);
}
