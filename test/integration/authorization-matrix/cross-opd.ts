/**
 * What the admin OPD of A tries against OPD B (and against the border between A and B). Every
 * attempt must be refused and none may leave a trace: `snapshotDatabase` is compared before/after.
 */
import { count } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import type { Database } from '../../../src/server/db/client';
import { assignments, auditLog, employees, positions, superiorOverrides, units, userRoles, users } from '../../../src/server/db/schema';
import { makeNip, TEST_PASSWORD, type EmployeeFixture, type PositionFixture, type UnitFixture } from '../../helpers/factories';
import type { World } from './world';

/** Fresh records on both sides of the border, made before the attempts so the snapshot holds them. */
export interface BorderTargets {
  bLeaf: UnitFixture;
  bLeafInactive: UnitFixture;
  bPosition: PositionFixture;
  bPositionInactive: PositionFixture;
  bEmployee: EmployeeFixture;
  bEmployeeInactive: EmployeeFixture;
  bOverride: { id: string; employeeId: string };
  aLeaf: UnitFixture;
  aPosition: PositionFixture;
  aEmployee: EmployeeFixture;
}

export async function prepareBorderTargets(w: World): Promise<BorderTargets> {
  return {
    bLeaf: await w.createLeafUnit(w.b),
    bLeafInactive: await w.createLeafUnit(w.b, { isActive: false }),
    bPosition: await w.createVacantPosition(w.b),
    bPositionInactive: await w.createVacantPosition(w.b, { isActive: false }),
    bEmployee: await w.createLooseEmployee(w.b),
    bEmployeeInactive: await w.createLooseEmployee(w.b, { isActive: false }),
    bOverride: await w.createOverride(w.b),
    aLeaf: await w.createLeafUnit(w.a),
    aPosition: await w.createVacantPosition(w.a),
    aEmployee: await w.createLooseEmployee(w.a),
  };
}

type Attempt = [description: string, build: (w: World, t: BorderTargets) => InjectOptions, allowedStatuses: readonly number[]];
const FORBIDDEN = [403] as const;
/** Accounts of another OPD may be hidden (404) or refused (403): both reveal nothing and change nothing. */
const FORBIDDEN_OR_HIDDEN = [403, 404] as const;

