import { and, asc, eq, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { ApelScheduleView } from '../../../../contracts/attendance-apel';
import type { ApelScheduleRule } from '../../../../domain/attendance/apel';
import type { Executor } from '../../../db/client';
import { apelSchedules, units } from '../../../db/schema';

/** time columns come back as HH:MM:SS; schedules are to the minute. */
const toMinute = (time: string): string => time.slice(0, 5);

export interface ApelScheduleRow extends ApelScheduleRule {
  name: string;
}

const scheduleColumns = {
  id: apelSchedules.id,
  name: apelSchedules.name,
  unitId: apelSchedules.unitId,
  unitName: units.name,
  weekdays: apelSchedules.weekdays,
  dates: apelSchedules.dates,
  startTime: apelSchedules.startTime,
  endTime: apelSchedules.endTime,
  effectiveFrom: apelSchedules.effectiveFrom,
  effectiveTo: apelSchedules.effectiveTo,
  isActive: apelSchedules.isActive,
  note: apelSchedules.note,
};

export async function findApelScheduleViews(executor: Executor, filters: SQL[]): Promise<ApelScheduleView[]> {
  const rows = await executor
    .select(scheduleColumns)
    .from(apelSchedules)
    .leftJoin(units, eq(units.id, apelSchedules.unitId))
    .where(and(...filters))
    .orderBy(sql`${apelSchedules.unitId} nulls first`, asc(apelSchedules.name), asc(apelSchedules.effectiveFrom));
  return rows.map((row) => ({ ...row, startTime: toMinute(row.startTime), endTime: toMinute(row.endTime), dates: [...row.dates].sort() }));
}

export async function findApelScheduleView(executor: Executor, id: string): Promise<ApelScheduleView | null> {
  const [row] = await findApelScheduleViews(executor, [eq(apelSchedules.id, id)]);
  return row ?? null;
}

/** Active schedules that may hold a ceremony between `from` and `to` (both inclusive). */
export async function findActiveApelSchedules(executor: Executor, from: string, to: string): Promise<ApelScheduleRow[]> {
  const rows = await executor
    .select({
      id: apelSchedules.id,
      name: apelSchedules.name,
      unitId: apelSchedules.unitId,
      weekdays: apelSchedules.weekdays,
      dates: apelSchedules.dates,
      startTime: apelSchedules.startTime,
      endTime: apelSchedules.endTime,
      effectiveFrom: apelSchedules.effectiveFrom,
      effectiveTo: apelSchedules.effectiveTo,
    })
    .from(apelSchedules)
    .where(and(eq(apelSchedules.isActive, true), lte(apelSchedules.effectiveFrom, to), or(isNull(apelSchedules.effectiveTo), gte(apelSchedules.effectiveTo, from))));
  return rows.map((row) => ({ ...row, startTime: toMinute(row.startTime), endTime: toMinute(row.endTime) }));
}
