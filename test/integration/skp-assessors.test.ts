import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/server/db/schema';
import { createAccount, createEmployeeFixture, createOpdFixture, createPositionFixture, createUnitFixture, type EmployeeFixture, type OpdFixture, type PositionFixture, type UnitFixture } from '../helpers/factories';
import { extractPdfText } from '../helpers/pdf-text';
import { createTestApp, loginAs, type Session, type TestApp } from '../helpers/test-app';
import { call, fails, ok } from '../helpers/api-calls';
import { BUPATI, BUPATI_LABEL, jptRhk } from '../helpers/skp-top-of-tree';

/**
 * SKP gap 1: employees with no superior of record. The Sekda (top of the tree) is assessed by the
 * kepala daerah, who has no account: BKPSDM records the decisions on their behalf. A head of OPD
 * whose position has no parent gets an employee designated by BKPSDM (here the Sekda).
 */

interface Person {
  kind: string | null;
  employeeId: string | null;
  name: string | null;
  nip: string | null;
  positionName: string | null;
}
interface Skp {
  id: string;
  status: string;
  assessor: Person;
  assessorSuperior: Person;
  decidedOnBehalf: { officialName: string; reason: string; recordedByName: string | null } | null;
  rhk: { id: string }[];
}
interface Evaluation {
  periodKey: string;
  predikat: string | null;
  hasilKerjaRating: string | null;
  assessor: { employeeId: string | null; name: string | null };
  onBehalf: { officialName: string; reason: string; recordedByName: string | null } | null;
  isFinal: boolean;
}

