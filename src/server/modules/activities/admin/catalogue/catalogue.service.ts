import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createCatalogueItemRequest, updateCatalogueItemRequest } from '../../../../../contracts/activities-admin';
import { planCatalogueEdit, type CatalogueVersionFields } from '../../../../../domain/activities/catalogue-versions';
import type { Executor } from '../../../../db/client';
import { activityCatalogueItems, activityCatalogueVersions } from '../../../../db/schema';
import { regionToday, type RequestContext } from '../../../../platform/actor';
import { recordAudit } from '../../../../platform/audit';
import { conflict, forbidden, invalid, notFound } from '../../../../platform/errors';
import { isUniqueViolation } from '../../../org/db-errors';
import { assertRegionAdmin, canWriteForUnit } from '../activity-admin-access';
import { findPositionForCatalogue, lockCatalogueItem } from './catalogue.repository';

type CreateInput = z.output<typeof createCatalogueItemRequest>;
type UpdateInput = z.output<typeof updateCatalogueItemRequest>;
type CataloguePosition = NonNullable<Awaited<ReturnType<typeof findPositionForCatalogue>>>;

export const CATALOGUE_ENTITY = 'activity_catalogue_item';

/**
 * General activities belong to the whole region (admin BKPSDM); a position's activities also to
 * the admin OPD of the position's unit. `ctx.actor` null = trusted system caller.
 */
export function assertCanWriteCatalogueItem(ctx: RequestContext, position: Pick<CataloguePosition, 'unitId'> | null): void {
  if (!position) {
    assertRegionAdmin(ctx, 'Kegiatan umum (untuk semua jabatan) hanya dapat diubah oleh admin BKPSDM');
    return;
  }
  if (!canWriteForUnit(ctx, position.unitId)) throw forbidden('Jabatan kegiatan ini berada di unit di luar kewenangan Anda');
}

/** The position a catalogue activity is for: it must exist and be in use. */
export async function requireCataloguePosition(executor: Executor, positionId: string): Promise<CataloguePosition> {
  const position = await findPositionForCatalogue(executor, positionId);
  if (!position) throw invalid('Jabatan tidak ditemukan', { field: 'positionId' });
  if (!position.isActive) throw invalid(`Jabatan ${position.name} (${position.code}) sudah nonaktif`, { field: 'positionId' });
  return position;
}

const versionFieldsOf = (row: CatalogueVersionFields): CatalogueVersionFields => ({
  name: row.name,
  description: row.description,
  outputUnit: row.outputUnit,
  standardMinutes: row.standardMinutes,
});

export async function createCatalogueItem(executor: Executor, ctx: RequestContext, input: CreateInput): Promise<{ id: string; versionId: string }> {
  const position = input.positionId ? await requireCataloguePosition(executor, input.positionId) : null;
  assertCanWriteCatalogueItem(ctx, position);
  const [taken] = await executor.select({ id: activityCatalogueItems.id }).from(activityCatalogueItems).where(eq(activityCatalogueItems.code, input.code));
  if (taken) throw conflict(`Kode kegiatan ${input.code} sudah dipakai`, { field: 'code' });

  const now = ctx.clock.now();
  const [item] = await executor
    .insert(activityCatalogueItems)
    .values({ code: input.code, positionId: input.positionId, currentVersion: 1, isActive: true, createdAt: now, updatedAt: now })
    .returning({ id: activityCatalogueItems.id })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? conflict(`Kode kegiatan ${input.code} sudah dipakai`, { field: 'code' }) : error;
    });
  if (!item) throw new Error('insert returned nothing');
  const fields = versionFieldsOf(input);
  const effectiveFrom = input.effectiveFrom ?? regionToday(ctx);
  const [version] = await executor
    .insert(activityCatalogueVersions)
    .values({ itemId: item.id, version: 1, ...fields, effectiveFrom, createdByUserId: ctx.actor?.userId ?? null, createdAt: now })
    .returning({ id: activityCatalogueVersions.id });
  if (!version) throw new Error('insert returned nothing');
  await recordAudit(executor, ctx, {
    action: 'create',
    entityType: CATALOGUE_ENTITY,
    entityId: item.id,
    after: { code: input.code, positionId: input.positionId, version: 1, effectiveFrom, ...fields },
    scopeUnitId: position?.unitId ?? null,
  });
  return { id: item.id, versionId: version.id };
}

/**
 * An edit of name, description, output unit or standard minutes adds version n+1 and makes it
 * current; entries already made keep pointing at their version. An edit that changes nothing
 * writes nothing.
 */
export async function updateCatalogueItem(executor: Executor, ctx: RequestContext, id: string, input: UpdateInput): Promise<{ id: string; newVersion: number | null }> {
  const item = await lockCatalogueItem(executor, id);
  if (!item) throw notFound('Kegiatan');
  const position = item.positionId ? await findPositionForCatalogue(executor, item.positionId) : null;
  assertCanWriteCatalogueItem(ctx, position);
  const [current] = await executor
    .select()
    .from(activityCatalogueVersions)
    .where(and(eq(activityCatalogueVersions.itemId, id), eq(activityCatalogueVersions.version, item.currentVersion)));
  if (!current) throw new Error(`catalogue item ${id} has no version ${item.currentVersion}`);

  const plan = planCatalogueEdit(current, input, regionToday(ctx));
  if (plan.kind === 'invalid') throw invalid(plan.message, [{ field: plan.field, message: plan.message }]);
  if (plan.kind === 'unchanged') return { id, newVersion: null };

  const now = ctx.clock.now();
  await executor
    .insert(activityCatalogueVersions)
    .values({ itemId: id, version: plan.version, ...plan.fields, effectiveFrom: plan.effectiveFrom, createdByUserId: ctx.actor?.userId ?? null, createdAt: now });
  await executor.update(activityCatalogueItems).set({ currentVersion: plan.version, updatedAt: now }).where(eq(activityCatalogueItems.id, id));
  await recordAudit(executor, ctx, {
    action: 'update',
    entityType: CATALOGUE_ENTITY,
    entityId: id,
    before: { code: item.code, version: current.version, effectiveFrom: current.effectiveFrom, ...versionFieldsOf(current) },
    after: { code: item.code, version: plan.version, effectiveFrom: plan.effectiveFrom, ...plan.fields, changed: plan.changed },
    scopeUnitId: position?.unitId ?? null,
  });
  return { id, newVersion: plan.version };
}

/** A deactivated activity can no longer be chosen for new entries; past entries keep it. */
export async function setCatalogueItemActive(executor: Executor, ctx: RequestContext, id: string, isActive: boolean): Promise<{ id: string; isChanged: boolean }> {
  const item = await lockCatalogueItem(executor, id);
  if (!item) throw notFound('Kegiatan');
  const position = item.positionId ? await findPositionForCatalogue(executor, item.positionId) : null;
  assertCanWriteCatalogueItem(ctx, position);
  if (item.isActive === isActive) return { id, isChanged: false };
  await executor.update(activityCatalogueItems).set({ isActive, updatedAt: ctx.clock.now() }).where(eq(activityCatalogueItems.id, id));
  await recordAudit(executor, ctx, {
    action: isActive ? 'activate' : 'deactivate',
    entityType: CATALOGUE_ENTITY,
    entityId: id,
    before: { code: item.code, isActive: item.isActive },
    after: { code: item.code, isActive },
    scopeUnitId: position?.unitId ?? null,
  });
  return { id, isChanged: true };
}
