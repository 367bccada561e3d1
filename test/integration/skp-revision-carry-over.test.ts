import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityEntries, auditLog } from '../../src/server/db/schema';
import { createAccount, createEmployeeFixture, createOpdFixture, createPositionFixture, createUnitFixture, type OpdFixture } from '../helpers/factories';
import { createTestApp, loginAs, type Session, type TestApp } from '../helpers/test-app';
import { call, fails, ok } from '../helpers/api-calls';

/**
 * SKP gap 2: a revision of an approved SKP takes over, when it is approved, the realisations,
 * feedback and final ratings of the periods already recorded, for the RHK that continue
 * (domain/skp/carry-over.ts); the replaced revision keeps its rows as history.
 */

interface Rhk {
  id: string;
  text: string;
  previousRhkId: string | null;
  indicators: { id: string; aspect: string; targetUnit: string }[];
}
interface Skp {
  id: string;
  status: string;
  isInForce: boolean;
  rhk: Rhk[];
}
interface Period {
  periodKey: string;
  realisationId: string | null;
  rencanaAksi: string | null;
  realisasi: string | null;
  evidenceLinks: string[];
  attachments: { id: string }[];
  indicatorValues: { indicatorId: string; value: number }[];
  feedback: string | null;
  feedbackByName: string | null;
  isCarriedOver: boolean;
  activities: { entryCount: number };
}
interface Board {
  rhk: { rhkId: string; progress: { indicatorId: string; realised: number | null; progressBp: number | null }[]; periods: Period[] }[];
  canRecord: boolean;
}
interface Evaluation {
  periodKey: string;
  predikat: string | null;
  isFinal: boolean;
  isCarriedOver: boolean;
  assessor: { employeeId: string | null };
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
function multipart(fileName: string, content: Buffer) {
  const boundary = '----ekinerja-carry-over';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: image/png\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const quantity = { aspect: 'kuantitas', text: 'Jumlah izin yang diterbitkan', targetValue: 12, targetUnit: 'izin' };
const quality = { aspect: 'kualitas', text: 'Izin tanpa keberatan', targetValue: 100, targetUnit: 'persen' };

describe('SKP revision: what carries over from the replaced revision', () => {
  let t: TestApp;
  let opd: OpdFixture;
  const s: Record<'sekda' | 'head' | 'bidangHead' | 'staff', Session> = {} as never;
  let first: Skp;
  let revision: Skp;
  let attachmentId: string;
  const monthly = (rhk: Rhk, period: string, body: Record<string, unknown>) => call(s.staff, 'PUT', `/api/skp/rhk/${rhk.id}/realisations/${period}`, body);
  const board = (skp: Skp) => ok<Board>(call(s.staff, 'GET', `/api/skp/${skp.id}/realisations`));
  const periodOf = (view: Board, rhkId: string, key: string) => view.rhk.find((rhk) => rhk.rhkId === rhkId)!.periods.find((period) => period.periodKey === key)!;

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-05-15T02:00:00Z' });
    const { db } = t.handle;
    const pemda = await createUnitFixture(db, t.clock, { kind: 'pemda' });
    const sekdaPosition = await createPositionFixture(db, t.clock, { unitId: pemda.id, jenis: 'jpt_pratama', kelasJabatan: 15, isUnitHead: true });
    const sekda = await createEmployeeFixture(db, t.clock, { positionId: sekdaPosition.id });
    opd = await createOpdFixture(db, t.clock, { superiorPositionId: sekdaPosition.id });
    const login = async (employeeId: string) => {
      const account = await createAccount(db, t.clock, { employeeId });
      return loginAs(t.app, account.login, account.password);
    };
    s.sekda = await login(sekda.id);
    s.head = await login(opd.head.id);
    s.bidangHead = await login(opd.bidangHead.id);
    s.staff = await login(opd.staff.id);
    const approved = async (owner: Session, assessor: Session, rhk: Record<string, unknown>[]): Promise<Skp> => {
      const created = await ok<Skp>(call(owner, 'POST', '/api/skp', { year: 2026 }), 201);
      for (const item of rhk) await ok(call(owner, 'POST', `/api/skp/${created.id}/rhk`, { kind: 'utama', text: 'Terselesaikannya layanan perizinan', ...item }), 201);
      await ok(call(owner, 'POST', `/api/skp/${created.id}/submit`));
      return ok<Skp>(call(assessor, 'POST', `/api/skp/${created.id}/approve`, { note: null }));
    };
    const head = await approved(s.head, s.sekda, [{ perspective: 'penerima_layanan', supportedAgreementText: 'Perjanjian kinerja 2026', indicators: [quantity] }]);
    const bidang = await approved(s.bidangHead, s.head, [{ supportedRhkId: head.rhk[0]!.id, indicators: [quantity] }]);
    first = await approved(s.staff, s.bidangHead, [
      { supportedRhkId: bidang.rhk[0]!.id, indicators: [quantity, quality] },
      { kind: 'tambahan', text: 'Menjadi narasumber sosialisasi perizinan', indicators: [{ ...quantity, text: 'Kegiatan sosialisasi', targetValue: 2, targetUnit: 'kegiatan' }] },
    ]);
  });
  afterAll(async () => t.close());

  it('records four months, feedback and ratings on the first revision', async () => {
    const [main, extra] = first.rhk;
    const [q, k] = main!.indicators;
    attachmentId = (await ok<{ id: string }>(s.staff.inject({ method: 'POST', url: '/api/attendance/attachments', ...multipart('izin-januari.png', PNG) }), 201)).id;
    await ok(monthly(main!, '2026-01', { realisasi: 'Januari: 2 izin', evidenceLinks: ['https://arsip.example.go.id/izin/01'], attachmentIds: [attachmentId], indicatorValues: [{ indicatorId: q!.id, value: 2 }, { indicatorId: k!.id, value: 80 }] }));
    await ok(monthly(main!, '2026-02', { realisasi: 'Februari: 3 izin', indicatorValues: [{ indicatorId: q!.id, value: 3 }, { indicatorId: k!.id, value: 90 }] }));
    await ok(monthly(main!, '2026-03', { realisasi: 'Maret: 1 izin', indicatorValues: [{ indicatorId: q!.id, value: 1 }] }));
    await ok(monthly(main!, '2026-06', { rencanaAksi: 'Rencana Juni: jemput bola' }));
    await ok(monthly(extra!, '2026-01', { realisasi: 'Narasumber di kecamatan', indicatorValues: [{ indicatorId: extra!.indicators[0]!.id, value: 1 }] }));
    await ok(call(s.bidangHead, 'PUT', `/api/skp/rhk/${main!.id}/realisations/2026-02/feedback`, { feedback: 'Percepat verifikasi', dialogueNotes: 'Dialog kinerja Februari' }));
    for (const [period, final] of [['2026-01', true], ['2026-02', true], ['2026-03', false]] as const) {
      await ok(call(s.bidangHead, 'PUT', `/api/skp/${first.id}/evaluations/${period}`, { hasilKerjaRating: 'sesuai', perilakuKerjaRating: 'di_atas' }));
      if (final) await ok(call(s.bidangHead, 'POST', `/api/skp/${first.id}/evaluations/${period}/finalise`));
    }
  });

  it('a revision that rewords an RHK, changes a unit and drops another takes over the periods done when approved', async () => {
    revision = await ok<Skp>(call(s.staff, 'POST', `/api/skp/${first.id}/revisions`, { reason: 'Perubahan target setelah pergeseran tugas' }), 201);
    const [main, extra] = revision.rhk;
    // Reworded, target lowered, and kualitas now measured in "%" instead of "persen": not comparable, not carried.
    await ok(call(s.staff, 'PUT', `/api/skp/rhk/${main!.id}`, {
      kind: 'utama',
      text: 'Terselesaikannya layanan perizinan usaha',
      supportedRhkId: (await ok<{ items: Rhk[] }>(call(s.staff, 'GET', `/api/skp/${revision.id}/citable-rhk`))).items[0]!.id,
      indicators: [{ ...quantity, targetValue: 10 }, { ...quality, targetUnit: '%' }],
    }));
    await ok(call(s.staff, 'DELETE', `/api/skp/rhk/${extra!.id}`));
    await ok(call(s.staff, 'POST', `/api/skp/${revision.id}/rhk`, { kind: 'tambahan', text: 'Menyusun SOP perizinan', indicators: [{ ...quantity, text: 'SOP', targetValue: 1, targetUnit: 'dokumen' }] }), 201);
    await ok(call(s.staff, 'POST', `/api/skp/${revision.id}/submit`));

    // Until the revision is approved the first one is in force: April is still recorded there, and must not be lost.
    await ok(monthly(first.rhk[0]!, '2026-04', { realisasi: 'April: 2 izin', indicatorValues: [{ indicatorId: first.rhk[0]!.indicators[0]!.id, value: 2 }] }));
    revision = await ok<Skp>(call(s.bidangHead, 'POST', `/api/skp/${revision.id}/approve`, { note: null }));
    expect(revision.isInForce).toBe(true);
    const [carriedMain] = revision.rhk;
    expect(carriedMain).toMatchObject({ previousRhkId: first.rhk[0]!.id, text: 'Terselesaikannya layanan perizinan usaha' });

    const view = await board(revision);
    expect(view.canRecord).toBe(true);
    const [quantityNow, qualityNow] = carriedMain!.indicators;
    const jan = periodOf(view, carriedMain!.id, '2026-01');
    expect(jan).toMatchObject({ isCarriedOver: true, realisasi: 'Januari: 2 izin', evidenceLinks: ['https://arsip.example.go.id/izin/01'], attachments: [{ id: attachmentId }] });
    // Only the kuantitas value follows (same aspect and unit); the kualitas one stays with the first revision.
    expect(jan.indicatorValues).toEqual([{ indicatorId: quantityNow!.id, value: 2 }]);
    expect(periodOf(view, carriedMain!.id, '2026-02')).toMatchObject({ isCarriedOver: true, feedback: 'Percepat verifikasi', feedbackByName: opd.bidangHead.name });
    expect(periodOf(view, carriedMain!.id, '2026-04')).toMatchObject({ isCarriedOver: true, realisasi: 'April: 2 izin' });
    expect(periodOf(view, carriedMain!.id, '2026-05')).toMatchObject({ realisationId: null, isCarriedOver: false });
    expect(periodOf(view, carriedMain!.id, '2026-06').rencanaAksi).toBe('Rencana Juni: jemput bola');
    // Progress continues: 2 + 3 + 1 + 2 = 8 of the new target 10; kualitas has no value yet.
    expect(view.rhk.find((rhk) => rhk.rhkId === carriedMain!.id)!.progress).toEqual([
      { indicatorId: quantityNow!.id, realised: 8, progressBp: 8000 },
      { indicatorId: qualityNow!.id, realised: null, progressBp: null },
    ]);
    // The dropped RHK and the new one have nothing carried.
    expect(view.rhk).toHaveLength(2);
    expect(view.rhk[1]!.periods.every((period) => period.realisationId === null)).toBe(true);
  });

  it('keeps the first revision’s rows as history, unchanged', async () => {
    const history = await board(first);
    const jan = periodOf(history, first.rhk[0]!.id, '2026-01');
    expect(jan).toMatchObject({ isCarriedOver: false, realisasi: 'Januari: 2 izin' });
    expect(jan.indicatorValues).toHaveLength(2);
    expect(periodOf(history, first.rhk[1]!.id, '2026-01').realisasi).toBe('Narasumber di kecamatan');
    await fails(monthly(first.rhk[0]!, '2026-05', { realisasi: 'Mei' }), 409, 'Revisi SKP ini sudah digantikan; catat realisasi pada revisi yang berlaku');
    const evaluations = await ok<{ items: Evaluation[] }>(call(s.staff, 'GET', `/api/skp/${first.id}/evaluations`));
    expect(evaluations.items.map((item) => [item.periodKey, item.isFinal])).toEqual([['2026-01', true], ['2026-02', true], ['2026-03', false]]);
  });

  it('final ratings carry over and stay fixed; a draft does not, and the superseded revision is not rated any more', async () => {
    const list = await ok<{ canEvaluate: boolean; items: Evaluation[] }>(call(s.bidangHead, 'GET', `/api/skp/${revision.id}/evaluations`));
    expect(list.canEvaluate).toBe(true);
    expect(list.items.map((item) => [item.periodKey, item.isFinal, item.isCarriedOver, item.predikat])).toEqual([
      ['2026-01', true, true, 'baik'],
      ['2026-02', true, true, 'baik'],
    ]);
    expect(list.items[0]!.assessor.employeeId).toBe(opd.bidangHead.id);
    const carriedMain = revision.rhk[0]!;
    await fails(monthly(carriedMain, '2026-02', { realisasi: 'Ubah' }), 409, 'Penilaian periode 2026-02 sudah final; realisasinya tidak dapat diubah lagi');
    await ok(monthly(carriedMain, '2026-03', { realisasi: 'Maret: 1 izin (dilengkapi)' }));
    await fails(call(s.bidangHead, 'PUT', `/api/skp/${first.id}/evaluations/2026-03`, { hasilKerjaRating: 'sesuai' }), 409, 'Revisi SKP ini sudah digantikan; penilaian dilakukan pada revisi yang berlaku');
    const march = await ok<Evaluation>(call(s.bidangHead, 'PUT', `/api/skp/${revision.id}/evaluations/2026-03`, { hasilKerjaRating: 'sesuai', perilakuKerjaRating: 'sesuai' }));
    expect(march).toMatchObject({ predikat: 'baik', isCarriedOver: false });

    // The distribution advisor counts the carried final rating of the plan in force.
    const advice = await ok<{ people: { skpId: string; predikat: string | null; isFinal: boolean }[] }>(call(s.bidangHead, 'GET', '/api/skp/distribution?periodKey=2026-01'));
    expect(advice.people).toEqual([expect.objectContaining({ skpId: revision.id, predikat: 'baik', isFinal: true })]);

    const [audit] = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.entityId, revision.id), eq(auditLog.action, 'carry_over')));
    expect(audit?.after).toEqual({ fromSkpId: first.id, realisationCount: 5, realisationPeriods: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-06'], evaluationPeriods: ['2026-01', '2026-02'] });
  });

  it('daily activities linked to the first revision’s RHK still count on the revision', async () => {
    const base = { employeeId: opd.staff.id, unitId: opd.staff.unitId, startTime: '08:00', endTime: '09:00', isAdditionalTask: true, title: 'Verifikasi berkas', volume: 1, outputUnit: 'berkas', claimedMinutes: 60 };
    await t.handle.db.insert(activityEntries).values([{ ...base, workDate: '2026-02-10', status: 'approved', approvedMinutes: 60, skpRhkId: first.rhk[0]!.id }]);
    expect(periodOf(await board(revision), revision.rhk[0]!.id, '2026-02').activities.entryCount).toBe(1);
  });
});
