import { z } from 'zod';
import { BERAKHLAK_CODES } from '../domain/skp/berakhlak';
import { ASSESSOR_KINDS, EMPLOYEE_PREDIKATS, EVALUATION_PERIOD_KINDS, PP46_CREATIVITY_LEVELS, RATINGS, SKP_APPROACHES, SKP_PERIOD_KINDS, UNIT_PREDIKATS } from '../domain/skp/vocabulary';
import { onBehalfReason, onBehalfView } from './skp';

/** SKP evaluation (issue 5 §3–4): ratings with BerAKHLAK notes, predikat, unit predikat, PP 46/2011, distribution advisor. */
export { RATINGS, EMPLOYEE_PREDIKATS, UNIT_PREDIKATS, type Rating, type EmployeePredikat, type UnitPredikat } from '../domain/skp/vocabulary';

/** "2026" (annual), "2026-03" (month) or "2026-Q1" (quarter). */
export const evaluationPeriodKey = z.string().regex(/^[0-9]{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$/, { message: 'Periode penilaian harus YYYY (tahunan), YYYY-MM (bulan) atau YYYY-Qn (triwulan)' });
export const evaluationParam = z.object({ id: z.uuid({ message: 'ID tidak valid' }), periodKey: evaluationPeriodKey });

const berakhlakCode = z.enum(BERAKHLAK_CODES as [string, ...string[]], { message: 'Kode nilai BerAKHLAK tidak dikenal' });
const noteMap = (label: string) =>
  z.partialRecord(berakhlakCode, z.string().trim().max(2000, { message: `${label} maksimal 2000 huruf` })).default({});

const score = z
  .number({ message: 'Nilai harus berupa angka' })
  .min(0, { message: 'Nilai minimal 0' })
  .max(100, { message: 'Nilai maksimal 100' })
  .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, { message: 'Nilai paling banyak dua angka di belakang koma' });

/** PP 46/2011 perilaku kerja aspects (kepemimpinan for structural positions only; the service checks which). */
export const pp46BehaviourScores = z.object({
  orientasiPelayanan: score,
  integritas: score,
  komitmen: score,
  disiplin: score,
  kerjaSama: score,
  kepemimpinan: score.nullable().default(null),
});

export const evaluationBody = z.object({
  hasilKerjaRating: z.enum(RATINGS, { message: 'Rating hasil kerja harus di_atas, sesuai atau di_bawah' }).nullable().default(null),
  perilakuKerjaRating: z.enum(RATINGS, { message: 'Rating perilaku kerja harus di_atas, sesuai atau di_bawah' }).nullable().default(null),
  /** BerAKHLAK code → the assessor's note on that value. */
  behaviourNotes: noteMap('Catatan perilaku'),
  /** BerAKHLAK code → the leader's specific expectation (ekspektasi khusus pimpinan). */
  leaderExpectations: noteMap('Ekspektasi pimpinan'),
  /** Annual evaluation of a year that uses PP 46/2011: the perilaku scores (the SKP score comes from the realisation). */
  pp46: z
    .object({
      behaviour: pp46BehaviourScores,
      creativity: z.enum(PP46_CREATIVITY_LEVELS, { message: 'Tingkat kreativitas harus unit_kerja, organisasi atau nasional' }).nullable().default(null),
    })
    .nullable()
    .default(null),
  /** Only when the assessor is the kepala daerah: the basis on which BKPSDM records the rating for them. */
  onBehalfReason,
});
export type EvaluationBody = z.infer<typeof evaluationBody>;

export const pp46Result = z.object({
  skpScore: z.number(),
  /** The mean of the aspects (nilai rata-rata perilaku kerja). */
  behaviourScore: z.number(),
  finalScore: z.number(),
  band: z.string(),
  /** Each aspect with the form's jumlah; null for ratings stored before the aspects were kept (only the mean exists). */
  behaviour: pp46BehaviourScores.extend({ jumlah: z.number(), aspectCount: z.number().int() }).nullable(),
  creativity: z.enum(PP46_CREATIVITY_LEVELS).nullable(),
});

