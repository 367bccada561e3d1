import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { unit, unitQuery } from '../../../contracts/org';
import type { Executor } from '../../db/client';
import { employees, positions, units } from '../../db/schema';
import { findUnitSubtreeIds } from './unit-tree.repository';

export type UnitRow = typeof units.$inferSelect;
export type UnitView = z.infer<typeof unit>;

const parent = alias(units, 'parent_unit');

const unitViewColumns = {
  id: units.id,
  code: units.code,
  siasnCode: units.siasnCode,
  name: units.name,
  kind: units.kind,
  parentId: units.parentId,
  parentName: parent.name,
  timeZone: units.timeZone,
  isActive: units.isActive,
};

/** `%fragment%` for ILIKE with the user's own wildcards escaped. */
export const containsPattern = (fragment: string) => `%${fragment.replace(/[%_\\]/g, '\\$&')}%`;

export async function findUnitRow(executor: Executor, id: string, options: { lock?: boolean } = {}): Promise<UnitRow | null> {
  const query = executor.select().from(units).where(eq(units.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function findUnitView(executor: Executor, id: string): Promise<UnitView | null> {
  const [row] = await executor.select(unitViewColumns).from(units).leftJoin(parent, eq(parent.id, units.parentId)).where(eq(units.id, id));
  return row ?? null;
}

export async function findUnitByCode(executor: Executor, code: string): Promise<UnitRow | null> {
  const [row] = await executor.select().from(units).where(eq(units.code, code));
  return row ?? null;
}

/** A page of units; `scopeUnitIds` null = every unit. */
export async function findUnitPage(executor: Executor, query: z.infer<typeof unitQuery>, scopeUnitIds: string[] | null) {
  const filters: SQL[] = [];
  if (scopeUnitIds) filters.push(scopeUnitIds.length ? inArray(units.id, scopeUnitIds) : sql`false`);
  if (!query.includeInactive) filters.push(eq(units.isActive, true));
  if (query.parentId) filters.push(eq(units.parentId, query.parentId));
  if (query.kind) filters.push(eq(units.kind, query.kind));
  if (query.q) {
    const pattern = containsPattern(query.q);
    const match = or(ilike(units.name, pattern), ilike(units.code, pattern), ilike(units.siasnCode, pattern));
    if (match) filters.push(match);
  }
  const where = filters.length ? and(...filters) : undefined;
  const [items, [total]] = await Promise.all([
    executor
      .select(unitViewColumns)
      .from(units)
      .leftJoin(parent, eq(parent.id, units.parentId))
      .where(where)
      .orderBy(asc(units.code))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    executor.select({ value: count() }).from(units).where(where),
  ]);
  return { items, total: total?.value ?? 0, page: query.page, pageSize: query.pageSize };
}

export async function findAllUnitViews(executor: Executor): Promise<UnitView[]> {
  return executor.select(unitViewColumns).from(units).leftJoin(parent, eq(parent.id, units.parentId)).orderBy(asc(units.code));
}

/** What still hangs on a unit: active sub-units, active positions, active employees. */
export async function countActiveDependants(executor: Executor, unitId: string) {
  const [[children], [unitPositions], [unitEmployees]] = await Promise.all([
    executor.select({ value: count() }).from(units).where(and(eq(units.parentId, unitId), eq(units.isActive, true))),
    executor.select({ value: count() }).from(positions).where(and(eq(positions.unitId, unitId), eq(positions.isActive, true))),
    executor.select({ value: count() }).from(employees).where(and(eq(employees.unitId, unitId), eq(employees.isActive, true))),
  ]);
  return { units: children?.value ?? 0, positions: unitPositions?.value ?? 0, employees: unitEmployees?.value ?? 0 };
}

/** Unit ids for a `unitId` filter, with or without its sub-units. */
export async function expandUnitFilter(executor: Executor, unitId: string, includeSubunits: boolean | undefined): Promise<string[]> {
  return includeSubunits ? findUnitSubtreeIds(executor, [unitId]) : [unitId];
}
