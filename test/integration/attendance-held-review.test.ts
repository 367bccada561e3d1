/**
 * Review of punches held for an implausible time (issue 3 §4): an admin accepts one (it counts,
 * matched by PIN, and its day is recomputed) or dismisses it with a reason (kept, never counted,
 * not even after the device re-sends it); one by one or per device and date range; audited;
 * scoped to the admin's units.
 */
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, deviceRawMessages, punches } from '../../src/server/db/schema';
import { rebuildDailyAttendance } from '../../src/server/modules/attendance/daily/rebuild-daily-attendance';
import { createDeviceMapping } from '../../src/server/modules/attendance/devices/device-mappings.service';
import { createDevice } from '../../src/server/modules/attendance/devices/devices.service';
import { reparseRawMessage } from '../../src/server/modules/attendance/punches';
import { seedAttendanceReferenceData } from '../../src/server/modules/attendance/reference-data/seed-attendance-reference-data';
import { systemContext } from '../../src/server/platform/actor';
import { createAccount, createOpdFixture, type OpdFixture } from '../helpers/factories';
import { createTestApp, loginAs, type Session, type TestApp } from '../helpers/test-app';

const SN = 'HELD-REVIEW-01';
const text = { 'content-type': 'text/plain' };

interface HeldItem {
  id: number;
  pin: string;
  localTime: string;
  reviewStatus: string;
  reviewNote: string | null;
}
interface DayBody {
  date: string;
  status: string;
  firstIn: string | null;
  lastOut: string | null;
  punchIds: number[];
}

