import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PayDataHistoryView, PayDataImportResult, PayDataRecordView } from '../../src/contracts/tpp-pay-data';
import { auditLog, employeePayData } from '../../src/server/db/schema';
import { buildXlsx, csv, multipart, readXlsx } from '../fixtures/import/sheets';
import { createEmployeeFixture, createOpdFixture, type EmployeeFixture, type OpdFixture } from '../helpers/factories';
import { createTestApp, loginAs, type Session, type TestApp } from '../helpers/test-app';
import { createAccount } from '../helpers/factories';

const NOW = '2026-03-02T02:00:00Z';

const body = (employeeId: string, changes: Record<string, unknown> = {}) => ({
  employeeId,
  effectiveFrom: '2026-01-01',
  isCpns: false,
  baseSalary: 3_203_600,
  familyAllowance: 384_432,
  positionAllowance: 185_000,
  professionAllowance: 0,
  decreeNumber: null,
  note: null,
  ...changes,
});

describe('employee pay data (CPNS status, salary for the BPJS cap)', () => {
  let t: TestApp;
  let a: OpdFixture;
  let b: OpdFixture;
  let pppk: EmployeeFixture;
  let admin: Session;
  let adminA: Session;
  let adminB: Session;
  let pimpinan: Session;
  let staff: Session;

  const login = async (options: Parameters<typeof createAccount>[2]) => {
    const account = await createAccount(t.handle.db, t.clock, options);
    return loginAs(t.app, account.login, account.password);
  };
  const auditsOf = (entityId: string) => t.handle.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'tpp_pay_data'), eq(auditLog.entityId, entityId)));
  const upload = (session: Session, content: Buffer | string, fileName: string, dryRun: boolean) => {
    const form = multipart(content, fileName);
    return session.inject({ method: 'POST', url: `/api/tpp/pay-data/import?dryRun=${dryRun}`, payload: form.payload, headers: form.headers });
  };

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    a = await createOpdFixture(t.handle.db, t.clock);
    b = await createOpdFixture(t.handle.db, t.clock);
    pppk = await createEmployeeFixture(t.handle.db, t.clock, { jenisAsn: 'PPPK', unitId: a.bidang.id });
    admin = await login({ username: 'bkpsdm-gaji', roles: [{ role: 'admin_bkpsdm' }] });
    adminA = await login({ username: 'opd-a-gaji', roles: [{ role: 'admin_opd', unitId: a.unit.id }] });
    adminB = await login({ username: 'opd-b-gaji', roles: [{ role: 'admin_opd', unitId: b.unit.id }] });
    pimpinan = await login({ username: 'pimpinan-gaji', roles: [{ role: 'pimpinan' }] });
    staff = await login({ employeeId: a.staff.id });
  });
  afterAll(async () => t.close());

  it('an admin OPD records, corrects and removes pay data of their own employee, each change audited in scope', async () => {
    const created = await adminA.inject({ method: 'POST', url: '/api/tpp/pay-data', payload: body(a.staff.id, { isCpns: true, effectiveFrom: '2025-12-01', decreeNumber: '800/1/2025' }) });
    expect(created.statusCode, created.body).toBe(201);
    const record = created.json<PayDataRecordView>();
    expect(record).toMatchObject({ employeeId: a.staff.id, isCpns: true, effectiveFrom: '2025-12-01', bpjsIncome: 3_773_032, decreeNumber: '800/1/2025' });

    const updated = await adminA.inject({ method: 'PUT', url: `/api/tpp/pay-data/${record.id}`, payload: { ...body(a.staff.id, { isCpns: true, effectiveFrom: '2025-12-01', familyAllowance: 0 }), employeeId: undefined } });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json<PayDataRecordView>()).toMatchObject({ familyAllowance: 0, bpjsIncome: 3_388_600, decreeNumber: null });

    const history = await adminA.inject({ method: 'GET', url: `/api/tpp/pay-data/employees/${a.staff.id}` });
    expect(history.json<PayDataHistoryView>()).toMatchObject({ employee: { id: a.staff.id, nip: a.staff.nip, jenisAsn: 'PNS' }, items: [{ id: record.id }] });

    expect((await adminA.inject({ method: 'DELETE', url: `/api/tpp/pay-data/${record.id}` })).statusCode).toBe(200);
    expect(await t.handle.db.select().from(employeePayData).where(eq(employeePayData.id, record.id))).toEqual([]);
    const audits = await auditsOf(record.id);
    expect(audits.map((row) => row.action).sort()).toEqual(['create', 'delete', 'update']);
    expect(audits.every((row) => row.scopeUnitId === a.staff.unitId)).toBe(true);
    const update = audits.find((row) => row.action === 'update');
    expect(update?.before).toMatchObject({ familyAllowance: 384_432, decreeNumber: '800/1/2025' });
    expect(update?.after).toMatchObject({ familyAllowance: 0, decreeNumber: null });
  });

  it('refuses other OPDs’ employees (they do not exist for that admin) and callers who are not admins', async () => {
    const created = await admin.inject({ method: 'POST', url: '/api/tpp/pay-data', payload: body(a.bidangHead.id) });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json<PayDataRecordView>();
    expect((await adminB.inject({ method: 'POST', url: '/api/tpp/pay-data', payload: body(a.bidangHead.id, { effectiveFrom: '2026-02-01' }) })).statusCode).toBe(404);
    expect((await adminB.inject({ method: 'GET', url: `/api/tpp/pay-data/employees/${a.bidangHead.id}` })).statusCode).toBe(404);
    expect((await adminB.inject({ method: 'PUT', url: `/api/tpp/pay-data/${id}`, payload: { ...body(a.bidangHead.id, { baseSalary: 1 }), employeeId: undefined } })).statusCode).toBe(404);
    expect((await adminB.inject({ method: 'DELETE', url: `/api/tpp/pay-data/${id}` })).statusCode).toBe(404);
    for (const session of [pimpinan, staff]) {
      expect((await session.inject({ method: 'POST', url: '/api/tpp/pay-data', payload: body(a.bidangHead.id, { effectiveFrom: '2026-02-01' }) })).statusCode).toBe(403);
      expect((await session.inject({ method: 'GET', url: `/api/tpp/pay-data?date=2026-03-01` })).statusCode).toBe(403);
    }
    const [row] = await t.handle.db.select().from(employeePayData).where(eq(employeePayData.id, id));
    expect(row?.baseSalary).toBe(3_203_600);
  });

  it('rejects a CPNS PPPK, a second row on the same TMT and a missing salary, with the field named', async () => {
    const cpnsPppk = await adminA.inject({ method: 'POST', url: '/api/tpp/pay-data', payload: body(pppk.id, { isCpns: true }) });
    expect(cpnsPppk.statusCode).toBe(400);
    expect(cpnsPppk.json()).toMatchObject({ error: { details: [{ field: 'isCpns' }] } });
    expect((await adminA.inject({ method: 'POST', url: '/api/tpp/pay-data', payload: body(pppk.id) })).statusCode).toBe(201);
    const twice = await adminA.inject({ method: 'POST', url: '/api/tpp/pay-data', payload: body(pppk.id) });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ error: { code: 'CONFLICT', details: { field: 'effectiveFrom' } } });
    expect((await adminA.inject({ method: 'POST', url: '/api/tpp/pay-data', payload: body(pppk.id, { effectiveFrom: '2026-02-01', baseSalary: 0 }) })).statusCode).toBe(400);
    expect(await t.handle.db.select().from(employeePayData).where(eq(employeePayData.employeeId, pppk.id))).toHaveLength(1);
  });

  it('lists the employees in scope with the row in force on a date, and those still without one', async () => {
    await admin.inject({ method: 'POST', url: '/api/tpp/pay-data', payload: body(a.head.id, { effectiveFrom: '2024-01-01', baseSalary: 4_000_000 }) });
    await admin.inject({ method: 'POST', url: '/api/tpp/pay-data', payload: body(a.head.id, { effectiveFrom: '2026-04-01', baseSalary: 4_200_000 }) });
    type Page = { items: { id: string; current: PayDataRecordView | null }[]; total: number };
    const list = async (session: Session, query: string) => (await session.inject({ method: 'GET', url: `/api/tpp/pay-data?${query}` })).json<Page>();
    const march = await list(adminA, 'date=2026-03-31&pageSize=200');
    expect(march.items.find((item) => item.id === a.head.id)?.current?.baseSalary).toBe(4_000_000);
    expect((await list(adminA, 'date=2026-04-01&pageSize=200')).items.find((item) => item.id === a.head.id)?.current?.baseSalary).toBe(4_200_000);
    expect(march.items.some((item) => item.id === b.staff.id)).toBe(false);
    const missing = await list(adminA, 'date=2026-03-31&missingOnly=true&pageSize=200');
    expect(missing.items.map((item) => item.id)).toContain(a.staff.id);
    expect(missing.items.map((item) => item.id)).not.toContain(a.head.id);
    expect((await list(admin, `date=2026-03-31&search=${a.head.nip}`)).items.map((item) => item.id)).toEqual([a.head.id]);
    expect((await adminA.inject({ method: 'GET', url: `/api/tpp/pay-data?date=2026-03-31&unitId=${b.unit.id}` })).statusCode).toBe(403);
  });

  it('imports a sheet all or nothing: a dry run writes nothing, one bad row keeps every row out, a clean file is written once', async () => {
    const header = ['nip', 'tmt', 'cpns', 'gaji_pokok', 'tunjangan_keluarga', 'tunjangan_jabatan', 'tunjangan_profesi', 'nomor_sk', 'catatan', 'nama'];
    const good = [
      [a.staff.nip, '2025-12-01', 'ya', '2785700', '', '185000', '', '800/9/2025', '', 'Staf'],
      [a.staff.nip, '01/06/2026', 'tidak', '2785700', '0', '185000', '0', '800/10/2026', 'SK PNS', 'Staf'],
      [b.staff.nip, '2026-01-01', 'tidak', '3026400', '363168', '185000', '0', '', '', 'Staf B'],
    ];
    const bad = [...good, ['199001012015011999', '2026-01-01', 'tidak', '3000000', '', '', '', '', '', ''], [a.staff.nip, '2025-12-01', 'tidak', '1', '', '', '', '', '', ''], [b.head.nip, '2026-13-01', 'kadang', '-5', '', '', '', '', '', '']];

    const rejected = (await upload(admin, await buildXlsx([header, ...bad]), 'gaji.xlsx', false)).json<PayDataImportResult>();
    expect(rejected).toMatchObject({ isCommitted: false, totalRows: 6, validRows: 3 });
    expect(rejected.errors.map((error) => [error.row, error.column])).toEqual(
      expect.arrayContaining([
        [5, 'nip'],
        [6, 'tmt'],
        [7, 'tmt'],
        [7, 'cpns'],
      ]),
    );
    expect(await t.handle.db.select().from(employeePayData).where(eq(employeePayData.employeeId, b.staff.id))).toEqual([]);

    const dry = (await upload(admin, csv([header, ...good]), 'gaji.csv', true)).json<PayDataImportResult>();
    expect(dry).toMatchObject({ isCommitted: false, created: 3, updated: 0, errors: [] });
    expect(await t.handle.db.select().from(employeePayData).where(eq(employeePayData.employeeId, b.staff.id))).toEqual([]);

    // An admin OPD may only import their own employees.
    const outside = (await upload(adminA, csv([header, ...good]), 'gaji.csv', false)).json<PayDataImportResult>();
    expect(outside).toMatchObject({ isCommitted: false, errors: [{ row: 4, message: 'Pegawai tidak ditemukan' }] });

    const committed = (await upload(admin, csv([header, ...good]), 'gaji.csv', false)).json<PayDataImportResult>();
    expect(committed).toMatchObject({ isCommitted: true, created: 3, updated: 0, errors: [] });
    const history = (await admin.inject({ method: 'GET', url: `/api/tpp/pay-data/employees/${a.staff.id}` })).json<PayDataHistoryView>();
    expect(history.items.map((item) => [item.effectiveFrom, item.isCpns, item.decreeNumber])).toEqual([
      ['2026-06-01', false, '800/10/2026'],
      ['2025-12-01', true, '800/9/2025'],
    ]);
    const again = (await upload(admin, csv([header, ...good]), 'gaji.csv', false)).json<PayDataImportResult>();
    expect(again).toMatchObject({ isCommitted: true, created: 0, updated: 0 });
    const imports = await t.handle.db.select().from(auditLog).where(eq(auditLog.entityType, 'import:tpp_pay_data'));
    expect(imports).toHaveLength(2);
  });

  it('hands out an import template whose first sheet has the columns the importer reads', async () => {
    const response = await adminA.inject({ method: 'GET', url: '/api/tpp/pay-data/template.xlsx' });
    expect(response.statusCode).toBe(200);
    const [header] = await readXlsx(response.rawPayload);
    expect(header).toEqual(['nip', 'tmt', 'cpns', 'gaji_pokok', 'tunjangan_keluarga', 'tunjangan_jabatan', 'tunjangan_profesi', 'nomor_sk', 'catatan', 'nama']);
  });
});
