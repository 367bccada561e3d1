import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/server/db/schema';
import { seedAttendanceReferenceData } from '../../src/server/modules/attendance/reference-data/seed-attendance-reference-data';
import { rebuildDailyAttendance } from '../../src/server/modules/attendance/daily/rebuild-daily-attendance';
import { insertRequest } from '../../src/server/modules/attendance/requests/requests.repository';
import { closePeriodFixture } from '../helpers/activity-fixtures';
import { createAccount, createOpdFixture, type OpdFixture } from '../helpers/factories';
import { createTestApp, loginAs, type Session, type TestApp } from '../helpers/test-app';

const createAttendanceTestApp = (now: string): Promise<TestApp> => createTestApp({ now });

interface RequestBody {
  id: string;
  status: string;
  approverEmployeeId: string | null;
  workingDays: number | null;
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

function multipart(fileName: string, content: Buffer) {
  const boundary = '----ekinerja-test';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('leave and duty requests', () => {
  let t: TestApp;
  let opd: OpdFixture;
  let staff: Session;
  let superior: Session;
  let head: Session;
  let adminOpd: Session;

  beforeAll(async () => {
    // Monday 2026-04-13, 17:00 WIB: the week of 6–10 April is over.
    t = await createAttendanceTestApp('2026-04-13T10:00:00Z');
    await seedAttendanceReferenceData(t.handle.db, t.clock);
    opd = await createOpdFixture(t.handle.db, t.clock);
    const login = async (options: Parameters<typeof createAccount>[2]) => {
      const account = await createAccount(t.handle.db, t.clock, options);
      return loginAs(t.app, account.login, account.password);
    };
    staff = await login({ employeeId: opd.staff.id });
    superior = await login({ employeeId: opd.bidangHead.id });
    head = await login({ employeeId: opd.head.id });
    adminOpd = await login({ username: 'admin-opd-presensi', roles: [{ role: 'admin_opd', unitId: opd.unit.id }] });
  });
  afterAll(async () => t.close());

  const submit = (session: Session, payload: Record<string, unknown>) => session.inject({ method: 'POST', url: '/api/attendance/requests', payload });
  const decide = (session: Session, id: string, payload: Record<string, unknown>) =>
    session.inject({ method: 'POST', url: `/api/attendance/requests/${id}/decision`, payload });
  const dailyOf = async (session: Session, date: string) =>
    (await session.inject({ method: 'GET', url: `/api/attendance/daily?from=${date}&to=${date}` })).json<{ items: { status: string; requestIds: string[] }[] }>().items[0];

  it('goes to the superior of record; only that superior decides, and approval changes the attendance', async () => {
    await rebuildDailyAttendance(t.handle.db, { unitId: opd.unit.id, from: '2026-04-07', to: '2026-04-07', now: t.clock.now() });
    expect((await dailyOf(staff, '2026-04-07'))?.status).toBe('tk');

    const submitted = await submit(staff, { kind: 'izin', startDate: '2026-04-07', endDate: '2026-04-07', reason: 'Mengurus akta kelahiran anak' });
    expect(submitted.statusCode).toBe(201);
    const request = submitted.json<RequestBody>();
    expect(request).toMatchObject({ status: 'diajukan', approverEmployeeId: opd.bidangHead.id, workingDays: 1 });

    const wrong = await decide(head, request.id, { decision: 'disetujui' });
    expect(wrong.statusCode).toBe(403);
    const mine = await decide(staff, request.id, { decision: 'disetujui' });
    expect(mine.statusCode).toBe(403);

    const pending = (await superior.inject({ method: 'GET', url: '/api/attendance/requests?scope=to_approve&status=diajukan' })).json<{ items: RequestBody[] }>();
    expect(pending.items.map((item) => item.id)).toEqual([request.id]);

    const approved = await decide(superior, request.id, { decision: 'disetujui', reason: null });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'disetujui' });
    expect(await dailyOf(staff, '2026-04-07')).toMatchObject({ status: 'izin', requestIds: [request.id] });
    expect((await decide(superior, request.id, { decision: 'ditolak', reason: 'terlambat' })).statusCode).toBe(409);

    const trail = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'attendance_request'), eq(auditLog.entityId, request.id)));
    expect(trail.map((row) => row.action).sort()).toEqual(['approve', 'submit']);
  });

  it('refuses overlapping requests and dates or times that do not fit the kind', async () => {
    const overlap = await submit(staff, { kind: 'cuti_tahunan', startDate: '2026-04-06', endDate: '2026-04-08', reason: 'Acara keluarga' });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error.message).toContain('bertumpang tindih');
    const reversed = await submit(staff, { kind: 'izin', startDate: '2026-04-09', endDate: '2026-04-08', reason: 'Keperluan' });
    expect(reversed.statusCode).toBe(400);
    const noTimes = await submit(staff, { kind: 'dinas_luar_sebagian', startDate: '2026-04-09', endDate: '2026-04-09', reason: 'Rapat di kantor bupati' });
    expect(noTimes.json().error.message).toBe('Dinas luar sebagian hari memerlukan jam mulai dan jam selesai');
    const weekend = await submit(staff, { kind: 'izin', startDate: '2026-04-11', endDate: '2026-04-12', reason: 'Keperluan keluarga' });
    expect(weekend.json().error.message).toBe('Tidak ada hari kerja pada rentang tanggal ini');
  });

  it('counts annual leave in working days and refuses more than the balance', async () => {
    // 20 working days (1, 14 and 15 May are days off) against 12 + 6 carried over.
    const tooLong = await submit(staff, { kind: 'cuti_tahunan', startDate: '2026-04-20', endDate: '2026-05-20', reason: 'Pulang kampung' });
    expect(tooLong.statusCode).toBe(409);
    expect(tooLong.json().error.message).toContain('Sisa cuti tahunan 18 hari kerja, permohonan ini 20 hari kerja');

    const leave = await submit(staff, { kind: 'cuti_tahunan', startDate: '2026-04-30', endDate: '2026-05-04', reason: 'Pulang kampung' });
    expect(leave.json()).toMatchObject({ status: 'diajukan', workingDays: 2 });
    const balance = (await staff.inject({ method: 'GET', url: '/api/attendance/leave-balance?year=2026' })).json();
    expect(balance).toMatchObject({ allowanceDays: 12, carriedOverDays: 6, usedDays: 0, pendingDays: 2, remainingDays: 16 });

    const rejectWithoutReason = await decide(superior, leave.json<RequestBody>().id, { decision: 'ditolak' });
    expect(rejectWithoutReason.statusCode).toBe(400);
    const cancelled = await staff.inject({ method: 'POST', url: `/api/attendance/requests/${leave.json<RequestBody>().id}/cancel` });
    expect(cancelled.json()).toMatchObject({ status: 'dibatalkan' });
    const again = await staff.inject({ method: 'POST', url: `/api/attendance/requests/${leave.json<RequestBody>().id}/cancel` });
    expect(again.statusCode).toBe(409);
  });

  it('lets an admin OPD record on behalf (approved at once, audited), only inside their units', async () => {
    const recorded = await adminOpd.inject({
      method: 'POST',
      url: '/api/attendance/requests/record',
      payload: { employeeId: opd.staff.id, kind: 'dinas_luar', startDate: '2026-04-08', endDate: '2026-04-09', reason: 'Surat tugas 090/12/2026' },
    });
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json()).toMatchObject({ status: 'disetujui', workingDays: 2 });
    expect((await dailyOf(staff, '2026-04-08'))?.status).toBe('dinas_luar');
    const [audit] = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'record'), eq(auditLog.entityId, recorded.json<RequestBody>().id)));
    expect(audit?.scopeUnitId).toBe(opd.staff.unitId);

    const revoked = await adminOpd.inject({ method: 'POST', url: `/api/attendance/requests/${recorded.json<RequestBody>().id}/cancel` });
    expect(revoked.json()).toMatchObject({ status: 'dibatalkan' });
    expect((await dailyOf(staff, '2026-04-08'))?.status).toBe('tk');

    const other = await createOpdFixture(t.handle.db, t.clock);
    const outside = await adminOpd.inject({
      method: 'POST',
      url: '/api/attendance/requests/record',
      payload: { employeeId: other.staff.id, kind: 'izin', startDate: '2026-04-08', endDate: '2026-04-08', reason: 'Keperluan' },
    });
    expect(outside.statusCode).toBe(403);
    const staffCannot = await staff.inject({ method: 'GET', url: `/api/attendance/requests?scope=unit&unitId=${opd.unit.id}` });
    expect(staffCannot.statusCode).toBe(403);
  });

  it('accepts PDF/JPG/PNG attachments by content only', async () => {
    const png = await staff.inject({ method: 'POST', url: '/api/attendance/attachments', ...multipart('surat.png', PNG) });
    expect(png.statusCode).toBe(201);
    expect(png.json()).toMatchObject({ contentType: 'image/png', sizeBytes: PNG.length });
    const disguised = await staff.inject({ method: 'POST', url: '/api/attendance/attachments', ...multipart('surat.pdf', Buffer.from('bukan pdf sama sekali')) });
    expect(disguised.statusCode).toBe(415);
    const withFile = await submit(staff, { kind: 'sakit', startDate: '2026-04-10', endDate: '2026-04-10', reason: 'Demam', attachmentId: png.json<{ id: string }>().id });
    expect(withFile.statusCode).toBe(201);
    const download = await superior.inject({ method: 'GET', url: `/api/attendance/attachments/${png.json<{ id: string }>().id}` });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PNG)).toBe(true);
    const stranger = await head.inject({ method: 'POST', url: '/api/attendance/requests', payload: { kind: 'sakit', startDate: '2026-04-10', endDate: '2026-04-10', reason: 'Demam', attachmentId: png.json<{ id: string }>().id } });
    expect(stranger.statusCode).toBe(403);
  });
  it('leaves a month closed for TPP as it was paid: no request into it, no decision changing it, no rebuild of its days', async () => {
    const closedMessage = 'Bulan 2026-03 sudah ditutup untuk TPP; data bulan itu tidak dapat diubah lagi (koreksi dilakukan sebagai penyesuaian di bulan berikutnya)';
    await rebuildDailyAttendance(t.handle.db, { employeeIds: [opd.staff.id], from: '2026-03-02', to: '2026-04-01', now: t.clock.now() });
    expect((await dailyOf(staff, '2026-03-02'))?.status).toBe('tk');
    const recorded = await adminOpd.inject({
      method: 'POST',
      url: '/api/attendance/requests/record',
      payload: { employeeId: opd.staff.id, kind: 'dinas_luar', startDate: '2026-03-04', endDate: '2026-03-05', reason: 'Surat tugas 090/7/2026' },
    });
    expect(recorded.statusCode).toBe(201);
    const spanning = await submit(staff, { kind: 'izin', startDate: '2026-03-31', endDate: '2026-04-01', reason: 'Keperluan keluarga' });
    expect(spanning.statusCode).toBe(201);

    await closePeriodFixture(t.handle.db, '2026-03', t.clock.now());

    const late = await submit(staff, { kind: 'izin', startDate: '2026-03-02', endDate: '2026-03-02', reason: 'Terlambat diajukan' });
    expect(late.statusCode).toBe(409);
    expect(late.json<{ error: { message: string } }>().error.message).toBe(closedMessage);
    const onBehalf = await adminOpd.inject({
      method: 'POST',
      url: '/api/attendance/requests/record',
      payload: { employeeId: opd.staff.id, kind: 'izin', startDate: '2026-03-03', endDate: '2026-03-03', reason: 'Dicatat terlambat' },
    });
    expect(onBehalf.statusCode).toBe(409);
    const approve = await decide(superior, spanning.json<RequestBody>().id, { decision: 'disetujui', reason: null });
    expect(approve.statusCode).toBe(409);
    expect(approve.json<{ error: { message: string } }>().error.message).toBe(closedMessage);
    const revoke = await adminOpd.inject({ method: 'POST', url: `/api/attendance/requests/${recorded.json<RequestBody>().id}/cancel` });
    expect(revoke.statusCode).toBe(409);
    expect((await dailyOf(staff, '2026-03-04'))?.status).toBe('dinas_luar');
    // Rejecting changes no attendance and stays possible.
    expect((await decide(superior, spanning.json<RequestBody>().id, { decision: 'ditolak', reason: 'Bulan Maret sudah ditutup' })).statusCode).toBe(200);

    // A request that reached the table anyway (say, before the closing) does not change March's days; April's are derived again.
    await insertRequest(t.handle.db, { employeeId: opd.staff.id, kind: 'izin', startDate: '2026-03-02', endDate: '2026-04-02', reason: 'Uji', status: 'disetujui', workingDays: 20 });
    const rebuilt = await rebuildDailyAttendance(t.handle.db, { employeeIds: [opd.staff.id], from: '2026-03-01', to: '2026-04-02', now: t.clock.now() });
    expect(rebuilt.closedPeriods).toEqual(['2026-03']);
    expect((await dailyOf(staff, '2026-03-02'))?.status).toBe('tk');
    expect((await dailyOf(staff, '2026-04-01'))?.status).toBe('izin');
  });
});
