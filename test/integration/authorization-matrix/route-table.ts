/**
 * One row per /api route: who may call it (README "Roles", ADR 0004) and how to make a real,
 * valid request against OPD A, so that "allowed" means the use case ran (2xx) and "denied" means
 * the server refused a request it would otherwise have accepted.
 */
import { expect } from 'vitest';
import { csv, multipart } from '../../fixtures/import/sheets';
import { makeNip, TEST_PASSWORD } from '../../helpers/factories';
import { ACTIVITIES_MATRIX, ACTIVITIES_SELF_SERVICE_WRITES } from './activities-routes';
import { ATTENDANCE_MATRIX, SELF_SERVICE_WRITES as ATTENDANCE_SELF_SERVICE_WRITES } from './attendance-routes';
import { PAY_DATA_APEL_MATRIX } from './pay-data-apel-routes';
import type { RouteKey } from './list-routes';
import { AUTHENTICATED, get, only, ORG_READERS, ORG_WRITERS, patch, post, PUBLIC, request, type MatrixRow, type Outcome } from './row-helpers';
import { SKP_MATRIX, SKP_SELF_SERVICE_WRITES } from './skp-routes';
import { TPP_MATRIX, TPP_SELF_SERVICE_WRITES } from './tpp-routes';
import type { Caller, Response, World } from './world';

export type { MatrixRow, Outcome } from './row-helpers';

const ACCOUNT_ADMINS = only('admin_bkpsdm', 'admin_opd');

const NEW_PASSWORD = 'SandiMatriks2026';

async function changeOwnPassword(w: World, caller: Caller): Promise<Response> {
  const change = (current: string, next: string) =>
    w.send(caller, { method: 'POST', url: '/api/auth/change-password', payload: { currentPassword: current, newPassword: next } });
  const response = await change(TEST_PASSWORD, NEW_PASSWORD);
  // Put the old password back so that later cells can still sign this role in.
  if (response.statusCode === 200 && (await change(NEW_PASSWORD, TEST_PASSWORD)).statusCode !== 200) {
    throw new Error(`could not restore the password of ${caller}`);
  }
  return response;
}

