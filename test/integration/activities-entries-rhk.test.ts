import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityEntryView } from '../../src/contracts/activities';
import { DEFAULT_ACTIVITY_RULES } from '../../src/domain/activities/rules';
import type { Database } from '../../src/server/db/client';
import { activityCatalogueItems, activityCatalogueVersions, activityEntries, activityRuleSets, auditLog, skpRhk, skps } from '../../src/server/db/schema';
import { seedActivityReferenceData } from '../../src/server/modules/activities/reference-data/seed-activity-reference-data';
import { seedAttendanceReferenceData } from '../../src/server/modules/attendance/reference-data/seed-attendance-reference-data';
import { createAccount, createEmployeeFixture, createOpdFixture, type EmployeeFixture, type OpdFixture } from '../helpers/factories';
import { createTestApp, loginAs, type Session, type TestApp } from '../helpers/test-app';

/**
 * Daily activities citing the SKP work plan (rules.md §2: daily progress linked to an RHK). The SKP
 * rows are written straight into the tables, so that these tests depend only on what makes an RHK
 * citable (approved, not superseded, its span covering the work date), not on the planning workflow.
 */

interface ErrorBody {
  error: { code: string; message: string; details?: { field?: string; rule?: string } };
}
interface CopyResult {
  created: ActivityEntryView[];
  skipped: { rule: string }[];
  unlinked: { sourceEntryId: string; entryId: string; title: string; reason: string }[];
}
interface Board {
  rhk: { rhkId: string; periods: { periodKey: string; activities: { entryCount: number; approvedMinutes: number } }[] }[];
}

/** Now: Wednesday 2026-04-15, 10:00 WIB. Entries stay open 40 days, so late March is still writable. */
const NOW = '2026-04-15T03:00:00Z';

let sequence = 0;
async function insertSkp(
  db: Database,
  employee: EmployeeFixture,
  input: { status: 'draft' | 'approved'; startDate: string; endDate: string; revision?: number; previousRevisionId?: string; supersededAt?: Date },
  rhk: { text: string; previousRhkId?: string }[],
): Promise<{ id: string; rhkIds: string[] }> {
  const [skp] = await db
    .insert(skps)
    .values({
      employeeId: employee.id,
      year: 2026,
      startDate: input.startDate,
      endDate: input.endDate,
      employeeName: employee.name,
      employeeNip: employee.nip,
      unitId: employee.unitId,
      status: input.status,
      revision: input.revision ?? 1,
      previousRevisionId: input.previousRevisionId ?? null,
      supersededAt: input.supersededAt ?? null,
      approach: 'permenpanrb_6_2022',
    })
    .returning({ id: skps.id });
  if (!skp) throw new Error('skp not created');
  const rows = await db
    .insert(skpRhk)
    .values(rhk.map((item, index) => ({ skpId: skp.id, kind: 'utama', text: `${item.text} ${++sequence}`, previousRhkId: item.previousRhkId ?? null, sortOrder: index + 1 })))
    .returning({ id: skpRhk.id });
  return { id: skp.id, rhkIds: rows.map((row) => row.id) };
}

