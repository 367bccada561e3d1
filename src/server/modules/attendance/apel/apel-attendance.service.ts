import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { APEL_OUTCOMES, type ApelAttendanceListView, type ApelOutcome, type apelAttendanceQuery, type setApelAttendanceBody } from '../../../../contracts/attendance-apel';
import type { DailyStatus } from '../../../../contracts/attendance-daily';
import { isApelDay } from '../../../../domain/attendance/apel';
import { formatFullName } from '../../../../domain/org/names';
import type { Executor } from '../../../db/client';
import { apelAttendanceRecords, dailyAttendance, employees, units } from '../../../db/schema';
import { regionToday, type RequestContext } from '../../../platform/actor';
import { recordAudits, type AuditEntry } from '../../../platform/audit';
import { forbidden, invalid, notFound } from '../../../platform/errors';
import { assertPeriodOpen, isPeriodClosed, periodOfDate } from '../../activities/shared/period-lock';
import { findUnitSubtreeIds } from '../../org';
import { resolveWorkDays } from '../schedules';
import { canReadUnit, canWriteForUnit } from '../schedules/schedule-access';
import { findApelUnits, loadApelOutcomes, type ApelDay } from './apel-outcomes.repository';
import { getApelSchedule } from './apel-schedules.service';

export const APEL_ATTENDANCE_ENTITY = 'apel_attendance';

/**
 * Each employee's day: the stored one, else — on the weekly day off of their schedule or a holiday —
 * a day off as the derivation says it. Days off without punches are not stored (ADR 0010), and a
 * ceremony scheduled on one must read "libur", not "not known yet". Working days are never filled
 * in: a missing one is a day not derived yet.
 */
async function findDays(executor: Executor, employeeIds: readonly string[], date: string): Promise<Map<string, ApelDay[]>> {
  if (employeeIds.length === 0) return new Map();
  const rows = await executor
    .select({ employeeId: dailyAttendance.employeeId, date: dailyAttendance.date, status: dailyAttendance.status, unitId: dailyAttendance.unitId })
    .from(dailyAttendance)
    .where(and(inArray(dailyAttendance.employeeId, [...employeeIds]), eq(dailyAttendance.date, date)));
  const days = new Map(rows.map((row) => [row.employeeId, [{ date: row.date, status: row.status, unitId: row.unitId }]]));
  const unstored = employeeIds.filter((id) => !days.has(id));
  if (unstored.length === 0) return days;
  for (const [employeeId, workDays] of await resolveWorkDays(executor, unstored, date, date)) {
    const day = workDays.find((candidate) => candidate.date === date);
    // Without any schedule nothing says the day is off: it stays not known.
    if (day && !day.isWorkingDay && day.reason !== 'tanpa_jadwal') days.set(employeeId, [{ date, status: 'libur', unitId: day.unitId }]);
  }
  return days;
}

/**
 * Who was expected at one ceremony in a unit subtree, and what counts for each: the punches inside
 * the window, the day's leave or day off, a part-day dinas luar over the ceremony's hours, and any
 * record an admin made. Regency-wide readers see every unit, an admin OPD their own.
 */
export async function listApelAttendance(executor: Executor, ctx: RequestContext, query: z.output<typeof apelAttendanceQuery>): Promise<ApelAttendanceListView> {
  if (!canReadUnit(ctx, query.unitId)) throw forbidden('Unit ini di luar kewenangan Anda');
  const schedule = await getApelSchedule(executor, query.scheduleId);
  const subtree = await findUnitSubtreeIds(executor, [query.unitId]);
  const people = await executor
    .select({ id: employees.id, nip: employees.nip, name: employees.name, gelarDepan: employees.gelarDepan, gelarBelakang: employees.gelarBelakang, unitId: employees.unitId, unitName: units.name })
    .from(employees)
    .leftJoin(units, eq(units.id, employees.unitId))
    .where(and(eq(employees.isActive, true), inArray(employees.unitId, subtree)))
    .orderBy(asc(employees.name), asc(employees.nip));
  const isScheduled = schedule.isActive && isApelDay(schedule, query.date);
  const outcomes = await loadApelOutcomes(executor, {
    from: query.date,
    to: query.date,
    employees: people,
    days: await findDays(
      executor,
      people.map((person) => person.id),
      query.date,
    ),
    units: await findApelUnits(executor),
    scheduleId: schedule.id,
    expectedDates: isScheduled ? [query.date] : [],
  });
  const counts = Object.fromEntries(APEL_OUTCOMES.map((outcome) => [outcome, 0])) as Record<ApelOutcome, number>;
  const items = people.flatMap((person) => {
    const occurrence = outcomes.get(person.id)?.[0];
    if (!occurrence) return [];
    counts[occurrence.outcome] += 1;
    return [
      {
        employeeId: person.id,
        nip: person.nip,
        name: formatFullName(person),
        unitName: person.unitName,
        dayStatus: occurrence.dayStatus as DailyStatus | null,
        punchedAt: occurrence.punchedAt?.toISOString() ?? null,
        derived: occurrence.derived,
        record: occurrence.record,
        dutyExcuse: occurrence.dutyExcuse,
        outcome: occurrence.outcome,
      },
    ];
  });
  return { schedule, date: query.date, isScheduled, isClosed: await isPeriodClosed(executor, periodOfDate(query.date)), items, counts };
}

