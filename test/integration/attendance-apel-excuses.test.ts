import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApelAttendanceListView, ApelScheduleView } from '../../src/contracts/attendance-apel';
import { summarizeApelMonth } from '../../src/domain/attendance/apel';
import { dailyAttendance } from '../../src/server/db/schema';
import { findApelUnits, loadApelOutcomes, type ApelDay } from '../../src/server/modules/attendance/apel/apel-outcomes.repository';
import { rebuildDailyAttendance } from '../../src/server/modules/attendance/daily/rebuild-daily-attendance';
import { seedAttendanceReferenceData } from '../../src/server/modules/attendance/reference-data/seed-attendance-reference-data';
import { MONDAY_APEL, storePunchFixture } from '../helpers/apel-fixtures';
import { createAccount, createEmployeeFixture, createOpdFixture, createUnitFixture, type EmployeeFixture, type OpdFixture } from '../helpers/factories';
import { createTestApp, loginAs, type Session, type TestApp } from '../helpers/test-app';

// Wednesday 25 March 2026, 10:00 WIB.
const NOW = '2026-03-25T03:00:00Z';
const MONDAY = '2026-03-16';
/** Cuti bersama Idul Fitri (seeded national calendar), a Monday. */
const HOLIDAY_MONDAY = '2026-03-23';
const SATURDAY = '2026-03-14';

