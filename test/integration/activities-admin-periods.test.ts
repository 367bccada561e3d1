import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityCatalogueItems, activityCatalogueVersions, activityEntries, auditLog } from '../../src/server/db/schema';
import { seedActivityReferenceData } from '../../src/server/modules/activities/reference-data/seed-activity-reference-data';
import { assertPeriodOpen } from '../../src/server/modules/activities/shared/period-lock';
import { DEFAULT_ACTIVITY_RULES } from '../../src/domain/activities/rules';
import { createAccount, createOpdFixture, type OpdFixture } from '../helpers/factories';
import { createTestApp, loginAs, type Session, type TestApp } from '../helpers/test-app';

interface ExtensionBody {
  id: string;
  unitId: string | null;
  workDateFrom: string;
  workDateTo: string;
  extendedUntil: string;
  reason: string;
}

describe('activity rule sets, deadline extensions and month closing', () => {
  let t: TestApp;
  let opd: OpdFixture;
  let other: OpdFixture;
  let bkpsdm: Session;
  let adminOpd: Session;
  let staff: Session;
  let auditor: Session;

  beforeAll(async () => {
    // Monday 13 April 2026, 10:00 WIB.
    t = await createTestApp({ now: '2026-04-13T03:00:00Z' });
    await seedActivityReferenceData(t.handle.db, t.clock);
    opd = await createOpdFixture(t.handle.db, t.clock);
    other = await createOpdFixture(t.handle.db, t.clock);
    const login = async (options: Parameters<typeof createAccount>[2]) => {
      const account = await createAccount(t.handle.db, t.clock, options);
      return loginAs(t.app, account.login, account.password);
    };
    bkpsdm = await login({ username: 'bkpsdm-periode', roles: [{ role: 'admin_bkpsdm' }] });
    adminOpd = await login({ username: 'opd-periode', roles: [{ role: 'admin_opd', unitId: opd.unit.id }] });
    auditor = await login({ username: 'auditor-periode', roles: [{ role: 'auditor' }] });
    staff = await login({ employeeId: opd.staff.id });
  });
  afterAll(async () => t.close());

  describe('rule sets', () => {
    const ruleSet = (effectiveFrom: string, rules: Record<string, unknown> = {}) => ({
      name: 'Perbup Contoh 2026',
      effectiveFrom,
      regulation: 'Peraturan Bupati Contoh No. 7 Tahun 2026 pasal 5',
      rules: { ...DEFAULT_ACTIVITY_RULES, dailyNormMinutes: 330, dailyCapMinutes: 450, ...rules },
    });
    const post = (session: Session, payload: Record<string, unknown>) => session.inject({ method: 'POST', url: '/api/activities/rule-sets', payload });

    it('adds a version after the latest one (the previous one ends the day before), refuses one inside it, and lets everyone read the one in force', async () => {
      expect((await post(adminOpd, ruleSet('2026-05-01'))).statusCode).toBe(403);
      const created = await post(bkpsdm, ruleSet('2026-05-01'));
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({ effectiveFrom: '2026-05-01', effectiveTo: null, rules: { dailyNormMinutes: 330 } });

      const versions = (await auditor.inject({ method: 'GET', url: '/api/activities/rule-sets' })).json<{ items: { effectiveFrom: string; effectiveTo: string | null }[] }>();
      expect(versions.items.map((item) => [item.effectiveFrom, item.effectiveTo])).toEqual([
        ['2020-01-01', '2026-04-30'],
        ['2026-05-01', null],
      ]);
      const trail = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'activity_rule_set'), eq(auditLog.entityId, created.json<{ id: string }>().id)));
      expect(trail).toHaveLength(1);
      const early = await post(bkpsdm, ruleSet('2026-04-20'));
      expect(early.statusCode).toBe(409);
      expect(early.json().error.message).toContain('Tanggal berlaku harus setelah 2026-05-01');
      const today = await staff.inject({ method: 'GET', url: '/api/activities/rule-sets/in-force' });
      expect(today.json()).toMatchObject({ effectiveFrom: '2020-01-01', effectiveTo: '2026-04-30', rules: { dailyNormMinutes: 300 } });
      const may = await staff.inject({ method: 'GET', url: '/api/activities/rule-sets/in-force?date=2026-05-04' });
      expect(may.json()).toMatchObject({ effectiveFrom: '2026-05-01' });
      const before = await staff.inject({ method: 'GET', url: '/api/activities/rule-sets/in-force?date=2019-12-31' });
      expect(before.statusCode).toBe(404);
      expect((await staff.inject({ method: 'GET', url: '/api/activities/rule-sets' })).statusCode).toBe(403);
    });

    it('refuses rules that contradict themselves', async () => {
      const capBelowNorm = await post(bkpsdm, ruleSet('2026-07-01', { dailyNormMinutes: 510, dailyCapMinutes: 450 }));
      expect(capBelowNorm.statusCode).toBe(400);
      expect(capBelowNorm.json().error.details).toContainEqual({ field: 'rules.dailyCapMinutes', message: 'Batas harian tidak boleh lebih kecil dari norma harian' });
    });
  });

  describe('deadline extensions', () => {
    const extension = (overrides: Record<string, unknown> = {}) => ({
      unitId: null,
      workDateFrom: '2026-04-06',
      workDateTo: '2026-04-08',
      extendedUntil: '2026-04-20T23:59:59+07:00',
      reason: 'Gangguan server aplikasi pada 6–8 April 2026',
      ...overrides,
    });
    const post = (session: Session, payload: Record<string, unknown>) => session.inject({ method: 'POST', url: '/api/activities/deadline-extensions', payload });
    const listOf = async (session: Session, query = '') =>
      (await session.inject({ method: 'GET', url: `/api/activities/deadline-extensions${query}` })).json<{ items: ExtensionBody[]; total: number }>();

    it('extends for the region (BKPSDM) or for a unit in scope (admin OPD), with the reason audited', async () => {
      const region = await post(bkpsdm, extension());
      expect(region.statusCode, region.body).toBe(201);
      expect(region.json()).toMatchObject({ unitId: null, extendedUntil: '2026-04-20T16:59:59.000Z', reason: 'Gangguan server aplikasi pada 6–8 April 2026' });

      expect((await post(adminOpd, extension())).statusCode).toBe(403);
      expect((await post(adminOpd, extension({ unitId: other.unit.id }))).statusCode).toBe(403);
      const own = await post(adminOpd, extension({ unitId: opd.bidang.id, workDateFrom: '2026-04-09', workDateTo: '2026-04-09', reason: 'Listrik padam di kantor bidang' }));
      expect(own.statusCode, own.body).toBe(201);

      const trail = await t.handle.db.select().from(auditLog).where(eq(auditLog.entityId, own.json<ExtensionBody>().id));
      expect(trail[0]).toMatchObject({ action: 'create', scopeUnitId: opd.bidang.id });
      expect(trail[0]?.after).toMatchObject({ reason: 'Listrik padam di kantor bidang' });
    });

    it('refuses a short reason, a deadline in the past and reversed dates', async () => {
      const short = await post(bkpsdm, extension({ reason: 'server' }));
      expect(short.statusCode).toBe(400);
      expect(short.json().error.details).toContainEqual({ field: 'reason', message: 'Alasan minimal 10 karakter' });
      const past = await post(bkpsdm, extension({ extendedUntil: '2026-04-13T09:00:00+07:00' }));
      expect(past.json().error.message).toBe('Batas waktu baru harus di masa depan');
      const reversed = await post(bkpsdm, extension({ workDateFrom: '2026-04-08', workDateTo: '2026-04-06' }));
      expect(reversed.statusCode).toBe(400);
      const beforeWork = await post(bkpsdm, extension({ workDateTo: '2026-04-25' }));
      expect(beforeWork.json().error.message).toBe('Batas waktu baru tidak boleh sebelum tanggal kerja terakhir yang diperpanjang');
    });

    it('lists what applies to a unit and a date, within the reader’s scope', async () => {
      const day = '2026-04-14';
      expect((await post(bkpsdm, extension({ workDateFrom: day, workDateTo: day }))).statusCode).toBe(201);
      expect((await post(adminOpd, extension({ unitId: opd.bidang.id, workDateFrom: day, workDateTo: day }))).statusCode).toBe(201);

      const unitsOf = async (session: Session, query: string) => (await listOf(session, query)).items.map((item) => item.unitId ?? 'daerah').sort();
      expect(await unitsOf(bkpsdm, `?date=${day}&unitId=${opd.bidang.id}`)).toEqual([opd.bidang.id, 'daerah'].sort());
      expect(await unitsOf(bkpsdm, `?date=${day}&unitId=${opd.unit.id}`)).toEqual(['daerah']);
      expect(await unitsOf(bkpsdm, `?date=${day}&unitId=${other.bidang.id}`)).toEqual(['daerah']);
      const otherAccount = await createAccount(t.handle.db, t.clock, { username: 'opd-lain-periode', roles: [{ role: 'admin_opd', unitId: other.unit.id }] });
      const otherAdmin = await loginAs(t.app, otherAccount.login, otherAccount.password);
      expect(await unitsOf(otherAdmin, `?date=${day}`)).toEqual(['daerah']);
      expect((await staff.inject({ method: 'GET', url: '/api/activities/deadline-extensions' })).statusCode).toBe(403);
    });

    it('deletes an extension made by mistake, keeping the row and the reason in the audit trail', async () => {
      const day = '2026-04-16';
      const own = (await post(adminOpd, extension({ unitId: opd.bidang.id, workDateFrom: day, workDateTo: day, reason: 'Listrik padam di kantor bidang' }))).json<ExtensionBody>();
      const regional = (await post(bkpsdm, extension({ workDateFrom: day, workDateTo: day }))).json<ExtensionBody>();
      const remove = (session: Session, id: string, payload: Record<string, unknown>) => session.inject({ method: 'DELETE', url: `/api/activities/deadline-extensions/${id}`, payload });

      expect((await remove(adminOpd, own.id, {})).statusCode).toBe(400);
      expect((await remove(adminOpd, regional.id, { reason: 'Salah pilih unit saat input' })).statusCode).toBe(403);
      const removed = await remove(adminOpd, own.id, { reason: 'Salah tanggal, seharusnya 17 April' });
      expect(removed.statusCode, removed.body).toBe(200);
      expect((await listOf(bkpsdm, `?date=${day}`)).items.map((item) => item.id)).toEqual([regional.id]);
      const [trail] = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.entityId, own.id), eq(auditLog.action, 'delete')));
      expect(trail?.before).toMatchObject({ workDateFrom: day, reason: 'Listrik padam di kantor bidang' });
      expect(trail?.after).toEqual({ reason: 'Salah tanggal, seharusnya 17 April' });
      expect((await remove(bkpsdm, own.id, { reason: 'Salah tanggal, seharusnya 17 April' })).statusCode).toBe(404);
    });
  });

  describe('month closing', () => {
    const close = (session: Session, payload: Record<string, unknown>) => session.inject({ method: 'POST', url: '/api/periods/closures', payload });

    it('closes an ended month once (BKPSDM only), recording its entries by status; its deadlines can no longer be extended', async () => {
      const [item] = await t.handle.db.insert(activityCatalogueItems).values({ code: 'TUTUP-1' }).returning();
      if (!item) throw new Error('insert failed');
      const [version] = await t.handle.db
        .insert(activityCatalogueVersions)
        .values({ itemId: item.id, version: 1, name: 'Menyusun laporan', outputUnit: 'laporan', standardMinutes: 60, effectiveFrom: '2026-01-01' })
        .returning();
      await t.handle.db.insert(activityEntries).values({
        employeeId: opd.staff.id,
        unitId: opd.bidang.id,
        workDate: '2026-03-31',
        startTime: '08:00',
        endTime: '09:00',
        catalogueVersionId: version?.id,
        title: 'Menyusun laporan',
        volume: 1,
        outputUnit: 'laporan',
        standardMinutes: 60,
        claimedMinutes: 60,
        status: 'submitted',
      });

      const notEnded = await close(bkpsdm, { period: '2026-04' });
      expect(notEnded.statusCode).toBe(400);
      expect(notEnded.json().error.message).toBe('Bulan 2026-04 belum berakhir; bulan dapat ditutup mulai 2026-05-01');
      expect((await close(adminOpd, { period: '2026-03' })).statusCode).toBe(403);

      const preview = await bkpsdm.inject({ method: 'GET', url: '/api/periods/closures/preview?period=2026-03' });
      expect(preview.json()).toEqual({
        period: '2026-03',
        hasEnded: true,
        isClosed: false,
        entryCounts: { submitted: 1 },
        tpp: { results: 0, coveredEmployees: expect.any(Number), computedAt: null, hasChangedSince: false },
      });

      const closed = await close(bkpsdm, { period: '2026-03', note: 'Penutupan TPP Maret' });
      expect(closed.statusCode, closed.body).toBe(201);
      expect(closed.json()).toMatchObject({ period: '2026-03', note: 'Penutupan TPP Maret', entryCounts: { submitted: 1 } });
      const twice = await close(bkpsdm, { period: '2026-03' });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error.message).toContain('sudah ditutup');

      await expect(assertPeriodOpen(t.handle.db, '2026-03-15')).rejects.toMatchObject({ code: 'CONFLICT' });
      const listed = (await staff.inject({ method: 'GET', url: '/api/periods/closures?year=2026' })).json<{ items: { period: string }[] }>();
      expect(listed.items.map((row) => row.period)).toEqual(['2026-03']);
      const [trail] = await t.handle.db.select().from(auditLog).where(eq(auditLog.entityType, 'period_closure'));
      expect(trail).toMatchObject({ action: 'close', after: { period: '2026-03', note: 'Penutupan TPP Maret', entryCounts: { submitted: 1 } } });

      const extension = { unitId: null, workDateFrom: '2026-03-30', workDateTo: '2026-04-01', extendedUntil: '2026-04-20T23:59:59+07:00', reason: 'Gangguan server akhir bulan' };
      const refused = await bkpsdm.inject({ method: 'POST', url: '/api/activities/deadline-extensions', payload: extension });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.message).toContain('Bulan 2026-03 sudah ditutup');
    });
  });
});
