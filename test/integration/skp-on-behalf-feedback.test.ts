import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/server/db/schema';
import { createAccount, createEmployeeFixture, createOpdFixture, createPositionFixture, createUnitFixture, type EmployeeFixture, type OpdFixture } from '../helpers/factories';
import { extractPdfText } from '../helpers/pdf-text';
import { createTestApp, loginAs, type Session, type TestApp } from '../helpers/test-app';
import { call, fails, ok } from '../helpers/api-calls';
import { BUPATI, BUPATI_LABEL, jptRhk } from '../helpers/skp-top-of-tree';

/**
 * SKP gaps closed after ADR 0011: the kepala daerah's umpan balik and dialogue recorded by BKPSDM
 * on their behalf (as approvals and ratings are), and a pejabat penilai designated by BKPSDM who has
 * no subordinates still gets the SKP review (`assessesSkp` in the session).
 */

interface OnBehalf {
  officialName: string;
  reason: string;
  recordedByName: string | null;
}
interface PeriodRealisation {
  periodKey: string;
  feedback: string | null;
  feedbackByName: string | null;
  dialogueNotes: string | null;
  feedbackOnBehalf: OnBehalf | null;
}
interface Board {
  canGiveFeedback: boolean;
  feedbackOnBehalfOf: string | null;
  rhk: { rhkId: string; periods: PeriodRealisation[] }[];
}
interface Skp {
  id: string;
  status: string;
  rhk: { id: string }[];
}
interface Me {
  roles: string[];
  assessesSkp: boolean;
}

const periodOf = (board: Board, rhkId: string, periodKey: string) => board.rhk.find((rhk) => rhk.rhkId === rhkId)?.periods.find((period) => period.periodKey === periodKey);

