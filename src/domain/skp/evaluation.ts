import { findSkpPeriod, hasSkpPeriodStarted, yearSpan } from './periods';
import type { Pp46ActivityInput } from './pp46-formula';
import type { EvaluationPeriodKind, IndicatorAspect, Rating, SkpPeriodKind, UnitPredikat } from './vocabulary';

/**
 * Evaluation rules that need no I/O: which period a key names, whether it may be evaluated yet,
 * the hasil kerja of a unit head, and the PP 46/2011 activities built from RHK and indicators.
 */
export interface EvaluationPeriod {
  kind: EvaluationPeriodKind;
  /** "2026-03", "2026-Q1" or "2026" (annual). */
  key: string;
  startDate: string;
  endDate: string;
}

/** The annual evaluation is keyed by the year; periodic ones by the region's period kind for that year. */
export function resolveEvaluationPeriod(year: number, periodKind: SkpPeriodKind, key: string): EvaluationPeriod | null {
  if (key === String(year)) return { kind: 'annual', key, ...yearSpan(year) };
  const period = findSkpPeriod(year, periodKind, key);
  return period ? { kind: period.kind, key: period.key, startDate: period.startDate, endDate: period.endDate } : null;
}

export type EvaluationPeriodProblem = 'unknown_period' | 'outside_span' | 'not_started';

export const EVALUATION_PERIOD_MESSAGES: Record<EvaluationPeriodProblem, string> = {
  unknown_period: 'Periode penilaian tidak dikenal untuk tahun SKP ini',
  outside_span: 'Periode penilaian berada di luar rentang SKP',
  not_started: 'Periode penilaian ini belum dimulai; penilaian hanya untuk periode yang sudah berjalan',
};

/**
 * A period can be evaluated once it has started (today in the unit's zone) and when it overlaps
 * the SKP's span (someone who moved mid-year has a shorter SKP).
 */
export function checkEvaluationPeriod(
  period: EvaluationPeriod | null,
  span: { startDate: string; endDate: string },
  today: string,
): EvaluationPeriodProblem | null {
  if (!period) return 'unknown_period';
  if (period.startDate > span.endDate || period.endDate < span.startDate) return 'outside_span';
  // An annual evaluation starts with the SKP's own span (a mid-year SKP is rated for its months).
  const start = period.kind === 'annual' ? { startDate: span.startDate } : period;
  if (!hasSkpPeriodStarted(start, today)) return 'not_started';
  return null;
}

/**
 * PermenPANRB 6/2022 [V]: the hasil kerja rating of a unit head equals the unit's performance
 * predikat — Istimewa is Di Atas Ekspektasi, Baik is Sesuai Ekspektasi, and Butuh Perbaikan,
 * Kurang and Sangat Kurang are Di Bawah Ekspektasi. Data, so that a later rule is a data change.
 */
export const UNIT_HEAD_HASIL_KERJA: Record<UnitPredikat, Rating> = {
  istimewa: 'di_atas',
  baik: 'sesuai',
  butuh_perbaikan: 'di_bawah',
  kurang: 'di_bawah',
  sangat_kurang: 'di_bawah',
};

export const hasilKerjaOfUnitHead = (unitPredikat: UnitPredikat): Rating => UNIT_HEAD_HASIL_KERJA[unitPredikat];

export interface Pp46RhkInput {
  text: string;
  kind: 'utama' | 'tambahan';
  indicators: readonly { aspect: IndicatorAspect; target: number; realised: number | null }[];
}

export type Pp46PlanResult =
  | { ok: true; activities: Pp46ActivityInput[]; additionalTaskCount: number }
  | { ok: false; message: string };

/**
 * PP 46/2011 scores each kegiatan on the aspects it has targets for. Here a kegiatan is an RHK
 * utama and each of its indicators is scored on its own aspect, so an RHK may have at most one
 * indicator per aspect. RHK tambahan are tugas tambahan: they add points by number, not a score.
 * An indicator with nothing realised counts as 0 realised.
 */
export function buildPp46Activities(rhk: readonly Pp46RhkInput[]): Pp46PlanResult {
  const activities: Pp46ActivityInput[] = [];
  for (const item of rhk.filter((row) => row.kind === 'utama')) {
    const activity: Pp46ActivityInput = {};
    for (const indicator of item.indicators) {
      if (activity[indicator.aspect]) {
        return { ok: false, message: `RHK "${item.text}" memiliki lebih dari satu indikator aspek ${indicator.aspect}; pendekatan PP 46/2011 memerlukan satu indikator per aspek` };
      }
      if (!(indicator.target > 0)) return { ok: false, message: `Target indikator aspek ${indicator.aspect} pada RHK "${item.text}" harus lebih dari 0 untuk dinilai dengan PP 46/2011` };
      activity[indicator.aspect] = { target: indicator.target, realisasi: indicator.realised ?? 0 };
    }
    activities.push(activity);
  }
  if (activities.length === 0) return { ok: false, message: 'SKP tanpa RHK utama tidak dapat dinilai dengan PP 46/2011' };
  return { ok: true, activities, additionalTaskCount: rhk.filter((row) => row.kind === 'tambahan').length };
}