/**
 * An admin's record of one ceremony for several employees (present, absent, excused; null clears
 * it), one audit row per change. Only for a date the ceremony takes place, in an open month, for
 * employees the ceremony reaches and the admin manages; attendance cannot be recorded in advance.
 */
export async function setApelAttendance(executor: Executor, ctx: RequestContext, input: z.output<typeof setApelAttendanceBody>): Promise<{ changed: number }> {
  if (ctx.actor && !ctx.actor.roles.some((role) => role === 'admin_bkpsdm' || role === 'admin_opd')) throw forbidden();
  const schedule = await getApelSchedule(executor, input.scheduleId);
  if (!schedule.isActive || !isApelDay(schedule, input.date)) throw invalid(`${schedule.name} tidak dijadwalkan pada ${input.date}`, [{ field: 'date', message: 'Apel tidak dijadwalkan pada tanggal ini' }]);
  await assertPeriodOpen(executor, input.date);
  const isFuture = input.date > regionToday(ctx);
  if (isFuture && input.entries.some((entry) => entry.status === 'hadir' || entry.status === 'tidak_hadir')) {
    throw invalid('Kehadiran apel yang belum berlangsung tidak dapat dicatat; yang dapat dicatat lebih dulu hanya dispensasi', [{ field: 'entries', message: 'Hanya dispensasi untuk apel yang belum berlangsung' }]);
  }
  const ids = [...new Set(input.entries.map((entry) => entry.employeeId))];
  if (ids.length !== input.entries.length) throw invalid('Setiap pegawai hanya boleh sekali dalam satu pencatatan', [{ field: 'entries', message: 'Pegawai berulang' }]);
  const people = await executor.select({ id: employees.id, unitId: employees.unitId }).from(employees).where(inArray(employees.id, ids));
  const unitOf = new Map(people.map((person) => [person.id, person.unitId]));
  const tree = await findApelUnits(executor);
  const reaches = (unitId: string | null): boolean => {
    if (schedule.unitId === null) return true;
    const seen = new Set<string>();
    for (let current = unitId; current !== null && !seen.has(current); current = tree.get(current)?.parentId ?? null) {
      if (current === schedule.unitId) return true;
      seen.add(current);
    }
    return false;
  };
  for (const id of ids) {
    const unitId = unitOf.get(id);
    // Outside the admin's units the employee does not exist for them.
    if (unitId === undefined || !canWriteForUnit(ctx, unitId)) throw notFound('Pegawai');
    if (!reaches(unitId)) throw invalid(`${schedule.name} tidak berlaku untuk unit pegawai ini`, [{ field: 'entries', message: 'Apel tidak berlaku untuk pegawai ini' }]);
  }

  const stored = await executor
    .select()
    .from(apelAttendanceRecords)
    .where(and(eq(apelAttendanceRecords.scheduleId, schedule.id), eq(apelAttendanceRecords.date, input.date), inArray(apelAttendanceRecords.employeeId, ids)));
  const before = new Map(stored.map((row) => [row.employeeId, row]));
  const now = ctx.clock.now();
  const audits: AuditEntry[] = [];
  for (const entry of input.entries) {
    const previous = before.get(entry.employeeId);
    const scope = unitOf.get(entry.employeeId) ?? null;
    const subject = { scheduleId: schedule.id, scheduleName: schedule.name, date: input.date, employeeId: entry.employeeId };
    if (entry.status === null) {
      if (!previous) continue;
      await executor.delete(apelAttendanceRecords).where(eq(apelAttendanceRecords.id, previous.id));
      audits.push({ action: 'delete', entityType: APEL_ATTENDANCE_ENTITY, entityId: previous.id, before: { ...subject, status: previous.status, note: previous.note }, scopeUnitId: scope });
      continue;
    }
    if (previous && previous.status === entry.status && previous.note === entry.note) continue;
    const values = { status: entry.status, note: entry.note, recordedByUserId: ctx.actor?.userId ?? null, updatedAt: now };
    const [saved] = await executor
      .insert(apelAttendanceRecords)
      .values({ scheduleId: schedule.id, date: input.date, employeeId: entry.employeeId, ...values, createdAt: now })
      .onConflictDoUpdate({ target: [apelAttendanceRecords.scheduleId, apelAttendanceRecords.date, apelAttendanceRecords.employeeId], set: values })
      .returning({ id: apelAttendanceRecords.id });
    audits.push({
      action: previous ? 'update' : 'create',
      entityType: APEL_ATTENDANCE_ENTITY,
      entityId: saved?.id ?? null,
      before: previous ? { ...subject, status: previous.status, note: previous.note } : undefined,
      after: { ...subject, status: entry.status, note: entry.note },
      scopeUnitId: scope,
    });
  }
  await recordAudits(executor, ctx, audits);
  return { changed: audits.length };
}
