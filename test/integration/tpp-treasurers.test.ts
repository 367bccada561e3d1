import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TppTreasurerView } from '../../src/contracts/tpp-records';
import { auditLog, tppTreasurers } from '../../src/server/db/schema';
import { findPayrollSigners } from '../../src/server/modules/tpp/exports/payroll-signers';
import { createOpdFixture, type OpdFixture } from '../helpers/factories';
import type { Session, TestApp } from '../helpers/test-app';
import { createTppTestApp, loginNew } from './tpp-test-setup';

/** Treasurers who sign a unit's payment list: recorded per unit from a decree, one at a time, the nearest unit's in office at the month's end. */
describe('TPP treasurers (bendahara pengeluaran and pembantu)', () => {
  let t: TestApp;
  let opd: OpdFixture;
  let other: OpdFixture;
  let admin: Session;
  let adminOpd: Session;
  const errorOf = (response: { json<T>(): T }) => response.json<{ error: { code: string; message: string; details?: { field?: string } } }>().error;

  beforeAll(async () => {
    t = await createTppTestApp('2026-05-04T02:00:00Z');
    opd = await createOpdFixture(t.handle.db, t.clock);
    other = await createOpdFixture(t.handle.db, t.clock);
    admin = await loginNew(t, { username: 'bkpsdm-bendahara', roles: [{ role: 'admin_bkpsdm' }] });
    adminOpd = await loginNew(t, { username: 'opd-bendahara', roles: [{ role: 'admin_opd', unitId: opd.unit.id }] });
  });
  afterAll(async () => {
    await t?.close();
  });

  const body = (changes: Partial<{ unitId: string; employeeId: string; decreeNumber: string; startDate: string; endDate: string | null }> = {}) => ({
    unitId: opd.unit.id,
    employeeId: opd.staff.id,
    decreeNumber: '821.2/3/BPKAD/2026',
    startDate: '2026-01-02',
    endDate: null,
    ...changes,
  });
  const countRows = async () => (await t.handle.db.select().from(tppTreasurers)).length;

  it('records the OPD’s treasurer: listed as its Bendahara Pengeluaran, in office today, in the audit trail of the unit', async () => {
    const response = await adminOpd.inject({ method: 'POST', url: '/api/tpp/treasurers', payload: body() });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json<TppTreasurerView>();
    expect(created).toMatchObject({ unitId: opd.unit.id, kind: 'pengeluaran', employeeId: opd.staff.id, nip: opd.staff.nip, name: opd.staff.name, isInOffice: true, endDate: null });
    const list = (await adminOpd.inject({ method: 'GET', url: `/api/tpp/treasurers?unitId=${opd.unit.id}` })).json<{ items: TppTreasurerView[] }>();
    expect(list.items.map((item) => item.id)).toEqual([created.id]);
    const [audit] = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'tpp_treasurer'), eq(auditLog.entityId, created.id)));
    expect(audit).toMatchObject({ action: 'create', scopeUnitId: opd.unit.id, after: { decreeNumber: '821.2/3/BPKAD/2026', startDate: '2026-01-02', endDate: null } });
  });

  it('refuses a second treasurer of the unit for the same days, an employee of another OPD, and dates the wrong way round; nothing is written', async () => {
    const before = await countRows();
    const overlapping = await adminOpd.inject({ method: 'POST', url: '/api/tpp/treasurers', payload: body({ employeeId: opd.bidangHead.id, decreeNumber: '821.2/9/BPKAD/2026', startDate: '2026-04-01' }) });
    expect(overlapping.statusCode).toBe(409);
    expect(errorOf(overlapping).message).toBe(
      `Bendahara Pengeluaran ${opd.unit.name} sudah tercatat sejak 2 Januari 2026 sampai sekarang (SK 821.2/3/BPKAD/2026); akhiri dulu penugasan itu`,
    );
    const outsider = await admin.inject({ method: 'POST', url: '/api/tpp/treasurers', payload: body({ employeeId: other.staff.id, startDate: '2030-01-01' }) });
    expect(outsider.statusCode).toBe(400);
    expect(errorOf(outsider)).toMatchObject({ message: `Bendahara harus pegawai ${opd.unit.name}`, details: { field: 'employeeId' } });
    const backwards = await admin.inject({ method: 'POST', url: '/api/tpp/treasurers', payload: body({ startDate: '2030-02-01', endDate: '2030-01-31' }) });
    expect(backwards.statusCode).toBe(400);
    expect(JSON.stringify(errorOf(backwards))).toContain('Tanggal selesai tidak boleh sebelum tanggal mulai');
    const noDecree = await admin.inject({ method: 'POST', url: '/api/tpp/treasurers', payload: body({ decreeNumber: '  ', startDate: '2030-01-01' }) });
    expect(noDecree.statusCode).toBe(400);
    expect(JSON.stringify(errorOf(noDecree))).toContain('Nomor SK wajib diisi');
    expect(await countRows()).toBe(before);
  });

  it('hands over at a month’s end: March is signed by the one who left, April by the successor; the ended one is listed only when asked', async () => {
    const [first] = (await adminOpd.inject({ method: 'GET', url: `/api/tpp/treasurers?unitId=${opd.unit.id}` })).json<{ items: TppTreasurerView[] }>().items;
    if (!first) throw new Error('no treasurer recorded');
    const ended = await adminOpd.inject({ method: 'PUT', url: `/api/tpp/treasurers/${first.id}`, payload: body({ endDate: '2026-03-31' }) });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json<TppTreasurerView>()).toMatchObject({ endDate: '2026-03-31', isInOffice: false });
    const successor = await adminOpd.inject({ method: 'POST', url: '/api/tpp/treasurers', payload: body({ employeeId: opd.bidangHead.id, decreeNumber: '821.2/9/BPKAD/2026', startDate: '2026-04-01' }) });
    expect(successor.statusCode, successor.body).toBe(201);

    expect((await findPayrollSigners(t.handle.db, opd.unit.id, '2026-03', '2026-04-02')).treasurer).toEqual({ title: 'Bendahara Pengeluaran', name: opd.staff.name, nip: opd.staff.nip });
    expect((await findPayrollSigners(t.handle.db, opd.unit.id, '2026-04', '2026-05-02')).treasurer).toEqual({ title: 'Bendahara Pengeluaran', name: opd.bidangHead.name, nip: opd.bidangHead.nip });
    // Before the first decree nobody is recorded: the line is left for a handwritten name.
    expect((await findPayrollSigners(t.handle.db, opd.unit.id, '2025-12', '2026-01-02')).treasurer).toBeNull();

    const current = (await adminOpd.inject({ method: 'GET', url: `/api/tpp/treasurers?unitId=${opd.unit.id}` })).json<{ items: TppTreasurerView[] }>();
    expect(current.items.map((item) => item.nip)).toEqual([opd.bidangHead.nip]);
    const all = (await adminOpd.inject({ method: 'GET', url: `/api/tpp/treasurers?unitId=${opd.unit.id}&includeEnded=true` })).json<{ items: TppTreasurerView[] }>();
    expect(all.items.map((item) => item.nip)).toEqual([opd.staff.nip, opd.bidangHead.nip]);
    const [audit] = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'tpp_treasurer'), eq(auditLog.entityId, first.id), eq(auditLog.action, 'update')));
    expect(audit).toMatchObject({ before: { endDate: null }, after: { endDate: '2026-03-31' } });
  });

  it('a unit below the OPD with its own assistant treasurer signs with them; the OPD and its other units keep the OPD’s', async () => {
    const recorded = await adminOpd.inject({ method: 'POST', url: '/api/tpp/treasurers', payload: body({ unitId: opd.bidang.id, employeeId: opd.staff.id, decreeNumber: '821.2/10/BPKAD/2026', startDate: '2026-04-01' }) });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json<TppTreasurerView>()).toMatchObject({ kind: 'pengeluaran_pembantu', unitName: opd.bidang.name });
    expect((await findPayrollSigners(t.handle.db, opd.bidang.id, '2026-04', '2026-05-02')).treasurer).toEqual({ title: 'Bendahara Pengeluaran Pembantu', name: opd.staff.name, nip: opd.staff.nip });
    expect((await findPayrollSigners(t.handle.db, opd.unit.id, '2026-04', '2026-05-02')).treasurer?.nip).toBe(opd.bidangHead.nip);
    // In March the bidang had no assistant treasurer yet: the OPD's treasurer of March signs.
    expect((await findPayrollSigners(t.handle.db, opd.bidang.id, '2026-03', '2026-04-02')).treasurer?.nip).toBe(opd.staff.nip);

    const removed = await admin.inject({ method: 'DELETE', url: `/api/tpp/treasurers/${recorded.json<TppTreasurerView>().id}` });
    expect(removed.statusCode).toBe(200);
    expect((await findPayrollSigners(t.handle.db, opd.bidang.id, '2026-04', '2026-05-02')).treasurer?.nip).toBe(opd.bidangHead.nip);
    const [audit] = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'tpp_treasurer'), eq(auditLog.action, 'delete')));
    expect(audit).toMatchObject({ scopeUnitId: opd.bidang.id, before: { decreeNumber: '821.2/10/BPKAD/2026' } });
  });
});
