import { describe, expect, it } from 'vitest';
import {
  bandPp46Score,
  checkKepemimpinan,
  scorePp46BehaviourAspects,
  pointsForAdditionalTasks,
  scorePp46Activity,
  scorePp46Behaviour,
  scorePp46Final,
  scorePp46Skp,
} from '../../../src/domain/skp/pp46-formula';

// Worked examples computed by hand from the formulas in rules.md §3 / Perka BKN 1/2013.
describe('scorePp46Activity', () => {
  it('on-time activity with cost: 100 + 90 + 76 + 76 = 342, mean 85,50', () => {
    // kuantitas 1/1 × 100 = 100; kualitas 90/100 × 100 = 90;
    // waktu efficiency 100 − 12/12 × 100 = 0 % → (1,76 × 12 − 12)/12 × 100 = 76; biaya likewise 76.
    expect(
      scorePp46Activity({
        kuantitas: { target: 1, realisasi: 1 },
        kualitas: { target: 100, realisasi: 90 },
        waktu: { target: 12, realisasi: 12 },
        biaya: { target: 170_395_000, realisasi: 170_395_000 },
      }),
    ).toEqual({ kuantitas: 100, kualitas: 90, waktu: 76, biaya: 76, waktuEfficiency: 0, biayaEfficiency: 0, perhitungan: 342, nilaiCapaian: 85.5 });
  });

  it.each([
    // efficiency 100 − 4/5 × 100 = 20 % ≤ 24 → (8,8 − 4)/5 × 100 = 96
    { name: '20 % faster', target: 5, realisasi: 4, efficiency: 20, score: 96 },
    // exactly 24 %: 100 − 9,12/12 × 100 = 24 → (21,12 − 9,12)/12 × 100 = 100 (exact, no float drift)
    { name: 'exactly 24 % faster (boundary, ≤ 24 % formula)', target: 12, realisasi: 9.12, efficiency: 24, score: 100 },
    // 25 %: RW 9 → (21,12 − 9)/12 × 100 = 101 → 76 − (101 − 100) = 75
    { name: '25 % faster (> 24 % formula)', target: 12, realisasi: 9, efficiency: 25, score: 75 },
    // 50 %: RW 6 → (21,12 − 6)/12 × 100 = 126 → 76 − (126 − 100) = 50
    { name: '50 % faster', target: 12, realisasi: 6, efficiency: 50, score: 50 },
    // late: RW 15 → efficiency −25 % → (21,12 − 15)/12 × 100 = 51
    { name: '3 months late', target: 12, realisasi: 15, efficiency: -25, score: 51 },
  ])('waktu: $name → $score', ({ target, realisasi, efficiency, score }) => {
    const result = scorePp46Activity({ waktu: { target, realisasi } });
    expect(result.waktuEfficiency).toBe(efficiency);
    expect(result.waktu).toBe(score);
    expect(result.nilaiCapaian).toBe(score);
  });

  it('biaya uses the same two formulas: half the budget (50 %) → 50, 90 % of the budget (10 %) → 86', () => {
    // (1,76 × 200 − 100)/200 × 100 = 126 → 76 − 26 = 50
    expect(scorePp46Activity({ biaya: { target: 200_000_000, realisasi: 100_000_000 } }).biaya).toBe(50);
    // (1,76 × 200 − 180)/200 × 100 = 86
    expect(scorePp46Activity({ biaya: { target: 200_000_000, realisasi: 180_000_000 } }).biaya).toBe(86);
  });

  it('averages only the aspects present: (83,33… + 95 + 76)/3 = 84,78', () => {
    // kuantitas 10/12 × 100 = 83,333…; sum 254,333… → printed 254,33; mean 84,777… → 84,78
    const result = scorePp46Activity({ kuantitas: { target: 12, realisasi: 10 }, kualitas: { target: 100, realisasi: 95 }, waktu: { target: 12, realisasi: 12 } });
    expect(result).toMatchObject({ kuantitas: 83.33, kualitas: 95, waktu: 76, biaya: null, perhitungan: 254.33, nilaiCapaian: 84.78 });
  });

  it('an activity not carried out (output 0) scores 0 on waktu and biaya', () => {
    const result = scorePp46Activity({
      kuantitas: { target: 4, realisasi: 0 },
      kualitas: { target: 100, realisasi: 0 },
      waktu: { target: 12, realisasi: 0 },
      biaya: { target: 1_000_000, realisasi: 0 },
    });
    expect(result).toMatchObject({ kuantitas: 0, kualitas: 0, waktu: 0, biaya: 0, nilaiCapaian: 0 });
  });

  it('rejects a zero target, a negative realisation and an activity without aspects', () => {
    expect(() => scorePp46Activity({ kuantitas: { target: 0, realisasi: 1 } })).toThrow('Target kuantitas harus lebih dari 0');
    expect(() => scorePp46Activity({ waktu: { target: 12, realisasi: -1 } })).toThrow('Realisasi waktu tidak boleh negatif');
    expect(() => scorePp46Activity({})).toThrow('Kegiatan tanpa aspek yang dinilai');
  });
});

