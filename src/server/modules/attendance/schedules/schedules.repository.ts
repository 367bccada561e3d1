import { asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { schedule } from '../../../../contracts/attendance-schedules';
import type { Executor } from '../../../db/client';
import { workScheduleDays, workSchedules, workShifts } from '../../../db/schema';

export type ScheduleView = z.infer<typeof schedule>;
export type ScheduleRow = typeof workSchedules.$inferSelect;

/** PostgreSQL `time` comes back as HH:MM:SS; schedules are to the minute. */
export const toMinuteTime = <T extends string | null>(value: T): T => (value === null ? value : (value.slice(0, 5) as T));

export async function findScheduleRow(executor: Executor, id: string, options: { lock?: boolean } = {}): Promise<ScheduleRow | null> {
  const query = executor.select().from(workSchedules).where(eq(workSchedules.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function findScheduleByCode(executor: Executor, code: string): Promise<ScheduleRow | null> {
  const [row] = await executor.select().from(workSchedules).where(eq(workSchedules.code, code));
  return row ?? null;
}

/** Schedules with their weekly days and shifts, ordered by code (all when `ids` is omitted). */
export async function findScheduleViews(executor: Executor, ids?: string[]): Promise<ScheduleView[]> {
  if (ids && ids.length === 0) return [];
  const rows = await executor
    .select()
    .from(workSchedules)
    .where(ids ? inArray(workSchedules.id, ids) : undefined)
    .orderBy(asc(workSchedules.code));
  if (rows.length === 0) return [];
  const scheduleIds = rows.map((row) => row.id);
  const days = await executor.select().from(workScheduleDays).where(inArray(workScheduleDays.scheduleId, scheduleIds)).orderBy(asc(workScheduleDays.weekday));
  const shifts = await executor.select().from(workShifts).where(inArray(workShifts.scheduleId, scheduleIds)).orderBy(asc(workShifts.startTime), asc(workShifts.code));
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind === 'shift' ? 'shift' : 'fixed',
    graceLateMinutes: row.graceLateMinutes,
    graceEarlyMinutes: row.graceEarlyMinutes,
    regulation: row.regulation,
    isActive: row.isActive,
    days: days
      .filter((day) => day.scheduleId === row.id)
      .map((day) => ({ weekday: day.weekday, isWorkingDay: day.isWorkingDay, startTime: toMinuteTime(day.startTime), endTime: toMinuteTime(day.endTime), breakMinutes: day.breakMinutes })),
    shifts: shifts
      .filter((item) => item.scheduleId === row.id)
      .map((item) => ({ id: item.id, code: item.code, name: item.name, startTime: toMinuteTime(item.startTime), endTime: toMinuteTime(item.endTime), breakMinutes: item.breakMinutes })),
  }));
}

export async function findScheduleView(executor: Executor, id: string): Promise<ScheduleView | null> {
  const [view] = await findScheduleViews(executor, [id]);
  return view ?? null;
}
