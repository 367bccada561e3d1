import { and, eq, gte, inArray, isNull, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { scheduleRequest } from '../../../../contracts/attendance-schedules';
import type { Executor } from '../../../db/client';
import { scheduleAssignments, shiftRosters, workScheduleDays, workSchedules, workShifts } from '../../../db/schema';
import { regionToday, type RequestContext } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { conflict, notFound } from '../../../platform/errors';
import { isUniqueViolation } from '../../org/db-errors';
import { assertRegionAdmin } from './schedule-access';
import { findScheduleByCode, findScheduleRow, findScheduleView, findScheduleViews, type ScheduleView } from './schedules.repository';

type ScheduleInput = z.output<typeof scheduleRequest>;

const duplicateCode = (code: string) => conflict(`Kode jadwal ${code} sudah dipakai`, { field: 'code' });

async function assertCodeFree(executor: Executor, code: string, exceptId: string | null) {
  const existing = await findScheduleByCode(executor, code);
  if (existing && existing.id !== exceptId) throw duplicateCode(code);
}

export async function listSchedules(executor: Executor): Promise<{ items: ScheduleView[] }> {
  return { items: await findScheduleViews(executor) };
}

export async function getSchedule(executor: Executor, id: string): Promise<ScheduleView> {
  const view = await findScheduleView(executor, id);
  if (!view) throw notFound('Jadwal kerja');
  return view;
}

async function writeDays(executor: Executor, scheduleId: string, input: ScheduleInput) {
  await executor.delete(workScheduleDays).where(eq(workScheduleDays.scheduleId, scheduleId));
  if (input.kind !== 'fixed') return;
  await executor.insert(workScheduleDays).values(
    input.days.map((day) => ({
      scheduleId,
      weekday: day.weekday,
      isWorkingDay: day.isWorkingDay,
      startTime: day.isWorkingDay ? day.startTime : null,
      endTime: day.isWorkingDay ? day.endTime : null,
      breakMinutes: day.isWorkingDay ? day.breakMinutes : 0,
    })),
  );
}

/** Shifts are matched by code so rosters keep pointing at them; a removed shift must be unrostered. */
async function writeShifts(executor: Executor, scheduleId: string, input: ScheduleInput) {
  const existing = await executor.select().from(workShifts).where(eq(workShifts.scheduleId, scheduleId));
  const wanted = input.kind === 'shift' ? input.shifts : [];
  const removed = existing.filter((row) => !wanted.some((item) => item.code === row.code));
  if (removed.length > 0) {
    const [used] = await executor.select({ id: shiftRosters.id }).from(shiftRosters).where(inArray(shiftRosters.shiftId, removed.map((row) => row.id))).limit(1);
    if (used) throw conflict(`Shift ${removed.map((row) => row.code).join(', ')} masih dipakai di roster dan tidak dapat dihapus`, { field: 'shifts' });
    await executor.delete(workShifts).where(inArray(workShifts.id, removed.map((row) => row.id)));
  }
  for (const item of wanted) {
    const current = existing.find((row) => row.code === item.code);
    const values = { name: item.name, startTime: item.startTime, endTime: item.endTime, breakMinutes: item.breakMinutes };
    if (current) await executor.update(workShifts).set(values).where(eq(workShifts.id, current.id));
    else await executor.insert(workShifts).values({ scheduleId, code: item.code, ...values });
  }
}

export async function createSchedule(executor: Executor, ctx: RequestContext, input: ScheduleInput): Promise<{ id: string }> {
  assertRegionAdmin(ctx, 'Hanya admin BKPSDM yang dapat membuat jadwal kerja');
  await assertCodeFree(executor, input.code, null);
  const now = ctx.clock.now();
  const [created] = await executor
    .insert(workSchedules)
    .values({ code: input.code, name: input.name, kind: input.kind, graceLateMinutes: input.graceLateMinutes, graceEarlyMinutes: input.graceEarlyMinutes, regulation: input.regulation, createdAt: now, updatedAt: now })
    .returning({ id: workSchedules.id })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? duplicateCode(input.code) : error;
    });
  if (!created) throw new Error('insert returned nothing');
  await writeDays(executor, created.id, input);
  await writeShifts(executor, created.id, input);
  await recordAudit(executor, ctx, { action: 'create', entityType: 'work_schedule', entityId: created.id, after: await findScheduleView(executor, created.id) });
  return created;
}

/** Replaces the whole definition (days and shifts); the kind cannot change once rosters or assignments may rely on it. */
export async function updateSchedule(executor: Executor, ctx: RequestContext, id: string, input: ScheduleInput): Promise<{ id: string }> {
  assertRegionAdmin(ctx, 'Hanya admin BKPSDM yang dapat mengubah jadwal kerja');
  const row = await findScheduleRow(executor, id, { lock: true });
  if (!row) throw notFound('Jadwal kerja');
  if (row.kind !== input.kind) throw conflict('Jenis jadwal (tetap/shift) tidak dapat diubah; buat jadwal baru', { field: 'kind' });
  await assertCodeFree(executor, input.code, id);
  const before = await findScheduleView(executor, id);
  await executor
    .update(workSchedules)
    .set({ code: input.code, name: input.name, graceLateMinutes: input.graceLateMinutes, graceEarlyMinutes: input.graceEarlyMinutes, regulation: input.regulation, updatedAt: ctx.clock.now() })
    .where(eq(workSchedules.id, id))
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? duplicateCode(input.code) : error;
    });
  await writeDays(executor, id, input);
  await writeShifts(executor, id, input);
  await recordAudit(executor, ctx, { action: 'update', entityType: 'work_schedule', entityId: id, before, after: await findScheduleView(executor, id) });
  return { id };
}

/** A schedule still assigned today or later cannot be switched off: those people would lose their plan. */
export async function setScheduleActive(executor: Executor, ctx: RequestContext, id: string, isActive: boolean): Promise<{ id: string }> {
  assertRegionAdmin(ctx, 'Hanya admin BKPSDM yang dapat mengubah jadwal kerja');
  const row = await findScheduleRow(executor, id, { lock: true });
  if (!row) throw notFound('Jadwal kerja');
  if (!isActive) {
    const [inUse] = await executor
      .select({ id: scheduleAssignments.id })
      .from(scheduleAssignments)
      .where(and(eq(scheduleAssignments.scheduleId, id), or(isNull(scheduleAssignments.endDate), gte(scheduleAssignments.endDate, regionToday(ctx)))))
      .limit(1);
    if (inUse) throw conflict('Jadwal masih ditugaskan (hari ini atau nanti); akhiri penugasannya dulu');
  }
  await executor.update(workSchedules).set({ isActive, updatedAt: ctx.clock.now() }).where(eq(workSchedules.id, id));
  await recordAudit(executor, ctx, { action: isActive ? 'activate' : 'deactivate', entityType: 'work_schedule', entityId: id, before: { isActive: row.isActive }, after: { isActive } });
  return { id };
}
