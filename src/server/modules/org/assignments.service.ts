import { and, eq, gt, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { createAssignmentRequest, updateAssignmentRequest } from '../../../contracts/org';
import { describeAssignmentConflict, findAssignmentConflicts, isStructuralPosition, type AssignmentConflict } from '../../../domain/org/assignments';
import { isPeriodOrdered } from '../../../domain/org/periods';
import type { Executor } from '../../db/client';
import { assignments, employees } from '../../db/schema';
import { regionToday, type RequestContext } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { conflict, invalid, notFound } from '../../platform/errors';
import { findAssignmentRow, findAssignmentsOfEmployeeOrPosition, type AssignmentRow } from './assignments.repository';
import { findEmployeeRow, findEmployeeSummaries, type EmployeeRow } from './employees.repository';
import { assertCanWriteInUnit } from './org-scope';
import { findPositionNames, findPositionRow, type PositionRow } from './positions.repository';

type CreateAssignmentInput = z.infer<typeof createAssignmentRequest>;
type UpdateAssignmentInput = z.infer<typeof updateAssignmentRequest>;

const snapshotAssignment = (row: AssignmentRow) => ({
  employeeId: row.employeeId,
  positionId: row.positionId,
  kind: row.kind,
  startDate: row.startDate,
  endDate: row.endDate,
  decreeNumber: row.decreeNumber,
  note: row.note,
});

const unorderedDates = () => invalid('Tanggal selesai tidak boleh sebelum tanggal mulai', { field: 'endDate' });

/** Applies the overlap rules (domain/org/assignments) and explains the first breach with names. */
async function assertNoConflicts(executor: Executor, candidate: Parameters<typeof findAssignmentConflicts>[0]['candidate'], position: PositionRow) {
  const isStructural = isStructuralPosition(position);
  const existing = await findAssignmentsOfEmployeeOrPosition(executor, candidate.employeeId, candidate.positionId, { includeOtherHolders: isStructural });
  const conflicts = findAssignmentConflicts({ candidate, isStructural, existing });
  if (conflicts.length === 0) return;
  const [positionNames, people] = await Promise.all([
    findPositionNames(executor, conflicts.map((found) => found.conflicting.positionId)),
    findEmployeeSummaries(executor, conflicts.map((found) => found.conflicting.employeeId)),
  ]);
  const describe = (found: AssignmentConflict) =>
    describeAssignmentConflict(found, {
      positionName: positionNames.get(found.conflicting.positionId) ?? '',
      holderName: people.get(found.conflicting.employeeId)?.fullName ?? '',
    });
  const [first] = conflicts;
  if (!first) return;
  throw conflict(
    describe(first),
    conflicts.map((found) => ({ rule: found.rule, assignmentId: found.conflicting.id, message: describe(found) })),
  );
}

/**
 * The unit of record follows the latest definitif assignment that has not ended, so that the OPD
 * admin of the new unit manages the employee (routing itself always uses the dated assignments).
 */
async function moveEmployeeToPositionUnit(executor: Executor, ctx: RequestContext, employee: EmployeeRow, created: AssignmentRow, position: PositionRow) {
  if (created.kind !== 'definitif' || employee.unitId === position.unitId) return;
  if (created.endDate !== null && created.endDate < regionToday(ctx)) return;
  const [later] = await executor
    .select({ id: assignments.id })
    .from(assignments)
    .where(and(eq(assignments.employeeId, employee.id), eq(assignments.kind, 'definitif'), ne(assignments.id, created.id), gt(assignments.startDate, created.startDate)));
  if (later) return;
  const [after] = await executor.update(employees).set({ unitId: position.unitId, updatedAt: ctx.clock.now() }).where(eq(employees.id, employee.id)).returning();
  await recordAudit(executor, ctx, {
    action: 'update',
    entityType: 'employee',
    entityId: employee.id,
    before: { unitId: employee.unitId },
    after: { unitId: after?.unitId ?? position.unitId, reason: `penugasan definitif ${created.id}` },
    scopeUnitId: position.unitId,
  });
}

/**
 * Assigns an employee to a position (definitif, Plt or Plh). Refuses overlapping assignments to
 * one position, a second definitif position, and a second definitif holder of a structural seat.
 * An admin OPD assigns only their own employees (or unplaced ones) to their own positions.
 */
export async function createAssignment(executor: Executor, ctx: RequestContext, input: CreateAssignmentInput): Promise<{ id: string }> {
  // Lock both rows so that two concurrent assignments to one seat or person serialise.
  const position = await findPositionRow(executor, input.positionId, { lock: true });
  if (!position) throw invalid('Jabatan tidak ditemukan', { field: 'positionId' });
  const employee = await findEmployeeRow(executor, input.employeeId, { lock: true });
  if (!employee) throw invalid('Pegawai tidak ditemukan', { field: 'employeeId' });
  assertCanWriteInUnit(ctx, position.unitId);
  if (employee.unitId !== null) assertCanWriteInUnit(ctx, employee.unitId);
  if (!position.isActive) throw invalid(`Jabatan ${position.name} sudah nonaktif`, { field: 'positionId' });
  if (!employee.isActive) throw invalid('Pegawai sudah nonaktif', { field: 'employeeId' });
  const endDate = input.endDate ?? null;
  if (!isPeriodOrdered({ startDate: input.startDate, endDate })) throw unorderedDates();
  await assertNoConflicts(executor, { id: null, employeeId: employee.id, positionId: position.id, kind: input.kind, startDate: input.startDate, endDate }, position);

  const now = ctx.clock.now();
  const [created] = await executor
    .insert(assignments)
    .values({
      employeeId: employee.id,
      positionId: position.id,
      kind: input.kind,
      startDate: input.startDate,
      endDate,
      decreeNumber: input.decreeNumber || null,
      note: input.note || null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!created) throw new Error('insert returned nothing');
  await recordAudit(executor, ctx, { action: 'create', entityType: 'assignment', entityId: created.id, after: snapshotAssignment(created), scopeUnitId: position.unitId });
  await moveEmployeeToPositionUnit(executor, ctx, employee, created, position);
  return { id: created.id };
}

/** Ends an assignment (or corrects its end date, decree number, note); the overlap rules still hold. */
export async function updateAssignment(executor: Executor, ctx: RequestContext, id: string, input: UpdateAssignmentInput): Promise<{ id: string }> {
  const before = await findAssignmentRow(executor, id, { lock: true });
  if (!before) throw notFound('Penugasan');
  const position = await findPositionRow(executor, before.positionId, { lock: true });
  if (!position) throw notFound('Jabatan');
  assertCanWriteInUnit(ctx, position.unitId);
  if (input.endDate !== undefined && input.endDate !== before.endDate) {
    if (!isPeriodOrdered({ startDate: before.startDate, endDate: input.endDate })) throw unorderedDates();
    await assertNoConflicts(executor, { ...before, endDate: input.endDate }, position);
  }
  const optional = (value: string | null | undefined) => (value === undefined ? undefined : value || null);
  const [after] = await executor
    .update(assignments)
    .set({ endDate: input.endDate, decreeNumber: optional(input.decreeNumber), note: optional(input.note), updatedAt: ctx.clock.now() })
    .where(eq(assignments.id, id))
    .returning();
  if (!after) throw notFound('Penugasan');
  await recordAudit(executor, ctx, {
    action: 'update',
    entityType: 'assignment',
    entityId: id,
    before: snapshotAssignment(before),
    after: snapshotAssignment(after),
    scopeUnitId: position.unitId,
  });
  return { id };
}
