import { and, asc, gte, inArray, lte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceRequests, dailyAttendance, punches } from '../../src/server/db/schema';
import { findAttendanceEmployees } from '../../src/server/modules/attendance/daily/daily.repository';
import { deriveAttendanceRows } from '../../src/server/modules/attendance/daily/derive-attendance-rows';
import { rebuildDailyAttendance } from '../../src/server/modules/attendance/daily/rebuild-daily-attendance';
import { resolveWorkDays } from '../../src/server/modules/attendance/schedules';
import { createAccount, createEmployeeFixture, type EmployeeFixture, type OpdFixture } from '../helpers/factories';
import { startAttendanceTest } from '../helpers/attendance-test-setup';
import { loginAs, type TestApp } from '../helpers/test-app';

// Monday 2026-04-13, 17:00 WIB: the weeks before are over everywhere.
const NOW = '2026-04-13T10:00:00Z';
const FROM = '2026-04-01';
const TO = '2026-04-12';

const sixDaySchedule = {
  code: 'ENAM-HARI-UJI',
  name: 'Enam hari kerja (uji)',
  kind: 'fixed',
  graceLateMinutes: 0,
  days: [
    ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, isWorkingDay: true, startTime: '07:30', endTime: '14:00' })),
    { weekday: 6, isWorkingDay: true, startTime: '07:30', endTime: '12:30' },
    { weekday: 7, isWorkingDay: false },
  ],
};

let sequence = 0;
const punchAt = (employeeId: string, wallClock: string, offset = '+07:00') => ({
  serialNumber: 'STORAGE-TEST',
  pin: `${++sequence}`,
  localTime: wallClock.replace('T', ' '),
  instant: new Date(`${wallClock}${offset}`),
  source: 'file',
  employeeId,
  reviewStatus: 'ok',
});

const approved = (employeeId: string, kind: string, startDate: string, endDate: string, startTime: string | null = null, endTime: string | null = null) => ({
  employeeId,
  kind,
  startDate,
  endDate,
  startTime,
  endTime,
  reason: 'uji penyimpanan',
  status: 'disetujui',
});

/**
 * The stored daily rows are a compact re-encoding of the derived ones (indexes into per-batch
 * lists of employees and plans, slices of flat id arrays): whatever the batching, reading them
 * back must give exactly what the rule derives.
 */