describe('SKP feedback on the kepala daerah’s behalf', () => {
  let t: TestApp;
  let sekda: EmployeeFixture;
  let opd: OpdFixture;
  const s: Record<'sekda' | 'head' | 'adminBkpsdm' | 'pimpinan', Session> = {} as never;
  let sekdaSkp: Skp;
  let headSkp: Skp;
  const feedbackUrl = (skp: Skp) => `/api/skp/rhk/${skp.rhk[0]!.id}/realisations/2026-02/feedback`;
  const approvalReason = 'Disposisi Bupati Uji nomor 800/12/2026';
  const feedbackReason = 'Catatan rapat evaluasi Bupati Uji tanggal 27 Februari 2026';

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-03-02T02:00:00Z' });
    const { db } = t.handle;
    const pemda = await createUnitFixture(db, t.clock, { kind: 'pemda' });
    const sekdaPosition = await createPositionFixture(db, t.clock, { unitId: pemda.id, jenis: 'jpt_madya', kelasJabatan: 16, isUnitHead: true });
    sekda = await createEmployeeFixture(db, t.clock, { positionId: sekdaPosition.id, golongan: 'IV/d' });
    opd = await createOpdFixture(db, t.clock, { superiorPositionId: sekdaPosition.id });
    const login = async (options: Parameters<typeof createAccount>[2]) => {
      const account = await createAccount(db, t.clock, options);
      return loginAs(t.app, account.login, account.password);
    };
    s.sekda = await login({ employeeId: sekda.id });
    s.head = await login({ employeeId: opd.head.id });
    s.adminBkpsdm = await login({ username: 'bkpsdm-umpan-balik', roles: [{ role: 'admin_bkpsdm' }] });
    s.pimpinan = await login({ username: 'pimpinan-umpan-balik', roles: [{ role: 'pimpinan' }] });
    const designation = { positionId: sekdaPosition.id, kind: 'kepala_daerah', ...BUPATI, startDate: '2026-01-01', reason: 'PermenPANRB 6/2022: pejabat penilai Sekda adalah kepala daerah' };
    await ok(call(s.adminBkpsdm, 'POST', '/api/skp/assessor-designations', designation), 201);

    sekdaSkp = await ok<Skp>(call(s.sekda, 'POST', '/api/skp', { year: 2026 }), 201);
    await ok(call(s.sekda, 'POST', `/api/skp/${sekdaSkp.id}/rhk`, jptRhk), 201);
    await ok(call(s.sekda, 'POST', `/api/skp/${sekdaSkp.id}/submit`));
    sekdaSkp = await ok<Skp>(call(s.adminBkpsdm, 'POST', `/api/skp/${sekdaSkp.id}/approve`, { note: null, onBehalfReason: approvalReason }));
    headSkp = await ok<Skp>(call(s.head, 'POST', '/api/skp', { year: 2026 }), 201);
    await ok(call(s.head, 'POST', `/api/skp/${headSkp.id}/rhk`, jptRhk), 201);
    await ok(call(s.head, 'POST', `/api/skp/${headSkp.id}/submit`));
    headSkp = await ok<Skp>(call(s.sekda, 'POST', `/api/skp/${headSkp.id}/approve`, { note: null }));
    expect([sekdaSkp.status, headSkp.status]).toEqual(['approved', 'approved']);
  });
  afterAll(async () => t.close());

  it('offers the feedback form on the Sekda’s board to BKPSDM only, naming the kepala daerah', async () => {
    const asAdmin = await ok<Board>(call(s.adminBkpsdm, 'GET', `/api/skp/${sekdaSkp.id}/realisations`));
    expect(asAdmin).toMatchObject({ canGiveFeedback: true, feedbackOnBehalfOf: BUPATI_LABEL });
    const asSekda = await ok<Board>(call(s.sekda, 'GET', `/api/skp/${sekdaSkp.id}/realisations`));
    expect(asSekda).toMatchObject({ canGiveFeedback: false, feedbackOnBehalfOf: BUPATI_LABEL });
    const headBoard = await ok<Board>(call(s.sekda, 'GET', `/api/skp/${headSkp.id}/realisations`));
    expect(headBoard).toMatchObject({ canGiveFeedback: true, feedbackOnBehalfOf: null });
  });

  it('refuses everyone but BKPSDM, and BKPSDM without a basis', async () => {
    const body = { feedback: 'Percepat penyusunan dokumen kebijakan', onBehalfReason: feedbackReason };
    await fails(call(s.sekda, 'PUT', feedbackUrl(sekdaSkp), body), 403, /Pejabat penilai SKP ini adalah kepala daerah; hanya admin BKPSDM yang dapat mencatat keputusannya untuk memberi umpan balik/);
    await fails(call(s.pimpinan, 'PUT', feedbackUrl(sekdaSkp), body), 403, /hanya admin BKPSDM/);
    await fails(call(s.head, 'PUT', feedbackUrl(sekdaSkp), body), 404, 'SKP tidak ditemukan');
    await fails(call(s.adminBkpsdm, 'PUT', feedbackUrl(sekdaSkp), { feedback: 'Percepat' }), 400, 'Isi dasar pencatatan atas nama kepala daerah (misalnya nomor surat atau disposisi)');
    await fails(call(s.adminBkpsdm, 'PUT', feedbackUrl(sekdaSkp), { feedback: 'Percepat', onBehalfReason: '  ' }), 400, /.+/);
    const board = await ok<Board>(call(s.adminBkpsdm, 'GET', `/api/skp/${sekdaSkp.id}/realisations`));
    expect(periodOf(board, sekdaSkp.rhk[0]!.id, '2026-02')).toMatchObject({ feedback: null, feedbackOnBehalf: null });
  });

  it('BKPSDM records the feedback and dialogue with a basis: stored, audited, shown and printed', async () => {
    const board = await ok<Board>(
      call(s.adminBkpsdm, 'PUT', feedbackUrl(sekdaSkp), { feedback: 'Percepat penyusunan dokumen kebijakan', dialogueNotes: 'Dialog kinerja dengan Bupati 27 Februari', onBehalfReason: feedbackReason }),
    );
    const period = periodOf(board, sekdaSkp.rhk[0]!.id, '2026-02');
    expect(period).toMatchObject({
      feedback: 'Percepat penyusunan dokumen kebijakan',
      dialogueNotes: 'Dialog kinerja dengan Bupati 27 Februari',
      feedbackByName: BUPATI_LABEL,
      feedbackOnBehalf: { officialName: BUPATI_LABEL, reason: feedbackReason, recordedByName: expect.any(String) },
    });
    // The Sekda reads it as the kepala daerah's, recorded by BKPSDM.
    const asSekda = await ok<Board>(call(s.sekda, 'GET', `/api/skp/${sekdaSkp.id}/realisations`));
    expect(periodOf(asSekda, sekdaSkp.rhk[0]!.id, '2026-02')?.feedbackOnBehalf).toMatchObject({ officialName: BUPATI_LABEL, reason: feedbackReason });

    const audit = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'skp_realisation'), eq(auditLog.action, 'feedback')));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ feedback: 'Percepat penyusunan dokumen kebijakan', feedbackOnBehalfOf: BUPATI_LABEL, feedbackOnBehalfReason: feedbackReason });
    expect(audit[0]?.actorUserId).toBe(s.adminBkpsdm.me.userId);

    // The evaluation document prints the feedback with who recorded it, for whom, and on what basis.
    await ok(call(s.adminBkpsdm, 'PUT', `/api/skp/${sekdaSkp.id}/evaluations/2026-02`, { perilakuKerjaRating: 'sesuai', onBehalfReason: approvalReason }));
    const pdf = extractPdfText((await call(s.sekda, 'GET', `/api/skp/${sekdaSkp.id}/evaluations/2026-02/document.pdf`)).rawPayload);
    for (const expected of ['Percepat penyusunan dokumen kebijakan', 'atas nama', feedbackReason]) expect(pdf).toContain(expected);
  });

  it('an ordinary assessor’s feedback is unchanged: his own, without a basis, and BKPSDM may not give it', async () => {
    await fails(call(s.sekda, 'PUT', feedbackUrl(headSkp), { feedback: 'Bagus', onBehalfReason: feedbackReason }), 400, 'Dasar pencatatan atas nama hanya diisi bila pejabat penilainya kepala daerah');
    await fails(call(s.adminBkpsdm, 'PUT', feedbackUrl(headSkp), { feedback: 'Bagus', onBehalfReason: feedbackReason }), 403, 'Hanya pejabat penilai yang tercatat pada SKP ini yang dapat memberi umpan balik');
    await fails(call(s.adminBkpsdm, 'PUT', feedbackUrl(headSkp), { feedback: 'Bagus' }), 403, 'Hanya pejabat penilai yang tercatat pada SKP ini yang dapat memberi umpan balik');
    const board = await ok<Board>(call(s.sekda, 'PUT', feedbackUrl(headSkp), { feedback: 'Pertahankan capaian perizinan', dialogueNotes: 'Dialog 28 Februari' }));
    expect(periodOf(board, headSkp.rhk[0]!.id, '2026-02')).toMatchObject({ feedback: 'Pertahankan capaian perizinan', feedbackByName: sekda.name, feedbackOnBehalf: null });
    const [audit] = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'skp_realisation'), eq(auditLog.actorUserId, s.sekda.me.userId)));
    expect(audit?.after).toMatchObject({ feedbackOnBehalfOf: null, feedbackOnBehalfReason: null });
  });
});

