import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { punches } from '../../src/server/db/schema';
import { rebuildDailyAttendance, recomputeAffectedDays } from '../../src/server/modules/attendance/daily/rebuild-daily-attendance';
import { seedAttendanceReferenceData } from '../../src/server/modules/attendance/reference-data/seed-attendance-reference-data';
import { createAccount, createOpdFixture, type OpdFixture } from '../helpers/factories';
import { countPdfPages, extractPdfText } from '../helpers/pdf-text';
import { createTestApp, loginAs, type Session, type TestApp } from '../helpers/test-app';

const createAttendanceTestApp = (now: string): Promise<TestApp> => createTestApp({ now });

interface DayBody {
  date: string;
  status: string;
  lateMinutes: number;
  lateBand: string | null;
  firstIn: string | null;
  lastOut: string | null;
  punchIds: number[];
  isFinal: boolean;
}

let sequence = 0;
/** A punch as a device in WIB would store it: wall clock plus the instant. */
const punchAt = (employeeId: string, wallClock: string, reviewStatus: 'ok' | 'unknown_pin' = 'ok') => ({
  serialNumber: 'TEST-DEVICE-1',
  pin: `${++sequence}`,
  localTime: wallClock.replace('T', ' '),
  instant: new Date(`${wallClock}+07:00`),
  source: 'file',
  employeeId,
  reviewStatus,
});

