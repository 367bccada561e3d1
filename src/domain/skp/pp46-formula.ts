import type { Pp46CreativityLevel } from './vocabulary';
import { add, compare, divide, fromNumber, mean, multiply, ratio, roundTo, subtract, type Rational } from './rational';

/**
 * Legacy SKP scoring, PP 46/2011 with Perka BKN 1/2013 (rules.md §3), for regions that still use it.
 *
 * Per activity (kegiatan tugas jabatan), each aspect that has a target:
 * - kuantitas = RO / TO × 100, kualitas = RK / TK × 100;
 * - waktu: efficiency = 100 − RW / TW × 100; if efficiency ≤ 24 %: (1,76 × TW − RW) / TW × 100
 *   (on time = 76); if efficiency > 24 %: 76 − ((((1,76 × TW − RW) / TW) × 100) − 100);
 * - biaya: the same two formulas with TB and RB;
 * - an activity not carried out (realised output 0) scores 0 on waktu and biaya (Perka BKN 1/2013:
 *   the formula is multiplied by 0).
 * The activity's score (nilai capaian) is the mean of the aspects present. The SKP score is the mean
 * of the activity scores plus the points for tugas tambahan and kreativitas; the final
 * (prestasi kerja) = 60 % SKP + 40 % perilaku kerja.
 *
 * Rounding, stated once: every number that appears on the form (activity score, SKP score, perilaku,
 * final) is rounded half away from zero to two decimals, and later steps use those printed values,
 * so the form can be checked by hand. The computation itself is exact (rationals).
 */
export const PP46_SOURCE = 'PP 46/2011 tentang Penilaian Prestasi Kerja PNS; Perka BKN No. 1 Tahun 2013 (ketentuan pelaksanaan)';

export interface TargetRealisation {
  target: number;
  realisasi: number;
}

export interface Pp46ActivityInput {
  /** Output (RO/TO), e.g. 12 laporan. */
  kuantitas?: TargetRealisation | null;
  /** Mutu 0–100 (RK/TK). */
  kualitas?: TargetRealisation | null;
  /** Months (RW/TW). */
  waktu?: TargetRealisation | null;
  /** Rupiah (RB/TB); absent for most activities. */
  biaya?: TargetRealisation | null;
}

export interface Pp46ActivityScore {
  kuantitas: number | null;
  kualitas: number | null;
  waktu: number | null;
  biaya: number | null;
  /** Efficiency of time and cost in percent (100 − R/T × 100), null when the aspect is absent. */
  waktuEfficiency: number | null;
  biayaEfficiency: number | null;
  /** Sum of the aspects present (the form's "perhitungan"). */
  perhitungan: number;
  /** Mean of the aspects present (the form's "nilai capaian SKP"). */
  nilaiCapaian: number;
}

const HUNDRED = ratio(100n);
const WEIGHT = fromNumber(1.76);
const ON_TIME = ratio(76n);
const EFFICIENCY_LIMIT = ratio(24n);

function requireValid(name: string, value: TargetRealisation): { target: Rational; realisasi: Rational } {
  if (!(value.target > 0)) throw new RangeError(`Target ${name} harus lebih dari 0`);
  if (!(value.realisasi >= 0)) throw new RangeError(`Realisasi ${name} tidak boleh negatif`);
  return { target: fromNumber(value.target), realisasi: fromNumber(value.realisasi) };
}

const percentOf = (realisasi: Rational, target: Rational) => multiply(divide(realisasi, target), HUNDRED);

/** Waktu or biaya: the 1,76 weighted formula, switching at 24 % efficiency. */
function scoreEfficiencyAspect(target: Rational, realisasi: Rational): { score: Rational; efficiency: Rational } {
  const efficiency = subtract(HUNDRED, percentOf(realisasi, target));
  const weighted = multiply(divide(subtract(multiply(WEIGHT, target), realisasi), target), HUNDRED);
  const score = compare(efficiency, EFFICIENCY_LIMIT) <= 0 ? weighted : subtract(ON_TIME, subtract(weighted, HUNDRED));
  return { score, efficiency };
}