describe('review of punches held for an implausible time', () => {
  let t: TestApp;
  let opd: OpdFixture;
  let deviceId: string;
  let adminOpd: Session;
  let otherAdminOpd: Session;
  let bkpsdm: Session;
  let pegawai: Session;
  let pimpinan: Session;

  const upload = async (lines: string[]) => {
    const response = await t.app.inject({ method: 'POST', url: `/iclock/cdata?SN=${SN}&table=ATTLOG&Stamp=None`, headers: text, payload: lines.join('\n') });
    expect(response.statusCode).toBe(200);
    return response.body;
  };
  const storedPunch = async (pin: string, localTime: string) => {
    const [row] = await t.handle.db
      .select({ id: punches.id, reviewStatus: punches.reviewStatus, employeeId: punches.employeeId, reviewNote: punches.reviewNote, instant: punches.instant })
      .from(punches)
      .where(and(eq(punches.serialNumber, SN), eq(punches.pin, pin), eq(punches.localTime, localTime)));
    if (!row) throw new Error(`no punch ${pin} ${localTime}`);
    return row;
  };
  const heldList = async (query = '') => {
    const response = await adminOpd.inject({ method: 'GET', url: `/api/punches/held?deviceId=${deviceId}${query}` });
    expect(response.statusCode).toBe(200);
    return response.json<{ items: HeldItem[]; total: number }>();
  };
  const day = async (date: string) => {
    const response = await adminOpd.inject({ method: 'GET', url: `/api/attendance/daily?employeeId=${opd.staff.id}&from=${date}&to=${date}` });
    expect(response.statusCode).toBe(200);
    return response.json<{ items: DayBody[] }>().items[0];
  };
  /** Sessions expire when the clock jumps a day, so everyone logs in again at the new time. */
  const accounts: { login: string; password: string; assign: (session: Session) => void }[] = [];
  const moveClockTo = async (instant: string) => {
    t.clock.set(instant);
    for (const account of accounts) account.assign(await loginAs(t.app, account.login, account.password));
  };
  const review = (session: Session, id: number, payload: object) => session.inject({ method: 'POST', url: `/api/punches/held/${id}/review`, payload });
  const reviewRange = (session: Session, payload: object) => session.inject({ method: 'POST', url: '/api/punches/held/review', payload });

  beforeAll(async () => {
    // Monday 2026-04-13 09:00 WIB; the device's clock runs a day ahead.
    t = await createTestApp({ now: '2026-04-13T02:00:00Z' });
    await seedAttendanceReferenceData(t.handle.db, t.clock);
    opd = await createOpdFixture(t.handle.db, t.clock);
    const other = await createOpdFixture(t.handle.db, t.clock);
    const ctx = systemContext('test', t.clock, 'Asia/Jakarta');
    const change = await t.handle.db.transaction((tx) =>
      createDevice(tx, ctx, { serialNumber: SN, name: 'Lobi', unitId: opd.unit.id, location: null, timeZone: 'Asia/Jakarta', pushTimeZone: '7', protocol: 'adms', host: null, port: null, commKey: null }),
    );
    deviceId = change.id;
    await t.handle.db.transaction((tx) => createDeviceMapping(tx, ctx, deviceId, { pin: '1001', employeeId: opd.staff.id, startDate: '2026-01-01', endDate: null }));
    const login = async (options: Parameters<typeof createAccount>[2], assign: (session: Session) => void) => {
      const account = await createAccount(t.handle.db, t.clock, options);
      accounts.push({ ...account, assign });
      assign(await loginAs(t.app, account.login, account.password));
    };
    await login({ username: 'admin.opd.held', roles: [{ role: 'admin_opd', unitId: opd.unit.id }] }, (session) => (adminOpd = session));
    await login({ username: 'admin.lain.held', roles: [{ role: 'admin_opd', unitId: other.unit.id }] }, (session) => (otherAdminOpd = session));
    await login({ username: 'bkpsdm.held', roles: [{ role: 'admin_bkpsdm' }] }, (session) => (bkpsdm = session));
    await login({ username: 'pimpinan.held', roles: [{ role: 'pimpinan' }] }, (session) => (pimpinan = session));
    await login({ employeeId: opd.staff.id }, (session) => (pegawai = session));

    expect(
      await upload([
        '1001\t2026-04-13 07:28:00\t0\t1\t0\t0\t0',
        '1001\t2026-04-14 07:20:00\t0\t1\t0\t0\t0',
        '1001\t2026-04-14 16:10:00\t1\t1\t0\t0\t0',
        '2002\t2026-04-14 07:25:00\t0\t1\t0\t0\t0',
        '1001\t2000-01-01 00:00:00\t0\t1\t0\t0\t0',
        '1001\t2026-04-15 07:15:00\t0\t1\t0\t0\t0',
        '1001\t2026-04-16 07:15:00\t0\t1\t0\t0\t0',
      ]),
    ).toBe('OK:7');
  });
  afterAll(async () => t.close());

  it('holds the year-2000 and future punches, with no decision yet', async () => {
    const held = await heldList('&reviewStatus=implausible_time');
    expect(held.items.map((item) => [item.pin, item.localTime, item.reviewNote])).toEqual([
      ['1001', '2026-04-16 07:15:00', null],
      ['1001', '2026-04-15 07:15:00', null],
      ['1001', '2026-04-14 16:10:00', null],
      ['2002', '2026-04-14 07:25:00', null],
      ['1001', '2026-04-14 07:20:00', null],
      ['1001', '2000-01-01 00:00:00', null],
    ]);
    expect((await storedPunch('1001', '2026-04-13 07:28:00')).reviewStatus).toBe('ok');
  });

  it('refuses pegawai and pimpinan (403) and hides the punch from an admin OPD of another OPD (404)', async () => {
    const { id } = await storedPunch('1001', '2026-04-14 07:20:00');
    const accept = { decision: 'accept' };
    expect((await review(pegawai, id, accept)).statusCode).toBe(403);
    expect((await review(pimpinan, id, accept)).statusCode).toBe(403);
    expect((await review(otherAdminOpd, id, accept)).statusCode).toBe(404);
    const range = { decision: 'dismiss', reason: 'Jam mesin salah', deviceId, from: '2026-04-14', to: '2026-04-16' };
    expect((await reviewRange(pegawai, range)).statusCode).toBe(403);
    expect((await reviewRange(pimpinan, range)).statusCode).toBe(403);
    expect((await reviewRange(otherAdminOpd, range)).statusCode).toBe(404);
    expect((await review(adminOpd, 987_654_321, accept)).statusCode).toBe(404);
    expect((await storedPunch('1001', '2026-04-14 07:20:00')).reviewStatus).toBe('implausible_time');
    expect(await t.handle.db.select().from(auditLog).where(eq(auditLog.entityType, 'punch'))).toEqual([]);
  });

  it('refuses to accept a time that is still in the future', async () => {
    const { id } = await storedPunch('1001', '2026-04-14 07:20:00');
    const response = await review(adminOpd, id, { decision: 'accept' });
    expect(response.statusCode).toBe(409);
    expect(response.json<{ error: { message: string } }>().error.message).toMatch(/masa depan/);
  });

  it('accepts a punch once its time is right: it counts for the employee and the day is recomputed', async () => {
    await moveClockTo('2026-04-14T10:00:00Z'); // Tuesday 17:00 WIB
    await rebuildDailyAttendance(t.handle.db, { unitId: opd.unit.id, from: '2026-04-14', to: '2026-04-14', now: t.clock.now() });
    expect(await day('2026-04-14')).toMatchObject({ firstIn: null, punchIds: [] });

    const punch = await storedPunch('1001', '2026-04-14 07:20:00');
    const response = await review(adminOpd, punch.id, { decision: 'accept', note: 'Jam mesin sudah dibetulkan' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ decision: 'accept', reviewed: 1, counted: 1, unknownPin: 0, dismissed: 0, skippedFuture: 0 });

    expect(await storedPunch('1001', '2026-04-14 07:20:00')).toMatchObject({ reviewStatus: 'ok', employeeId: opd.staff.id, reviewNote: 'Jam mesin sudah dibetulkan' });
    expect(await day('2026-04-14')).toMatchObject({ firstIn: new Date('2026-04-14T00:20:00Z').toISOString(), punchIds: [punch.id] });
    expect((await heldList()).items.map((item) => item.localTime)).not.toContain('2026-04-14 07:20:00');
    // Decided once: a second decision is a conflict.
    expect((await review(adminOpd, punch.id, { decision: 'dismiss', reason: 'Salah pilih' })).statusCode).toBe(409);
  });

  it('holds an accepted punch again as an unknown PIN when the PIN has no mapping', async () => {
    const { id } = await storedPunch('2002', '2026-04-14 07:25:00');
    const response = await review(adminOpd, id, { decision: 'accept' });
    expect(response.json()).toMatchObject({ reviewed: 1, counted: 0, unknownPin: 1 });
    expect(await storedPunch('2002', '2026-04-14 07:25:00')).toMatchObject({ reviewStatus: 'unknown_pin', employeeId: null });
    expect((await heldList('&reviewStatus=unknown_pin')).items.map((item) => item.pin)).toEqual(['2002']);
  });

  it('requires a reason to dismiss', async () => {
    const { id } = await storedPunch('1001', '2000-01-01 00:00:00');
    const response = await review(adminOpd, id, { decision: 'dismiss', reason: ' ' });
    expect(response.statusCode).toBe(400);
    expect((await storedPunch('1001', '2000-01-01 00:00:00')).reviewStatus).toBe('implausible_time');
  });

  it('dismisses a punch with a reason: kept, listed only on request, never counted, even after a re-upload or a re-parse', async () => {
    const { id } = await storedPunch('1001', '2000-01-01 00:00:00');
    const response = await review(adminOpd, id, { decision: 'dismiss', reason: 'Baterai jam mesin habis, waktu tidak dapat dipulihkan' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ decision: 'dismiss', reviewed: 1, counted: 0, unknownPin: 0, dismissed: 1, skippedFuture: 0 });
    expect((await heldList()).items.map((item) => item.id)).not.toContain(id);
    expect((await heldList('&reviewStatus=dismissed')).items).toEqual([
      expect.objectContaining({ id, reviewStatus: 'dismissed', reviewNote: 'Baterai jam mesin habis, waktu tidak dapat dipulihkan' }),
    ]);

    expect(await upload(['1001\t2000-01-01 00:00:00\t0\t1\t0\t0\t0'])).toBe('OK:1');
    const raws = await t.handle.db.select({ id: deviceRawMessages.id }).from(deviceRawMessages).where(and(eq(deviceRawMessages.serialNumber, SN), eq(deviceRawMessages.kind, 'ATTLOG'))).orderBy(asc(deviceRawMessages.id));
    for (const raw of raws) await reparseRawMessage(t.handle.db, raw.id, { clock: t.clock });
    expect(await storedPunch('1001', '2000-01-01 00:00:00')).toMatchObject({ id, reviewStatus: 'dismissed', employeeId: null });
    const copies = await t.handle.db.select({ id: punches.id }).from(punches).where(and(eq(punches.serialNumber, SN), eq(punches.localTime, '2000-01-01 00:00:00')));
    expect(copies).toHaveLength(1);
  });

  it('decides every held punch of a device in a date range, leaving times still in the future held', async () => {
    await moveClockTo('2026-04-15T12:00:00Z'); // Wednesday 19:00 WIB: the 16th is still ahead
    const range = { deviceId, from: '2026-04-14', to: '2026-04-16' };
    const accepted = await reviewRange(bkpsdm, { decision: 'accept', ...range });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ decision: 'accept', reviewed: 2, counted: 2, unknownPin: 0, dismissed: 0, skippedFuture: 1 });
    expect(await day('2026-04-14')).toMatchObject({ lastOut: new Date('2026-04-14T09:10:00Z').toISOString() });
    expect(await day('2026-04-15')).toMatchObject({ firstIn: new Date('2026-04-15T00:15:00Z').toISOString() });
    expect((await storedPunch('1001', '2026-04-16 07:15:00')).reviewStatus).toBe('implausible_time');

    expect((await reviewRange(adminOpd, { decision: 'dismiss', reason: 'Jam mesin sehari lebih cepat', ...range, to: '2026-04-13' })).statusCode).toBe(400);
    const dismissed = await reviewRange(adminOpd, { decision: 'dismiss', reason: 'Jam mesin sehari lebih cepat', ...range });
    expect(dismissed.json()).toEqual({ decision: 'dismiss', reviewed: 1, counted: 0, unknownPin: 0, dismissed: 1, skippedFuture: 0 });
    expect(await storedPunch('1001', '2026-04-16 07:15:00')).toMatchObject({ reviewStatus: 'dismissed', employeeId: null });
    expect((await heldList('&reviewStatus=implausible_time')).total).toBe(0);
  });

  it('audits every decision, one row per punch, in the device unit', async () => {
    const rows = await t.handle.db
      .select({ action: auditLog.action, entityId: auditLog.entityId, actor: auditLog.actorLabel, scope: auditLog.scopeUnitId, after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.entityType, 'punch'))
      .orderBy(asc(auditLog.id));
    const idOf = async (pin: string, localTime: string) => String((await storedPunch(pin, localTime)).id);
    expect(rows.map((row) => [row.action, row.entityId, row.actor, row.scope])).toEqual([
      ['accept', await idOf('1001', '2026-04-14 07:20:00'), 'admin.opd.held', opd.unit.id],
      ['accept', await idOf('2002', '2026-04-14 07:25:00'), 'admin.opd.held', opd.unit.id],
      ['dismiss', await idOf('1001', '2000-01-01 00:00:00'), 'admin.opd.held', opd.unit.id],
      ['accept', await idOf('1001', '2026-04-14 16:10:00'), 'bkpsdm.held', opd.unit.id],
      ['accept', await idOf('1001', '2026-04-15 07:15:00'), 'bkpsdm.held', opd.unit.id],
      ['dismiss', await idOf('1001', '2026-04-16 07:15:00'), 'admin.opd.held', opd.unit.id],
    ]);
    expect(rows[0]?.after).toMatchObject({ reviewStatus: 'ok', employeeId: opd.staff.id, note: 'Jam mesin sudah dibetulkan' });
    expect(rows[2]?.after).toMatchObject({ reviewStatus: 'dismissed', note: 'Baterai jam mesin habis, waktu tidak dapat dipulihkan' });
  });
});
