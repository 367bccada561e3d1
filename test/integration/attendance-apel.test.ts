import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApelAttendanceListView, ApelScheduleView } from '../../src/contracts/attendance-apel';
import { apelAttendanceRecords, auditLog } from '../../src/server/db/schema';
import { closePeriodFixture } from '../helpers/activity-fixtures';
import { MONDAY_APEL, storePunchFixture } from '../helpers/apel-fixtures';
import { createAccount, createEmployeeFixture, createOpdFixture, createUnitFixture, type EmployeeFixture, type OpdFixture, type UnitFixture } from '../helpers/factories';
import { createTestApp, loginAs, type Session, type TestApp } from '../helpers/test-app';
import { storeDay } from './tpp-test-setup';

// Wednesday 11 March 2026, 10:00 WIB.
const NOW = '2026-03-11T03:00:00Z';
const MONDAY = '2026-03-09';

describe('ceremonies (apel): schedules, attendance from punches, and an admin’s record', () => {
  let t: TestApp;
  let a: OpdFixture;
  let b: OpdFixture;
  let seksi: UnitFixture;
  let onLeave: EmployeeFixture;
  let dayOff: EmployeeFixture;
  let notDerived: EmployeeFixture;
  let ownApel: EmployeeFixture;
  let admin: Session;
  let adminA: Session;
  let adminB: Session;
  let pimpinan: Session;
  let staff: Session;
  let regionId: string;

  const login = async (options: Parameters<typeof createAccount>[2]) => {
    const account = await createAccount(t.handle.db, t.clock, options);
    return loginAs(t.app, account.login, account.password);
  };
  const listFor = async (session: Session, scheduleId: string, date: string, unitId: string) =>
    session.inject({ method: 'GET', url: `/api/attendance/apel-attendance?scheduleId=${scheduleId}&date=${date}&unitId=${unitId}` });
  const record = (session: Session, date: string, entries: { employeeId: string; status: string | null; note?: string | null }[], scheduleId = regionId) =>
    session.inject({ method: 'PUT', url: '/api/attendance/apel-attendance', payload: { scheduleId, date, entries: entries.map((entry) => ({ note: null, ...entry })) } });
  const outcomeOf = (list: ApelAttendanceListView, employeeId: string) => list.items.find((item) => item.employeeId === employeeId);

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    a = await createOpdFixture(t.handle.db, t.clock);
    b = await createOpdFixture(t.handle.db, t.clock);
    seksi = await createUnitFixture(t.handle.db, t.clock, { kind: 'seksi', parentId: a.bidang.id });
    onLeave = await createEmployeeFixture(t.handle.db, t.clock, { unitId: a.bidang.id });
    dayOff = await createEmployeeFixture(t.handle.db, t.clock, { unitId: a.bidang.id });
    notDerived = await createEmployeeFixture(t.handle.db, t.clock, { unitId: a.bidang.id });
    ownApel = await createEmployeeFixture(t.handle.db, t.clock, { unitId: seksi.id });
    admin = await login({ username: 'bkpsdm-apel', roles: [{ role: 'admin_bkpsdm' }] });
    adminA = await login({ username: 'opd-a-apel', roles: [{ role: 'admin_opd', unitId: a.unit.id }] });
    adminB = await login({ username: 'opd-b-apel', roles: [{ role: 'admin_opd', unitId: b.unit.id }] });
    pimpinan = await login({ username: 'pimpinan-apel', roles: [{ role: 'pimpinan' }] });
    staff = await login({ employeeId: a.staff.id });

    const region = await admin.inject({ method: 'POST', url: '/api/attendance/apel-schedules', payload: MONDAY_APEL });
    expect(region.statusCode, region.body).toBe(201);
    regionId = region.json<ApelScheduleView>().id;

    const day = (employee: EmployeeFixture, status: string) => storeDay(t.handle.db, { employeeId: employee.id, unitId: employee.unitId, date: MONDAY, status });
    const punch = (employee: EmployeeFixture, time: string) => storePunchFixture(t.handle.db, { employeeId: employee.id, date: MONDAY, time });
    await day(a.staff, 'hadir');
    await punch(a.staff, '07:44');
    await day(a.bidangHead, 'hadir');
    await punch(a.bidangHead, '06:50');
    await punch(a.bidangHead, '07:46');
    await day(a.head, 'tk');
    await day(onLeave, 'cuti_sakit');
    await punch(onLeave, '07:10');
    await day(dayOff, 'libur');
    await day(ownApel, 'hadir');
    await punch(ownApel, '07:20');
  });
  afterAll(async () => t.close());

  describe('schedules', () => {
    it('a region-wide apel is BKPSDM’s; an admin OPD sets one for their own units only; each change is audited', async () => {
      expect((await adminA.inject({ method: 'POST', url: '/api/attendance/apel-schedules', payload: { ...MONDAY_APEL, name: 'Apel daerah lain' } })).statusCode).toBe(403);
      expect((await adminB.inject({ method: 'POST', url: '/api/attendance/apel-schedules', payload: { ...MONDAY_APEL, unitId: seksi.id } })).statusCode).toBe(403);
      expect((await staff.inject({ method: 'POST', url: '/api/attendance/apel-schedules', payload: { ...MONDAY_APEL, unitId: seksi.id } })).statusCode).toBe(403);
      const created = await adminA.inject({ method: 'POST', url: '/api/attendance/apel-schedules', payload: { ...MONDAY_APEL, name: 'Apel seksi (Senin, 06:30)', unitId: seksi.id, startTime: '06:30', endTime: '07:00' } });
      expect(created.statusCode, created.body).toBe(201);
      const schedule = created.json<ApelScheduleView>();
      expect(schedule).toMatchObject({ unitId: seksi.id, unitName: seksi.name, weekdays: [1], startTime: '06:30', endTime: '07:00', isActive: true });
      const audits = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'apel_schedule'), eq(auditLog.entityId, schedule.id)));
      expect(audits).toMatchObject([{ action: 'create', scopeUnitId: seksi.id }]);

      // The seksi's own apel replaces the region's for its staff: the region's list leaves them out.
      const seksiList = (await listFor(adminA, schedule.id, MONDAY, a.unit.id)).json<ApelAttendanceListView>();
      expect(seksiList.items.map((item) => [item.employeeId, item.outcome])).toEqual([[ownApel.id, 'tidak_hadir']]);

      const deactivated = await adminA.inject({ method: 'PUT', url: `/api/attendance/apel-schedules/${schedule.id}`, payload: { ...MONDAY_APEL, name: schedule.name, unitId: seksi.id, startTime: '06:30', endTime: '07:00', isActive: false } });
      expect(deactivated.statusCode, deactivated.body).toBe(200);
      expect(deactivated.json<ApelScheduleView>().isActive).toBe(false);
      const listed = (await staff.inject({ method: 'GET', url: `/api/attendance/apel-schedules?unitId=${seksi.id}` })).json<{ items: ApelScheduleView[] }>();
      expect(listed.items.map((item) => item.id)).toEqual([regionId]);
    });

    it('rejects a schedule without days, with an empty window, or ending before it starts', async () => {
      const post = (changes: object) => admin.inject({ method: 'POST', url: '/api/attendance/apel-schedules', payload: { ...MONDAY_APEL, ...changes } });
      expect((await post({ weekdays: [], dates: [] })).statusCode).toBe(400);
      expect((await post({ startTime: '08:00', endTime: '07:30' })).statusCode).toBe(400);
      expect((await post({ effectiveFrom: '2026-05-01', effectiveTo: '2026-04-30' })).statusCode).toBe(400);
      expect((await post({ weekdays: [8] })).statusCode).toBe(400);
    });
  });

  describe('attendance of one ceremony', () => {
    it('derives it from punches inside the window, the day’s leave or day off, and says what is not known yet', async () => {
      const response = await listFor(adminA, regionId, MONDAY, a.unit.id);
      expect(response.statusCode, response.body).toBe(200);
      const list = response.json<ApelAttendanceListView>();
      expect(list).toMatchObject({ date: MONDAY, isScheduled: true, isClosed: false });
      // 07:44 is inside 07:00–07:45; 06:50 and 07:46 are not.
      expect(outcomeOf(list, a.staff.id)).toMatchObject({ dayStatus: 'hadir', derived: 'hadir', outcome: 'hadir', punchedAt: '2026-03-09T00:44:00.000Z', record: null });
      expect(outcomeOf(list, a.bidangHead.id)).toMatchObject({ derived: 'tidak_hadir', punchedAt: null });
      expect(outcomeOf(list, a.head.id)?.outcome).toBe('tidak_hadir');
      expect(outcomeOf(list, onLeave.id)?.outcome).toBe('dispensasi');
      expect(outcomeOf(list, dayOff.id)?.outcome).toBe('libur');
      expect(outcomeOf(list, notDerived.id)?.outcome).toBe('belum_ada_data');
      // With the seksi's own apel deactivated, the region's reaches its staff again (07:20 is inside).
      expect(outcomeOf(list, ownApel.id)?.outcome).toBe('hadir');
      expect(list.counts).toMatchObject({ hadir: 2, tidak_hadir: 2, dispensasi: 1, libur: 1, belum_ada_data: 1 });
      expect(list.items.some((item) => item.employeeId === b.staff.id)).toBe(false);

      // A day without the ceremony lists nobody.
      expect((await listFor(adminA, regionId, '2026-03-10', a.unit.id)).json<ApelAttendanceListView>()).toMatchObject({ isScheduled: false, items: [] });
    });

    it('an admin’s record overrides the punches until it is cleared, each change audited', async () => {
      const saved = await record(adminA, MONDAY, [
        { employeeId: a.bidangHead.id, status: 'hadir', note: 'Mesin sidik jari di lapangan apel mati' },
        { employeeId: a.staff.id, status: 'tidak_hadir', note: 'Absen lalu pergi' },
      ]);
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toEqual({ changed: 2 });
      let list = (await listFor(adminA, regionId, MONDAY, a.unit.id)).json<ApelAttendanceListView>();
      expect(outcomeOf(list, a.bidangHead.id)).toMatchObject({ derived: 'tidak_hadir', outcome: 'hadir', record: { status: 'hadir', note: 'Mesin sidik jari di lapangan apel mati' } });
      expect(outcomeOf(list, a.staff.id)).toMatchObject({ derived: 'hadir', outcome: 'tidak_hadir' });

      // The same record again changes nothing; clearing it lets the punches decide again.
      expect((await record(adminA, MONDAY, [{ employeeId: a.bidangHead.id, status: 'hadir', note: 'Mesin sidik jari di lapangan apel mati' }])).json()).toEqual({ changed: 0 });
      expect((await record(adminA, MONDAY, [{ employeeId: a.staff.id, status: null }])).json()).toEqual({ changed: 1 });
      list = (await listFor(adminA, regionId, MONDAY, a.unit.id)).json<ApelAttendanceListView>();
      expect(outcomeOf(list, a.staff.id)).toMatchObject({ outcome: 'hadir', record: null });

      const audits = await t.handle.db.select().from(auditLog).where(eq(auditLog.entityType, 'apel_attendance'));
      expect(audits.map((row) => row.action).sort()).toEqual(['create', 'create', 'delete']);
      expect(audits.every((row) => row.scopeUnitId !== null)).toBe(true);
    });

    it('records in advance only dispensasi, never for a day without the ceremony or an employee it does not reach', async () => {
      const nextMonday = '2026-03-16';
      expect((await record(adminA, nextMonday, [{ employeeId: a.staff.id, status: 'hadir' }])).statusCode).toBe(400);
      expect((await record(adminA, nextMonday, [{ employeeId: a.staff.id, status: 'dispensasi', note: 'Tugas ke provinsi' }])).statusCode).toBe(200);
      const ahead = (await listFor(adminA, regionId, nextMonday, a.unit.id)).json<ApelAttendanceListView>();
      expect(outcomeOf(ahead, a.staff.id)).toMatchObject({ derived: 'belum_ada_data', outcome: 'dispensasi' });
      expect((await record(adminA, '2026-03-10', [{ employeeId: a.staff.id, status: 'dispensasi' }])).statusCode).toBe(400);

      const seksiApel = await adminA.inject({ method: 'POST', url: '/api/attendance/apel-schedules', payload: { ...MONDAY_APEL, name: 'Apel khusus seksi', unitId: seksi.id, weekdays: [3] } });
      const seksiId = seksiApel.json<ApelScheduleView>().id;
      expect((await record(adminA, '2026-03-11', [{ employeeId: a.staff.id, status: 'dispensasi' }], seksiId)).statusCode).toBe(400);
      expect((await record(adminA, '2026-03-11', [{ employeeId: ownApel.id, status: 'dispensasi' }], seksiId)).statusCode).toBe(200);
    });

    it('keeps other OPDs out (their employees do not exist for the admin) and lets readers read', async () => {
      expect((await record(adminB, MONDAY, [{ employeeId: a.head.id, status: 'hadir' }])).statusCode).toBe(404);
      expect((await listFor(adminB, regionId, MONDAY, a.unit.id)).statusCode).toBe(403);
      expect((await record(pimpinan, MONDAY, [{ employeeId: a.head.id, status: 'hadir' }])).statusCode).toBe(403);
      expect((await listFor(pimpinan, regionId, MONDAY, a.unit.id)).statusCode).toBe(200);
      expect((await listFor(staff, regionId, MONDAY, a.unit.id)).statusCode).toBe(403);
      const stored = await t.handle.db.select().from(apelAttendanceRecords).where(eq(apelAttendanceRecords.employeeId, a.head.id));
      expect(stored).toEqual([]);
    });

    it('refuses records once the month is closed', async () => {
      const february = '2026-02-23';
      await closePeriodFixture(t.handle.db, '2026-02', new Date('2026-03-05T03:00:00Z'));
      const response = await record(admin, february, [{ employeeId: a.head.id, status: 'dispensasi' }]);
      expect(response.statusCode).toBe(409);
      expect((await listFor(admin, regionId, february, a.unit.id)).json<ApelAttendanceListView>().isClosed).toBe(true);
    });
  });
});