export const MATRIX: readonly MatrixRow[] = [
  // ---------- system and own session ----------
  { route: 'GET /api/health', access: PUBLIC, run: get(() => '/api/health') },
  { route: 'GET /api/openapi.json', access: PUBLIC, run: get(() => '/api/openapi.json') },
  {
    route: 'POST /api/auth/login',
    access: PUBLIC,
    run: (w, caller) =>
      w.send(caller, { method: 'POST', url: '/api/auth/login', payload: { login: w.logins[caller === 'anonymous' ? 'pegawai' : caller], password: TEST_PASSWORD } }),
  },
  {
    route: 'POST /api/auth/logout',
    access: AUTHENTICATED,
    // A session of its own: logging out the shared one would sign the role out of later cells.
    run: async (w, caller) =>
      caller === 'anonymous'
        ? w.send(caller, { method: 'POST', url: '/api/auth/logout' })
        : (await w.signIn(caller)).inject({ method: 'POST', url: '/api/auth/logout' }),
  },
  { route: 'GET /api/auth/me', access: AUTHENTICATED, run: get(() => '/api/auth/me') },
  { route: 'POST /api/auth/change-password', access: AUTHENTICATED, run: changeOwnPassword },
  { route: 'GET /api/reference', access: AUTHENTICATED, run: get(() => '/api/reference') },

  // ---------- units ----------
  { route: 'GET /api/units', access: ORG_READERS, run: get(() => '/api/units') },
  { route: 'GET /api/units/tree', access: AUTHENTICATED, run: get(() => '/api/units/tree') },
  {
    route: 'GET /api/units/:id',
    access: ORG_READERS,
    run: get((w) => `/api/units/${w.a.unit.id}`),
    verifyAllowed: (response, w) => expect(response.json()).toMatchObject({ id: w.a.unit.id }),
  },
  {
    route: 'POST /api/units',
    access: ORG_WRITERS,
    run: post(
      () => '/api/units',
      (w) => ({ code: w.unique('MTX-UNIT'), name: 'Seksi Uji Matriks', kind: 'seksi', parentId: w.a.bidang.id }),
    ),
  },
  { route: 'PATCH /api/units/:id', access: ORG_WRITERS, run: patch((w) => `/api/units/${w.a.bidang.id}`, (w) => ({ name: `Bidang Uji ${w.unique('nama')}` })) },
  {
    route: 'POST /api/units/:id/deactivate',
    access: ORG_WRITERS,
    run: request(async (w) => ({ method: 'POST', url: `/api/units/${(await w.createLeafUnit(w.a)).id}/deactivate` })),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ isActive: false }),
  },
  {
    route: 'POST /api/units/:id/activate',
    access: ORG_WRITERS,
    run: request(async (w) => ({ method: 'POST', url: `/api/units/${(await w.createLeafUnit(w.a, { isActive: false })).id}/activate` })),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ isActive: true }),
  },

  // ---------- positions ----------
  { route: 'GET /api/positions', access: ORG_READERS, run: get(() => '/api/positions') },
  {
    route: 'GET /api/positions/:id',
    access: ORG_READERS,
    run: get((w) => `/api/positions/${w.a.staffPosition.id}`),
    verifyAllowed: (response, w) => expect(response.json()).toMatchObject({ id: w.a.staffPosition.id }),
  },
  {
    route: 'POST /api/positions',
    access: ORG_WRITERS,
    run: post(
      () => '/api/positions',
      (w) => ({ code: w.unique('MTX-JAB'), name: 'Pengadministrasi Uji', jenis: 'pelaksana', kelasJabatan: 6, unitId: w.a.bidang.id, superiorPositionId: w.a.bidangHeadPosition.id }),
    ),
  },
  {
    route: 'PATCH /api/positions/:id',
    access: ORG_WRITERS,
    run: patch((w) => `/api/positions/${w.a.staffPosition.id}`, (w) => ({ name: `Analis Uji ${w.unique('nama')}` })),
  },
  {
    route: 'POST /api/positions/:id/deactivate',
    access: ORG_WRITERS,
    run: request(async (w) => ({ method: 'POST', url: `/api/positions/${(await w.createVacantPosition(w.a)).id}/deactivate` })),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ isActive: false }),
  },
  {
    route: 'POST /api/positions/:id/activate',
    access: ORG_WRITERS,
    run: request(async (w) => ({ method: 'POST', url: `/api/positions/${(await w.createVacantPosition(w.a, { isActive: false })).id}/activate` })),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ isActive: true }),
  },

  // ---------- employees (single-employee reads: A's staff member, who is the pegawai and the atasan's subordinate) ----------
  { route: 'GET /api/employees', access: { ...ORG_READERS, atasan: 'allowed' }, run: get(() => '/api/employees') },
  {
    route: 'GET /api/employees/:id',
    access: AUTHENTICATED,
    run: get((w) => `/api/employees/${w.a.staff.id}`),
    verifyAllowed: (response, w) => expect(response.json()).toMatchObject({ id: w.a.staff.id }),
  },
  { route: 'GET /api/employees/:id/superior', access: AUTHENTICATED, run: get((w) => `/api/employees/${w.a.staff.id}/superior`) },
  { route: 'GET /api/employees/:id/subordinates', access: AUTHENTICATED, run: get((w) => `/api/employees/${w.a.staff.id}/subordinates`) },
  { route: 'GET /api/employees/:id/assignments', access: AUTHENTICATED, run: get((w) => `/api/employees/${w.a.staff.id}/assignments`) },
  { route: 'GET /api/employees/:id/superior-overrides', access: AUTHENTICATED, run: get((w) => `/api/employees/${w.a.staff.id}/superior-overrides`) },
  {
    route: 'POST /api/employees',
    access: ORG_WRITERS,
    run: post(
      () => '/api/employees',
      (w) => ({ nip: makeNip(), jenisAsn: 'PNS', name: 'Pegawai Uji Matriks', golongan: 'III/a', unitId: w.a.bidang.id }),
    ),
  },
  { route: 'PATCH /api/employees/:id', access: ORG_WRITERS, run: patch((w) => `/api/employees/${w.a.staff.id}`, (w) => ({ phone: `0812${String(w.serial()).padStart(8, '0')}` })) },
  {
    route: 'POST /api/employees/:id/deactivate',
    access: ORG_WRITERS,
    run: request(async (w) => ({ method: 'POST', url: `/api/employees/${(await w.createLooseEmployee(w.a)).id}/deactivate` })),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ isActive: false }),
  },
  {
    route: 'POST /api/employees/:id/activate',
    access: ORG_WRITERS,
    run: request(async (w) => ({ method: 'POST', url: `/api/employees/${(await w.createLooseEmployee(w.a, { isActive: false })).id}/activate` })),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ isActive: true }),
  },

  // ---------- assignments and superior overrides ----------
  {
    route: 'POST /api/assignments',
    access: ORG_WRITERS,
    run: request(async (w) => ({
      method: 'POST',
      url: '/api/assignments',
      payload: { employeeId: (await w.createLooseEmployee(w.a)).id, positionId: (await w.createVacantPosition(w.a)).id, kind: 'definitif', startDate: '2026-01-02' },
    })),
  },
  { route: 'PATCH /api/assignments/:id', access: ORG_WRITERS, run: patch((w) => `/api/assignments/${w.a.staff.assignmentId ?? ''}`, (w) => ({ note: `Catatan ${w.unique('uji')}` })) },
  {
    route: 'POST /api/superior-overrides',
    access: ORG_WRITERS,
    run: request(async (w) => ({
      method: 'POST',
      url: '/api/superior-overrides',
      payload: { employeeId: (await w.createLooseEmployee(w.a)).id, superiorEmployeeId: w.a.bidangHead.id, startDate: '2026-03-01', reason: 'Penataan sementara' },
    })),
  },
  {
    route: 'POST /api/superior-overrides/:id/end',
    access: ORG_WRITERS,
    run: request(async (w) => ({ method: 'POST', url: `/api/superior-overrides/${(await w.createOverride(w.a)).id}/end`, payload: { endDate: '2026-03-31' } })),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ endDate: '2026-03-31' }),
  },

  // ---------- accounts ----------
  { route: 'GET /api/users', access: ACCOUNT_ADMINS, run: get(() => '/api/users') },
  {
    route: 'POST /api/users',
    access: ACCOUNT_ADMINS,
    run: request(async (w) => ({ method: 'POST', url: '/api/users', payload: { employeeId: (await w.createLooseEmployee(w.a)).id, password: TEST_PASSWORD } })),
  },
  { route: 'PATCH /api/users/:id', access: ACCOUNT_ADMINS, run: patch((w) => `/api/users/${w.targetAccounts.aHead}`, (w) => ({ displayName: `Kepala Uji ${w.unique('nama')}` })) },
  {
    route: 'POST /api/users/:id/reset-password',
    access: ACCOUNT_ADMINS,
    run: post((w) => `/api/users/${w.targetAccounts.aHead}/reset-password`, () => ({ password: 'SandiAtur2026' })),
  },

  // ---------- import, export, audit ----------
  {
    route: 'POST /api/import/:entity',
    access: ACCOUNT_ADMINS,
    run: request((w) => {
      const body = multipart(csv([['kode', 'nama', 'jenis', 'kode_induk'], [w.unique('MTX-IMPOR'), 'Seksi Impor Uji', 'seksi', w.a.bidang.code]]), 'unit.csv');
      return { method: 'POST', url: '/api/import/units?dryRun=false', payload: body.payload, headers: body.headers };
    }),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ errors: [], created: 1, isCommitted: true }),
  },
  { route: 'GET /api/import/templates/:entity.xlsx', access: ACCOUNT_ADMINS, run: get(() => '/api/import/templates/units.xlsx') },
  { route: 'GET /api/export/:entity.xlsx', access: ORG_READERS, run: get(() => '/api/export/employees.xlsx') },
  { route: 'GET /api/audit', access: only('admin_bkpsdm', 'admin_opd', 'auditor'), run: get(() => '/api/audit') },
  {
    route: 'GET /api/audit/entity-types',
    access: only('admin_bkpsdm', 'admin_opd', 'auditor'),
    run: get(() => '/api/audit/entity-types'),
    verifyAllowed: (response) => expect((response.json() as { items: string[] }).items).toEqual(expect.arrayContaining(['employee', 'unit'])),
  },

  ...ATTENDANCE_MATRIX,
  ...ACTIVITIES_MATRIX,
  ...SKP_MATRIX,
  ...TPP_MATRIX,
  ...PAY_DATA_APEL_MATRIX,
];

