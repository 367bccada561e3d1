import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityEntryView } from '../../src/contracts/activities';
import { DEFAULT_ACTIVITY_RULES, type ActivityRules } from '../../src/domain/activities/rules';
import {
  activityCatalogueItems,
  activityCatalogueVersions,
  activityDeadlineExtensions,
  activityEntries,
  activityRuleSets,
  attendanceRequests,
  auditLog,
  periodClosures,
} from '../../src/server/db/schema';
import { seedActivityReferenceData } from '../../src/server/modules/activities/reference-data/seed-activity-reference-data';
import { seedAttendanceReferenceData } from '../../src/server/modules/attendance/reference-data/seed-attendance-reference-data';
import { createAccount, createEmployeeFixture, createOpdFixture, type OpdFixture } from '../helpers/factories';
import { createTestApp, loginAs, type Session, type TestApp } from '../helpers/test-app';

interface ErrorBody {
  error: { code: string; message: string; details?: { field?: string; rule?: string } };
}
interface ListBody {
  items: ActivityEntryView[];
  days: { date: string; entryCount: number; claimedMinutes: number; approvedMinutes: number; capMinutes: number }[];
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

function multipart(fileName: string, content: Buffer) {
  const boundary = '----ekinerja-entry-test';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * Now: Wednesday 2026-04-15, 10:00 WIB. Rule set in force from March: cap 450 minutes, entries
 * close at the end of D + 3 days, no entries on leave days nor on days off.
 */
const NOW = '2026-04-15T03:00:00Z';
const RULES: ActivityRules = { ...DEFAULT_ACTIVITY_RULES, dailyCapMinutes: 450, entryDeadline: { kind: 'days_after', days: 3 }, allowEntriesOnLeave: false, allowEntriesOnDaysOff: false };

describe('daily activity entries', () => {
  let t: TestApp;
  let opd: OpdFixture;
  let otherOpd: OpdFixture;
  let staff: Session;
  let colleague: Session;
  let colleagueId: string;
  let otherStaff: Session;
  let adminOpd: Session;
  let otherAdminOpd: Session;
  let pimpinan: Session;
  let adminBkpsdm: Session;
  const catalogue = { general: '', ownPosition: '', otherPosition: '', inactive: '' };

  async function addCatalogueItem(code: string, positionId: string | null, standardMinutes: number, isActive = true): Promise<string> {
    const db = t.handle.db;
    const [item] = await db.insert(activityCatalogueItems).values({ code, positionId, isActive }).returning({ id: activityCatalogueItems.id });
    if (!item) throw new Error('no item');
    await db.insert(activityCatalogueVersions).values({ itemId: item.id, version: 1, name: `Kegiatan ${code}`, outputUnit: 'dokumen', standardMinutes, effectiveFrom: '2026-01-01' });
    return item.id;
  }

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    const db = t.handle.db;
    await seedAttendanceReferenceData(db, t.clock);
    await seedActivityReferenceData(db, t.clock);
    await db.insert(activityRuleSets).values({ name: 'Aturan uji', effectiveFrom: '2026-03-01', regulation: 'Perbup uji', rules: RULES });
    opd = await createOpdFixture(db, t.clock);
    otherOpd = await createOpdFixture(db, t.clock);
    const colleagueFixture = await createEmployeeFixture(db, t.clock, { positionId: opd.staffPosition.id });
    colleagueId = colleagueFixture.id;
    const login = async (options: Parameters<typeof createAccount>[2]) => {
      const account = await createAccount(db, t.clock, options);
      return loginAs(t.app, account.login, account.password);
    };
    staff = await login({ employeeId: opd.staff.id });
    colleague = await login({ employeeId: colleagueId });
    otherStaff = await login({ employeeId: otherOpd.staff.id });
    adminOpd = await login({ username: 'admin-opd-aktivitas', roles: [{ role: 'admin_opd', unitId: opd.unit.id }] });
    otherAdminOpd = await login({ username: 'admin-opd-lain', roles: [{ role: 'admin_opd', unitId: otherOpd.unit.id }] });
    pimpinan = await login({ username: 'pimpinan-aktivitas', roles: [{ role: 'pimpinan' }] });
    adminBkpsdm = await login({ username: 'bkpsdm-aktivitas', roles: [{ role: 'admin_bkpsdm' }] });
    catalogue.general = await addCatalogueItem('UMUM-1', null, 30);
    catalogue.ownPosition = await addCatalogueItem('JAB-STAF-1', opd.staffPosition.id, 60);
    catalogue.otherPosition = await addCatalogueItem('JAB-KEPALA-1', opd.headPosition.id, 45);
    catalogue.inactive = await addCatalogueItem('UMUM-LAMA', null, 20, false);
  });
  afterAll(async () => t.close());

  const entry = (overrides: Record<string, unknown> = {}) => ({
    workDate: '2026-04-15',
    startTime: '08:00',
    endTime: '09:00',
    catalogueItemId: catalogue.general,
    volume: 1,
    description: 'Menyusun draf surat',
    ...overrides,
  });
  const post = (session: Session, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    session.inject({ method: 'POST', url: '/api/activities/entries', payload, headers });
  const listDay = async (session: Session, date: string, employeeId?: string) =>
    (await session.inject({ method: 'GET', url: `/api/activities/entries?date=${date}${employeeId ? `&employeeId=${employeeId}` : ''}` })).json<ListBody>();
  const expectRule = (response: { statusCode: number; json: <T>() => T }, status: number, rule: string, field?: string) => {
    expect(response.statusCode).toBe(status);
    const body = response.json<ErrorBody>();
    expect(body.error.details?.rule).toBe(rule);
    if (field) expect(body.error.details?.field).toBe(field);
    expect(body.error.message.length).toBeGreaterThan(10);
  };

  it('offers the catalogue of my position plus general items, never another position or an inactive item', async () => {
    const response = await staff.inject({ method: 'GET', url: '/api/activities/my-catalogue?date=2026-04-15' });
    expect(response.statusCode).toBe(200);
    const ids = response.json<{ items: { itemId: string; standardMinutes: number; outputUnit: string }[] }>().items.map((item) => item.itemId);
    expect(ids).toContain(catalogue.general);
    expect(ids).toContain(catalogue.ownPosition);
    expect(ids).not.toContain(catalogue.otherPosition);
    expect(ids).not.toContain(catalogue.inactive);
  });

  it('records an entry with claimed minutes = min(volume × standard minutes, span), audited', async () => {
    const created = await post(staff, entry({ catalogueItemId: catalogue.ownPosition, startTime: '07:30', endTime: '08:30', volume: 3, submit: true }));
    expect(created.statusCode).toBe(201);
    const view = created.json<ActivityEntryView>();
    expect(view).toMatchObject({ status: 'submitted', standardMinutes: 60, claimedMinutes: 60, volume: 3, title: 'Kegiatan JAB-STAF-1', outputUnit: 'dokumen', employeeId: opd.staff.id, signals: [], skpRhkId: null });
    expect(view.catalogueItemId).toBe(catalogue.ownPosition);
    const draft = await post(staff, entry({ startTime: '10:00', endTime: '12:00', volume: 2 }));
    expect(draft.json<ActivityEntryView>()).toMatchObject({ status: 'draft', claimedMinutes: 60, submittedAt: null });
    const additional = await post(staff, entry({ catalogueItemId: null, isAdditionalTask: true, title: 'Rapat koordinasi mendadak', startTime: '13:00', endTime: '14:15' }));
    expect(additional.json<ActivityEntryView>()).toMatchObject({ isAdditionalTask: true, claimedMinutes: 75, standardMinutes: null, catalogueVersionId: null });
    const audits = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'activity_entry'), eq(auditLog.entityId, view.id)));
    expect(audits.map((row) => row.action)).toEqual(['submit']);
  });

  it('refuses bad input with a clear Indonesian error naming the rule and the field', async () => {
    expectRule(await post(staff, entry({ startTime: '10:00', endTime: '09:00' })), 400, 'time_order', 'endTime');
    expectRule(await post(staff, entry({ startTime: '16:00', endTime: '16:00' })), 400, 'time_order', 'endTime');
    expectRule(await post(staff, entry({ startTime: '16:00', endTime: '17:00', volume: 0 })), 400, 'volume', 'volume');
    expectRule(await post(staff, entry({ startTime: '16:00', endTime: '17:00', volume: 20_000 })), 400, 'volume', 'volume');
    expectRule(await post(staff, entry({ workDate: '2026-04-16' })), 400, 'future_date', 'workDate');
    expectRule(await post(staff, entry({ workDate: '2026-04-10' })), 409, 'deadline', 'workDate');
    expectRule(await post(staff, entry({ workDate: '2026-04-12' })), 409, 'day_off', 'workDate');
    expectRule(await post(staff, entry({ startTime: '16:00', endTime: '17:00', catalogueItemId: catalogue.otherPosition })), 400, 'catalogue_item', 'catalogueItemId');
    expectRule(await post(staff, entry({ startTime: '16:00', endTime: '17:00', catalogueItemId: catalogue.inactive })), 400, 'catalogue_item', 'catalogueItemId');
    expectRule(await post(staff, entry({ startTime: '16:00', endTime: '17:00', catalogueItemId: null })), 400, 'catalogue_item', 'catalogueItemId');
    const badLink = await post(staff, entry({ startTime: '16:00', endTime: '17:00', evidenceLink: 'javascript:alert(1)' }));
    expect(badLink.statusCode).toBe(400);
    expect(badLink.body).toContain('http');
    // An RHK that is not of my approved SKP in force (activities-entries-rhk.test.ts covers the link).
    expectRule(await post(staff, entry({ startTime: '16:00', endTime: '17:00', skpRhkId: '6f1c2c57-3c55-4a57-9f49-8d9e1f0c7b11' })), 400, 'rhk_not_citable', 'skpRhkId');
    // Nothing half-written: the day holds only what the first test stored.
    expect((await listDay(staff, '2026-04-15')).items).toHaveLength(3);
  });

  it('refuses overlapping times (touching ends are fine) and the daily cap over the entries that still count', async () => {
    expectRule(await post(staff, entry({ startTime: '08:15', endTime: '08:45' })), 409, 'overlap', 'startTime');
    expect((await post(staff, entry({ startTime: '08:30', endTime: '09:00' }))).statusCode).toBe(201);
    // So far 60 + 60 + 75 + 30 = 225 minutes; a 240-minute additional task would make 465 > 450.
    expectRule(await post(staff, entry({ catalogueItemId: null, isAdditionalTask: true, title: 'Lembur laporan', startTime: '14:15', endTime: '18:15' })), 409, 'daily_cap', 'volume');
    const fits = await post(staff, entry({ catalogueItemId: null, isAdditionalTask: true, title: 'Lembur laporan', startTime: '14:15', endTime: '18:00' }));
    expect(fits.statusCode).toBe(201);
    const day = await listDay(staff, '2026-04-15');
    expect(day.days).toEqual([{ date: '2026-04-15', entryCount: 5, claimedMinutes: 450, approvedMinutes: 0, capMinutes: 450 }]);
    // A rejected entry frees its minutes and its time.
    await t.handle.db.update(activityEntries).set({ status: 'rejected' }).where(eq(activityEntries.id, fits.json<ActivityEntryView>().id));
    expect((await post(staff, entry({ startTime: '14:30', endTime: '15:00' }))).statusCode).toBe(201);
  });

  it('a retry with the same idempotency key returns the same entry, also when two retries race', async () => {
    const key = 'offline-0001-abcdef';
    const first = await post(colleague, entry({ idempotencyKey: key }));
    expect(first.statusCode).toBe(201);
    const again = await post(colleague, entry({ idempotencyKey: key }));
    expect(again.statusCode).toBe(200);
    expect(again.json<ActivityEntryView>().id).toBe(first.json<ActivityEntryView>().id);
    // The header works too and wins over the body.
    const racing = await Promise.all([
      post(colleague, entry({ startTime: '09:00', endTime: '10:00' }), { 'idempotency-key': 'offline-0002-race' }),
      post(colleague, entry({ startTime: '09:00', endTime: '10:00', idempotencyKey: 'ignored-body-key' }), { 'idempotency-key': 'offline-0002-race' }),
    ]);
    expect(racing.map((response) => response.statusCode).sort()).toEqual([200, 201]);
    expect(new Set(racing.map((response) => response.json<ActivityEntryView>().id)).size).toBe(1);
    const rows = await t.handle.db.select().from(activityEntries).where(and(eq(activityEntries.employeeId, colleagueId), eq(activityEntries.idempotencyKey, 'offline-0002-race')));
    expect(rows).toHaveLength(1);
    expect((await post(colleague, entry(), { 'idempotency-key': 'bad key!' })).statusCode).toBe(400);
  });

  it('of two concurrent overlapping entries exactly one wins', async () => {
    const [a, b] = await Promise.all([post(colleague, entry({ startTime: '10:00', endTime: '11:00' })), post(colleague, entry({ startTime: '10:30', endTime: '11:30' }))]);
    expect([a?.statusCode, b?.statusCode].sort()).toEqual([201, 409]);
    const day = await listDay(colleague, '2026-04-15');
    expect(day.items.filter((item) => item.startTime >= '10:00')).toHaveLength(1);
  });

  it('an admin extension for the unit, an ancestor or the region reopens a passed deadline while it runs', async () => {
    const db = t.handle.db;
    const late = entry({ workDate: '2026-04-10', startTime: '08:00', endTime: '09:00' });
    expectRule(await post(otherStaff, late), 409, 'deadline');
    // Expired, or for another unit: still closed.
    await db.insert(activityDeadlineExtensions).values({ unitId: null, workDateFrom: '2026-04-10', workDateTo: '2026-04-10', extendedUntil: new Date('2026-04-15T02:00:00Z'), reason: 'Gangguan jaringan yang sudah lewat' });
    await db.insert(activityDeadlineExtensions).values({ unitId: opd.unit.id, workDateFrom: '2026-04-09', workDateTo: '2026-04-10', extendedUntil: new Date('2026-04-17T00:00:00Z'), reason: 'Gangguan listrik di OPD lain' });
    expectRule(await post(otherStaff, late), 409, 'deadline');
    // The staff member sits in a bidang below the OPD: the OPD's extension covers them.
    expect((await post(staff, late)).statusCode).toBe(201);
    // A region-wide extension covers everyone.
    await db.insert(activityDeadlineExtensions).values({ unitId: null, workDateFrom: '2026-04-10', workDateTo: '2026-04-10', extendedUntil: new Date('2026-04-16T17:00:00Z'), reason: 'Server pusat tidak dapat diakses' });
    expect((await post(otherStaff, late)).statusCode).toBe(201);
  });

  it('refuses a closed month and a day of approved leave (but not WFH)', async () => {
    const db = t.handle.db;
    await db.insert(periodClosures).values({ period: '2026-03', closedAt: new Date('2026-04-06T00:00:00Z') });
    await db.insert(activityDeadlineExtensions).values({ unitId: null, workDateFrom: '2026-03-31', workDateTo: '2026-03-31', extendedUntil: new Date('2026-04-30T00:00:00Z'), reason: 'Perpanjangan uji bulan tertutup' });
    expectRule(await post(otherStaff, entry({ workDate: '2026-03-31' })), 409, 'period_closed', 'workDate');
    await db.insert(attendanceRequests).values({ employeeId: otherOpd.staff.id, kind: 'cuti_tahunan', startDate: '2026-04-14', endDate: '2026-04-14', reason: 'Urusan keluarga', status: 'disetujui' });
    await db.insert(attendanceRequests).values({ employeeId: otherOpd.staff.id, kind: 'wfh', startDate: '2026-04-13', endDate: '2026-04-13', reason: 'Kerja dari rumah', status: 'disetujui' });
    const onLeave = await post(otherStaff, entry({ workDate: '2026-04-14' }));
    expectRule(onLeave, 409, 'leave_day', 'workDate');
    expect(onLeave.json<ErrorBody>().error.message).toContain('cuti tahunan');
    expect((await post(otherStaff, entry({ workDate: '2026-04-13' }))).statusCode).toBe(201);
  });

  it('edits with optimistic concurrency, resubmits a returned entry, and keeps decided entries read-only', async () => {
    const created = (await post(staff, entry({ workDate: '2026-04-14', startTime: '07:30', endTime: '08:30' }))).json<ActivityEntryView>();
    const patch = (revision: number, overrides: Record<string, unknown> = {}) =>
      staff.inject({ method: 'PATCH', url: `/api/activities/entries/${created.id}`, payload: { ...entry({ workDate: '2026-04-14', startTime: '07:30', endTime: '09:00', volume: 3 }), revision, ...overrides } });
    const edited = await patch(1);
    expect(edited.statusCode).toBe(200);
    expect(edited.json<ActivityEntryView>()).toMatchObject({ revision: 2, claimedMinutes: 90, endTime: '09:00', status: 'draft' });
    expectRule(await patch(1), 409, 'revision', 'revision');
    expectRule(await patch(2, { endTime: '07:00' }), 400, 'time_order', 'endTime');
    // Another person cannot touch it: it does not exist for them.
    expect((await colleague.inject({ method: 'PATCH', url: `/api/activities/entries/${created.id}`, payload: { ...entry({ workDate: '2026-04-14' }), revision: 2 } })).statusCode).toBe(404);

    const submitted = await staff.inject({ method: 'POST', url: `/api/activities/entries/${created.id}/submit`, payload: { revision: 2 } });
    expect(submitted.json<ActivityEntryView>()).toMatchObject({ status: 'submitted', revision: 3 });
    await t.handle.db.update(activityEntries).set({ status: 'returned', decisionReason: 'Lengkapi uraian', revision: 4 }).where(eq(activityEntries.id, created.id));
    const revised = await patch(4, { description: 'Menyusun draf surat undangan rapat' });
    expect(revised.json<ActivityEntryView>()).toMatchObject({ status: 'returned', revision: 5 });
    const resubmitted = await staff.inject({ method: 'POST', url: `/api/activities/entries/${created.id}/submit`, payload: { revision: 5 } });
    expect(resubmitted.json<ActivityEntryView>()).toMatchObject({ status: 'submitted', decidedAt: null, decisionReason: 'Lengkapi uraian' });

    await t.handle.db.update(activityEntries).set({ status: 'approved', approvedMinutes: 90 }).where(eq(activityEntries.id, created.id));
    expectRule(await patch(6), 409, 'status');
    expectRule(await staff.inject({ method: 'DELETE', url: `/api/activities/entries/${created.id}?revision=6` }), 409, 'status');
    const day = await listDay(staff, '2026-04-14');
    expect(day.days[0]).toMatchObject({ claimedMinutes: 90, approvedMinutes: 90 });
  });

  it('deletes an undecided entry with its revision', async () => {
    const created = (await post(staff, entry({ workDate: '2026-04-14', startTime: '15:00', endTime: '15:30' }))).json<ActivityEntryView>();
    expectRule(await staff.inject({ method: 'DELETE', url: `/api/activities/entries/${created.id}?revision=9` }), 409, 'revision');
    expect((await staff.inject({ method: 'DELETE', url: `/api/activities/entries/${created.id}?revision=1` })).statusCode).toBe(200);
    expect((await staff.inject({ method: 'GET', url: `/api/activities/entries/${created.id}` })).statusCode).toBe(404);
  });

  it('lets admins read in scope only, and lists a month with per-day totals', async () => {
    const month = await staff.inject({ method: 'GET', url: '/api/activities/entries?month=2026-04' });
    const body = month.json<ListBody>();
    expect(body.days).toHaveLength(30);
    expect(body.days.find((day) => day.date === '2026-04-15')?.claimedMinutes).toBe(60 + 60 + 75 + 30 + 30);
    expect((await listDay(adminOpd, '2026-04-15', opd.staff.id)).items.length).toBeGreaterThan(0);
    expect((await pimpinan.inject({ method: 'GET', url: `/api/activities/entries?date=2026-04-15&employeeId=${opd.staff.id}` })).statusCode).toBe(200);
    expect((await otherAdminOpd.inject({ method: 'GET', url: `/api/activities/entries?date=2026-04-15&employeeId=${opd.staff.id}` })).statusCode).toBe(404);
    expect((await colleague.inject({ method: 'GET', url: `/api/activities/entries?date=2026-04-15&employeeId=${opd.staff.id}` })).statusCode).toBe(404);
    expect((await adminBkpsdm.inject({ method: 'POST', url: '/api/activities/entries', payload: entry() })).statusCode).toBe(403);
    expect((await staff.inject({ method: 'GET', url: '/api/activities/entries?month=2026-04&date=2026-04-01' })).statusCode).toBe(400);
  });

  it('copies the previous working day as drafts, skipping copies that break a rule', async () => {
    await post(colleague, entry({ workDate: '2026-04-13', startTime: '10:00', endTime: '11:00' }));
    const tuesday = await post(colleague, entry({ workDate: '2026-04-14', startTime: '08:00', endTime: '09:00', catalogueItemId: catalogue.ownPosition }));
    expect(tuesday.statusCode).toBe(201);
    await post(colleague, entry({ workDate: '2026-04-14', startTime: '13:30', endTime: '14:30', description: 'Bentrok dengan entri tanggal tujuan' }));
    const copied = await colleague.inject({ method: 'POST', url: '/api/activities/entries/copy', payload: { targetDate: '2026-04-15', sourceDate: '2026-04-14' } });
    expect(copied.statusCode).toBe(200);
    const result = copied.json<{ sourceDate: string; created: ActivityEntryView[]; skipped: { rule: string; reason: string }[] }>();
    expect(result.sourceDate).toBe('2026-04-14');
    // 08:00–09:00 clashes with the colleague's entries of 15 April; 13:30–14:30 does not.
    expect(result.skipped.map((skip) => skip.rule)).toEqual(['overlap']);
    expect(result.created).toHaveLength(1);
    expect(result.created[0]).toMatchObject({ status: 'draft', workDate: '2026-04-15', startTime: '13:30', evidence: null });
    const byDefault = await colleague.inject({ method: 'POST', url: '/api/activities/entries/copy', payload: { targetDate: '2026-04-14' } });
    const defaultResult = byDefault.json<{ sourceDate: string; created: ActivityEntryView[]; skipped: unknown[] }>();
    expect(defaultResult.sourceDate).toBe('2026-04-13');
    expect(defaultResult.created.map((item) => item.startTime)).toEqual(['10:00']);
  });

  it('keeps private templates and records an entry from one', async () => {
    const created = await staff.inject({
      method: 'POST',
      url: '/api/activities/templates',
      payload: { name: 'Apel pagi', catalogueItemId: catalogue.ownPosition, volume: 1, startTime: '07:00', endTime: '07:30' },
    });
    expect(created.statusCode).toBe(201);
    const template = created.json<{ id: string; catalogueName: string }>();
    expect(template.catalogueName).toBe('Kegiatan JAB-STAF-1');
    expect((await staff.inject({ method: 'POST', url: '/api/activities/templates', payload: { name: 'Apel pagi', isAdditionalTask: true, title: 'Apel' } })).statusCode).toBe(409);
    expect((await staff.inject({ method: 'POST', url: '/api/activities/templates', payload: { name: 'Tanpa kegiatan' } })).statusCode).toBe(400);
    expect((await colleague.inject({ method: 'GET', url: '/api/activities/templates' })).json<{ items: unknown[] }>().items).toHaveLength(0);
    expect((await colleague.inject({ method: 'DELETE', url: `/api/activities/templates/${template.id}` })).statusCode).toBe(404);
    const renamed = await staff.inject({ method: 'PATCH', url: `/api/activities/templates/${template.id}`, payload: { name: 'Apel pagi harian', catalogueItemId: catalogue.ownPosition, startTime: '07:00', endTime: '07:30' } });
    expect(renamed.json<{ name: string }>().name).toBe('Apel pagi harian');
    const fromTemplate = await staff.inject({ method: 'POST', url: `/api/activities/templates/${template.id}/entries`, payload: { workDate: '2026-04-13', idempotencyKey: 'template-entry-0001' } });
    expect(fromTemplate.statusCode).toBe(201);
    expect(fromTemplate.json<ActivityEntryView>()).toMatchObject({ startTime: '07:00', endTime: '07:30', claimedMinutes: 30, status: 'draft' });
    const retried = await staff.inject({ method: 'POST', url: `/api/activities/templates/${template.id}/entries`, payload: { workDate: '2026-04-13', idempotencyKey: 'template-entry-0001' } });
    expect(retried.statusCode).toBe(200);
    expect((await staff.inject({ method: 'DELETE', url: `/api/activities/templates/${template.id}` })).statusCode).toBe(200);
    expect((await staff.inject({ method: 'GET', url: '/api/activities/templates' })).json<{ items: unknown[] }>().items).toHaveLength(0);
  });

  it('takes evidence files by content (a text file named .pdf is refused) or http(s) links', async () => {
    const fake = await staff.inject({ method: 'POST', url: '/api/activities/evidence', ...multipart('laporan.pdf', Buffer.from('bukan pdf sama sekali')) });
    expect(fake.statusCode).toBe(415);
    expect(fake.json<ErrorBody>().error.code).toBe('UNSUPPORTED_FILE');
    const uploaded = await staff.inject({ method: 'POST', url: '/api/activities/evidence', ...multipart('foto.png', PNG) });
    expect(uploaded.statusCode).toBe(201);
    const fileId = uploaded.json<{ id: string }>().id;
    expectRule(await post(colleague, entry({ workDate: '2026-04-13', startTime: '15:00', endTime: '15:30', evidenceAttachmentId: fileId })), 400, 'evidence', 'evidenceAttachmentId');
    const withFile = await post(staff, entry({ workDate: '2026-04-13', startTime: '15:00', endTime: '15:30', evidenceAttachmentId: fileId, evidenceLink: 'https://drive.example.go.id/bukti/123' }));
    expect(withFile.statusCode).toBe(201);
    expect(withFile.json<ActivityEntryView>().evidence).toEqual({ attachmentId: fileId, fileName: 'foto.png', link: 'https://drive.example.go.id/bukti/123' });
    expect((await adminOpd.inject({ method: 'GET', url: `/api/activities/evidence/${fileId}` })).statusCode).toBe(200);
    expect((await otherAdminOpd.inject({ method: 'GET', url: `/api/activities/evidence/${fileId}` })).statusCode).toBe(404);
  });
});
