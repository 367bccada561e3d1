import { and, asc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import { formatFullName } from '../../../domain/org/names';
import type { Executor } from '../../db/client';
import { activityEntries, attachments, employees, skpIndicatorRealisations, skpRealisationAttachments, skpRealisations, skpRhk, skps, units } from '../../db/schema';
import { findRegionZone } from '../../platform/region-zone';

export type RealisationRow = typeof skpRealisations.$inferSelect;
export type IndicatorRealisationRow = typeof skpIndicatorRealisations.$inferSelect;

export async function findRealisationRows(executor: Executor, rhkIds: string[]): Promise<RealisationRow[]> {
  if (rhkIds.length === 0) return [];
  return executor.select().from(skpRealisations).where(inArray(skpRealisations.rhkId, rhkIds)).orderBy(asc(skpRealisations.periodStart));
}

export async function findRealisationRow(executor: Executor, rhkId: string, periodKey: string, options: { lock?: boolean } = {}): Promise<RealisationRow | null> {
  const query = executor.select().from(skpRealisations).where(and(eq(skpRealisations.rhkId, rhkId), eq(skpRealisations.periodKey, periodKey)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function findRealisationById(executor: Executor, id: string): Promise<RealisationRow | null> {
  const [row] = await executor.select().from(skpRealisations).where(eq(skpRealisations.id, id));
  return row ?? null;
}

export async function insertRealisation(executor: Executor, values: typeof skpRealisations.$inferInsert): Promise<RealisationRow> {
  const [row] = await executor.insert(skpRealisations).values(values).returning();
  if (!row) throw new Error('insert realisation returned nothing');
  return row;
}

export async function updateRealisation(executor: Executor, id: string, values: Partial<typeof skpRealisations.$inferInsert>): Promise<RealisationRow> {
  const [row] = await executor.update(skpRealisations).set(values).where(eq(skpRealisations.id, id)).returning();
  if (!row) throw new Error('update realisation returned nothing');
  return row;
}

export async function findIndicatorRealisationRows(executor: Executor, realisationIds: string[]): Promise<IndicatorRealisationRow[]> {
  if (realisationIds.length === 0) return [];
  return executor.select().from(skpIndicatorRealisations).where(inArray(skpIndicatorRealisations.realisationId, realisationIds));
}

export async function setIndicatorRealisation(executor: Executor, realisationId: string, indicatorId: string, value: string | null, now: Date): Promise<void> {
  if (value === null) {
    await executor.delete(skpIndicatorRealisations).where(and(eq(skpIndicatorRealisations.realisationId, realisationId), eq(skpIndicatorRealisations.indicatorId, indicatorId)));
    return;
  }
  await executor
    .insert(skpIndicatorRealisations)
    .values({ realisationId, indicatorId, value })
    .onConflictDoUpdate({ target: [skpIndicatorRealisations.realisationId, skpIndicatorRealisations.indicatorId], set: { value, updatedAt: now } });
}

/** Indicator values of a copied realisation (carry-over into a revision). */
export async function insertIndicatorRealisationRows(executor: Executor, rows: (typeof skpIndicatorRealisations.$inferInsert)[]): Promise<void> {
  if (rows.length === 0) return;
  await executor.insert(skpIndicatorRealisations).values(rows);
}

export async function findRealisationAttachments(executor: Executor, realisationIds: string[]) {
  if (realisationIds.length === 0) return [];
  return executor
    .select({
      realisationId: skpRealisationAttachments.realisationId,
      id: attachments.id,
      fileName: attachments.fileName,
      contentType: attachments.contentType,
      sizeBytes: attachments.sizeBytes,
      uploadedByUserId: attachments.uploadedByUserId,
    })
    .from(skpRealisationAttachments)
    .innerJoin(attachments, eq(attachments.id, skpRealisationAttachments.attachmentId))
    .where(inArray(skpRealisationAttachments.realisationId, realisationIds))
    .orderBy(asc(skpRealisationAttachments.createdAt));
}

/** Who uploaded each attachment (to accept only the caller's own uploads). */
export async function findAttachmentUploaders(executor: Executor, ids: string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await executor.select({ id: attachments.id, uploadedByUserId: attachments.uploadedByUserId }).from(attachments).where(inArray(attachments.id, ids));
  return new Map(rows.map((row) => [row.id, row.uploadedByUserId]));
}

export async function replaceRealisationAttachments(executor: Executor, realisationId: string, attachmentIds: string[]): Promise<void> {
  await executor.delete(skpRealisationAttachments).where(eq(skpRealisationAttachments.realisationId, realisationId));
  if (attachmentIds.length === 0) return;
  await executor.insert(skpRealisationAttachments).values(attachmentIds.map((attachmentId) => ({ realisationId, attachmentId })));
}

export async function isAttachmentOfRealisation(executor: Executor, realisationId: string, attachmentId: string): Promise<boolean> {
  const [row] = await executor
    .select({ id: skpRealisationAttachments.attachmentId })
    .from(skpRealisationAttachments)
    .where(and(eq(skpRealisationAttachments.realisationId, realisationId), eq(skpRealisationAttachments.attachmentId, attachmentId)));
  return row !== undefined;
}

/** Approved daily activities of an employee citing any of the RHK ids, inside a date range. */
export async function findLinkedActivities(executor: Executor, employeeId: string, rhkIds: string[], from: string, to: string) {
  if (rhkIds.length === 0) return [];
  return executor
    .select({ rhkId: activityEntries.skpRhkId, workDate: activityEntries.workDate, approvedMinutes: activityEntries.approvedMinutes })
    .from(activityEntries)
    .where(
      and(
        eq(activityEntries.employeeId, employeeId),
        eq(activityEntries.status, 'approved'),
        inArray(activityEntries.skpRhkId, rhkIds),
        gte(activityEntries.workDate, from),
        lte(activityEntries.workDate, to),
      ),
    );
}

/** Every RHK of an employee's SKP revisions in a year: the lineage (previousRhkId) of each RHK. */
export async function findRhkLineageRows(executor: Executor, employeeId: string, year: number) {
  return executor
    .select({ id: skpRhk.id, previousRhkId: skpRhk.previousRhkId })
    .from(skpRhk)
    .innerJoin(skps, eq(skps.id, skpRhk.skpId))
    .where(and(eq(skps.employeeId, employeeId), eq(skps.year, year)));
}

/** The RHK that cite any of `parentIds`, with their SKP's owner: one level of the cascade downwards. */
export async function findCitingRhk(executor: Executor, parentIds: string[]) {
  if (parentIds.length === 0) return [];
  return executor
    .select({ rhk: skpRhk, skp: skps })
    .from(skpRhk)
    .innerJoin(skps, eq(skps.id, skpRhk.skpId))
    // Only plans in force carry the cascade: drafts are not agreed yet, superseded revisions no longer apply.
    .where(and(inArray(skpRhk.supportedRhkId, parentIds), eq(skps.status, 'approved'), isNull(skps.supersededAt)))
    .orderBy(asc(skps.employeeName), asc(skpRhk.sortOrder));
}

export async function findEmployeeName(executor: Executor, employeeId: string | null): Promise<string | null> {
  if (!employeeId) return null;
  const [row] = await executor.select({ name: employees.name, gelarDepan: employees.gelarDepan, gelarBelakang: employees.gelarBelakang }).from(employees).where(eq(employees.id, employeeId));
  return row ? formatFullName(row) : null;
}

/** The unit's zone; the region's without a unit. */
export async function findUnitTimeZone(executor: Executor, unitId: string | null): Promise<string> {
  if (!unitId) return findRegionZone(executor);
  const [row] = await executor.select({ timeZone: units.timeZone }).from(units).where(eq(units.id, unitId));
  return row?.timeZone ?? findRegionZone(executor);
}
