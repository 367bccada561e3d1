/**
 * File import of vendor-exported logs through the API: dry run, commit, re-import (nothing new),
 * xlsx date-time cells, bad files reported row by row with nothing stored; plus registry scope.
 */
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import type { DatabaseHandle } from '../../src/server/db/client';
import { auditLog, punches } from '../../src/server/db/schema';
import { fixedClock } from '../../src/server/platform/clock';
import { csv, multipart } from '../fixtures/import/sheets';
import { createAccount, createOpdFixture, type OpdFixture } from '../helpers/factories';
import { loginAs, type Session } from '../helpers/test-app';
import { openTestDatabase } from '../helpers/test-database';

let handle: DatabaseHandle;
let app: FastifyInstance;
let opdA: OpdFixture;
let opdB: OpdFixture;
let bkpsdm: Session;
let adminA: Session;
let pimpinan: Session;
let deviceId: string;
const clock = fixedClock('2026-10-12T03:00:00Z');

beforeAll(async () => {
  handle = await openTestDatabase();
  app = await buildApp({ db: handle.db, databaseKind: handle.kind, clock, config: loadConfig({ SESSION_SECRET: 'test-secret-test-secret-test-secret-00', LOG_LEVEL: 'silent' }) });
  await app.ready();
  opdA = await createOpdFixture(handle.db, clock);
  opdB = await createOpdFixture(handle.db, clock);
  const login = async (username: string, roles: Parameters<typeof createAccount>[2]['roles']) => {
    const account = await createAccount(handle.db, clock, { username, roles });
    return loginAs(app, account.login, account.password);
  };
  bkpsdm = await login('bkpsdm.punch', [{ role: 'admin_bkpsdm' }]);
  adminA = await login('opd.a.punch', [{ role: 'admin_opd', unitId: opdA.unit.id }]);
  pimpinan = await login('pimpinan.punch', [{ role: 'pimpinan' }]);
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

const upload = (session: Session, query: string, content: Buffer | string, name = 'log.csv') => {
  const form = multipart(content, name);
  return session.inject({ method: 'POST', url: `/api/punches/import?${query}`, payload: form.payload, headers: form.headers });
};
const countPunches = async () => (await handle.db.select({ n: sql<number>`count(*)::int` }).from(punches))[0]?.n;

describe('device registry', () => {
  it('lets an admin OPD register a device in their unit only, and pimpinan only read', async () => {
    const body = { serialNumber: 'FILE0001', name: 'Mesin Lobi', unitId: opdA.unit.id, timeZone: 'Asia/Makassar', pushTimeZone: '8' };
    expect((await adminA.inject({ method: 'POST', url: '/api/devices', payload: { ...body, unitId: opdB.unit.id } })).statusCode).toBe(403);
    expect((await pimpinan.inject({ method: 'POST', url: '/api/devices', payload: body })).statusCode).toBe(403);
    const created = await adminA.inject({ method: 'POST', url: '/api/devices', payload: body });
    expect(created.statusCode, created.body).toBe(201);
    deviceId = created.json<{ id: string }>().id;
    expect(created.json()).toMatchObject({ status: 'active', timeZone: 'Asia/Makassar', unitName: opdA.unit.name, hasCommKey: false });
    expect((await bkpsdm.inject({ method: 'POST', url: '/api/devices', payload: body })).statusCode).toBe(409);
    await bkpsdm.inject({ method: 'POST', url: '/api/devices', payload: { ...body, serialNumber: 'FILEB001', unitId: opdB.unit.id } });
    expect((await adminA.inject({ method: 'GET', url: '/api/devices' })).json<{ items: { serialNumber: string }[] }>().items.map((item) => item.serialNumber)).toEqual(['FILE0001']);
    expect((await pimpinan.inject({ method: 'GET', url: '/api/devices' })).json<{ items: unknown[] }>().items).toHaveLength(2);
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, deviceId));
    expect(audits.map((row) => row.action)).toEqual(['create']);
  });

  it('maps PINs with non-overlapping validity', async () => {
    const map = (pin: string, employeeId: string, startDate: string, endDate: string | null = null) =>
      adminA.inject({ method: 'POST', url: `/api/devices/${deviceId}/mappings`, payload: { pin, employeeId, startDate, endDate } });
    expect((await map('1001', opdA.staff.id, '2026-01-01', '2026-10-10')).statusCode).toBe(201);
    expect((await map('1001', opdA.head.id, '2026-10-05')).statusCode).toBe(409);
    expect((await map('1001', opdA.head.id, '2026-10-11')).statusCode).toBe(201);
    expect((await map('1002', opdA.bidangHead.id, '2026-01-01')).statusCode).toBe(201);
  });
});

