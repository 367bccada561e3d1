/**
 * The authorisation matrix (issue 2, ADR 0004): every /api route × every role, on one app with two
 * OPDs, plus the scope checks that role checks alone cannot catch — an admin OPD reaching into
 * another OPD, a pegawai or atasan reading someone else — and CSRF on cookie-authenticated writes.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { units } from '../../src/server/db/schema';
import { findUnitSubtreeIds } from '../../src/server/modules/org';
import { csv, multipart, readXlsx } from '../fixtures/import/sheets';
import { TEST_PASSWORD } from '../helpers/factories';
import { ATTENDANCE_BORDER_ATTEMPTS, ATTENDANCE_BORDER_READS, prepareAttendanceBorder, type AttendanceBorder } from './authorization-matrix/attendance-cross-opd';
import { CROSS_OPD_IMPORTS, CROSS_OPD_WRITES, prepareBorderTargets, snapshotDatabase, type BorderTargets } from './authorization-matrix/cross-opd';
import { listDocumentedRoutes, listServedRoutes } from './authorization-matrix/list-routes';
import { TPP_SCOPED_LISTS } from './authorization-matrix/tpp-cross-opd';
import { TPP_MONTH } from './authorization-matrix/tpp-world';
import { expectOutcome, isSwaggerUiRoute, MATRIX, SELF_SERVICE_WRITES } from './authorization-matrix/route-table';
import { CALLERS, createWorld, type SignedInCaller, type World } from './authorization-matrix/world';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w?.t.close());

const methodOf = (route: string) => route.split(' ')[0] ?? '';
const errorCodeOf = (body: string) => (JSON.parse(body) as { error?: { code?: string } }).error?.code;

describe('the matrix itself', () => {
  it('signs each caller in with exactly the role under test', () => {
    const rolesOf = (caller: SignedInCaller) => [...w.sessions[caller].me.roles].sort();
    expect(rolesOf('pegawai')).toEqual(['pegawai']);
    expect(rolesOf('atasan')).toEqual(['atasan', 'pegawai']);
    for (const role of ['admin_opd', 'admin_bkpsdm', 'pimpinan', 'auditor'] as const) expect(rolesOf(role)).toEqual([role]);
  });

  it('has exactly one row per /api route the app serves, hidden routes included', async () => {
    const served = listServedRoutes(w.t.app).filter((route) => route.includes(' /api/') && !isSwaggerUiRoute(route));
    const documented = listDocumentedRoutes((await w.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json());
    // The router listing must see every documented route, or the comparison below proves nothing.
    expect(documented).not.toHaveLength(0);
    expect(served).toEqual(expect.arrayContaining(documented));
    const rows = MATRIX.map((row) => row.route);
    expect(new Set(rows).size, 'duplicate matrix rows').toBe(rows.length);
    expect([...rows].sort()).toEqual([...new Set(served)].sort());
  });

  it('closes every write to pimpinan, auditor, pegawai and atasan, except their own sign-in, password and attendance requests', () => {
    const writes = MATRIX.filter((row) => methodOf(row.route) !== 'GET' && !row.route.includes(' /api/auth/') && !SELF_SERVICE_WRITES.includes(row.route));
    expect(writes).not.toHaveLength(0);
    for (const row of writes) {
      for (const caller of ['pimpinan', 'auditor', 'pegawai', 'atasan'] as const) expect(row.access[caller], `${row.route} as ${caller}`).toBe('forbidden');
    }
  });
});

describe('each role × each route (targets in OPD A)', () => {
  const cells = MATRIX.flatMap((row) => CALLERS.map((caller) => ({ name: `${row.route} as ${caller}`, outcome: row.access[caller], row, caller })));
  it.each(cells)('$name → $outcome', async ({ row, caller, outcome }) => {
    const response = await row.run(w, caller);
    expectOutcome(response, outcome, methodOf(row.route));
    if (outcome === 'allowed') row.verifyAllowed?.(response, w);
  });
});

const employeeReadUrls = (id: string) => [
  `/api/employees/${id}`,
  `/api/employees/${id}/superior`,
  `/api/employees/${id}/subordinates`,
  `/api/employees/${id}/assignments`,
  `/api/employees/${id}/superior-overrides`,
];

describe('whose employee record a caller may read (outside scope: 404, existence not revealed)', () => {
  it.each([
    ['pegawai', 'their own superior', (v: World) => v.a.bidangHead.id, 404],
    ['pegawai', 'a colleague in OPD B', (v: World) => v.b.staff.id, 404],
    ['atasan', 'their direct subordinate', (v: World) => v.a.staff.id, 200],
    ['atasan', 'their own superior (not a subordinate)', (v: World) => v.a.head.id, 404],
    ['atasan', 'an employee of OPD B', (v: World) => v.b.staff.id, 404],
    ['admin_opd', 'an employee of their OPD A', (v: World) => v.a.head.id, 200],
    ['admin_opd', 'an employee of OPD B', (v: World) => v.b.staff.id, 404],
    ['admin_bkpsdm', 'an employee of OPD B', (v: World) => v.b.staff.id, 200],
    ['pimpinan', 'an employee of OPD B', (v: World) => v.b.staff.id, 200],
    ['auditor', 'an employee of OPD B', (v: World) => v.b.staff.id, 200],
  ] as const)('%s reading %s → %i', async (caller, _, target, status) => {
    for (const url of employeeReadUrls(target(w))) {
      const response = await w.send(caller, { method: 'GET', url });
      expect(response.statusCode, `${url}: ${response.body}`).toBe(status);
      if (status === 404) expect(errorCodeOf(response.body)).toBe('NOT_FOUND');
    }
  });

  it('lists to an atasan themselves and their subordinates only', async () => {
    const response = await w.send('atasan', { method: 'GET', url: '/api/employees?pageSize=200&includeInactive=true' });
    expect(response.statusCode).toBe(200);
    const ids = response.json<{ items: { id: string }[] }>().items.map((item) => item.id);
    expect(ids).toEqual(expect.arrayContaining([w.a.staff.id, w.a.bidangHead.id]));
    for (const outsider of [w.a.head.id, w.b.head.id, w.b.bidangHead.id, w.b.staff.id]) expect(ids).not.toContain(outsider);
  });
});

describe('admin OPD of A reading OPD B', () => {
  const readsOfB: [description: string, url: (v: World) => string][] = [
    ['unit B', (v) => `/api/units/${v.b.unit.id}`],
    ["B's bidang", (v) => `/api/units/${v.b.bidang.id}`],
    ["B's staff position", (v) => `/api/positions/${v.b.staffPosition.id}`],
    ...employeeReadUrls('{id}').map((url): [string, (v: World) => string] => [
      `employee of B ${url.replace('/api/employees/{id}', '') || '(detail)'}`,
      (v) => url.replace('{id}', v.b.staff.id),
    ]),
  ];
  it.each(readsOfB)('GET %s → 404 (BKPSDM: 200)', async (_, url) => {
    const hidden = await w.send('admin_opd', { method: 'GET', url: url(w) });
    expect(hidden.statusCode, hidden.body).toBe(404);
    expect(errorCodeOf(hidden.body)).toBe('NOT_FOUND');
    expect((await w.send('admin_bkpsdm', { method: 'GET', url: url(w) })).statusCode).toBe(200);
  });

  it.each([
    ['units', (v: World) => `/api/units?parentId=${v.b.unit.id}`],
    ['positions', (v: World) => `/api/positions?unitId=${v.b.bidang.id}`],
    ['employees', (v: World) => `/api/employees?unitId=${v.b.bidang.id}`],
  ])('lists no %s of B, and only records of A', async (entity, filteredOnB) => {
    const filtered = await w.send('admin_opd', { method: 'GET', url: filteredOnB(w) });
    expect(filtered.statusCode, filtered.body).toBe(200);
    expect(filtered.json<{ total: number }>().total).toBe(0);
    expect((await w.send('admin_bkpsdm', { method: 'GET', url: filteredOnB(w) })).json<{ total: number }>().total).toBeGreaterThan(0);

    const unitsOfA = new Set(await findUnitSubtreeIds(w.t.handle.db, [w.a.unit.id]));
    const all = await w.send('admin_opd', { method: 'GET', url: `/api/${entity}?pageSize=200&includeInactive=true` });
    const items = all.json<{ items: { id: string; unitId?: string | null }[] }>().items;
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(unitsOfA.has(entity === 'units' ? item.id : (item.unitId ?? '')), JSON.stringify(item)).toBe(true);
  });

  it.each([
    ['units', (v: World) => [v.a.bidang.code, v.b.bidang.code]],
    ['positions', (v: World) => [v.a.staffPosition.code, v.b.staffPosition.code]],
    ['employees', (v: World) => [v.a.staff.nip, v.b.staff.nip]],
  ])('exports %s of A without those of B', async (entity, keys) => {
    const [keyOfA, keyOfB] = keys(w);
    const firstColumn = async (caller: SignedInCaller) => {
      const response = await w.send(caller, { method: 'GET', url: `/api/export/${entity}.xlsx` });
      expect(response.statusCode).toBe(200);
      return (await readXlsx(response.rawPayload)).map((row) => row[0]);
    };
    const own = await firstColumn('admin_opd');
    expect(own).toContain(keyOfA);
    expect(own).not.toContain(keyOfB);
    expect(await firstColumn('admin_bkpsdm')).toContain(keyOfB);
  });

  it("reads A's audit trail, not B's", async () => {
    const totalFor = async (caller: SignedInCaller, entityId: string) =>
      (await w.send(caller, { method: 'GET', url: `/api/audit?entityId=${entityId}` })).json<{ total: number }>().total;
    for (const entityId of [w.b.unit.id, w.b.bidang.id, w.b.staffPosition.id, w.b.staff.id, w.targetAccounts.bStaff]) {
      expect(await totalFor('admin_opd', entityId), entityId).toBe(0);
      expect(await totalFor('admin_bkpsdm', entityId), entityId).toBeGreaterThan(0);
      expect(await totalFor('auditor', entityId), entityId).toBeGreaterThan(0);
    }
    for (const entityId of [w.a.unit.id, w.a.staffPosition.id, w.a.staff.id]) expect(await totalFor('admin_opd', entityId)).toBeGreaterThan(0);
  });

  it("lists the accounts of A's employees, not those of B or of administrators", async () => {
    const idsFor = async (caller: SignedInCaller) =>
      (await w.send(caller, { method: 'GET', url: '/api/users?pageSize=200' })).json<{ items: { id: string }[] }>().items.map((item) => item.id);
    const own = await idsFor('admin_opd');
    expect(own).toEqual(expect.arrayContaining([w.sessions.pegawai.me.userId, w.targetAccounts.aHead]));
    for (const outsider of [w.targetAccounts.bStaff, w.sessions.admin_bkpsdm.me.userId, w.sessions.auditor.me.userId]) expect(own).not.toContain(outsider);
    expect(await idsFor('admin_bkpsdm')).toContain(w.targetAccounts.bStaff);
  });
});

describe('admin OPD of A writing into OPD B: refused, and nothing written', () => {
  let targets: BorderTargets;
  let before: Awaited<ReturnType<typeof snapshotDatabase>>;
  beforeAll(async () => {
    targets = await prepareBorderTargets(w);
    before = await snapshotDatabase(w.t.handle.db);
    // A refused write must not even touch `updated_at`: move the clock so that it would show.
    w.t.clock.advance(60_000);
  });

  it.each(CROSS_OPD_WRITES)('%s', async (_, build, statuses) => {
    const response = await w.send('admin_opd', build(w, targets));
    expect(statuses, response.body).toContain(response.statusCode);
    expect(errorCodeOf(response.body)).toBe(response.statusCode === 403 ? 'FORBIDDEN' : 'NOT_FOUND');
  });

  it.each(CROSS_OPD_IMPORTS)('import of %s: row errors, nothing committed', async (_, entity, rows, errorRows) => {
    const body = multipart(csv(rows(w)), `${entity}.csv`);
    const response = await w.send('admin_opd', { method: 'POST', url: `/api/import/${entity}?dryRun=false`, payload: body.payload, headers: body.headers });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<{ isCommitted: boolean; errors: { row: number; message: string }[] }>();
    expect(result.isCommitted).toBe(false);
    expect([...new Set(result.errors.map((error) => error.row))]).toEqual(errorRows);
    // Refused for scope ("… di luar kewenangan Anda"), not for some unrelated flaw in the row.
    for (const error of result.errors) expect(error.message).toMatch(/kewenangan/);
  });

  it('left every table and the audit trail exactly as they were', async () => {
    expect(await snapshotDatabase(w.t.handle.db)).toEqual(before);
  });

  it("left the B employee's password alone", async () => {
    const response = await w.t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: w.b.staff.nip, password: TEST_PASSWORD } });
    expect(response.statusCode, response.body).toBe(200);
  });
});

describe('CSRF on cookie-authenticated writes', () => {
  it.each([
    ['without x-csrf-token', {}],
    ['with a wrong x-csrf-token', { 'x-csrf-token': 'token-palsu' }],
  ])('refuses a write %s (403 CSRF_INVALID) and writes nothing', async (_, extraHeaders) => {
    const code = w.unique('MTX-CSRF');
    const response = await w.t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: { cookie: w.sessions.admin_bkpsdm.cookie, ...extraHeaders },
      payload: { code, name: 'Seksi Tanpa Token', kind: 'seksi', parentId: w.a.bidang.id },
    });
    expect(response.statusCode).toBe(403);
    expect(errorCodeOf(response.body)).toBe('CSRF_INVALID');
    expect(await w.t.handle.db.select().from(units).where(eq(units.code, code))).toEqual([]);
  });
});

describe('who you are is checked before what you sent', () => {
  // Refusing the caller must not depend on the body: a stranger learns nothing from validation
  // messages, and the server does not validate input for someone who may not call the route.
  it.each([
    ['anonymous', 'POST /api/units with an empty body', 401, { method: 'POST', url: '/api/units', payload: {} }],
    ['anonymous', 'GET /api/employees/bukan-uuid', 401, { method: 'GET', url: '/api/employees/bukan-uuid' }],
    ['pegawai', 'POST /api/units with an empty body', 403, { method: 'POST', url: '/api/units', payload: {} }],
    ['pimpinan', 'PATCH /api/units/bukan-uuid', 403, { method: 'PATCH', url: '/api/units/bukan-uuid', payload: { name: '' } }],
  ] as const)('%s: %s → %i', async (caller, _, status, options) => {
    const response = await w.send(caller, { ...options });
    expect(response.statusCode, response.body).toBe(status);
  });
});

describe('attendance across the border of OPD A', () => {
  let border: AttendanceBorder;
  beforeAll(async () => {
    border = await prepareAttendanceBorder(w);
  });

  it.each(ATTENDANCE_BORDER_READS)('%s → %i', async (_, caller, build, status) => {
    const response = await w.send(caller, build(w, border));
    expect(response.statusCode, response.body).toBe(status);
    if (status !== 200) expect(errorCodeOf(response.body)).toBe(status === 403 ? 'FORBIDDEN' : 'NOT_FOUND');
  });

  it("lists B's schedule assignments to BKPSDM but not to the admin OPD of A", async () => {
    const idsSeenBy = async (caller: SignedInCaller) => {
      const response = await w.send(caller, { method: 'GET', url: '/api/attendance/schedule-assignments' });
      expect(response.statusCode).toBe(200);
      return response.json<{ items: { id: string }[] }>().items.map((item) => item.id);
    };
    expect(await idsSeenBy('admin_bkpsdm')).toContain(border.scheduleAssignmentB);
    expect(await idsSeenBy('admin_opd')).not.toContain(border.scheduleAssignmentB);
  });

  it.each(TPP_SCOPED_LISTS)("lists the TPP %s of A to the admin OPD of A without those of B", async (_, url, ids, ofA, ofB) => {
    const seenBy = async (caller: SignedInCaller) => {
      const response = await w.send(caller, { method: 'GET', url: url(w) });
      expect(response.statusCode, response.body).toBe(200);
      return ids(response.json());
    };
    const own = await seenBy('admin_opd');
    expect(own).toContain(ofA(w, border.tpp));
    expect(own).not.toContain(ofB(w, border.tpp));
    expect(await seenBy('admin_bkpsdm')).toEqual(expect.arrayContaining([ofA(w, border.tpp), ofB(w, border.tpp)]));
  });

  it("exports A's payroll recap to the admin OPD of A without B's employees", async () => {
    const nips = async (caller: SignedInCaller) => {
      const response = await w.send(caller, { method: 'GET', url: `/api/tpp/exports/payroll.xlsx?period=${TPP_MONTH}` });
      expect(response.statusCode).toBe(200);
      return (await readXlsx(response.rawPayload)).map((row) => row[1]);
    };
    const own = await nips('admin_opd');
    expect(own).toContain(w.a.staff.nip);
    expect(own).not.toContain(w.b.staff.nip);
    expect(await nips('admin_bkpsdm')).toContain(w.b.staff.nip);
  });

  it.each(ATTENDANCE_BORDER_ATTEMPTS)('%s: refused, nothing changed', async (_, caller, build, statuses) => {
    const before = await border.snapshot();
    const response = await w.send(caller, build(w, border));
    expect(statuses, response.body).toContain(response.statusCode);
    expect(errorCodeOf(response.body)).toBe(response.statusCode === 403 ? 'FORBIDDEN' : 'NOT_FOUND');
    expect(await border.snapshot()).toEqual(before);
  });
});