export const CROSS_OPD_WRITES: readonly Attempt[] = [
  ["PATCH B's bidang", (w) => ({ method: 'PATCH', url: `/api/units/${w.b.bidang.id}`, payload: { name: 'Bidang Diambil Alih' } }), FORBIDDEN],
  ["deactivate a unit of B", (_, t) => ({ method: 'POST', url: `/api/units/${t.bLeaf.id}/deactivate` }), FORBIDDEN],
  ["activate a unit of B", (_, t) => ({ method: 'POST', url: `/api/units/${t.bLeafInactive.id}/activate` }), FORBIDDEN],
  ["create a unit under B", (w) => ({ method: 'POST', url: '/api/units', payload: { code: w.unique('MTX-B'), name: 'Seksi Selundupan', kind: 'seksi', parentId: w.b.bidang.id } }), FORBIDDEN],
  ["create a top-level unit", (w) => ({ method: 'POST', url: '/api/units', payload: { code: w.unique('MTX-TOP'), name: 'Dinas Selundupan', kind: 'opd', parentId: null } }), FORBIDDEN],
  ["move a unit of A under B", (w, t) => ({ method: 'PATCH', url: `/api/units/${t.aLeaf.id}`, payload: { parentId: w.b.unit.id } }), FORBIDDEN],
  ["PATCH a position of B", (w) => ({ method: 'PATCH', url: `/api/positions/${w.b.staffPosition.id}`, payload: { name: 'Jabatan Diambil Alih' } }), FORBIDDEN],
  ["deactivate a position of B", (_, t) => ({ method: 'POST', url: `/api/positions/${t.bPosition.id}/deactivate` }), FORBIDDEN],
  ["activate a position of B", (_, t) => ({ method: 'POST', url: `/api/positions/${t.bPositionInactive.id}/activate` }), FORBIDDEN],
  [
    "create a position in B",
    (w) => ({
      method: 'POST',
      url: '/api/positions',
      payload: { code: w.unique('MTX-B-JAB'), name: 'Jabatan Selundupan', jenis: 'pelaksana', kelasJabatan: 6, unitId: w.b.bidang.id, superiorPositionId: w.b.bidangHeadPosition.id },
    }),
    FORBIDDEN,
  ],
  [
    "create a position in A under a superior position of B",
    (w) => ({
      method: 'POST',
      url: '/api/positions',
      payload: { code: w.unique('MTX-A-JAB'), name: 'Jabatan Lintas OPD', jenis: 'pelaksana', kelasJabatan: 6, unitId: w.a.bidang.id, superiorPositionId: w.b.bidangHeadPosition.id },
    }),
    FORBIDDEN,
  ],
  ["move a position of A into B", (w, t) => ({ method: 'PATCH', url: `/api/positions/${t.aPosition.id}`, payload: { unitId: w.b.bidang.id } }), FORBIDDEN],
  ["PATCH an employee of B", (w) => ({ method: 'PATCH', url: `/api/employees/${w.b.staff.id}`, payload: { phone: '081299999999' } }), FORBIDDEN],
  ["deactivate an employee of B", (_, t) => ({ method: 'POST', url: `/api/employees/${t.bEmployee.id}/deactivate` }), FORBIDDEN],
  ["activate an employee of B", (_, t) => ({ method: 'POST', url: `/api/employees/${t.bEmployeeInactive.id}/activate` }), FORBIDDEN],
  ["create an employee in B", (w) => ({ method: 'POST', url: '/api/employees', payload: { nip: makeNip(), jenisAsn: 'PNS', name: 'Pegawai Selundupan', unitId: w.b.bidang.id } }), FORBIDDEN],
  ["move an employee of A into B", (w, t) => ({ method: 'PATCH', url: `/api/employees/${t.aEmployee.id}`, payload: { unitId: w.b.bidang.id } }), FORBIDDEN],
  ["PATCH an assignment in B", (w) => ({ method: 'PATCH', url: `/api/assignments/${w.b.staff.assignmentId ?? ''}`, payload: { note: 'Diubah dari OPD lain' } }), FORBIDDEN],
  [
    "assign an employee of A to a position of B",
    (_, t) => ({ method: 'POST', url: '/api/assignments', payload: { employeeId: t.aEmployee.id, positionId: t.bPosition.id, kind: 'plt', startDate: '2026-03-02' } }),
    FORBIDDEN,
  ],
  [
    "assign an employee of B to a position of A",
    (_, t) => ({ method: 'POST', url: '/api/assignments', payload: { employeeId: t.bEmployee.id, positionId: t.aPosition.id, kind: 'plt', startDate: '2026-03-02' } }),
    FORBIDDEN,
  ],
  [
    "override the superior of an employee of B",
    (w, t) => ({ method: 'POST', url: '/api/superior-overrides', payload: { employeeId: t.bEmployee.id, superiorEmployeeId: w.b.bidangHead.id, startDate: '2026-03-02', reason: 'Diatur dari OPD lain' } }),
    FORBIDDEN,
  ],
  [
    "name an employee of B as the superior of an employee of A",
    (w, t) => ({ method: 'POST', url: '/api/superior-overrides', payload: { employeeId: t.aEmployee.id, superiorEmployeeId: w.b.bidangHead.id, startDate: '2026-03-02', reason: 'Atasan dari OPD lain' } }),
    FORBIDDEN,
  ],
  ["end a superior override in B", (_, t) => ({ method: 'POST', url: `/api/superior-overrides/${t.bOverride.id}/end`, payload: { endDate: '2026-03-31' } }), FORBIDDEN],
  ["open an account for an employee of B", (_, t) => ({ method: 'POST', url: '/api/users', payload: { employeeId: t.bEmployee.id, password: TEST_PASSWORD } }), FORBIDDEN],
  ["PATCH the account of an employee of B", (w) => ({ method: 'PATCH', url: `/api/users/${w.targetAccounts.bStaff}`, payload: { isActive: false } }), FORBIDDEN_OR_HIDDEN],
  ["reset the password of an employee of B", (w) => ({ method: 'POST', url: `/api/users/${w.targetAccounts.bStaff}/reset-password`, payload: { password: 'SandiCuri2026' } }), FORBIDDEN_OR_HIDDEN],
  // Privilege escalation inside A: accounts with roles and username accounts are BKPSDM's.
  [
    "grant admin BKPSDM to an account of A",
    (w) => ({ method: 'PATCH', url: `/api/users/${w.targetAccounts.aHead}`, payload: { roles: [{ role: 'admin_bkpsdm', unitId: null }] } }),
    FORBIDDEN,
  ],
  [
    "create a username account with a role",
    (w) => ({ method: 'POST', url: '/api/users', payload: { username: w.unique('penyusup').toLowerCase(), password: TEST_PASSWORD, roles: [{ role: 'admin_opd', unitId: w.b.unit.id }] } }),
    FORBIDDEN,
  ],
  ["reset the password of an administrator", (w) => ({ method: 'POST', url: `/api/users/${w.sessions.admin_bkpsdm.me.userId}/reset-password`, payload: { password: 'SandiCuri2026' } }), FORBIDDEN_OR_HIDDEN],
];