describe('SKP assessors for the top of the tree', () => {
  let t: TestApp;
  let pemda: UnitFixture;
  let sekdaPosition: PositionFixture;
  let sekda: EmployeeFixture;
  let opd: OpdFixture;
  let looseOpd: OpdFixture;
  const s: Record<'sekda' | 'head' | 'looseHead' | 'bidangHead' | 'adminBkpsdm' | 'adminOpd' | 'pimpinan' | 'auditor', Session> = {} as never;
  let sekdaSkp: Skp;
  let headSkp: Skp;
  let looseHeadSkp: Skp;

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-03-02T02:00:00Z' });
    const { db } = t.handle;
    pemda = await createUnitFixture(db, t.clock, { kind: 'pemda' });
    sekdaPosition = await createPositionFixture(db, t.clock, { unitId: pemda.id, jenis: 'jpt_pratama', kelasJabatan: 15, isUnitHead: true });
    sekda = await createEmployeeFixture(db, t.clock, { positionId: sekdaPosition.id, golongan: 'IV/d' });
    opd = await createOpdFixture(db, t.clock, { superiorPositionId: sekdaPosition.id });
    // A head of OPD whose position has no parent in the tree (imported that way): no superior of record.
    looseOpd = await createOpdFixture(db, t.clock);
    const login = async (options: Parameters<typeof createAccount>[2]) => {
      const account = await createAccount(db, t.clock, options);
      return loginAs(t.app, account.login, account.password);
    };
    s.sekda = await login({ employeeId: sekda.id });
    s.head = await login({ employeeId: opd.head.id });
    s.looseHead = await login({ employeeId: looseOpd.head.id });
    s.bidangHead = await login({ employeeId: opd.bidangHead.id });
    s.adminBkpsdm = await login({ username: 'bkpsdm-penilai', roles: [{ role: 'admin_bkpsdm' }] });
    s.adminOpd = await login({ username: 'admin-opd-penilai', roles: [{ role: 'admin_opd', unitId: opd.unit.id }] });
    s.pimpinan = await login({ username: 'pimpinan-penilai', roles: [{ role: 'pimpinan' }] });
    s.auditor = await login({ username: 'auditor-penilai', roles: [{ role: 'auditor' }] });
  });
  afterAll(async () => t.close());

  it('lists who has no pejabat penilai: the Sekda and the head whose position has no parent', async () => {
    const list = await ok<{ date: string; items: { employeeId: string; positionName: string | null }[] }>(call(s.adminBkpsdm, 'GET', '/api/skp/without-assessor'));
    expect(list.date).toBe('2026-03-02');
    expect(list.items.map((item) => item.employeeId).sort()).toEqual([sekda.id, looseOpd.head.id].sort());
    await fails(call(s.adminOpd, 'GET', '/api/skp/without-assessor'), 403, /.+/);
    await fails(call(s.sekda, 'GET', '/api/skp/without-assessor'), 403, /.+/);

    // Their plans can be made but not submitted: nobody could approve them.
    sekdaSkp = await ok<Skp>(call(s.sekda, 'POST', '/api/skp', { year: 2026 }), 201);
    expect(sekdaSkp.assessor).toMatchObject({ kind: null, employeeId: null, name: null });
    await ok(call(s.sekda, 'POST', `/api/skp/${sekdaSkp.id}/rhk`, jptRhk), 201);
    await fails(
      call(s.sekda, 'POST', `/api/skp/${sekdaSkp.id}/submit`),
      409,
      'SKP ini belum memiliki pejabat penilai: pegawai tidak memiliki atasan langsung dan admin BKPSDM belum menetapkan pejabat penilai untuk jabatannya',
    );
    // The head of the OPD below the Sekda has an assessor (the Sekda) but no assessor's superior yet.
    headSkp = await ok<Skp>(call(s.head, 'POST', '/api/skp', { year: 2026 }), 201);
    expect(headSkp).toMatchObject({ assessor: { kind: 'superior', employeeId: sekda.id }, assessorSuperior: { kind: null, name: null } });
  });

  it('only BKPSDM designates, with a complete and non-overlapping designation', async () => {
    const kepalaDaerah = { positionId: sekdaPosition.id, kind: 'kepala_daerah', ...BUPATI, startDate: '2025-02-20', reason: 'PermenPANRB 6/2022: pejabat penilai Sekda adalah kepala daerah' };
    for (const session of [s.adminOpd, s.sekda, s.pimpinan, s.auditor]) await fails(call(session, 'POST', '/api/skp/assessor-designations', kepalaDaerah), 403, /.+/);
    await fails(call(s.adminBkpsdm, 'POST', '/api/skp/assessor-designations', { ...kepalaDaerah, officialName: null }), 400, 'Isi nama dan jabatan kepala daerah yang menjadi pejabat penilai');
    await fails(call(s.adminBkpsdm, 'POST', '/api/skp/assessor-designations', { ...kepalaDaerah, assessorEmployeeId: sekda.id }), 400, 'Penetapan untuk pegawai tidak memuat nama kepala daerah, dan sebaliknya');
    const created = await ok<{ items: { positionId: string; kind: string; officialName: string; isInForce: boolean }[] }>(call(s.adminBkpsdm, 'POST', '/api/skp/assessor-designations', kepalaDaerah), 201);
    expect(created.items).toEqual([expect.objectContaining({ positionId: sekdaPosition.id, kind: 'kepala_daerah', officialName: BUPATI.officialName, isInForce: true })]);
    await fails(call(s.adminBkpsdm, 'POST', '/api/skp/assessor-designations', { ...kepalaDaerah, startDate: '2026-01-01' }), 409, /periode yang tumpang tindih \(sejak 2025-02-20\)/);

    const sekdaForLooseHead = { positionId: looseOpd.headPosition.id, kind: 'employee', assessorEmployeeId: sekda.id, startDate: '2026-01-01', reason: 'Keputusan Bupati: kepala dinas dinilai Sekretaris Daerah' };
    await fails(call(s.adminBkpsdm, 'POST', '/api/skp/assessor-designations', { ...sekdaForLooseHead, assessorEmployeeId: looseOpd.head.id }), 400, 'Pemegang jabatan ini tidak dapat menjadi pejabat penilai atas jabatannya sendiri');
    await ok(call(s.adminBkpsdm, 'POST', '/api/skp/assessor-designations', sekdaForLooseHead), 201);

    const list = await ok<{ items: unknown[] }>(call(s.pimpinan, 'GET', '/api/skp/without-assessor'));
    expect(list.items).toEqual([]);
    const audit = await t.handle.db.select().from(auditLog).where(eq(auditLog.entityType, 'skp_assessor_designation'));
    expect(audit.map((row) => row.action)).toEqual(['create', 'create']);
  });

  it('the snapshots carry the designated assessor and the kepala daerah as the assessor’s superior', async () => {
    // The Sekda's open plan picks up the kepala daerah when submitted.
    sekdaSkp = await ok<Skp>(call(s.sekda, 'POST', `/api/skp/${sekdaSkp.id}/submit`));
    expect(sekdaSkp).toMatchObject({ status: 'submitted', assessor: { kind: 'kepala_daerah', employeeId: null, nip: null, name: BUPATI.officialName, positionName: BUPATI.officialTitle }, assessorSuperior: { kind: null } });

    await ok(call(s.head, 'POST', `/api/skp/${headSkp.id}/rhk`, jptRhk), 201);
    headSkp = await ok<Skp>(call(s.head, 'POST', `/api/skp/${headSkp.id}/submit`));
    expect(headSkp).toMatchObject({ assessor: { kind: 'superior', employeeId: sekda.id }, assessorSuperior: { kind: 'kepala_daerah', employeeId: null, name: BUPATI.officialName } });

    looseHeadSkp = await ok<Skp>(call(s.looseHead, 'POST', '/api/skp', { year: 2026 }), 201);
    expect(looseHeadSkp).toMatchObject({ assessor: { kind: 'designated', employeeId: sekda.id, nip: sekda.nip }, assessorSuperior: { kind: 'kepala_daerah', name: BUPATI.officialName } });
    // A new plan has the kepala daerah from the start; he has no SKP in the system, so the Sekda cascades from the performance agreement.
    const next = await ok<Skp>(call(s.sekda, 'POST', '/api/skp', { year: 2027 }), 201);
    expect(next.assessor).toMatchObject({ kind: 'kepala_daerah', name: BUPATI.officialName });
    await fails(call(s.sekda, 'POST', `/api/skp/${next.id}/copy-from-superior`, { rhkIds: [] }), 409, 'Pejabat penilai SKP ini adalah kepala daerah, yang tidak memiliki SKP di sistem; acu perjanjian kinerja unit');
  });

  it('only BKPSDM records the kepala daerah’s approval, with a basis, printed on the document', async () => {
    const approve = (session: Session, onBehalfReason: string | null) => call(session, 'POST', `/api/skp/${sekdaSkp.id}/approve`, { note: null, onBehalfReason });
    const reason = 'Disposisi Bupati Uji nomor 800/12/2026 tanggal 27 Februari 2026';
    await fails(approve(s.sekda, reason), 403, /Pejabat penilai SKP ini adalah kepala daerah; hanya admin BKPSDM/);
    await fails(approve(s.pimpinan, reason), 403, /hanya admin BKPSDM/);
    await fails(approve(s.auditor, reason), 403, /hanya admin BKPSDM/);
    await fails(approve(s.head, reason), 404, 'SKP tidak ditemukan');
    await fails(approve(s.adminOpd, reason), 404, 'SKP tidak ditemukan');
    await fails(approve(s.adminBkpsdm, null), 400, 'Isi dasar pencatatan atas nama kepala daerah (misalnya nomor surat atau disposisi)');
    // An on-behalf basis on a plan the assessor decides himself is refused.
    await fails(call(s.sekda, 'POST', `/api/skp/${headSkp.id}/approve`, { note: null, onBehalfReason: reason }), 400, 'Dasar pencatatan atas nama hanya diisi bila pejabat penilainya kepala daerah');

    const waiting = await ok<{ items: Skp[] }>(call(s.adminBkpsdm, 'GET', '/api/skp?scope=kepala_daerah&year=2026&status=submitted'));
    expect(waiting.items.map((item) => item.id)).toEqual([sekdaSkp.id]);
    await fails(call(s.sekda, 'GET', '/api/skp?scope=kepala_daerah'), 403, /.+/);

    sekdaSkp = await ok<Skp>(approve(s.adminBkpsdm, reason));
    expect(sekdaSkp).toMatchObject({ status: 'approved', decidedOnBehalf: { officialName: BUPATI_LABEL, reason, recordedByName: expect.any(String) } });
    const [audit] = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.entityId, sekdaSkp.id), eq(auditLog.action, 'approve')));
    expect(audit?.after).toMatchObject({ decidedOnBehalfOf: BUPATI_LABEL, decidedOnBehalfReason: reason, assessorKind: 'kepala_daerah' });

    const pdf = extractPdfText((await call(s.sekda, 'GET', `/api/skp/${sekdaSkp.id}/document.pdf`)).rawPayload);
    for (const expected of ['PEJABAT PENILAI KINERJA', BUPATI.officialName, BUPATI.officialTitle, 'atas nama', reason]) expect(pdf).toContain(expected);
  });

  it('the designated employee decides on the plan he was designated for; BKPSDM may not', async () => {
    await ok(call(s.looseHead, 'POST', `/api/skp/${looseHeadSkp.id}/rhk`, jptRhk), 201);
    await ok(call(s.looseHead, 'POST', `/api/skp/${looseHeadSkp.id}/submit`));
    const waiting = await ok<{ items: Skp[] }>(call(s.sekda, 'GET', '/api/skp?scope=to_review&year=2026'));
    expect(waiting.items.map((item) => item.id).sort()).toEqual([headSkp.id, looseHeadSkp.id].sort());
    await fails(call(s.adminBkpsdm, 'POST', `/api/skp/${looseHeadSkp.id}/approve`, { note: null }), 403, /Hanya pejabat penilai/);
    await fails(call(s.adminBkpsdm, 'POST', `/api/skp/${looseHeadSkp.id}/approve`, { note: null, onBehalfReason: 'Atas nama' }), 403, /Hanya pejabat penilai/);
    await ok(call(s.sekda, 'POST', `/api/skp/${looseHeadSkp.id}/approve`, { note: null }));
    await ok(call(s.sekda, 'POST', `/api/skp/${headSkp.id}/approve`, { note: null }));
  });

  it('BKPSDM sets the unit predikat and rates the Sekda on the kepala daerah’s behalf; nobody else may', async () => {
    const reason = 'Surat Bupati Uji nomor 800/30/2026';
    const setPemda = (session: Session, onBehalfReason: string | null) => call(session, 'PUT', `/api/skp/unit-predikats/${pemda.id}/2026-02`, { predikat: 'baik', note: null, onBehalfReason });
    await fails(setPemda(s.sekda, reason), 403, /kepala daerah, yang keputusannya dicatat oleh admin BKPSDM/);
    await fails(setPemda(s.adminBkpsdm, null), 400, /Isi dasar pencatatan/);
    const unit = await ok<{ predikat: string; setOnBehalfOf: string; onBehalfReason: string; headEmployeeId: string }>(setPemda(s.adminBkpsdm, reason));
    expect(unit).toMatchObject({ predikat: 'baik', setOnBehalfOf: BUPATI_LABEL, onBehalfReason: reason, headEmployeeId: sekda.id });
    const supervised = await ok<{ items: { unitId: string; predikat: string | null }[] }>(call(s.adminBkpsdm, 'GET', '/api/skp/unit-predikats/mine?periodKey=2026-02'));
    expect(supervised.items).toEqual([expect.objectContaining({ unitId: pemda.id, predikat: 'baik' })]);
    // The Sekda sets the predikat of the OPD he assesses, as before.
    await ok(call(s.sekda, 'PUT', `/api/skp/unit-predikats/${opd.unit.id}/2026-02`, { predikat: 'istimewa', note: null }));

    const rate = (session: Session, body: Record<string, unknown>) => call(session, 'PUT', `/api/skp/${sekdaSkp.id}/evaluations/2026-02`, body);
    await fails(rate(s.sekda, { perilakuKerjaRating: 'sesuai', onBehalfReason: reason }), 403, /hanya admin BKPSDM/);
    await fails(rate(s.pimpinan, { perilakuKerjaRating: 'sesuai', onBehalfReason: reason }), 403, /hanya admin BKPSDM/);
    await fails(rate(s.adminBkpsdm, { perilakuKerjaRating: 'sesuai' }), 400, /Isi dasar pencatatan/);
    const evaluation = await ok<Evaluation>(rate(s.adminBkpsdm, { perilakuKerjaRating: 'di_atas', onBehalfReason: reason }));
    expect(evaluation).toMatchObject({ hasilKerjaRating: 'sesuai', predikat: 'baik', assessor: { employeeId: null, name: BUPATI_LABEL }, onBehalf: { officialName: BUPATI_LABEL, reason } });

    const asAdmin = await ok<{ canEvaluate: boolean; assessorKind: string }>(call(s.adminBkpsdm, 'GET', `/api/skp/${sekdaSkp.id}/evaluations`));
    expect(asAdmin).toMatchObject({ canEvaluate: true, assessorKind: 'kepala_daerah' });
    expect((await ok<{ canEvaluate: boolean }>(call(s.sekda, 'GET', `/api/skp/${sekdaSkp.id}/evaluations`))).canEvaluate).toBe(false);
    expect((await ok<{ canEvaluate: boolean }>(call(s.pimpinan, 'GET', `/api/skp/${sekdaSkp.id}/evaluations`))).canEvaluate).toBe(false);

    await fails(call(s.sekda, 'POST', `/api/skp/${sekdaSkp.id}/evaluations/2026-02/finalise`), 403, /hanya admin BKPSDM/);
    const final = await ok<{ evaluation: Evaluation }>(call(s.adminBkpsdm, 'POST', `/api/skp/${sekdaSkp.id}/evaluations/2026-02/finalise`));
    expect(final.evaluation).toMatchObject({ isFinal: true, predikat: 'baik' });

    const pdf = extractPdfText((await call(s.sekda, 'GET', `/api/skp/${sekdaSkp.id}/evaluations/2026-02/document.pdf`)).rawPayload);
    for (const expected of ['EVALUASI KINERJA PEGAWAI PERIODIK', BUPATI.officialName, 'atas nama', reason, 'BAIK']) expect(pdf).toContain(expected);
    // The head of OPD's annual document names the kepala daerah as the assessor's superior.
    const annual = extractPdfText((await call(s.head, 'GET', `/api/skp/${headSkp.id}/annual-document.pdf`)).rawPayload);
    expect(annual).toContain('ATASAN PEJABAT PENILAI KINERJA');
    expect(annual).toContain(BUPATI.officialName);
  });

  it('ends a designation: from then on the position has no assessor again', async () => {
    const designations = await ok<{ items: { id: string; positionId: string; endDate: string | null }[] }>(call(s.auditor, 'GET', '/api/skp/assessor-designations'));
    const looseHeadDesignation = designations.items.find((item) => item.positionId === looseOpd.headPosition.id)!;
    await fails(call(s.adminBkpsdm, 'POST', `/api/skp/assessor-designations/${looseHeadDesignation.id}/end`, { endDate: '2025-12-31' }), 400, 'Tanggal selesai tidak boleh sebelum tanggal mulai');
    await fails(call(s.pimpinan, 'POST', `/api/skp/assessor-designations/${looseHeadDesignation.id}/end`, { endDate: '2026-02-28' }), 403, /.+/);
    const ended = await ok<{ items: { id: string; endDate: string | null; isInForce: boolean }[] }>(call(s.adminBkpsdm, 'POST', `/api/skp/assessor-designations/${looseHeadDesignation.id}/end`, { endDate: '2026-02-28' }));
    expect(ended.items.find((item) => item.id === looseHeadDesignation.id)).toMatchObject({ endDate: '2026-02-28', isInForce: false });
    await fails(call(s.adminBkpsdm, 'POST', `/api/skp/assessor-designations/${looseHeadDesignation.id}/end`, { endDate: '2026-03-31' }), 409, /sudah berakhir 2026-02-28/);
    const list = await ok<{ items: { employeeId: string }[] }>(call(s.adminBkpsdm, 'GET', '/api/skp/without-assessor'));
    expect(list.items.map((item) => item.employeeId)).toEqual([looseOpd.head.id]);
    // The approved plan keeps the assessor it was approved with.
    expect((await ok<Skp>(call(s.looseHead, 'GET', `/api/skp/${looseHeadSkp.id}`))).assessor).toMatchObject({ kind: 'designated', employeeId: sekda.id });
  });
});
