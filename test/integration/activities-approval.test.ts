import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityEntryView } from '../../src/contracts/activities';
import type { ApprovalQueue, ApprovalSummary, BulkEntryResult } from '../../src/contracts/activities-approval';
import { activityEntries, auditLog } from '../../src/server/db/schema';
import { rebuildDailyAttendance } from '../../src/server/modules/attendance/daily/rebuild-daily-attendance';
import { seedAttendanceReferenceData } from '../../src/server/modules/attendance/reference-data/seed-attendance-reference-data';
import { seedActivityReferenceData } from '../../src/server/modules/activities/reference-data/seed-activity-reference-data';
import { closePeriodFixture, createApprovedLeaveFixture, createCatalogueFixture, createEntryFixture, type CatalogueFixture, type EntryFixtureInput } from '../helpers/activity-fixtures';
import { createAccount, createEmployeeFixture, createOpdFixture, createPositionFixture, type OpdFixture } from '../helpers/factories';
import { createTestApp, loginAs, type Session, type TestApp } from '../helpers/test-app';

// Tuesday 10 March 2026, 10:00 WIB. January's approval deadline (10 February) has passed; March's has not.
const NOW = '2026-03-10T03:00:00Z';

interface ErrorBody {
  error: { code: string; message: string; details?: { results?: BulkEntryResult[] } };
}

