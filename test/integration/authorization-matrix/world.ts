/**
 * The shared setting of the authorisation matrix: two OPDs (A and B) built by the factories, one
 * signed-in session per role, and small preparers that make a fresh target per request, so that a
 * write allowed for one role never spoils the target of the next cell.
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { createSuperiorOverride, setEmployeeActive, setPositionActive, setUnitActive } from '../../../src/server/modules/org';
import { systemContext } from '../../../src/server/platform/actor';
import {
  createAccount,
  createEmployeeFixture,
  createOpdFixture,
  createPositionFixture,
  createUnitFixture,
  TEST_PASSWORD,
  type EmployeeFixture,
  type OpdFixture,
  type PositionFixture,
  type UnitFixture,
} from '../../helpers/factories';
import { createTestApp, loginAs, type Session, type TestApp } from '../../helpers/test-app';

export const CALLERS = ['anonymous', 'pegawai', 'atasan', 'admin_opd', 'admin_bkpsdm', 'pimpinan', 'auditor'] as const;
export type Caller = (typeof CALLERS)[number];
export type SignedInCaller = Exclude<Caller, 'anonymous'>;
export const SIGNED_IN_CALLERS = CALLERS.filter((caller): caller is SignedInCaller => caller !== 'anonymous');

export type Response = LightMyRequestResponse;

export interface World {
  t: TestApp;
  /** OPD A: the OPD the matrix targets; the admin OPD, pegawai and atasan all belong to it. */
  a: OpdFixture;
  /** OPD B: the other OPD, out of reach of A's admin. */
  b: OpdFixture;
  logins: Record<SignedInCaller, string>;
  sessions: Record<SignedInCaller, Session>;
  /** Plain employee accounts that administrators act on (never used to sign in). */
  targetAccounts: { aHead: string; bStaff: string };
  send(caller: Caller, options: InjectOptions): Promise<Response>;
  signIn(caller: SignedInCaller): Promise<Session>;
  /** `PREFIX-n`, unique within the run (codes, names). */
  unique(prefix: string): string;
  serial(): number;
  createLeafUnit(opd: OpdFixture, options?: { isActive?: boolean }): Promise<UnitFixture>;
  createVacantPosition(opd: OpdFixture, options?: { isActive?: boolean }): Promise<PositionFixture>;
  createLooseEmployee(opd: OpdFixture, options?: { isActive?: boolean }): Promise<EmployeeFixture>;
  /** A running superior override of a fresh employee of `opd`, naming the OPD's kepala bidang. */
  createOverride(opd: OpdFixture): Promise<{ id: string; employeeId: string }>;
}

export async function createWorld(): Promise<World> {
  const t = await createTestApp();
  const { db } = t.handle;
  const clock = t.clock;
  const system = () => systemContext('authorization-matrix', clock, 'Asia/Jakarta');
  const a = await createOpdFixture(db, clock);
  const b = await createOpdFixture(db, clock);

  const accounts: Record<SignedInCaller, { login: string }> = {
    pegawai: await createAccount(db, clock, { employeeId: a.staff.id }),
    atasan: await createAccount(db, clock, { employeeId: a.bidangHead.id }),
    admin_opd: await createAccount(db, clock, { username: 'matriks.admin.opd', roles: [{ role: 'admin_opd', unitId: a.unit.id }] }),
    admin_bkpsdm: await createAccount(db, clock, { username: 'matriks.bkpsdm', roles: [{ role: 'admin_bkpsdm' }] }),
    pimpinan: await createAccount(db, clock, { username: 'matriks.pimpinan', roles: [{ role: 'pimpinan' }] }),
    auditor: await createAccount(db, clock, { username: 'matriks.auditor', roles: [{ role: 'auditor' }] }),
  };
  const targetAccounts = {
    aHead: (await createAccount(db, clock, { employeeId: a.head.id })).userId,
    bStaff: (await createAccount(db, clock, { employeeId: b.staff.id })).userId,
  };
  const logins = Object.fromEntries(SIGNED_IN_CALLERS.map((caller) => [caller, accounts[caller].login])) as Record<SignedInCaller, string>;
  const signIn = (caller: SignedInCaller) => loginAs(t.app, logins[caller], TEST_PASSWORD);
  const sessions = {} as Record<SignedInCaller, Session>;
  for (const caller of SIGNED_IN_CALLERS) sessions[caller] = await signIn(caller);

  let counter = 0;
  const createLooseEmployee = async (opd: OpdFixture, options: { isActive?: boolean } = {}) => {
    const employee = await createEmployeeFixture(db, clock, { unitId: opd.bidang.id });
    if (options.isActive === false) await db.transaction((tx) => setEmployeeActive(tx, system(), employee.id, false));
    return employee;
  };

  return {
    t,
    a,
    b,
    logins,
    sessions,
    targetAccounts,
    send: (caller, options) => (caller === 'anonymous' ? t.app.inject(options) : sessions[caller].inject(options)),
    signIn,
    unique: (prefix) => `${prefix}-${++counter}`,
    serial: () => ++counter,
    async createLeafUnit(opd, options = {}) {
      const unit = await createUnitFixture(db, clock, { kind: 'seksi', parentId: opd.bidang.id });
      if (options.isActive === false) await db.transaction((tx) => setUnitActive(tx, system(), unit.id, false));
      return unit;
    },
    async createVacantPosition(opd, options = {}) {
      const position = await createPositionFixture(db, clock, { unitId: opd.bidang.id, superiorPositionId: opd.bidangHeadPosition.id });
      if (options.isActive === false) await db.transaction((tx) => setPositionActive(tx, system(), position.id, false));
      return position;
    },
    createLooseEmployee,
    async createOverride(opd) {
      const employee = await createLooseEmployee(opd);
      const { id } = await db.transaction((tx) =>
        createSuperiorOverride(tx, system(), {
          employeeId: employee.id,
          superiorEmployeeId: opd.bidangHead.id,
          startDate: '2026-03-01',
          endDate: null,
          reason: 'Penataan sementara untuk uji kewenangan',
        }),
      );
      return { id, employeeId: employee.id };
    },
  };
}
