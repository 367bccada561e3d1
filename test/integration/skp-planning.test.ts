import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/server/db/schema';
import { createSuperiorOverride } from '../../src/server/modules/org';
import { systemContext } from '../../src/server/platform/actor';
import { createAccount, createEmployeeFixture, createOpdFixture, createPositionFixture, createUnitFixture, type EmployeeFixture, type OpdFixture } from '../helpers/factories';
import { createTestApp, loginAs, type Session, type TestApp } from '../helpers/test-app';

interface Person {
  employeeId: string | null;
  name: string | null;
}
interface Indicator {
  aspect: string;
  text: string;
  targetValue: number;
  targetUnit: string;
}
interface Rhk {
  id: string;
  kind: string;
  text: string;
  perspective: string | null;
  supportedRhkId: string | null;
  supportedRhkText: string | null;
  origin: string;
  indicators: Indicator[];
}
interface Skp {
  id: string;
  year: number;
  status: string;
  revision: number;
  isInForce: boolean;
  isJpt: boolean;
  approach: string;
  previousRevisionId: string | null;
  returnNote: string | null;
  employee: Person;
  assessor: Person;
  assessorSuperior: Person;
  rhk: Rhk[];
}

const indicator = (text = 'Jumlah dokumen yang diselesaikan', targetValue = 12) => ({ aspect: 'kuantitas', text, targetValue, targetUnit: 'dokumen' });
const rhkBody = (overrides: Record<string, unknown> = {}) => ({ kind: 'utama', text: 'Tersusunnya dokumen perencanaan bidang', indicators: [indicator()], ...overrides });

