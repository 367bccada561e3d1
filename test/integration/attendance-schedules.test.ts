import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/server/db/schema';
import { seedAttendanceReferenceData } from '../../src/server/modules/attendance/reference-data/seed-attendance-reference-data';
import { findAttendanceRules, resolveWorkDays } from '../../src/server/modules/attendance/schedules';
import { createAccount, createEmployeeFixture, createOpdFixture, createPositionFixture, createUnitFixture, type OpdFixture } from '../helpers/factories';
import { createTestApp, loginAs, type Session, type TestApp } from '../helpers/test-app';

const createCalendarTestApp = (): Promise<TestApp> => createTestApp();

interface WorkDayBody {
  date: string;
  isWorkingDay: boolean;
  reason: string;
  shiftCode: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  holidayName: string | null;
}

const sixDaySchedule = {
  code: 'PUSKESMAS-6H',
  name: 'Enam hari kerja puskesmas',
  kind: 'fixed',
  graceLateMinutes: 5,
  days: [
    ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, isWorkingDay: true, startTime: '07:30', endTime: '14:00' })),
    { weekday: 6, isWorkingDay: true, startTime: '07:30', endTime: '12:30' },
    { weekday: 7, isWorkingDay: false },
  ],
};

const hospitalSchedule = {
  code: 'RSUD-SHIFT',
  name: 'Shift RSUD',
  kind: 'shift',
  shifts: [
    { code: 'P', name: 'Pagi', startTime: '07:00', endTime: '14:00' },
    { code: 'M', name: 'Malam', startTime: '21:00', endTime: '07:00' },
  ],
};