describe('activity approval', () => {
  let t: TestApp;
  let catalogue: CatalogueFixture;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    await seedAttendanceReferenceData(t.handle.db, t.clock);
    await seedActivityReferenceData(t.handle.db, t.clock);
    catalogue = await createCatalogueFixture(t.handle.db, { standardMinutes: 60 });
    const account = await createAccount(t.handle.db, t.clock, { username: 'admin-bkpsdm-aktivitas', roles: [{ role: 'admin_bkpsdm' }] });
    admin = await loginAs(t.app, account.login, account.password);
  });
  afterAll(async () => t.close());

  const login = async (employeeId: string) => {
    const account = await createAccount(t.handle.db, t.clock, { employeeId });
    return loginAs(t.app, account.login, account.password);
  };
  /** An OPD with sessions for its staff member, the bidang head (superior) and the kepala dinas. */
  const team = async () => {
    const opd = await createOpdFixture(t.handle.db, t.clock);
    return { opd, staff: await login(opd.staff.id), superior: await login(opd.bidangHead.id), head: await login(opd.head.id) };
  };
  const entry = (opd: OpdFixture, input: Partial<EntryFixtureInput> & { workDate: string }) =>
    createEntryFixture(t.handle.db, { employee: opd.staff, catalogue, startTime: '08:00', endTime: '09:00', ...input });
  const queueOf = async (session: Session, query = '') => (await session.inject({ method: 'GET', url: `/api/activities/approvals${query}` })).json<ApprovalQueue>();
  const decide = (session: Session, id: string, payload: Record<string, unknown>) => session.inject({ method: 'POST', url: `/api/activities/entries/${id}/decision`, payload });
  const bulk = (session: Session, payload: Record<string, unknown>) => session.inject({ method: 'POST', url: '/api/activities/approvals/bulk', payload });
  const statusOf = async (id: string) => (await t.handle.db.select({ status: activityEntries.status }).from(activityEntries).where(eq(activityEntries.id, id)))[0]?.status;
  const auditOf = (id: string) => t.handle.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'activity_entry'), eq(auditLog.entityId, id)));

  it('shows the superior of record the pending entries by person and day; only that superior decides', async () => {
    const { opd, staff, superior, head } = await team();
    const first = await entry(opd, { workDate: '2026-03-09', startTime: '08:00', endTime: '10:00', volume: 2 });
    const second = await entry(opd, { workDate: '2026-03-09', startTime: '10:00', endTime: '11:00' });
    const third = await entry(opd, { workDate: '2026-03-06' });
    await entry(opd, { workDate: '2026-03-05', status: 'draft' });

    const queue = await queueOf(superior);
    expect(queue.total).toBe(3);
    expect(queue.groups).toHaveLength(1);
    expect(queue.groups[0]).toMatchObject({ employeeId: opd.staff.id, pendingCount: 3 });
    expect(queue.groups[0]?.days.map((day) => [day.workDate, day.via, day.claimedMinutes, day.entries.length])).toEqual([
      ['2026-03-06', 'superior', 60, 1],
      ['2026-03-09', 'superior', 180, 2],
    ]);
    expect((await queueOf(head)).total).toBe(0);

    expect((await decide(head, first.id, { decision: 'approve' })).statusCode).toBe(403);
    expect((await decide(admin, first.id, { decision: 'approve' })).statusCode).toBe(403);
    expect((await decide(staff, first.id, { decision: 'approve' })).statusCode).toBe(403);

    const approved = await decide(superior, first.id, { decision: 'approve', revision: 1 });
    expect(approved.statusCode).toBe(200);
    expect(approved.json<ActivityEntryView>()).toMatchObject({ status: 'approved', approvedMinutes: 120, claimedMinutes: 120, revision: 2 });
    expect(approved.json<ActivityEntryView>().decidedByName).toContain('Pegawai Uji');
    const again = await decide(superior, first.id, { decision: 'reject', reason: 'Keliru' });
    expect(again.statusCode).toBe(409);

    const noReason = await decide(superior, second.id, { decision: 'reject' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<ErrorBody>().error.message).toBe('Alasan penolakan wajib diisi');
    const rejected = await decide(superior, second.id, { decision: 'reject', reason: 'Bukan tugas jabatan Anda' });
    expect(rejected.json<ActivityEntryView>()).toMatchObject({ status: 'rejected', approvedMinutes: null, decisionReason: 'Bukan tugas jabatan Anda' });

    expect((await decide(superior, third.id, { decision: 'return', reason: 'Lengkapi uraian', revision: 7 })).statusCode).toBe(409);
    expect((await decide(superior, third.id, { decision: 'return' })).json<ErrorBody>().error.message).toBe('Alasan pengembalian untuk perbaikan wajib diisi');
    expect((await decide(superior, third.id, { decision: 'return', reason: 'Lengkapi uraian' })).json<ActivityEntryView>().status).toBe('returned');

    const trail = await auditOf(first.id);
    expect(trail.map((row) => row.action)).toEqual(['approve']);
    expect(trail[0]?.after).toMatchObject({ status: 'approved', approvedMinutes: 120, via: 'superior' });
    expect(trail[0]?.scopeUnitId).toBe(opd.staff.unitId);
    expect((await queueOf(superior)).total).toBe(0);
  });

  it('lets the decider judge the evidence: matching, insufficient, not matching', async () => {
    const { opd, superior, head } = await team();
    const one = await entry(opd, { workDate: '2026-03-09', evidenceLink: 'https://drive.example.go.id/berkas/1' });
    const verdict = (session: Session, payload: Record<string, unknown>) => session.inject({ method: 'POST', url: `/api/activities/entries/${one.id}/evidence-verdict`, payload });

    const insufficient = await verdict(superior, { verdict: 'insufficient' });
    expect(insufficient.statusCode).toBe(200);
    expect(insufficient.json<ActivityEntryView>()).toMatchObject({ evidenceVerdict: 'insufficient', status: 'submitted', revision: 2 });
    expect((await verdict(head, { verdict: 'matching' })).statusCode).toBe(403);
    expect((await verdict(superior, { verdict: 'matching', revision: 1 })).statusCode).toBe(409);
    expect((await verdict(superior, { verdict: 'sesuai' })).statusCode).toBe(400);

    const approved = await decide(superior, one.id, { decision: 'approve', evidenceVerdict: 'matching' });
    expect(approved.json<ActivityEntryView>()).toMatchObject({ status: 'approved', evidenceVerdict: 'matching' });
    const later = await verdict(superior, { verdict: 'not_matching' });
    expect(later.json<ActivityEntryView>()).toMatchObject({ status: 'approved', evidenceVerdict: 'not_matching' });
    expect((await auditOf(one.id)).map((row) => row.action).sort()).toEqual(['approve', 'evidence_verdict', 'evidence_verdict']);
  });

  it('routes to the acting official (Plh) while the superior is on leave', async () => {
    const { opd, superior } = await team();
    const plh = await createEmployeeFixture(t.handle.db, t.clock, { positionId: opd.bidangHeadPosition.id, assignmentKind: 'plh', startDate: '2026-03-09' });
    const acting = await login(plh.id);
    await createApprovedLeaveFixture(t.handle.db, { employeeId: opd.bidangHead.id, startDate: '2026-03-09', endDate: '2026-03-13' });
    const one = await entry(opd, { workDate: '2026-03-06' });

    expect((await queueOf(superior)).total).toBe(0);
    const queue = await queueOf(acting);
    expect(queue.groups[0]?.days[0]).toMatchObject({ workDate: '2026-03-06', via: 'acting_official' });
    expect((await decide(superior, one.id, { decision: 'approve' })).statusCode).toBe(403);
    expect((await decide(acting, one.id, { decision: 'approve' })).json<ActivityEntryView>().status).toBe('approved');
    expect((await auditOf(one.id))[0]?.after).toMatchObject({ via: 'acting_official', decidedByEmployeeId: plh.id });
  });

  it('routes to the next superior up when the superior is away without an acting official, or the seat is vacant', async () => {
    const { opd, superior, head } = await team();
    await createApprovedLeaveFixture(t.handle.db, { employeeId: opd.bidangHead.id, kind: 'dinas_luar', startDate: '2026-03-10', endDate: '2026-03-10' });
    const vacantSeat = await createPositionFixture(t.handle.db, t.clock, { unitId: opd.bidang.id, jenis: 'administrator', isUnitHead: false, superiorPositionId: opd.headPosition.id });
    const seatBelow = await createPositionFixture(t.handle.db, t.clock, { unitId: opd.bidang.id, superiorPositionId: vacantSeat.id });
    const lonely = await createEmployeeFixture(t.handle.db, t.clock, { positionId: seatBelow.id });
    const away = await entry(opd, { workDate: '2026-03-09' });
    const vacant = await createEntryFixture(t.handle.db, { employee: lonely, catalogue, workDate: '2026-03-09', startTime: '08:00', endTime: '09:00' });

    expect((await queueOf(superior)).total).toBe(0);
    const queue = await queueOf(head);
    const viaOf = (employeeId: string) => queue.groups.find((group) => group.employeeId === employeeId)?.days[0]?.via;
    expect(viaOf(opd.staff.id)).toBe('next_superior_away');
    expect(viaOf(lonely.id)).toBe('next_superior_vacant');

    const decided = await bulk(head, { decision: 'approve', selection: { kind: 'entries', entryIds: [away.id, vacant.id] } });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({ decided: 2 });
    expect([await statusOf(away.id), await statusOf(vacant.id)]).toEqual(['approved', 'approved']);
  });

  it('after the approval deadline the next superior up may decide too; of two deciding at once exactly one wins', async () => {
    const { opd, superior, head } = await team();
    const late = await entry(opd, { workDate: '2026-01-15' });
    expect((await queueOf(superior)).groups[0]?.days[0]).toMatchObject({ via: 'superior', isOverdue: true });
    expect((await queueOf(head)).groups[0]?.days[0]).toMatchObject({ via: 'next_superior_overdue', isOverdue: true });

    const responses = await Promise.all([decide(superior, late.id, { decision: 'approve' }), decide(head, late.id, { decision: 'reject', reason: 'Terlambat diajukan' })]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    const winner = responses.find((response) => response.statusCode === 200)?.json<ActivityEntryView>();
    expect(await statusOf(late.id)).toBe(winner?.status);
    const decisions = (await auditOf(late.id)).filter((row) => row.action === 'approve' || row.action === 'reject');
    expect(decisions).toHaveLength(1);
  });

  it('decides in bulk all-or-nothing: selected entries, a day, a month', async () => {
    const { opd, superior } = await team();
    const other = await createOpdFixture(t.handle.db, t.clock);
    const mondayA = await entry(opd, { workDate: '2026-03-02', startTime: '08:00', endTime: '09:00' });
    const mondayB = await entry(opd, { workDate: '2026-03-02', startTime: '09:00', endTime: '10:00' });
    const tuesday = await entry(opd, { workDate: '2026-03-03' });
    const done = await entry(opd, { workDate: '2026-03-04', status: 'approved' });
    const stranger = await createEntryFixture(t.handle.db, { employee: other.staff, catalogue, workDate: '2026-03-02', startTime: '08:00', endTime: '09:00' });

    const forbiddenOne = await bulk(superior, { decision: 'approve', selection: { kind: 'entries', entryIds: [mondayA.id, stranger.id] } });
    expect(forbiddenOne.statusCode).toBe(403);
    const report = forbiddenOne.json<ErrorBody>().error.details?.results ?? [];
    expect(report.map((row) => [row.entryId, row.code])).toEqual([
      [mondayA.id, null],
      [stranger.id, 'FORBIDDEN'],
    ]);
    expect(await statusOf(mondayA.id)).toBe('submitted');

    const decidedOne = await bulk(superior, { decision: 'approve', selection: { kind: 'entries', entryIds: [mondayA.id, done.id] } });
    expect(decidedOne.statusCode).toBe(409);
    expect(decidedOne.json<ErrorBody>().error.message).toContain('1 dari 2 aktivitas tidak dapat diputuskan');
    expect(await statusOf(mondayA.id)).toBe('submitted');

    const day = await bulk(superior, { decision: 'approve', selection: { kind: 'day', employeeId: opd.staff.id, workDate: '2026-03-02' } });
    expect(day.json()).toMatchObject({ decided: 2 });
    expect([await statusOf(mondayA.id), await statusOf(mondayB.id), await statusOf(tuesday.id)]).toEqual(['approved', 'approved', 'submitted']);

    expect((await bulk(superior, { decision: 'return', selection: { kind: 'month', employeeId: opd.staff.id, month: '2026-03' } })).statusCode).toBe(400);
    const month = await bulk(superior, { decision: 'return', reason: 'Uraian terlalu singkat', selection: { kind: 'month', employeeId: opd.staff.id, month: '2026-03' } });
    expect(month.json()).toMatchObject({ decided: 1, results: [{ entryId: tuesday.id, outcome: 'decided' }] });
    expect(await statusOf(tuesday.id)).toBe('returned');
    expect((await bulk(superior, { decision: 'approve', selection: { kind: 'day', employeeId: opd.staff.id, workDate: '2026-03-02' } })).statusCode).toBe(409);
    expect((await auditOf(mondayB.id)).map((row) => row.action)).toEqual(['approve']);
  });

  it('refuses decisions in a month closed for TPP', async () => {
    const { opd, superior } = await team();
    const february = await entry(opd, { workDate: '2026-02-16' });
    await closePeriodFixture(t.handle.db, '2026-02', t.clock.now());
    const single = await decide(superior, february.id, { decision: 'approve' });
    expect(single.statusCode).toBe(409);
    expect(single.json<ErrorBody>().error.message).toContain('sudah ditutup');
    expect((await bulk(superior, { decision: 'approve', selection: { kind: 'month', employeeId: opd.staff.id, month: '2026-02' } })).statusCode).toBe(409);
    expect((await superior.inject({ method: 'POST', url: `/api/activities/entries/${february.id}/evidence-verdict`, payload: { verdict: 'matching' } })).statusCode).toBe(409);
    expect(await statusOf(february.id)).toBe('submitted');
  });

  it('counts pending work for reminders: oldest, due soon, overdue', async () => {
    const { opd, superior, staff } = await team();
    await entry(opd, { workDate: '2026-01-20' });
    await entry(opd, { workDate: '2026-02-27' });
    await entry(opd, { workDate: '2026-03-09' });
    const summary = (await superior.inject({ method: 'GET', url: '/api/activities/approvals/summary' })).json<ApprovalSummary>();
    // February's deadline ends 10 March at midnight WIB: within 48 hours.
    expect(summary).toEqual({ pending: 3, people: 1, oldestWorkDate: '2026-01-20', dueSoon: 1, overdue: 1 });
    expect((await staff.inject({ method: 'GET', url: '/api/activities/approvals/summary' })).json<ApprovalSummary>().pending).toBe(0);
    expect((await admin.inject({ method: 'GET', url: '/api/activities/approvals/summary' })).json<ApprovalSummary>().pending).toBe(0);
  });

  it('flags entries outside working hours, on a TK day, and repeated text (not blocking)', async () => {
    const { opd, superior } = await team();
    // Thursday 5 March: no punches → TK. Ramadan hours (08:00–15:00) apply in early March 2026.
    await rebuildDailyAttendance(t.handle.db, { unitId: opd.unit.id, from: '2026-03-05', to: '2026-03-05', now: t.clock.now() });
    const onTk = await entry(opd, { workDate: '2026-03-05', startTime: '09:00', endTime: '10:00' });
    const early = await entry(opd, { workDate: '2026-03-09', startTime: '06:30', endTime: '07:30' });
    const texts = ['Menyusun laporan harian', 'menyusun  laporan harian.', 'MENYUSUN LAPORAN HARIAN', 'Menyusun laporan harian', 'menyusun laporan harian'];
    const repeated = [];
    for (const [index, workDate] of ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-06', '2026-03-10'].entries()) {
      repeated.push(await entry(opd, { workDate, startTime: '10:00', endTime: '11:00', description: texts[index] ?? null }));
    }
    const plain = await entry(opd, { workDate: '2026-03-10', startTime: '11:00', endTime: '12:00', description: 'Rapat koordinasi bidang' });

    const entries = (await queueOf(superior)).groups.flatMap((group) => group.days.flatMap((day) => day.entries));
    const signalsOf = (id: string) => entries.find((item) => item.id === id)?.signals;
    expect(signalsOf(onTk.id)).toEqual(['on_absent_day']);
    expect(signalsOf(early.id)).toEqual(['outside_working_hours']);
    for (const item of repeated) expect(signalsOf(item.id)).toContain('repeated_text');
    expect(signalsOf(plain.id)).toEqual([]);
    // Flagged, never blocked.
    expect((await decide(superior, onTk.id, { decision: 'approve' })).statusCode).toBe(200);
  });

  it('validates the bodies', async () => {
    const { opd, superior } = await team();
    const one = await entry(opd, { workDate: '2026-03-09' });
    expect((await decide(superior, one.id, { decision: 'accept' })).statusCode).toBe(400);
    expect((await decide(superior, '00000000-0000-4000-8000-000000000000', { decision: 'approve' })).statusCode).toBe(404);
    expect((await bulk(superior, { decision: 'approve', selection: { kind: 'entries', entryIds: [] } })).statusCode).toBe(400);
    expect((await bulk(superior, { decision: 'approve', selection: { kind: 'month', employeeId: opd.staff.id, month: '2026-13' } })).statusCode).toBe(400);
  });
});
