import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { punches } from '../../src/server/db/schema';
import { rebuildDailyAttendance } from '../../src/server/modules/attendance/daily/rebuild-daily-attendance';
import { seedAttendanceReferenceData } from '../../src/server/modules/attendance/reference-data/seed-attendance-reference-data';
import { createSuperiorOverride } from '../../src/server/modules/org';
import { systemContext } from '../../src/server/platform/actor';
import { createAccount, createEmployeeFixture, createOpdFixture, type OpdFixture } from '../helpers/factories';
import { createTestApp, loginAs, type Session, type TestApp } from '../helpers/test-app';

interface DayView {
  date: string;
  status: string;
  firstIn: string | null;
  lastOut: string | null;
  lateMinutes: number;
  earlyMinutes: number;
}
interface DayItem {
  employeeId: string;
  fullName: string;
  via: string;
  timeZone: string;
  day: DayView | null;
}
interface MonthItem {
  employeeId: string;
  summary: Record<string, number>;
  days: DayView[];
}

let sequence = 0;
/** A punch as a device in WIB stores it: wall clock plus the instant. */
const punchAt = (employeeId: string, wallClock: string) => ({
  serialNumber: 'TEST-SUB-1',
  pin: `${++sequence}`,
  localTime: wallClock.replace('T', ' '),
  instant: new Date(`${wallClock}+07:00`),
  source: 'file',
  employeeId,
  reviewStatus: 'ok',
});