describe('work schedules, assignments, rosters and rule sets', () => {
  let t: TestApp;
  let bkpsdm: Session;
  let adminOpd: Session;
  let pegawai: Session;
  let opd: OpdFixture;
  let otherOpd: OpdFixture;

  const workDays = async (session: Session, employeeId: string, from: string, to: string) => {
    const response = await session.inject({ method: 'GET', url: `/api/attendance/work-days?employeeId=${employeeId}&from=${from}&to=${to}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: WorkDayBody[] }>().items;
  };

  beforeAll(async () => {
    t = await createCalendarTestApp();
    const db = t.handle.db;
    opd = await createOpdFixture(db, t.clock);
    otherOpd = await createOpdFixture(db, t.clock);
    await seedAttendanceReferenceData(db, t.clock);
    const login = async (options: Parameters<typeof createAccount>[2]) => {
      const account = await createAccount(db, t.clock, options);
      return loginAs(t.app, account.login, account.password);
    };
    bkpsdm = await login({ username: 'bkpsdm-jadwal', roles: [{ role: 'admin_bkpsdm' }] });
    adminOpd = await login({ username: 'opd-jadwal', roles: [{ role: 'admin_opd', unitId: opd.unit.id }] });
    pegawai = await login({ employeeId: opd.staff.id });
  });
  afterAll(async () => t.close());

  it('seeds reference data once: Perpres schedule, Ramadan, rule set, 2026 holidays', async () => {
    const again = await seedAttendanceReferenceData(t.handle.db, t.clock);
    expect(again).toEqual({ schedulesCreated: [], ruleSetCreated: false, holidaysCreated: 0 });
    const schedules = (await pegawai.inject({ method: 'GET', url: '/api/attendance/schedules' })).json<{ items: { code: string }[] }>();
    expect(schedules.items.map((item) => item.code)).toEqual(expect.arrayContaining(['PERPRES-21-2023', 'RAMADAN-1447H']));
    const holidays = (await pegawai.inject({ method: 'GET', url: '/api/attendance/holidays?year=2026' })).json<{ items: unknown[] }>();
    expect(holidays.items).toHaveLength(25);
  });

  it('plans an employee’s days from the seeded data: Ramadan hours, cuti bersama, default hours', async () => {
    const days = await workDays(pegawai, opd.staff.id, '2026-03-02', '2026-04-06');
    const byDate = new Map(days.map((day) => [day.date, day]));
    expect(byDate.get('2026-03-02')).toMatchObject({ reason: 'jadwal', plannedStart: '2026-03-02T01:00:00.000Z', plannedEnd: '2026-03-02T08:00:00.000Z' });
    expect(byDate.get('2026-03-20')).toMatchObject({ isWorkingDay: false, reason: 'cuti_bersama', holidayName: 'Cuti bersama Idul Fitri' });
    expect(byDate.get('2026-03-19')).toMatchObject({ reason: 'libur_nasional' });
    expect(byDate.get('2026-03-28')).toMatchObject({ reason: 'hari_libur_jadwal' });
    expect(byDate.get('2026-04-06')).toMatchObject({ reason: 'jadwal', plannedStart: '2026-04-06T00:30:00.000Z', plannedEnd: '2026-04-06T09:00:00.000Z' });
  });

  it('computes the day in the unit’s own zone (WIT)', async () => {
    const papua = await createUnitFixture(t.handle.db, t.clock, { timeZone: 'Asia/Jayapura' });
    const position = await createPositionFixture(t.handle.db, t.clock, { unitId: papua.id, isUnitHead: true, jenis: 'jpt_pratama', kelasJabatan: 14 });
    const employee = await createEmployeeFixture(t.handle.db, t.clock, { positionId: position.id });
    const [day] = (await resolveWorkDays(t.handle.db, [employee.id], '2026-04-10', '2026-04-10')).get(employee.id) ?? [];
    expect(day).toMatchObject({ timeZone: 'Asia/Jayapura', unitId: papua.id, reason: 'jadwal' });
    expect(day?.plannedStart?.toISOString()).toBe('2026-04-09T22:30:00.000Z');
    expect(day?.plannedEnd?.toISOString()).toBe('2026-04-10T07:30:00.000Z');
  });

  it('lets BKPSDM define schedules and an admin OPD assign them only inside their units', async () => {
    expect((await adminOpd.inject({ method: 'POST', url: '/api/attendance/schedules', payload: sixDaySchedule })).statusCode).toBe(403);
    const created = await bkpsdm.inject({ method: 'POST', url: '/api/attendance/schedules', payload: sixDaySchedule });
    expect(created.statusCode, created.body).toBe(201);
    const schedule = created.json<{ id: string; days: { weekday: number; endTime: string | null }[] }>();
    expect(schedule.days.find((day) => day.weekday === 6)?.endTime).toBe('12:30');
    expect((await bkpsdm.inject({ method: 'POST', url: '/api/attendance/schedules', payload: sixDaySchedule })).statusCode).toBe(409);
    const incomplete = await bkpsdm.inject({ method: 'POST', url: '/api/attendance/schedules', payload: { ...sixDaySchedule, code: 'X-1', days: sixDaySchedule.days.slice(0, 5) } });
    expect(incomplete.statusCode).toBe(400);

    const assign = (session: Session, payload: Record<string, unknown>) => session.inject({ method: 'POST', url: '/api/attendance/schedule-assignments', payload: { scheduleId: schedule.id, startDate: '2026-04-01', ...payload } });
    expect((await assign(adminOpd, { unitId: otherOpd.unit.id })).statusCode).toBe(403);
    expect((await assign(adminOpd, {})).statusCode).toBe(403);
    expect((await assign(adminOpd, { employeeId: otherOpd.staff.id })).statusCode).toBe(403);
    const own = await assign(adminOpd, { unitId: opd.bidang.id });
    expect(own.statusCode, own.body).toBe(201);
    expect((await assign(adminOpd, { unitId: opd.bidang.id, startDate: '2026-05-01' })).statusCode).toBe(409);

    const saturday = await workDays(adminOpd, opd.staff.id, '2026-04-11', '2026-04-11');
    expect(saturday[0]).toMatchObject({ reason: 'jadwal', plannedStart: '2026-04-11T00:30:00.000Z', plannedEnd: '2026-04-11T05:30:00.000Z' });
    // The OPD head sits above the bidang: the region's schedule still applies.
    expect((await workDays(adminOpd, opd.head.id, '2026-04-11', '2026-04-11'))[0]?.reason).toBe('hari_libur_jadwal');

    const { id } = own.json<{ id: string }>();
    expect((await adminOpd.inject({ method: 'PATCH', url: `/api/attendance/schedule-assignments/${id}`, payload: { endDate: '2026-03-01' } })).statusCode).toBe(400);
    expect((await adminOpd.inject({ method: 'PATCH', url: `/api/attendance/schedule-assignments/${id}`, payload: { endDate: '2026-04-10' } })).statusCode).toBe(200);
    expect((await workDays(adminOpd, opd.staff.id, '2026-04-11', '2026-04-11'))[0]?.reason).toBe('hari_libur_jadwal');
    const audits = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'schedule_assignment'), eq(auditLog.entityId, id)));
    expect(audits.map((row) => [row.action, row.actorLabel, row.scopeUnitId])).toEqual([
      ['create', 'opd-jadwal', opd.bidang.id],
      ['update', 'opd-jadwal', opd.bidang.id],
    ]);
  });

  it('rosters shifts for a month, overnight shifts ending the next day', async () => {
    const created = await bkpsdm.inject({ method: 'POST', url: '/api/attendance/schedules', payload: hospitalSchedule });
    expect(created.statusCode, created.body).toBe(201);
    const schedule = created.json<{ id: string; shifts: { id: string; code: string }[] }>();
    const shiftId = (code: string) => schedule.shifts.find((item) => item.code === code)?.id ?? '';
    const employee = opd.bidangHead;
    const assigned = await adminOpd.inject({ method: 'POST', url: '/api/attendance/schedule-assignments', payload: { scheduleId: schedule.id, employeeId: employee.id, startDate: '2026-05-01', endDate: '2026-05-31' } });
    expect(assigned.statusCode, assigned.body).toBe(201);

    const roster = { month: '2026-05', entries: [
      { employeeId: employee.id, date: '2026-05-04', shiftId: shiftId('P') },
      { employeeId: employee.id, date: '2026-05-05', shiftId: shiftId('M') },
      { employeeId: employee.id, date: '2026-05-06', shiftId: null },
    ] };
    const outside = await adminOpd.inject({ method: 'PUT', url: '/api/attendance/shift-rosters', payload: { ...roster, employeeIds: [otherOpd.staff.id] } });
    expect(outside.statusCode).toBe(403);
    const wrongMonth = await adminOpd.inject({ method: 'PUT', url: '/api/attendance/shift-rosters', payload: { ...roster, month: '2026-06' } });
    expect(wrongMonth.statusCode).toBe(400);
    const saved = await adminOpd.inject({ method: 'PUT', url: '/api/attendance/shift-rosters', payload: roster });
    expect(saved.statusCode, saved.body).toBe(200);

    const days = await workDays(adminOpd, employee.id, '2026-05-04', '2026-05-07');
    expect(days.map((day) => [day.reason, day.shiftCode, day.plannedStart, day.plannedEnd])).toEqual([
      ['jadwal', 'P', '2026-05-04T00:00:00.000Z', '2026-05-04T07:00:00.000Z'],
      ['jadwal', 'M', '2026-05-05T14:00:00.000Z', '2026-05-06T00:00:00.000Z'],
      ['hari_libur_jadwal', null, null, null],
      ['tanpa_jadwal', null, null, null],
    ]);
    const read = (await adminOpd.inject({ method: 'GET', url: `/api/attendance/shift-rosters?month=2026-05&unitId=${opd.unit.id}` })).json<{ entries: { shiftCode: string | null }[] }>();
    expect(read.entries.map((entry) => entry.shiftCode)).toEqual(['P', 'M', null]);

    // A rostered shift cannot disappear from its schedule.
    const withoutNight = await bkpsdm.inject({ method: 'PUT', url: `/api/attendance/schedules/${schedule.id}`, payload: { ...hospitalSchedule, shifts: hospitalSchedule.shifts.slice(0, 1) } });
    expect(withoutNight.statusCode).toBe(409);
    expect(withoutNight.json().error.message).toContain('Shift M masih dipakai');
    const audits = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'shift_roster'), eq(auditLog.entityId, employee.id)));
    expect(audits).toHaveLength(1);
  });

  it('lets a superior read the plan of their subordinates only', async () => {
    const account = await createAccount(t.handle.db, t.clock, { employeeId: opd.bidangHead.id });
    const atasan = await loginAs(t.app, account.login, account.password);
    expect(atasan.me.roles).toContain('atasan');
    expect(await workDays(atasan, opd.staff.id, '2026-04-06', '2026-04-06')).toHaveLength(1);
    expect((await atasan.inject({ method: 'GET', url: `/api/attendance/work-days?employeeId=${opd.head.id}&from=2026-04-06&to=2026-04-06` })).statusCode).toBe(403);
    expect((await atasan.inject({ method: 'GET', url: `/api/attendance/shift-rosters?month=2026-04&employeeId=${opd.staff.id}` })).statusCode).toBe(200);
    expect((await atasan.inject({ method: 'GET', url: `/api/attendance/shift-rosters?month=2026-04&unitId=${opd.bidang.id}` })).statusCode).toBe(403);
  });

  it('lets an employee read only their own plan, and not the assignment lists', async () => {
    expect((await pegawai.inject({ method: 'GET', url: `/api/attendance/work-days?employeeId=${otherOpd.staff.id}&from=2026-04-01&to=2026-04-02` })).statusCode).toBe(403);
    expect((await pegawai.inject({ method: 'GET', url: '/api/attendance/schedule-assignments' })).statusCode).toBe(403);
    expect((await adminOpd.inject({ method: 'GET', url: `/api/attendance/work-days?employeeId=${otherOpd.staff.id}&from=2026-04-01&to=2026-04-02` })).statusCode).toBe(403);
    const backwards = await pegawai.inject({ method: 'GET', url: `/api/attendance/work-days?employeeId=${opd.staff.id}&from=2026-04-02&to=2026-04-01` });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.message).toBe('Tanggal akhir tidak boleh sebelum tanggal awal');
  });

  it('versions attendance rule sets by effective date', async () => {
    const list = (await pegawai.inject({ method: 'GET', url: '/api/attendance/rule-sets' })).json<{ items: { effectiveFrom: string; effectiveTo: string | null; rules: { lateBands: unknown[] } }[] }>();
    expect(list.items).toHaveLength(1);
    const current = await findAttendanceRules(t.handle.db, '2026-03-02');
    const stricter = { ...current, lateBands: [
      { code: 'TL1', fromMinutes: 1, toMinutes: 15 },
      { code: 'TL2', fromMinutes: 16, toMinutes: 60 },
      { code: 'TL3', fromMinutes: 61, toMinutes: 90 },
      { code: 'TL4', fromMinutes: 91, toMinutes: null },
    ] };
    const payload = { name: 'Perbup 2026', effectiveFrom: '2026-07-01', regulation: 'Perbup Contoh 12/2026 pasal 9', rules: stricter };
    expect((await adminOpd.inject({ method: 'POST', url: '/api/attendance/rule-sets', payload })).statusCode).toBe(403);
    const gapped = await bkpsdm.inject({ method: 'POST', url: '/api/attendance/rule-sets', payload: { ...payload, rules: { ...stricter, lateBands: stricter.lateBands.map((band) => (band.code === 'TL2' ? { ...band, fromMinutes: 20 } : band)) } } });
    expect(gapped.statusCode).toBe(400);
    expect(JSON.stringify(gapped.json())).toContain('Ada celah antara TL1 dan TL2');
    expect((await bkpsdm.inject({ method: 'POST', url: '/api/attendance/rule-sets', payload })).statusCode).toBe(201);
    const overlapping = await bkpsdm.inject({ method: 'POST', url: '/api/attendance/rule-sets', payload: { ...payload, effectiveFrom: '2026-07-01' } });
    expect(overlapping.statusCode).toBe(409);
    expect((await bkpsdm.inject({ method: 'POST', url: '/api/attendance/rule-sets', payload: { ...payload, effectiveFrom: '2026-05-01' } })).statusCode).toBe(409);

    expect((await findAttendanceRules(t.handle.db, '2026-06-30')).lateBands[0]?.toMinutes).toBe(30);
    expect((await findAttendanceRules(t.handle.db, '2026-07-01')).lateBands[0]?.toMinutes).toBe(15);
    await expect(findAttendanceRules(t.handle.db, '2019-12-31')).rejects.toThrow('Belum ada aturan presensi yang berlaku pada 2019-12-31');
    const versions = (await pegawai.inject({ method: 'GET', url: '/api/attendance/rule-sets' })).json<{ items: { effectiveTo: string | null }[] }>();
    expect(versions.items.map((item) => item.effectiveTo)).toEqual(['2026-06-30', null]);
    const audits = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'attendance_rule_set'), eq(auditLog.actorLabel, 'bkpsdm-jadwal')));
    expect(audits).toHaveLength(1);
  });
});
