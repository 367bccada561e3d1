import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { skpExport, type SkpExport } from '../../src/contracts/skp-export';
import { auditLog, skpEvaluations } from '../../src/server/db/schema';
import { createAccount, createEmployeeFixture, createOpdFixture, createPositionFixture, createUnitFixture, type EmployeeFixture, type OpdFixture } from '../helpers/factories';
import { countPdfPages, extractPdfText } from '../helpers/pdf-text';
import { createTestApp, loginAs, type Session, type TestApp } from '../helpers/test-app';
import { call, fails, ok } from '../helpers/api-calls';

/** SKP §3–4: ratings with BerAKHLAK, predikat, unit predikat and unit heads, finalising, distribution advisor, PP 46/2011. */

interface Rhk {
  id: string;
  indicators: { id: string; aspect: string }[];
}
interface Skp {
  id: string;
  approach: string;
  rhk: Rhk[];
}
interface Evaluation {
  periodKey: string;
  periodKind: string;
  hasilKerjaRating: string | null;
  perilakuKerjaRating: string | null;
  predikat: string | null;
  behaviourNotes: Record<string, string>;
  leaderExpectations: Record<string, string>;
  pp46: { skpScore: number; behaviourScore: number; finalScore: number; band: string; behaviour: Record<string, number | null> | null; creativity: string | null } | null;
  isFinal: boolean;
}
interface Distribution {
  scope: string;
  unitId: string | null;
  unitPredikat: string | null;
  total: number;
  counts: Record<string, number>;
  breaches: { kind: string; message: string }[];
  people: { employeeId: string; predikat: string | null; isFinal: boolean }[];
  notice: string | null;
}

type Role = 'sekda' | 'head' | 'bidangHead' | 'staff' | 'staff2' | 'staff3' | 'adminOpd' | 'otherAdmin';
interface Chain {
  opd: OpdFixture;
  staff2: EmployeeFixture;
  staff3: EmployeeFixture;
  s: Record<Role, Session>;
  skp: Record<'head' | 'bidangHead' | 'staff' | 'staff2' | 'staff3', Skp>;
}

const indicator = (targetValue: number, aspect = 'kuantitas', targetUnit = 'dokumen') => ({ aspect, text: `Indikator ${aspect}`, targetValue, targetUnit });

/** Sekda ← kepala dinas ← kepala bidang ← three staff, each with an approved 2026 SKP citing the superior's RHK. */
async function buildChain(t: TestApp, tag: string, staffIndicators: Record<string, unknown>[]): Promise<Chain> {
  const { db } = t.handle;
  const pemda = await createUnitFixture(db, t.clock, { kind: 'pemda' });
  const sekdaPosition = await createPositionFixture(db, t.clock, { unitId: pemda.id, jenis: 'jpt_madya', kelasJabatan: 16, isUnitHead: true });
  const sekda = await createEmployeeFixture(db, t.clock, { positionId: sekdaPosition.id, golongan: 'IV/d' });
  const opd = await createOpdFixture(db, t.clock, { superiorPositionId: sekdaPosition.id });
  const staff2 = await createEmployeeFixture(db, t.clock, { positionId: opd.staffPosition.id });
  const staff3 = await createEmployeeFixture(db, t.clock, { positionId: opd.staffPosition.id });
  const other = await createOpdFixture(db, t.clock);
  const login = async (options: Parameters<typeof createAccount>[2]) => {
    const account = await createAccount(db, t.clock, options);
    return loginAs(t.app, account.login, account.password);
  };
  const s: Record<Role, Session> = {
    sekda: await login({ employeeId: sekda.id }),
    head: await login({ employeeId: opd.head.id }),
    bidangHead: await login({ employeeId: opd.bidangHead.id }),
    staff: await login({ employeeId: opd.staff.id }),
    staff2: await login({ employeeId: staff2.id }),
    staff3: await login({ employeeId: staff3.id }),
    adminOpd: await login({ username: `admin-opd-${tag}`, roles: [{ role: 'admin_opd', unitId: opd.unit.id }] }),
    otherAdmin: await login({ username: `admin-lain-${tag}`, roles: [{ role: 'admin_opd', unitId: other.unit.id }] }),
  };
  const approved = async (owner: Session, assessor: Session, rhk: Record<string, unknown>[]): Promise<Skp> => {
    const created = await ok<Skp>(call(owner, 'POST', '/api/skp', { year: 2026 }), 201);
    for (const item of rhk) await ok(call(owner, 'POST', `/api/skp/${created.id}/rhk`, { kind: 'utama', text: 'Terselesaikannya layanan perizinan', ...item }), 201);
    await ok(call(owner, 'POST', `/api/skp/${created.id}/submit`));
    return ok<Skp>(call(assessor, 'POST', `/api/skp/${created.id}/approve`, { note: null }));
  };
  const head = await approved(s.head, s.sekda, [{ perspective: 'penerima_layanan', supportedAgreementText: 'Perjanjian kinerja 2026', indicators: [indicator(100)] }]);
  const bidangHead = await approved(s.bidangHead, s.head, [{ supportedRhkId: head.rhk[0]!.id, indicators: [indicator(24)] }]);
  const cite = { supportedRhkId: bidangHead.rhk[0]!.id };
  const staffRhk = [
    { ...cite, indicators: staffIndicators },
    { kind: 'tambahan', text: 'Menjadi narasumber bimbingan teknis', indicators: [indicator(2, 'kuantitas', 'kegiatan')] },
  ];
  return {
    opd,
    staff2,
    staff3,
    s,
    skp: {
      head,
      bidangHead,
      staff: await approved(s.staff, s.bidangHead, staffRhk),
      staff2: await approved(s.staff2, s.bidangHead, [{ ...cite, indicators: [indicator(4)] }]),
      staff3: await approved(s.staff3, s.bidangHead, [{ ...cite, indicators: [indicator(4)] }]),
    },
  };
}

