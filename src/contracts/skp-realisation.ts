import { z } from 'zod';
import { RHK_KINDS, SKP_PERIOD_KINDS, SKP_STATUSES } from '../domain/skp/vocabulary';
import { isoDate } from './common';
import { onBehalfReason, onBehalfView, skpIndicator } from './skp';

/** SKP periodic realisation (issue 5 §2): rencana aksi, realisation with evidence, feedback, cascade progress. */

const noteText = (label: string, max = 4000) => z.string().trim().max(max, { message: `${label} maksimal ${max} huruf` }).nullable();

/** "2026-03" (month) or "2026-Q1" (quarter). */
export const periodKey = z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])$/, { message: 'Periode harus berformat YYYY-MM (bulan) atau YYYY-Qn (triwulan)' });
export const rhkPeriodParam = z.object({ id: z.uuid({ message: 'ID tidak valid' }), periodKey });

const evidenceLink = z
  .string()
  .trim()
  .max(1000, { message: 'Tautan bukti maksimal 1000 huruf' })
  .refine((value) => /^https?:\/\/[^\s]+$/i.test(value), { message: 'Tautan bukti harus alamat http:// atau https://' });

export const realisationBody = z.object({
  rencanaAksi: noteText('Rencana aksi').optional(),
  realisasi: noteText('Realisasi').optional(),
  evidenceLinks: z.array(evidenceLink).max(20, { message: 'Paling banyak 20 tautan bukti' }).optional(),
  /** Files uploaded first through POST /api/attendance/attachments (PDF/JPG/PNG, checked by content); the whole set. */
  attachmentIds: z.array(z.uuid({ message: 'ID lampiran tidak valid' })).max(10, { message: 'Paling banyak 10 berkas bukti' }).optional(),
  /** Realised value per indicator for this period; null removes the value. */
  indicatorValues: z
    .array(
      z.object({
        indicatorId: z.uuid({ message: 'ID indikator tidak valid' }),
        value: z.number({ message: 'Realisasi harus berupa angka' }).min(0, { message: 'Realisasi tidak boleh negatif' }).max(99_999_999_999_999).nullable(),
      }),
    )
    .max(20)
    .optional(),
});
export type RealisationBody = z.infer<typeof realisationBody>;

export const feedbackBody = z.object({
  /** Umpan balik of the assessor. */
  feedback: noteText('Umpan balik').optional(),
  /** Notes of the performance dialogue between assessor and employee. */
  dialogueNotes: noteText('Catatan dialog kinerja').optional(),
  /** Only when the assessor is the kepala daerah: the basis on which an admin BKPSDM records the feedback for them. */
  onBehalfReason,
});
export type FeedbackBody = z.infer<typeof feedbackBody>;

export const realisationAttachmentParam = z.object({ id: z.uuid({ message: 'ID tidak valid' }), attachmentId: z.uuid({ message: 'ID lampiran tidak valid' }) });

const attachmentView = z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int() });

export const periodView = z.object({ key: z.string(), startDate: z.string(), endDate: z.string(), hasStarted: z.boolean() });

export const rhkPeriodRealisation = z.object({
  periodKey: z.string(),
  /** Null until something has been recorded for the period. */
  realisationId: z.string().nullable(),
  rencanaAksi: z.string().nullable(),
  realisasi: z.string().nullable(),
  evidenceLinks: z.array(z.string()),
  attachments: z.array(attachmentView),
  indicatorValues: z.array(z.object({ indicatorId: z.string(), value: z.number() })),
  feedback: z.string().nullable(),
  feedbackByName: z.string().nullable(),
  feedbackAt: z.string().nullable(),
  dialogueNotes: z.string().nullable(),
  /** Feedback and dialogue BKPSDM recorded on behalf of a kepala daerah, with the basis; null for the assessor's own. */
  feedbackOnBehalf: onBehalfView.nullable(),
  /** Recorded on the revision this SKP replaced and taken over when this one was approved (domain/skp/carry-over.ts). */
  isCarriedOver: z.boolean(),
  /** Approved daily activities linked to this RHK (or its earlier revisions) in the period. */
  activities: z.object({ entryCount: z.number().int(), approvedMinutes: z.number().int() }),
});
export type RhkPeriodRealisation = z.infer<typeof rhkPeriodRealisation>;

export const indicatorProgressView = z.object({ indicatorId: z.string(), realised: z.number().nullable(), progressBp: z.number().int().nullable() });

export const rhkRealisationView = z.object({
  rhkId: z.string(),
  kind: z.enum(RHK_KINDS),
  text: z.string(),
  indicators: z.array(skpIndicator),
  /** Progress per indicator over the year so far (basis points, 10 000 = 100 %). */
  progress: z.array(indicatorProgressView),
  progressBp: z.number().int().nullable(),
  periods: z.array(rhkPeriodRealisation),
});
export type RhkRealisationView = z.infer<typeof rhkRealisationView>;

export const realisationBoard = z.object({
  skpId: z.string(),
  periodKind: z.enum(SKP_PERIOD_KINDS),
  today: z.string(),
  periods: z.array(periodView),
  rhk: z.array(rhkRealisationView),
  /** Who may do what on this board (the server checks again). */
  canRecord: z.boolean(),
  canGiveFeedback: z.boolean(),
  /** When the assessor is the kepala daerah: the official as printed, for whom BKPSDM records feedback (with a basis). */
  feedbackOnBehalfOf: z.string().nullable(),
});
export type RealisationBoard = z.infer<typeof realisationBoard>;

/** The RHK of my approved SKP that a daily activity on `date` may cite. */
export const myRhkQuery = z.object({ date: isoDate });
export const myRhkList = z.object({
  date: z.string(),
  skpId: z.string().nullable(),
  items: z.array(z.object({ id: z.string(), kind: z.enum(RHK_KINDS), text: z.string(), supportedRhkText: z.string().nullable() })),
});
export type MyRhkList = z.infer<typeof myRhkList>;

/** One RHK in a cascade tree, flattened in pre-order: parentRhkId and depth rebuild the tree. */
export const cascadeNode = z.object({
  rhkId: z.string(),
  parentRhkId: z.string().nullable(),
  depth: z.number().int(),
  kind: z.enum(RHK_KINDS),
  text: z.string(),
  skpId: z.string(),
  skpStatus: z.enum(SKP_STATUSES),
  employee: z.object({ employeeId: z.string(), name: z.string(), nip: z.string(), positionName: z.string().nullable(), unitName: z.string().nullable() }),
  ownProgressBp: z.number().int().nullable(),
  /** Mean progress of the RHK below that cite it (rolled up); null without any. */
  carriedProgressBp: z.number().int().nullable(),
});
export type CascadeNode = z.infer<typeof cascadeNode>;

export const cascadeTree = z.object({ year: z.number().int(), nodes: z.array(cascadeNode) });
export type CascadeTree = z.infer<typeof cascadeTree>;

export const unitCascadeQuery = z.object({
  unitId: z.uuid({ message: 'ID unit tidak valid' }),
  year: z.coerce.number({ message: 'Tahun harus berupa angka' }).int().min(2000, { message: 'Tahun minimal 2000' }).max(2100, { message: 'Tahun maksimal 2100' }),
});