function scoreActivityExact(input: Pp46ActivityInput) {
  const kuantitas = input.kuantitas ? requireValid('kuantitas', input.kuantitas) : null;
  const kualitas = input.kualitas ? requireValid('kualitas', input.kualitas) : null;
  const waktu = input.waktu ? requireValid('waktu', input.waktu) : null;
  const biaya = input.biaya ? requireValid('biaya', input.biaya) : null;
  const isNotCarriedOut = kuantitas !== null && kuantitas.realisasi.n === 0n;
  const zero = ratio(0n);

  const kuantitasScore = kuantitas && percentOf(kuantitas.realisasi, kuantitas.target);
  const kualitasScore = kualitas && percentOf(kualitas.realisasi, kualitas.target);
  const waktuResult = waktu && scoreEfficiencyAspect(waktu.target, waktu.realisasi);
  const biayaResult = biaya && scoreEfficiencyAspect(biaya.target, biaya.realisasi);
  const waktuScore = waktuResult && (isNotCarriedOut ? zero : waktuResult.score);
  const biayaScore = biayaResult && (isNotCarriedOut ? zero : biayaResult.score);

  const present = [kuantitasScore, kualitasScore, waktuScore, biayaScore].filter((v): v is Rational => v !== null);
  if (present.length === 0) throw new RangeError('Kegiatan tanpa aspek yang dinilai');
  return {
    kuantitasScore,
    kualitasScore,
    waktuScore,
    biayaScore,
    waktuEfficiency: waktuResult?.efficiency ?? null,
    biayaEfficiency: biayaResult?.efficiency ?? null,
    perhitungan: present.reduce(add, zero),
    nilaiCapaian: mean(present),
  };
}

const printed = (value: Rational | null) => (value === null ? null : roundTo(value, 2));

export function scorePp46Activity(input: Pp46ActivityInput): Pp46ActivityScore {
  const exact = scoreActivityExact(input);
  return {
    kuantitas: printed(exact.kuantitasScore),
    kualitas: printed(exact.kualitasScore),
    waktu: printed(exact.waktuScore),
    biaya: printed(exact.biayaScore),
    waktuEfficiency: printed(exact.waktuEfficiency),
    biayaEfficiency: printed(exact.biayaEfficiency),
    perhitungan: roundTo(exact.perhitungan, 2),
    nilaiCapaian: roundTo(exact.nilaiCapaian, 2),
  };
}

/**
 * Perka BKN 1/2013 [V]: points added to the SKP score for additional tasks (1–3 tasks: 1, 4–6: 2,
 * 7 or more: 3) and for creativity recognised at unit, organisation or national level (3, 6, 12).
 */
export const PP46_ADDITIONAL_TASK_POINTS: readonly { minTasks: number; points: number }[] = [
  { minTasks: 7, points: 3 },
  { minTasks: 4, points: 2 },
  { minTasks: 1, points: 1 },
];
export const PP46_CREATIVITY_POINTS: Record<Pp46CreativityLevel, number> = { unit_kerja: 3, organisasi: 6, nasional: 12 };
export type { Pp46CreativityLevel };

export const pointsForAdditionalTasks = (taskCount: number): number =>
  PP46_ADDITIONAL_TASK_POINTS.find((band) => taskCount >= band.minTasks)?.points ?? 0;

export interface Pp46SkpInput {
  activities: readonly Pp46ActivityInput[];
  additionalTaskCount?: number;
  creativity?: Pp46CreativityLevel | null;
}

export interface Pp46SkpScore {
  activities: Pp46ActivityScore[];
  additionalPoints: number;
  /** Nilai capaian SKP. */
  skpScore: number;
}

export function scorePp46Skp(input: Pp46SkpInput): Pp46SkpScore {
  if (input.activities.length === 0) throw new RangeError('SKP tanpa kegiatan tidak dapat dinilai');
  const activities = input.activities.map(scorePp46Activity);
  const additionalPoints = pointsForAdditionalTasks(input.additionalTaskCount ?? 0) + (input.creativity ? PP46_CREATIVITY_POINTS[input.creativity] : 0);
  const activityMean = mean(activities.map((a) => fromNumber(a.nilaiCapaian)));
  return { activities, additionalPoints, skpScore: roundTo(add(activityMean, ratio(BigInt(additionalPoints))), 2) };
}

