import { and, asc, desc, eq, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { AssessorKind, SkpStatus } from '../../../domain/skp/vocabulary';
import { queryRows, type Executor } from '../../db/client';
import { skpIndicators, skpRhk, skps, skpSettings } from '../../db/schema';

export type SkpRow = typeof skps.$inferSelect;
export type RhkRow = typeof skpRhk.$inferSelect;
export type IndicatorRow = typeof skpIndicators.$inferSelect;
export type SkpSettingsRow = typeof skpSettings.$inferSelect;

export async function insertSkp(executor: Executor, values: typeof skps.$inferInsert): Promise<SkpRow> {
  const [row] = await executor.insert(skps).values(values).returning();
  if (!row) throw new Error('insert skp returned nothing');
  return row;
}

export async function findSkpRow(executor: Executor, id: string, options: { lock?: boolean } = {}): Promise<SkpRow | null> {
  const query = executor.select().from(skps).where(eq(skps.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function updateSkp(executor: Executor, id: string, values: Partial<typeof skps.$inferInsert>): Promise<SkpRow> {
  const [row] = await executor.update(skps).set(values).where(eq(skps.id, id)).returning();
  if (!row) throw new Error('update skp returned nothing');
  return row;
}

/** Every revision of an employee's SKP for a year, newest first. */
export async function findSkpRevisions(executor: Executor, employeeId: string, year: number): Promise<SkpRow[]> {
  return executor.select().from(skps).where(and(eq(skps.employeeId, employeeId), eq(skps.year, year))).orderBy(desc(skps.revision));
}

/** The approved revision in force (not superseded) of an employee's SKP for a year. */
export async function findSkpInForce(executor: Executor, employeeId: string, year: number): Promise<SkpRow | null> {
  const [row] = await executor
    .select()
    .from(skps)
    .where(and(eq(skps.employeeId, employeeId), eq(skps.year, year), eq(skps.status, 'approved'), isNull(skps.supersededAt)));
  return row ?? null;
}

export interface SkpFilter {
  employeeIds?: string[];
  assessorEmployeeId?: string;
  assessorKind?: AssessorKind;
  unitIds?: string[];
  year?: number;
  status?: SkpStatus;
}

export async function findSkpRows(executor: Executor, filter: SkpFilter): Promise<SkpRow[]> {
  const conditions: SQL[] = [];
  if (filter.employeeIds) conditions.push(filter.employeeIds.length ? inArray(skps.employeeId, filter.employeeIds) : sql`false`);
  if (filter.unitIds) conditions.push(filter.unitIds.length ? inArray(skps.unitId, filter.unitIds) : sql`false`);
  if (filter.assessorEmployeeId) conditions.push(eq(skps.assessorEmployeeId, filter.assessorEmployeeId));
  if (filter.assessorKind) conditions.push(eq(skps.assessorKind, filter.assessorKind));
  if (filter.year !== undefined) conditions.push(eq(skps.year, filter.year));
  if (filter.status) conditions.push(eq(skps.status, filter.status));
  return executor
    .select()
    .from(skps)
    .where(and(...conditions))
    .orderBy(desc(skps.year), asc(skps.employeeName), desc(skps.revision))
    .limit(2000);
}

export async function insertRhk(executor: Executor, values: typeof skpRhk.$inferInsert): Promise<RhkRow> {
  const [row] = await executor.insert(skpRhk).values(values).returning();
  if (!row) throw new Error('insert rhk returned nothing');
  return row;
}

export async function updateRhk(executor: Executor, id: string, values: Partial<typeof skpRhk.$inferInsert>): Promise<RhkRow> {
  const [row] = await executor.update(skpRhk).set(values).where(eq(skpRhk.id, id)).returning();
  if (!row) throw new Error('update rhk returned nothing');
  return row;
}

export async function deleteRhk(executor: Executor, id: string): Promise<void> {
  await executor.delete(skpRhk).where(eq(skpRhk.id, id));
}

export async function findRhkRow(executor: Executor, id: string): Promise<RhkRow | null> {
  const [row] = await executor.select().from(skpRhk).where(eq(skpRhk.id, id));
  return row ?? null;
}

export async function findRhkRows(executor: Executor, skpIds: string[]): Promise<RhkRow[]> {
  if (skpIds.length === 0) return [];
  return executor.select().from(skpRhk).where(inArray(skpRhk.skpId, skpIds)).orderBy(asc(skpRhk.sortOrder), asc(skpRhk.createdAt));
}

export async function findRhkRowsByIds(executor: Executor, ids: string[]): Promise<RhkRow[]> {
  if (ids.length === 0) return [];
  return executor.select().from(skpRhk).where(inArray(skpRhk.id, ids));
}

export async function findIndicatorRows(executor: Executor, rhkIds: string[]): Promise<IndicatorRow[]> {
  if (rhkIds.length === 0) return [];
  return executor.select().from(skpIndicators).where(inArray(skpIndicators.rhkId, rhkIds)).orderBy(asc(skpIndicators.sortOrder));
}

export async function replaceIndicators(executor: Executor, rhkId: string, values: Omit<typeof skpIndicators.$inferInsert, 'rhkId' | 'sortOrder'>[]): Promise<void> {
  await executor.delete(skpIndicators).where(eq(skpIndicators.rhkId, rhkId));
  if (values.length === 0) return;
  await executor.insert(skpIndicators).values(values.map((value, index) => ({ ...value, rhkId, sortOrder: index + 1 })));
}

export async function nextRhkOrder(executor: Executor, skpId: string): Promise<number> {
  const [row] = await executor.select({ max: sql<number | null>`max(${skpRhk.sortOrder})` }).from(skpRhk).where(eq(skpRhk.skpId, skpId));
  return Number(row?.max ?? 0) + 1;
}

/** How many RHK (of other SKPs) cite this one. */
export async function countCitingRhk(executor: Executor, rhkId: string): Promise<number> {
  const [row] = await executor.select({ count: sql<number>`count(*)::int` }).from(skpRhk).where(eq(skpRhk.supportedRhkId, rhkId));
  return row?.count ?? 0;
}

/** The cascade above an RHK (rhk → the RHK it supports …), as a parent map; bounded against loops. */
export async function findCascadeAbove(executor: Executor, rhkId: string): Promise<Map<string, string | null>> {
  const rows = await queryRows<{ id: string; supported_rhk_id: string | null }>(
    executor,
    sql`with recursive chain(id, supported_rhk_id, depth) as (
          select id, supported_rhk_id, 1 from skp_rhk where id = ${rhkId}
          union all
          select r.id, r.supported_rhk_id, c.depth + 1 from skp_rhk r join chain c on r.id = c.supported_rhk_id where c.depth < 50
        )
        select distinct id, supported_rhk_id from chain`,
  );
  return new Map(rows.map((row) => [row.id, row.supported_rhk_id]));
}

/** The region setting that applies to a year: the latest effective year not after it. */
export async function findSettingsForYear(executor: Executor, year: number): Promise<SkpSettingsRow | null> {
  const [row] = await executor.select().from(skpSettings).where(lte(skpSettings.effectiveYear, year)).orderBy(desc(skpSettings.effectiveYear)).limit(1);
  return row ?? null;
}

export async function findAllSettings(executor: Executor): Promise<SkpSettingsRow[]> {
  return executor.select().from(skpSettings).orderBy(asc(skpSettings.effectiveYear));
}

export async function findSettingsRow(executor: Executor, effectiveYear: number): Promise<SkpSettingsRow | null> {
  const [row] = await executor.select().from(skpSettings).where(eq(skpSettings.effectiveYear, effectiveYear)).for('update');
  return row ?? null;
}

export async function upsertSettings(executor: Executor, values: typeof skpSettings.$inferInsert): Promise<SkpSettingsRow> {
  const [row] = await executor
    .insert(skpSettings)
    .values(values)
    .onConflictDoUpdate({
      target: skpSettings.effectiveYear,
      set: { periodKind: values.periodKind, approach: values.approach, regulation: values.regulation, updatedAt: values.updatedAt },
    })
    .returning();
  if (!row) throw new Error('upsert skp settings returned nothing');
  return row;
}
