import { z } from 'zod';
import { EMPLOYEE_PREDIKATS, EVALUATION_PERIOD_KINDS, INDICATOR_ASPECTS, JPT_PERSPECTIVES, PP46_CREATIVITY_LEVELS, RATINGS, RHK_KINDS, SKP_APPROACHES, SKP_STATUSES } from '../domain/skp/vocabulary';

/**
 * The structured export of an OPD's SKPs (RHK, indicators, ratings) for carrying to the national
 * e-Kinerja: format "ekinerja.skp-export", version 1. Described field by field in docs/skp-export.md;
 * any change that is not additive raises the version.
 */
export const SKP_EXPORT_FORMAT = 'ekinerja.skp-export';
export const SKP_EXPORT_VERSION = 1;

export const skpExportQuery = z.object({
  year: z.coerce.number({ message: 'Tahun harus berupa angka' }).int().min(2000, { message: 'Tahun minimal 2000' }).max(2100, { message: 'Tahun maksimal 2100' }),
  /** The OPD or unit; its sub-units are included. */
  unitId: z.uuid({ message: 'ID unit tidak valid' }),
});

const person = z.object({ nip: z.string().nullable(), name: z.string().nullable(), position: z.string().nullable() });

export const skpExportIndicator = z.object({
  aspect: z.enum(INDICATOR_ASPECTS),
  text: z.string(),
  target: z.object({ value: z.number(), upper: z.number().nullable(), unit: z.string() }),
  /** Realised so far (kuantitas and biaya summed over the periods, kualitas and waktu the latest), null when nothing is reported. */
  realised: z.number().nullable(),
});

export const skpExportRhk = z.object({
  id: z.string(),
  kind: z.enum(RHK_KINDS),
  text: z.string(),
  perspective: z.enum(JPT_PERSPECTIVES).nullable(),
  /** The superior's RHK this one supports, or the unit's performance agreement for a unit head. */
  supports: z.union([z.object({ rhkId: z.string(), text: z.string().nullable() }), z.object({ agreement: z.string() })]).nullable(),
  indicators: z.array(skpExportIndicator),
});

/** PP 46/2011 perilaku kerja per aspect as stored (0–100, two decimals); kepemimpinan only for structural positions. */
export const skpExportPp46Behaviour = z.object({
  orientasiPelayanan: z.number(),
  integritas: z.number(),
  komitmen: z.number(),
  disiplin: z.number(),
  kerjaSama: z.number(),
  kepemimpinan: z.number().nullable(),
});

/** PP 46/2011 SKP part as scored when rated: per kegiatan (RHK utama) the aspect scores and nilai capaian, and the points added. */
export const skpExportPp46Skp = z.object({
  activities: z.array(
    z.object({
      rhkId: z.string(),
      text: z.string(),
      kuantitas: z.number().nullable(),
      kualitas: z.number().nullable(),
      waktu: z.number().nullable(),
      biaya: z.number().nullable(),
      nilaiCapaian: z.number(),
    }),
  ),
  additionalPoints: z.number(),
});

export const skpExportPp46 = z.object({
  skpScore: z.number(),
  behaviourScore: z.number(),
  finalScore: z.number(),
  /** Null for a rating stored before the aspects were kept (only the mean exists). */
  behaviour: skpExportPp46Behaviour.nullable(),
  creativity: z.enum(PP46_CREATIVITY_LEVELS).nullable(),
  /** Null for a rating stored before the SKP part was kept per kegiatan (only the score exists). */
  skp: skpExportPp46Skp.nullable(),
});
export type SkpExportPp46 = z.infer<typeof skpExportPp46>;

export const skpExportEvaluation = z.object({
  period: z.string(),
  kind: z.enum(EVALUATION_PERIOD_KINDS),
  hasilKerja: z.enum(RATINGS).nullable(),
  perilakuKerja: z.enum(RATINGS).nullable(),
  predikat: z.enum(EMPLOYEE_PREDIKATS).nullable(),
  isFinal: z.boolean(),
  pp46: skpExportPp46.nullable(),
});

export const skpExportItem = z.object({
  employee: person.extend({ unit: z.string().nullable() }),
  assessor: person,
  assessorSuperior: person,
  year: z.number().int(),
  startDate: z.string(),
  endDate: z.string(),
  status: z.enum(SKP_STATUSES),
  revision: z.number().int(),
  approach: z.enum(SKP_APPROACHES),
  isJpt: z.boolean(),
  rhk: z.array(skpExportRhk),
  lampiran: z.object({ dukunganSumberDaya: z.string().nullable(), skemaPertanggungjawaban: z.string().nullable(), konsekuensi: z.string().nullable() }),
  evaluations: z.array(skpExportEvaluation),
});
export type SkpExportItem = z.infer<typeof skpExportItem>;

export const skpExport = z.object({
  format: z.literal(SKP_EXPORT_FORMAT),
  version: z.literal(SKP_EXPORT_VERSION),
  generatedAt: z.string(),
  year: z.number().int(),
  unit: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  skps: z.array(skpExportItem),
});
export type SkpExport = z.infer<typeof skpExport>;
