import { and, count, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityCatalogueItems, activityCatalogueVersions, auditLog } from '../../src/server/db/schema';
import { seedDemoActivityCatalogue } from '../../src/server/modules/activities/admin/catalogue/seed-demo-activity-catalogue';
import { DEMO_GENERAL_ACTIVITIES, DEMO_POSITION_ACTIVITIES } from '../../src/server/modules/activities/admin/catalogue/demo-activity-catalogue-data';
import { createAccount, createOpdFixture, createPositionFixture, type OpdFixture } from '../helpers/factories';
import { createTestApp, loginAs, type Session, type TestApp } from '../helpers/test-app';
import { buildXlsx, csv, multipart, readXlsx } from '../fixtures/import/sheets';

interface ItemBody {
  id: string;
  code: string;
  positionId: string | null;
  currentVersion: number;
  currentVersionId: string;
  name: string;
  description: string | null;
  outputUnit: string;
  standardMinutes: number;
  effectiveFrom: string;
  isActive: boolean;
}
interface ImportBody {
  dryRun: boolean;
  totalRows: number;
  validRows: number;
  created: number;
  updated: number;
  newVersions: number;
  errors: { row: number; column: string | null; message: string }[];
  isCommitted: boolean;
}

const HEADER = ['kode', 'nama', 'satuan_output', 'waktu_standar_menit', 'uraian', 'kode_jabatan'];

