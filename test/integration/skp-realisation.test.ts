import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityEntries, auditLog } from '../../src/server/db/schema';
import { createAccount, createEmployeeFixture, createOpdFixture, createPositionFixture, createUnitFixture, type EmployeeFixture, type OpdFixture } from '../helpers/factories';
import { createTestApp, loginAs, type Session, type TestApp } from '../helpers/test-app';

/** SKP §2: periodic realisation with evidence and feedback, the RHK daily activities may cite, the cascade roll-up. */

interface Rhk {
  id: string;
  text: string;
  indicators: { id: string; aspect: string }[];
}
interface Skp {
  id: string;
  status: string;
  rhk: Rhk[];
}
interface PeriodRealisation {
  periodKey: string;
  realisationId: string | null;
  rencanaAksi: string | null;
  realisasi: string | null;
  evidenceLinks: string[];
  attachments: { id: string; fileName: string }[];
  indicatorValues: { indicatorId: string; value: number }[];
  feedback: string | null;
  feedbackByName: string | null;
  dialogueNotes: string | null;
  activities: { entryCount: number; approvedMinutes: number };
}
interface Board {
  periodKind: string;
  today: string;
  periods: { key: string; hasStarted: boolean }[];
  rhk: { rhkId: string; progressBp: number | null; progress: { indicatorId: string; realised: number | null; progressBp: number | null }[]; periods: PeriodRealisation[] }[];
  canRecord: boolean;
  canGiveFeedback: boolean;
}
interface CascadeNode {
  rhkId: string;
  parentRhkId: string | null;
  depth: number;
  employee: { employeeId: string };
  ownProgressBp: number | null;
  carriedProgressBp: number | null;
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
function multipart(fileName: string, content: Buffer) {
  const boundary = '----ekinerja-skp-test';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: image/png\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const indicator = (targetValue = 12, aspect = 'kuantitas') => ({ aspect, text: 'Jumlah dokumen perizinan yang diselesaikan', targetValue, targetUnit: 'dokumen' });

describe('SKP realisation, feedback and the cascade roll-up', () => {
  let t: TestApp;
  let opd: OpdFixture;
  let staff2: EmployeeFixture;
  const s: Record<'sekda' | 'head' | 'bidangHead' | 'staff' | 'staff2' | 'adminOpd' | 'otherAdmin' | 'pimpinan', Session> = {} as never;
  let headSkp: Skp;
  let bidangSkp: Skp;
  let staffSkp: Skp;
  let staff2Skp: Skp;

  const call = (session: Session, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    session.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  const ok = async <T>(response: Promise<{ statusCode: number; body: string; json: <U>() => U }>, status = 200): Promise<T> => {
    const result = await response;
    expect(result.statusCode, result.body).toBe(status);
    return result.json<T>();
  };
  const fails = async (response: Promise<{ statusCode: number; body: string; json: <U>() => U }>, status: number, message: string | RegExp) => {
    const result = await response;
    expect(result.statusCode, result.body).toBe(status);
    const text = result.json<{ error: { message: string } }>().error.message;
    if (typeof message === 'string') expect(text).toBe(message);
    else expect(text).toMatch(message);
  };
  /** Plan → submit → approve, citing the superior's first RHK (or the performance agreement for the head). */
  const approvedSkp = async (owner: Session, assessor: Session, rhk: Record<string, unknown>): Promise<Skp> => {
    const created = await ok<Skp>(call(owner, 'POST', '/api/skp', { year: 2026 }), 201);
    await ok(call(owner, 'POST', `/api/skp/${created.id}/rhk`, { kind: 'utama', text: 'Terselesaikannya layanan perizinan', indicators: [indicator()], ...rhk }), 201);
    await ok(call(owner, 'POST', `/api/skp/${created.id}/submit`));
    return ok<Skp>(call(assessor, 'POST', `/api/skp/${created.id}/approve`, { note: null }));
  };

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-03-02T02:00:00Z' });
    const { db } = t.handle;
    const pemda = await createUnitFixture(db, t.clock, { kind: 'pemda' });
    const sekdaPosition = await createPositionFixture(db, t.clock, { unitId: pemda.id, jenis: 'jpt_madya', kelasJabatan: 16, isUnitHead: true });
    const sekda = await createEmployeeFixture(db, t.clock, { positionId: sekdaPosition.id, golongan: 'IV/d' });
    opd = await createOpdFixture(db, t.clock, { superiorPositionId: sekdaPosition.id });
    staff2 = await createEmployeeFixture(db, t.clock, { positionId: opd.staffPosition.id });
    const other = await createOpdFixture(db, t.clock);
    const login = async (options: Parameters<typeof createAccount>[2]) => {
      const account = await createAccount(db, t.clock, options);
      return loginAs(t.app, account.login, account.password);
    };
    s.sekda = await login({ employeeId: sekda.id });
    s.head = await login({ employeeId: opd.head.id });
    s.bidangHead = await login({ employeeId: opd.bidangHead.id });
    s.staff = await login({ employeeId: opd.staff.id });
    s.staff2 = await login({ employeeId: staff2.id });
    s.adminOpd = await login({ username: 'admin-opd-realisasi', roles: [{ role: 'admin_opd', unitId: opd.unit.id }] });
    s.otherAdmin = await login({ username: 'admin-opd-lain-realisasi', roles: [{ role: 'admin_opd', unitId: other.unit.id }] });
    s.pimpinan = await login({ username: 'pimpinan-realisasi', roles: [{ role: 'pimpinan' }] });

    headSkp = await approvedSkp(s.head, s.sekda, { perspective: 'penerima_layanan', supportedAgreementText: 'Perjanjian kinerja 2026, sasaran 1', indicators: [indicator(100)] });
    bidangSkp = await approvedSkp(s.bidangHead, s.head, { supportedRhkId: headSkp.rhk[0]!.id, indicators: [indicator(24)] });
    staffSkp = await approvedSkp(s.staff, s.bidangHead, { supportedRhkId: bidangSkp.rhk[0]!.id, indicators: [indicator(12), indicator(100, 'kualitas')] });
    staff2Skp = await approvedSkp(s.staff2, s.bidangHead, { supportedRhkId: bidangSkp.rhk[0]!.id, indicators: [indicator(4)] });
  });
  afterAll(async () => t.close());

  it('the board lists the region’s months inside the SKP span; who may record and who may give feedback', async () => {
    const board = await ok<Board>(call(s.staff, 'GET', `/api/skp/${staffSkp.id}/realisations`));
    expect(board.periodKind).toBe('month');
    expect(board.today).toBe('2026-03-02');
    expect(board.periods.map((p) => [p.key, p.hasStarted]).slice(1, 4)).toEqual([
      ['2026-02', true],
      ['2026-03', true],
      ['2026-04', false],
    ]);
    expect(board.rhk[0]!.periods).toHaveLength(12);
    expect([board.canRecord, board.canGiveFeedback]).toEqual([true, false]);
    const asAssessor = await ok<Board>(call(s.bidangHead, 'GET', `/api/skp/${staffSkp.id}/realisations`));
    expect([asAssessor.canRecord, asAssessor.canGiveFeedback]).toEqual([false, true]);
    expect((await call(s.staff2, 'GET', `/api/skp/${staffSkp.id}/realisations`)).statusCode).toBe(404);
    expect((await call(s.otherAdmin, 'GET', `/api/skp/${staffSkp.id}/realisations`)).statusCode).toBe(404);
    expect((await call(s.adminOpd, 'GET', `/api/skp/${staffSkp.id}/realisations`)).statusCode).toBe(200);
  });

  it('the employee records rencana aksi ahead, realisation with values and evidence once the period has started', async () => {
    const rhk = staffSkp.rhk[0]!;
    const [quantity, quality] = rhk.indicators;
    const url = (period: string) => `/api/skp/rhk/${rhk.id}/realisations/${period}`;

    // Planning ahead is fine; results of a period that has not started are not.
    await ok(call(s.staff, 'PUT', url('2026-04'), { rencanaAksi: 'Verifikasi berkas izin usaha' }));
    await fails(call(s.staff, 'PUT', url('2026-04'), { realisasi: 'Selesai' }), 409, 'Periode 2026-04 belum dimulai (mulai 2026-04-01); sekarang baru rencana aksi yang dapat diisi');
    await fails(call(s.staff, 'PUT', url('2026-Q1'), { rencanaAksi: 'x' }), 400, /Periode 2026-Q1 bukan periode realisasi SKP ini/);
    await fails(call(s.staff, 'PUT', url('2026-13'), { rencanaAksi: 'x' }), 400, /.+/);
    await fails(call(s.staff, 'PUT', url('2026-02'), { indicatorValues: [{ indicatorId: bidangSkp.rhk[0]!.indicators[0]!.id, value: 1 }] }), 400, 'Indikator yang diisi bukan indikator RHK ini');
    await fails(call(s.staff, 'PUT', url('2026-02'), { evidenceLinks: ['javascript:alert(1)'] }), 400, /.+/);
    // Only the owner records; the assessor gets 403, someone who may not see the SKP 404.
    await fails(call(s.bidangHead, 'PUT', url('2026-02'), { realisasi: 'x' }), 403, 'Hanya pegawai pemilik SKP yang dapat mengubah rencana SKP ini');
    await fails(call(s.staff2, 'PUT', url('2026-02'), { realisasi: 'x' }), 404, 'SKP tidak ditemukan');

    // Evidence files: the employee's own upload only.
    const upload = await ok<{ id: string }>(s.staff.inject({ method: 'POST', url: '/api/attendance/attachments', ...multipart('berita-acara.png', PNG) }), 201);
    const foreign = await ok<{ id: string }>(s.staff2.inject({ method: 'POST', url: '/api/attendance/attachments', ...multipart('lain.png', PNG) }), 201);
    await fails(call(s.staff, 'PUT', url('2026-02'), { attachmentIds: [foreign.id] }), 400, 'Berkas bukti tidak ditemukan atau bukan unggahan Anda');

    await ok(call(s.staff, 'PUT', url('2026-01'), { realisasi: 'Januari', indicatorValues: [{ indicatorId: quantity!.id, value: 2 }, { indicatorId: quality!.id, value: 70 }] }));
    const board = await ok<Board>(
      call(s.staff, 'PUT', url('2026-02'), {
        rencanaAksi: 'Verifikasi dan penerbitan izin',
        realisasi: '4 izin diterbitkan',
        evidenceLinks: ['https://drive.example.go.id/izin/feb'],
        attachmentIds: [upload.id],
        indicatorValues: [{ indicatorId: quantity!.id, value: 4 }, { indicatorId: quality!.id, value: 90 }],
      }),
    );
    const feb = board.rhk[0]!.periods.find((p) => p.periodKey === '2026-02')!;
    expect(feb).toMatchObject({ rencanaAksi: 'Verifikasi dan penerbitan izin', realisasi: '4 izin diterbitkan', evidenceLinks: ['https://drive.example.go.id/izin/feb'], attachments: [{ id: upload.id, fileName: 'berita-acara.png' }] });
    expect(board.rhk[0]!.periods.find((p) => p.periodKey === '2026-04')!.rencanaAksi).toBe('Verifikasi berkas izin usaha');
    // Kuantitas adds up (2 + 4 of 12 = 50 %); kualitas is the latest level (90 of 100); the RHK averages both.
    expect(board.rhk[0]!.progress).toEqual([
      { indicatorId: quantity!.id, realised: 6, progressBp: 5000 },
      { indicatorId: quality!.id, realised: 90, progressBp: 9000 },
    ]);
    expect(board.rhk[0]!.progressBp).toBe(7000);

    // Fields left out stay; a null value removes an indicator value.
    const cleared = await ok<Board>(call(s.staff, 'PUT', url('2026-01'), { indicatorValues: [{ indicatorId: quality!.id, value: null }] }));
    expect(cleared.rhk[0]!.periods[0]).toMatchObject({ realisasi: 'Januari', indicatorValues: [{ indicatorId: quantity!.id, value: 2 }] });

    // The file can be read by whoever reads the SKP, through the realisation.
    const file = `/api/skp/realisations/${feb.realisationId}/attachments/${upload.id}`;
    expect((await call(s.bidangHead, 'GET', file)).statusCode).toBe(200);
    expect((await call(s.adminOpd, 'GET', file)).rawPayload.subarray(0, 4)).toEqual(PNG.subarray(0, 4));
    expect((await call(s.staff2, 'GET', file)).statusCode).toBe(404);
    expect((await call(s.staff, 'GET', `/api/skp/realisations/${feb.realisationId}/attachments/${foreign.id}`)).statusCode).toBe(404);

    const audit = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'skp_realisation'), eq(auditLog.entityId, feb.realisationId!)));
    expect(audit.map((row) => row.action)).toEqual(['create']);
  });

  it('the assessor gives feedback and records the dialogue; nobody else does', async () => {
    const url = `/api/skp/rhk/${staffSkp.rhk[0]!.id}/realisations/2026-02/feedback`;
    await fails(call(s.staff, 'PUT', url, { feedback: 'Bagus' }), 403, 'Hanya pejabat penilai yang tercatat pada SKP ini yang dapat memberi umpan balik');
    await fails(call(s.head, 'PUT', url, { feedback: 'Bagus' }), 403, /Hanya pejabat penilai/);
    await fails(call(s.bidangHead, 'PUT', `/api/skp/rhk/${staffSkp.rhk[0]!.id}/realisations/2026-05/feedback`, { feedback: 'Terlalu awal' }), 409, /belum dimulai/);
    const board = await ok<Board>(call(s.bidangHead, 'PUT', url, { feedback: 'Pertahankan ketepatan waktu', dialogueNotes: 'Dialog 27 Februari: kendala sistem OSS' }));
    expect(board.rhk[0]!.periods[1]).toMatchObject({ feedback: 'Pertahankan ketepatan waktu', dialogueNotes: 'Dialog 27 Februari: kendala sistem OSS', realisasi: '4 izin diterbitkan' });
    expect(board.rhk[0]!.periods[1]!.feedbackByName).toBe(opd.bidangHead.name);
  });

  it('approved daily activities linked to the RHK count in the period; /api/skp/my-rhk lists what an activity may cite', async () => {
    const rhkId = staffSkp.rhk[0]!.id;
    const base = { employeeId: opd.staff.id, unitId: opd.staff.unitId, startTime: '08:00', endTime: '09:00', isAdditionalTask: true, title: 'Verifikasi berkas', volume: 1, outputUnit: 'berkas', claimedMinutes: 60 };
    await t.handle.db.insert(activityEntries).values([
      { ...base, workDate: '2026-02-10', status: 'approved', approvedMinutes: 60, skpRhkId: rhkId },
      { ...base, workDate: '2026-02-11', status: 'approved', approvedMinutes: 45, skpRhkId: rhkId },
      { ...base, workDate: '2026-02-12', status: 'submitted', skpRhkId: rhkId },
      { ...base, workDate: '2026-03-02', status: 'approved', approvedMinutes: 30, skpRhkId: rhkId },
      { ...base, workDate: '2026-02-13', status: 'approved', approvedMinutes: 60, skpRhkId: null },
    ]);
    const board = await ok<Board>(call(s.staff, 'GET', `/api/skp/${staffSkp.id}/realisations`));
    expect(board.rhk[0]!.periods.slice(0, 3).map((p) => p.activities)).toEqual([
      { entryCount: 0, approvedMinutes: 0 },
      { entryCount: 2, approvedMinutes: 105 },
      { entryCount: 1, approvedMinutes: 30 },
    ]);

    const mine = await ok<{ skpId: string | null; items: { id: string; text: string; supportedRhkText: string | null }[] }>(call(s.staff, 'GET', '/api/skp/my-rhk?date=2026-03-02'));
    expect(mine.skpId).toBe(staffSkp.id);
    expect(mine.items).toEqual([{ id: rhkId, kind: 'utama', text: 'Terselesaikannya layanan perizinan', supportedRhkText: 'Terselesaikannya layanan perizinan' }]);
    expect((await ok<{ items: unknown[] }>(call(s.staff, 'GET', '/api/skp/my-rhk?date=2027-01-05'))).items).toEqual([]);
    expect((await call(s.adminOpd, 'GET', '/api/skp/my-rhk?date=2026-03-02')).statusCode).toBe(403);
    expect((await call(s.staff, 'GET', '/api/skp/my-rhk?date=kemarin')).statusCode).toBe(400);
  });

  it('rolls progress up the cascade: a head sees how the RHK are carried below', async () => {
    await ok(call(s.staff2, 'PUT', `/api/skp/rhk/${staff2Skp.rhk[0]!.id}/realisations/2026-02`, { indicatorValues: [{ indicatorId: staff2Skp.rhk[0]!.indicators[0]!.id, value: 1 }] }));
    await ok(call(s.bidangHead, 'PUT', `/api/skp/rhk/${bidangSkp.rhk[0]!.id}/realisations/2026-02`, { indicatorValues: [{ indicatorId: bidangSkp.rhk[0]!.indicators[0]!.id, value: 12 }] }));
    const tree = await ok<{ nodes: CascadeNode[] }>(call(s.head, 'GET', `/api/skp/${headSkp.id}/cascade`));
    expect(tree.nodes.map((node) => [node.depth, node.employee.employeeId, node.ownProgressBp, node.carriedProgressBp])).toEqual([
      [0, opd.head.id, null, 4750],
      [1, opd.bidangHead.id, 5000, 4750],
      // staff: kuantitas 6/12 (5000) and kualitas 90/100 (9000) → 7000; staff2: 1/4 → 2500
      [2, opd.staff.id, 7000, null],
      [2, staff2.id, 2500, null],
    ]);
    expect(tree.nodes[2]!.parentRhkId).toBe(bidangSkp.rhk[0]!.id);

    const unit = await ok<{ nodes: CascadeNode[] }>(call(s.adminOpd, 'GET', `/api/skp/cascade?unitId=${opd.unit.id}&year=2026`));
    expect(unit.nodes.map((node) => node.rhkId)).toEqual(tree.nodes.map((node) => node.rhkId));
    const bidangOnly = await ok<{ nodes: CascadeNode[] }>(call(s.pimpinan, 'GET', `/api/skp/cascade?unitId=${opd.bidang.id}&year=2026`));
    expect(bidangOnly.nodes.map((node) => [node.depth, node.employee.employeeId])).toEqual([
      [0, opd.bidangHead.id],
      [1, opd.staff.id],
      [1, staff2.id],
    ]);
    expect((await call(s.otherAdmin, 'GET', `/api/skp/cascade?unitId=${opd.unit.id}&year=2026`)).statusCode).toBe(403);
    expect((await call(s.staff, 'GET', `/api/skp/cascade?unitId=${opd.unit.id}&year=2026`)).statusCode).toBe(403);
    expect((await call(s.staff, 'GET', `/api/skp/${headSkp.id}/cascade`)).statusCode).toBe(404);
  });
});
