import { describe, expect, it } from 'vitest';
import { divideRounded, formatChangeShare, formatFraction, formatThousands, formatPercent, formatPoints, formatRupiah, portionOf, roundToUnit } from '../../../src/domain/tpp/money';

describe('money', () => {
  it.each([
    { numerator: 25n, denominator: 10n, half_up: 3, down: 2, up: 3 },
    { numerator: 24n, denominator: 10n, half_up: 2, down: 2, up: 3 },
    { numerator: 30n, denominator: 10n, half_up: 3, down: 3, up: 3 },
  ])('divides $numerator/$denominator by each mode', ({ numerator, denominator, ...expected }) => {
    expect(divideRounded(numerator, denominator, 'half_up')).toBe(expected.half_up);
    expect(divideRounded(numerator, denominator, 'down')).toBe(expected.down);
    expect(divideRounded(numerator, denominator, 'up')).toBe(expected.up);
  });

  it('takes exact portions of large amounts without floating-point drift', () => {
    // 33 333 333 × 3 333 × 7 777 = 864 024 691 359 753 ÷ 10^8 = 8 640 246.913…
    expect(portionOf(33_333_333, [{ numerator: 3333, denominator: 10_000 }, { numerator: 7777, denominator: 10_000 }], 'half_up')).toBe(8_640_247);
    expect(portionOf(33_333_333, [{ numerator: 3333, denominator: 10_000 }, { numerator: 7777, denominator: 10_000 }], 'down')).toBe(8_640_246);
    // 999 999 999 × 9 999 × 9 999 ≈ 10^17, past 2^53: only exact integer arithmetic keeps the last rupiah.
    expect(portionOf(999_999_999, [{ numerator: 9999, denominator: 10_000 }, { numerator: 9999, denominator: 10_000 }], 'down')).toBe(999_800_009);
  });

  it('rounds to a unit', () => {
    expect(roundToUnit(1_234_567, 1000, 'half_up')).toBe(1_235_000);
    expect(roundToUnit(1_234_499, 1000, 'half_up')).toBe(1_234_000);
    expect(roundToUnit(1_234_001, 100, 'up')).toBe(1_234_100);
    expect(roundToUnit(1_234_599, 500, 'down')).toBe(1_234_500);
  });

  it('formats rupiah, percentages and points the Indonesian way', () => {
    expect(formatRupiah(1_234_567)).toBe('Rp 1.234.567');
    expect(formatRupiah(-5000)).toBe('−Rp 5.000');
    expect(formatRupiah(0)).toBe('Rp 0');
    expect(formatRupiah(7)).toBe('Rp 7');
    expect(formatRupiah(999)).toBe('Rp 999');
    expect(formatRupiah(1000)).toBe('Rp 1.000');
    expect(formatRupiah(-12_345)).toBe('−Rp 12.345');
    expect(formatRupiah(123_456)).toBe('Rp 123.456');
    expect(formatRupiah(9_007_199_254_740_991)).toBe('Rp 9.007.199.254.740.991');
    expect(formatPercent(50)).toBe('0,5 %');
    expect(formatPercent(2500)).toBe('25 %');
    expect(formatPercent(3334)).toBe('33,34 %');
    expect(formatPercent(405)).toBe('4,05 %');
    expect(formatPoints(3500)).toBe('35 poin');
    expect(formatPoints(50)).toBe('0,5 poin');
    expect(formatFraction({ numerator: 2, denominator: 3 })).toBe('66,67 %');
    expect(formatThousands(6_422_123_284)).toBe('6.422.123.284');
    expect(formatThousands(-57_277_330)).toBe('−57.277.330');
    expect(formatThousands(0)).toBe('0');
    expect(formatChangeShare(-57_277_330, 714_598_058)).toBe('−8,0 %');
    expect(formatChangeShare(45, 1000)).toBe('+4,5 %');
    expect(formatChangeShare(45, 1000, 'en-US')).toBe('+4.5 %');
    expect(formatChangeShare(0, 1000)).toBe('+0,0 %');
  });
});
