import { z } from 'zod';
import {
  ASSESSOR_KINDS,
  INDICATOR_ASPECTS,
  JPT_PERSPECTIVES,
  RHK_KINDS,
  RHK_ORIGINS,
  SKP_APPROACHES,
  SKP_PERIOD_KINDS,
  SKP_STATUSES,
} from '../domain/skp/vocabulary';
import { isoDate } from './common';

/** SKP planning (issue 5): the SKP, its RHK and indicators, the workflow and the regional settings. */
export {
  ASSESSOR_KINDS,
  INDICATOR_ASPECTS,
  JPT_PERSPECTIVES,
  RHK_KINDS,
  SKP_APPROACHES,
  SKP_PERIOD_KINDS,
  SKP_STATUSES,
  type AssessorKind,
  type IndicatorAspect,
  type JptPerspective,
  type RhkKind,
  type SkpApproach,
  type SkpPeriodKind,
  type SkpStatus,
} from '../domain/skp/vocabulary';

const year = z.coerce.number({ message: 'Tahun harus berupa angka' }).int({ message: 'Tahun harus bilangan bulat' }).min(2000, { message: 'Tahun minimal 2000' }).max(2100, { message: 'Tahun maksimal 2100' });
const longText = (label: string, max = 2000) =>
  z.string().trim().min(3, { message: `${label} wajib diisi (minimal 3 huruf)` }).max(max, { message: `${label} maksimal ${max} huruf` });
const optionalText = (label: string, max = 4000) => z.string().trim().max(max, { message: `${label} maksimal ${max} huruf` }).nullable();
const targetNumber = z
  .number({ message: 'Target harus berupa angka' })
  .min(0, { message: 'Target tidak boleh negatif' })
  .max(99_999_999_999_999, { message: 'Target terlalu besar' })
  .refine((value) => Math.abs(value * 10_000 - Math.round(value * 10_000)) < 1e-6, {
    message: 'Target paling banyak empat angka di belakang koma',
  });

// ---- settings -------------------------------------------------------------------------------

export const skpSettingsBody = z.object({
  periodKind: z.enum(SKP_PERIOD_KINDS, { message: 'Periode harus month (bulanan) atau quarter (triwulanan)' }),
  approach: z.enum(SKP_APPROACHES, { message: 'Pendekatan harus permenpanrb_6_2022 atau pp_46_2011' }),
  regulation: longText('Dasar peraturan', 500),
});
export type SkpSettingsBody = z.infer<typeof skpSettingsBody>;

export const skpSettingsView = skpSettingsBody.extend({ effectiveYear: z.number().int() });
export const skpSettingsList = z.object({
  items: z.array(skpSettingsView),
  /** What applies to a year without any row: monthly periods, PermenPANRB 6/2022. */
  defaults: skpSettingsBody,
});
export const yearParam = z.object({ year });

// ---- SKP ------------------------------------------------------------------------------------

export const createSkpBody = z.object({
  year,
  /** A shorter span than the calendar year (someone who joins or moves mid-year); both or neither. */
  startDate: isoDate.nullable().default(null),
  endDate: isoDate.nullable().default(null),
});
export type CreateSkpBody = z.infer<typeof createSkpBody>;

export const updateSkpBody = z.object({
  dukunganSumberDaya: optionalText('Dukungan sumber daya').optional(),
  skemaPertanggungjawaban: optionalText('Skema pertanggungjawaban').optional(),
  konsekuensi: optionalText('Konsekuensi').optional(),
});
export type UpdateSkpBody = z.infer<typeof updateSkpBody>;

export const indicatorInput = z
  .object({
    aspect: z.enum(INDICATOR_ASPECTS, { message: 'Aspek indikator harus kuantitas, kualitas, waktu atau biaya' }),
    text: longText('Indikator', 1000),
    targetValue: targetNumber,
    targetValueUpper: targetNumber.nullable().default(null),
    targetUnit: z.string().trim().min(1, { message: 'Satuan target wajib diisi' }).max(100, { message: 'Satuan target maksimal 100 huruf' }),
  })
  .superRefine((value, ctx) => {
    if (value.targetValueUpper !== null && value.targetValueUpper < value.targetValue) {
      ctx.addIssue({ code: 'custom', path: ['targetValueUpper'], message: 'Batas atas target tidak boleh lebih kecil dari batas bawah' });
    }
  });
export type IndicatorInput = z.infer<typeof indicatorInput>;

export const rhkInput = z.object({
  kind: z.enum(RHK_KINDS, { message: 'Jenis RHK harus utama atau tambahan' }),
  text: longText('Rencana hasil kerja'),
  perspective: z.enum(JPT_PERSPECTIVES, { message: 'Perspektif tidak dikenal' }).nullable().default(null),
  /** RHK atasan yang diintervensi: an RHK of the assessor's approved SKP of the same year. */
  supportedRhkId: z.uuid({ message: 'ID RHK atasan tidak valid' }).nullable().default(null),
  /** Unit head only: the performance-agreement target cascaded from, when there is no superior RHK. */
  supportedAgreementText: optionalText('Acuan perjanjian kinerja', 1000).default(null),
  indicators: z.array(indicatorInput).min(1, { message: 'Setiap RHK memerlukan paling sedikit satu indikator' }).max(20, { message: 'Paling banyak 20 indikator per RHK' }),
});
export type RhkInput = z.infer<typeof rhkInput>;

export const copyFromSuperiorBody = z.object({
  /** The superior's RHK to start from; empty = all RHK of the superior's approved SKP. */
  rhkIds: z.array(z.uuid({ message: 'ID RHK tidak valid' })).max(100).default([]),
});

