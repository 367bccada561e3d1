import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { assignment } from '../../../contracts/org';
import { sortAssignmentsByPrecedence, type AssignmentRecord } from '../../../domain/org/assignments';
import { formatFullName } from '../../../domain/org/names';
import type { Executor } from '../../db/client';
import { assignments, employees, positions, units } from '../../db/schema';

export type AssignmentRow = typeof assignments.$inferSelect;
export type AssignmentView = z.infer<typeof assignment>;

const inForceOn = (date: string): SQL =>
  sql`${assignments.startDate} <= ${date}::date and (${assignments.endDate} is null or ${assignments.endDate} >= ${date}::date)`;

const recordColumns = {
  id: assignments.id,
  employeeId: assignments.employeeId,
  positionId: assignments.positionId,
  kind: assignments.kind,
  startDate: assignments.startDate,
  endDate: assignments.endDate,
};

export async function findAssignmentRow(executor: Executor, id: string, options: { lock?: boolean } = {}): Promise<AssignmentRow | null> {
  const query = executor.select().from(assignments).where(eq(assignments.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

/** Assignments in force on `date` of the given employees and/or positions. */
export async function findAssignmentsOnDate(
  executor: Executor,
  of: { employeeIds?: string[]; positionIds?: string[] },
  date: string,
): Promise<AssignmentRecord[]> {
  const who: SQL[] = [];
  if (of.employeeIds?.length) who.push(inArray(assignments.employeeId, of.employeeIds));
  if (of.positionIds?.length) who.push(inArray(assignments.positionId, of.positionIds));
  if (who.length === 0) return [];
  return executor.select(recordColumns).from(assignments).where(and(or(...who), inForceOn(date)));
}

/**
 * Every assignment, past or future, of an employee — and of the position's other holders when the
 * position is structural (only then do other holders matter to the overlap rules; a pelaksana
 * position with hundreds of holders must not be loaded for each new one).
 */
export async function findAssignmentsOfEmployeeOrPosition(
  executor: Executor,
  employeeId: string,
  positionId: string,
  options: { includeOtherHolders: boolean },
): Promise<AssignmentRecord[]> {
  return executor
    .select(recordColumns)
    .from(assignments)
    .where(options.includeOtherHolders ? or(eq(assignments.employeeId, employeeId), eq(assignments.positionId, positionId)) : eq(assignments.employeeId, employeeId));
}

/** Holders of the positions on `date`, definitif first, then Plt, then Plh. */
export async function findHoldersOnDate(executor: Executor, positionIds: string[], date: string) {
  if (positionIds.length === 0) return [];
  const rows = await executor
    .select({ ...recordColumns, nip: employees.nip, name: employees.name, gelarDepan: employees.gelarDepan, gelarBelakang: employees.gelarBelakang })
    .from(assignments)
    .innerJoin(employees, eq(employees.id, assignments.employeeId))
    .where(and(inArray(assignments.positionId, positionIds), inForceOn(date)));
  return sortAssignmentsByPrecedence(rows, date).map((row) => ({
    assignmentId: row.id,
    positionId: row.positionId,
    employeeId: row.employeeId,
    nip: row.nip,
    fullName: formatFullName(row),
    kind: row.kind,
  }));
}

/** Positions the employees hold on `date`, definitif first (the shape of `employee.positions`). */
export async function findPositionRefsOnDate(executor: Executor, employeeIds: string[], date: string) {
  if (employeeIds.length === 0) return [];
  const rows = await executor
    .select({ ...recordColumns, positionName: positions.name, unitId: positions.unitId, unitName: units.name, kelasJabatan: positions.kelasJabatan })
    .from(assignments)
    .innerJoin(positions, eq(positions.id, assignments.positionId))
    .innerJoin(units, eq(units.id, positions.unitId))
    .where(and(inArray(assignments.employeeId, employeeIds), inForceOn(date)));
  return sortAssignmentsByPrecedence(rows, date).map((row) => ({
    employeeId: row.employeeId,
    assignmentId: row.id,
    positionId: row.positionId,
    positionName: row.positionName,
    kind: row.kind,
    unitId: row.unitId,
    unitName: row.unitName,
    kelasJabatan: row.kelasJabatan,
  }));
}

const viewColumns = {
  id: assignments.id,
  employeeId: assignments.employeeId,
  name: employees.name,
  gelarDepan: employees.gelarDepan,
  gelarBelakang: employees.gelarBelakang,
  nip: employees.nip,
  positionId: assignments.positionId,
  positionName: positions.name,
  unitId: positions.unitId,
  unitName: units.name,
  kind: assignments.kind,
  startDate: assignments.startDate,
  endDate: assignments.endDate,
  decreeNumber: assignments.decreeNumber,
  note: assignments.note,
};

/** Assignment history, newest first. */
export async function findAssignmentViews(executor: Executor, filter: { employeeId?: string; assignmentId?: string }): Promise<AssignmentView[]> {
  const where: SQL[] = [];
  if (filter.employeeId) where.push(eq(assignments.employeeId, filter.employeeId));
  if (filter.assignmentId) where.push(eq(assignments.id, filter.assignmentId));
  const rows = await executor
    .select(viewColumns)
    .from(assignments)
    .innerJoin(employees, eq(employees.id, assignments.employeeId))
    .innerJoin(positions, eq(positions.id, assignments.positionId))
    .innerJoin(units, eq(units.id, positions.unitId))
    .where(and(...where))
    .orderBy(desc(assignments.startDate), desc(assignments.createdAt));
  return rows.map(({ name, gelarDepan, gelarBelakang, ...row }) => ({ ...row, employeeName: formatFullName({ name, gelarDepan, gelarBelakang }) }));
}