export const evaluationView = z.object({
  id: z.string(),
  skpId: z.string(),
  periodKind: z.enum(EVALUATION_PERIOD_KINDS),
  periodKey: z.string(),
  hasilKerjaRating: z.enum(RATINGS).nullable(),
  perilakuKerjaRating: z.enum(RATINGS).nullable(),
  behaviourNotes: z.record(z.string(), z.string()),
  leaderExpectations: z.record(z.string(), z.string()),
  predikat: z.enum(EMPLOYEE_PREDIKATS).nullable(),
  pp46: pp46Result.nullable(),
  assessor: z.object({ employeeId: z.string().nullable(), name: z.string().nullable() }),
  /** Recorded by BKPSDM on behalf of a kepala daerah. */
  onBehalf: onBehalfView.nullable(),
  /** A final rating taken over from the revision this SKP replaced. */
  isCarriedOver: z.boolean(),
  isFinal: z.boolean(),
  finalisedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type EvaluationView = z.infer<typeof evaluationView>;

export const evaluationPeriodOption = z.object({
  key: z.string(),
  kind: z.enum(EVALUATION_PERIOD_KINDS),
  startDate: z.string(),
  endDate: z.string(),
  hasStarted: z.boolean(),
});

export const evaluationList = z.object({
  skpId: z.string(),
  approach: z.enum(SKP_APPROACHES),
  periodKind: z.enum(SKP_PERIOD_KINDS),
  /** The months or quarters of the SKP's span, then the year. */
  periods: z.array(evaluationPeriodOption),
  /** The person assessed heads their unit: their hasil kerja follows the unit predikat. */
  isUnitHead: z.boolean(),
  unitPredikats: z.array(z.object({ periodKey: z.string(), predikat: z.enum(UNIT_PREDIKATS) })),
  /** How the assessor was found; kepala_daerah: BKPSDM records the ratings on the official's behalf (assessorName). */
  assessorKind: z.enum(ASSESSOR_KINDS).nullable(),
  assessorName: z.string().nullable(),
  /** PP 46/2011: the position is structural, so kepemimpinan is scored too. */
  isKepemimpinanScored: z.boolean(),
  canEvaluate: z.boolean(),
  items: z.array(evaluationView),
});
export type EvaluationList = z.infer<typeof evaluationList>;

// ---- unit predikat ---------------------------------------------------------------------------

export const unitPredikatParam = z.object({ unitId: z.uuid({ message: 'ID unit tidak valid' }), periodKey: evaluationPeriodKey });
export const unitPredikatBody = z.object({
  predikat: z.enum(UNIT_PREDIKATS, { message: 'Predikat unit harus istimewa, baik, butuh_perbaikan, kurang atau sangat_kurang' }),
  note: z.string().trim().max(2000, { message: 'Catatan maksimal 2000 huruf' }).nullable().default(null),
  /** Only when the unit's head is assessed by the kepala daerah: the basis on which BKPSDM records it for them. */
  onBehalfReason,
});
export type UnitPredikatBody = z.infer<typeof unitPredikatBody>;

export const unitPredikatView = z.object({
  unitId: z.string(),
  unitName: z.string(),
  periodKey: z.string(),
  predikat: z.enum(UNIT_PREDIKATS).nullable(),
  note: z.string().nullable(),
  setByName: z.string().nullable(),
  /** Set by BKPSDM on behalf of a kepala daerah: the official and the basis. */
  setOnBehalfOf: z.string().nullable(),
  onBehalfReason: z.string().nullable(),
  updatedAt: z.string().nullable(),
  /** The unit head whose hasil kerja follows it. */
  headEmployeeId: z.string().nullable(),
  headName: z.string().nullable(),
});
export type UnitPredikatView = z.infer<typeof unitPredikatView>;

export const supervisedUnitsQuery = z.object({ periodKey: evaluationPeriodKey });
export const supervisedUnitList = z.object({ items: z.array(unitPredikatView) });

// ---- distribution advisor -------------------------------------------------------------------

export const distributionQuery = z.object({
  periodKey: evaluationPeriodKey,
  /** An OPD or unit (with its sub-units); without it: the people I assess. */
  unitId: z.uuid({ message: 'ID unit tidak valid' }).optional(),
});

export const distributionView = z.object({
  scope: z.enum(['assessor', 'unit']),
  periodKey: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  unitPredikat: z.enum(UNIT_PREDIKATS).nullable(),
  total: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
  breaches: z.array(
    z.object({
      kind: z.enum(['max_percent', 'min_percent', 'min_count', 'none']),
      predikats: z.array(z.enum(EMPLOYEE_PREDIKATS)),
      actualCount: z.number().int(),
      limitCount: z.number().int(),
      message: z.string(),
    }),
  ),
  people: z.array(
    z.object({
      skpId: z.string(),
      employeeId: z.string(),
      name: z.string(),
      nip: z.string(),
      positionName: z.string().nullable(),
      predikat: z.enum(EMPLOYEE_PREDIKATS).nullable(),
      isFinal: z.boolean(),
    }),
  ),
  /** Why there is no advice (no unit predikat yet), or null. */
  notice: z.string().nullable(),
  source: z.string(),
});
export type DistributionView = z.infer<typeof distributionView>;

export const finaliseResult = z.object({ evaluation: evaluationView, distribution: distributionView });