/**
 * Only when the assessor on the SKP is the kepala daerah: the basis on which an admin BKPSDM records
 * the decision on their behalf (a letter, a disposition). Stored and printed with the decision.
 */
export const onBehalfReason = z
  .string()
  .trim()
  .min(3, { message: 'Dasar pencatatan atas nama kepala daerah minimal 3 huruf' })
  .max(1000, { message: 'Dasar pencatatan atas nama kepala daerah maksimal 1000 huruf' })
  .nullable()
  .default(null);

export const decideSkpBody = z.object({ note: optionalText('Catatan', 2000).default(null), onBehalfReason });
export const returnSkpBody = z.object({ note: longText('Catatan pengembalian'), onBehalfReason });
export const reviseSkpBody = z.object({
  reason: longText('Alasan revisi', 1000),
  startDate: isoDate.nullable().default(null),
  endDate: isoDate.nullable().default(null),
});
export type ReviseSkpBody = z.infer<typeof reviseSkpBody>;

export const handOutRhkBody = z.object({
  employeeIds: z.array(z.uuid({ message: 'ID pegawai tidak valid' })).min(1, { message: 'Pilih paling sedikit satu bawahan' }).max(200),
  /** The subordinate's wording of the RHK; default: the superior's text. */
  kind: z.enum(RHK_KINDS).default('utama'),
  text: longText('Rencana hasil kerja').nullable().default(null),
  /** Default: the superior RHK's indicators. */
  indicators: z.array(indicatorInput).min(1).max(20).nullable().default(null),
});
export type HandOutRhkBody = z.infer<typeof handOutRhkBody>;

export const skpListQuery = z.object({
  /**
   * mine = my SKPs; to_review = submitted to me; assessed = all SKPs I assess; unit = an admin's units
   * or the whole regency; kepala_daerah = SKPs whose assessor is the kepala daerah (BKPSDM records their decisions).
   */
  scope: z.enum(['mine', 'to_review', 'assessed', 'unit', 'kepala_daerah'], { message: 'Cakupan harus mine, to_review, assessed, unit atau kepala_daerah' }).default('mine'),
  year: year.optional(),
  unitId: z.uuid({ message: 'ID unit tidak valid' }).optional(),
  status: z.enum(SKP_STATUSES).optional(),
});
export type SkpListQuery = z.infer<typeof skpListQuery>;

export const rhkParam = z.object({ id: z.uuid({ message: 'ID tidak valid' }) });

const personSnapshot = z.object({
  employeeId: z.string().nullable(),
  name: z.string().nullable(),
  nip: z.string().nullable(),
  positionId: z.string().nullable(),
  positionName: z.string().nullable(),
});

/** The pejabat penilai (or their superior) as snapshotted, with how they were found. */
const assessorSnapshot = personSnapshot.extend({ kind: z.enum(ASSESSOR_KINDS).nullable() });

/** A decision recorded by BKPSDM on behalf of a kepala daerah. */
export const onBehalfView = z.object({ officialName: z.string(), reason: z.string(), recordedByName: z.string().nullable() });

export const skpIndicator = z.object({
  id: z.string(),
  aspect: z.enum(INDICATOR_ASPECTS),
  text: z.string(),
  targetValue: z.number(),
  targetValueUpper: z.number().nullable(),
  targetUnit: z.string(),
});

export const skpRhkView = z.object({
  id: z.string(),
  kind: z.enum(RHK_KINDS),
  text: z.string(),
  perspective: z.enum(JPT_PERSPECTIVES).nullable(),
  supportedRhkId: z.string().nullable(),
  supportedRhkText: z.string().nullable(),
  supportedAgreementText: z.string().nullable(),
  origin: z.enum(RHK_ORIGINS),
  sourceRhkId: z.string().nullable(),
  previousRhkId: z.string().nullable(),
  sortOrder: z.number().int(),
  indicators: z.array(skpIndicator),
});
export type SkpRhkView = z.infer<typeof skpRhkView>;

export const skpSummary = z.object({
  id: z.string(),
  year: z.number().int(),
  startDate: z.string(),
  endDate: z.string(),
  employee: personSnapshot.extend({ unitId: z.string().nullable(), unitName: z.string().nullable() }),
  assessor: assessorSnapshot,
  status: z.enum(SKP_STATUSES),
  revision: z.number().int(),
  /** Approved and not replaced by a later approved revision. */
  isInForce: z.boolean(),
});
export type SkpSummary = z.infer<typeof skpSummary>;

export const skpView = skpSummary.extend({
  assessorSuperior: assessorSnapshot,
  previousRevisionId: z.string().nullable(),
  revisionReason: z.string().nullable(),
  supersededAt: z.string().nullable(),
  approach: z.enum(SKP_APPROACHES),
  isJpt: z.boolean(),
  dukunganSumberDaya: z.string().nullable(),
  skemaPertanggungjawaban: z.string().nullable(),
  konsekuensi: z.string().nullable(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  returnNote: z.string().nullable(),
  /** The last approval or return, when BKPSDM recorded it on behalf of a kepala daerah. */
  decidedOnBehalf: onBehalfView.nullable(),
  rhk: z.array(skpRhkView),
});
export type SkpView = z.infer<typeof skpView>;

export const skpList = z.object({ items: z.array(skpSummary) });
export type SkpList = z.infer<typeof skpList>;

/** The superior's approved RHK that an SKP may cite. */
export const citableRhkList = z.object({
  superiorSkpId: z.string().nullable(),
  items: z.array(skpRhkView),
});
export type CitableRhkList = z.infer<typeof citableRhkList>;

export const handOutResult = z.object({
  items: z.array(z.object({ employeeId: z.string(), skpId: z.string(), rhkId: z.string(), createdSkp: z.boolean() })),
});
export type HandOutResult = z.infer<typeof handOutResult>;
