import { and, asc, eq, gte, inArray, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { createScheduleAssignmentRequest, scheduleAssignment, scheduleAssignmentQuery, updateScheduleAssignmentRequest } from '../../../../contracts/attendance-schedules';
import { describePeriod, doPeriodsOverlap } from '../../../../domain/org/periods';
import type { Executor } from '../../../db/client';
import { employees, scheduleAssignments, units, workSchedules } from '../../../db/schema';
import { canReadWholeRegency, hasRole, requireActor, type RequestContext } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { conflict, invalid, notFound } from '../../../platform/errors';
import { assertCanWriteForUnit, assertRegionAdmin } from './schedule-access';
import { findScheduleRow } from './schedules.repository';

type CreateInput = z.output<typeof createScheduleAssignmentRequest>;
type UpdateInput = z.output<typeof updateScheduleAssignmentRequest>;
type AssignmentView = z.infer<typeof scheduleAssignment>;
type AssignmentRow = typeof scheduleAssignments.$inferSelect;

const snapshot = (row: AssignmentRow) => ({
  scheduleId: row.scheduleId,
  unitId: row.unitId,
  employeeId: row.employeeId,
  startDate: row.startDate,
  endDate: row.endDate,
  priority: row.priority,
  note: row.note,
});

/**
 * Schedule assignments the caller may see: regency-wide readers all of them; an admin OPD the
 * region-wide ones plus those of their units and of employees in their units.
 */
export async function listScheduleAssignments(executor: Executor, ctx: RequestContext, query: z.infer<typeof scheduleAssignmentQuery>): Promise<{ items: AssignmentView[] }> {
  const actor = requireActor(ctx);
  const filters: SQL[] = [];
  if (!canReadWholeRegency(actor)) {
    const unitIds = hasRole(actor, 'admin_opd') ? actor.adminUnitIds : [];
    const regionWide = and(isNull(scheduleAssignments.unitId), isNull(scheduleAssignments.employeeId));
    const visible = unitIds.length
      ? or(
          regionWide,
          inArray(scheduleAssignments.unitId, unitIds),
          sql`${scheduleAssignments.employeeId} in (select ${employees.id} from ${employees} where ${inArray(employees.unitId, unitIds)})`,
        )
      : regionWide;
    if (visible) filters.push(visible);
  }
  if (query.unitId) filters.push(eq(scheduleAssignments.unitId, query.unitId));
  if (query.employeeId) filters.push(eq(scheduleAssignments.employeeId, query.employeeId));
  if (query.scheduleId) filters.push(eq(scheduleAssignments.scheduleId, query.scheduleId));
  if (query.activeOn) {
    filters.push(lte(scheduleAssignments.startDate, query.activeOn));
    const openOrLater = or(isNull(scheduleAssignments.endDate), gte(scheduleAssignments.endDate, query.activeOn));
    if (openOrLater) filters.push(openOrLater);
  }
  const rows = await executor
    .select({
      id: scheduleAssignments.id,
      scheduleId: scheduleAssignments.scheduleId,
      scheduleName: workSchedules.name,
      unitId: scheduleAssignments.unitId,
      unitName: units.name,
      employeeId: scheduleAssignments.employeeId,
      employeeName: employees.name,
      startDate: scheduleAssignments.startDate,
      endDate: scheduleAssignments.endDate,
      priority: scheduleAssignments.priority,
      note: scheduleAssignments.note,
    })
    .from(scheduleAssignments)
    .innerJoin(workSchedules, eq(workSchedules.id, scheduleAssignments.scheduleId))
    .leftJoin(units, eq(units.id, scheduleAssignments.unitId))
    .leftJoin(employees, eq(employees.id, scheduleAssignments.employeeId))
    .where(and(...filters))
    .orderBy(asc(scheduleAssignments.startDate), asc(scheduleAssignments.id));
  return { items: rows };
}

/** The unit whose admin may change an assignment: its unit, the employee's unit, or none (region: BKPSDM). */
async function assertCanWriteTarget(executor: Executor, ctx: RequestContext, target: { unitId: string | null; employeeId: string | null }): Promise<string | null> {
  if (target.unitId !== null) {
    const [unit] = await executor.select({ id: units.id }).from(units).where(eq(units.id, target.unitId));
    if (!unit) throw invalid('Unit tidak ditemukan', { field: 'unitId' });
    assertCanWriteForUnit(ctx, target.unitId);
    return target.unitId;
  }
  if (target.employeeId !== null) {
    const [employee] = await executor.select({ unitId: employees.unitId }).from(employees).where(eq(employees.id, target.employeeId));
    if (!employee) throw invalid('Pegawai tidak ditemukan', { field: 'employeeId' });
    assertCanWriteForUnit(ctx, employee.unitId, 'Pegawai ini di luar unit kewenangan Anda');
    return employee.unitId;
  }
  assertRegionAdmin(ctx, 'Hanya admin BKPSDM yang dapat menugaskan jadwal untuk seluruh daerah');
  return null;
}

/** Two assignments for the same target and priority over overlapping dates would be decided by start date alone: refuse. */
interface OverlapCandidate {
  id: string | null;
  unitId: string | null;
  employeeId: string | null;
  startDate: string;
  endDate: string | null;
  priority: number;
}

async function assertNoAmbiguousOverlap(executor: Executor, candidate: OverlapCandidate) {
  const sameTarget = [
    candidate.unitId === null ? isNull(scheduleAssignments.unitId) : eq(scheduleAssignments.unitId, candidate.unitId),
    candidate.employeeId === null ? isNull(scheduleAssignments.employeeId) : eq(scheduleAssignments.employeeId, candidate.employeeId),
    eq(scheduleAssignments.priority, candidate.priority),
  ];
  if (candidate.id !== null) sameTarget.push(ne(scheduleAssignments.id, candidate.id));
  const rows = await executor.select().from(scheduleAssignments).where(and(...sameTarget));
  const clash = rows.find((row) => doPeriodsOverlap(row, candidate));
  if (clash) {
    throw conflict(`Sudah ada penugasan jadwal untuk sasaran yang sama dengan prioritas ${candidate.priority} pada ${describePeriod(clash)}; ubah periodenya atau beri prioritas lain`, {
      conflictingId: clash.id,
    });
  }
}

export async function createScheduleAssignment(executor: Executor, ctx: RequestContext, input: CreateInput): Promise<{ id: string }> {
  const scopeUnitId = await assertCanWriteTarget(executor, ctx, input);
  const scheduleRow = await findScheduleRow(executor, input.scheduleId);
  if (!scheduleRow) throw invalid('Jadwal kerja tidak ditemukan', { field: 'scheduleId' });
  if (!scheduleRow.isActive) throw invalid(`Jadwal ${scheduleRow.name} sudah nonaktif`, { field: 'scheduleId' });
  await assertNoAmbiguousOverlap(executor, { id: null, ...input });
  const now = ctx.clock.now();
  const [created] = await executor
    .insert(scheduleAssignments)
    .values({ ...input, createdAt: now, updatedAt: now })
    .returning();
  if (!created) throw new Error('insert returned nothing');
  await recordAudit(executor, ctx, { action: 'create', entityType: 'schedule_assignment', entityId: created.id, after: snapshot(created), scopeUnitId });
  return { id: created.id };
}

async function findAssignmentRow(executor: Executor, id: string): Promise<AssignmentRow> {
  const [row] = await executor.select().from(scheduleAssignments).where(eq(scheduleAssignments.id, id)).for('update');
  if (!row) throw notFound('Penugasan jadwal');
  return row;
}

export async function updateScheduleAssignment(executor: Executor, ctx: RequestContext, id: string, input: UpdateInput): Promise<{ id: string }> {
  const before = await findAssignmentRow(executor, id);
  const scopeUnitId = await assertCanWriteTarget(executor, ctx, before);
  const next = {
    startDate: input.startDate ?? before.startDate,
    endDate: input.endDate === undefined ? before.endDate : input.endDate,
    priority: input.priority ?? before.priority,
    note: input.note === undefined ? before.note : input.note,
  };
  if (next.endDate !== null && next.endDate < next.startDate) throw invalid('Tanggal selesai tidak boleh sebelum tanggal mulai', { field: 'endDate' });
  await assertNoAmbiguousOverlap(executor, { id, unitId: before.unitId, employeeId: before.employeeId, ...next });
  const [after] = await executor.update(scheduleAssignments).set({ ...next, updatedAt: ctx.clock.now() }).where(eq(scheduleAssignments.id, id)).returning();
  if (!after) throw notFound('Penugasan jadwal');
  await recordAudit(executor, ctx, { action: 'update', entityType: 'schedule_assignment', entityId: id, before: snapshot(before), after: snapshot(after), scopeUnitId });
  return { id };
}

export async function deleteScheduleAssignment(executor: Executor, ctx: RequestContext, id: string): Promise<void> {
  const before = await findAssignmentRow(executor, id);
  const scopeUnitId = await assertCanWriteTarget(executor, ctx, before);
  await executor.delete(scheduleAssignments).where(eq(scheduleAssignments.id, id));
  await recordAudit(executor, ctx, { action: 'delete', entityType: 'schedule_assignment', entityId: id, before: snapshot(before), scopeUnitId });
}
