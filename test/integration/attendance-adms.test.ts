/**
 * The PUSH/ADMS conversation with lines as the ZKTeco PUSH protocol documents them: handshake,
 * options, ATTLOG upload (2/7/12 fields, garbage, truncation), re-upload, unknown serial in
 * quarantine, heartbeat, command poll and command result.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import type { DatabaseHandle } from '../../src/server/db/client';
import { deviceCommands, deviceRawMessages, devices, punches } from '../../src/server/db/schema';
import { createDevice } from '../../src/server/modules/attendance/devices/devices.service';
import { createDeviceMapping } from '../../src/server/modules/attendance/devices/device-mappings.service';
import { reparseRawMessage, type AffectedDay } from '../../src/server/modules/attendance/punches';
import { systemContext } from '../../src/server/platform/actor';
import { fixedClock } from '../../src/server/platform/clock';
import { createAccount, createOpdFixture, type OpdFixture } from '../helpers/factories';
import { loginAs, type Session } from '../helpers/test-app';
import { openTestDatabase } from '../helpers/test-database';

const SN = 'ADMS0316144680';
let handle: DatabaseHandle;
let app: FastifyInstance;
let opd: OpdFixture;
let admin: Session;
const clock = fixedClock('2026-10-10T10:00:00Z'); // 17:00 WIB
const ingested: AffectedDay[][] = [];

beforeAll(async () => {
  handle = await openTestDatabase();
  app = await buildApp({
    db: handle.db,
    databaseKind: handle.kind,
    clock,
    config: loadConfig({ SESSION_SECRET: 'test-secret-test-secret-test-secret-00', LOG_LEVEL: 'silent' }),
    onPunchesIngested: async (days) => void ingested.push(days),
  });
  await app.ready();
  opd = await createOpdFixture(handle.db, clock);
  const ctx = systemContext('test', clock, 'Asia/Jakarta');
  const { id } = await handle.db.transaction((tx) =>
    createDevice(tx, ctx, { serialNumber: SN, name: 'Lobi', unitId: opd.unit.id, location: null, timeZone: 'Asia/Jakarta', pushTimeZone: '7', protocol: 'adms', host: null, port: null, commKey: null }),
  );
  await handle.db.transaction((tx) => createDeviceMapping(tx, ctx, id, { pin: '1001', employeeId: opd.staff.id, startDate: '2026-01-01', endDate: null }));
  const account = await createAccount(handle.db, clock, { username: 'bkpsdm.adms', roles: [{ role: 'admin_bkpsdm' }] });
  admin = await loginAs(app, account.login, account.password);
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

const text = { 'content-type': 'text/plain' };
const punchesOf = (serial: string) =>
  handle.db
    .select({ pin: punches.pin, localTime: punches.localTime, instant: punches.instant, reviewStatus: punches.reviewStatus, employeeId: punches.employeeId, statusCode: punches.statusCode, verifyCode: punches.verifyCode, rawFields: punches.rawFields })
    .from(punches)
    .where(eq(punches.serialNumber, serial))
    .orderBy(punches.localTime);
const deviceOf = async (serial: string) => (await handle.db.select().from(devices).where(eq(devices.serialNumber, serial)))[0];

const ATTLOG = [
  '1001\t2026-10-10 07:25:01\t0\t1\t0\t0\t0',
  '1001\t2026-10-10 16:05:00',
  '2002\t2026-10-10 07:40:00\t0\t15\t0\t0\t0\t0\t255\t36.5\t0\t0',
  'garbage line without tabs',
  '1001\t2026-13-10 08:00:00\t0\t1',
  '1001 2026-10-10 08:00:00 0 1',
  '1001\t2000-01-01 00:00:00\t0\t1\t0\t0\t0',
  '1001\t2026-10-1',
].join('\n');

describe('ADMS conversation', () => {
  it('answers the handshake with the options, the device TimeZone and the app clock as Date', async () => {
    const response = await app.inject({ method: 'GET', url: `/iclock/cdata?SN=${SN}&options=all&pushver=2.4.1&language=69` });
    expect(response.statusCode).toBe(200);
    expect(response.body.split('\n')[0]).toBe(`GET OPTION FROM: ${SN}`);
    expect(response.body).toContain('\nATTLOGStamp=None\n');
    expect(response.body).toContain('\nTimeZone=7\n');
    expect(response.headers.date).toBe(clock.now().toUTCString());
  });

  it('stores uploaded options and reads the firmware version', async () => {
    const response = await app.inject({ method: 'POST', url: `/iclock/cdata?SN=${SN}&table=options`, headers: text, payload: '~DeviceName=X100-C,FWVersion=Ver 6.60 Apr 28 2017,IPAddress=192.168.1.201' });
    expect(response.body).toBe('OK');
    const device = await deviceOf(SN);
    expect(device?.firmware).toBe('Ver 6.60 Apr 28 2017');
    expect(device?.options).toMatchObject({ DeviceName: 'X100-C' });
  });

  it('ingests 2-, 7- and 12-field ATTLOG lines, counts garbage as errors and acknowledges after commit', async () => {
    const response = await app.inject({ method: 'POST', url: `/iclock/cdata?SN=${SN}&table=ATTLOG&Stamp=9999`, headers: text, payload: ATTLOG });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('OK:4');
    const rows = await punchesOf(SN);
    expect(rows.map((row) => [row.pin, row.localTime, row.reviewStatus])).toEqual([
      ['1001', '2000-01-01 00:00:00', 'implausible_time'],
      ['1001', '2026-10-10 07:25:01', 'ok'],
      ['2002', '2026-10-10 07:40:00', 'unknown_pin'],
      ['1001', '2026-10-10 16:05:00', 'ok'],
    ]);
    const first = rows.find((row) => row.localTime === '2026-10-10 07:25:01');
    expect(first?.instant.toISOString()).toBe('2026-10-10T00:25:01.000Z');
    expect(first?.employeeId).toBe(opd.staff.id);
    expect([first?.statusCode, first?.verifyCode]).toEqual([0, 1]);
    expect(rows.find((row) => row.pin === '2002')?.rawFields).toHaveLength(12);
    const [raw] = await handle.db.select().from(deviceRawMessages).where(and(eq(deviceRawMessages.serialNumber, SN), eq(deviceRawMessages.kind, 'ATTLOG')));
    expect(raw?.body.toString('utf8')).toBe(ATTLOG);
    expect(raw?.parseStatus).toBe('parsed');
    expect(raw?.parseError).toMatch(/^4 baris tidak dapat dibaca/);
    expect((await deviceOf(SN))?.lastAttlogStamp).toBe('9999');
    expect(ingested.at(-1)).toEqual([{ employeeId: opd.staff.id, localDate: '2026-10-10' }]);
  });

  it('changes nothing when the device re-uploads the same lines', async () => {
    const calls = ingested.length;
    const response = await app.inject({ method: 'POST', url: `/iclock/cdata.aspx?SN=${SN}&table=ATTLOG&Stamp=None`, headers: text, payload: ATTLOG });
    expect(response.body).toBe('OK:4');
    expect(await punchesOf(SN)).toHaveLength(4);
    expect(ingested.length).toBe(calls);
    const [count] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(deviceRawMessages).where(eq(deviceRawMessages.kind, 'ATTLOG'));
    expect(count?.n).toBe(2);
  });

  it('re-parses a stored message idempotently', async () => {
    const [raw] = await handle.db.select({ id: deviceRawMessages.id }).from(deviceRawMessages).where(eq(deviceRawMessages.kind, 'ATTLOG')).orderBy(deviceRawMessages.id).limit(1);
    await handle.db.delete(punches).where(and(eq(punches.serialNumber, SN), eq(punches.localTime, '2026-10-10 16:05:00')));
    const outcome = await reparseRawMessage(handle.db, raw?.id ?? 0, { clock });
    expect(outcome).toMatchObject({ kind: 'ATTLOG', accepted: 4, inserted: 1, duplicates: 3, errors: 4 });
    expect(await punchesOf(SN)).toHaveLength(4);
  });

  it('survives an empty or binary body and answers OK:0', async () => {
    const empty = await app.inject({ method: 'POST', url: `/iclock/cdata?SN=${SN}&table=ATTLOG`, headers: { 'content-type': 'application/octet-stream' }, payload: Buffer.from([0xff, 0x00, 0x09, 0x0a]) });
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toBe('OK:0');
  });

  it('quarantines an unknown serial: answered, stored, held, and counted once approved and mapped', async () => {
    const handshake = await app.inject({ method: 'GET', url: '/iclock/cdata?SN=UNKNOWN77&options=all' });
    expect(handshake.body.startsWith('GET OPTION FROM: UNKNOWN77\n')).toBe(true);
    expect((await deviceOf('UNKNOWN77'))?.status).toBe('quarantine');
    const upload = await app.inject({ method: 'POST', url: '/iclock/cdata?SN=UNKNOWN77&table=ATTLOG', headers: text, payload: '1001\t2026-10-10 07:10:00\t0\t1\t0\t0\t0\n' });
    expect(upload.body).toBe('OK:1');
    expect((await punchesOf('UNKNOWN77')).map((row) => row.reviewStatus)).toEqual(['unknown_device']);

    const device = await deviceOf('UNKNOWN77');
    const approved = await admin.inject({ method: 'POST', url: `/api/devices/${device?.id}/approve`, payload: { unitId: opd.unit.id, name: 'Puskesmas', timeZone: 'Asia/Jayapura', pushTimeZone: '9' } });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'active', heldPunches: 1 });
    const [afterApproval] = await punchesOf('UNKNOWN77');
    expect(afterApproval?.reviewStatus).toBe('unknown_pin');
    expect(afterApproval?.instant.toISOString()).toBe('2026-10-09T22:10:00.000Z');

    const mapped = await admin.inject({ method: 'POST', url: `/api/devices/${device?.id}/mappings`, payload: { pin: '1001', employeeId: opd.head.id, startDate: '2026-10-01' } });
    expect(mapped.statusCode, mapped.body).toBe(201);
    expect(mapped.json()).toMatchObject({ resolvedPunches: 1 });
    expect((await punchesOf('UNKNOWN77')).map((row) => [row.reviewStatus, row.employeeId])).toEqual([['ok', opd.head.id]]);
    expect(ingested.at(-1)).toEqual([{ employeeId: opd.head.id, localDate: '2026-10-10' }]);
  });

  it('records heartbeats as last contact', async () => {
    clock.advance(60_000);
    const response = await app.inject({ method: 'GET', url: `/iclock/ping?SN=${SN}` });
    expect(response.body).toBe('OK');
    expect((await deviceOf(SN))?.lastContactAt?.toISOString()).toBe(clock.now().toISOString());
  });

  it('measures clock skew when the device reports its time', async () => {
    // 17:01 WIB on the server, the device says 17:04:00: three minutes ahead.
    const response = await app.inject({ method: 'GET', url: `/iclock/getrequest?SN=${SN}&DeviceTime=2026-10-10%2017:04:00` });
    expect(response.body).toBe('OK');
    expect((await deviceOf(SN))?.lastClockSkewSeconds).toBe(180);
  });

  it('hands out queued safe commands once and completes them from the result', async () => {
    const device = await deviceOf(SN);
    const unsafe = await admin.inject({ method: 'POST', url: `/api/devices/${device?.id}/commands`, payload: { kind: 'shell', command: 'rm -rf /' } });
    expect(unsafe.statusCode).toBe(400);
    const queued = await admin.inject({ method: 'POST', url: `/api/devices/${device?.id}/commands`, payload: { kind: 'query_attlog', startTime: '2026-10-01 00:00:00', endTime: '2026-10-10 23:59:59' } });
    expect(queued.statusCode, queued.body).toBe(201);
    const id = queued.json<{ id: number }>().id;

    const poll = await app.inject({ method: 'GET', url: `/iclock/getrequest.aspx?SN=${SN}&INFO=Ver%206.60,3,0,5,192.168.1.201` });
    expect(poll.body).toBe(`C:${id}:DATA QUERY ATTLOG StartTime=2026-10-01 00:00:00\tEndTime=2026-10-10 23:59:59\n`);
    expect((await app.inject({ method: 'GET', url: `/iclock/getrequest?SN=${SN}` })).body).toBe('OK');

    const result = await app.inject({ method: 'POST', url: `/iclock/devicecmd?SN=${SN}`, headers: text, payload: `ID=${id}&Return=0&CMD=DATA\n` });
    expect(result.body).toBe('OK');
    const [command] = await handle.db.select().from(deviceCommands).where(eq(deviceCommands.id, id));
    expect([command?.status, command?.returnCode]).toEqual(['done', 0]);
  });

  it('refuses a disabled device and a missing serial', async () => {
    const device = await deviceOf('UNKNOWN77');
    expect((await admin.inject({ method: 'POST', url: `/api/devices/${device?.id}/disable` })).statusCode).toBe(200);
    const refused = await app.inject({ method: 'POST', url: '/iclock/cdata?SN=UNKNOWN77&table=ATTLOG', headers: text, payload: '1001\t2026-10-10 07:11:00\n' });
    expect(refused.statusCode).toBe(403);
    expect((await punchesOf('UNKNOWN77'))).toHaveLength(1);
    expect((await app.inject({ method: 'GET', url: '/iclock/ping?SN=bad%20serial' })).statusCode).toBe(400);
  });
});