describe('daily attendance', () => {
  let t: TestApp;
  let opd: OpdFixture;
  let adminOpd: Session;
  let staff: Session;

  beforeAll(async () => {
    // Monday 2026-04-13 09:00 WIB.
    t = await createAttendanceTestApp('2026-04-13T02:00:00Z');
    await seedAttendanceReferenceData(t.handle.db, t.clock);
    opd = await createOpdFixture(t.handle.db, t.clock);
    const { staff: s, bidangHead, head } = opd;
    await t.handle.db.insert(punches).values([
      // Staff: on time all week (Friday ends 16:30), a double touch on Monday morning.
      ...['06', '07', '08', '09'].flatMap((day) => [punchAt(s.id, `2026-04-${day}T07:20:00`), punchAt(s.id, `2026-04-${day}T16:02:00`)]),
      punchAt(s.id, '2026-04-06T07:20:40'),
      punchAt(s.id, '2026-04-10T07:25:00'),
      punchAt(s.id, '2026-04-10T16:31:00'),
      // Superior: one minute late on Monday, 31 minutes on Tuesday, no check-out on Wednesday, a held punch Thursday.
      punchAt(bidangHead.id, '2026-04-06T07:31:00'),
      punchAt(bidangHead.id, '2026-04-06T16:00:00'),
      punchAt(bidangHead.id, '2026-04-07T08:01:00'),
      punchAt(bidangHead.id, '2026-04-07T16:00:00'),
      punchAt(bidangHead.id, '2026-04-08T07:10:00'),
      punchAt(bidangHead.id, '2026-04-09T07:10:00', 'unknown_pin'),
      // Head: nothing on working days, only a punch on Good Friday (3 April, a holiday).
      punchAt(head.id, '2026-04-03T09:00:00'),
      // Today: staff is in, the superior not yet.
      punchAt(s.id, '2026-04-13T07:29:00'),
    ]);
    const admin = await createAccount(t.handle.db, t.clock, { username: 'admin-opd-harian', roles: [{ role: 'admin_opd', unitId: opd.unit.id }] });
    adminOpd = await loginAs(t.app, admin.login, admin.password);
    const own = await createAccount(t.handle.db, t.clock, { employeeId: opd.staff.id });
    staff = await loginAs(t.app, own.login, own.password);
    await rebuildDailyAttendance(t.handle.db, { unitId: opd.unit.id, from: '2026-04-03', to: '2026-04-12', now: t.clock.now() });
  });
  afterAll(async () => t.close());

  const days = async (employeeId: string, from = '2026-04-03', to = '2026-04-12') => {
    const response = await adminOpd.inject({ method: 'GET', url: `/api/attendance/daily?employeeId=${employeeId}&from=${from}&to=${to}` });
    expect(response.statusCode).toBe(200);
    return response.json<{ items: DayBody[] }>().items;
  };

  it('gives every scheduled employee a row every day: TK without punches, libur on days off', async () => {
    const head = await days(opd.head.id);
    expect(head).toHaveLength(10);
    expect(head.map((day) => day.status)).toEqual(['libur', 'libur', 'libur', 'tk', 'tk', 'tk', 'tk', 'tk', 'libur', 'libur']);
    expect(head[0]).toMatchObject({ date: '2026-04-03', punchIds: [expect.any(Number)], firstIn: new Date('2026-04-03T02:00:00Z').toISOString() });
  });

  it('derives lateness bands, missing check-out, and ignores held punches', async () => {
    const byDate = new Map((await days(opd.bidangHead.id)).map((day) => [day.date, day]));
    expect(byDate.get('2026-04-06')).toMatchObject({ status: 'terlambat', lateMinutes: 1, lateBand: 'TL1' });
    expect(byDate.get('2026-04-07')).toMatchObject({ status: 'terlambat', lateMinutes: 31, lateBand: 'TL2' });
    expect(byDate.get('2026-04-08')).toMatchObject({ status: 'tidak_absen_pulang', lastOut: null });
    expect(byDate.get('2026-04-09')).toMatchObject({ status: 'tk', punchIds: [] });
    const staffWeek = (await days(opd.staff.id, '2026-04-06', '2026-04-10')).map((day) => day.status);
    expect(staffWeek).toEqual(['hadir', 'hadir', 'hadir', 'hadir', 'hadir']);
  });

  it('marks past days final when the unit has no devices reporting late, and not today', async () => {
    await rebuildDailyAttendance(t.handle.db, { employeeIds: [opd.staff.id], from: '2026-04-13', to: '2026-04-13', now: t.clock.now() });
    const [today] = await days(opd.staff.id, '2026-04-13', '2026-04-13');
    expect(today).toMatchObject({ status: 'hadir', isFinal: false, lastOut: null });
    expect((await days(opd.staff.id, '2026-04-10', '2026-04-10'))[0]?.isFinal).toBe(true);
  });

  it('recomputes the affected days when punches change', async () => {
    await t.handle.db.insert(punches).values(punchAt(opd.bidangHead.id, '2026-04-08T16:05:00'));
    await recomputeAffectedDays(t.handle.db, [{ employeeId: opd.bidangHead.id, localDate: '2026-04-08' }], t.clock.now());
    expect((await days(opd.bidangHead.id, '2026-04-08', '2026-04-08'))[0]).toMatchObject({ status: 'hadir', lastOut: new Date('2026-04-08T09:05:00Z').toISOString() });
  });

  it('shows the live board of the OPD for today', async () => {
    const response = await adminOpd.inject({ method: 'GET', url: `/api/attendance/board?unitId=${opd.unit.id}` });
    expect(response.statusCode).toBe(200);
    const board = response.json<{ date: string; counts: Record<string, number>; in: { employeeId: string }[]; absent: { employeeId: string }[] }>();
    expect(board.date).toBe('2026-04-13');
    expect(board.counts).toMatchObject({ total: 3, in: 1, late: 0, absent: 2 });
    expect(board.in.map((person) => person.employeeId)).toEqual([opd.staff.id]);
    expect((await staff.inject({ method: 'GET', url: `/api/attendance/board?unitId=${opd.unit.id}` })).statusCode).toBe(403);
  });

  it('recaps the month per employee, as JSON and as xlsx', async () => {
    const response = await adminOpd.inject({ method: 'GET', url: `/api/attendance/recap?unitId=${opd.unit.id}&month=2026-04` });
    expect(response.statusCode).toBe(200);
    const rows = response.json<{ rows: { employeeId: string; workingDays: number; present: number; tk: number; late: Record<string, number>; noCheckOut: number }[] }>().rows;
    const superiorRow = rows.find((row) => row.employeeId === opd.bidangHead.id);
    expect(superiorRow).toMatchObject({ workingDays: 5, present: 3, tk: 2, late: { TL1: 1, TL2: 1, TL3: 0, TL4: 0 } });
    expect(rows.find((row) => row.employeeId === opd.head.id)).toMatchObject({ workingDays: 5, present: 0, tk: 5 });

    const xlsx = await adminOpd.inject({ method: 'GET', url: `/api/attendance/recap.xlsx?unitId=${opd.unit.id}&month=2026-04` });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx.rawPayload).buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(3).getCell(5).value).toBe('TL1');
    const values = sheet?.getColumn(1).values.map(String) ?? [];
    expect(values).toContain(opd.head.nip);

    const pdf = await adminOpd.inject({ method: 'GET', url: `/api/attendance/recap.pdf?unitId=${opd.unit.id}&month=2026-04` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = extractPdfText(pdf.rawPayload);
    expect(text).toContain('REKAP KEHADIRAN PEGAWAI');
    expect(countPdfPages(pdf.rawPayload)).toBe(1);
    expect(text).toContain('Halaman 1 dari 1');
    expect(text).toContain(opd.head.nip);
    expect(text).toContain('2026-04');
  });

  it('lets the direct superior read a subordinate, but not the other way round', async () => {
    const account = await createAccount(t.handle.db, t.clock, { employeeId: opd.bidangHead.id });
    const superior = await loginAs(t.app, account.login, account.password);
    const response = await superior.inject({ method: 'GET', url: `/api/attendance/daily?employeeId=${opd.staff.id}&from=2026-04-06&to=2026-04-10` });
    expect(response.json<{ items: DayBody[] }>().items).toHaveLength(5);
    expect((await staff.inject({ method: 'GET', url: `/api/attendance/daily?employeeId=${opd.bidangHead.id}&from=2026-04-06&to=2026-04-06` })).statusCode).toBe(404);
  });

  it('keeps other employees out of reach of a plain employee', async () => {
    const response = await staff.inject({ method: 'GET', url: `/api/attendance/daily?employeeId=${opd.head.id}&from=2026-04-06&to=2026-04-06` });
    expect(response.statusCode).toBe(404);
    expect((await staff.inject({ method: 'GET', url: '/api/attendance/daily?from=2026-04-06&to=2026-04-06' })).json().items).toHaveLength(1);
  });
});
