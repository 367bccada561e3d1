import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import { formatFullName } from '../../../domain/org/names';
import type { AssessorDesignation } from '../../../domain/skp/assessor';
import type { AssessorDesignationKind } from '../../../domain/skp/vocabulary';
import type { Executor } from '../../db/client';
import { employees, positions, skpAssessorDesignations, units, users } from '../../db/schema';

export type DesignationRow = typeof skpAssessorDesignations.$inferSelect;

export const toDesignation = (row: DesignationRow): AssessorDesignation => ({
  id: row.id,
  positionId: row.positionId,
  kind: row.kind as AssessorDesignationKind,
  assessorEmployeeId: row.assessorEmployeeId,
  officialName: row.officialName,
  officialTitle: row.officialTitle,
  startDate: row.startDate,
  endDate: row.endDate,
});

/** Designations on these positions in force on `date`. */
export async function findDesignationsOnDate(executor: Executor, positionIds: string[], date: string): Promise<AssessorDesignation[]> {
  if (positionIds.length === 0) return [];
  const rows = await executor
    .select()
    .from(skpAssessorDesignations)
    .where(
      and(
        inArray(skpAssessorDesignations.positionId, [...new Set(positionIds)]),
        lte(skpAssessorDesignations.startDate, date),
        or(isNull(skpAssessorDesignations.endDate), gte(skpAssessorDesignations.endDate, date)),
      ),
    )
    .orderBy(asc(skpAssessorDesignations.startDate));
  return rows.map(toDesignation);
}

/** Every designation of one position (for the overlap check), locked against a concurrent change. */
export async function findDesignationsOfPosition(executor: Executor, positionId: string): Promise<DesignationRow[]> {
  return executor.select().from(skpAssessorDesignations).where(eq(skpAssessorDesignations.positionId, positionId)).for('update');
}

export async function findDesignationRow(executor: Executor, id: string, options: { lock?: boolean } = {}): Promise<DesignationRow | null> {
  const query = executor.select().from(skpAssessorDesignations).where(eq(skpAssessorDesignations.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertDesignation(executor: Executor, values: typeof skpAssessorDesignations.$inferInsert): Promise<DesignationRow> {
  const [row] = await executor.insert(skpAssessorDesignations).values(values).returning();
  if (!row) throw new Error('insert designation returned nothing');
  return row;
}

export async function updateDesignation(executor: Executor, id: string, values: Partial<typeof skpAssessorDesignations.$inferInsert>): Promise<DesignationRow> {
  const [row] = await executor.update(skpAssessorDesignations).set(values).where(eq(skpAssessorDesignations.id, id)).returning();
  if (!row) throw new Error('update designation returned nothing');
  return row;
}

/** All designations with their position's name and unit, newest first within a position. */
export async function findDesignationListRows(executor: Executor) {
  return executor
    .select({ designation: skpAssessorDesignations, positionName: positions.name, unitName: units.name, createdByName: users.displayName })
    .from(skpAssessorDesignations)
    .innerJoin(positions, eq(positions.id, skpAssessorDesignations.positionId))
    .innerJoin(units, eq(units.id, positions.unitId))
    .leftJoin(users, eq(users.id, skpAssessorDesignations.createdByUserId))
    .orderBy(asc(units.name), asc(positions.name), asc(skpAssessorDesignations.startDate));
}

export async function findPositionRow(executor: Executor, id: string) {
  const [row] = await executor.select({ id: positions.id, name: positions.name, unitId: positions.unitId, isActive: positions.isActive }).from(positions).where(eq(positions.id, id));
  return row ?? null;
}

export async function findUserDisplayName(executor: Executor, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [row] = await executor.select({ displayName: users.displayName }).from(users).where(eq(users.id, userId));
  return row?.displayName ?? null;
}

/** Every active employee with the unit they belong to (the "without assessor" check covers the regency). */
export async function findActiveEmployeeRefs(executor: Executor) {
  const rows = await executor
    .select({ id: employees.id, nip: employees.nip, name: employees.name, gelarDepan: employees.gelarDepan, gelarBelakang: employees.gelarBelakang, unitName: units.name })
    .from(employees)
    .leftJoin(units, eq(units.id, employees.unitId))
    .where(eq(employees.isActive, true))
    .orderBy(asc(employees.name));
  return rows.map((row) => ({ id: row.id, nip: row.nip, fullName: formatFullName(row), unitName: row.unitName }));
}