/** Import rows: each file must come back with row errors on the listed rows and commit nothing. */
export const CROSS_OPD_IMPORTS: readonly [description: string, entity: string, rows: (w: World) => string[][], errorRows: number[]][] = [
  ['a unit under B', 'units', (w) => [['kode', 'nama', 'jenis', 'kode_induk'], [w.unique('MTX-IMP-B'), 'Seksi Selundupan', 'seksi', w.b.unit.code]], [2]],
  ["a rename of B's bidang", 'units', (w) => [['kode', 'nama', 'jenis', 'kode_induk'], [w.b.bidang.code, 'Bidang Diambil Alih', 'bidang', w.b.unit.code]], [2]],
  [
    'a good row of A next to a row for B (all or nothing)',
    'units',
    (w) => [
      ['kode', 'nama', 'jenis', 'kode_induk'],
      [w.unique('MTX-IMP-A'), 'Seksi Sah', 'seksi', w.a.bidang.code],
      [w.unique('MTX-IMP-B'), 'Seksi Selundupan', 'seksi', w.b.bidang.code],
    ],
    [3],
  ],
  [
    'a position in B',
    'positions',
    (w) => [
      ['kode', 'nama', 'jenis_jabatan', 'kelas_jabatan', 'kode_unit', 'kode_jabatan_atasan'],
      [w.unique('MTX-IMP-JAB'), 'Jabatan Selundupan', 'pelaksana', '6', w.b.bidang.code, w.b.bidangHeadPosition.code],
    ],
    [2],
  ],
  [
    'a position of A under a superior of B',
    'positions',
    (w) => [
      ['kode', 'nama', 'jenis_jabatan', 'kelas_jabatan', 'kode_unit', 'kode_jabatan_atasan'],
      [w.unique('MTX-IMP-JAB'), 'Jabatan Lintas OPD', 'pelaksana', '6', w.a.bidang.code, w.b.bidangHeadPosition.code],
    ],
    [2],
  ],
  ['an employee in B', 'employees', (w) => [['nip', 'jenis_asn', 'nama', 'kode_unit'], [makeNip(), 'PNS', 'Pegawai Selundupan', w.b.bidang.code]], [2]],
  ["B's employee pulled into A", 'employees', (w) => [['nip', 'jenis_asn', 'nama', 'kode_unit'], [w.b.staff.nip, 'PNS', 'Nama Diganti', w.a.bidang.code]], [2]],
];

/** Every row of the tables a write could touch, in a stable order, plus the audit trail's length. */
export async function snapshotDatabase(db: Database) {
  const sorted = (rows: object[]) => rows.map((row) => JSON.stringify(row)).sort();
  const [auditRows] = await db.select({ value: count() }).from(auditLog);
  return {
    units: sorted(await db.select().from(units)),
    positions: sorted(await db.select().from(positions)),
    employees: sorted(await db.select().from(employees)),
    assignments: sorted(await db.select().from(assignments)),
    superiorOverrides: sorted(await db.select().from(superiorOverrides)),
    users: sorted(await db.select().from(users)),
    userRoles: sorted(await db.select().from(userRoles)),
    auditRows: auditRows?.value ?? 0,
  };
}