describe('SKP evaluation (PermenPANRB 6/2022)', () => {
  let t: TestApp;
  let c: Chain;
  const rate = (session: Session, skp: Skp, period: string, body: Record<string, unknown>) => call(session, 'PUT', `/api/skp/${skp.id}/evaluations/${period}`, body);

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-03-02T02:00:00Z' });
    c = await buildChain(t, 'nilai', [indicator(12)]);
  });
  afterAll(async () => t.close());

  it('only the assessor rates; the predikat follows the matrix; BerAKHLAK notes and expectations are kept', async () => {
    const { s, skp } = c;
    const body = {
      hasilKerjaRating: 'di_atas',
      perilakuKerjaRating: 'di_atas',
      behaviourNotes: { BERORIENTASI_PELAYANAN: 'Ramah dan cepat menanggapi pemohon', KOLABORATIF: '' },
      leaderExpectations: { AKUNTABEL: 'Laporan mingguan tepat waktu' },
    };
    await fails(rate(s.staff, skp.staff, '2026-02', body), 403, 'Hanya pejabat penilai yang tercatat pada SKP ini yang dapat menilai SKP ini');
    await fails(rate(s.head, skp.staff, '2026-02', body), 403, /Hanya pejabat penilai/);
    await fails(rate(s.otherAdmin, skp.staff, '2026-02', body), 404, 'SKP tidak ditemukan');
    await fails(rate(s.bidangHead, skp.staff, '2026-02', { ...body, behaviourNotes: { JUJUR: 'x' } }), 400, /.+/);

    const evaluation = await ok<Evaluation>(rate(s.bidangHead, skp.staff, '2026-02', body));
    expect(evaluation).toMatchObject({
      periodKind: 'month',
      predikat: 'sangat_baik',
      behaviourNotes: { BERORIENTASI_PELAYANAN: 'Ramah dan cepat menanggapi pemohon' },
      leaderExpectations: { AKUNTABEL: 'Laporan mingguan tepat waktu' },
      isFinal: false,
      pp46: null,
    });
    const partial = await ok<Evaluation>(rate(s.bidangHead, skp.staff2, '2026-02', { hasilKerjaRating: 'sesuai' }));
    expect(partial.predikat).toBeNull();
    expect((await ok<Evaluation>(rate(s.bidangHead, skp.staff2, '2026-02', { hasilKerjaRating: 'sesuai', perilakuKerjaRating: 'di_bawah' }))).predikat).toBe('kurang');
    expect((await ok<Evaluation>(rate(s.bidangHead, skp.staff3, '2026-02', { hasilKerjaRating: 'di_bawah', perilakuKerjaRating: 'sesuai' }))).predikat).toBe('butuh_perbaikan');

    const list = await ok<{ periods: { key: string; hasStarted: boolean }[]; canEvaluate: boolean; items: Evaluation[] }>(call(s.staff, 'GET', `/api/skp/${skp.staff.id}/evaluations`));
    expect(list.canEvaluate).toBe(false);
    expect(list.items.map((item) => item.periodKey)).toEqual(['2026-02']);
    expect(list.periods.at(-1)).toEqual({ key: '2026', kind: 'annual', startDate: '2026-01-01', endDate: '2026-12-31', hasStarted: true });
    expect(list.periods.find((period) => period.key === '2026-04')?.hasStarted).toBe(false);
  });

  it('refuses a period that has not started or that the region does not use', async () => {
    const { s, skp } = c;
    await fails(rate(s.bidangHead, skp.staff, '2026-04', { hasilKerjaRating: 'sesuai' }), 409, 'Periode penilaian ini belum dimulai; penilaian hanya untuk periode yang sudah berjalan (2026-04)');
    await fails(rate(s.bidangHead, skp.staff, '2026-Q1', { hasilKerjaRating: 'sesuai' }), 400, 'Periode penilaian tidak dikenal untuk tahun SKP ini (2026-Q1)');
    await fails(rate(s.bidangHead, skp.staff, '2026-02', { pp46: { behaviour: { orientasiPelayanan: 80, integritas: 80, komitmen: 80, disiplin: 80, kerjaSama: 80 } } }), 400, 'Nilai PP 46/2011 hanya untuk tahun yang memilih pendekatan PP 46/2011');
  });

  it('the unit’s superior sets the unit predikat; the unit head’s hasil kerja follows it', async () => {
    const { s, skp, opd } = c;
    const setBidang = (session: Session, predikat: string) => call(session, 'PUT', `/api/skp/unit-predikats/${opd.bidang.id}/2026-02`, { predikat, note: null });
    // Rating the kepala bidang before the bidang has a predikat: the hasil kerja has nothing to follow.
    await fails(rate(s.head, skp.bidangHead, '2026-02', { hasilKerjaRating: 'di_atas', perilakuKerjaRating: 'sesuai' }), 409, /Predikat kinerja unit untuk periode ini belum ditetapkan/);
    await fails(setBidang(s.bidangHead, 'baik'), 403, 'Predikat kinerja unit ditetapkan oleh atasan kepala unit tersebut');
    await fails(setBidang(s.sekda, 'baik'), 403, 'Predikat kinerja unit ditetapkan oleh atasan kepala unit tersebut');
    await fails(call(s.head, 'PUT', `/api/skp/unit-predikats/${opd.bidang.id}/2026-05`, { predikat: 'baik', note: null }), 409, /belum dimulai/);
    const set = await ok<{ predikat: string; headEmployeeId: string; setByName: string }>(setBidang(s.head, 'baik'));
    expect(set).toMatchObject({ predikat: 'baik', headEmployeeId: opd.bidangHead.id, setByName: opd.head.name });
    const mine = await ok<{ items: { unitId: string; predikat: string | null }[] }>(call(s.head, 'GET', '/api/skp/unit-predikats/mine?periodKey=2026-02'));
    expect(mine.items).toEqual([expect.objectContaining({ unitId: opd.bidang.id, predikat: 'baik' })]);

    await fails(rate(s.head, skp.bidangHead, '2026-02', { hasilKerjaRating: 'di_atas', perilakuKerjaRating: 'sesuai' }), 400, 'Hasil kerja kepala unit mengikuti predikat unit (Baik → Sesuai Ekspektasi); ubah predikat unit bila perlu');
    const derived = await ok<Evaluation>(rate(s.head, skp.bidangHead, '2026-02', { perilakuKerjaRating: 'di_atas' }));
    expect([derived.hasilKerjaRating, derived.predikat]).toEqual(['sesuai', 'baik']);
    const list = await ok<{ isUnitHead: boolean; unitPredikats: { periodKey: string; predikat: string }[] }>(call(s.bidangHead, 'GET', `/api/skp/${skp.bidangHead.id}/evaluations`));
    expect(list).toMatchObject({ isUnitHead: true, unitPredikats: [{ periodKey: '2026-02', predikat: 'baik' }] });
  });

  it('the distribution advisor compares the assessor’s ratings with the pattern for the unit predikat', async () => {
    const { s, opd } = c;
    // Bidang "Baik": at most 70 % Baik and at least one Butuh Perbaikan or Kurang. Staff: sangat baik, kurang, butuh perbaikan.
    const advice = await ok<Distribution>(call(s.bidangHead, 'GET', '/api/skp/distribution?periodKey=2026-02'));
    expect(advice).toMatchObject({ scope: 'assessor', unitId: opd.bidang.id, unitPredikat: 'baik', total: 3, breaches: [], notice: null });
    expect(advice.counts).toEqual({ sangat_baik: 1, baik: 0, butuh_perbaikan: 1, kurang: 1, sangat_kurang: 0 });

    await ok(rate(s.bidangHead, c.skp.staff2, '2026-02', { hasilKerjaRating: 'sesuai', perilakuKerjaRating: 'sesuai' }));
    await ok(rate(s.bidangHead, c.skp.staff3, '2026-02', { hasilKerjaRating: 'sesuai', perilakuKerjaRating: 'di_atas' }));
    const breached = await ok<Distribution>(call(s.bidangHead, 'GET', '/api/skp/distribution?periodKey=2026-02'));
    expect(breached.breaches.map((breach) => breach.message)).toEqual([
      'Unit berpredikat Baik: pegawai berpredikat Butuh Perbaikan atau Kurang/Misconduct paling sedikit 1 orang, saat ini 0 orang (0 %).',
    ]);

    // An OPD view: admin OPD in scope; the OPD has no predikat yet, so there is a notice and no advice.
    const opdView = await ok<Distribution>(call(s.adminOpd, 'GET', `/api/skp/distribution?periodKey=2026-02&unitId=${opd.unit.id}`));
    expect(opdView).toMatchObject({ scope: 'unit', unitPredikat: null, total: 4, breaches: [] });
    expect(opdView.people).toHaveLength(5);
    expect(opdView.notice).toMatch(/belum ditetapkan/);
    await fails(call(s.otherAdmin, 'GET', `/api/skp/distribution?periodKey=2026-02&unitId=${opd.unit.id}`), 403, 'Unit ini di luar kewenangan Anda');
    await fails(call(s.staff, 'GET', `/api/skp/distribution?periodKey=2026-02&unitId=${opd.unit.id}`), 403, 'Unit ini di luar kewenangan Anda');
  });

  it('finalising fixes the rating, returns the advice and locks the period’s realisation; the unit predikat is then fixed', async () => {
    const { s, skp, opd } = c;
    await ok(rate(s.bidangHead, skp.staff, '2026-01', { hasilKerjaRating: 'sesuai' }));
    await fails(call(s.bidangHead, 'POST', `/api/skp/${skp.staff.id}/evaluations/2026-01/finalise`), 409, 'Isi rating hasil kerja dan perilaku kerja sebelum penilaian difinalkan');
    await fails(call(s.bidangHead, 'POST', `/api/skp/${skp.staff.id}/evaluations/2026-03/finalise`), 404, 'Penilaian tidak ditemukan');
    await fails(call(s.staff, 'POST', `/api/skp/${skp.staff.id}/evaluations/2026-02/finalise`), 403, /Hanya pejabat penilai/);

    const result = await ok<{ evaluation: Evaluation; distribution: Distribution }>(call(s.bidangHead, 'POST', `/api/skp/${skp.staff.id}/evaluations/2026-02/finalise`));
    expect(result.evaluation).toMatchObject({ isFinal: true, predikat: 'sangat_baik' });
    expect(result.distribution.breaches).toHaveLength(1);
    expect(result.distribution.people.find((person) => person.employeeId === opd.staff.id)).toMatchObject({ isFinal: true, predikat: 'sangat_baik' });
    await fails(rate(s.bidangHead, skp.staff, '2026-02', { hasilKerjaRating: 'sesuai', perilakuKerjaRating: 'sesuai' }), 409, 'Penilaian periode ini sudah final dan tidak dapat diubah');
    await fails(call(s.staff, 'PUT', `/api/skp/rhk/${skp.staff.rhk[0]!.id}/realisations/2026-02`, { realisasi: 'Tambahan' }), 409, 'Penilaian periode 2026-02 sudah final; realisasinya tidak dapat diubah lagi');

    await ok(call(s.head, 'POST', `/api/skp/${skp.bidangHead.id}/evaluations/2026-02/finalise`));
    await fails(call(s.head, 'PUT', `/api/skp/unit-predikats/${opd.bidang.id}/2026-02`, { predikat: 'istimewa', note: null }), 409, 'Penilaian kepala unit untuk periode ini sudah final; predikat unit tidak dapat diubah lagi');

    const audit = await t.handle.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'skp_evaluation'), eq(auditLog.action, 'finalise')));
    expect(audit).toHaveLength(2);
    const unitAudit = await t.handle.db.select().from(auditLog).where(eq(auditLog.entityType, 'skp_unit_predikat'));
    expect(unitAudit.map((row) => [row.action, row.scopeUnitId])).toEqual([['create', opd.bidang.id]]);
  });

  it('prints the SKP, the evaluation and the annual document for those who may read the SKP', async () => {
    const { s, skp, opd } = c;
    const skpPdf = await call(s.staff, 'GET', `/api/skp/${skp.staff.id}/document.pdf`);
    expect(skpPdf.statusCode).toBe(200);
    expect(skpPdf.headers['content-type']).toBe('application/pdf');
    const skpText = extractPdfText(skpPdf.rawPayload);
    // Every page the footer counts, and no more (the footer must not push a blank page after each).
    const skpPages = countPdfPages(skpPdf.rawPayload);
    expect(skpText).toContain(`Halaman ${skpPages} dari ${skpPages}`);
    for (const expected of ['SASARAN KINERJA PEGAWAI', 'PEGAWAI YANG DINILAI', 'PEJABAT PENILAI KINERJA', opd.staff.nip, opd.bidangHead.nip, 'HASIL KERJA', 'A. UTAMA', 'B. TAMBAHAN', 'Terselesaikannya layanan perizinan', 'Menjadi narasumber', '12 dokumen', 'Berorientasi Pelayanan', 'Laporan mingguan tepat waktu', 'LAMPIRAN', 'Pegawai yang Dinilai', '2 Maret 2026']) {
      expect(skpText).toContain(expected);
    }

    const evaluationPdf = await call(s.bidangHead, 'GET', `/api/skp/${skp.staff.id}/evaluations/2026-02/document.pdf`);
    expect(evaluationPdf.statusCode).toBe(200);
    const evaluationText = extractPdfText(evaluationPdf.rawPayload);
    for (const expected of ['EVALUASI KINERJA PEGAWAI PERIODIK', '1 FEBRUARI 2026', 'DI ATAS EKSPEKTASI', 'SANGAT BAIK', 'Ramah dan cepat menanggapi pemohon', 'Final']) {
      expect(evaluationText).toContain(expected);
    }
    expect(evaluationText).toContain('BAIK'); // the bidang's predikat as capaian kinerja organisasi
    expect((await call(s.staff, 'GET', `/api/skp/${skp.staff.id}/evaluations/2026-03/document.pdf`)).statusCode).toBe(404);

    const annualPdf = await call(s.adminOpd, 'GET', `/api/skp/${skp.staff.id}/annual-document.pdf`);
    expect(annualPdf.statusCode).toBe(200);
    const annualText = extractPdfText(annualPdf.rawPayload);
    for (const expected of ['DOKUMEN EVALUASI KINERJA PEGAWAI', 'TAHUNAN 2026', 'ATASAN PEJABAT PENILAI KINERJA', 'PENILAIAN PERIODIK', '2026-01', '2026-02', 'Sangat Baik', 'Belum dinilai']) {
      expect(annualText).toContain(expected);
    }
    for (const url of [`/api/skp/${skp.staff.id}/document.pdf`, `/api/skp/${skp.staff.id}/annual-document.pdf`]) {
      expect((await call(s.staff2, 'GET', url)).statusCode).toBe(404);
      expect((await call(s.otherAdmin, 'GET', url)).statusCode).toBe(404);
    }
  });

  it('exports an OPD’s SKPs and ratings as JSON (documented format) and xlsx, for unit readers in scope', async () => {
    const { s, skp, opd } = c;
    const data = await ok<SkpExport>(call(s.adminOpd, 'GET', `/api/skp/export.json?year=2026&unitId=${opd.unit.id}`));
    expect(skpExport.parse(data)).toEqual(data);
    expect(data).toMatchObject({ format: 'ekinerja.skp-export', version: 1, year: 2026, unit: { id: opd.unit.id } });
    expect(data.skps).toHaveLength(5);
    const staff = data.skps.find((item) => item.employee.nip === opd.staff.nip)!;
    expect(staff.rhk.map((rhk) => [rhk.kind, rhk.supports])).toEqual([
      ['utama', { rhkId: skp.bidangHead.rhk[0]!.id, text: 'Terselesaikannya layanan perizinan' }],
      ['tambahan', null],
    ]);
    expect(staff.evaluations.map((evaluation) => [evaluation.period, evaluation.predikat, evaluation.isFinal])).toEqual([
      ['2026-01', null, false],
      ['2026-02', 'sangat_baik', true],
    ]);
    const head = data.skps.find((item) => item.employee.nip === opd.head.nip)!;
    expect(head.rhk[0]!.supports).toEqual({ agreement: 'Perjanjian kinerja 2026' });

    const xlsx = await call(s.adminOpd, 'GET', `/api/skp/export.xlsx?year=2026&unitId=${opd.bidang.id}`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const rows = (name: string) => (workbook.getWorksheet(name)?.getSheetValues() ?? []).filter(Boolean).map((row) => (Array.isArray(row) ? row.slice(1) : []));
    expect(rows('SKP').slice(2).map((row) => row[0]).sort()).toEqual([opd.bidangHead.nip, opd.staff.nip, c.staff2.nip, c.staff3.nip].sort());
    expect(rows('Penilaian')).toContainEqual([opd.staff.nip, opd.staff.name, '2026-02', 'Di Atas Ekspektasi', 'Di Atas Ekspektasi', 'Sangat Baik', 'Ya']);
    expect(rows('RHK').length).toBe(1 + 5);

    expect((await call(s.otherAdmin, 'GET', `/api/skp/export.json?year=2026&unitId=${opd.unit.id}`)).statusCode).toBe(403);
    expect((await call(s.staff, 'GET', `/api/skp/export.xlsx?year=2026&unitId=${opd.unit.id}`)).statusCode).toBe(403);
  });
});

