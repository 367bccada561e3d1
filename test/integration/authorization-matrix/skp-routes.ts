/**
 * Matrix rows of the SKP routes (issue 5): settings, the SKP and its RHK, cascade, submit / approve /
 * return and revisions; realisation, feedback, evaluation, unit predikat, distribution, documents
 * and exports. Who may see an SKP: the owner, the assessor and the
 * assessor's superior (snapshotted), an admin OPD of the SKP's unit, the regency-wide readers;
 * anyone else gets 404. Among those who see it, only the owner changes the plan and only the
 * assessor of record decides (403 for the others).
 *
 * Targets: the atasan's SKP 2027 (owner: the atasan; the pegawai does not see it) for the plan
 * rows, and the pegawai's SKP 2026 (assessor: the atasan) for the decisions; the atasan's approved
 * SKP 2026 for reading and recording realisation, the pegawai's approved SKP 2025 (assessor: the
 * atasan) for feedback and ratings.
 */
import { expect } from 'vitest';
import { createAssessorDesignation } from '../../../src/server/modules/skp/skp-assessor-designations.service';
import { systemContext } from '../../../src/server/platform/actor';
import { PNG } from './attendance-world';
import type { RouteKey } from './list-routes';
import { AUTHENTICATED, only, ORG_READERS, request, type MatrixRow, type Outcome } from './row-helpers';
import { indicatorBody, RATED_MONTH, skpOf, type SkpWorld } from './skp-world';
import type { Caller, World } from './world';

/** Writes open to employees on their own plan, and to the assessor of record on the plans they assess. */
export const SKP_SELF_SERVICE_WRITES: readonly RouteKey[] = [
  'POST /api/skp',
  'PATCH /api/skp/:id',
  'POST /api/skp/:id/rhk',
  'PUT /api/skp/rhk/:id',
  'DELETE /api/skp/rhk/:id',
  'POST /api/skp/:id/copy-from-superior',
  'POST /api/skp/:id/submit',
  'POST /api/skp/:id/revisions',
  'POST /api/skp/rhk/:id/hand-out',
  'POST /api/skp/:id/approve',
  'POST /api/skp/:id/return',
  'PUT /api/skp/rhk/:id/realisations/:periodKey',
  'PUT /api/skp/rhk/:id/realisations/:periodKey/feedback',
  'PUT /api/skp/:id/evaluations/:periodKey',
  'POST /api/skp/:id/evaluations/:periodKey/finalise',
  // The superior of a unit's head (an employee, not an administrator) sets the unit's predikat.
  'PUT /api/skp/unit-predikats/:unitId/:periodKey',
];

const EMPLOYEES_ONLY = only('pegawai', 'atasan');
/** The atasan's own plan: the pegawai cannot see it (404); admins and readers see it but may not change it (403). */
const ATASAN_OWNS: Record<Caller, Outcome> = { ...only('atasan'), pegawai: 'not_found' };
/** Whoever sees the atasan's SKP reads it; the pegawai does not see it. */
const SEES_ATASAN_SKP: Record<Caller, Outcome> = { ...AUTHENTICATED, pegawai: 'not_found' };
/** The pegawai's plan is decided by the atasan (assessor of record) only; the owner and admins see it and are refused. */
const ASSESSOR_ONLY = only('atasan');

type Build = (w: World, skp: SkpWorld, caller: Caller) => Promise<Parameters<World['send']>[1]> | Parameters<World['send']>[1];
const skpRequest = (build: Build) => request(async (w, caller) => build(w, await skpOf(w), caller));
const read = (url: (w: World, skp: SkpWorld, caller: Caller) => string | Promise<string>) =>
  skpRequest(async (w, skp, caller) => ({ method: 'GET', url: await url(w, skp, caller) }));
const write = (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: (w: World, skp: SkpWorld) => string | Promise<string>, payload?: (w: World, skp: SkpWorld) => object | Promise<object>) =>
  skpRequest(async (w, skp) => ({ method, url: await url(w, skp), ...(payload ? { payload: await payload(w, skp) } : {}) }));

