/**
 * Matrix rows of the SKP planning routes (issue 5): settings, the SKP and its RHK, cascade,
 * submit / approve / return and revisions. Who may see an SKP: the owner, the assessor and the
 * assessor's superior (snapshotted), an admin OPD of the SKP's unit, the regency-wide readers;
 * anyone else gets 404. Among those who see it, only the owner changes the plan and only the
 * assessor of record decides (403 for the others).
 *
 * Targets: the atasan's SKP 2027 (owner: the atasan; the pegawai does not see it) for the plan
 * rows, and the pegawai's SKP 2026 (assessor: the atasan) for the decisions.
 */
import { expect } from 'vitest';
import type { RouteKey } from './list-routes';
import { AUTHENTICATED, only, request, type MatrixRow, type Outcome } from './row-helpers';
import { indicatorBody, skpOf, type SkpWorld } from './skp-world';
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
];