describe('SKP evaluation with the PP 46/2011 formula', () => {
  let t: TestApp;
  let c: Chain;

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-12-20T02:00:00Z' });
    const bkpsdm = await createAccount(t.handle.db, t.clock, { username: 'bkpsdm-pp46', roles: [{ role: 'admin_bkpsdm' }] });
    const admin = await loginAs(t.app, bkpsdm.login, bkpsdm.password);
    await ok(call(admin, 'PUT', '/api/skp/settings/2026', { periodKind: 'quarter', approach: 'pp_46_2011', regulation: 'Perbup 3/2026 tentang penilaian prestasi kerja' }));
    c = await buildChain(t, 'pp46', [indicator(12), indicator(100, 'kualitas', 'persen'), indicator(12, 'waktu', 'bulan')]);
  });
  afterAll(async () => t.close());

  it('scores the year from targets and realisation: a worked example', async () => {
    const { s, skp } = c;
    expect(skp.staff.approach).toBe('pp_46_2011');
    const [quantity, quality, time] = skp.staff.rhk[0]!.indicators;
    const record = (period: string, values: [string, number][]) =>
      ok(call(s.staff, 'PUT', `/api/skp/rhk/${skp.staff.rhk[0]!.id}/realisations/${period}`, { indicatorValues: values.map(([indicatorId, value]) => ({ indicatorId, value })) }));
    await record('2026-Q3', [[quantity!.id, 5]]);
    await record('2026-Q4', [
      [quantity!.id, 7],
      [quality!.id, 90],
      [time!.id, 12],
    ]);
    const behaviour = { orientasiPelayanan: 80, integritas: 85, komitmen: 90, disiplin: 75, kerjaSama: 80 };
    await fails(call(s.bidangHead, 'PUT', `/api/skp/${skp.staff.id}/evaluations/2026-Q4`, { pp46: { behaviour } }), 400, 'Nilai PP 46/2011 dihitung pada penilaian tahunan');
    await fails(call(s.bidangHead, 'POST', `/api/skp/${skp.staff.id}/evaluations/2026/finalise`), 404, 'Penilaian tidak ditemukan');
    await ok(call(s.bidangHead, 'PUT', `/api/skp/${skp.staff.id}/evaluations/2026`, { perilakuKerjaRating: 'sesuai' }));
    await fails(call(s.bidangHead, 'POST', `/api/skp/${skp.staff.id}/evaluations/2026/finalise`), 409, 'Isi nilai perilaku PP 46/2011 sebelum penilaian tahunan difinalkan');

    // Kuantitas 12/12 = 100, kualitas 90/100 = 90, waktu on time = 76: (100 + 90 + 76) / 3 = 88,67; one tugas tambahan +1 = 89,67.
    // Perilaku (80 + 85 + 90 + 75 + 80) / 5 = 82. Final 60 % × 89,67 + 40 % × 82 = 86,60: Baik.
    // Kepemimpinan is scored for structural positions only: the staff member holds a pelaksana position.
    await fails(
      call(s.bidangHead, 'PUT', `/api/skp/${skp.staff.id}/evaluations/2026`, { pp46: { behaviour: { ...behaviour, kepemimpinan: 70 }, creativity: null } }),
      400,
      'Aspek kepemimpinan hanya dinilai untuk jabatan struktural (PP 46/2011)',
    );
    await fails(call(s.bidangHead, 'PUT', `/api/skp/${skp.staff.id}/evaluations/2026`, { pp46: { behaviour: { ...behaviour, disiplin: 75.555 } } }), 400, /.+/);
    const evaluation = await ok<Evaluation>(call(s.bidangHead, 'PUT', `/api/skp/${skp.staff.id}/evaluations/2026`, { pp46: { behaviour, creativity: null } }));
    // Each aspect is kept; the mean is computed from them: jumlah 410 over 5 aspects = 82.
    expect(evaluation.pp46).toEqual({
      skpScore: 89.67,
      behaviourScore: 82,
      finalScore: 86.6,
      band: 'Baik',
      behaviour: { ...behaviour, kepemimpinan: null, jumlah: 410, aspectCount: 5 },
      creativity: null,
    });
    const list = await ok<{ isKepemimpinanScored: boolean; items: Evaluation[] }>(call(s.staff, 'GET', `/api/skp/${skp.staff.id}/evaluations`));
    expect(list.isKepemimpinanScored).toBe(false);
    expect(list.items.find((item) => item.periodKey === '2026')?.pp46?.behaviour).toMatchObject({ orientasiPelayanan: 80, kerjaSama: 80 });
    expect(evaluation.periodKind).toBe('annual');
    const final = await ok<{ evaluation: Evaluation }>(call(s.bidangHead, 'POST', `/api/skp/${skp.staff.id}/evaluations/2026/finalise`));
    expect(final.evaluation.isFinal).toBe(true);

    const pdf = extractPdfText((await call(s.staff, 'GET', `/api/skp/${skp.staff.id}/evaluations/2026/document.pdf`)).rawPayload);
    for (const expected of ['PENILAIAN PERILAKU KERJA (PP 46/2011)', 'Orientasi Pelayanan', 'Integritas', 'Komitmen', 'Disiplin', 'Kerja Sama', '410,00', 'Nilai rata-rata (5 aspek)', '82,00', '86,60 (Baik)']) {
      expect(pdf).toContain(expected);
    }
    expect(pdf).not.toContain('Kepemimpinan');

    // Nothing realised counts as 0: 40 % × 82 = 32,80, Buruk.
    const nothing = await ok<Evaluation>(call(s.bidangHead, 'PUT', `/api/skp/${skp.staff2.id}/evaluations/2026`, { pp46: { behaviour, creativity: null } }));
    expect(nothing.pp46).toMatchObject({ skpScore: 0, behaviourScore: 82, finalScore: 32.8, band: 'Buruk' });
  });

  it('a structural position scores kepemimpinan too: six aspects, and it may not be left out', async () => {
    const { s, skp } = c;
    const behaviour = { orientasiPelayanan: 90, integritas: 85.5, komitmen: 88, disiplin: 80, kerjaSama: 86 };
    // The kepala bidang (administrator) heads the bidang: the hasil kerja follows its predikat, perilaku is rated by PP 46/2011.
    await fails(call(s.head, 'PUT', `/api/skp/${skp.bidangHead.id}/evaluations/2026`, { pp46: { behaviour, creativity: null } }), 400, 'Aspek kepemimpinan wajib dinilai untuk jabatan struktural (PP 46/2011)');
    const evaluation = await ok<Evaluation>(call(s.head, 'PUT', `/api/skp/${skp.bidangHead.id}/evaluations/2026`, { pp46: { behaviour: { ...behaviour, kepemimpinan: 79.5 }, creativity: 'organisasi' } }));
    // (90 + 85,5 + 88 + 80 + 86 + 79,5) / 6 = 509 / 6 = 84,83 (half away from zero).
    expect(evaluation.pp46?.behaviour).toEqual({ ...behaviour, kepemimpinan: 79.5, jumlah: 509, aspectCount: 6 });
    expect(evaluation.pp46).toMatchObject({ behaviourScore: 84.83, creativity: 'organisasi' });
    const list = await ok<{ isKepemimpinanScored: boolean }>(call(s.bidangHead, 'GET', `/api/skp/${skp.bidangHead.id}/evaluations`));
    expect(list.isKepemimpinanScored).toBe(true);
  });

  it('exports each PP 46/2011 aspect and the SKP part per kegiatan as stored, in JSON and xlsx', async () => {
    const { s, skp, opd } = c;
    const data = await ok<SkpExport>(call(s.adminOpd, 'GET', `/api/skp/export.json?year=2026&unitId=${opd.unit.id}`));
    expect(skpExport.parse(data)).toEqual(data);
    const annualOf = (nip: string) => data.skps.find((item) => item.employee.nip === nip)?.evaluations.find((evaluation) => evaluation.kind === 'annual')?.pp46;
    expect(annualOf(opd.staff.nip)).toEqual({
      skpScore: 89.67,
      behaviourScore: 82,
      finalScore: 86.6,
      behaviour: { orientasiPelayanan: 80, integritas: 85, komitmen: 90, disiplin: 75, kerjaSama: 80, kepemimpinan: null },
      creativity: null,
      // Kuantitas 12/12, kualitas 90/100, waktu on time; one tugas tambahan +1.
      skp: { activities: [{ rhkId: skp.staff.rhk[0]!.id, text: 'Terselesaikannya layanan perizinan', kuantitas: 100, kualitas: 90, waktu: 76, biaya: null, nilaiCapaian: 88.67 }], additionalPoints: 1 },
    });
    expect(annualOf(opd.bidangHead.nip)).toMatchObject({
      behaviour: { orientasiPelayanan: 90, integritas: 85.5, komitmen: 88, disiplin: 80, kerjaSama: 86, kepemimpinan: 79.5 },
      creativity: 'organisasi',
      skp: { activities: [{ kuantitas: 0, kualitas: null, waktu: null, biaya: null, nilaiCapaian: 0 }], additionalPoints: 6 },
    });

    const xlsx = await call(s.adminOpd, 'GET', `/api/skp/export.xlsx?year=2026&unitId=${opd.unit.id}`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const rows = (name: string) => (workbook.getWorksheet(name)?.getSheetValues() ?? []).filter(Boolean).map((row) => (Array.isArray(row) ? row.slice(1) : []));
    expect(rows('PP 46 perilaku')[0]).toEqual(['NIP', 'Nama', 'Periode', 'Orientasi Pelayanan', 'Integritas', 'Komitmen', 'Disiplin', 'Kerja Sama', 'Kepemimpinan', 'Jumlah', 'Nilai perilaku kerja', 'Nilai capaian SKP', 'Kreativitas', 'Nilai prestasi kerja']);
    expect(rows('PP 46 perilaku')).toContainEqual([opd.staff.nip, opd.staff.name, '2026', 80, 85, 90, 75, 80, undefined, 410, 82, 89.67, undefined, 86.6]);
    expect(rows('PP 46 perilaku').find((row) => row[0] === opd.bidangHead.nip)?.slice(3, 9)).toEqual([90, 85.5, 88, 80, 86, 79.5]);
    expect(rows('PP 46 SKP')).toContainEqual([opd.staff.nip, opd.staff.name, '2026', 'Terselesaikannya layanan perizinan', 100, 90, 76, undefined, 88.67]);
  });

  it('a rating stored before the aspects were kept stays valid and shows its mean only', async () => {
    const { s, skp } = c;
    // What migration 0012 leaves of an earlier PP 46/2011 rating: the three scores, no aspects.
    await t.handle.db
      .update(skpEvaluations)
      .set({ legacyOrientasiPelayanan: null, legacyIntegritas: null, legacyKomitmen: null, legacyDisiplin: null, legacyKerjaSama: null, legacyKepemimpinan: null })
      .where(and(eq(skpEvaluations.skpId, skp.staff2.id), eq(skpEvaluations.periodKey, '2026')));
    const list = await ok<{ items: Evaluation[] }>(call(s.staff2, 'GET', `/api/skp/${skp.staff2.id}/evaluations`));
    expect(list.items.find((item) => item.periodKey === '2026')?.pp46).toMatchObject({ behaviourScore: 82, finalScore: 32.8, behaviour: null });
    const pdf = extractPdfText((await call(s.staff2, 'GET', `/api/skp/${skp.staff2.id}/evaluations/2026/document.pdf`)).rawPayload);
    expect(pdf).toContain('Nilai rata-rata (nilai per aspek tidak tersimpan)');
    // Aspects are all or nothing: the database refuses a partial set.
    await expect(
      t.handle.db.update(skpEvaluations).set({ legacyIntegritas: '80.00' }).where(and(eq(skpEvaluations.skpId, skp.staff2.id), eq(skpEvaluations.periodKey, '2026'))),
    ).rejects.toThrow();
  });
});
