import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignments, auditLog, employees, positions, units } from '../../src/server/db/schema';
import { findDirectSuperior } from '../../src/server/modules/org/superiors.service';
import { loginAs, createTestApp, type Session, type TestApp } from '../helpers/test-app';
import { ADMIN_PASSWORD, createAdmin, employeeRows, loginBkpsdm, positionRows, unitRows, upload } from '../fixtures/import/regency';
import { buildXlsx, csv, readXlsx } from '../fixtures/import/sheets';

interface ImportResultBody {
  entity: string;
  dryRun: boolean;
  totalRows: number;
  validRows: number;
  created: number;
  updated: number;
  errors: { row: number; column: string | null; message: string }[];
  isCommitted: boolean;
}

describe('import of org master data', () => {
  let t: TestApp;
  let admin: Session;
  beforeEach(async () => {
    t = await createTestApp();
    admin = await loginBkpsdm(t.app, t.handle.db, t.clock);
  });
  afterEach(async () => t.close());

  const countRows = async (table: typeof units | typeof positions | typeof employees | typeof assignments) =>
    (await t.handle.db.select({ value: count() }).from(table))[0]?.value ?? 0;

  async function importAll() {
    const results: ImportResultBody[] = [];
    for (const [entity, body, fileName] of [
      ['units', await buildXlsx(unitRows), 'unit.xlsx'],
      // Indonesian Excel saves csv with `;` and a BOM.
      ['positions', '\uFEFF' + csv(positionRows, ';'), 'jabatan.csv'],
      ['employees', await buildXlsx(employeeRows), 'pegawai.xlsx'],
    ] as const) {
      const response = await upload(admin, entity, body, { fileName, dryRun: false });
      expect(response.statusCode, response.body).toBe(200);
      results.push(response.json<ImportResultBody>());
    }
    return results;
  }

  it('imports units, positions and employees from xlsx and csv, in dependency order', async () => {
    const [unitResult, positionResult, employeeResult] = await importAll();
    expect(unitResult).toEqual({ entity: 'units', dryRun: false, totalRows: 4, validRows: 4, created: 4, updated: 0, errors: [], isCommitted: true });
    expect(positionResult).toMatchObject({ totalRows: 5, created: 5, errors: [], isCommitted: true });
    expect(employeeResult).toMatchObject({ totalRows: 4, created: 4, errors: [], isCommitted: true });

    const db = t.handle.db;
    const [dinkes] = await db.select().from(units).where(eq(units.code, 'DINKES'));
    const [sekretariat] = await db.select().from(units).where(eq(units.code, 'DINKES.SEK'));
    expect(sekretariat?.parentId).toBe(dinkes?.id);
    expect(dinkes?.siasnCode).toBe('A5EB03E2');
    const [kasubag] = await db.select().from(positions).where(eq(positions.code, 'DINKES.KASUBAG'));
    const [sekdin] = await db.select().from(positions).where(eq(positions.code, 'DINKES.SEKDIN'));
    expect(kasubag?.superiorPositionId).toBe(sekdin?.id);
    const [kadis] = await db.select().from(positions).where(eq(positions.code, 'DINKES.KADIS'));
    expect(kadis?.jenis).toBe('jpt_pratama');

    const [siti] = await db.select().from(employees).where(eq(employees.nip, '198609262015052002'));
    expect(siti).toMatchObject({ gender: 'P', birthDate: '1986-09-26', golongan: 'III/d', status: 'aktif', gelarBelakang: 'S.E.' });
    const [andi] = await db.select().from(employees).where(eq(employees.nip, '199001012019031003'));
    const [andiAssignment] = await db.select().from(assignments).where(eq(assignments.employeeId, andi?.id ?? ''));
    expect(andiAssignment).toMatchObject({ kind: 'definitif', startDate: '2019-03-01', positionId: expect.any(String) });
    // The Kasubag seat is vacant, so Andi reports to the Sekretaris (Siti).
    const superior = await findDirectSuperior(db, andi?.id ?? '', '2026-03-02');
    expect(superior.superior?.employeeId).toBe(siti?.id);

    const entries = await db.select().from(auditLog).where(eq(auditLog.action, 'import'));
    expect(entries.map((entry) => entry.entityType).sort()).toEqual(['import:employees', 'import:positions', 'import:units']);
    expect(entries.find((entry) => entry.entityType === 'import:employees')?.after).toMatchObject({ created: 4, updated: 0, totalRows: 4 });
  });

  it('dry run reports what would happen and writes nothing', async () => {
    const response = await upload(admin, 'units', await buildXlsx(unitRows), { dryRun: true });
    expect(response.json()).toMatchObject({ dryRun: true, created: 4, validRows: 4, errors: [], isCommitted: false });
    // Without the parameter an upload is a dry run too.
    const implicit = await upload(admin, 'units', await buildXlsx(unitRows));
    expect(implicit.json()).toMatchObject({ dryRun: true, created: 4, isCommitted: false });
    expect(await countRows(units)).toBe(0);
    expect(await t.handle.db.select().from(auditLog).where(eq(auditLog.entityType, 'unit'))).toEqual([]);
    expect(await t.handle.db.select().from(auditLog).where(eq(auditLog.action, 'import'))).toEqual([]);
  });

  it('updates rows whose key exists and leaves unchanged rows alone', async () => {
    await importAll();
    const changed = employeeRows.map((row) => [...row]);
    changed[3]![2] = 'Andi Wijaya Kusuma';
    const response = await upload(admin, 'employees', await buildXlsx(changed), { dryRun: false });
    expect(response.json()).toMatchObject({ created: 0, updated: 1, validRows: 4, errors: [], isCommitted: true });
    const [andi] = await t.handle.db.select().from(employees).where(eq(employees.nip, '199001012019031003'));
    expect(andi?.name).toBe('Andi Wijaya Kusuma');
    expect(await countRows(assignments)).toBe(4);
  });

  it('moves an employee to a new definitif position, ending the previous one the day before', async () => {
    await importAll();
    const moved = [employeeRows[0]!, ['199001012019031003', 'PNS', 'Andi Wijaya', '', '', 'III/a', 'aktif', 'DINKES.SEK', 'DINKES.KASUBAG', 'definitif', '2026-03-01', '', '']];
    const response = await upload(admin, 'employees', csv(moved), { fileName: 'mutasi.csv', dryRun: false });
    expect(response.json()).toMatchObject({ updated: 1, errors: [], isCommitted: true });
    const [andi] = await t.handle.db.select().from(employees).where(eq(employees.nip, '199001012019031003'));
    const history = await t.handle.db.select().from(assignments).where(eq(assignments.employeeId, andi?.id ?? ''));
    expect(history.map((row) => [row.startDate, row.endDate]).sort()).toEqual([
      ['2019-03-01', '2026-02-28'],
      ['2026-03-01', null],
    ]);
  });

  it('rejects a file with wrong columns as a whole, naming them at row 1', async () => {
    const rows = [['kode', 'Nama Unit', 'jenis', 'warna'], ['X1', 'Unit X', 'opd', 'merah']];
    const response = await upload(admin, 'units', csv(rows), { fileName: 'unit.csv', dryRun: false });
    const body = response.json<ImportResultBody>();
    expect(body.isCommitted).toBe(false);
    expect(body.validRows).toBe(0);
    expect(body.errors.every((error) => error.row === 1)).toBe(true);
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ column: 'Nama Unit', message: expect.stringContaining('tidak dikenal') }),
        expect.objectContaining({ column: 'warna', message: expect.stringContaining('tidak dikenal') }),
        expect.objectContaining({ column: 'nama', message: expect.stringContaining('wajib') }),
      ]),
    );
    expect(await countRows(units)).toBe(0);
  });

  it('accepts headers in any case and spacing', async () => {
    const rows = [['KODE', ' Nama ', 'Jenis', 'Kode Induk'], ['X1', 'Unit X', 'OPD', '']];
    const response = await upload(admin, 'units', csv(rows), { fileName: 'unit.csv', dryRun: false });
    expect(response.json()).toMatchObject({ created: 1, errors: [], isCommitted: true });
  });

  it('refuses content that is neither xlsx nor csv, whatever the file name', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const response = await upload(admin, 'units', png, { fileName: 'unit.xlsx', dryRun: true });
    expect(response.statusCode).toBe(415);
    expect(response.json().error).toMatchObject({ code: 'UNSUPPORTED_FILE', message: 'Berkas bukan xlsx atau csv yang valid' });
    // A zip that is not a workbook is refused the same way.
    const zip = Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(64)]);
    expect((await upload(admin, 'units', zip, { dryRun: true })).json().error.code).toBe('UNSUPPORTED_FILE');
  });

  it('requires a file in the field "file"', async () => {
    const response = await admin.inject({ method: 'POST', url: '/api/import/units', payload: { file: 'x' } });
    expect(response.statusCode).toBe(400);
  });

  it('lets only import roles upload', async () => {
    await createAdmin(t.handle.db, t.clock, 'pimpinan', [{ role: 'pimpinan', unitId: null }]);
    const leader = await loginAs(t.app, 'pimpinan', ADMIN_PASSWORD);
    const response = await upload(leader, 'units', await buildXlsx(unitRows), { dryRun: true });
    expect(response.statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/import/units' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('serves an xlsx template with the import headers and an example row', async () => {
    const response = await admin.inject({ method: 'GET', url: '/api/import/templates/employees.xlsx' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toBe('attachment; filename="templat-impor-pegawai.xlsx"');
    const [header, example, extra] = await readXlsx(response.rawPayload);
    expect(header).toEqual(employeeRows[0]);
    expect(example?.[0]).toMatch(/^\d{18}$/);
    expect(extra).toBeUndefined();
    const unknown = await admin.inject({ method: 'GET', url: '/api/import/templates/gaji.xlsx' });
    expect(unknown.statusCode).toBe(400);
  });
});

describe('upload size limit', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ env: { UPLOAD_MAX_MB: '0.01' } });
  });
  afterEach(async () => t.close());

  it('answers 413 with an Indonesian message for a file over the limit', async () => {
    const admin = await loginBkpsdm(t.app, t.handle.db, t.clock);
    const rows = [['kode', 'nama', 'jenis'], ...Array.from({ length: 600 }, (_, index) => [`U${index}`, `Unit nomor ${index}`, 'opd'])];
    const response = await upload(admin, 'units', csv(rows), { fileName: 'besar.csv', dryRun: false });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('Berkas melebihi batas') });
    expect((await t.handle.db.select({ value: count() }).from(units))[0]?.value).toBe(0);
  });
});