/** Writes open to employees for their own business (and to the superior of record); every other write is for administrators. */
export const SELF_SERVICE_WRITES: readonly RouteKey[] = [...ATTENDANCE_SELF_SERVICE_WRITES, ...ACTIVITIES_SELF_SERVICE_WRITES, ...SKP_SELF_SERVICE_WRITES, ...TPP_SELF_SERVICE_WRITES];

/** Swagger UI's own routes (the public /api/docs page, exempt from access rules in auth-hooks.ts). */
export const isSwaggerUiRoute = (route: RouteKey) => / \/api\/docs(\/|$)/.test(route);

const expectedStatus: Record<Exclude<Outcome, 'allowed'>, { status: number; code: string }> = {
  unauthenticated: { status: 401, code: 'UNAUTHENTICATED' },
  forbidden: { status: 403, code: 'FORBIDDEN' },
  not_found: { status: 404, code: 'NOT_FOUND' },
};

/** Allowed = 2xx (200 for reads, 204 for a delete without body); denied = the exact status and error code of the one error shape. */
export function expectOutcome(response: Response, outcome: Outcome, method: string) {
  if (outcome === 'allowed') {
    if (method === 'GET') expect(response.statusCode, response.body).toBe(200);
    else expect([200, 201, 204], response.body).toContain(response.statusCode);
    return;
  }
  const { status, code } = expectedStatus[outcome];
  expect(response.statusCode, response.body).toBe(status);
  expect(response.json<{ error: { code: string } }>().error.code).toBe(code);
}