describe('a pejabat penilai designated by BKPSDM without subordinates', () => {
  let t: TestApp;
  let looseOpd: OpdFixture;
  let assessor: EmployeeFixture;
  const s: Record<'assessor' | 'looseHead' | 'bidangHead' | 'staff' | 'adminBkpsdm', Session> = {} as never;

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-03-02T02:00:00Z' });
    const { db } = t.handle;
    // A head of OPD whose position has no parent: no superior of record.
    looseOpd = await createOpdFixture(db, t.clock);
    // The designated assessor holds a position nobody reports to.
    const inspektorat = await createOpdFixture(db, t.clock);
    const auditorPosition = await createPositionFixture(db, t.clock, { unitId: inspektorat.unit.id, jenis: 'fungsional_keahlian', kelasJabatan: 12, superiorPositionId: inspektorat.headPosition.id });
    assessor = await createEmployeeFixture(db, t.clock, { positionId: auditorPosition.id, golongan: 'IV/c' });
    const login = async (options: Parameters<typeof createAccount>[2]) => {
      const account = await createAccount(db, t.clock, options);
      return loginAs(t.app, account.login, account.password);
    };
    s.assessor = await login({ employeeId: assessor.id });
    s.looseHead = await login({ employeeId: looseOpd.head.id });
    s.bidangHead = await login({ employeeId: looseOpd.bidangHead.id });
    s.staff = await login({ employeeId: looseOpd.staff.id });
    s.adminBkpsdm = await login({ username: 'bkpsdm-penetapan', roles: [{ role: 'admin_bkpsdm' }] });
  });
  afterAll(async () => t.close());

  it('has no assessesSkp before the designation; superiors have it, plain staff do not', async () => {
    expect(await ok<Me>(call(s.assessor, 'GET', '/api/auth/me'))).toMatchObject({ assessesSkp: false });
    expect(await ok<Me>(call(s.staff, 'GET', '/api/auth/me'))).toMatchObject({ assessesSkp: false });
    const superior = await ok<Me>(call(s.bidangHead, 'GET', '/api/auth/me'));
    expect(superior.assessesSkp).toBe(true);
    expect(superior.roles).toContain('atasan');
    expect(await ok<Me>(call(s.adminBkpsdm, 'GET', '/api/auth/me'))).toMatchObject({ assessesSkp: false });
  });

  it('gets assessesSkp from a designation in force, without becoming atasan, and lists the SKPs waiting for him', async () => {
    const designation = { positionId: looseOpd.headPosition.id, kind: 'employee', assessorEmployeeId: assessor.id, startDate: '2026-01-01', reason: 'Keputusan Bupati: kepala dinas dinilai Inspektur Pembantu' };
    await ok(call(s.adminBkpsdm, 'POST', '/api/skp/assessor-designations', designation), 201);
    const me = await ok<Me>(call(s.assessor, 'GET', '/api/auth/me'));
    expect(me.assessesSkp).toBe(true);
    expect(me.roles).not.toContain('atasan');

    const skp = await ok<Skp>(call(s.looseHead, 'POST', '/api/skp', { year: 2026 }), 201);
    await ok(call(s.looseHead, 'POST', `/api/skp/${skp.id}/rhk`, jptRhk), 201);
    await ok(call(s.looseHead, 'POST', `/api/skp/${skp.id}/submit`));
    const waiting = await ok<{ items: { id: string }[] }>(call(s.assessor, 'GET', '/api/skp?scope=to_review&year=2026'));
    expect(waiting.items.map((item) => item.id)).toEqual([skp.id]);
    expect((await ok<Skp>(call(s.assessor, 'POST', `/api/skp/${skp.id}/approve`, { note: null }))).status).toBe('approved');
  });

  it('loses assessesSkp when the designation ends', async () => {
    const designations = await ok<{ items: { id: string; positionId: string }[] }>(call(s.adminBkpsdm, 'GET', '/api/skp/assessor-designations'));
    const ours = designations.items.find((item) => item.positionId === looseOpd.headPosition.id)!;
    // Ended yesterday (the clock is 2 March 2026, WIB).
    await ok(call(s.adminBkpsdm, 'POST', `/api/skp/assessor-designations/${ours.id}/end`, { endDate: '2026-03-01' }));
    expect(await ok<Me>(call(s.assessor, 'GET', '/api/auth/me'))).toMatchObject({ assessesSkp: false });
  });
});
