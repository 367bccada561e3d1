import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { units } from '../../src/server/db/schema';
import { importColumns } from '../../src/server/modules/org/import/import-columns';
import { createTestApp, loginAs, type Session, type TestApp } from '../helpers/test-app';
import { ADMIN_PASSWORD, createAdmin, employeeRows, loginBkpsdm, positionRows, unitRows, upload } from '../fixtures/import/regency';
import { buildXlsx, readXlsx } from '../fixtures/import/sheets';

const entities = ['units', 'positions', 'employees'] as const;

describe('export of org master data', () => {
  let t: TestApp;
  let admin: Session;
  beforeEach(async () => {
    t = await createTestApp();
    admin = await loginBkpsdm(t.app, t.handle.db, t.clock);
    for (const [entity, rows] of [['units', unitRows], ['positions', positionRows], ['employees', employeeRows]] as const) {
      const response = await upload(admin, entity, await buildXlsx(rows), { dryRun: false });
      expect(response.json().isCommitted, response.body).toBe(true);
    }
  });
  afterEach(async () => t.close());

  async function exportSheet(session: Session, entity: string) {
    const response = await session.inject({ method: 'GET', url: `/api/export/${entity}.xlsx` });
    expect(response.statusCode, response.body).toBe(200);
    return { response, rows: await readXlsx(response.rawPayload) };
  }

  it('writes the import columns, a dated file name, and employees with position and superior', async () => {
    const { response, rows } = await exportSheet(admin, 'employees');
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toBe('attachment; filename="ekspor-pegawai-2026-03-02.xlsx"');
    const [header, ...data] = rows;
    expect(header).toEqual(importColumns.employees.map((column) => column.name));
    expect(data).toHaveLength(4);
    const column = (name: string) => header?.indexOf(name) ?? -1;
    const andi = data.find((row) => row[column('nip')] === '199001012019031003');
    expect(andi?.[column('kode_jabatan')]).toBe('DINKES.STAF');
    expect(andi?.[column('tmt_jabatan')]).toBe('2019-03-01');
    expect(andi?.[column('jenis_penugasan')]).toBe('definitif');
    expect(andi?.[column('nama_atasan')]).toBe('Siti Aminah, S.E.');
    const siti = data.find((row) => row[column('nip')] === '198609262015052002');
    expect(siti?.[column('nama_atasan')]).toBe('dr. Budi Santoso, M.Kes.');
    expect(siti?.[column('golongan')]).toBe('III/d');
  });

  it('round trip: re-importing an export changes nothing; an edited cell becomes one update', async () => {
    for (const entity of entities) {
      const { response } = await exportSheet(admin, entity);
      const again = await upload(admin, entity, response.rawPayload, { dryRun: false });
      expect(again.json(), entity).toMatchObject({ created: 0, updated: 0, errors: [], isCommitted: true });
    }
    const { rows } = await exportSheet(admin, 'units');
    const nameColumn = rows[0]?.indexOf('nama') ?? -1;
    const edited = rows.map((row) => (row[0] === 'DISDIK' ? row.map((cell, index) => (index === nameColumn ? 'Dinas Pendidikan dan Kebudayaan' : cell)) : row));
    const body = (await upload(admin, 'units', await buildXlsx(edited), { dryRun: false })).json();
    expect(body).toMatchObject({ created: 0, updated: 1, validRows: 4, errors: [], isCommitted: true });
    const [disdik] = await t.handle.db.select().from(units).where(eq(units.code, 'DISDIK'));
    expect(disdik?.name).toBe('Dinas Pendidikan dan Kebudayaan');
  });

  it('gives an admin OPD only their subtree, and readers the whole regency', async () => {
    const [dinkes] = await t.handle.db.select().from(units).where(eq(units.code, 'DINKES'));
    await createAdmin(t.handle.db, t.clock, 'admin.dinkes', [{ role: 'admin_opd', unitId: dinkes?.id ?? null }]);
    await createAdmin(t.handle.db, t.clock, 'auditor', [{ role: 'auditor', unitId: null }]);
    const opdAdmin = await loginAs(t.app, 'admin.dinkes', ADMIN_PASSWORD);
    const auditor = await loginAs(t.app, 'auditor', ADMIN_PASSWORD);

    const opdUnits = (await exportSheet(opdAdmin, 'units')).rows.slice(1).map((row) => row[0]);
    expect(opdUnits).toEqual(['DINKES', 'DINKES.SEK']);
    const opdPositions = (await exportSheet(opdAdmin, 'positions')).rows.slice(1).map((row) => row[0]);
    expect(opdPositions).not.toContain('DISDIK.KADIS');
    expect(opdPositions).toHaveLength(4);
    expect((await exportSheet(auditor, 'units')).rows).toHaveLength(5);

    // The admin OPD can re-import their own export unchanged.
    const { response } = await exportSheet(opdAdmin, 'employees');
    const again = await upload(opdAdmin, 'employees', response.rawPayload, { dryRun: true });
    expect(again.json()).toMatchObject({ created: 0, updated: 0, errors: [] });
  });

  it('refuses roles without master data access', async () => {
    await createAdmin(t.handle.db, t.clock, 'pegawai.biasa', []);
    const plain = await loginAs(t.app, 'pegawai.biasa', ADMIN_PASSWORD);
    const response = await plain.inject({ method: 'GET', url: '/api/export/employees.xlsx' });
    expect(response.statusCode).toBe(403);
    expect((await admin.inject({ method: 'GET', url: '/api/export/gaji.xlsx' })).statusCode).toBe(400);
  });
});