describe("superior's view of subordinates' attendance", () => {
  let t: TestApp;
  let opd: OpdFixture;
  let other: OpdFixture;
  let secondStaffId: string;
  let bidangHead: Session;
  let head: Session;
  let staff: Session;
  let adminOpd: Session;

  beforeAll(async () => {
    // Monday 2026-04-13 09:00 WIB; the first ten days of April are over (3 April is Good Friday).
    t = await createTestApp({ now: '2026-04-13T02:00:00Z' });
    await seedAttendanceReferenceData(t.handle.db, t.clock);
    opd = await createOpdFixture(t.handle.db, t.clock);
    other = await createOpdFixture(t.handle.db, t.clock);
    secondStaffId = (await createEmployeeFixture(t.handle.db, t.clock, { positionId: opd.staffPosition.id })).id;
    const s = opd.staff.id;
    await t.handle.db.insert(punches).values([
      // 15 minutes late and 5 minutes early on Monday 6 April (07:30–16:00); on time on Tuesday.
      punchAt(s, '2026-04-06T07:45:00'),
      punchAt(s, '2026-04-06T15:55:00'),
      punchAt(s, '2026-04-07T07:20:00'),
      punchAt(s, '2026-04-07T16:02:00'),
      // Today: in at 07:29.
      punchAt(s, '2026-04-13T07:29:00'),
      // Someone in another OPD, same day: never shown to this superior.
      punchAt(other.staff.id, '2026-04-06T07:10:00'),
    ]);
    await rebuildDailyAttendance(t.handle.db, { unitId: opd.unit.id, from: '2026-04-01', to: '2026-04-12', now: t.clock.now() });
    await rebuildDailyAttendance(t.handle.db, { unitId: other.unit.id, from: '2026-04-01', to: '2026-04-12', now: t.clock.now() });
    const login = async (options: Parameters<typeof createAccount>[2]) => {
      const account = await createAccount(t.handle.db, t.clock, options);
      return loginAs(t.app, account.login, account.password);
    };
    bidangHead = await login({ employeeId: opd.bidangHead.id });
    head = await login({ employeeId: opd.head.id });
    staff = await login({ employeeId: opd.staff.id });
    adminOpd = await login({ username: 'admin-opd-bawahan', roles: [{ role: 'admin_opd', unitId: opd.unit.id }] });
  });
  afterAll(async () => t.close());

  const dayOf = async (session: Session, date?: string) => {
    const response = await session.inject({ method: 'GET', url: `/api/attendance/subordinates/day${date ? `?date=${date}` : ''}` });
    expect(response.statusCode).toBe(200);
    return response.json<{ date: string; items: DayItem[] }>();
  };
  const monthOf = async (session: Session, month: string) => {
    const response = await session.inject({ method: 'GET', url: `/api/attendance/subordinates/month?month=${month}` });
    expect(response.statusCode).toBe(200);
    return response.json<{ month: string; items: MonthItem[] }>();
  };

  it('shows a day of the direct subordinates only, with status, in/out and late/early minutes', async () => {
    const monday = await dayOf(bidangHead, '2026-04-06');
    expect(monday.date).toBe('2026-04-06');
    expect(monday.items.map((item) => item.employeeId).sort()).toEqual([opd.staff.id, secondStaffId].sort());
    const mine = monday.items.find((item) => item.employeeId === opd.staff.id);
    expect(mine).toMatchObject({ via: 'definitif', timeZone: 'Asia/Jakarta' });
    expect(mine?.day).toMatchObject({ status: 'terlambat_psw', lateMinutes: 15, earlyMinutes: 5, firstIn: '2026-04-06T00:45:00.000Z', lastOut: '2026-04-06T08:55:00.000Z' });
    expect(monday.items.find((item) => item.employeeId === secondStaffId)?.day?.status).toBe('tk');

    // The head of the OPD leads the bidang head, not the bidang's staff.
    const headView = await dayOf(head, '2026-04-06');
    expect(headView.items.map((item) => item.employeeId)).toEqual([opd.bidangHead.id]);
  });

  it('defaults to today (WIB) and derives it live, before any rebuild', async () => {
    const today = await dayOf(bidangHead);
    expect(today.date).toBe('2026-04-13');
    expect(today.items.find((item) => item.employeeId === opd.staff.id)?.day?.firstIn).toBe('2026-04-13T00:29:00.000Z');
    // A holiday is a day off, not an absence.
    const goodFriday = await dayOf(bidangHead, '2026-04-03');
    expect(goodFriday.items.map((item) => item.day?.status)).toEqual(['libur', 'libur']);
  });

  it('gives a month of stored days with totals per subordinate', async () => {
    const april = await monthOf(bidangHead, '2026-04');
    expect(april.month).toBe('2026-04');
    const mine = april.items.find((item) => item.employeeId === opd.staff.id);
    // Working days 1, 2, 6–10 April: present on the 6th and 7th, TK on the other five.
    expect(mine?.summary).toEqual({ workingDays: 7, present: 2, lateDays: 1, lateMinutes: 15, earlyDays: 1, earlyMinutes: 5, noCheckIn: 0, noCheckOut: 0, tk: 5, excused: 0 });
    expect(mine?.days.map((day) => day.date)).toEqual(['2026-04-01', '2026-04-02', '2026-04-03', '2026-04-04', '2026-04-05', '2026-04-06', '2026-04-07', '2026-04-08', '2026-04-09', '2026-04-10', '2026-04-11', '2026-04-12']);
    const march = await monthOf(bidangHead, '2026-03');
    expect(march.items.every((item) => item.days.length === 0 && item.summary.workingDays === 0)).toBe(true);
  });

  it('follows the superior rule: an override moves the subordinate to the named superior', async () => {
    await t.handle.db.transaction((tx) =>
      createSuperiorOverride(tx, systemContext('test', t.clock, 'Asia/Jakarta'), { employeeId: opd.staff.id, superiorEmployeeId: opd.head.id, startDate: '2026-04-01', endDate: null, reason: 'Penugasan khusus' }),
    );
    expect((await dayOf(bidangHead, '2026-04-06')).items.map((item) => item.employeeId)).toEqual([secondStaffId]);
    const headView = await dayOf(head, '2026-04-06');
    expect(headView.items.find((item) => item.employeeId === opd.staff.id)).toMatchObject({ via: 'override', day: { lateMinutes: 15 } });
    const headMonth = await monthOf(head, '2026-04');
    expect(headMonth.items.map((item) => item.employeeId).sort()).toEqual([opd.bidangHead.id, opd.staff.id].sort());
  });

  it('refuses callers who are not superiors, and bad input, in Indonesian', async () => {
    for (const session of [staff, adminOpd]) {
      expect((await session.inject({ method: 'GET', url: '/api/attendance/subordinates/day' })).statusCode).toBe(403);
      expect((await session.inject({ method: 'GET', url: '/api/attendance/subordinates/month?month=2026-04' })).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/attendance/subordinates/day' })).statusCode).toBe(401);
    const badMonth = await bidangHead.inject({ method: 'GET', url: '/api/attendance/subordinates/month?month=2026-13' });
    expect(badMonth.statusCode).toBe(400);
    expect(badMonth.body).toContain('Bulan harus berformat YYYY-MM');
    const badDate = await bidangHead.inject({ method: 'GET', url: '/api/attendance/subordinates/day?date=06-04-2026' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.body).toContain('Tanggal harus berformat YYYY-MM-DD');
  });
});
