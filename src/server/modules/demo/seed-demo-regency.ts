import { seedDemoActivityCatalogue } from '../activities/admin/catalogue/seed-demo-activity-catalogue';
import { seedDemoSkpAssessors } from '../skp/skp-demo-assessors';
import { count, eq, inArray, sql } from 'drizzle-orm';
import { formatFullName } from '../../../domain/org/names';
import type { Database, Executor } from '../../db/client';
import { appSettings, assignments, employees, positions, superiorOverrides, units, userRoles, users } from '../../db/schema';
import { systemContext } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { dateInZone, type Clock } from '../../platform/clock';
import { conflict } from '../../platform/errors';
import { hashPassword } from '../../platform/passwords';
import { buildDemoRegency, type DemoRegency } from './build-demo-regency';
import { DEMO_ADMIN_USERS, DEMO_PASSWORD } from './demo-accounts';
import { REGENCY_NAME } from './demo-catalog';
import { seedDemoTppInputs } from './seed-demo-tpp-inputs';
import { findRegionZone } from '../../platform/region-zone';

export interface DemoSummary {
  regency: string;
  opdCount: number;
  unitCount: number;
  positionCount: number;
  vacantPositionCount: number;
  employeeCount: number;
  pppkCount: number;
  actingAssignmentCount: number;
  superiorOverrideCount: number;
  accountCount: number;
}

/** app_settings key marking a database that holds the demo regency (main.ts then prints the accounts). */
export const DEMO_SETTING_KEY = 'demo_regency';
/** Serialises seeding when several processes start on one empty PostgreSQL database. */
const SEED_LOCK_KEY = 7_231_002;
/** Rows per INSERT: well below PostgreSQL's 65,535 bind parameters for the widest table. */
const CHUNK_SIZE = 500;

/**
 * PGlite runs queries on the main thread; awaiting its promises yields to microtasks only. A
 * macrotask break between chunks lets timers and I/O run, so that the data-dir lock keeps being
 * refreshed while thousands of rows go in.
 */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let offset = 0; offset < rows.length; offset += CHUNK_SIZE) {
    await insert(rows.slice(offset, offset + CHUNK_SIZE));
    await yieldToEventLoop();
  }
}

/** True when there is no organisation data and no account yet (a fresh installation). */
export async function isDatabaseEmpty(executor: Executor): Promise<boolean> {
  const [unitCount] = await executor.select({ value: count() }).from(units);
  const [userCount] = await executor.select({ value: count() }).from(users);
  return (unitCount?.value ?? 0) === 0 && (userCount?.value ?? 0) === 0;
}

export async function isDemoRegencyPresent(executor: Executor): Promise<boolean> {
  const [row] = await executor.select({ key: appSettings.key }).from(appSettings).where(eq(appSettings.key, DEMO_SETTING_KEY));
  return row !== undefined;
}

function summarize(regency: DemoRegency, accountCount: number): DemoSummary {
  const heldPositionIds = new Set(regency.assignments.filter((row) => row.endDate === null).map((row) => row.positionId));
  return {
    regency: REGENCY_NAME,
    opdCount: regency.units.filter((row) => row.kind === 'opd').length,
    unitCount: regency.units.length,
    positionCount: regency.positions.length,
    vacantPositionCount: regency.positions.filter((row) => !heldPositionIds.has(row.id)).length,
    employeeCount: regency.employees.length,
    pppkCount: regency.employees.filter((row) => row.jenisAsn === 'PPPK').length,
    actingAssignmentCount: regency.assignments.filter((row) => row.kind !== 'definitif').length,
    superiorOverrideCount: regency.overrides.length,
    accountCount,
  };
}

async function assertSeedable(executor: Executor) {
  const [unitCount] = await executor.select({ value: count() }).from(units);
  if ((unitCount?.value ?? 0) > 0) {
    throw conflict('Basis data sudah berisi data unit organisasi; data demo hanya dapat dimuat ke basis data yang kosong.');
  }
  const usernames = DEMO_ADMIN_USERS.map((account) => account.username);
  const taken = await executor.select({ username: users.username }).from(users).where(inArray(sql`lower(${users.username})`, usernames));
  if (taken.length > 0) {
    throw conflict(`Nama pengguna demo sudah dipakai: ${taken.map((row) => row.username).join(', ')}`);
  }
}

/**
 * Loads the fictional demo regency (about 30 OPD, 2,000 employees, an account for each) in one
 * transaction with bulk inserts: the org services validate single changes, and running 2,000 of
 * them would take minutes. The rows come from a deterministic generator whose NIPs are checked
 * with the domain validator. Refuses (CONFLICT) when organisation data already exists.
 */
export async function seedDemoRegency(db: Database, clock: Clock): Promise<DemoSummary> {
  // One argon2 hash shared by all demo accounts: 2,000 hashes would take minutes.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = clock.now();
  const regency = buildDemoRegency(dateInZone(now, 'Asia/Jakarta'));
  const stamped = <T extends object>(rows: T[]) => rows.map((row) => ({ ...row, createdAt: now, updatedAt: now }));

  const summary = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    await assertSeedable(tx);

    await insertInChunks(stamped(regency.units), (chunk) => tx.insert(units).values(chunk));
    await insertInChunks(stamped(regency.positions), (chunk) => tx.insert(positions).values(chunk));
    await insertInChunks(stamped(regency.employees), (chunk) => tx.insert(employees).values(chunk));
    await insertInChunks(stamped(regency.assignments), (chunk) => tx.insert(assignments).values(chunk));
    await insertInChunks(stamped(regency.overrides), (chunk) => tx.insert(superiorOverrides).values(chunk));

    const employeeUsers = regency.employees.map((employee) => ({
      employeeId: employee.id,
      displayName: formatFullName({ gelarDepan: employee.gelarDepan, name: employee.name, gelarBelakang: employee.gelarBelakang }),
      passwordHash,
      mustChangePassword: false,
      createdAt: now,
      updatedAt: now,
    }));
    await insertInChunks(employeeUsers, (chunk) => tx.insert(users).values(chunk));
    for (const admin of DEMO_ADMIN_USERS) {
      const [created] = await tx
        .insert(users)
        .values({ username: admin.username, displayName: admin.displayName, passwordHash, mustChangePassword: false, createdAt: now, updatedAt: now })
        .returning({ id: users.id });
      if (!created) throw new Error('insert returned nothing');
      await tx.insert(userRoles).values({ userId: created.id, role: admin.role, unitId: admin.unit ? regency.adminOpdUnitId : null, createdAt: now });
    }

    const summary = summarize(regency, employeeUsers.length + DEMO_ADMIN_USERS.length);
    await tx.insert(appSettings).values({ key: DEMO_SETTING_KEY, value: JSON.stringify({ seededAt: now.toISOString(), ...summary }), updatedAt: now });
    await recordAudit(tx, systemContext('seed-demo', clock, await findRegionZone(tx)), { action: 'seed-demo', entityType: 'demo', entityId: null, after: summary });
    return summary;
  });
  // The activity catalogue of the demo positions (idempotent, its own transaction).
  await seedDemoActivityCatalogue(db, clock);
  // The kepala daerah as the Sekda's SKP assessor (idempotent, its own transaction).
  await seedDemoSkpAssessors(db, clock);
  // Pay data (some CPNS, salaries by golongan), the Monday apel and its cut (idempotent, its own transaction).
  await seedDemoTppInputs(db, clock);
  return summary;
}