const hasEmployee = (caller: Caller) => caller === 'pegawai' || caller === 'atasan';
const additionalRhk = (text: string) => ({ kind: 'tambahan', text, indicators: [indicatorBody('Jumlah kegiatan yang dilaksanakan')] });
const statusIs = (status: string) => (response: { json(): unknown }) => expect(response.json()).toMatchObject({ status });
const contentTypeIs = (type: string) => (response: { headers: Record<string, unknown> }) => expect(String(response.headers['content-type'])).toContain(type);
/** Who sees the atasan's SKP 2026 reads its realisation, ratings, cascade and documents. */
const atasanSkpUrl = (path: string) => read((_, skp) => `/api/skp/${skp.atasanSkp2026}${path}`);
const REGENCY_READERS = only('admin_bkpsdm', 'pimpinan', 'auditor');
const kepalaDaerahDesignation = { kind: 'kepala_daerah', officialName: 'Bupati Uji Matriks', officialTitle: 'Bupati Matriks', startDate: '2026-01-01', reason: 'PermenPANRB 6/2022' } as const;
/** A designation on a fresh position, made as a trusted system caller: what an end request needs. */
async function createDesignation(w: World): Promise<string> {
  const positionId = (await w.createVacantPosition(w.a)).id;
  const body = { ...kepalaDaerahDesignation, positionId, assessorEmployeeId: null, endDate: null };
  return (await w.t.handle.db.transaction((tx) => createAssessorDesignation(tx, systemContext('authorization-matrix', w.t.clock, 'Asia/Jakarta'), body))).id;
}
const ratingBody = { hasilKerjaRating: 'sesuai', perilakuKerjaRating: 'di_atas', behaviourNotes: { BERORIENTASI_PELAYANAN: 'Tanggap terhadap permintaan layanan' } };