describe('apel excuses: part-day dinas luar over the ceremony, and ceremonies on days off', () => {
  let t: TestApp;
  let a: OpdFixture;
  let wit: EmployeeFixture;
  let witUnitId: string;
  let admin: Session;
  let mondayId: string;
  let saturdayId: string;

  const listFor = async (scheduleId: string, date: string, unitId: string) => {
    const response = await admin.inject({ method: 'GET', url: `/api/attendance/apel-attendance?scheduleId=${scheduleId}&date=${date}&unitId=${unitId}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ApelAttendanceListView>();
  };
  const itemOf = (list: ApelAttendanceListView, employeeId: string) => list.items.find((item) => item.employeeId === employeeId);
  const recordDuty = async (employeeId: string, startTime: string, endTime: string) => {
    const response = await admin.inject({
      method: 'POST',
      url: '/api/attendance/requests/record',
      payload: { employeeId, kind: 'dinas_luar_sebagian', startDate: MONDAY, endDate: MONDAY, startTime, endTime, reason: 'Rapat koordinasi di kantor bupati' },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string; status: string }>();
  };

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    // The default working week and the 2026 national calendar.
    await seedAttendanceReferenceData(t.handle.db, t.clock);
    a = await createOpdFixture(t.handle.db, t.clock);
    witUnitId = (await createUnitFixture(t.handle.db, t.clock, { kind: 'opd', timeZone: 'Asia/Jayapura' })).id;
    wit = await createEmployeeFixture(t.handle.db, t.clock, { unitId: witUnitId });
    const account = await createAccount(t.handle.db, t.clock, { username: 'bkpsdm-apel-dl', roles: [{ role: 'admin_bkpsdm' }] });
    admin = await loginAs(t.app, account.login, account.password);

    // "A 07:30 apel": Mondays 07:30–08:00 on each unit's wall clock.
    const monday = await admin.inject({ method: 'POST', url: '/api/attendance/apel-schedules', payload: { ...MONDAY_APEL, startTime: '07:30', endTime: '08:00' } });
    expect(monday.statusCode, monday.body).toBe(201);
    mondayId = monday.json<ApelScheduleView>().id;
    const saturday = await admin.inject({ method: 'POST', url: '/api/attendance/apel-schedules', payload: { ...MONDAY_APEL, name: 'Apel gabungan hari Sabtu', weekdays: [], dates: [SATURDAY] } });
    expect(saturday.statusCode, saturday.body).toBe(201);
    saturdayId = saturday.json<ApelScheduleView>().id;

    // Morning duty 07:00–10:00 covers the apel; the staff member comes in after it.
    const morning = await recordDuty(a.staff.id, '07:00', '10:00');
    expect(morning.status).toBe('disetujui');
    await storePunchFixture(t.handle.db, { employeeId: a.staff.id, date: MONDAY, time: '09:50' });
    await storePunchFixture(t.handle.db, { employeeId: a.staff.id, date: MONDAY, time: '16:05' });
    // Afternoon duty 13:00–16:00 does not: the bidang head punched before the apel only.
    await recordDuty(a.bidangHead.id, '13:00', '16:00');
    await storePunchFixture(t.handle.db, { employeeId: a.bidangHead.id, date: MONDAY, time: '07:10' });
    await storePunchFixture(t.handle.db, { employeeId: a.bidangHead.id, date: MONDAY, time: '16:05' });
    // A WIT unit: 07:00–07:45 WIT overlaps its 07:30 WIT apel (read as WIB it would be 09:00–09:45 WIT).
    await recordDuty(wit.id, '07:00', '07:45');
    await rebuildDailyAttendance(t.handle.db, { from: SATURDAY, to: HOLIDAY_MONDAY, now: t.clock.now() });
  });
  afterAll(async () => t.close());

  it('a part-day dinas luar whose hours overlap the apel excuses it, shown with its hours; one in the afternoon does not', async () => {
    const list = await listFor(mondayId, MONDAY, a.unit.id);
    expect(list.isScheduled).toBe(true);
    expect(itemOf(list, a.staff.id)).toMatchObject({ dayStatus: 'dinas_luar_sebagian', punchedAt: null, derived: 'dispensasi', outcome: 'dispensasi', dutyExcuse: { startTime: '07:00', endTime: '10:00' } });
    expect(itemOf(list, a.bidangHead.id)).toMatchObject({ punchedAt: null, derived: 'tidak_hadir', outcome: 'tidak_hadir', dutyExcuse: null });
    // Nobody else has a duty: the head (no punch at all) missed it plainly.
    expect(itemOf(list, a.head.id)).toMatchObject({ dayStatus: 'tk', derived: 'tidak_hadir', dutyExcuse: null });
  });

  it('reads the duty’s hours on the unit’s own wall clock', async () => {
    const list = await listFor(mondayId, MONDAY, witUnitId);
    expect(itemOf(list, wit.id)).toMatchObject({ derived: 'dispensasi', dutyExcuse: { startTime: '07:00', endTime: '07:45' } });
  });

  it('a ceremony on a holiday or the weekly day off lists everyone as libur, not as unknown', async () => {
    const holiday = await listFor(mondayId, HOLIDAY_MONDAY, a.unit.id);
    expect(holiday.isScheduled).toBe(true);
    expect(holiday.items.map((item) => item.employeeId).sort()).toEqual([a.head.id, a.bidangHead.id, a.staff.id].sort());
    expect(holiday.items.every((item) => item.derived === 'libur' && item.outcome === 'libur' && item.dayStatus === 'libur')).toBe(true);
    expect(holiday.counts).toMatchObject({ libur: 3, belum_ada_data: 0, tidak_hadir: 0 });

    const weekend = await listFor(saturdayId, SATURDAY, witUnitId);
    expect(weekend.items).toMatchObject([{ employeeId: wit.id, derived: 'libur', outcome: 'libur' }]);
  });

  it('the TPP count takes the excuse and no ceremony on a day off', async () => {
    const people = [a.staff, a.bidangHead, a.head, wit].map((employee) => ({ id: employee.id, unitId: employee.unitId }));
    // As the run reads them: stored days only.
    const stored = await t.handle.db
      .select({ employeeId: dailyAttendance.employeeId, date: dailyAttendance.date, status: dailyAttendance.status, unitId: dailyAttendance.unitId })
      .from(dailyAttendance)
      .where(inArray(dailyAttendance.employeeId, people.map((person) => person.id)));
    const days = new Map<string, ApelDay[]>();
    for (const row of stored) days.set(row.employeeId, [...(days.get(row.employeeId) ?? []), row]);
    const outcomes = await loadApelOutcomes(t.handle.db, { from: '2026-03-01', to: '2026-03-31', employees: people, days, units: await findApelUnits(t.handle.db) });
    const monthOf = (employee: EmployeeFixture) => summarizeApelMonth(outcomes.get(employee.id) ?? []);
    expect(monthOf(a.staff)).toEqual({ required: 0, missed: 0, missedDates: [] });
    expect(monthOf(a.bidangHead)).toEqual({ required: 1, missed: 1, missedDates: [MONDAY] });
    expect(monthOf(a.head)).toEqual({ required: 1, missed: 1, missedDates: [MONDAY] });
    expect(monthOf(wit)).toEqual({ required: 0, missed: 0, missedDates: [] });
    // Whatever the days off stored, a ceremony on one is never expected.
    const onDaysOff = [...outcomes.values()].flat().filter((occurrence) => occurrence.date === HOLIDAY_MONDAY || occurrence.date === SATURDAY);
    expect(onDaysOff.every((occurrence) => occurrence.outcome === 'libur')).toBe(true);
  });
});
