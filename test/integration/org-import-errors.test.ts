import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, employees, positions, units } from '../../src/server/db/schema';
import { createTestApp, loginAs, type Session, type TestApp } from '../helpers/test-app';
import { ADMIN_PASSWORD, createAdmin, employeeHeader, employeeRows, loginBkpsdm, positionRows, unitRows, upload } from '../fixtures/import/regency';
import { buildXlsx, csv } from '../fixtures/import/sheets';

interface RowError {
  row: number;
  column: string | null;
  message: string;
}

const rowsWithErrors = (errors: RowError[]) => [...new Set(errors.map((error) => error.row))].sort((a, b) => a - b);

describe('import with bad rows: nothing is written, every bad row is reported', () => {
  let t: TestApp;
  let admin: Session;
  beforeEach(async () => {
    t = await createTestApp();
    admin = await loginBkpsdm(t.app, t.handle.db, t.clock);
  });
  afterEach(async () => t.close());

  const countOf = async (table: typeof units | typeof positions | typeof employees) =>
    (await t.handle.db.select({ value: count() }).from(table))[0]?.value ?? 0;

  async function importOrgTree() {
    expect((await upload(admin, 'units', await buildXlsx(unitRows), { dryRun: false })).json().isCommitted).toBe(true);
    expect((await upload(admin, 'positions', await buildXlsx(positionRows), { dryRun: false })).json().isCommitted).toBe(true);
  }

  it('employees: malformed NIP, unknown unit, NIP repeated in the file, NIP typed as a number', async () => {
    await importOrgTree();
    const rows = [
      employeeHeader,
      employeeRows[1]!,
      ['19860926201505200', 'PNS', 'NIP Pendek', '', '', '', '', 'DINKES.SEK', '', '', '', '', ''],
      ['199001012019031003', 'PNS', 'Unit Salah', '', '', '', '', 'TIDAK.ADA', '', '', '', '', ''],
      [employeeRows[1]![0]!, 'PNS', 'Kembaran', '', '', '', '', 'DINKES', '', '', '', '', ''],
      // What Excel stores when an 18-digit NIP is typed as a number.
      [Number('198811172010012004'), 'PNS', 'NIP Angka', '', '', '', '', 'DINKES', '', '', '', '', ''],
      employeeRows[4]!,
    ];
    const response = await upload(admin, 'employees', await buildXlsx(rows), { dryRun: false });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ errors: RowError[]; validRows: number; totalRows: number; isCommitted: boolean; created: number }>();
    expect(body.isCommitted).toBe(false);
    expect(body.totalRows).toBe(6);
    expect(rowsWithErrors(body.errors)).toEqual([3, 4, 5, 6]);
    expect(body.validRows).toBe(2);
    expect(body.created).toBe(2);
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { row: 3, column: 'nip', message: 'NIP harus 18 digit angka' },
        { row: 4, column: 'kode_unit', message: 'Unit dengan kode TIDAK.ADA tidak ditemukan' },
        { row: 5, column: 'nip', message: `NIP ${employeeRows[1]![0]} sudah ada di baris 2` },
        expect.objectContaining({ row: 6, column: 'nip', message: expect.stringContaining('sebagai teks') }),
      ]),
    );
    expect(await countOf(employees)).toBe(0);
    expect(await t.handle.db.select().from(auditLog).where(eq(auditLog.entityType, 'employee'))).toEqual([]);
  });

  it('positions: kelas jabatan 18, unknown superior, unknown jenis', async () => {
    expect((await upload(admin, 'units', await buildXlsx(unitRows), { dryRun: false })).json().isCommitted).toBe(true);
    const rows = [
      positionRows[0]!,
      positionRows[3]!,
      ['P.18', 'Kelas Terlalu Tinggi', 'pelaksana', '18', 'DINKES', '', ''],
      ['P.ATASAN', 'Atasan Tidak Ada', 'pelaksana', '5', 'DINKES', 'TIDAK.ADA', ''],
      ['P.JENIS', 'Jenis Salah', 'eselon_ii', '5', 'DINKES', '', ''],
    ];
    const body = (await upload(admin, 'positions', csv(rows), { fileName: 'jabatan.csv', dryRun: false })).json<{ errors: RowError[]; isCommitted: boolean }>();
    expect(body.isCommitted).toBe(false);
    expect(rowsWithErrors(body.errors)).toEqual([3, 4, 5]);
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { row: 3, column: 'kelas_jabatan', message: 'Kelas jabatan 1–17' },
        { row: 4, column: 'kode_jabatan_atasan', message: 'Jabatan atasan dengan kode TIDAK.ADA tidak ditemukan' },
        expect.objectContaining({ row: 5, column: 'jenis_jabatan', message: expect.stringContaining('tidak dikenal') }),
      ]),
    );
    expect(await countOf(positions)).toBe(0);
  });

  it('units: a parent cycle inside the file, and rows hanging below it', async () => {
    const rows = [
      ['kode', 'nama', 'jenis', 'kode_induk'],
      ['OK', 'Unit Baik', 'opd', ''],
      ['A', 'Unit A', 'bidang', 'B'],
      ['B', 'Unit B', 'bidang', 'A'],
      ['C', 'Unit C', 'seksi', 'A'],
    ];
    const body = (await upload(admin, 'units', csv(rows), { fileName: 'unit.csv', dryRun: false })).json<{ errors: RowError[]; isCommitted: boolean; validRows: number }>();
    expect(body.isCommitted).toBe(false);
    expect(body.validRows).toBe(1);
    expect(body.errors).toEqual([
      { row: 3, column: 'kode_induk', message: 'Rujukan kode_induk membentuk lingkaran: A → B → A' },
      { row: 4, column: 'kode_induk', message: 'Rujukan kode_induk membentuk lingkaran: A → B → A' },
      { row: 5, column: 'kode_induk', message: 'Unit induk A pada baris 3 tidak dapat diproses, sehingga baris ini juga tidak' },
    ]);
    expect(await countOf(units)).toBe(0);
  });

  it('units: a move that would close a loop with the stored tree', async () => {
    expect((await upload(admin, 'units', await buildXlsx(unitRows), { dryRun: false })).json().isCommitted).toBe(true);
    const rows = [
      ['kode', 'nama', 'jenis', 'kode_induk'],
      ['PEMDA', 'Pemerintah Kabupaten Contoh', 'pemda', 'DINKES.SEK'],
    ];
    const body = (await upload(admin, 'units', csv(rows), { fileName: 'unit.csv', dryRun: false })).json<{ errors: RowError[] }>();
    expect(body.errors).toEqual([{ row: 2, column: 'kode_induk', message: expect.stringContaining('lingkaran') }]);
    const [pemda] = await t.handle.db.select().from(units).where(eq(units.code, 'PEMDA'));
    expect(pemda?.parentId).toBeNull();
  });

  it('reports bad values with the row number as the spreadsheet shows it (blank lines counted)', async () => {
    const text = 'kode;nama;jenis\nU1;Unit Satu;opd\n\n;;\nU2;;planet\n';
    const body = (await upload(admin, 'units', text, { fileName: 'unit.csv', dryRun: true })).json<{ errors: RowError[]; totalRows: number }>();
    expect(body.totalRows).toBe(2);
    expect(body.errors).toEqual([
      { row: 5, column: 'nama', message: 'Kolom nama wajib diisi' },
      { row: 5, column: 'jenis', message: expect.stringContaining('Nilai "planet" tidak dikenal') },
    ]);
  });
});