export const SKP_MATRIX: readonly MatrixRow[] = [
  // ---------- regional settings (everyone reads; BKPSDM sets) ----------
  { route: 'GET /api/skp/settings', access: AUTHENTICATED, run: read(() => '/api/skp/settings') },
  {
    route: 'PUT /api/skp/settings/:year',
    access: only('admin_bkpsdm'),
    run: write('PUT', () => '/api/skp/settings/2099', () => ({ periodKind: 'month', approach: 'permenpanrb_6_2022', regulation: 'PermenPANRB No. 6 Tahun 2022' })),
  },

  // ---------- the SKP ----------
  {
    route: 'GET /api/skp',
    access: AUTHENTICATED,
    // Employees list their own; accounts without an employee record list a unit they may read.
    run: read((w, _, caller) => (hasEmployee(caller) ? '/api/skp?scope=mine' : `/api/skp?scope=unit&unitId=${w.a.unit.id}`)),
    verifyAllowed: (response) => expect((response.json() as { items: unknown[] }).items.length).toBeGreaterThan(0),
  },
  {
    route: 'POST /api/skp',
    access: EMPLOYEES_ONLY,
    run: write('POST', () => '/api/skp', (_, skp) => ({ year: skp.nextFreeYear() })),
    verifyAllowed: statusIs('draft'),
  },
  {
    route: 'GET /api/skp/:id',
    access: SEES_ATASAN_SKP,
    run: read(async (_, skp) => `/api/skp/${(await skp.atasanLine.latest()).id}`),
    verifyAllowed: (response, w) => expect(response.json()).toMatchObject({ employee: { employeeId: w.a.bidangHead.id }, assessor: { employeeId: w.a.head.id } }),
  },
  {
    route: 'GET /api/skp/:id/citable-rhk',
    access: SEES_ATASAN_SKP,
    run: read(async (_, skp) => `/api/skp/${(await skp.atasanLine.latest()).id}/citable-rhk`),
    verifyAllowed: (response) => expect((response.json() as { items: unknown[] }).items).toHaveLength(1),
  },
  {
    route: 'PATCH /api/skp/:id',
    access: ATASAN_OWNS,
    run: write('PATCH', async (_, skp) => `/api/skp/${await skp.atasanLine.reach('open')}`, () => ({ konsekuensi: 'Sanksi sesuai ketentuan disiplin' })),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ konsekuensi: 'Sanksi sesuai ketentuan disiplin' }),
  },
  {
    route: 'POST /api/skp/:id/rhk',
    access: ATASAN_OWNS,
    run: write('POST', async (_, skp) => `/api/skp/${await skp.atasanLine.reach('open')}/rhk`, () => additionalRhk('Terlaksananya koordinasi lintas bidang')),
  },
  {
    route: 'PUT /api/skp/rhk/:id',
    access: ATASAN_OWNS,
    run: write('PUT', async (_, skp) => `/api/skp/rhk/${await skp.atasanLine.createRhk()}`, () => additionalRhk('Terlaksananya tugas tambahan yang diperbarui')),
  },
  { route: 'DELETE /api/skp/rhk/:id', access: ATASAN_OWNS, run: write('DELETE', async (_, skp) => `/api/skp/rhk/${await skp.atasanLine.createRhk()}`) },
  {
    route: 'POST /api/skp/:id/copy-from-superior',
    access: ATASAN_OWNS,
    run: write('POST', async (_, skp) => `/api/skp/${await skp.atasanLine.reach('open')}/copy-from-superior`, () => ({ rhkIds: [] })),
  },
  {
    route: 'POST /api/skp/:id/submit',
    access: ATASAN_OWNS,
    run: write('POST', async (_, skp) => `/api/skp/${await skp.atasanLine.reach('open')}/submit`),
    verifyAllowed: statusIs('submitted'),
  },
  {
    route: 'POST /api/skp/:id/revisions',
    access: ATASAN_OWNS,
    run: write('POST', async (_, skp) => `/api/skp/${await skp.atasanLine.reach('approved')}/revisions`, () => ({ reason: 'Perubahan target setelah mutasi pegawai' })),
    verifyAllowed: statusIs('draft'),
  },
  {
    route: 'POST /api/skp/rhk/:id/hand-out',
    // The atasan hands an RHK of their approved SKP 2026 to a new subordinate; the pegawai does not see that SKP.
    access: ATASAN_OWNS,
    run: write('POST', (_, skp) => `/api/skp/rhk/${skp.atasanRhk2026}/hand-out`, async (_, skp) => ({ employeeIds: [await skp.createSubordinate()] })),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ items: [{ createdSkp: true }] }),
  },
  {
    route: 'POST /api/skp/:id/approve',
    access: ASSESSOR_ONLY,
    run: write('POST', async (_, skp) => `/api/skp/${await skp.pegawaiLine.reach('submitted')}/approve`, () => ({ note: null })),
    verifyAllowed: statusIs('approved'),
  },
  {
    route: 'POST /api/skp/:id/return',
    access: ASSESSOR_ONLY,
    run: write('POST', async (_, skp) => `/api/skp/${await skp.pegawaiLine.reach('submitted')}/return`, () => ({ note: 'Indikator kualitas perlu dipertajam' })),
    verifyAllowed: statusIs('returned'),
  },

  // ---------- realisation (the atasan records on their SKP 2026; the pegawai does not see it) ----------
  {
    route: 'GET /api/skp/my-rhk',
    access: EMPLOYEES_ONLY,
    run: read(() => '/api/skp/my-rhk?date=2026-02-02'),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ date: '2026-02-02' }),
  },
  {
    route: 'GET /api/skp/:id/realisations',
    access: SEES_ATASAN_SKP,
    run: atasanSkpUrl('/realisations'),
    verifyAllowed: (response) =>
      expect(response.json()).toMatchObject({ rhk: [{ periods: expect.arrayContaining([expect.objectContaining({ periodKey: RATED_MONTH, realisasi: 'Konsep dokumen selesai', attachments: [expect.objectContaining({ contentType: 'image/png' })] })]) }] }),
  },
  {
    route: 'PUT /api/skp/rhk/:id/realisations/:periodKey',
    access: ATASAN_OWNS,
    run: write('PUT', (_, skp) => `/api/skp/rhk/${skp.atasanRhk2026}/realisations/2026-02`, () => ({ rencanaAksi: 'Menyusun jadwal koordinasi', realisasi: 'Rapat koordinasi terlaksana' })),
  },
  {
    route: 'PUT /api/skp/rhk/:id/realisations/:periodKey/feedback',
    // The pegawai's RHK 2025: the atasan is the assessor of record; the owner and administrators see it and are refused.
    access: ASSESSOR_ONLY,
    run: write('PUT', (_, skp) => `/api/skp/rhk/${skp.pegawaiRhk2025}/realisations/2025-03/feedback`, () => ({ feedback: 'Pertahankan ketepatan waktu', dialogueNotes: 'Dialog kinerja triwulan pertama' })),
  },
  {
    route: 'GET /api/skp/realisations/:id/attachments/:attachmentId',
    access: SEES_ATASAN_SKP,
    run: read((_, skp) => `/api/skp/realisations/${skp.atasanRealisation.id}/attachments/${skp.atasanRealisation.attachmentId}`),
    verifyAllowed: (response) => expect(response.rawPayload.equals(PNG)).toBe(true),
  },

  // ---------- cascade with progress (an SKP's readers; a unit's readers) ----------
  {
    route: 'GET /api/skp/:id/cascade',
    access: SEES_ATASAN_SKP,
    run: atasanSkpUrl('/cascade'),
    verifyAllowed: (response, w) => expect(response.json()).toMatchObject({ year: 2026, nodes: expect.arrayContaining([expect.objectContaining({ depth: 0, employee: expect.objectContaining({ employeeId: w.a.bidangHead.id }) })]) }),
  },
  {
    route: 'GET /api/skp/cascade',
    access: ORG_READERS,
    run: read((w) => `/api/skp/cascade?unitId=${w.a.unit.id}&year=2026`),
    verifyAllowed: (response) => expect((response.json() as { nodes: unknown[] }).nodes.length).toBeGreaterThan(0),
  },

  // ---------- evaluation (the atasan rates the pegawai's SKP 2025) ----------
  {
    route: 'GET /api/skp/:id/evaluations',
    access: SEES_ATASAN_SKP,
    run: atasanSkpUrl('/evaluations'),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ items: [{ periodKey: RATED_MONTH, perilakuKerjaRating: 'sesuai' }] }),
  },
  {
    route: 'PUT /api/skp/:id/evaluations/:periodKey',
    access: ASSESSOR_ONLY,
    run: write('PUT', (_, skp) => `/api/skp/${skp.pegawaiSkp2025}/evaluations/2025-04`, () => ratingBody),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ periodKey: '2025-04', predikat: 'baik', isFinal: false }),
  },
  {
    route: 'POST /api/skp/:id/evaluations/:periodKey/finalise',
    access: ASSESSOR_ONLY,
    run: write('POST', async (_, skp) => `/api/skp/${skp.pegawaiSkp2025}/evaluations/${await skp.nextRatedMonth2025()}/finalise`),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ evaluation: { isFinal: true } }),
  },
  {
    route: 'GET /api/skp/unit-predikats/mine',
    access: AUTHENTICATED,
    run: read(() => '/api/skp/unit-predikats/mine?periodKey=2026-02'),
  },
  {
    route: 'PUT /api/skp/unit-predikats/:unitId/:periodKey',
    // The head of A's seksi is the atasan's subordinate: only the atasan sets the seksi's predikat.
    access: only('atasan'),
    run: write('PUT', (_, skp) => `/api/skp/unit-predikats/${skp.seksiA}/2026-02`, () => ({ predikat: 'baik', note: 'Target seksi tercapai' })),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ predikat: 'baik' }),
  },
  {
    route: 'GET /api/skp/distribution',
    access: AUTHENTICATED,
    // Employees see the people they rate; accounts without an employee record ask for a unit they may read.
    run: read((w, _, caller) => (hasEmployee(caller) ? '/api/skp/distribution?periodKey=2025-04' : `/api/skp/distribution?periodKey=2025-04&unitId=${w.a.unit.id}`)),
  },

  // ---------- pejabat penilai for positions without a superior of record (BKPSDM designates; regency readers read) ----------
  { route: 'GET /api/skp/assessor-designations', access: REGENCY_READERS, run: read(() => '/api/skp/assessor-designations') },
  {
    route: 'POST /api/skp/assessor-designations',
    access: only('admin_bkpsdm'),
    // A fresh position each time: one designation per position at a time.
    run: write('POST', () => '/api/skp/assessor-designations', async (w) => ({ ...kepalaDaerahDesignation, positionId: (await w.createVacantPosition(w.a)).id })),
    verifyAllowed: (response) => expect((response.json() as { items: unknown[] }).items.length).toBeGreaterThan(0),
  },
  {
    route: 'POST /api/skp/assessor-designations/:id/end',
    access: only('admin_bkpsdm'),
    run: write('POST', async (w) => `/api/skp/assessor-designations/${await createDesignation(w)}/end`, () => ({ endDate: '2026-12-31' })),
  },
  { route: 'GET /api/skp/without-assessor', access: REGENCY_READERS, run: read(() => '/api/skp/without-assessor?date=2026-03-02') },

  // ---------- documents and exports ----------
  { route: 'GET /api/skp/:id/document.pdf', access: SEES_ATASAN_SKP, run: atasanSkpUrl('/document.pdf'), verifyAllowed: contentTypeIs('application/pdf') },
  {
    route: 'GET /api/skp/:id/evaluations/:periodKey/document.pdf',
    access: SEES_ATASAN_SKP,
    run: atasanSkpUrl(`/evaluations/${RATED_MONTH}/document.pdf`),
    verifyAllowed: contentTypeIs('application/pdf'),
  },
  { route: 'GET /api/skp/:id/annual-document.pdf', access: SEES_ATASAN_SKP, run: atasanSkpUrl('/annual-document.pdf'), verifyAllowed: contentTypeIs('application/pdf') },
  {
    route: 'GET /api/skp/export.json',
    access: ORG_READERS,
    run: read((w) => `/api/skp/export.json?year=2026&unitId=${w.a.unit.id}`),
    verifyAllowed: (response, w) => expect(JSON.stringify(response.json())).toContain(w.a.bidangHead.nip),
  },
  {
    route: 'GET /api/skp/export.xlsx',
    access: ORG_READERS,
    run: read((w) => `/api/skp/export.xlsx?year=2026&unitId=${w.a.unit.id}`),
    verifyAllowed: contentTypeIs('spreadsheetml'),
  },
];
