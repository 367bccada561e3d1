import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { superiorOverride } from '../../../contracts/org';
import type { SuperiorOverrideRecord } from '../../../domain/org/hierarchy';
import { formatFullName } from '../../../domain/org/names';
import type { Executor } from '../../db/client';
import { employees, superiorOverrides } from '../../db/schema';

export type SuperiorOverrideRow = typeof superiorOverrides.$inferSelect;
export type SuperiorOverrideView = z.infer<typeof superiorOverride>;

const recordColumns = {
  id: superiorOverrides.id,
  employeeId: superiorOverrides.employeeId,
  superiorEmployeeId: superiorOverrides.superiorEmployeeId,
  startDate: superiorOverrides.startDate,
  endDate: superiorOverrides.endDate,
};

const inForceOn = (date: string): SQL =>
  sql`${superiorOverrides.startDate} <= ${date}::date and (${superiorOverrides.endDate} is null or ${superiorOverrides.endDate} >= ${date}::date)`;

export async function findOverrideRow(executor: Executor, id: string, options: { lock?: boolean } = {}): Promise<SuperiorOverrideRow | null> {
  const query = executor.select().from(superiorOverrides).where(eq(superiorOverrides.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

/** Overrides in force on `date` for the given employees, or naming the given superiors. */
export async function findOverridesOnDate(
  executor: Executor,
  of: { employeeIds?: string[]; superiorEmployeeIds?: string[] },
  date: string,
): Promise<SuperiorOverrideRecord[]> {
  const who: SQL[] = [];
  if (of.employeeIds?.length) who.push(inArray(superiorOverrides.employeeId, of.employeeIds));
  if (of.superiorEmployeeIds?.length) who.push(inArray(superiorOverrides.superiorEmployeeId, of.superiorEmployeeIds));
  if (who.length === 0) return [];
  return executor.select(recordColumns).from(superiorOverrides).where(and(or(...who), inForceOn(date)));
}

export async function findOverridesOfEmployee(executor: Executor, employeeId: string): Promise<SuperiorOverrideRecord[]> {
  return executor.select(recordColumns).from(superiorOverrides).where(eq(superiorOverrides.employeeId, employeeId));
}

/** Override history of an employee, newest first, with the superior's printed name. */
export async function findOverrideViews(executor: Executor, filter: { employeeId?: string; overrideId?: string }): Promise<SuperiorOverrideView[]> {
  const where: SQL[] = [];
  if (filter.employeeId) where.push(eq(superiorOverrides.employeeId, filter.employeeId));
  if (filter.overrideId) where.push(eq(superiorOverrides.id, filter.overrideId));
  const rows = await executor
    .select({
      ...recordColumns,
      reason: superiorOverrides.reason,
      name: employees.name,
      gelarDepan: employees.gelarDepan,
      gelarBelakang: employees.gelarBelakang,
    })
    .from(superiorOverrides)
    .innerJoin(employees, eq(employees.id, superiorOverrides.superiorEmployeeId))
    .where(and(...where))
    .orderBy(desc(superiorOverrides.startDate), desc(superiorOverrides.createdAt));
  return rows.map(({ name, gelarDepan, gelarBelakang, ...row }) => ({ ...row, superiorName: formatFullName({ name, gelarDepan, gelarBelakang }) }));
}
