import { describe, expect, it } from 'vitest';
import { adviseDistribution, formatPercent, type PredikatCounts } from '../../../src/domain/skp/distribution';
import { UNIT_PREDIKATS, type UnitPredikat } from '../../../src/domain/skp/vocabulary';

type Case = { name: string; unit: UnitPredikat; counts: PredikatCounts; breaches: { kind: string; actual: number; limit: number }[] };

const summarise = (unit: UnitPredikat, counts: PredikatCounts) =>
  adviseDistribution(unit, counts).breaches.map((b) => ({ kind: b.rule.kind, actual: b.actualCount, limit: b.limitCount }));

describe('adviseDistribution (SE MenPANRB 03/2023)', () => {
  it.each<Case>([
    // Istimewa: at most 70 % Sangat Baik.
    { name: 'Istimewa, 7 of 10 Sangat Baik (exactly 70 %)', unit: 'istimewa', counts: { sangat_baik: 7, baik: 3 }, breaches: [] },
    { name: 'Istimewa, 8 of 10 Sangat Baik', unit: 'istimewa', counts: { sangat_baik: 8, baik: 2 }, breaches: [{ kind: 'max_percent', actual: 8, limit: 7 }] },
    // Baik: at most 70 % Baik and at least one Butuh Perbaikan or Kurang.
    { name: 'Baik, 7 of 10 Baik with 3 Butuh Perbaikan', unit: 'baik', counts: { baik: 7, butuh_perbaikan: 3 }, breaches: [] },
    { name: 'Baik, one Kurang satisfies "at least one"', unit: 'baik', counts: { baik: 7, sangat_baik: 2, kurang: 1 }, breaches: [] },
    { name: 'Baik, 8 of 10 Baik', unit: 'baik', counts: { baik: 8, butuh_perbaikan: 2 }, breaches: [{ kind: 'max_percent', actual: 8, limit: 7 }] },
    { name: 'Baik, nobody Butuh Perbaikan or Kurang', unit: 'baik', counts: { baik: 7, sangat_baik: 3 }, breaches: [{ kind: 'min_count', actual: 0, limit: 1 }] },
    { name: 'Baik, Sangat Kurang does not count for "at least one"', unit: 'baik', counts: { baik: 1, sangat_kurang: 1 }, breaches: [{ kind: 'min_count', actual: 0, limit: 1 }] },
    // Butuh Perbaikan/Cukup: at least 60 % Butuh Perbaikan, at most 10 % Sangat Baik.
    { name: 'Cukup, 6 of 10 Butuh Perbaikan and 1 Sangat Baik (exactly 60 % and 10 %)', unit: 'butuh_perbaikan', counts: { butuh_perbaikan: 6, sangat_baik: 1, baik: 3 }, breaches: [] },
    { name: 'Cukup, 5 of 10 Butuh Perbaikan', unit: 'butuh_perbaikan', counts: { butuh_perbaikan: 5, baik: 5 }, breaches: [{ kind: 'min_percent', actual: 5, limit: 6 }] },
    { name: 'Cukup, 2 of 10 Sangat Baik', unit: 'butuh_perbaikan', counts: { butuh_perbaikan: 6, sangat_baik: 2, baik: 2 }, breaches: [{ kind: 'max_percent', actual: 2, limit: 1 }] },
    { name: 'Cukup, 60 % of 3 people needs 2', unit: 'butuh_perbaikan', counts: { butuh_perbaikan: 1, baik: 2 }, breaches: [{ kind: 'min_percent', actual: 1, limit: 2 }] },
    // Kurang: at least 60 % Kurang, at least 10 % Butuh Perbaikan, at most 10 % Sangat Baik.
    { name: 'Kurang, 6 Kurang, 1 Butuh Perbaikan, 1 Sangat Baik of 10', unit: 'kurang', counts: { kurang: 6, butuh_perbaikan: 1, sangat_baik: 1, baik: 2 }, breaches: [] },
    { name: 'Kurang, 5 of 10 Kurang', unit: 'kurang', counts: { kurang: 5, butuh_perbaikan: 1, baik: 4 }, breaches: [{ kind: 'min_percent', actual: 5, limit: 6 }] },
    { name: 'Kurang, no Butuh Perbaikan', unit: 'kurang', counts: { kurang: 6, baik: 4 }, breaches: [{ kind: 'min_percent', actual: 0, limit: 1 }] },
    { name: 'Kurang, 2 of 10 Sangat Baik', unit: 'kurang', counts: { kurang: 6, butuh_perbaikan: 2, sangat_baik: 2 }, breaches: [{ kind: 'max_percent', actual: 2, limit: 1 }] },
    // Sangat Kurang: at least 60 % Sangat Kurang, at least 10 % Kurang or Butuh Perbaikan, no Sangat Baik.
    { name: 'Sangat Kurang, 6 of 10 with 1 Kurang', unit: 'sangat_kurang', counts: { sangat_kurang: 6, kurang: 1, baik: 3 }, breaches: [] },
    { name: 'Sangat Kurang, 6 of 10 with 1 Butuh Perbaikan', unit: 'sangat_kurang', counts: { sangat_kurang: 6, butuh_perbaikan: 1, baik: 3 }, breaches: [] },
    { name: 'Sangat Kurang, 5 of 10', unit: 'sangat_kurang', counts: { sangat_kurang: 5, kurang: 1, baik: 4 }, breaches: [{ kind: 'min_percent', actual: 5, limit: 6 }] },
    { name: 'Sangat Kurang, no Kurang or Butuh Perbaikan', unit: 'sangat_kurang', counts: { sangat_kurang: 6, baik: 4 }, breaches: [{ kind: 'min_percent', actual: 0, limit: 1 }] },
    { name: 'Sangat Kurang, one Sangat Baik', unit: 'sangat_kurang', counts: { sangat_kurang: 6, kurang: 1, sangat_baik: 1, baik: 2 }, breaches: [{ kind: 'none', actual: 1, limit: 0 }] },
  ])('$name', ({ unit, counts, breaches }) => {
    expect(summarise(unit, counts)).toEqual(breaches);
  });

  it.each(UNIT_PREDIKATS)('an empty unit (%s) has nothing to warn about', (unit) => {
    const advice = adviseDistribution(unit, {});
    expect(advice.total).toBe(0);
    expect(advice.breaches).toEqual([]);
  });

  it('explains each breach in Indonesian with the limit and the current share', () => {
    const [breach] = adviseDistribution('istimewa', { sangat_baik: 8, baik: 2 }).breaches;
    expect(breach?.message).toBe('Unit berpredikat Istimewa: pegawai berpredikat Sangat Baik paling banyak 70 % (7 dari 10 orang), saat ini 8 orang (80 %).');
    const messages = adviseDistribution('sangat_kurang', { sangat_kurang: 1, sangat_baik: 2 }).breaches.map((b) => b.message);
    expect(messages).toEqual([
      'Unit berpredikat Sangat Kurang: pegawai berpredikat Sangat Kurang paling sedikit 60 % (2 dari 3 orang), saat ini 1 orang (33,33 %).',
      'Unit berpredikat Sangat Kurang: pegawai berpredikat Kurang/Misconduct atau Butuh Perbaikan paling sedikit 10 % (1 dari 3 orang), saat ini 0 orang (0 %).',
      'Unit berpredikat Sangat Kurang: pegawai berpredikat Sangat Baik tidak boleh ada, saat ini 2 orang (66,67 %).',
    ]);
  });

  it('rejects counts that are not whole non-negative numbers', () => {
    expect(() => adviseDistribution('baik', { baik: -1 })).toThrow(RangeError);
    expect(() => adviseDistribution('baik', { baik: 1.5 })).toThrow(RangeError);
  });
});

describe('formatPercent', () => {
  it.each([
    [7, 10, '70 %'],
    [1, 8, '12,5 %'],
    [2, 3, '66,67 %'],
    [1, 3, '33,33 %'],
    [0, 4, '0 %'],
  ])('%i of %i → %s', (part, total, expected) => {
    expect(formatPercent(part, total)).toBe(expected);
  });
});
