/**
 * SKP vocabulary (PermenPANRB 6/2022, SE MenPANRB 03/2023): one source of truth for the codes
 * stored in the database, validated by the contracts and shown with their Indonesian labels.
 */

/** Rating of hasil kerja and of perilaku kerja. */
export const RATINGS = ['di_atas', 'sesuai', 'di_bawah'] as const;
export type Rating = (typeof RATINGS)[number];

export const RATING_LABELS: Record<Rating, string> = {
  di_atas: 'Di Atas Ekspektasi',
  sesuai: 'Sesuai Ekspektasi',
  di_bawah: 'Di Bawah Ekspektasi',
};

/** Predikat kinerja pegawai. */
export const EMPLOYEE_PREDIKATS = ['sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'] as const;
export type EmployeePredikat = (typeof EMPLOYEE_PREDIKATS)[number];

export const EMPLOYEE_PREDIKAT_LABELS: Record<EmployeePredikat, string> = {
  sangat_baik: 'Sangat Baik',
  baik: 'Baik',
  butuh_perbaikan: 'Butuh Perbaikan',
  kurang: 'Kurang/Misconduct',
  sangat_kurang: 'Sangat Kurang',
};

/** Predikat kinerja organisasi (unit), set by the unit's superior before employees are rated. */
export const UNIT_PREDIKATS = ['istimewa', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'] as const;
export type UnitPredikat = (typeof UNIT_PREDIKATS)[number];

export const UNIT_PREDIKAT_LABELS: Record<UnitPredikat, string> = {
  istimewa: 'Istimewa',
  baik: 'Baik',
  butuh_perbaikan: 'Butuh Perbaikan/Cukup',
  kurang: 'Kurang',
  sangat_kurang: 'Sangat Kurang',
};

export const RHK_KINDS = ['utama', 'tambahan'] as const;
export type RhkKind = (typeof RHK_KINDS)[number];

/**
 * Aspects of an indikator kinerja individu: kuantitas / kualitas / waktu (PermenPANRB 6/2022);
 * biaya only under the legacy PP 46/2011 approach.
 */
export const INDICATOR_ASPECTS = ['kuantitas', 'kualitas', 'waktu', 'biaya'] as const;
export type IndicatorAspect = (typeof INDICATOR_ASPECTS)[number];

/** Holders of a JPT position (jenis jabatan) have a JPT SKP: RHK grouped by perspective. */
const JPT_JENIS: ReadonlySet<string> = new Set(['jpt_utama', 'jpt_madya', 'jpt_pratama']);
export const isJptJenis = (jenis: string): boolean => JPT_JENIS.has(jenis);

/** JPT SKPs group RHK by perspective (balanced scorecard) [V]. */
export const JPT_PERSPECTIVES = ['penerima_layanan', 'proses_bisnis', 'penguatan_internal', 'anggaran'] as const;
export type JptPerspective = (typeof JPT_PERSPECTIVES)[number];

export const JPT_PERSPECTIVE_LABELS: Record<JptPerspective, string> = {
  penerima_layanan: 'Perspektif Penerima Layanan',
  proses_bisnis: 'Perspektif Proses Bisnis',
  penguatan_internal: 'Perspektif Penguatan Internal',
  anggaran: 'Perspektif Anggaran',
};

/** How an RHK came to be: written by the person, copied from the superior's RHK, handed out by the superior, carried into a revision. */
export const RHK_ORIGINS = ['own', 'from_superior', 'handed_out', 'revision'] as const;
export type RhkOrigin = (typeof RHK_ORIGINS)[number];

export const SKP_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type SkpStatus = (typeof SKP_STATUSES)[number];

/** Scoring approach chosen by the region per year: the current model or the legacy PP 46/2011 formula. */
export const SKP_APPROACHES = ['permenpanrb_6_2022', 'pp_46_2011'] as const;
export type SkpApproach = (typeof SKP_APPROACHES)[number];

/** Length of the periodic realisation and evaluation period, a regional setting. */
export const SKP_PERIOD_KINDS = ['month', 'quarter'] as const;
export type SkpPeriodKind = (typeof SKP_PERIOD_KINDS)[number];

/** An evaluation covers one period of the region's kind, or the whole year. */
export const EVALUATION_PERIOD_KINDS = ['month', 'quarter', 'annual'] as const;
export type EvaluationPeriodKind = (typeof EVALUATION_PERIOD_KINDS)[number];

/**
 * Who the pejabat penilai on an SKP is: the superior of record, an employee that BKPSDM designated
 * for a position with no superior of record, or the kepala daerah (PermenPANRB 6/2022: the
 * assessor of the Sekda), who is not an employee: BKPSDM records decisions on their behalf.
 */
export const ASSESSOR_KINDS = ['superior', 'designated', 'kepala_daerah'] as const;
export type AssessorKind = (typeof ASSESSOR_KINDS)[number];

/** A designation names an employee of the regency or the kepala daerah (an official outside the system). */
export const ASSESSOR_DESIGNATION_KINDS = ['employee', 'kepala_daerah'] as const;
export type AssessorDesignationKind = (typeof ASSESSOR_DESIGNATION_KINDS)[number];

/** PP 46/2011 kreativitas recognised at unit, organisation or national level (points in pp46-formula.ts). */
export const PP46_CREATIVITY_LEVELS = ['unit_kerja', 'organisasi', 'nasional'] as const;
export type Pp46CreativityLevel = (typeof PP46_CREATIVITY_LEVELS)[number];
