import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { position, positionQuery } from '../../../contracts/org';
import { queryRows, type Executor } from '../../db/client';
import { assignments, positions, units } from '../../db/schema';
import { containsPattern, expandUnitFilter } from './units.repository';
import { findHoldersOnDate } from './assignments.repository';

export type PositionRow = typeof positions.$inferSelect;
export type PositionView = z.infer<typeof position>;

const superior = alias(positions, 'superior_position');

const positionColumns = {
  id: positions.id,
  code: positions.code,
  name: positions.name,
  jenis: positions.jenis,
  kelasJabatan: positions.kelasJabatan,
  unitId: positions.unitId,
  unitName: units.name,
  superiorPositionId: positions.superiorPositionId,
  superiorPositionName: superior.name,
  isUnitHead: positions.isUnitHead,
  isActive: positions.isActive,
};

export async function findPositionRow(executor: Executor, id: string, options: { lock?: boolean } = {}): Promise<PositionRow | null> {
  const query = executor.select().from(positions).where(eq(positions.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function findPositionByCode(executor: Executor, code: string): Promise<PositionRow | null> {
  const [row] = await executor.select().from(positions).where(eq(positions.code, code));
  return row ?? null;
}

async function attachHolders(executor: Executor, rows: Omit<PositionView, 'holders'>[], date: string): Promise<PositionView[]> {
  const holders = await findHoldersOnDate(executor, rows.map((row) => row.id), date);
  return rows.map((row) => ({
    ...row,
    holders: holders
      .filter((holder) => holder.positionId === row.id)
      .map(({ assignmentId, employeeId, nip, fullName, kind }) => ({ assignmentId, employeeId, nip, fullName, kind })),
  }));
}

export async function findPositionView(executor: Executor, id: string, date: string): Promise<PositionView | null> {
  const rows = await executor
    .select(positionColumns)
    .from(positions)
    .innerJoin(units, eq(units.id, positions.unitId))
    .leftJoin(superior, eq(superior.id, positions.superiorPositionId))
    .where(eq(positions.id, id));
  const [view] = await attachHolders(executor, rows, date);
  return view ?? null;
}

/**
 * A page of positions with their holders on `date`. Vacant = no definitif holder on that date:
 * a Plt or Plh covers a vacancy, it does not fill it.
 */
export async function findPositionPage(executor: Executor, query: z.infer<typeof positionQuery>, scopeUnitIds: string[] | null, date: string) {
  const filters: SQL[] = [];
  if (scopeUnitIds) filters.push(scopeUnitIds.length ? inArray(positions.unitId, scopeUnitIds) : sql`false`);
  if (!query.includeInactive) filters.push(eq(positions.isActive, true));
  if (query.unitId) filters.push(inArray(positions.unitId, await expandUnitFilter(executor, query.unitId, query.includeSubunits)));
  if (query.jenis) filters.push(eq(positions.jenis, query.jenis));
  if (query.isVacant !== undefined) {
    const hasDefinitif = sql`exists (select 1 from ${assignments} a where a.position_id = ${positions.id} and a.kind = 'definitif'
      and a.start_date <= ${date}::date and (a.end_date is null or a.end_date >= ${date}::date))`;
    filters.push(query.isVacant ? sql`not ${hasDefinitif}` : hasDefinitif);
  }
  if (query.q) {
    const pattern = containsPattern(query.q);
    const match = or(ilike(positions.name, pattern), ilike(positions.code, pattern));
    if (match) filters.push(match);
  }
  const where = filters.length ? and(...filters) : undefined;
  const [rows, [total]] = await Promise.all([
    executor
      .select(positionColumns)
      .from(positions)
      .innerJoin(units, eq(units.id, positions.unitId))
      .leftJoin(superior, eq(superior.id, positions.superiorPositionId))
      .where(where)
      .orderBy(asc(positions.code))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    executor.select({ value: count() }).from(positions).where(where),
  ]);
  return { items: await attachHolders(executor, rows, date), total: total?.value ?? 0, page: query.page, pageSize: query.pageSize };
}

/** The position and every superior above it as (id, superiorPositionId) rows; stops on loops. */
export async function findPositionSuperiorChain(executor: Executor, positionIds: string[]): Promise<{ id: string; superiorPositionId: string | null }[]> {
  if (positionIds.length === 0) return [];
  return queryRows<{ id: string; superiorPositionId: string | null }>(executor, sql`
    with recursive up(id, superior_position_id) as (
      select id, superior_position_id from positions where id in (${sql.join(positionIds.map((id) => sql`${id}::uuid`), sql`, `)})
      union
      select p.id, p.superior_position_id from positions p join up on p.id = up.superior_position_id
    )
    select id, superior_position_id as "superiorPositionId" from up`);
}

/** Every position below the given ones in the position tree (the given ones excluded unless in a loop). */
export async function findSubordinatePositionIds(executor: Executor, positionIds: string[]): Promise<string[]> {
  if (positionIds.length === 0) return [];
  const rows = await queryRows<{ id: string }>(executor, sql`
    with recursive down(id) as (
      select id from positions where superior_position_id in (${sql.join(positionIds.map((id) => sql`${id}::uuid`), sql`, `)})
      union
      select p.id from positions p join down on p.superior_position_id = down.id
    )
    select id from down`);
  return rows.map((row) => row.id);
}

/** Why a position cannot be deactivated: people holding it on or after `date`, active positions reporting to it. */
export async function countPositionDependants(executor: Executor, positionId: string, date: string) {
  const [[holders], [reports]] = await Promise.all([
    executor
      .select({ value: count() })
      .from(assignments)
      .where(and(eq(assignments.positionId, positionId), sql`(${assignments.endDate} is null or ${assignments.endDate} >= ${date}::date)`)),
    executor.select({ value: count() }).from(positions).where(and(eq(positions.superiorPositionId, positionId), eq(positions.isActive, true))),
  ]);
  return { holders: holders?.value ?? 0, subordinatePositions: reports?.value ?? 0 };
}

export async function findPositionNames(executor: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await executor.select({ id: positions.id, name: positions.name }).from(positions).where(inArray(positions.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row.name]));
}
