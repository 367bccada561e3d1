import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/server/db/schema';
import { createAccount, createEmployeeFixture, createOpdFixture, createUnitFixture } from '../helpers/factories';
import { createTestApp, loginAs, type Session, type TestApp } from '../helpers/test-app';

interface UnitBody {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  parentName: string | null;
  timeZone: string;
  isActive: boolean;
}

describe('units API', () => {
  let t: TestApp;
  let bkpsdm: Session;

  beforeEach(async () => {
    t = await createTestApp();
    const account = await createAccount(t.handle.db, t.clock, { username: 'bkpsdm', roles: [{ role: 'admin_bkpsdm' }] });
    bkpsdm = await loginAs(t.app, account.login, account.password);
  });
  afterEach(async () => t.close());

  const postUnit = (session: Session, payload: Record<string, unknown>) => session.inject({ method: 'POST', url: '/api/units', payload });

  it('creates, reads, updates, searches and pages units', async () => {
    const dinkes = await postUnit(bkpsdm, { code: 'DINKES', name: 'Dinas Kesehatan', kind: 'opd', parentId: null, timeZone: 'Asia/Makassar' });
    expect(dinkes.statusCode).toBe(201);
    const dinkesBody = dinkes.json<UnitBody>();
    expect(dinkesBody).toMatchObject({ code: 'DINKES', parentId: null, parentName: null, timeZone: 'Asia/Makassar', isActive: true });

    const bidang = await postUnit(bkpsdm, { code: 'DINKES.P2P', name: 'Bidang Pencegahan Penyakit', kind: 'bidang', parentId: dinkesBody.id });
    expect(bidang.statusCode).toBe(201);
    expect(bidang.json<UnitBody>()).toMatchObject({ parentId: dinkesBody.id, parentName: 'Dinas Kesehatan', timeZone: 'Asia/Jakarta' });
    for (const [code, name] of [['DISDIK', 'Dinas Pendidikan'], ['DISHUB', 'Dinas Perhubungan'], ['BAPPEDA', 'Badan Perencanaan']]) {
      expect((await postUnit(bkpsdm, { code, name, kind: 'opd', parentId: null })).statusCode).toBe(201);
    }

    const firstPage = await bkpsdm.inject({ method: 'GET', url: '/api/units?q=dinas&pageSize=2' });
    expect(firstPage.statusCode).toBe(200);
    const first = firstPage.json<{ items: UnitBody[]; total: number; page: number; pageSize: number }>();
    expect(first.total).toBe(3);
    expect(first.items.map((unit) => unit.code)).toEqual(['DINKES', 'DISDIK']);
    const second = (await bkpsdm.inject({ method: 'GET', url: '/api/units?q=dinas&pageSize=2&page=2' })).json<{ items: UnitBody[] }>();
    expect(second.items.map((unit) => unit.code)).toEqual(['DISHUB']);
    const byCode = (await bkpsdm.inject({ method: 'GET', url: '/api/units?q=p2p' })).json<{ items: UnitBody[] }>();
    expect(byCode.items.map((unit) => unit.code)).toEqual(['DINKES.P2P']);
    const children = (await bkpsdm.inject({ method: 'GET', url: `/api/units?parentId=${dinkesBody.id}` })).json<{ total: number }>();
    expect(children.total).toBe(1);

    const patched = await bkpsdm.inject({ method: 'PATCH', url: `/api/units/${dinkesBody.id}`, payload: { name: 'Dinas Kesehatan Daerah' } });
    expect(patched.statusCode).toBe(200);
    // A PATCH that omits the time zone must not reset it to the create default.
    expect(patched.json<UnitBody>()).toMatchObject({ name: 'Dinas Kesehatan Daerah', timeZone: 'Asia/Makassar', code: 'DINKES' });
    const fetched = await bkpsdm.inject({ method: 'GET', url: `/api/units/${dinkesBody.id}` });
    expect(fetched.json<UnitBody>().name).toBe('Dinas Kesehatan Daerah');

    const tree = await bkpsdm.inject({ method: 'GET', url: '/api/units/tree' });
    expect(tree.json<{ items: UnitBody[] }>().items).toHaveLength(5);
  });

  it('refuses a duplicate code, an unknown parent and a malformed code', async () => {
    await createUnitFixture(t.handle.db, t.clock, { code: 'DINSOS' });
    const duplicate = await postUnit(bkpsdm, { code: 'DINSOS', name: 'Lain', kind: 'opd', parentId: null });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Kode unit DINSOS sudah dipakai') });
    const orphan = await postUnit(bkpsdm, { code: 'X1', name: 'Yatim', kind: 'bidang', parentId: '00000000-0000-4000-8000-000000000000' });
    expect(orphan.statusCode).toBe(400);
    expect(orphan.json().error.message).toBe('Unit induk tidak ditemukan');
    const malformed = await postUnit(bkpsdm, { code: 'kode dengan spasi', name: 'X', kind: 'opd', parentId: null });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses a parent inside the unit’s own subtree (cycle)', async () => {
    const dinas = await createUnitFixture(t.handle.db, t.clock, { kind: 'opd' });
    const bidang = await createUnitFixture(t.handle.db, t.clock, { kind: 'bidang', parentId: dinas.id });
    const seksi = await createUnitFixture(t.handle.db, t.clock, { kind: 'seksi', parentId: bidang.id });
    for (const parentId of [seksi.id, bidang.id, dinas.id]) {
      const response = await bkpsdm.inject({ method: 'PATCH', url: `/api/units/${dinas.id}`, payload: { parentId } });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toContain('membentuk lingkaran');
    }
    const other = await createUnitFixture(t.handle.db, t.clock, { kind: 'opd' });
    const moved = await bkpsdm.inject({ method: 'PATCH', url: `/api/units/${bidang.id}`, payload: { parentId: other.id } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<UnitBody>().parentId).toBe(other.id);
  });

  it('deactivates bottom-up only and hides inactive units unless asked', async () => {
    const dinas = await createUnitFixture(t.handle.db, t.clock, { kind: 'opd' });
    const bidang = await createUnitFixture(t.handle.db, t.clock, { kind: 'bidang', parentId: dinas.id });
    const blocked = await bkpsdm.inject({ method: 'POST', url: `/api/units/${dinas.id}/deactivate` });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.message).toContain('1 sub-unit aktif');
    expect((await bkpsdm.inject({ method: 'POST', url: `/api/units/${bidang.id}/deactivate` })).statusCode).toBe(200);
    const done = await bkpsdm.inject({ method: 'POST', url: `/api/units/${dinas.id}/deactivate` });
    expect(done.json<UnitBody>().isActive).toBe(false);
    expect((await bkpsdm.inject({ method: 'GET', url: '/api/units' })).json<{ total: number }>().total).toBe(0);
    expect((await bkpsdm.inject({ method: 'GET', url: '/api/units?includeInactive=true' })).json<{ total: number }>().total).toBe(2);
    const childFirst = await bkpsdm.inject({ method: 'POST', url: `/api/units/${bidang.id}/activate` });
    expect(childFirst.statusCode).toBe(409);
    expect(childFirst.json().error.message).toContain('aktifkan unit induk dulu');
  });

  it('keeps an admin OPD inside their own subtree', async () => {
    const own = await createOpdFixture(t.handle.db, t.clock);
    const other = await createOpdFixture(t.handle.db, t.clock);
    const account = await createAccount(t.handle.db, t.clock, { username: 'admin-opd', roles: [{ role: 'admin_opd', unitId: own.unit.id }] });
    const admin = await loginAs(t.app, account.login, account.password);

    const list = (await admin.inject({ method: 'GET', url: '/api/units' })).json<{ items: UnitBody[] }>();
    expect(list.items.map((unit) => unit.id).sort()).toEqual([own.unit.id, own.bidang.id].sort());
    expect((await admin.inject({ method: 'GET', url: `/api/units/${own.bidang.id}` })).statusCode).toBe(200);
    expect((await admin.inject({ method: 'GET', url: `/api/units/${other.unit.id}` })).statusCode).toBe(404);
    expect((await admin.inject({ method: 'GET', url: '/api/units/tree' })).json<{ items: unknown[] }>().items).toHaveLength(4);

    expect((await admin.inject({ method: 'PATCH', url: `/api/units/${other.unit.id}`, payload: { name: 'Diambil alih' } })).statusCode).toBe(403);
    expect((await postUnit(admin, { code: 'LUAR-1', name: 'Di OPD lain', kind: 'seksi', parentId: other.bidang.id })).statusCode).toBe(403);
    expect((await postUnit(admin, { code: 'OPD-BARU', name: 'OPD baru', kind: 'opd', parentId: null })).statusCode).toBe(403);
    expect((await admin.inject({ method: 'PATCH', url: `/api/units/${own.bidang.id}`, payload: { parentId: other.unit.id } })).statusCode).toBe(403);
    expect((await admin.inject({ method: 'POST', url: `/api/units/${other.bidang.id}/deactivate` })).statusCode).toBe(403);

    const seksi = await postUnit(admin, { code: 'SEKSI-BARU', name: 'Seksi Baru', kind: 'seksi', parentId: own.bidang.id });
    expect(seksi.statusCode).toBe(201);
    expect(seksi.json<UnitBody>().parentName).toBe(own.bidang.name);
  });

  it('lets every signed-in user read the unit tree but not the unit list, and only admins write', async () => {
    const opd = await createOpdFixture(t.handle.db, t.clock);
    const staffAccount = await createAccount(t.handle.db, t.clock, { employeeId: opd.staff.id });
    const staff = await loginAs(t.app, staffAccount.login, staffAccount.password);
    expect((await staff.inject({ method: 'GET', url: '/api/units/tree' })).statusCode).toBe(200);
    expect((await staff.inject({ method: 'GET', url: '/api/units' })).statusCode).toBe(403);
    expect((await staff.inject({ method: 'GET', url: `/api/units/${opd.unit.id}` })).statusCode).toBe(403);
    expect((await postUnit(staff, { code: 'X2', name: 'X', kind: 'seksi', parentId: opd.bidang.id })).statusCode).toBe(403);

    const pimpinanAccount = await createAccount(t.handle.db, t.clock, { username: 'bupati', roles: [{ role: 'pimpinan' }] });
    const pimpinan = await loginAs(t.app, pimpinanAccount.login, pimpinanAccount.password);
    expect((await pimpinan.inject({ method: 'GET', url: `/api/units/${opd.unit.id}` })).statusCode).toBe(200);
    expect((await pimpinan.inject({ method: 'PATCH', url: `/api/units/${opd.unit.id}`, payload: { name: 'X' } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/units/tree' })).statusCode).toBe(401);
  });

  it('documents the organisation routes in the OpenAPI document', async () => {
    const paths = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>().paths;
    for (const path of ['/api/units', '/api/units/tree', '/api/positions/{id}', '/api/employees/{id}/superior', '/api/assignments', '/api/superior-overrides/{id}/end', '/api/reference']) {
      expect(paths[path], path).toBeDefined();
    }
  });

  it('records every change in the audit trail with before and after', async () => {
    const created = (await postUnit(bkpsdm, { code: 'INSPEKTORAT', name: 'Inspektorat', kind: 'opd', parentId: null })).json<UnitBody>();
    const patch = await bkpsdm.inject({ method: 'PATCH', url: `/api/units/${created.id}`, payload: { name: 'Inspektorat Daerah' } });
    const response = await bkpsdm.inject({ method: 'GET', url: `/api/audit?entityType=unit&entityId=${created.id}` });
    const entries = response.json<{ items: { action: string; before: unknown; after: unknown; scopeUnitId: string; actorLabel: string; requestId: string }[] }>().items;
    expect(entries.map((entry) => entry.action)).toEqual(['update', 'create']);
    expect(entries[0]).toMatchObject({
      before: { name: 'Inspektorat', code: 'INSPEKTORAT' },
      after: { name: 'Inspektorat Daerah', code: 'INSPEKTORAT' },
      actorLabel: 'bkpsdm',
      requestId: patch.headers['x-request-id'],
    });
    expect(entries[1]).toMatchObject({ before: null, after: { name: 'Inspektorat' } });
    // The scope unit is what lets an admin OPD read the trail of their own subtree.
    const rows = await t.handle.db.select({ scopeUnitId: auditLog.scopeUnitId }).from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(rows.map((row) => row.scopeUnitId)).toEqual([created.id, created.id]);
  });

  it('writes nothing when a change is refused', async () => {
    const dinas = await createUnitFixture(t.handle.db, t.clock);
    const bidang = await createUnitFixture(t.handle.db, t.clock, { kind: 'bidang', parentId: dinas.id });
    await createEmployeeFixture(t.handle.db, t.clock, { unitId: bidang.id });
    const refused = await bkpsdm.inject({ method: 'PATCH', url: `/api/units/${dinas.id}`, payload: { name: 'Nama Baru', parentId: bidang.id } });
    expect(refused.statusCode).toBe(400);
    expect((await bkpsdm.inject({ method: 'GET', url: `/api/units/${dinas.id}` })).json<UnitBody>().name).toBe(dinas.name);
    const trail = (await bkpsdm.inject({ method: 'GET', url: `/api/audit?entityType=unit&entityId=${dinas.id}` })).json<{ items: unknown[] }>();
    expect(trail.items).toHaveLength(1);
  });
});
