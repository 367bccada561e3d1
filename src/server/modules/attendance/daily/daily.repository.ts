import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { DailyStatus, EarlyBand, LateBand } from '../../../../contracts/attendance-daily';
import type { RequestKind } from '../../../../contracts/attendance-requests';
import type { PunchTimeline } from '../../../../domain/attendance/derive-daily-attendance';
import { queryRows, type Executor } from '../../../db/client';
import { attendanceRequests, dailyAttendance, devices, employees, units } from '../../../db/schema';
import { arrayParam } from '../../../db/sql-arrays';
import { DEFAULT_REGION_ZONE, findRegionZone } from '../../../platform/region-zone';

export interface AttendanceEmployee {
  id: string;
  nip: string;
  name: string;
  unitId: string | null;
  timeZone: string;
}

/** Employees who owe attendance: active records with status aktif, with their unit's zone. */
export async function findAttendanceEmployees(executor: Executor, filter: { employeeIds?: string[]; unitIds?: string[] }): Promise<AttendanceEmployee[]> {
  if (filter.employeeIds?.length === 0 || filter.unitIds?.length === 0) return [];
  const conditions = [eq(employees.isActive, true), eq(employees.status, 'aktif')];
  if (filter.employeeIds) conditions.push(inArray(employees.id, filter.employeeIds));
  if (filter.unitIds) conditions.push(inArray(employees.unitId, filter.unitIds));
  const rows = await executor
    .select({ id: employees.id, nip: employees.nip, name: employees.name, unitId: employees.unitId, timeZone: units.timeZone })
    .from(employees)
    .leftJoin(units, eq(units.id, employees.unitId))
    .where(and(...conditions))
    .orderBy(asc(employees.name), asc(employees.nip));
  // An employee without a unit is counted in the region's zone.
  const regionZone = rows.some((row) => row.timeZone === null) ? await findRegionZone(executor) : DEFAULT_REGION_ZONE;
  return rows.map((row) => ({ ...row, timeZone: row.timeZone ?? regionZone }));
}

/** One employee's counted punches, ordered by instant then id: ids and instants (epoch ms) side by side. */
export type { PunchTimeline };

/**
 * Punches that count (review status ok) of these employees between two instants, one timeline
 * per employee. Aggregated in SQL into one text per employee (`id,ms,id,ms,…` in time order): a
 * month of a whole regency is ~half a million punches, and one row per employee instead of one
 * object with a parsed timestamp per punch is what keeps the rebuild close to a plain SQL aggregate.
 */
export async function findPunchTimelines(executor: Executor, employeeIds: string[], from: Date, to: Date): Promise<Map<string, PunchTimeline>> {
  const timelines = new Map<string, PunchTimeline>();
  if (employeeIds.length === 0) return timelines;
  const rows = await queryRows<{ employee_id: string; punches: string }>(
    executor,
    sql`select p.employee_id, string_agg(p.id::text || ',' || floor(extract(epoch from p.instant) * 1000)::bigint::text, ',' order by p.instant, p.id) as punches
        from punches p
        where p.employee_id = any(${arrayParam(employeeIds, 'uuid')}) and p.review_status = 'ok'
          and p.instant >= ${from.toISOString()}::timestamptz and p.instant <= ${to.toISOString()}::timestamptz
        group by p.employee_id`,
  );
  for (const row of rows) {
    const fields = row.punches.split(',');
    const ids: number[] = [];
    const instants: number[] = [];
    for (let index = 0; index + 1 < fields.length; index += 2) {
      ids.push(Number(fields[index]));
      instants.push(Number(fields[index + 1]));
    }
    timelines.set(row.employee_id, { ids, instants });
  }
  return timelines;
}

export async function findApprovedRequests(executor: Executor, employeeIds: string[], from: string, to: string) {
  if (employeeIds.length === 0) return [];
  const rows = await executor
    .select({
      id: attendanceRequests.id,
      employeeId: attendanceRequests.employeeId,
      kind: attendanceRequests.kind,
      startDate: attendanceRequests.startDate,
      endDate: attendanceRequests.endDate,
      startTime: attendanceRequests.startTime,
      endTime: attendanceRequests.endTime,
    })
    .from(attendanceRequests)
    .where(
      and(
        // One array parameter rather than one per employee (a regency is 10,000 of them).
        sql`${attendanceRequests.employeeId} = any(${arrayParam(employeeIds, 'uuid')})`,
        eq(attendanceRequests.status, 'disetujui'),
        lte(attendanceRequests.startDate, to),
        gte(attendanceRequests.endDate, from),
      ),
    );
  return rows.map((row) => ({ ...row, kind: row.kind as RequestKind }));
}

/** Active devices with their unit and last contact, and the unit tree to find a unit's devices above it. */
export async function findDeviceContacts(executor: Executor) {
  const deviceRows = await executor.select({ unitId: devices.unitId, lastContactAt: devices.lastContactAt }).from(devices).where(eq(devices.status, 'active'));
  const unitRows = await executor.select({ id: units.id, parentId: units.parentId }).from(units);
  return { devices: deviceRows, parentOf: new Map(unitRows.map((row) => [row.id, row.parentId])) };
}

export interface StoredDay {
  employeeId: string;
  date: string;
  unitId: string | null;
  status: DailyStatus;
  plannedStart: Date | null;
  plannedEnd: Date | null;
  firstIn: Date | null;
  lastOut: Date | null;
  lateMinutes: number;
  earlyMinutes: number;
  lateBand: LateBand | null;
  earlyBand: EarlyBand | null;
  punchIds: number[];
  requestIds: string[];
  isFinal: boolean;
}

const storedColumns = {
  employeeId: dailyAttendance.employeeId,
  date: dailyAttendance.date,
  unitId: dailyAttendance.unitId,
  status: dailyAttendance.status,
  plannedStart: dailyAttendance.plannedStart,
  plannedEnd: dailyAttendance.plannedEnd,
  firstIn: dailyAttendance.firstIn,
  lastOut: dailyAttendance.lastOut,
  lateMinutes: dailyAttendance.lateMinutes,
  earlyMinutes: dailyAttendance.earlyMinutes,
  lateBand: dailyAttendance.lateBand,
  earlyBand: dailyAttendance.earlyBand,
  punchIds: dailyAttendance.punchIds,
  requestIds: dailyAttendance.requestIds,
  isFinal: dailyAttendance.isFinal,
};

// The columns hold only values this module wrote from the contract's enumerations.
const asStored = (row: Omit<StoredDay, 'status' | 'lateBand' | 'earlyBand'> & { status: string; lateBand: string | null; earlyBand: string | null }): StoredDay => ({
  ...row,
  status: row.status as DailyStatus,
  lateBand: row.lateBand as LateBand | null,
  earlyBand: row.earlyBand as EarlyBand | null,
});

export async function findStoredDays(executor: Executor, filter: { employeeIds?: string[]; unitIds?: string[]; from: string; to: string }): Promise<StoredDay[]> {
  if (filter.employeeIds?.length === 0 || filter.unitIds?.length === 0) return [];
  const conditions = [gte(dailyAttendance.date, filter.from), lte(dailyAttendance.date, filter.to)];
  if (filter.employeeIds) conditions.push(inArray(dailyAttendance.employeeId, filter.employeeIds));
  if (filter.unitIds) conditions.push(inArray(dailyAttendance.unitId, filter.unitIds));
  const rows = await executor.select(storedColumns).from(dailyAttendance).where(and(...conditions)).orderBy(asc(dailyAttendance.date));
  return rows.map(asStored);
}
