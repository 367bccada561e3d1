import type { AttendanceBoard, AttendanceRecap, DailyAttendanceView } from '../../../../contracts/attendance-daily';
import { EXCUSED_STATUSES } from '../../../../contracts/attendance-daily';
import { addDays } from '../../../../domain/attendance/derive-local-time';
import { deriveMonthlyRecap } from '../../../../domain/attendance/derive-monthly-recap';
import type { Executor } from '../../../db/client';
import { regionToday, requireActor, type RequestContext } from '../../../platform/actor';
import { dateInZone } from '../../../platform/clock';
import { forbidden, invalid, notFound } from '../../../platform/errors';
import { findUnitSubtreeIds } from '../../org';
import { findEmployeeRow, findEmployeeSummaries } from '../../org/employees.repository';
import { findUnitRow } from '../../org/units.repository';
import { canReadUnit, canSeeEmployeeRequests } from '../requests/request-access';
import { deriveAttendanceRows, type DerivedRow } from './derive-attendance-rows';
import { findAttendanceEmployees, findStoredDays, type StoredDay } from './daily.repository';
import { withDaysOff } from './with-days-off';

/** A listing covers at most three months (a calendar view needs one). */
const MAX_LIST_DAYS = 93;
const iso = (value: Date | null) => value?.toISOString() ?? null;

/** A stored or derived day as the API shows it. */
export const toDailyAttendanceView = (day: StoredDay | DerivedRow): DailyAttendanceView => ({
  employeeId: day.employeeId,
  date: day.date,
  unitId: day.unitId,
  status: day.status,
  plannedStart: iso(day.plannedStart),
  plannedEnd: iso(day.plannedEnd),
  firstIn: iso(day.firstIn),
  lastOut: iso(day.lastOut),
  lateMinutes: day.lateMinutes,
  earlyMinutes: day.earlyMinutes,
  lateBand: day.lateBand,
  earlyBand: day.earlyBand,
  punchIds: day.punchIds.map(Number),
  requestIds: day.requestIds,
  isFinal: day.isFinal,
});

/** One employee's stored days, with the days off (not stored): self, their superior, admins in scope, regency-wide readers. */
export async function listDailyAttendance(executor: Executor, ctx: RequestContext, query: { employeeId?: string | undefined; from: string; to: string }) {
  const employeeId = query.employeeId ?? ctx.actor?.employeeId;
  if (!employeeId) throw forbidden('Akun ini tidak terhubung dengan data pegawai');
  if (query.to < query.from) throw invalid('Tanggal selesai tidak boleh sebelum tanggal mulai');
  if (query.to > addDays(query.from, MAX_LIST_DAYS - 1)) throw invalid(`Rentang paling lama ${MAX_LIST_DAYS} hari`);
  const employee = await findEmployeeRow(executor, employeeId);
  if (!employee || !(await canSeeEmployeeRequests(executor, ctx, employee, regionToday(ctx)))) throw notFound('Pegawai');
  const stored = await findStoredDays(executor, { employeeIds: [employeeId], from: query.from, to: query.to });
  const days = await withDaysOff(executor, await findAttendanceEmployees(executor, { employeeIds: [employeeId] }), stored, query.from, query.to, ctx.clock.now());
  return { employeeId, items: days.map(toDailyAttendanceView) };
}

async function findReadableUnit(executor: Executor, ctx: RequestContext, unitId: string) {
  requireActor(ctx);
  const unit = await findUnitRow(executor, unitId);
  if (!unit || !canReadUnit(ctx, unitId)) throw notFound('Unit');
  return unit;
}

/** YYYY-MM → its last date (day 0 of the next month, in UTC arithmetic). */
export const lastDayOfMonth = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

const EXCUSED: readonly string[] = [...EXCUSED_STATUSES, 'dinas_luar_sebagian'];

/**
 * The OPD live board: derived now from the punches and requests (not the stored rows, which a
 * job may not have refreshed yet), for the unit and everything below it.
 */
export async function getAttendanceBoard(executor: Executor, ctx: RequestContext, query: { unitId: string; date?: string | undefined }): Promise<AttendanceBoard> {
  const unit = await findReadableUnit(executor, ctx, query.unitId);
  const now = ctx.clock.now();
  const date = query.date ?? dateInZone(now, unit.timeZone);
  const employees = await findAttendanceEmployees(executor, { unitIds: await findUnitSubtreeIds(executor, [unit.id]) });
  const rows = await deriveAttendanceRows(executor, employees, date, date, now);
  const byId = new Map(employees.map((employee) => [employee.id, employee]));
  const person = (row: DerivedRow) => ({
    employeeId: row.employeeId,
    nip: byId.get(row.employeeId)?.nip ?? '',
    name: byId.get(row.employeeId)?.name ?? '',
    status: row.status,
    firstIn: iso(row.firstIn),
    lateMinutes: row.lateMinutes,
    timeZone: byId.get(row.employeeId)?.timeZone ?? unit.timeZone,
  });
  const working = rows.filter((row) => row.status !== 'libur');
  const isIn = (row: DerivedRow) => row.firstIn !== null && !EXCUSED.includes(row.status);
  const inList = working.filter(isIn).map(person);
  const late = working.filter((row) => isIn(row) && row.lateMinutes > 0).map(person);
  const absent = working.filter((row) => row.status === 'tk' || row.status === 'tidak_absen_masuk').map(person);
  const excused = working.filter((row) => EXCUSED.includes(row.status)).map(person);
  return {
    unitId: unit.id,
    date,
    counts: { total: rows.length, in: inList.length, late: late.length, absent: absent.length, excused: excused.length, off: rows.length - working.length },
    in: inList,
    late,
    absent,
    excused,
  };
}

/** Monthly recap (rekap kehadiran) of the stored days of a unit and everything below it. */
export async function getAttendanceRecap(executor: Executor, ctx: RequestContext, query: { unitId: string; month: string }): Promise<AttendanceRecap> {
  const unit = await findReadableUnit(executor, ctx, query.unitId);
  const from = `${query.month}-01`;
  const to = lastDayOfMonth(query.month);
  const unitIds = await findUnitSubtreeIds(executor, [unit.id]);
  const days = await findStoredDays(executor, { unitIds, from, to });
  // Grouped once: filtering the whole month per employee is quadratic for a regency-wide recap.
  const daysOf = new Map<string, StoredDay[]>();
  for (const day of days) {
    const list = daysOf.get(day.employeeId);
    if (list) list.push(day);
    else daysOf.set(day.employeeId, [day]);
  }
  const employeeIds = [...daysOf.keys()];
  const people = await findAttendanceEmployeesById(executor, employeeIds);
  const rows = employeeIds.map((employeeId) => {
    const counts = deriveMonthlyRecap(daysOf.get(employeeId) ?? []);
    const person = people.get(employeeId);
    return { employeeId, nip: person?.nip ?? '', name: person?.name ?? '', ...counts };
  });
  rows.sort((a, b) => a.name.localeCompare(b.name, 'id') || a.nip.localeCompare(b.nip));
  return { unitId: unit.id, month: query.month, rows };
}

/** Names of the employees in a recap, including those who left the unit or became inactive since. */
async function findAttendanceEmployeesById(executor: Executor, ids: string[]) {
  const summaries = await findEmployeeSummaries(executor, ids);
  return new Map([...summaries].map(([id, summary]) => [id, { nip: summary.nip, name: summary.fullName }]));
}
