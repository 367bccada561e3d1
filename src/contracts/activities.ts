import { z } from 'zod';

/** Shared vocabulary of daily activities (issue 4). Module contracts live in src/contracts/activities-*.ts. */
export const ENTRY_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'returned'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export const entryStatusLabels: Record<EntryStatus, string> = {
  draft: 'Draf',
  submitted: 'Diajukan',
  approved: 'Disetujui',
  rejected: 'Ditolak',
  returned: 'Dikembalikan untuk perbaikan',
};

/** GASPUL-style evidence verdicts given by the superior. */
export const EVIDENCE_VERDICTS = ['matching', 'insufficient', 'not_matching'] as const;
export type EvidenceVerdict = (typeof EVIDENCE_VERDICTS)[number];

export const evidenceVerdictLabels: Record<EvidenceVerdict, string> = {
  matching: 'Sesuai',
  insufficient: 'Kurang',
  not_matching: 'Tidak sesuai',
};

/** Signals shown to the superior on the approval screen (never blocking). */
export const ENTRY_SIGNALS = ['outside_working_hours', 'beyond_presence', 'on_absent_day', 'repeated_text'] as const;
export type EntrySignal = (typeof ENTRY_SIGNALS)[number];

export const wallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { message: 'Jam harus berformat HH:MM' });

/** One entry as the API returns it (list, detail, approval queue). */
export const activityEntry = z
  .object({
    id: z.string(),
    employeeId: z.string(),
    employeeName: z.string(),
    employeeNip: z.string(),
    unitId: z.string().nullable(),
    workDate: z.string(),
    startTime: z.string(),
    endTime: z.string(),
    catalogueItemId: z.string().nullable(),
    catalogueVersionId: z.string().nullable(),
    isAdditionalTask: z.boolean(),
    title: z.string(),
    volume: z.number().int(),
    outputUnit: z.string(),
    description: z.string().nullable(),
    standardMinutes: z.number().int().nullable(),
    claimedMinutes: z.number().int(),
    approvedMinutes: z.number().int().nullable(),
    evidence: z
      .object({ attachmentId: z.string().nullable(), fileName: z.string().nullable(), link: z.string().nullable() })
      .nullable(),
    evidenceVerdict: z.enum(EVIDENCE_VERDICTS).nullable(),
    /** The SKP RHK this activity contributes to, and its text. */
    skpRhkId: z.string().nullable(),
    skpRhkText: z.string().nullable(),
    status: z.enum(ENTRY_STATUSES),
    submittedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decidedByName: z.string().nullable(),
    decisionReason: z.string().nullable(),
    revision: z.number().int(),
    signals: z.array(z.enum(ENTRY_SIGNALS)).default([]),
  })
  .meta({ id: 'ActivityEntry' });
export type ActivityEntryView = z.infer<typeof activityEntry>;