describe('activity catalogue administration', () => {
  let t: TestApp;
  let opd: OpdFixture;
  let other: OpdFixture;
  let bkpsdm: Session;
  let adminOpd: Session;
  let staff: Session;

  beforeAll(async () => {
    // Monday 13 April 2026, 10:00 WIB.
    t = await createTestApp({ now: '2026-04-13T03:00:00Z' });
    opd = await createOpdFixture(t.handle.db, t.clock);
    other = await createOpdFixture(t.handle.db, t.clock);
    const login = async (options: Parameters<typeof createAccount>[2]) => {
      const account = await createAccount(t.handle.db, t.clock, options);
      return loginAs(t.app, account.login, account.password);
    };
    bkpsdm = await login({ username: 'bkpsdm-katalog', roles: [{ role: 'admin_bkpsdm' }] });
    adminOpd = await login({ username: 'opd-katalog', roles: [{ role: 'admin_opd', unitId: opd.unit.id }] });
    staff = await login({ employeeId: opd.staff.id });
  });
  afterAll(async () => t.close());

  const create = (session: Session, payload: Record<string, unknown>) => session.inject({ method: 'POST', url: '/api/activities/catalogue', payload });
  const patch = (session: Session, id: string, payload: Record<string, unknown>) => session.inject({ method: 'PATCH', url: `/api/activities/catalogue/${id}`, payload });
  const list = async (session: Session, query: string) => (await session.inject({ method: 'GET', url: `/api/activities/catalogue?${query}` })).json<{ items: ItemBody[]; total: number }>();
  const upload = (session: Session, content: Buffer | string, dryRun: boolean, fileName = 'katalog.csv') => {
    const body = multipart(content, fileName);
    return session.inject({ method: 'POST', url: `/api/activities/catalogue/import?dryRun=${String(dryRun)}`, payload: body.payload, headers: body.headers });
  };
  /** An activity of its own for a test, so that no test depends on another's data. */
  const seedItem = async (code: string, fields: Record<string, unknown> = {}) => {
    const response = await create(bkpsdm, { code, name: `Kegiatan ${code}`, outputUnit: 'dokumen', standardMinutes: 30, ...fields });
    if (response.statusCode !== 201) throw new Error(response.body);
    return response.json<ItemBody>();
  };
  const itemCount = async () => (await t.handle.db.select({ value: count() }).from(activityCatalogueItems))[0]?.value ?? 0;

  it('lets admin BKPSDM add general activities and admin OPD only their positions’ activities', async () => {
    const general = await create(bkpsdm, { code: 'UJI-SURAT', name: 'Menyusun draf surat dinas', outputUnit: 'dokumen', standardMinutes: 30 });
    expect(general.statusCode, general.body).toBe(201);
    expect(general.json()).toMatchObject({ code: 'UJI-SURAT', positionId: null, currentVersion: 1, standardMinutes: 30, effectiveFrom: '2026-04-13', isActive: true });

    const generalByOpd = await create(adminOpd, { code: 'UJI-UMUM-OPD', name: 'Kegiatan umum OPD', outputUnit: 'dokumen', standardMinutes: 10 });
    expect(generalByOpd.statusCode).toBe(403);
    expect(generalByOpd.json().error.message).toContain('admin BKPSDM');

    const own = await create(adminOpd, { code: 'UJI-STAF-1', positionId: opd.staffPosition.id, name: 'Mengolah data layanan', outputUnit: 'data', standardMinutes: 5 });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json()).toMatchObject({ positionId: opd.staffPosition.id, unitId: opd.bidang.id });

    const foreign = await create(adminOpd, { code: 'UJI-LAIN', positionId: other.staffPosition.id, name: 'Kegiatan OPD lain', outputUnit: 'data', standardMinutes: 5 });
    expect(foreign.statusCode).toBe(403);
    const unknownPosition = await create(bkpsdm, { code: 'UJI-X', positionId: '00000000-0000-4000-8000-000000000000', name: 'Tanpa jabatan', outputUnit: 'data', standardMinutes: 5 });
    expect(unknownPosition.statusCode).toBe(400);
    expect(unknownPosition.json().error.message).toBe('Jabatan tidak ditemukan');
    const duplicate = await create(bkpsdm, { code: 'UJI-SURAT', name: 'Lagi', outputUnit: 'dokumen', standardMinutes: 30 });
    expect(duplicate.statusCode).toBe(409);
    const zeroMinutes = await create(bkpsdm, { code: 'UJI-NOL', name: 'Tanpa waktu', outputUnit: 'dokumen', standardMinutes: 0 });
    expect(zeroMinutes.statusCode).toBe(400);
    expect((await create(staff, { code: 'UJI-PEG', name: 'Oleh pegawai', outputUnit: 'dokumen', standardMinutes: 5 })).statusCode).toBe(403);

    const trail = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'activity_catalogue_item'), eq(auditLog.entityId, own.json<ItemBody>().id)));
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ action: 'create', scopeUnitId: opd.bidang.id });
  });

  it('lets everyone signed in read the catalogue, filtered by position, kind, text and active state', async () => {
    const position = await createPositionFixture(t.handle.db, t.clock, { unitId: other.bidang.id, superiorPositionId: other.bidangHeadPosition.id });
    await seedItem('BACA-UMUM', { name: 'Menyusun notula rapat baca' });
    await seedItem('BACA-JAB', { positionId: position.id, name: 'Memeriksa berkas baca' });
    const inactive = await seedItem('BACA-NONAKTIF', { positionId: position.id });
    await bkpsdm.inject({ method: 'POST', url: `/api/activities/catalogue/${inactive.id}/deactivate` });

    const codes = async (query: string) => (await list(staff, `q=BACA&${query}`)).items.map((item) => item.code).sort();
    expect(await codes(`positionId=${position.id}&includeGeneral=true`)).toEqual(['BACA-JAB', 'BACA-NONAKTIF', 'BACA-UMUM']);
    expect(await codes(`positionId=${position.id}&isActive=true`)).toEqual(['BACA-JAB']);
    expect(await codes('kind=general')).toEqual(['BACA-UMUM']);
    expect(await codes('kind=position&isActive=false')).toEqual(['BACA-NONAKTIF']);
    expect((await list(staff, 'q=notula rapat baca')).items.map((item) => item.code)).toEqual(['BACA-UMUM']);
    expect((await list(staff, `unitId=${other.bidang.id}&q=BACA`)).total).toBe(2);
  });

  it('makes a new version on an edit of minutes or name; past versions stay as they were', async () => {
    const item = await seedItem('VERSI-1', { name: 'Menyusun draf surat dinas' });
    const versionOne = item.currentVersionId;

    const edited = await patch(bkpsdm, item.id, { standardMinutes: 45, description: 'Termasuk penomoran' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ currentVersion: 2, standardMinutes: 45, description: 'Termasuk penomoran', name: 'Menyusun draf surat dinas' });
    expect(edited.json<ItemBody>().currentVersionId).not.toBe(versionOne);

    const same = await patch(bkpsdm, item.id, { standardMinutes: 45, name: 'Menyusun draf surat dinas' });
    expect(same.json()).toMatchObject({ currentVersion: 2 });

    const backdated = await patch(bkpsdm, item.id, { standardMinutes: 50, effectiveFrom: '2026-01-01' });
    expect(backdated.statusCode).toBe(400);
    expect(backdated.json().error.details).toEqual([{ field: 'effectiveFrom', message: 'Versi baru tidak boleh berlaku sebelum versi 2 (berlaku sejak 2026-04-13)' }]);

    const history = (await staff.inject({ method: 'GET', url: `/api/activities/catalogue/${item.id}/versions` })).json<{ items: { id: string; version: number; standardMinutes: number; description: string | null }[] }>();
    expect(history.items.map((version) => [version.version, version.standardMinutes, version.description])).toEqual([
      [2, 45, 'Termasuk penomoran'],
      [1, 30, null],
    ]);
    expect(history.items[1]?.id).toBe(versionOne);

    const trail = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.entityId, item.id), eq(auditLog.action, 'update')));
    expect(trail).toHaveLength(1);
    expect(trail[0]?.before).toMatchObject({ version: 1, standardMinutes: 30 });
    expect(trail[0]?.after).toMatchObject({ version: 2, standardMinutes: 45, changed: ['description', 'standardMinutes'] });

    expect((await patch(adminOpd, item.id, { standardMinutes: 20 })).statusCode).toBe(403);
  });

  it('deactivates and activates; inactive activities drop out of the active list', async () => {
    const item = await seedItem('AKTIF-1', { positionId: opd.staffPosition.id });
    const deactivated = await adminOpd.inject({ method: 'POST', url: `/api/activities/catalogue/${item.id}/deactivate` });
    expect(deactivated.json()).toMatchObject({ isActive: false });
    expect((await list(staff, 'q=AKTIF-1&isActive=true')).items).toEqual([]);
    const reactivated = await adminOpd.inject({ method: 'POST', url: `/api/activities/catalogue/${item.id}/activate` });
    expect(reactivated.json()).toMatchObject({ isActive: true });
    const actions = await t.handle.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, item.id));
    expect(actions.map((row) => row.action).sort()).toEqual(['activate', 'create', 'deactivate']);
  });

  it('imports all or nothing: a dry run reports every bad row in Indonesian and writes nothing', async () => {
    const before = await itemCount();
    const bad = csv([
      HEADER,
      ['IMP-1', 'Memeriksa berkas', 'berkas', '15', '', ''],
      ['IMP-2', '', 'berkas', 'lima', '', ''],
      ['IMP-3', 'Kegiatan jabatan tak dikenal', 'dokumen', '20', '', 'TIDAK-ADA'],
      ['IMP-1', 'Kode ganda', 'berkas', '15', '', ''],
      ['IMP-4', 'Terlalu lama', 'dokumen', '2000', '', ''],
    ]);
    const result = (await upload(bkpsdm, bad, false)).json<ImportBody>();
    expect(result).toMatchObject({ totalRows: 5, validRows: 1, isCommitted: false });
    expect(result.errors).toEqual([
      { row: 3, column: 'nama', message: 'Kolom nama wajib diisi' },
      { row: 3, column: 'waktu_standar_menit', message: 'Nilai "lima" harus bilangan bulat' },
      { row: 4, column: 'kode_jabatan', message: 'Jabatan dengan kode TIDAK-ADA tidak ditemukan' },
      { row: 5, column: 'kode', message: 'Kode IMP-1 sudah ada di baris 2' },
      { row: 6, column: 'waktu_standar_menit', message: 'Waktu standar maksimal 1440 menit' },
    ]);
    expect(await itemCount()).toBe(before);

    const good = await buildXlsx([HEADER, ['IMP-1', 'Memeriksa berkas', 'berkas', 15, '', ''], ['IMP-2', 'Mengolah data staf', 'data', 4, 'Data layanan', opd.staffPosition.code]]);
    const dryRun = (await upload(bkpsdm, good, true, 'katalog.xlsx')).json<ImportBody>();
    expect(dryRun).toEqual({ dryRun: true, totalRows: 2, validRows: 2, created: 2, updated: 0, newVersions: 0, errors: [], isCommitted: false });
    expect(await itemCount()).toBe(before);

    const committed = (await upload(bkpsdm, good, false, 'katalog.xlsx')).json<ImportBody>();
    expect(committed).toMatchObject({ created: 2, isCommitted: true });
    expect(await itemCount()).toBe(before + 2);
    expect((await list(staff, 'q=IMP-2')).items[0]).toMatchObject({ positionId: opd.staffPosition.id, standardMinutes: 4, description: 'Data layanan' });
  });

  it('imports changed minutes as a new version and checks the scope of an admin OPD per row', async () => {
    await seedItem('IMPV-1', { name: 'Memeriksa berkas', outputUnit: 'berkas', standardMinutes: 15 });
    await seedItem('IMPV-2', { name: 'Mengolah data staf', outputUnit: 'data', standardMinutes: 4, positionId: opd.staffPosition.id });
    const changed = csv([HEADER.slice(0, 4), ['IMPV-1', 'Memeriksa berkas', 'berkas', '20'], ['IMPV-2', 'Mengolah data staf', 'data', '4']]);
    const result = (await upload(bkpsdm, changed, false)).json<ImportBody>();
    expect(result).toMatchObject({ created: 0, updated: 1, newVersions: 1, errors: [], isCommitted: true });
    expect((await list(staff, 'q=IMPV-1')).items[0]).toMatchObject({ currentVersion: 2, standardMinutes: 20 });

    const byOpd = csv([HEADER, ['IMPV-1', 'Memeriksa berkas', 'berkas', '25', '', ''], ['IMPV-5', 'Kegiatan staf baru', 'dokumen', '30', '', opd.staffPosition.code]]);
    const refused = (await upload(adminOpd, byOpd, true)).json<ImportBody>();
    expect(refused.errors).toEqual([{ row: 2, column: null, message: 'Kegiatan umum (untuk semua jabatan) hanya dapat diubah oleh admin BKPSDM' }]);

    const moved = csv([HEADER, ['IMPV-2', 'Mengolah data staf', 'data', '4', '', other.staffPosition.code]]);
    const movedResult = (await upload(bkpsdm, moved, true)).json<ImportBody>();
    expect(movedResult.errors[0]).toMatchObject({ row: 2, column: 'kode_jabatan' });
    expect((await upload(staff, changed, true)).statusCode).toBe(403);
  });

  it('exports in the import format (re-importing changes nothing) and offers a template', async () => {
    await seedItem('EKSPOR-1', { name: 'Mengolah data ekspor', outputUnit: 'data', standardMinutes: 4, description: 'Data layanan', positionId: opd.staffPosition.id });
    const exported = await bkpsdm.inject({ method: 'GET', url: '/api/activities/catalogue/export.xlsx' });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toBe('attachment; filename="katalog-kegiatan-2026-04-13.xlsx"');
    const rows = await readXlsx(exported.rawPayload);
    expect(rows[0]?.slice(0, 8)).toEqual(['kode', 'nama', 'satuan_output', 'waktu_standar_menit', 'uraian', 'kode_jabatan', 'berlaku_mulai', 'aktif']);
    expect(rows.find((row) => row[0] === 'EKSPOR-1')?.slice(0, 8)).toEqual(['EKSPOR-1', 'Mengolah data ekspor', 'data', '4', 'Data layanan', opd.staffPosition.code, '2026-04-13', 'ya']);
    const again = (await upload(bkpsdm, exported.rawPayload, true, 'ekspor.xlsx')).json<ImportBody>();
    expect(again).toMatchObject({ created: 0, updated: 0, errors: [] });

    const template = await adminOpd.inject({ method: 'GET', url: '/api/activities/catalogue/template.xlsx' });
    expect(template.statusCode).toBe(200);
    expect((await readXlsx(template.rawPayload))[0]).toEqual(['kode', 'nama', 'satuan_output', 'waktu_standar_menit', 'uraian', 'kode_jabatan', 'berlaku_mulai', 'aktif']);
    expect((await staff.inject({ method: 'GET', url: '/api/activities/catalogue/template.xlsx' })).statusCode).toBe(403);
  });

  it('seeds a demo catalogue once: general activities and a few per common position', async () => {
    const clerk = await createPositionFixture(t.handle.db, t.clock, { unitId: opd.bidang.id, name: 'Pengadministrasi Perkantoran', superiorPositionId: opd.bidangHeadPosition.id });
    const first = await seedDemoActivityCatalogue(t.handle.db, t.clock);
    const clerkActivities = DEMO_POSITION_ACTIVITIES['Pengadministrasi Perkantoran'] ?? [];
    expect(first.created).toBe(DEMO_GENERAL_ACTIVITIES.length + clerkActivities.length);
    expect(DEMO_GENERAL_ACTIVITIES.length).toBeGreaterThanOrEqual(25);
    const [letter] = await t.handle.db
      .select({ minutes: activityCatalogueVersions.standardMinutes, unit: activityCatalogueVersions.outputUnit, effectiveFrom: activityCatalogueVersions.effectiveFrom })
      .from(activityCatalogueVersions)
      .innerJoin(activityCatalogueItems, eq(activityCatalogueItems.id, activityCatalogueVersions.itemId))
      .where(eq(activityCatalogueItems.code, 'UMUM-001'));
    expect(letter).toEqual({ minutes: 30, unit: 'dokumen', effectiveFrom: '2026-01-01' });
    const forClerk = await t.handle.db.select({ value: count() }).from(activityCatalogueItems).where(like(activityCatalogueItems.code, `K-${clerk.code}-%`));
    expect(forClerk[0]?.value).toBe(clerkActivities.length);

    expect(await seedDemoActivityCatalogue(t.handle.db, t.clock)).toEqual({ created: 0 });
  });
});