describe('scorePp46Skp, scorePp46Behaviour, scorePp46Final', () => {
  const first = { kuantitas: { target: 1, realisasi: 1 }, kualitas: { target: 100, realisasi: 90 }, waktu: { target: 12, realisasi: 12 }, biaya: { target: 10, realisasi: 10 } };
  const second = { kuantitas: { target: 12, realisasi: 10 }, kualitas: { target: 100, realisasi: 95 }, waktu: { target: 12, realisasi: 12 } };

  it('SKP = mean of the printed activity scores + additional points: (85,50 + 84,78)/2 + 1 = 86,14', () => {
    const result = scorePp46Skp({ activities: [first, second], additionalTaskCount: 2 });
    expect(result.activities.map((a) => a.nilaiCapaian)).toEqual([85.5, 84.78]);
    expect(result.additionalPoints).toBe(1);
    expect(result.skpScore).toBe(86.14);
  });

  it('adds creativity points on top of additional tasks', () => {
    // (85,50 + 84,78)/2 = 85,14; 4 tasks → 2; unit-level creativity → 3; 90,14
    expect(scorePp46Skp({ activities: [first, second], additionalTaskCount: 4, creativity: 'unit_kerja' }).skpScore).toBe(90.14);
  });

  it.each([
    [0, 0],
    [1, 1],
    [3, 1],
    [4, 2],
    [6, 2],
    [7, 3],
    [12, 3],
  ])('%i additional tasks → %i points', (tasks, points) => {
    expect(pointsForAdditionalTasks(tasks)).toBe(points);
  });

  it('behaviour is the mean of the aspects, rounded half away from zero exactly', () => {
    expect(scorePp46Behaviour([80, 85, 90, 75, 80])).toBe(82);
    // 70,075 exactly: binary floating point (Math.round(v × 100) / 100) would print 70,07.
    expect(scorePp46Behaviour([70.07, 70.08])).toBe(70.08);
    expect(() => scorePp46Behaviour([])).toThrow(RangeError);
    expect(() => scorePp46Behaviour([101])).toThrow(RangeError);
  });

  it('behaviour from the aspects: jumlah and nilai rata-rata of the five (non-structural) or six aspects', () => {
    expect(scorePp46BehaviourAspects({ orientasiPelayanan: 80, integritas: 85, komitmen: 90, disiplin: 75, kerjaSama: 80, kepemimpinan: null })).toEqual({ jumlah: 410, aspectCount: 5, mean: 82 });
    // 509 / 6 = 84,8333… → 84,83
    expect(scorePp46BehaviourAspects({ orientasiPelayanan: 90, integritas: 85.5, komitmen: 88, disiplin: 80, kerjaSama: 86, kepemimpinan: 79.5 })).toEqual({ jumlah: 509, aspectCount: 6, mean: 84.83 });
    // A kepemimpinan of 0 is a score, not an absent aspect: 410 / 6 = 68,33.
    expect(scorePp46BehaviourAspects({ orientasiPelayanan: 80, integritas: 85, komitmen: 90, disiplin: 75, kerjaSama: 80, kepemimpinan: 0 })).toEqual({ jumlah: 410, aspectCount: 6, mean: 68.33 });
  });

  it.each([
    [true, null, 'required'],
    [true, 80, null],
    [false, 80, 'not_applicable'],
    [false, null, null],
  ] as const)('kepemimpinan for a structural position %s, score %s → %s', (isStructural, score, problem) => {
    expect(checkKepemimpinan(isStructural, score)).toBe(problem);
  });

  it('final = 60 % SKP + 40 % behaviour: 0,6 × 86,14 + 0,4 × 82 = 84,484 → 84,48 Baik', () => {
    expect(scorePp46Final(86.14, 82)).toEqual({ skpScore: 86.14, behaviourScore: 82, finalScore: 84.48, band: 'Baik' });
  });

  it.each([
    [100, 'Sangat Baik'],
    [91, 'Sangat Baik'],
    [90.99, 'Baik'],
    [76, 'Baik'],
    [75.99, 'Cukup'],
    [61, 'Cukup'],
    [60.5, 'Kurang'],
    [51, 'Kurang'],
    [50.99, 'Buruk'],
    [50, 'Buruk'],
    [-10, 'Buruk'],
  ])('score %d → %s', (score, band) => {
    expect(bandPp46Score(score)).toBe(band);
  });
});