describe('daily activity entries linked to SKP RHK', () => {
  let t: TestApp;
  let opd: OpdFixture;
  let staff: Session;
  let superior: Session;
  let colleague: Session;
  let catalogueItemId: string;
  /** The staff member's SKP: revision 1 (superseded), revision 2 (in force from April), revision 3 (draft). */
  const rhk = { a1: '', a2: '', b2: '', a3: '', colleague: '' };
  const text = { a2: '', b2: '' };
  let inForceSkpId: string;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    const db = t.handle.db;
    await seedAttendanceReferenceData(db, t.clock);
    await seedActivityReferenceData(db, t.clock);
    await db.insert(activityRuleSets).values({
      name: 'Aturan uji RHK',
      effectiveFrom: '2026-01-01',
      regulation: 'Perbup uji',
      rules: { ...DEFAULT_ACTIVITY_RULES, entryDeadline: { kind: 'days_after', days: 40 }, approvalDeadline: { kind: 'days_after', days: 40 } },
    });
    opd = await createOpdFixture(db, t.clock);
    const colleagueFixture = await createEmployeeFixture(db, t.clock, { positionId: opd.staffPosition.id });
    const login = async (employeeId: string) => {
      const account = await createAccount(db, t.clock, { employeeId });
      return loginAs(t.app, account.login, account.password);
    };
    staff = await login(opd.staff.id);
    superior = await login(opd.bidangHead.id);
    colleague = await login(colleagueFixture.id);
    const [item] = await db.insert(activityCatalogueItems).values({ code: 'UMUM-RHK-1', positionId: null }).returning({ id: activityCatalogueItems.id });
    if (!item) throw new Error('no item');
    await db.insert(activityCatalogueVersions).values({ itemId: item.id, version: 1, name: 'Verifikasi berkas', outputUnit: 'berkas', standardMinutes: 30, effectiveFrom: '2026-01-01' });
    catalogueItemId = item.id;

    const first = await insertSkp(db, opd.staff, { status: 'approved', startDate: '2026-01-01', endDate: '2026-12-31', supersededAt: new Date('2026-03-20T03:00:00Z') }, [
      { text: 'Terverifikasinya berkas perizinan (revisi 1)' },
    ]);
    rhk.a1 = first.rhkIds[0] ?? '';
    const second = await insertSkp(db, opd.staff, { status: 'approved', startDate: '2026-04-01', endDate: '2026-12-31', revision: 2, previousRevisionId: first.id }, [
      { text: 'Terverifikasinya berkas perizinan', previousRhkId: rhk.a1 },
      { text: 'Tersusunnya laporan bulanan' },
    ]);
    inForceSkpId = second.id;
    [rhk.a2, rhk.b2] = [second.rhkIds[0] ?? '', second.rhkIds[1] ?? ''];
    const third = await insertSkp(db, opd.staff, { status: 'draft', startDate: '2026-04-01', endDate: '2026-12-31', revision: 3, previousRevisionId: second.id }, [
      { text: 'Terverifikasinya berkas perizinan (usulan revisi 3)', previousRhkId: rhk.a2 },
    ]);
    rhk.a3 = third.rhkIds[0] ?? '';
    rhk.colleague = (await insertSkp(db, colleagueFixture, { status: 'approved', startDate: '2026-01-01', endDate: '2026-12-31' }, [{ text: 'RHK rekan kerja' }])).rhkIds[0] ?? '';
    const texts = await db.select({ id: skpRhk.id, text: skpRhk.text }).from(skpRhk);
    text.a2 = texts.find((row) => row.id === rhk.a2)?.text ?? '';
    text.b2 = texts.find((row) => row.id === rhk.b2)?.text ?? '';
  });
  afterAll(async () => t.close());

  const entry = (overrides: Record<string, unknown> = {}) => ({ workDate: '2026-04-15', startTime: '08:00', endTime: '09:00', catalogueItemId, volume: 2, ...overrides });
  const post = (session: Session, payload: Record<string, unknown>) => session.inject({ method: 'POST', url: '/api/activities/entries', payload });
  const created = async (session: Session, payload: Record<string, unknown>): Promise<ActivityEntryView> => {
    const response = await post(session, payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<ActivityEntryView>();
  };
  const expectNotCitable = (response: { statusCode: number; json: <T>() => T }) => {
    expect(response.statusCode).toBe(400);
    const body = response.json<ErrorBody>();
    expect(body.error.details).toEqual({ field: 'skpRhkId', rule: 'rhk_not_citable' });
    expect(body.error.message).toMatch(/RHK .*SKP Anda yang sudah disetujui/);
  };
  const countOn = async (workDate: string) => (await t.handle.db.select({ id: activityEntries.id }).from(activityEntries).where(and(eq(activityEntries.employeeId, opd.staff.id), eq(activityEntries.workDate, workDate)))).length;

  it('the picker list (/api/skp/my-rhk) and the entry check agree on what is citable', async () => {
    const listed = await staff.inject({ method: 'GET', url: '/api/skp/my-rhk?date=2026-04-15' });
    expect(listed.json<{ items: { id: string }[] }>().items.map((item) => item.id)).toEqual([rhk.a2, rhk.b2]);
    expect((await staff.inject({ method: 'GET', url: '/api/skp/my-rhk?date=2026-03-31' })).json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('records an entry citing an RHK of my approved SKP in force: the view shows the RHK and the audit keeps it', async () => {
    const view = await created(staff, entry({ startTime: '07:30', endTime: '08:30', skpRhkId: rhk.a2, submit: true }));
    expect(view).toMatchObject({ skpRhkId: rhk.a2, skpRhkText: text.a2, status: 'submitted' });
    const read = await staff.inject({ method: 'GET', url: `/api/activities/entries/${view.id}` });
    expect(read.json<ActivityEntryView>()).toMatchObject({ skpRhkId: rhk.a2, skpRhkText: text.a2 });
    const [audit] = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'activity_entry'), eq(auditLog.entityId, view.id)));
    expect(audit?.after).toMatchObject({ skpRhkId: rhk.a2 });
    const plain = await created(staff, entry({ startTime: '09:00', endTime: '09:30' }));
    expect(plain).toMatchObject({ skpRhkId: null, skpRhkText: null });
  });

  it('refuses another employee’s RHK, an RHK of an SKP not approved, and a date the SKP does not cover; nothing is written', async () => {
    const before = await countOn('2026-04-15');
    expectNotCitable(await post(staff, entry({ startTime: '10:00', endTime: '11:00', skpRhkId: rhk.colleague })));
    expectNotCitable(await post(staff, entry({ startTime: '10:00', endTime: '11:00', skpRhkId: rhk.a3 })));
    expectNotCitable(await post(staff, entry({ startTime: '10:00', endTime: '11:00', skpRhkId: '6f1c2c57-3c55-4a57-9f49-8d9e1f0c7b11' })));
    expectNotCitable(await post(staff, entry({ workDate: '2026-03-31', startTime: '10:00', endTime: '11:00', skpRhkId: rhk.a2 })));
    expectNotCitable(await post(colleague, entry({ startTime: '10:00', endTime: '11:00', skpRhkId: rhk.a2 })));
    expect((await post(staff, entry({ startTime: '10:00', endTime: '11:00', skpRhkId: 'bukan-uuid' }))).statusCode).toBe(400);
    expect(await countOn('2026-04-15')).toBe(before);
    expect(await countOn('2026-03-31')).toBe(0);
  });

  it('cites an RHK of an earlier revision (chosen from an older list, e.g. offline) as its current revision', async () => {
    const view = await created(staff, entry({ workDate: '2026-04-14', startTime: '13:00', endTime: '14:00', skpRhkId: rhk.a1 }));
    expect(view).toMatchObject({ skpRhkId: rhk.a2, skpRhkText: text.a2 });
  });

  it('an edit keeps the entry’s RHK while citable, drops it on a date it does not cover, and refuses a new RHK that is not citable', async () => {
    const view = await created(staff, entry({ workDate: '2026-04-13', startTime: '08:00', endTime: '09:00', skpRhkId: rhk.a2 }));
    const patch = (revision: number, overrides: Record<string, unknown>) =>
      staff.inject({ method: 'PATCH', url: `/api/activities/entries/${view.id}`, payload: { ...entry({ workDate: '2026-04-13' }), revision, ...overrides } });

    const kept = await patch(1, { description: 'Berkas 12 dan 13' });
    expect(kept.json<ActivityEntryView>()).toMatchObject({ skpRhkId: rhk.a2, skpRhkText: text.a2, revision: 2 });
    expectNotCitable(await patch(2, { skpRhkId: rhk.colleague }));
    const changed = await patch(2, { skpRhkId: rhk.b2 });
    expect(changed.json<ActivityEntryView>()).toMatchObject({ skpRhkId: rhk.b2, skpRhkText: text.b2 });
    const moved = await patch(3, { workDate: '2026-03-31', skpRhkId: rhk.b2 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<ActivityEntryView>()).toMatchObject({ workDate: '2026-03-31', skpRhkId: null, skpRhkText: null });
    const back = await patch(4, { workDate: '2026-04-13' });
    expect(back.json<ActivityEntryView>().skpRhkId).toBeNull();
    const linkedAgain = await patch(5, { skpRhkId: rhk.a2 });
    expect(linkedAgain.json<ActivityEntryView>().skpRhkId).toBe(rhk.a2);
    const unlinked = await patch(6, { skpRhkId: null });
    expect(unlinked.json<ActivityEntryView>().skpRhkId).toBeNull();
  });

  it('copying a day keeps each RHK link where it is citable on the target date and reports the copies made without it', async () => {
    const linked = await created(staff, entry({ workDate: '2026-04-01', startTime: '08:00', endTime: '09:00', skpRhkId: rhk.b2 }));
    await created(staff, entry({ workDate: '2026-04-01', startTime: '09:00', endTime: '10:00' }));
    const copy = (targetDate: string) => staff.inject({ method: 'POST', url: '/api/activities/entries/copy', payload: { sourceDate: '2026-04-01', targetDate } });

    const april = (await copy('2026-04-02')).json<CopyResult>();
    expect(april.skipped).toEqual([]);
    expect(april.created.map((item) => [item.startTime, item.skpRhkId, item.skpRhkText])).toEqual([
      ['08:00', rhk.b2, text.b2],
      ['09:00', null, null],
    ]);
    expect(april.unlinked).toEqual([]);

    const march = (await copy('2026-03-30')).json<CopyResult>();
    expect(march.created.map((item) => [item.startTime, item.skpRhkId])).toEqual([
      ['08:00', null],
      ['09:00', null],
    ]);
    expect(march.unlinked).toEqual([{ sourceEntryId: linked.id, entryId: march.created[0]?.id, title: 'Verifikasi berkas', reason: expect.stringContaining('RHK ini tidak termasuk SKP Anda') }]);
  });

  it('a template cites an RHK of my SKP in force; an entry from it keeps the RHK only where citable', async () => {
    const template = (payload: Record<string, unknown>) =>
      staff.inject({ method: 'POST', url: '/api/activities/templates', payload: { catalogueItemId, volume: 1, startTime: '15:00', endTime: '15:30', ...payload } });
    expectNotCitable(await template({ name: 'Templat RHK rekan', skpRhkId: rhk.colleague }));
    expectNotCitable(await template({ name: 'Templat RHK draf', skpRhkId: rhk.a3 }));
    const saved = await template({ name: 'Laporan harian', skpRhkId: rhk.b2 });
    expect(saved.statusCode, saved.body).toBe(201);
    const { id } = saved.json<{ id: string }>();
    expect(saved.json()).toMatchObject({ skpRhkId: rhk.b2, skpRhkText: text.b2 });
    const use = (workDate: string) => staff.inject({ method: 'POST', url: `/api/activities/templates/${id}/entries`, payload: { workDate } });
    const inApril = await use('2026-04-10');
    expect(inApril.statusCode, inApril.body).toBe(201);
    expect(inApril.json<ActivityEntryView>()).toMatchObject({ skpRhkId: rhk.b2, skpRhkText: text.b2 });
    const inMarch = await use('2026-03-27');
    expect(inMarch.statusCode, inMarch.body).toBe(201);
    expect(inMarch.json<ActivityEntryView>()).toMatchObject({ skpRhkId: null, skpRhkText: null });
  });

  it('the superior sees the RHK on the approval screen, and the SKP realisation counts the approved minutes', async () => {
    const first = await created(staff, entry({ workDate: '2026-04-08', startTime: '08:00', endTime: '09:00', volume: 2, skpRhkId: rhk.a2, submit: true }));
    const second = await created(staff, entry({ workDate: '2026-04-09', startTime: '08:00', endTime: '08:45', volume: 1, skpRhkId: rhk.a2, submit: true }));
    await created(staff, entry({ workDate: '2026-04-09', startTime: '09:00', endTime: '10:00', volume: 2, submit: true }));

    const queue = (await superior.inject({ method: 'GET', url: '/api/activities/approvals' })).json<{ groups: { days: { entries: ActivityEntryView[] }[] }[] }>();
    const shown = queue.groups.flatMap((group) => group.days.flatMap((day) => day.entries)).find((item) => item.id === first.id);
    expect(shown).toMatchObject({ skpRhkId: rhk.a2, skpRhkText: text.a2 });

    const boardBefore = (await staff.inject({ method: 'GET', url: `/api/skp/${inForceSkpId}/realisations` })).json<Board>();
    const aprilOf = (board: Board) => board.rhk.find((item) => item.rhkId === rhk.a2)?.periods.find((period) => period.periodKey === '2026-04')?.activities;
    expect(aprilOf(boardBefore)).toEqual({ entryCount: 0, approvedMinutes: 0 });

    for (const id of [first.id, second.id]) {
      const decided = await superior.inject({ method: 'POST', url: `/api/activities/entries/${id}/decision`, payload: { decision: 'approve' } });
      expect(decided.statusCode, decided.body).toBe(200);
    }
    const board = (await staff.inject({ method: 'GET', url: `/api/skp/${inForceSkpId}/realisations` })).json<Board>();
    // 2 × 30 = 60 minutes and 1 × 30 = 30 minutes approved; the unlinked entry does not count.
    expect(aprilOf(board)).toEqual({ entryCount: 2, approvedMinutes: 90 });
  });
});
