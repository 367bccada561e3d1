import { z } from 'zod';
import { activityEntry, EVIDENCE_VERDICTS } from './activities';
import { isoDate } from './common';

/** Superior's queue and decisions on activity entries (issue 4 §3, §5). */
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Bulan harus berformat YYYY-MM' });

export const ENTRY_DECISIONS = ['approve', 'reject', 'return'] as const;
export type EntryDecision = (typeof ENTRY_DECISIONS)[number];

/** How an entry reached this decider (see src/domain/activities/approval-routing.ts). */
export const APPROVER_VIAS = ['superior', 'next_superior_vacant', 'acting_official', 'next_superior_away', 'superior_away', 'next_superior_overdue'] as const;

export const approverViaLabels: Record<(typeof APPROVER_VIAS)[number], string> = {
  superior: 'Atasan langsung',
  next_superior_vacant: 'Atasan berikutnya (jabatan atasan kosong)',
  acting_official: 'Plt/Plh atasan yang sedang cuti/dinas',
  next_superior_away: 'Atasan berikutnya (atasan sedang cuti/dinas)',
  superior_away: 'Atasan langsung (semua atasan sedang cuti/dinas)',
  next_superior_overdue: 'Atasan berikutnya (batas waktu persetujuan terlewati)',
};

const reasonText = z.string().trim().max(1000, { message: 'Alasan paling panjang 1000 karakter' });

export const approvalQueueQuery = z.object({
  employeeId: z.uuid({ message: 'ID pegawai tidak valid' }).optional(),
  month: month.optional(),
});

export const approvalQueueDay = z.object({
  workDate: isoDate,
  /** How this day's entries came to me. */
  via: z.enum(APPROVER_VIAS),
  /** When the approval deadline of this day passes (ISO instant). */
  approvalDeadline: z.string(),
  isOverdue: z.boolean(),
  claimedMinutes: z.number().int(),
  entries: z.array(activityEntry),
});

export const approvalQueueGroup = z.object({
  employeeId: z.uuid(),
  employeeName: z.string(),
  employeeNip: z.string(),
  pendingCount: z.number().int(),
  days: z.array(approvalQueueDay),
});

export const approvalQueue = z.object({ total: z.number().int(), groups: z.array(approvalQueueGroup) }).meta({ id: 'ActivityApprovalQueue' });
export type ApprovalQueue = z.infer<typeof approvalQueue>;
export type ApprovalQueueGroup = z.infer<typeof approvalQueueGroup>;
export type ApprovalQueueDay = z.infer<typeof approvalQueueDay>;

export const approvalSummary = z
  .object({
    pending: z.number().int(),
    people: z.number().int(),
    oldestWorkDate: isoDate.nullable(),
    /** Pending entries whose approval deadline passes within the next 48 hours. */
    dueSoon: z.number().int(),
    overdue: z.number().int(),
  })
  .meta({ id: 'ActivityApprovalSummary' });
export type ApprovalSummary = z.infer<typeof approvalSummary>;

export const decideEntryBody = z.object({
  decision: z.enum(ENTRY_DECISIONS, { message: 'Keputusan harus approve, reject atau return' }),
  /** Required to reject or return for revision. */
  reason: reasonText.nullish(),
  /** The revision the decider saw; a changed entry is refused (409). */
  revision: z.number().int().min(1).optional(),
  /** The evidence verdict, given with the decision in one tap. */
  evidenceVerdict: z.enum(EVIDENCE_VERDICTS, { message: 'Penilaian bukti tidak dikenal' }).optional(),
});
export type DecideEntryBody = z.infer<typeof decideEntryBody>;

export const bulkSelection = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('entries'), entryIds: z.array(z.uuid({ message: 'ID aktivitas tidak valid' })).min(1, { message: 'Pilih minimal satu aktivitas' }).max(2000, { message: 'Paling banyak 2000 aktivitas sekaligus' }) }),
  z.object({ kind: z.literal('day'), employeeId: z.uuid({ message: 'ID pegawai tidak valid' }), workDate: isoDate }),
  z.object({ kind: z.literal('month'), employeeId: z.uuid({ message: 'ID pegawai tidak valid' }), month }),
]);

export const bulkDecisionBody = z.object({
  decision: z.enum(ENTRY_DECISIONS, { message: 'Keputusan harus approve, reject atau return' }),
  reason: reasonText.nullish(),
  selection: bulkSelection,
});
export type BulkDecisionBody = z.infer<typeof bulkDecisionBody>;

/**
 * Bulk decisions are all-or-nothing: either every selected entry is decided (200) or none is, and the
 * error's `details.results` says for each entry whether it could have been decided and why not.
 */
export const bulkEntryResult = z.object({
  entryId: z.uuid(),
  outcome: z.enum(['decided', 'refused']),
  code: z.string().nullable(),
  message: z.string().nullable(),
});
export const bulkDecisionResult = z.object({ decided: z.number().int(), results: z.array(bulkEntryResult) }).meta({ id: 'ActivityBulkDecisionResult' });
export type BulkDecisionResult = z.infer<typeof bulkDecisionResult>;
export type BulkEntryResult = z.infer<typeof bulkEntryResult>;

export const evidenceVerdictBody = z.object({
  verdict: z.enum(EVIDENCE_VERDICTS, { message: 'Penilaian bukti harus matching, insufficient atau not_matching' }),
  revision: z.number().int().min(1).optional(),
});
export type EvidenceVerdictBody = z.infer<typeof evidenceVerdictBody>;