describe('punch file import', () => {
  const good = csv(
    [
      ['No', 'PIN', 'Nama', 'Tanggal', 'Jam', 'Status', 'Verifikasi'],
      ['1', '1001', 'Staf', '10/10/2026', '07:31', '0', '1'],
      ['2', '1001', 'Kepala', '11/10/2026', '07:05:09', '0', '1'],
      ['3', '1002', 'Kabid', '11/10/2026', '16:10', '1', '15'],
      ['4', '9999', 'Tamu', '11/10/2026', '08:00', '0', '1'],
    ],
    ';',
  );

  it('checks without storing on a dry run', async () => {
    const response = await upload(adminA, 'serialNumber=FILE0001', good);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ dryRun: true, isCommitted: false, totalRows: 4, validRows: 4, errors: [] });
    expect(await countPunches()).toBe(0);
  });

  it('imports, maps PINs by date, holds unknown PINs, and adds nothing the second time', async () => {
    const response = await upload(adminA, 'serialNumber=FILE0001&dryRun=false', good);
    expect(response.json()).toMatchObject({ isCommitted: true, inserted: 4, duplicates: 0, held: 1 });
    const rows = await handle.db.select({ pin: punches.pin, employeeId: punches.employeeId, instant: punches.instant, reviewStatus: punches.reviewStatus, source: punches.source }).from(punches).orderBy(punches.localTime);
    expect(rows.map((row) => [row.pin, row.employeeId, row.reviewStatus])).toEqual([
      ['1001', opdA.staff.id, 'ok'],
      ['1001', opdA.head.id, 'ok'],
      ['9999', null, 'unknown_pin'],
      ['1002', opdA.bidangHead.id, 'ok'],
    ]);
    // WITA device: 07:31 local = 23:31 UTC the day before.
    expect(rows[0]?.instant.toISOString()).toBe('2026-10-09T23:31:00.000Z');
    const again = await upload(adminA, 'serialNumber=FILE0001&dryRun=false', good);
    expect(again.json()).toMatchObject({ isCommitted: true, inserted: 0, duplicates: 4 });
    expect(await countPunches()).toBe(4);
    const held = await adminA.inject({ method: 'GET', url: `/api/punches/held?deviceId=${deviceId}` });
    expect(held.json()).toMatchObject({ total: 1, items: [{ pin: '9999', reviewStatus: 'unknown_pin', localTime: '2026-10-11 08:00:00' }] });
  });

  it('reads date-time cells of an xlsx export with their time', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Log');
    sheet.addRow(['AC-No.', 'Date/Time', 'SN']);
    sheet.addRow(['1002', new Date(Date.UTC(2026, 9, 12, 7, 45, 30)), 'FILE0001']);
    const buffer = Buffer.from(new Uint8Array(await workbook.xlsx.writeBuffer()));
    const response = await upload(bkpsdm, 'dryRun=false', buffer, 'log.xlsx');
    expect(response.json()).toMatchObject({ isCommitted: true, inserted: 1 });
    const [row] = await handle.db.select({ localTime: punches.localTime }).from(punches).where(eq(punches.pin, '1002')).orderBy(sql`${punches.localTime} desc`).limit(1);
    expect(row?.localTime).toBe('2026-10-12 07:45:30');
  });

  it('reports every bad row, stores nothing, and refuses devices outside the admin OPD units', async () => {
    const bad = csv([
      ['PIN', 'Date/Time', 'SN'],
      ['1001', '2026-10-12 07:00:00', 'FILE0001'],
      ['', '2026-10-12 07:00:00', 'FILE0001'],
      ['1001', '12-31-2026 07:00', 'FILE0001'],
      ['1001', '2026-10-12 07:01:00', 'FILEB001'],
      ['1001', '2026-10-12 07:02:00', 'NOPE0001'],
    ]);
    const before = await countPunches();
    const response = await upload(adminA, 'dryRun=false', bad);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ isCommitted: false, totalRows: 5, validRows: 1 });
    expect(response.json<{ errors: { row: number; column: string }[] }>().errors.map((error) => [error.row, error.column])).toEqual([
      [3, 'PIN'],
      [4, 'Waktu'],
      [5, 'SN'],
      [6, 'SN'],
    ]);
    expect(await countPunches()).toBe(before);
  });

  it('explains a file in the wrong format', async () => {
    const response = await upload(adminA, 'serialNumber=FILE0001&dryRun=false', csv([['Nama', 'Keterangan'], ['Budi', 'hadir']]));
    expect(response.json()).toMatchObject({ isCommitted: false, errors: [{ row: 1, message: expect.stringContaining('kolom PIN') }] });
    const binary = await upload(adminA, 'serialNumber=FILE0001', Buffer.from([0, 1, 2, 3, 255]));
    expect(binary.statusCode).toBe(415);
  });
});