describe('daily attendance storage', () => {
  let t: TestApp;
  let opd: OpdFixture;
  let colleague: EmployeeFixture;
  let papuan: EmployeeFixture;
  let everyone: string[];

  beforeAll(async () => {
    ({ t, opd, papuan } = await startAttendanceTest(NOW));
    const db = t.handle.db;
    colleague = await createEmployeeFixture(db, t.clock, { unitId: opd.bidang.id });
    everyone = [opd.head.id, opd.bidangHead.id, opd.staff.id, colleague.id, papuan.id];

    // The kepala bidang alone works six days (a personal assignment inside a unit that works five).
    const account = await createAccount(db, t.clock, { username: 'bkpsdm-penyimpanan', roles: [{ role: 'admin_bkpsdm' }] });
    const bkpsdm = await loginAs(t.app, account.login, account.password);
    const schedule = await bkpsdm.inject({ method: 'POST', url: '/api/attendance/schedules', payload: sixDaySchedule });
    expect(schedule.statusCode, schedule.body).toBe(201);
    const assigned = await bkpsdm.inject({
      method: 'POST',
      url: '/api/attendance/schedule-assignments',
      payload: { scheduleId: schedule.json<{ id: string }>().id, employeeId: opd.bidangHead.id, startDate: '2026-04-01' },
    });
    expect(assigned.statusCode, assigned.body).toBe(201);

    const { staff, bidangHead, head } = opd;
    await db.insert(punches).values([
      ...['06', '07', '08', '10'].flatMap((day) => [punchAt(staff.id, `2026-04-${day}T07:20:00`), punchAt(staff.id, `2026-04-${day}T16:02:00`)]),
      // A double touch and a late afternoon.
      punchAt(staff.id, '2026-04-06T07:21:00'),
      punchAt(staff.id, '2026-04-07T16:40:00'),
      punchAt(bidangHead.id, '2026-04-06T07:45:00'),
      punchAt(bidangHead.id, '2026-04-06T13:30:00'),
      punchAt(bidangHead.id, '2026-04-11T07:29:00'),
      punchAt(bidangHead.id, '2026-04-11T12:31:00'),
      // Good Friday (3 April) is a holiday: the punch is evidence on a libur day.
      punchAt(head.id, '2026-04-03T09:00:00'),
      punchAt(colleague.id, '2026-04-08T07:25:00'),
      // The same wall clock in WIT is another instant, and another plan for the same date.
      punchAt(papuan.id, '2026-04-06T07:31:00', '+09:00'),
      punchAt(papuan.id, '2026-04-06T16:00:00', '+09:00'),
    ]);
    await db
      .insert(attendanceRequests)
      .values([
        approved(staff.id, 'cuti_tahunan', '2026-04-09', '2026-04-09'),
        approved(staff.id, 'dinas_luar_sebagian', '2026-04-07', '2026-04-07', '07:00', '10:00'),
        approved(colleague.id, 'koreksi_presensi', '2026-04-08', '2026-04-08', null, '16:05'),
      ]);
  });
  afterAll(async () => t.close());

  const storedRows = async (from = FROM, to = TO) => {
    const rows = await t.handle.db
      .select()
      .from(dailyAttendance)
      .where(and(inArray(dailyAttendance.employeeId, everyone), gte(dailyAttendance.date, from), lte(dailyAttendance.date, to)))
      .orderBy(asc(dailyAttendance.employeeId), asc(dailyAttendance.date));
    return rows.map(({ computedAt, ...row }) => ({ ...row, punchIds: row.punchIds.map(Number), computedAt: computedAt.toISOString() }));
  };

  /** What a rebuild must store: every derived day except a weekly day off without punches (ADR 0010). */
  const derivedRows = async (now: Date, from = FROM, to = TO) => {
    const employees = await findAttendanceEmployees(t.handle.db, { employeeIds: everyone });
    const rows = await deriveAttendanceRows(t.handle.db, employees, from, to, now);
    const workDays = await resolveWorkDays(t.handle.db, everyone, from, to);
    const reasonOf = (employeeId: string, date: string) => workDays.get(employeeId)?.find((day) => day.date === date)?.reason;
    return rows
      .filter((row) => reasonOf(row.employeeId, row.date) !== 'hari_libur_jadwal' || row.punchIds.length > 0)
      .map((row) => ({
        employeeId: row.employeeId,
        date: row.date,
        unitId: row.unitId,
        scheduleId: row.scheduleId,
        plannedStart: row.plannedStart,
        plannedEnd: row.plannedEnd,
        status: row.status,
        lateMinutes: row.lateMinutes,
        earlyMinutes: row.earlyMinutes,
        lateBand: row.lateBand,
        earlyBand: row.earlyBand,
        firstIn: row.firstIn,
        lastOut: row.lastOut,
        punchIds: row.punchIds,
        requestIds: row.requestIds,
        isFinal: row.isFinal,
      }))
      .sort((a, b) => (a.employeeId < b.employeeId ? -1 : a.employeeId > b.employeeId ? 1 : a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  };

  const withoutComputedAt = (rows: Awaited<ReturnType<typeof storedRows>>) => rows.map(({ computedAt: _computedAt, ...row }) => row);

  it('stores exactly what the rule derives, weekends only with punches, one employee per write statement', async () => {
    const result = await rebuildDailyAttendance(t.handle.db, { employeeIds: everyone, from: FROM, to: TO, now: t.clock.now(), rowsPerBatch: 12 });
    const stored = await storedRows();
    const derived = await derivedRows(t.clock.now());
    expect(result).toEqual({ employees: 5, rows: derived.length, closedPeriods: [] });
    expect(withoutComputedAt(stored)).toEqual(derived);

    // The case covers what the encoding has to carry.
    const of = (employeeId: string, date: string) => stored.find((row) => row.employeeId === employeeId && row.date === date);
    expect(of(opd.head.id, '2026-04-03')).toMatchObject({ status: 'libur', plannedStart: null, punchIds: [expect.any(Number)] });
    expect(of(opd.staff.id, '2026-04-06')?.punchIds).toHaveLength(3);
    expect(of(opd.staff.id, '2026-04-07')).toMatchObject({ status: 'dinas_luar_sebagian', requestIds: [expect.any(String)] });
    expect(of(opd.staff.id, '2026-04-09')).toMatchObject({ status: 'cuti_tahunan', requestIds: [expect.any(String)] });
    expect(of(colleague.id, '2026-04-08')).toMatchObject({ status: 'hadir', lastOut: new Date('2026-04-08T09:05:00Z'), requestIds: [expect.any(String)] });
    expect(of(opd.bidangHead.id, '2026-04-11')).toMatchObject({ status: 'hadir', plannedEnd: new Date('2026-04-11T05:30:00Z') });
    expect(of(opd.staff.id, '2026-04-03')).toMatchObject({ status: 'libur', punchIds: [] });
    expect(of(opd.staff.id, '2026-04-11')).toBeUndefined();
    expect(of(opd.bidangHead.id, '2026-04-12')).toBeUndefined();
    expect(of(papuan.id, '2026-04-06')).toMatchObject({ status: 'terlambat', plannedStart: new Date('2026-04-05T22:30:00Z'), lateMinutes: 1 });
    expect(of(opd.staff.id, '2026-04-06')?.plannedStart).toEqual(new Date('2026-04-06T00:30:00Z'));
  });

  it('writes nothing when nothing changed', async () => {
    await rebuildDailyAttendance(t.handle.db, { employeeIds: everyone, from: FROM, to: TO, now: t.clock.now() });
    const before = await storedRows();
    const later = new Date('2026-04-14T10:00:00Z');
    await rebuildDailyAttendance(t.handle.db, { employeeIds: everyone, from: FROM, to: TO, now: later, rowsPerBatch: 24 });
    expect(await storedRows()).toEqual(before);
  });

  it('removes the days that are no longer derived and leaves the others untouched', async () => {
    await rebuildDailyAttendance(t.handle.db, { employeeIds: everyone, from: FROM, to: TO, now: t.clock.now() });
    const before = await storedRows();
    // Wednesday 8 April, 07:00 WIB (09:00 WIT): from then on nothing has begun in WIB.
    const earlier = new Date('2026-04-08T00:00:00Z');
    await rebuildDailyAttendance(t.handle.db, { employeeIds: everyone, from: FROM, to: TO, now: earlier, rowsPerBatch: 12 });
    const after = await storedRows();
    expect(withoutComputedAt(after)).toEqual(await derivedRows(earlier));
    expect(after.some((row) => row.employeeId === opd.staff.id && row.date >= '2026-04-08')).toBe(false);
    expect(after.some((row) => row.employeeId === papuan.id && row.date === '2026-04-08')).toBe(true);
    // Days whose row is the same are not rewritten.
    const untouched = (rows: typeof before) => rows.filter((row) => row.date <= '2026-04-06' && row.employeeId !== papuan.id);
    expect(untouched(after)).toEqual(untouched(before));
    await rebuildDailyAttendance(t.handle.db, { employeeIds: everyone, from: FROM, to: TO, now: t.clock.now() });
  });

  it('resolves the work days of a unit once and still gives each employee their own list', async () => {
    const days = await resolveWorkDays(t.handle.db, everyone, '2026-04-06', '2026-04-11');
    const staffDays = days.get(opd.staff.id) ?? [];
    const colleagueDays = days.get(colleague.id) ?? [];
    expect(staffDays).toHaveLength(6);
    expect(colleagueDays).toEqual(staffDays);
    expect(colleagueDays).not.toBe(staffDays);
    expect(staffDays.at(-1)).toMatchObject({ reason: 'hari_libur_jadwal' });
    expect(days.get(opd.bidangHead.id)?.at(-1)).toMatchObject({ reason: 'jadwal', plannedEnd: new Date('2026-04-11T05:30:00Z') });
    expect(days.get(papuan.id)?.[0]).toMatchObject({ timeZone: 'Asia/Jayapura', plannedStart: new Date('2026-04-05T22:30:00Z') });
    staffDays.pop();
    expect(days.get(colleague.id)).toHaveLength(6);
  });
});