describe('SKP planning: cascade, workflow, revisions', () => {
  let t: TestApp;
  let opd: OpdFixture;
  let sekda: EmployeeFixture;
  let staff2: EmployeeFixture;
  let staff3: EmployeeFixture;
  const s: Record<'sekda' | 'head' | 'bidangHead' | 'staff' | 'staff2' | 'staff3' | 'adminOpd' | 'adminBkpsdm', Session> = {} as never;
  let headSkp: Skp;
  let bidangSkp: Skp;

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-03-02T02:00:00Z' });
    const { db } = t.handle;
    // Sekretaris daerah above the kepala dinas: the head of the OPD is assessed by the sekda.
    const pemda = await createUnitFixture(db, t.clock, { kind: 'pemda' });
    const sekdaPosition = await createPositionFixture(db, t.clock, { unitId: pemda.id, jenis: 'jpt_madya', kelasJabatan: 16, isUnitHead: true });
    sekda = await createEmployeeFixture(db, t.clock, { positionId: sekdaPosition.id, golongan: 'IV/d' });
    opd = await createOpdFixture(db, t.clock, { superiorPositionId: sekdaPosition.id });
    staff2 = await createEmployeeFixture(db, t.clock, { positionId: opd.staffPosition.id });
    staff3 = await createEmployeeFixture(db, t.clock, { positionId: opd.staffPosition.id });
    const login = async (options: Parameters<typeof createAccount>[2]) => {
      const account = await createAccount(db, t.clock, options);
      return loginAs(t.app, account.login, account.password);
    };
    s.sekda = await login({ employeeId: sekda.id });
    s.head = await login({ employeeId: opd.head.id });
    s.bidangHead = await login({ employeeId: opd.bidangHead.id });
    s.staff = await login({ employeeId: opd.staff.id });
    s.staff2 = await login({ employeeId: staff2.id });
    s.staff3 = await login({ employeeId: staff3.id });
    s.adminOpd = await login({ username: 'admin-opd-skp', roles: [{ role: 'admin_opd', unitId: opd.unit.id }] });
    s.adminBkpsdm = await login({ username: 'admin-bkpsdm-skp', roles: [{ role: 'admin_bkpsdm' }] });
  });
  afterAll(async () => t.close());

  const call = (session: Session, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    session.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  const expectError = async (response: Promise<{ statusCode: number; json: <T>() => T }>, status: number, message: string | RegExp) => {
    const result = await response;
    expect(result.statusCode).toBe(status);
    // Contract (Zod) failures carry the field messages in details; service errors in the message.
    const { error } = result.json<{ error: { message: string; details?: { message?: string }[] } }>();
    const messages = [error.message, ...(Array.isArray(error.details) ? error.details.map((detail) => detail.message ?? '') : [])];
    expect(messages.some((text) => (typeof message === 'string' ? text === message : message.test(text))), messages.join(' | ')).toBe(true);
  };
  const ok = async (response: Promise<{ statusCode: number; body: string; json: <T>() => T }>, status = 200): Promise<Skp> => {
    const result = await response;
    expect(result.statusCode, result.body).toBe(status);
    return result.json<Skp>();
  };

  it('the head of the OPD plans from the performance agreement and the sekda approves', async () => {
    headSkp = await ok(call(s.head, 'POST', '/api/skp', { year: 2026 }), 201);
    expect(headSkp).toMatchObject({ status: 'draft', revision: 1, isJpt: true, approach: 'permenpanrb_6_2022', employee: { employeeId: opd.head.id }, assessor: { employeeId: sekda.id }, assessorSuperior: { employeeId: null } });
    await expectError(call(s.head, 'POST', '/api/skp', { year: 2026 }), 409, 'SKP tahun 2026 sudah ada; ubah SKP tersebut atau buat revisinya');

    await expectError(call(s.head, 'POST', `/api/skp/${headSkp.id}/rhk`, rhkBody({ supportedAgreementText: 'Perjanjian kinerja Dinas 2026, sasaran 1' })), 400, 'RHK pada SKP JPT harus memiliki perspektif');
    await expectError(call(s.head, 'POST', `/api/skp/${headSkp.id}/submit`), 400, 'SKP memerlukan paling sedikit satu RHK utama');
    headSkp = await ok(
      call(s.head, 'POST', `/api/skp/${headSkp.id}/rhk`, rhkBody({ text: 'Meningkatnya kualitas layanan dinas', perspective: 'penerima_layanan', supportedAgreementText: 'Perjanjian kinerja Dinas 2026, sasaran 1' })),
      201,
    );
    expect(headSkp.rhk).toHaveLength(1);

    headSkp = await ok(call(s.head, 'POST', `/api/skp/${headSkp.id}/submit`));
    expect(headSkp.status).toBe('submitted');
    await expectError(call(s.head, 'POST', `/api/skp/${headSkp.id}/rhk`, rhkBody({ perspective: 'anggaran' })), 409, /sedang diajukan kepada pejabat penilai/);

    // Someone who may not see the SKP gets 404; the owner is not the assessor (403).
    await expectError(call(s.staff, 'POST', `/api/skp/${headSkp.id}/approve`, { note: null }), 404, 'SKP tidak ditemukan');
    await expectError(call(s.head, 'POST', `/api/skp/${headSkp.id}/approve`, { note: null }), 403, /Hanya pejabat penilai/);
    headSkp = await ok(call(s.sekda, 'POST', `/api/skp/${headSkp.id}/approve`, { note: 'Disetujui' }));
    expect(headSkp).toMatchObject({ status: 'approved', isInForce: true });

    await expectError(call(s.head, 'PATCH', `/api/skp/${headSkp.id}`, { konsekuensi: 'Teguran' }), 409, 'SKP yang sudah disetujui tidak dapat diubah; buat revisi SKP terlebih dahulu');
    await expectError(call(s.head, 'PUT', `/api/skp/rhk/${headSkp.rhk[0]!.id}`, rhkBody({ perspective: 'anggaran' })), 409, /buat revisi SKP/);
    const audit = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'skp'), eq(auditLog.entityId, headSkp.id)));
    expect(audit.map((row) => row.action).sort()).toEqual(['approve', 'create', 'submit']);
  });

  it('a kepala bidang cites only the assessor’s approved RHK, starts from them, is returned and approved', async () => {
    bidangSkp = await ok(call(s.bidangHead, 'POST', '/api/skp', { year: 2026 }), 201);
    expect(bidangSkp).toMatchObject({ isJpt: false, assessor: { employeeId: opd.head.id }, assessorSuperior: { employeeId: sekda.id } });

    const citable = (await call(s.bidangHead, 'GET', `/api/skp/${bidangSkp.id}/citable-rhk`)).json<{ superiorSkpId: string; items: Rhk[] }>();
    expect(citable.superiorSkpId).toBe(headSkp.id);
    expect(citable.items.map((item) => item.id)).toEqual([headSkp.rhk[0]!.id]);

    await expectError(call(s.bidangHead, 'POST', `/api/skp/${bidangSkp.id}/rhk`, rhkBody({ supportedRhkId: '00000000-0000-4000-8000-000000000000' })), 400, 'RHK atasan yang diintervensi tidak ditemukan');
    await expectError(call(s.bidangHead, 'POST', `/api/skp/${bidangSkp.id}/rhk`, rhkBody({ perspective: 'anggaran' })), 400, 'Perspektif hanya dipakai pada SKP JPT');
    await expectError(
      call(s.bidangHead, 'POST', `/api/skp/${bidangSkp.id}/rhk`, rhkBody({ indicators: [{ aspect: 'biaya', text: 'Anggaran', targetValue: 1_000_000, targetUnit: 'rupiah' }] })),
      400,
      'Aspek biaya hanya dipakai pada pendekatan PP 46/2011',
    );
    await expectError(call(s.bidangHead, 'POST', `/api/skp/${bidangSkp.id}/rhk`, rhkBody({ indicators: [] })), 400, /paling sedikit satu indikator/);

    bidangSkp = await ok(call(s.bidangHead, 'POST', `/api/skp/${bidangSkp.id}/copy-from-superior`, { rhkIds: [] }));
    expect(bidangSkp.rhk).toHaveLength(1);
    expect(bidangSkp.rhk[0]).toMatchObject({ origin: 'from_superior', supportedRhkId: headSkp.rhk[0]!.id, supportedRhkText: 'Meningkatnya kualitas layanan dinas', perspective: null, indicators: [indicator()] });
    // Copying again adds nothing: that RHK is already cited.
    expect((await ok(call(s.bidangHead, 'POST', `/api/skp/${bidangSkp.id}/copy-from-superior`, { rhkIds: [] }))).rhk).toHaveLength(1);

    // An RHK that is not the assessor's (here: the bidang's own) cannot be cited.
    await expectError(call(s.bidangHead, 'POST', `/api/skp/${bidangSkp.id}/rhk`, rhkBody({ supportedRhkId: bidangSkp.rhk[0]!.id })), 400, 'RHK yang diacu bukan RHK atasan langsung (pejabat penilai) Anda');
    // A tambahan RHK needs no citation; an utama without one blocks the submission.
    bidangSkp = await ok(call(s.bidangHead, 'POST', `/api/skp/${bidangSkp.id}/rhk`, rhkBody({ kind: 'tambahan', text: 'Menjadi narasumber bimtek' })), 201);
    bidangSkp = await ok(call(s.bidangHead, 'POST', `/api/skp/${bidangSkp.id}/rhk`, rhkBody({ text: 'Tersusunnya laporan tanpa acuan' })), 201);
    await expectError(call(s.bidangHead, 'POST', `/api/skp/${bidangSkp.id}/submit`), 400, 'RHK utama "Tersusunnya laporan tanpa acuan" belum mengacu RHK atasan yang diintervensi');
    const uncited = bidangSkp.rhk.find((rhk) => rhk.text === 'Tersusunnya laporan tanpa acuan')!;
    expect((await call(s.bidangHead, 'DELETE', `/api/skp/rhk/${uncited.id}`)).statusCode).toBe(200);

    bidangSkp = await ok(call(s.bidangHead, 'POST', `/api/skp/${bidangSkp.id}/submit`));
    const toReview = (await call(s.head, 'GET', '/api/skp?scope=to_review')).json<{ items: Skp[] }>();
    expect(toReview.items.map((item) => item.id)).toEqual([bidangSkp.id]);

    await expectError(call(s.head, 'POST', `/api/skp/${bidangSkp.id}/return`, { note: '' }), 400, /Catatan pengembalian wajib diisi/);
    await expectError(call(s.sekda, 'POST', `/api/skp/${bidangSkp.id}/return`, { note: 'Perbaiki target' }), 403, /Hanya pejabat penilai/);
    bidangSkp = await ok(call(s.head, 'POST', `/api/skp/${bidangSkp.id}/return`, { note: 'Target kuantitas terlalu rendah' }));
    expect(bidangSkp).toMatchObject({ status: 'returned', returnNote: 'Target kuantitas terlalu rendah' });

    const copied = bidangSkp.rhk.find((rhk) => rhk.origin === 'from_superior')!;
    bidangSkp = await ok(
      call(s.bidangHead, 'PUT', `/api/skp/rhk/${copied.id}`, rhkBody({ text: 'Meningkatnya layanan perizinan bidang', supportedRhkId: headSkp.rhk[0]!.id, indicators: [indicator('Dokumen layanan', 24)] })),
    );
    expect(bidangSkp.rhk.find((rhk) => rhk.id === copied.id)).toMatchObject({ text: 'Meningkatnya layanan perizinan bidang', indicators: [indicator('Dokumen layanan', 24)] });
    await ok(call(s.bidangHead, 'POST', `/api/skp/${bidangSkp.id}/submit`));
    bidangSkp = await ok(call(s.head, 'POST', `/api/skp/${bidangSkp.id}/approve`, { note: null }));
    expect(bidangSkp.status).toBe('approved');
  });

  it('the kepala bidang hands one RHK to many staff at once, all or nothing', async () => {
    const source = bidangSkp.rhk.find((rhk) => rhk.origin === 'from_superior')!;
    // The head is not a subordinate: nothing is written, not even for staff3.
    await expectError(call(s.bidangHead, 'POST', `/api/skp/rhk/${source.id}/hand-out`, { employeeIds: [staff3.id, opd.head.id] }), 409, /RHK tidak dapat dibagikan kepada 1 pegawai: .*bukan bawahan langsung Anda/);
    expect((await call(s.staff3, 'GET', '/api/skp?scope=mine')).json<{ items: Skp[] }>().items).toEqual([]);
    // Only the owner of the RHK hands it out.
    await expectError(call(s.head, 'POST', `/api/skp/rhk/${source.id}/hand-out`, { employeeIds: [opd.staff.id] }), 403, 'Hanya pemilik RHK yang dapat membagikannya kepada bawahan');

    const staffSkp = await ok(call(s.staff, 'POST', '/api/skp', { year: 2026 }), 201);
    const handed = (await call(s.bidangHead, 'POST', `/api/skp/rhk/${source.id}/hand-out`, { employeeIds: [opd.staff.id, staff2.id], text: 'Terlayaninya permohonan izin tepat waktu' })).json<{
      items: { employeeId: string; skpId: string; rhkId: string; createdSkp: boolean }[];
    }>();
    expect(handed.items.map((item) => [item.employeeId, item.createdSkp])).toEqual([
      [opd.staff.id, false],
      [staff2.id, true],
    ]);
    expect(handed.items[0]!.skpId).toBe(staffSkp.id);
    const staff2Skp = await ok(call(s.staff2, 'GET', `/api/skp/${handed.items[1]!.skpId}`));
    expect(staff2Skp).toMatchObject({ status: 'draft', assessor: { employeeId: opd.bidangHead.id } });
    expect(staff2Skp.rhk).toHaveLength(1);
    expect(staff2Skp.rhk).toMatchObject([{ origin: 'handed_out', text: 'Terlayaninya permohonan izin tepat waktu', supportedRhkId: source.id, indicators: [indicator('Dokumen layanan', 24)] }]);
    await expectError(call(s.bidangHead, 'POST', `/api/skp/rhk/${source.id}/hand-out`, { employeeIds: [opd.staff.id] }), 409, /sudah memiliki RHK yang mengacu RHK ini/);

    // The plan is the employee's own: the superior cannot edit it, others cannot see it.
    await expectError(call(s.bidangHead, 'PATCH', `/api/skp/${staff2Skp.id}`, { konsekuensi: 'x' }), 403, 'Hanya pegawai pemilik SKP yang dapat mengubah rencana SKP ini');
    await expectError(call(s.staff, 'GET', `/api/skp/${staff2Skp.id}`), 404, 'SKP tidak ditemukan');
    expect((await call(s.adminOpd, 'GET', `/api/skp/${staff2Skp.id}`)).statusCode).toBe(200);
  });

  it('an approved SKP changes only through a revision, which keeps the history', async () => {
    const staffSkp = (await call(s.staff, 'GET', '/api/skp?scope=mine&year=2026')).json<{ items: Skp[] }>().items[0]!;
    await ok(call(s.staff, 'POST', `/api/skp/${staffSkp.id}/submit`));
    await expectError(call(s.head, 'POST', `/api/skp/${staffSkp.id}/approve`, { note: null }), 403, /Hanya pejabat penilai/);
    await ok(call(s.bidangHead, 'POST', `/api/skp/${staffSkp.id}/approve`, { note: null }));

    await expectError(call(s.staff, 'PATCH', `/api/skp/${staffSkp.id}`, { konsekuensi: 'Teguran' }), 409, /buat revisi SKP/);
    await expectError(call(s.staff, 'POST', `/api/skp/${staffSkp.id}/revisions`, { reason: '' }), 400, /Alasan revisi wajib diisi/);
    const revision = await ok(call(s.staff, 'POST', `/api/skp/${staffSkp.id}/revisions`, { reason: 'Perubahan target setelah APBD perubahan' }), 201);
    expect(revision).toMatchObject({ status: 'draft', revision: 2, previousRevisionId: staffSkp.id, isInForce: false });
    expect(revision.rhk.map((rhk) => [rhk.origin, rhk.text])).toEqual([['revision', 'Terlayaninya permohonan izin tepat waktu']]);
    await expectError(call(s.staff, 'POST', `/api/skp/${staffSkp.id}/revisions`, { reason: 'Sekali lagi' }), 409, 'Revisi ke-2 SKP ini masih dalam proses');
    expect((await ok(call(s.staff, 'GET', `/api/skp/${staffSkp.id}`))).isInForce).toBe(true);

    await ok(call(s.staff, 'PATCH', `/api/skp/${revision.id}`, { konsekuensi: 'Sesuai ketentuan disiplin' }));
    await ok(call(s.staff, 'POST', `/api/skp/${revision.id}/submit`));
    const approved = await ok(call(s.bidangHead, 'POST', `/api/skp/${revision.id}/approve`, { note: null }));
    expect(approved).toMatchObject({ status: 'approved', isInForce: true });
    const mine = (await call(s.staff, 'GET', '/api/skp?scope=mine&year=2026')).json<{ items: Skp[] }>().items;
    expect(mine.map((item) => [item.revision, item.status, item.isInForce])).toEqual([
      [2, 'approved', true],
      [1, 'approved', false],
    ]);
  });

  it('after a change of superior the revision has the new assessor, and old citations must be redone', async () => {
    await t.handle.db.transaction((tx) =>
      createSuperiorOverride(tx, systemContext('test', t.clock, 'Asia/Jakarta'), { employeeId: opd.staff.id, superiorEmployeeId: opd.head.id, startDate: '2026-03-01', endDate: null, reason: 'Kepala bidang cuti besar' }),
    );
    const inForce = (await call(s.staff, 'GET', '/api/skp?scope=mine&year=2026')).json<{ items: Skp[] }>().items[0]!;
    const revision = await ok(call(s.staff, 'POST', `/api/skp/${inForce.id}/revisions`, { reason: 'Pergantian pejabat penilai', startDate: null, endDate: null }), 201);
    expect(revision).toMatchObject({ revision: 3, assessor: { employeeId: opd.head.id }, assessorSuperior: { employeeId: sekda.id } });
    // The carried-over RHK cites the former assessor's RHK: the cascade rule refuses it now.
    await expectError(call(s.staff, 'POST', `/api/skp/${revision.id}/submit`), 400, 'RHK yang diacu bukan RHK atasan langsung (pejabat penilai) Anda');
    await expectError(call(s.bidangHead, 'POST', `/api/skp/${revision.id}/approve`, { note: null }), 404, 'SKP tidak ditemukan');
    const recited = await ok(
      call(s.staff, 'PUT', `/api/skp/rhk/${revision.rhk[0]!.id}`, rhkBody({ text: 'Terlayaninya permohonan izin', supportedRhkId: headSkp.rhk[0]!.id, indicators: [indicator('Dokumen layanan', 24)] })),
    );
    await ok(call(s.staff, 'POST', `/api/skp/${recited.id}/submit`));
    expect((await ok(call(s.head, 'POST', `/api/skp/${recited.id}/approve`, { note: null }))).isInForce).toBe(true);
  });

  it('lists by scope and refuses unit lists to plain employees', async () => {
    const unit = (await call(s.adminOpd, 'GET', '/api/skp?scope=unit&year=2026')).json<{ items: Skp[] }>().items;
    expect(new Set(unit.map((item) => item.employee.employeeId))).toEqual(new Set([opd.head.id, opd.bidangHead.id, opd.staff.id, staff2.id]));
    await expectError(call(s.staff, 'GET', '/api/skp?scope=unit'), 403, 'Daftar SKP per unit hanya untuk admin dan pimpinan');
    await expectError(call(s.adminOpd, 'GET', `/api/skp?scope=unit&unitId=${sekda.unitId}`), 403, 'Unit ini di luar kewenangan Anda');
    const assessed = (await call(s.bidangHead, 'GET', '/api/skp?scope=assessed')).json<{ items: Skp[] }>().items;
    expect(new Set(assessed.map((item) => item.employee.employeeId))).toEqual(new Set([opd.staff.id, staff2.id]));
    await expectError(call(s.staff, 'POST', '/api/skp', { year: 1999 }), 400, /Tahun minimal 2000/);
    await expectError(call(s.staff3, 'POST', '/api/skp', { year: 2026, startDate: '2026-07-01', endDate: '2027-01-31' }), 400, 'Rentang SKP harus berada di dalam tahun 2026');
  });

  it('BKPSDM sets the period and approach per year; a PP 46/2011 year accepts the biaya aspect', async () => {
    await expectError(call(s.adminOpd, 'PUT', '/api/skp/settings/2027', { periodKind: 'quarter', approach: 'pp_46_2011', regulation: 'Perbup 12/2026' }), 403, /.+/);
    const set = await call(s.adminBkpsdm, 'PUT', '/api/skp/settings/2027', { periodKind: 'quarter', approach: 'pp_46_2011', regulation: 'Perbup 12/2026' });
    expect(set.statusCode).toBe(200);
    const settings = (await call(s.staff, 'GET', '/api/skp/settings')).json<{ items: { effectiveYear: number; approach: string }[] }>();
    expect(settings.items).toEqual([expect.objectContaining({ effectiveYear: 2027, approach: 'pp_46_2011', periodKind: 'quarter' })]);

    const legacy = await ok(call(s.staff3, 'POST', '/api/skp', { year: 2027 }), 201);
    expect(legacy.approach).toBe('pp_46_2011');
    const withCost = await ok(
      call(s.staff3, 'POST', `/api/skp/${legacy.id}/rhk`, rhkBody({ kind: 'tambahan', indicators: [{ aspect: 'biaya', text: 'Anggaran kegiatan', targetValue: 15_000_000.5, targetUnit: 'rupiah' }] })),
      201,
    );
    expect(withCost.rhk[0]!.indicators[0]).toMatchObject({ aspect: 'biaya', targetValue: 15_000_000.5 });
    const audit = await t.handle.db.select().from(auditLog).where(eq(auditLog.entityType, 'skp_settings'));
    expect(audit).toHaveLength(1);
  });
});
