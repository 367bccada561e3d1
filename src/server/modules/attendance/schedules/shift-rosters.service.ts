import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { z } from 'zod';
import type { setShiftRosterRequest, shiftRoster, shiftRosterQuery } from '../../../../contracts/attendance-schedules';
import { addDays } from '../../../../domain/attendance/calendar-zone';
import type { Executor } from '../../../db/client';
import { employees, shiftRosters, workSchedules, workShifts } from '../../../db/schema';
import type { RequestContext } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { forbidden, invalid } from '../../../platform/errors';
import { findUnitSubtreeIds } from '../../org';
import { canReadUnit, canWriteForUnit } from './schedule-access';
import { canReadEmployeePlan } from './work-days.service';

type SetRosterInput = z.output<typeof setShiftRosterRequest>;
type RosterView = z.infer<typeof shiftRoster>;

const monthBounds = (month: string) => {
  const first = `${month}-01`;
  const nextMonth = addDays(`${month}-28`, 4).slice(0, 7);
  return { first, last: addDays(`${nextMonth}-01`, -1) };
};

async function findRosterEntries(executor: Executor, employeeIds: string[], first: string, last: string) {
  if (employeeIds.length === 0) return [];
  return executor
    .select({ employeeId: shiftRosters.employeeId, date: shiftRosters.date, shiftId: shiftRosters.shiftId, shiftCode: workShifts.code })
    .from(shiftRosters)
    .leftJoin(workShifts, eq(workShifts.id, shiftRosters.shiftId))
    .where(and(inArray(shiftRosters.employeeId, employeeIds), gte(shiftRosters.date, first), lte(shiftRosters.date, last)))
    .orderBy(asc(shiftRosters.employeeId), asc(shiftRosters.date));
}

export async function getShiftRoster(executor: Executor, ctx: RequestContext, query: z.infer<typeof shiftRosterQuery>): Promise<RosterView> {
  const { first, last } = monthBounds(query.month);
  let employeeIds: string[];
  if (query.employeeId) {
    if (!(await canReadEmployeePlan(executor, ctx, query.employeeId))) throw forbidden('Roster pegawai ini di luar kewenangan Anda');
    employeeIds = [query.employeeId];
  } else if (query.unitId) {
    if (!canReadUnit(ctx, query.unitId)) throw forbidden('Roster unit ini di luar kewenangan Anda');
    const unitIds = await findUnitSubtreeIds(executor, [query.unitId]);
    const rows = await executor.select({ id: employees.id }).from(employees).where(inArray(employees.unitId, unitIds));
    employeeIds = rows.map((row) => row.id);
  } else {
    throw invalid('Pilih unit atau pegawai', { field: 'unitId' });
  }
  return { month: query.month, entries: await findRosterEntries(executor, employeeIds, first, last) };
}

/**
 * Sets the month's roster of every employee named (in an entry or in `employeeIds`): their old
 * entries for the month are replaced, so a day left out is no longer rostered.
 */
export async function setShiftRoster(executor: Executor, ctx: RequestContext, input: SetRosterInput): Promise<{ employeeCount: number; entryCount: number }> {
  const { first, last } = monthBounds(input.month);
  const seen = new Set<string>();
  input.entries.forEach((entry, index) => {
    if (entry.date < first || entry.date > last) throw invalid(`Baris ${index + 1}: tanggal ${entry.date} di luar bulan ${input.month}`, { index });
    const key = `${entry.employeeId}|${entry.date}`;
    if (seen.has(key)) throw invalid(`Baris ${index + 1}: pegawai yang sama diisi dua kali pada ${entry.date}`, { index });
    seen.add(key);
  });
  const employeeIds = [...new Set([...input.entries.map((entry) => entry.employeeId), ...input.employeeIds])];
  if (employeeIds.length === 0) throw invalid('Roster kosong: tidak ada pegawai');
  const found = await executor.select({ id: employees.id, unitId: employees.unitId }).from(employees).where(inArray(employees.id, employeeIds));
  const unitOf = new Map(found.map((row) => [row.id, row.unitId]));
  for (const employeeId of employeeIds) {
    if (!unitOf.has(employeeId)) throw invalid(`Pegawai ${employeeId} tidak ditemukan`, { employeeId });
    if (!canWriteForUnit(ctx, unitOf.get(employeeId) ?? null)) throw forbidden('Ada pegawai di luar unit kewenangan Anda');
  }
  const shiftIds = [...new Set(input.entries.flatMap((entry) => (entry.shiftId ? [entry.shiftId] : [])))];
  const shifts = shiftIds.length
    ? await executor
        .select({ id: workShifts.id, isActive: workSchedules.isActive })
        .from(workShifts)
        .innerJoin(workSchedules, eq(workSchedules.id, workShifts.scheduleId))
        .where(inArray(workShifts.id, shiftIds))
    : [];
  for (const shiftId of shiftIds) {
    const shift = shifts.find((row) => row.id === shiftId);
    if (!shift) throw invalid(`Shift ${shiftId} tidak ditemukan`, { shiftId });
    if (!shift.isActive) throw invalid('Shift ini milik jadwal yang sudah nonaktif', { shiftId });
  }
  const before = await findRosterEntries(executor, employeeIds, first, last);
  await executor.delete(shiftRosters).where(and(inArray(shiftRosters.employeeId, employeeIds), gte(shiftRosters.date, first), lte(shiftRosters.date, last)));
  const now = ctx.clock.now();
  if (input.entries.length > 0) {
    await executor.insert(shiftRosters).values(input.entries.map((entry) => ({ ...entry, createdAt: now, updatedAt: now })));
  }
  for (const employeeId of employeeIds) {
    const compact = (entries: { employeeId: string; date: string; shiftId: string | null }[]) =>
      entries.filter((entry) => entry.employeeId === employeeId).map((entry) => ({ date: entry.date, shiftId: entry.shiftId }));
    await recordAudit(executor, ctx, {
      action: 'set_roster',
      entityType: 'shift_roster',
      entityId: employeeId,
      before: { month: input.month, entries: compact(before) },
      after: { month: input.month, entries: compact(input.entries) },
      scopeUnitId: unitOf.get(employeeId) ?? null,
    });
  }
  return { employeeCount: employeeIds.length, entryCount: input.entries.length };
}
