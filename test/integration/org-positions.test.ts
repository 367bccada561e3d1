import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccount, createEmployeeFixture, createOpdFixture, createPositionFixture, createUnitFixture } from '../helpers/factories';
import { createTestApp, loginAs, type Session, type TestApp } from '../helpers/test-app';

interface PositionBody {
  id: string;
  code: string;
  name: string;
  unitName: string;
  superiorPositionId: string | null;
  superiorPositionName: string | null;
  isUnitHead: boolean;
  isActive: boolean;
  kelasJabatan: number;
  holders: { employeeId: string; kind: string; fullName: string }[];
}
type PositionPage = { items: PositionBody[]; total: number };

describe('positions API', () => {
  let t: TestApp;
  let bkpsdm: Session;

  beforeEach(async () => {
    t = await createTestApp();
    const account = await createAccount(t.handle.db, t.clock, { username: 'bkpsdm', roles: [{ role: 'admin_bkpsdm' }] });
    bkpsdm = await loginAs(t.app, account.login, account.password);
  });
  afterEach(async () => t.close());

  const postPosition = (session: Session, payload: Record<string, unknown>) => session.inject({ method: 'POST', url: '/api/positions', payload });

  it('creates and edits positions with their superior, and lists them with today’s holders', async () => {
    const unit = await createUnitFixture(t.handle.db, t.clock, { name: 'Dinas Kominfo' });
    const head = await postPosition(bkpsdm, { code: 'KOMINFO-KADIS', name: 'Kepala Dinas Kominfo', jenis: 'jpt_pratama', kelasJabatan: 14, unitId: unit.id, superiorPositionId: null, isUnitHead: true });
    expect(head.statusCode).toBe(201);
    const headBody = head.json<PositionBody>();
    expect(headBody).toMatchObject({ unitName: 'Dinas Kominfo', isUnitHead: true, holders: [], superiorPositionName: null });

    const analyst = await postPosition(bkpsdm, { code: 'KOMINFO-ANALIS', name: 'Analis Data', jenis: 'pelaksana', kelasJabatan: '8', unitId: unit.id, superiorPositionId: headBody.id });
    expect(analyst.statusCode).toBe(201);
    const analystBody = analyst.json<PositionBody>();
    expect(analystBody).toMatchObject({ kelasJabatan: 8, isUnitHead: false, superiorPositionName: 'Kepala Dinas Kominfo' });

    const holder = await createEmployeeFixture(t.handle.db, t.clock, { positionId: headBody.id, name: 'Rina Wulandari', gelarBelakang: 'S.Kom.' });
    const fetched = (await bkpsdm.inject({ method: 'GET', url: `/api/positions/${headBody.id}` })).json<PositionBody>();
    expect(fetched.holders).toEqual([expect.objectContaining({ employeeId: holder.id, kind: 'definitif', fullName: 'Rina Wulandari, S.Kom.' })]);

    const vacant = (await bkpsdm.inject({ method: 'GET', url: '/api/positions?isVacant=true' })).json<PositionPage>();
    expect(vacant.items.map((position) => position.code)).toEqual(['KOMINFO-ANALIS']);
    const filled = (await bkpsdm.inject({ method: 'GET', url: '/api/positions?isVacant=false' })).json<PositionPage>();
    expect(filled.items.map((position) => position.code)).toEqual(['KOMINFO-KADIS']);
    const searched = (await bkpsdm.inject({ method: 'GET', url: '/api/positions?q=analis&jenis=pelaksana' })).json<PositionPage>();
    expect(searched.total).toBe(1);
    const paged = (await bkpsdm.inject({ method: 'GET', url: `/api/positions?unitId=${unit.id}&pageSize=1&page=2` })).json<PositionPage>();
    expect(paged).toMatchObject({ total: 2, items: [expect.objectContaining({ code: 'KOMINFO-KADIS' })] });

    const patched = await bkpsdm.inject({ method: 'PATCH', url: `/api/positions/${headBody.id}`, payload: { kelasJabatan: 15 } });
    expect(patched.statusCode).toBe(200);
    // Omitted fields keep their value (isUnitHead must not fall back to the create default).
    expect(patched.json<PositionBody>()).toMatchObject({ kelasJabatan: 15, isUnitHead: true, name: 'Kepala Dinas Kominfo' });
  });

  it('filters by unit including sub-units', async () => {
    const opd = await createOpdFixture(t.handle.db, t.clock);
    const own = (await bkpsdm.inject({ method: 'GET', url: `/api/positions?unitId=${opd.unit.id}` })).json<PositionPage>();
    expect(own.total).toBe(1);
    const withSubunits = (await bkpsdm.inject({ method: 'GET', url: `/api/positions?unitId=${opd.unit.id}&includeSubunits=true` })).json<PositionPage>();
    expect(withSubunits.total).toBe(3);
  });

  it('refuses a superior position inside its own subtree, or one that does not exist', async () => {
    const opd = await createOpdFixture(t.handle.db, t.clock);
    for (const superiorPositionId of [opd.staffPosition.id, opd.bidangHeadPosition.id, opd.headPosition.id]) {
      const response = await bkpsdm.inject({ method: 'PATCH', url: `/api/positions/${opd.headPosition.id}`, payload: { superiorPositionId } });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toContain('membentuk lingkaran');
    }
    const missing = await bkpsdm.inject({ method: 'PATCH', url: `/api/positions/${opd.staffPosition.id}`, payload: { superiorPositionId: '00000000-0000-4000-8000-000000000000' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toBe('Jabatan atasan tidak ditemukan');
    const unchanged = (await bkpsdm.inject({ method: 'GET', url: `/api/positions/${opd.headPosition.id}` })).json<PositionBody>();
    expect(unchanged.superiorPositionId).toBeNull();
  });

  it('refuses bad input: kelas jabatan out of range, duplicate code, a second unit head', async () => {
    const unit = await createUnitFixture(t.handle.db, t.clock);
    const base = { name: 'Jabatan', jenis: 'pelaksana', unitId: unit.id, superiorPositionId: null };
    const outOfRange = await postPosition(bkpsdm, { ...base, code: 'J-18', kelasJabatan: 18 });
    expect(outOfRange.statusCode).toBe(400);
    expect(JSON.stringify(outOfRange.json().error.details)).toContain('Kelas jabatan 1–17');
    await createPositionFixture(t.handle.db, t.clock, { unitId: unit.id, code: 'J-1', isUnitHead: true, jenis: 'administrator' });
    const duplicate = await postPosition(bkpsdm, { ...base, code: 'J-1', kelasJabatan: 5 });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.message).toContain('Kode jabatan J-1 sudah dipakai');
    const secondHead = await postPosition(bkpsdm, { ...base, code: 'J-2', kelasJabatan: 5, isUnitHead: true });
    expect(secondHead.statusCode).toBe(409);
    expect(secondHead.json().error.message).toContain('sudah memiliki jabatan kepala unit');
  });

  it('deactivates a position only when nobody holds it and nothing reports to it', async () => {
    const opd = await createOpdFixture(t.handle.db, t.clock);
    const held = await bkpsdm.inject({ method: 'POST', url: `/api/positions/${opd.staffPosition.id}/deactivate` });
    expect(held.statusCode).toBe(409);
    expect(held.json().error.message).toContain('masih memiliki pemangku');
    const spare = await createPositionFixture(t.handle.db, t.clock, { unitId: opd.bidang.id, superiorPositionId: opd.bidangHeadPosition.id });
    const done = await bkpsdm.inject({ method: 'POST', url: `/api/positions/${spare.id}/deactivate` });
    expect(done.statusCode).toBe(200);
    expect(done.json<PositionBody>().isActive).toBe(false);
    const list = (await bkpsdm.inject({ method: 'GET', url: `/api/positions?unitId=${opd.bidang.id}` })).json<PositionPage>();
    expect(list.items.map((position) => position.id)).not.toContain(spare.id);
    expect((await bkpsdm.inject({ method: 'POST', url: `/api/positions/${spare.id}/activate` })).json<PositionBody>().isActive).toBe(true);
  });

  it('keeps an admin OPD to the positions of their own units', async () => {
    const own = await createOpdFixture(t.handle.db, t.clock);
    const other = await createOpdFixture(t.handle.db, t.clock);
    const account = await createAccount(t.handle.db, t.clock, { username: 'admin-opd', roles: [{ role: 'admin_opd', unitId: own.unit.id }] });
    const admin = await loginAs(t.app, account.login, account.password);

    const list = (await admin.inject({ method: 'GET', url: '/api/positions' })).json<PositionPage>();
    expect(list.total).toBe(3);
    expect((await admin.inject({ method: 'GET', url: `/api/positions/${other.staffPosition.id}` })).statusCode).toBe(404);
    expect((await admin.inject({ method: 'PATCH', url: `/api/positions/${other.staffPosition.id}`, payload: { name: 'X' } })).statusCode).toBe(403);

    const base = { name: 'Pengelola Arsip', jenis: 'pelaksana', kelasJabatan: 6 };
    const inOther = await postPosition(admin, { ...base, code: 'ARSIP-1', unitId: other.bidang.id, superiorPositionId: other.bidangHeadPosition.id });
    expect(inOther.statusCode).toBe(403);
    const reportingOutside = await postPosition(admin, { ...base, code: 'ARSIP-2', unitId: own.bidang.id, superiorPositionId: other.bidangHeadPosition.id });
    expect(reportingOutside.statusCode).toBe(403);
    expect(reportingOutside.json().error.message).toContain('hanya dapat diatur oleh admin BKPSDM');
    const created = await postPosition(admin, { ...base, code: 'ARSIP-3', unitId: own.bidang.id, superiorPositionId: own.bidangHeadPosition.id });
    expect(created.statusCode).toBe(201);

    const staffAccount = await createAccount(t.handle.db, t.clock, { employeeId: own.staff.id });
    const staff = await loginAs(t.app, staffAccount.login, staffAccount.password);
    expect((await staff.inject({ method: 'GET', url: '/api/positions' })).statusCode).toBe(403);
  });
});