describe('import by an admin OPD', () => {
  let t: TestApp;
  let opdAdmin: Session;
  beforeEach(async () => {
    t = await createTestApp();
    const admin = await loginBkpsdm(t.app, t.handle.db, t.clock);
    expect((await upload(admin, 'units', await buildXlsx(unitRows), { dryRun: false })).json().isCommitted).toBe(true);
    expect((await upload(admin, 'positions', await buildXlsx(positionRows), { dryRun: false })).json().isCommitted).toBe(true);
    const [dinkes] = await t.handle.db.select().from(units).where(eq(units.code, 'DINKES'));
    await createAdmin(t.handle.db, t.clock, 'admin.dinkes', [{ role: 'admin_opd', unitId: dinkes?.id ?? null }]);
    opdAdmin = await loginAs(t.app, 'admin.dinkes', ADMIN_PASSWORD);
  });
  afterEach(async () => t.close());

  it('gets a row error for every row in another OPD, and nothing is written', async () => {
    const rows = [
      employeeHeader,
      employeeRows[1]!.map((cell) => (cell === 'DINKES' ? 'DISDIK' : cell === 'DINKES.KADIS' ? 'DISDIK.KADIS' : cell)),
      employeeRows[3]!,
    ];
    const body = (await upload(opdAdmin, 'employees', await buildXlsx(rows), { dryRun: false })).json<{ errors: RowError[]; isCommitted: boolean; validRows: number }>();
    expect(body.isCommitted).toBe(false);
    expect(body.validRows).toBe(1);
    expect(body.errors).toEqual([expect.objectContaining({ row: 2, message: expect.stringContaining('kewenangan') })]);
    expect((await t.handle.db.select({ value: count() }).from(employees))[0]?.value).toBe(0);

    const positionFile = [positionRows[0]!, ['DISDIK.SEK', 'Sekretaris Dinas Pendidikan', 'administrator', '11', 'DISDIK', 'DISDIK.KADIS', 'ya']];
    const positionBody = (await upload(opdAdmin, 'positions', csv(positionFile), { fileName: 'jabatan.csv', dryRun: true })).json<{ errors: RowError[] }>();
    expect(positionBody.errors).toEqual([expect.objectContaining({ row: 2, message: expect.stringContaining('kewenangan') })]);

    const unitFile = [['kode', 'nama', 'jenis', 'kode_induk'], ['DISDIK', 'Dinas Pendidikan Baru', 'opd', 'PEMDA']];
    const unitBody = (await upload(opdAdmin, 'units', csv(unitFile), { fileName: 'unit.csv', dryRun: true })).json<{ errors: RowError[] }>();
    expect(unitBody.errors).toEqual([{ row: 2, column: 'kode', message: 'Unit DISDIK di luar kewenangan Anda' }]);
  });

  it('builds new units inside their own OPD, including units below units of the same file', async () => {
    const rows = [
      ['kode', 'nama', 'jenis', 'kode_induk'],
      ['DINKES.P2P.IMUN', 'Seksi Imunisasi', 'seksi', 'DINKES.P2P'],
      ['DINKES.P2P', 'Bidang Pencegahan Penyakit', 'bidang', 'DINKES'],
    ];
    const body = (await upload(opdAdmin, 'units', csv(rows), { fileName: 'unit.csv', dryRun: false })).json();
    expect(body).toMatchObject({ created: 2, errors: [], isCommitted: true });
    const entries = await t.handle.db.select().from(auditLog).where(eq(auditLog.action, 'import'));
    const [dinkes] = await t.handle.db.select().from(units).where(eq(units.code, 'DINKES'));
    expect(entries.map((entry) => entry.scopeUnitId)).toContain(dinkes?.id);
  });
});
