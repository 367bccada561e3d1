import { and, asc, count, desc, eq, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { catalogueItem, catalogueListQuery, catalogueVersion } from '../../../../../contracts/activities-admin';
import type { Executor } from '../../../../db/client';
import { activityCatalogueItems, activityCatalogueVersions, positions, units, users } from '../../../../db/schema';
import { containsPattern } from '../../../org/units.repository';

export type CatalogueItemView = z.infer<typeof catalogueItem>;
type CatalogueVersionView = z.infer<typeof catalogueVersion>;

const itemColumns = {
  id: activityCatalogueItems.id,
  code: activityCatalogueItems.code,
  positionId: activityCatalogueItems.positionId,
  positionCode: positions.code,
  positionName: positions.name,
  unitId: positions.unitId,
  unitName: units.name,
  isActive: activityCatalogueItems.isActive,
  currentVersion: activityCatalogueItems.currentVersion,
  currentVersionId: activityCatalogueVersions.id,
  name: activityCatalogueVersions.name,
  description: activityCatalogueVersions.description,
  outputUnit: activityCatalogueVersions.outputUnit,
  standardMinutes: activityCatalogueVersions.standardMinutes,
  effectiveFrom: activityCatalogueVersions.effectiveFrom,
  updatedAt: activityCatalogueItems.updatedAt,
};

/** Items joined to their current version (and position/unit for position activities). */
const selectItems = (executor: Executor) =>
  executor
    .select(itemColumns)
    .from(activityCatalogueItems)
    .innerJoin(
      activityCatalogueVersions,
      and(eq(activityCatalogueVersions.itemId, activityCatalogueItems.id), eq(activityCatalogueVersions.version, activityCatalogueItems.currentVersion)),
    )
    .leftJoin(positions, eq(positions.id, activityCatalogueItems.positionId))
    .leftJoin(units, eq(units.id, positions.unitId));

const toView = (row: Omit<CatalogueItemView, 'updatedAt'> & { updatedAt: Date }): CatalogueItemView => ({ ...row, updatedAt: row.updatedAt.toISOString() });

export async function findCatalogueItemView(executor: Executor, id: string): Promise<CatalogueItemView | null> {
  const [row] = await selectItems(executor).where(eq(activityCatalogueItems.id, id));
  return row ? toView(row) : null;
}

export async function findCatalogueItemViewByCode(executor: Executor, code: string): Promise<CatalogueItemView | null> {
  const [row] = await selectItems(executor).where(eq(activityCatalogueItems.code, code));
  return row ? toView(row) : null;
}

function listFilters(query: z.infer<typeof catalogueListQuery>): SQL | undefined {
  const filters: (SQL | undefined)[] = [];
  if (query.kind === 'general') filters.push(isNull(activityCatalogueItems.positionId));
  if (query.kind === 'position') filters.push(isNotNull(activityCatalogueItems.positionId));
  if (query.positionId) {
    const ofPosition = eq(activityCatalogueItems.positionId, query.positionId);
    filters.push(query.includeGeneral ? or(ofPosition, isNull(activityCatalogueItems.positionId)) : ofPosition);
  }
  if (query.unitId) filters.push(eq(positions.unitId, query.unitId));
  if (query.isActive !== undefined) filters.push(eq(activityCatalogueItems.isActive, query.isActive));
  if (query.q) {
    const pattern = containsPattern(query.q);
    filters.push(or(ilike(activityCatalogueVersions.name, pattern), ilike(activityCatalogueItems.code, pattern), ilike(activityCatalogueVersions.outputUnit, pattern)));
  }
  const present = filters.filter((filter): filter is SQL => filter !== undefined);
  return present.length ? and(...present) : undefined;
}

/** A page of catalogue items; general activities first, then by position and code. */
export async function findCatalogueItemPage(executor: Executor, query: z.infer<typeof catalogueListQuery>) {
  const where = listFilters(query);
  const rows = await selectItems(executor)
    .where(where)
    .orderBy(sql`${positions.code} asc nulls first`, asc(activityCatalogueItems.code))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await executor
    .select({ value: count() })
    .from(activityCatalogueItems)
    .innerJoin(
      activityCatalogueVersions,
      and(eq(activityCatalogueVersions.itemId, activityCatalogueItems.id), eq(activityCatalogueVersions.version, activityCatalogueItems.currentVersion)),
    )
    .leftJoin(positions, eq(positions.id, activityCatalogueItems.positionId))
    .where(where);
  return { items: rows.map(toView), total: total?.value ?? 0, page: query.page, pageSize: query.pageSize };
}

/** Every item in code order, for the export (the whole catalogue fits in one workbook). */
export async function findAllCatalogueItems(executor: Executor): Promise<CatalogueItemView[]> {
  const rows = await selectItems(executor).orderBy(asc(activityCatalogueItems.code));
  return rows.map(toView);
}

export async function findCatalogueVersions(executor: Executor, itemId: string): Promise<CatalogueVersionView[]> {
  const rows = await executor
    .select({
      id: activityCatalogueVersions.id,
      version: activityCatalogueVersions.version,
      name: activityCatalogueVersions.name,
      description: activityCatalogueVersions.description,
      outputUnit: activityCatalogueVersions.outputUnit,
      standardMinutes: activityCatalogueVersions.standardMinutes,
      effectiveFrom: activityCatalogueVersions.effectiveFrom,
      createdAt: activityCatalogueVersions.createdAt,
      createdByName: users.displayName,
    })
    .from(activityCatalogueVersions)
    .leftJoin(users, eq(users.id, activityCatalogueVersions.createdByUserId))
    .where(eq(activityCatalogueVersions.itemId, itemId))
    .orderBy(desc(activityCatalogueVersions.version));
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

/** The item row locked for a change, so two edits at once make versions n+1 and n+2, never two n+1. */
export async function lockCatalogueItem(executor: Executor, id: string) {
  const [row] = await executor.select().from(activityCatalogueItems).where(eq(activityCatalogueItems.id, id)).for('update');
  return row ?? null;
}

export async function findPositionForCatalogue(executor: Executor, positionId: string) {
  const [row] = await executor
    .select({ id: positions.id, code: positions.code, name: positions.name, unitId: positions.unitId, isActive: positions.isActive })
    .from(positions)
    .where(eq(positions.id, positionId));
  return row ?? null;
}