/** Perilaku kerja: mean of the aspects scored (orientasi pelayanan, integritas, komitmen, disiplin, kerja sama, kepemimpinan). */
export function scorePp46Behaviour(aspectScores: readonly number[]): number {
  if (aspectScores.length === 0) throw new RangeError('Perilaku kerja tanpa aspek yang dinilai');
  for (const score of aspectScores) {
    if (!(score >= 0 && score <= 100)) throw new RangeError(`Nilai perilaku harus 0–100: ${score}`);
  }
  return roundTo(mean(aspectScores.map(fromNumber)), 2);
}

/**
 * The aspects of perilaku kerja on the PP 46/2011 form, in its order. Perka BKN 1/2013: kepemimpinan
 * is scored only for structural positions (JPT, administrator, pengawas); the others have five.
 */
export const PP46_BEHAVIOUR_ASPECTS = ['orientasiPelayanan', 'integritas', 'komitmen', 'disiplin', 'kerjaSama', 'kepemimpinan'] as const;
export type Pp46BehaviourAspect = (typeof PP46_BEHAVIOUR_ASPECTS)[number];
export type Pp46BehaviourScores = Record<Exclude<Pp46BehaviourAspect, 'kepemimpinan'>, number> & { kepemimpinan: number | null };

export const PP46_BEHAVIOUR_LABELS: Record<Pp46BehaviourAspect, string> = {
  orientasiPelayanan: 'Orientasi Pelayanan',
  integritas: 'Integritas',
  komitmen: 'Komitmen',
  disiplin: 'Disiplin',
  kerjaSama: 'Kerja Sama',
  kepemimpinan: 'Kepemimpinan',
};

export interface Pp46BehaviourResult {
  /** The form's "jumlah": the sum of the aspects scored. */
  jumlah: number;
  /** How many aspects were scored (5, or 6 with kepemimpinan). */
  aspectCount: number;
  /** The form's "nilai rata-rata": the perilaku kerja score that weighs 40 % in the final. */
  mean: number;
}

/** Jumlah and nilai rata-rata of the aspects scored; kepemimpinan counts only when it was scored. */
export function scorePp46BehaviourAspects(scores: Pp46BehaviourScores): Pp46BehaviourResult {
  const values = PP46_BEHAVIOUR_ASPECTS.map((aspect) => scores[aspect]).filter((value): value is number => value !== null);
  const mean = scorePp46Behaviour(values);
  return { jumlah: roundTo(values.map(fromNumber).reduce(add, ratio(0n)), 2), aspectCount: values.length, mean };
}

export type KepemimpinanProblem = 'required' | 'not_applicable';

/** Kepemimpinan must be scored for a structural position and must not be for any other. */
export function checkKepemimpinan(isStructural: boolean, kepemimpinan: number | null): KepemimpinanProblem | null {
  if (isStructural && kepemimpinan === null) return 'required';
  if (!isStructural && kepemimpinan !== null) return 'not_applicable';
  return null;
}

export const PP46_BANDS = [
  { min: 91, label: 'Sangat Baik' },
  { min: 76, label: 'Baik' },
  { min: 61, label: 'Cukup' },
  { min: 51, label: 'Kurang' },
] as const;
export type Pp46Band = (typeof PP46_BANDS)[number]['label'] | 'Buruk';

/**
 * Bands 91–100 Sangat Baik, 76–90 Baik, 61–75 Cukup, 51–60 Kurang, ≤ 50 Buruk. A printed value
 * between two bands (90,50) has not reached the next band's lower bound, so it stays in the lower band.
 */
export const bandPp46Score = (score: number): Pp46Band => PP46_BANDS.find((band) => score >= band.min)?.label ?? 'Buruk';

export interface Pp46FinalScore {
  skpScore: number;
  behaviourScore: number;
  /** 60 % SKP + 40 % perilaku. */
  finalScore: number;
  band: Pp46Band;
}

export function scorePp46Final(skpScore: number, behaviourScore: number): Pp46FinalScore {
  const weighted = add(multiply(fromNumber(skpScore), ratio(60n, 100n)), multiply(fromNumber(behaviourScore), ratio(40n, 100n)));
  const finalScore = roundTo(weighted, 2);
  return { skpScore, behaviourScore, finalScore, band: bandPp46Score(finalScore) };
}
