import { and, count, desc, eq, gte, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { createDeadlineExtensionRequest, deadlineExtension, deadlineExtensionQuery } from '../../../../../contracts/activities-admin';
import { countDays, listDates } from '../../../../../domain/attendance/calendar-zone';
import type { Executor } from '../../../../db/client';
import { activityDeadlineExtensions, units, users } from '../../../../db/schema';
import type { RequestContext } from '../../../../platform/actor';
import { recordAudit } from '../../../../platform/audit';
import { dateInZone } from '../../../../platform/clock';
import { forbidden, invalid, notFound } from '../../../../platform/errors';
import { findUnitAncestorIds } from '../../../org';
import { assertPeriodOpen, periodOfDate } from '../../shared/period-lock';
import { canWriteForUnit, readableUnitIds } from '../activity-admin-access';

type CreateInput = z.output<typeof createDeadlineExtensionRequest>;
type ListQuery = z.output<typeof deadlineExtensionQuery>;
type ExtensionView = z.infer<typeof deadlineExtension>;

export const DEADLINE_EXTENSION_ENTITY = 'activity_deadline_extension';
/** An outage is days, not seasons: a longer range is almost certainly a typing mistake. */
export const MAX_EXTENSION_DAYS = 62;

function assertCanWriteExtension(ctx: RequestContext, unitId: string | null): void {
  if (canWriteForUnit(ctx, unitId)) return;
  throw forbidden(unitId === null ? 'Perpanjangan tenggat untuk seluruh daerah hanya dapat dibuat oleh admin BKPSDM' : 'Unit ini di luar kewenangan Anda');
}

/** Entries of a closed month cannot change any more, so its deadlines are no longer anyone's to move. */
async function assertMonthsOpen(executor: Executor, from: string, to: string): Promise<void> {
  const firstDays = [...new Set(listDates(from, to).map(periodOfDate))].map((period) => `${period}-01`);
  for (const day of firstDays) await assertPeriodOpen(executor, day);
}

/**
 * Extends the entry (and approval) deadline of a range of work dates for a unit and the units
 * below it, or the whole region, e.g. after an outage; the reason goes into the audit trail.
 */
export async function createDeadlineExtension(executor: Executor, ctx: RequestContext, input: CreateInput): Promise<{ id: string }> {
  assertCanWriteExtension(ctx, input.unitId);
  if (input.unitId) {
    const [unit] = await executor.select({ id: units.id }).from(units).where(eq(units.id, input.unitId));
    if (!unit) throw invalid('Unit tidak ditemukan', [{ field: 'unitId', message: 'Unit tidak ditemukan' }]);
  }
  if (countDays(input.workDateFrom, input.workDateTo) > MAX_EXTENSION_DAYS) {
    const message = `Rentang tanggal kerja paling panjang ${MAX_EXTENSION_DAYS} hari`;
    throw invalid(message, [{ field: 'workDateTo', message }]);
  }
  const extendedUntil = new Date(input.extendedUntil);
  if (extendedUntil.getTime() <= ctx.clock.now().getTime()) {
    const message = 'Batas waktu baru harus di masa depan';
    throw invalid(message, [{ field: 'extendedUntil', message }]);
  }
  if (dateInZone(extendedUntil, ctx.regionZone) < input.workDateTo) {
    const message = 'Batas waktu baru tidak boleh sebelum tanggal kerja terakhir yang diperpanjang';
    throw invalid(message, [{ field: 'extendedUntil', message }]);
  }
  await assertMonthsOpen(executor, input.workDateFrom, input.workDateTo);

  const [created] = await executor
    .insert(activityDeadlineExtensions)
    .values({ ...input, extendedUntil, createdByUserId: ctx.actor?.userId ?? null, createdAt: ctx.clock.now() })
    .returning({ id: activityDeadlineExtensions.id });
  if (!created) throw new Error('insert returned nothing');
  await recordAudit(executor, ctx, { action: 'create', entityType: DEADLINE_EXTENSION_ENTITY, entityId: created.id, after: { ...input, extendedUntil: extendedUntil.toISOString() }, scopeUnitId: input.unitId });
  return { id: created.id };
}

/** Removes an extension created by mistake; the row and why it was removed stay in the audit trail. */
export async function deleteDeadlineExtension(executor: Executor, ctx: RequestContext, id: string, reason: string): Promise<void> {
  const [row] = await executor.select().from(activityDeadlineExtensions).where(eq(activityDeadlineExtensions.id, id)).for('update');
  if (!row) throw notFound('Perpanjangan tenggat');
  assertCanWriteExtension(ctx, row.unitId);
  await assertMonthsOpen(executor, row.workDateFrom, row.workDateTo);
  await executor.delete(activityDeadlineExtensions).where(eq(activityDeadlineExtensions.id, id));
  await recordAudit(executor, ctx, { action: 'delete', entityType: DEADLINE_EXTENSION_ENTITY, entityId: id, before: row, after: { reason }, scopeUnitId: row.unitId });
}

const viewColumns = {
  id: activityDeadlineExtensions.id,
  unitId: activityDeadlineExtensions.unitId,
  unitCode: units.code,
  unitName: units.name,
  workDateFrom: activityDeadlineExtensions.workDateFrom,
  workDateTo: activityDeadlineExtensions.workDateTo,
  extendedUntil: activityDeadlineExtensions.extendedUntil,
  reason: activityDeadlineExtensions.reason,
  createdAt: activityDeadlineExtensions.createdAt,
  createdByName: users.displayName,
};

const selectExtensions = (executor: Executor) =>
  executor
    .select(viewColumns)
    .from(activityDeadlineExtensions)
    .leftJoin(units, eq(units.id, activityDeadlineExtensions.unitId))
    .leftJoin(users, eq(users.id, activityDeadlineExtensions.createdByUserId));

const toView = (row: Omit<ExtensionView, 'extendedUntil' | 'createdAt'> & { extendedUntil: Date; createdAt: Date }): ExtensionView => ({
  ...row,
  extendedUntil: row.extendedUntil.toISOString(),
  createdAt: row.createdAt.toISOString(),
});

export async function getDeadlineExtension(executor: Executor, id: string): Promise<ExtensionView> {
  const [row] = await selectExtensions(executor).where(eq(activityDeadlineExtensions.id, id));
  if (!row) throw notFound('Perpanjangan tenggat');
  return toView(row);
}

/**
 * Extensions newest first. `unitId` lists what applies to that unit: its own, its parents' and
 * the whole region's. An admin OPD sees their units' and the region-wide ones.
 */
export async function listDeadlineExtensions(executor: Executor, ctx: RequestContext, query: ListQuery) {
  const filters: (SQL | undefined)[] = [];
  const scope = readableUnitIds(ctx);
  if (scope) filters.push(scope.length ? or(isNull(activityDeadlineExtensions.unitId), inArray(activityDeadlineExtensions.unitId, scope)) : isNull(activityDeadlineExtensions.unitId));
  if (query.unitId) {
    const applying = [query.unitId, ...(await findUnitAncestorIds(executor, query.unitId))];
    filters.push(or(isNull(activityDeadlineExtensions.unitId), inArray(activityDeadlineExtensions.unitId, applying)));
  }
  if (query.date) filters.push(lte(activityDeadlineExtensions.workDateFrom, query.date), gte(activityDeadlineExtensions.workDateTo, query.date));
  const present = filters.filter((filter): filter is SQL => filter !== undefined);
  const where = present.length ? and(...present) : undefined;
  const rows = await selectExtensions(executor)
    .where(where)
    .orderBy(desc(activityDeadlineExtensions.createdAt), desc(activityDeadlineExtensions.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await executor.select({ value: count() }).from(activityDeadlineExtensions).where(where);
  return { items: rows.map(toView), total: total?.value ?? 0, page: query.page, pageSize: query.pageSize };
}
