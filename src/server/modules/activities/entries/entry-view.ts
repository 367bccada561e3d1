import { asc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { EVIDENCE_VERDICTS, ENTRY_STATUSES, type ActivityEntryView, type EntryStatus, type EvidenceVerdict } from '../../../../contracts/activities';
import { formatFullName } from '../../../../domain/org/names';
import type { Executor } from '../../../db/client';
import { activityCatalogueVersions, activityEntries, attachments, employees, skpRhk } from '../../../db/schema';

/** Rows of activity_entries → the `activityEntry` view (src/contracts/activities.ts). Other activity modules import this. */
export type ActivityEntryRow = typeof activityEntries.$inferSelect;

const decider = alias(employees, 'entry_decider');

/** Columns joined onto an entry for its view: owner, catalogue item, evidence file name, decider, cited RHK. */
export const entryViewColumns = {
  entry: activityEntries,
  employeeName: employees.name,
  employeeGelarDepan: employees.gelarDepan,
  employeeGelarBelakang: employees.gelarBelakang,
  employeeNip: employees.nip,
  catalogueItemId: activityCatalogueVersions.itemId,
  evidenceFileName: attachments.fileName,
  deciderName: decider.name,
  deciderGelarDepan: decider.gelarDepan,
  deciderGelarBelakang: decider.gelarBelakang,
  skpRhkText: skpRhk.text,
};

export interface EntryViewRow {
  entry: ActivityEntryRow;
  employeeName: string;
  employeeGelarDepan: string | null;
  employeeGelarBelakang: string | null;
  employeeNip: string;
  catalogueItemId: string | null;
  evidenceFileName: string | null;
  deciderName: string | null;
  deciderGelarDepan: string | null;
  deciderGelarBelakang: string | null;
  skpRhkText: string | null;
}

/** `HH:MM` of a database time (`HH:MM:SS`). */
export const toWallTime = (value: string): string => value.slice(0, 5);

const isStatus = (value: string): value is EntryStatus => (ENTRY_STATUSES as readonly string[]).includes(value);
const isVerdict = (value: string): value is EvidenceVerdict => (EVIDENCE_VERDICTS as readonly string[]).includes(value);

export function toActivityEntryView(row: EntryViewRow): ActivityEntryView {
  const { entry } = row;
  // The table's check constraints allow only the contract's values; anything else is a corrupt row.
  if (!isStatus(entry.status)) throw new Error(`activity entry ${entry.id} has unknown status ${entry.status}`);
  const verdict = entry.evidenceVerdict;
  if (verdict !== null && !isVerdict(verdict)) throw new Error(`activity entry ${entry.id} has unknown evidence verdict ${verdict}`);
  const hasEvidence = entry.evidenceAttachmentId !== null || entry.evidenceLink !== null;
  return {
    id: entry.id,
    employeeId: entry.employeeId,
    employeeName: formatFullName({ name: row.employeeName, gelarDepan: row.employeeGelarDepan, gelarBelakang: row.employeeGelarBelakang }),
    employeeNip: row.employeeNip,
    unitId: entry.unitId,
    workDate: entry.workDate,
    startTime: toWallTime(entry.startTime),
    endTime: toWallTime(entry.endTime),
    catalogueItemId: row.catalogueItemId,
    catalogueVersionId: entry.catalogueVersionId,
    isAdditionalTask: entry.isAdditionalTask,
    title: entry.title,
    volume: entry.volume,
    outputUnit: entry.outputUnit,
    description: entry.description,
    standardMinutes: entry.standardMinutes,
    claimedMinutes: entry.claimedMinutes,
    approvedMinutes: entry.approvedMinutes,
    evidence: hasEvidence ? { attachmentId: entry.evidenceAttachmentId, fileName: row.evidenceFileName, link: entry.evidenceLink } : null,
    evidenceVerdict: verdict,
    skpRhkId: entry.skpRhkId,
    skpRhkText: entry.skpRhkId === null ? null : row.skpRhkText,
    status: entry.status,
    submittedAt: entry.submittedAt?.toISOString() ?? null,
    decidedAt: entry.decidedAt?.toISOString() ?? null,
    decidedByName: row.deciderName === null ? null : formatFullName({ name: row.deciderName, gelarDepan: row.deciderGelarDepan, gelarBelakang: row.deciderGelarBelakang }),
    decisionReason: entry.decisionReason,
    revision: entry.revision,
    signals: [],
  };
}

/**
 * The view of an entry just inserted, from the row and what the insert already knew (owner, catalogue
 * item, evidence file name, RHK text): the same as findEntryView would read, without reading it back.
 */
export function toNewEntryView(
  entry: ActivityEntryRow,
  owner: { name: string; gelarDepan: string | null; gelarBelakang: string | null; nip: string },
  refs: { catalogueItemId: string | null; evidenceFileName: string | null; skpRhkText: string | null },
): ActivityEntryView {
  return toActivityEntryView({
    entry,
    employeeName: owner.name,
    employeeGelarDepan: owner.gelarDepan,
    employeeGelarBelakang: owner.gelarBelakang,
    employeeNip: owner.nip,
    catalogueItemId: refs.catalogueItemId,
    evidenceFileName: refs.evidenceFileName,
    deciderName: null,
    deciderGelarDepan: null,
    deciderGelarBelakang: null,
    skpRhkText: refs.skpRhkText,
  });
}

/** Entry views matching `where` (conditions on activity_entries / employees), by date and start time. */
export async function findEntryViews(executor: Executor, where: SQL | undefined, options: { limit?: number } = {}): Promise<ActivityEntryView[]> {
  const rows = await executor
    .select(entryViewColumns)
    .from(activityEntries)
    .innerJoin(employees, eq(employees.id, activityEntries.employeeId))
    .leftJoin(activityCatalogueVersions, eq(activityCatalogueVersions.id, activityEntries.catalogueVersionId))
    .leftJoin(attachments, eq(attachments.id, activityEntries.evidenceAttachmentId))
    .leftJoin(decider, eq(decider.id, activityEntries.decidedByEmployeeId))
    .leftJoin(skpRhk, eq(skpRhk.id, activityEntries.skpRhkId))
    .where(where)
    .orderBy(asc(activityEntries.workDate), asc(activityEntries.startTime), asc(activityEntries.createdAt))
    .limit(options.limit ?? 2000);
  return rows.map(toActivityEntryView);
}

export async function findEntryView(executor: Executor, id: string): Promise<ActivityEntryView | null> {
  const [view] = await findEntryViews(executor, eq(activityEntries.id, id), { limit: 1 });
  return view ?? null;
}
