/**
 * Test data factories: unique, valid organisation data created through the real services (with a
 * trusted system context), so fixtures obey the same rules and audit trail as production data.
 */
import type { z } from 'zod';
import type { grantedRoleSchema } from '../../src/contracts/users';
import type { createAssignmentRequest, createEmployeeRequest, createPositionRequest, createUnitRequest } from '../../src/contracts/org';
import type { Database } from '../../src/server/db/client';
import { createAssignment, createEmployee, createPosition, createUnit } from '../../src/server/modules/org';
import { findEmployeeRow } from '../../src/server/modules/org/employees.repository';
import { createUser } from '../../src/server/modules/users/users.service';
import { systemContext } from '../../src/server/platform/actor';
import type { Clock } from '../../src/server/platform/clock';

/** Password of every account made by `createAccount`. */
export const TEST_PASSWORD = 'Rahasia12345';

let counter = 0;
const nextNumber = () => ++counter;
const pad = (value: number, width: number) => String(value).padStart(width, '0');
const contextOf = (clock: Clock) => systemContext('test-fixture', clock, 'Asia/Jakarta');

/** A birth date unique per call (1975-01-01 plus n days), so generated NIPs never collide. */
function uniqueBirthDate(n: number): string {
  const date = new Date(Date.UTC(1975, 0, 1) + n * 86_400_000);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/** A valid 18-digit NIP PNS (birth date · TMT CPNS · sex · sequence). */
export function makeNip(options: { birthDate?: string; tmt?: string; gender?: 'L' | 'P'; sequence?: number } = {}): string {
  const n = nextNumber();
  const birthDate = options.birthDate ?? uniqueBirthDate(n);
  const tmt = options.tmt ?? '2010-03';
  return `${birthDate.replaceAll('-', '')}${tmt.replace('-', '')}${(options.gender ?? (n % 2 ? 'L' : 'P')) === 'L' ? 1 : 2}${pad(options.sequence ?? 1, 3)}`;
}

/** A valid 18-digit NI PPPK (birth date · appointment year · PPPK marker · contract count · sex · sequence). */
export function makePppkNip(options: { birthDate?: string; year?: number; contractCount?: number; gender?: 'L' | 'P'; sequence?: number } = {}): string {
  const n = nextNumber();
  const birthDate = options.birthDate ?? uniqueBirthDate(n);
  return `${birthDate.replaceAll('-', '')}${options.year ?? 2022}2${options.contractCount ?? 1}${(options.gender ?? 'P') === 'L' ? 1 : 2}${pad(options.sequence ?? 1, 3)}`;
}

export type UnitFixture = { id: string; code: string; name: string };
export type PositionFixture = { id: string; code: string; name: string; unitId: string };
export type EmployeeFixture = { id: string; nip: string; name: string; unitId: string | null; assignmentId: string | null };

export async function createUnitFixture(db: Database, clock: Clock, overrides: Partial<z.infer<typeof createUnitRequest>> = {}): Promise<UnitFixture> {
  const n = nextNumber();
  const input = { code: `UNIT-${n}`, name: `Unit Uji ${n}`, kind: 'opd', parentId: null, timeZone: 'Asia/Jakarta', siasnCode: null, ...overrides } as const;
  const { id } = await db.transaction((tx) => createUnit(tx, contextOf(clock), input));
  return { id, code: input.code, name: input.name };
}

export async function createPositionFixture(
  db: Database,
  clock: Clock,
  input: { unitId: string } & Partial<z.infer<typeof createPositionRequest>>,
): Promise<PositionFixture> {
  const n = nextNumber();
  const full = { code: `JAB-${n}`, name: `Jabatan Uji ${n}`, jenis: 'pelaksana', kelasJabatan: 7, superiorPositionId: null, isUnitHead: false, ...input } as const;
  const { id } = await db.transaction((tx) => createPosition(tx, contextOf(clock), full));
  return { id, code: full.code, name: full.name, unitId: full.unitId };
}

/**
 * An employee; with `positionId` also an assignment (definitif by default, from 2025-01-01), which
 * moves the employee into the position's unit like a real appointment does.
 */
export async function createEmployeeFixture(
  db: Database,
  clock: Clock,
  overrides: Partial<z.infer<typeof createEmployeeRequest>> & { positionId?: string; assignmentKind?: 'definitif' | 'plt' | 'plh'; startDate?: string } = {},
): Promise<EmployeeFixture> {
  const { positionId, assignmentKind, startDate, ...fields } = overrides;
  const n = nextNumber();
  const jenisAsn = fields.jenisAsn ?? 'PNS';
  const input = {
    nip: fields.nip ?? (jenisAsn === 'PNS' ? makeNip() : makePppkNip()),
    jenisAsn,
    name: `Pegawai Uji ${n}`,
    gelarDepan: null,
    gelarBelakang: null,
    golongan: jenisAsn === 'PNS' ? 'III/a' : 'IX',
    status: 'aktif',
    unitId: null,
    email: null,
    phone: null,
    ...fields,
  } as const;
  const { id } = await db.transaction((tx) => createEmployee(tx, contextOf(clock), input));
  let assignmentId: string | null = null;
  if (positionId) {
    ({ id: assignmentId } = await createAssignmentFixture(db, clock, { employeeId: id, positionId, kind: assignmentKind ?? 'definitif', startDate: startDate ?? '2025-01-01' }));
  }
  const stored = await findEmployeeRow(db, id);
  return { id, nip: input.nip, name: input.name, unitId: stored?.unitId ?? null, assignmentId };
}

export async function createAssignmentFixture(
  db: Database,
  clock: Clock,
  input: Pick<z.infer<typeof createAssignmentRequest>, 'employeeId' | 'positionId'> & Partial<z.infer<typeof createAssignmentRequest>>,
): Promise<{ id: string }> {
  const full = { kind: 'definitif', startDate: '2025-01-01', endDate: null, ...input } as const;
  return db.transaction((tx) => createAssignment(tx, contextOf(clock), full));
}

export type GrantedRole = z.infer<typeof grantedRoleSchema>;

/**
 * A login with password `TEST_PASSWORD` that does not have to be changed. Give a `username` for an
 * admin-style account or an `employeeId` for an employee (who logs in with their NIP).
 */
export async function createAccount(
  db: Database,
  clock: Clock,
  options: { username?: string; employeeId?: string; roles?: { role: GrantedRole; unitId?: string | null }[] },
): Promise<{ userId: string; login: string; password: string }> {
  const created = await createUser(db, contextOf(clock), {
    username: options.username ?? null,
    employeeId: options.employeeId ?? null,
    password: TEST_PASSWORD,
    mustChangePassword: false,
    roles: (options.roles ?? []).map((grant) => ({ role: grant.role, unitId: grant.unitId ?? null })),
  });
  let login = options.username;
  if (!login && options.employeeId) {
    login = (await findEmployeeRow(db, options.employeeId))?.nip;
  }
  if (!login) throw new Error('createAccount needs a username or an employeeId');
  return { userId: created.id, login, password: TEST_PASSWORD };
}

export interface OpdFixture {
  unit: UnitFixture;
  bidang: UnitFixture;
  /** Kepala dinas (jpt_pratama, unit head) ← kepala bidang (administrator) ← staff (pelaksana). */
  headPosition: PositionFixture;
  bidangHeadPosition: PositionFixture;
  staffPosition: PositionFixture;
  head: EmployeeFixture;
  bidangHead: EmployeeFixture;
  staff: EmployeeFixture;
}

/** A small OPD with one bidang, a three-level position tree and a definitif holder on each level. */
export async function createOpdFixture(db: Database, clock: Clock, options: { superiorPositionId?: string | null } = {}): Promise<OpdFixture> {
  const unit = await createUnitFixture(db, clock, { kind: 'opd' });
  const bidang = await createUnitFixture(db, clock, { kind: 'bidang', parentId: unit.id });
  const headPosition = await createPositionFixture(db, clock, {
    unitId: unit.id,
    jenis: 'jpt_pratama',
    kelasJabatan: 14,
    isUnitHead: true,
    superiorPositionId: options.superiorPositionId ?? null,
  });
  const bidangHeadPosition = await createPositionFixture(db, clock, { unitId: bidang.id, jenis: 'administrator', kelasJabatan: 11, isUnitHead: true, superiorPositionId: headPosition.id });
  const staffPosition = await createPositionFixture(db, clock, { unitId: bidang.id, jenis: 'pelaksana', kelasJabatan: 7, superiorPositionId: bidangHeadPosition.id });
  const head = await createEmployeeFixture(db, clock, { positionId: headPosition.id, golongan: 'IV/b' });
  const bidangHead = await createEmployeeFixture(db, clock, { positionId: bidangHeadPosition.id, golongan: 'IV/a' });
  const staff = await createEmployeeFixture(db, clock, { positionId: staffPosition.id });
  return {
    unit,
    bidang,
    headPosition,
    bidangHeadPosition,
    staffPosition,
    head,
    bidangHead,
    staff,
  };
}
