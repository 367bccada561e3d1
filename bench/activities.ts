/**
 * Daily-activity benchmarks (issue 4), each printed next to a baseline measured in the same run:
 *  1. the month-end rush: many signed-in employees posting activity entries over HTTP (session,
 *     CSRF, validation, overlap/cap/deadline/leave/closed-month checks serialised per person by
 *     their write stamp, insert with its audit row) vs single-row INSERTs of the same rows into the
 *     same table at the same concurrency; target ≥ 40 % of raw;
 *  2. an open loop at a fixed rate (default 200 requests/s): p50/p99 under that arrival rate;
 *     target p99 < 100 ms;
 *  3. bulk approval of 10,000 submitted entries by their superior over HTTP (5 × 2,000), next to
 *     one SQL UPDATE of 10,000 other rows.
 * Database: BENCH_DATABASE_URL (a scratch database is created next to it) or PGlite in memory.
 * On PostgreSQL the app runs in a server process of its own (app-process.ts) and this process only
 * generates load, for the HTTP runs and the raw INSERTs alike; each phase also prints the CPU per
 * request of the server, PostgreSQL and the load generator, and how busy the machine was.
 * Sizes (env): BENCH_SECONDS (8), BENCH_CONCURRENCY (32), BENCH_RATE (200), BENCH_OPEN_SECONDS (10), BENCH_BULK (10000),
 * BENCH_APP_POOL (the server's connection pool, default 10 as in production). Diagnosis: BENCH_SERVER_PROF=<dir>
 * (CPU profile of the server), BENCH_SERVER_TRACE_GC=1 (the server's garbage collections on stderr).
 * Before each measured phase the machine's dirty pages are written out (`sync`), so that the
 * kernel's delayed writeback of the seed or of the previous loop does not land inside the phase.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { addDays, isoWeekday } from '../src/domain/attendance/calendar-zone';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { queryRows, type Database } from '../src/server/db/client';
import { activityCatalogueItems, activityCatalogueVersions, activityEntries, employees, users } from '../src/server/db/schema';
import { seedActivityReferenceData } from '../src/server/modules/activities/reference-data/seed-activity-reference-data';
import { seedAttendanceReferenceData } from '../src/server/modules/attendance/reference-data/seed-attendance-reference-data';
import { DEMO_PASSWORD } from '../src/server/modules/demo/demo-accounts';
import { seedDemoRegency } from '../src/server/modules/demo/seed-demo-regency';
import { findSubordinateIds } from '../src/server/modules/org/superiors.service';
import { fixedClock } from '../src/server/platform/clock';
import { startAppProcess, type ServerCpu } from './app-process';
import { openBenchDatabase, type BenchDatabase } from './bench-database';
import { describeCpu, sampleCpu, type CpuSample } from './cpu-usage';
import { createHttpClient, describeLoad, percentile, runClosedLoop, runOpenLoop, type LoadResult } from './http-load';

const readSize = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const DURATION_MS = readSize('BENCH_SECONDS', 8) * 1000;
const CONCURRENCY = readSize('BENCH_CONCURRENCY', 32);
const RATE = readSize('BENCH_RATE', 200);
const OPEN_SECONDS = readSize('BENCH_OPEN_SECONDS', 10);
const BULK = readSize('BENCH_BULK', 10_000);
const APP_POOL = readSize('BENCH_APP_POOL', 10);
const BULK_CHUNK = 2_000;
/** Friday 27 November 2026, 16:00 WIB: the month's entries are still open (deadline: day 5 of the next month). */
const NOW = new Date('2026-11-27T09:00:00Z');
const MONTH_FROM = '2026-11-02';
const MONTH_TO = '2026-11-27';
const SUPERIOR_NIP = '198109032008121001';
const SLOT_MINUTES = 30;
const SLOTS_PER_DAY = 14;

interface Poster {
  employeeId: string;
  unitId: string | null;
  userId: string;
  nip: string;
  cookie: string;
  csrfToken: string;
  next: number;
}

const workDays = (() => {
  const days: string[] = [];
  for (let day = MONTH_FROM; day <= MONTH_TO; day = addDays(day, 1)) if (isoWeekday(day) <= 5) days.push(day);
  return days;
})();

const wall = (minuteOfDay: number) => `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;

/** The k-th entry of one person: a free 30-minute slot, day by day, so no check refuses it. */
function slotOf(k: number) {
  const day = workDays[k % workDays.length];
  const slot = Math.floor(k / workDays.length);
  if (!day || slot >= SLOTS_PER_DAY) throw new Error('benchmark ran out of free slots: use fewer seconds or more employees');
  const start = 7 * 60 + 30 + slot * SLOT_MINUTES;
  return { workDate: day, startTime: wall(start), endTime: wall(start + SLOT_MINUTES) };
}

type HttpClient = ReturnType<typeof createHttpClient>;

async function login(client: HttpClient, nip: string): Promise<{ cookie: string; csrfToken: string }> {
  const response = await client.post('/api/auth/login', {}, { login: nip, password: DEMO_PASSWORD });
  if (response.status !== 200) throw new Error(`login ${nip} failed: ${response.status} ${response.body}`);
  const me = JSON.parse(response.body) as { csrfToken: string };
  return { cookie: (response.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '', csrfToken: me.csrfToken };
}

async function findGeneralActivity(db: Database) {
  const [row] = await db
    .select({ itemId: activityCatalogueItems.id, versionId: activityCatalogueVersions.id, name: activityCatalogueVersions.name, outputUnit: activityCatalogueVersions.outputUnit, standardMinutes: activityCatalogueVersions.standardMinutes })
    .from(activityCatalogueItems)
    .innerJoin(activityCatalogueVersions, and(eq(activityCatalogueVersions.itemId, activityCatalogueItems.id), eq(activityCatalogueVersions.version, activityCatalogueItems.currentVersion)))
    .where(eq(activityCatalogueItems.code, 'UMUM-001'));
  if (!row) throw new Error('the demo catalogue has no UMUM-001');
  return row;
}

/** The app under load: a server process of its own on PostgreSQL; in this process on PGlite (an in-memory database cannot be shared). */
interface BenchServer {
  base: string;
  /** The database the server works on (its backends' CPU is counted apart). */
  database: string | null;
  /** null: the server shares this process, so its CPU cannot be told apart. */
  readCpu: (() => Promise<ServerCpu>) | null;
  stop(): Promise<void>;
}

async function startServer(bench: BenchDatabase, clock: ReturnType<typeof fixedClock>): Promise<BenchServer & { note: string }> {
  if (bench.kind === 'postgresql') {
    const server = await startAppProcess({ databaseUrl: bench.url, poolSize: APP_POOL, now: NOW });
    return { base: server.base, database: new URL(bench.url).pathname.slice(1), readCpu: server.readCpu, stop: server.stop, note: `server process ${server.pid}, pool ${APP_POOL}` };
  }
  const app = await buildApp({ db: bench.db, databaseKind: bench.kind, clock, config: loadConfig({ LOG_LEVEL: 'silent', LOGIN_MAX_FAILURES: '1000' }) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return { base: `http://127.0.0.1:${address.port}`, database: null, readCpu: null, stop: () => app.close(), note: 'server in this process' };
}

/** Runs one load phase and prints its rate, latencies and (with a server process) where the CPU went. */
async function measure(server: BenchServer, label: string, run: () => Promise<LoadResult>): Promise<{ rate: number; result: LoadResult }> {
  // The writes of the previous step (the seed, a saturating loop) go to disk now, not as the
  // kernel's delayed writeback in the middle of this phase, where it stalls every commit's fsync.
  execFileSync('sync');
  const readServerCpu = server.readCpu;
  const before: CpuSample | null = readServerCpu ? await sampleCpu(readServerCpu, server.database) : null;
  const result = await run();
  const rate = describeLoad(label, result);
  if (readServerCpu && before) console.log(describeCpu(before, await sampleCpu(readServerCpu, server.database), result.count));
  return { rate, result };
}

export async function runActivitiesBench(): Promise<void> {
  const bench = await openBenchDatabase(CONCURRENCY + 4);
  const { db } = bench;
  const clock = fixedClock(NOW);
  console.log(`database: ${bench.note}; concurrency ${CONCURRENCY}; ${DURATION_MS / 1000} s closed loop; open loop ${RATE}/s for ${OPEN_SECONDS} s; bulk ${BULK}`);
  let server: BenchServer | null = null;
  try {
    await seedAttendanceReferenceData(db, clock);
    await seedActivityReferenceData(db, clock);
    await seedDemoRegency(db, clock);
    const activity = await findGeneralActivity(db);
    const claimed = Math.min(activity.standardMinutes, SLOT_MINUTES);

    const started = await startServer(bench, clock);
    server = started;
    const { base } = started;
    console.log(`app: ${started.note}; load from process ${process.pid}`);

    // Two disjoint groups of employees: one posts over HTTP, the other takes the raw inserts.
    const people = await db
      .select({ employeeId: employees.id, unitId: employees.unitId, nip: employees.nip, userId: users.id })
      .from(employees)
      .innerJoin(users, eq(users.employeeId, employees.id))
      .where(and(eq(employees.isActive, true), sql`${employees.nip} <> ${SUPERIOR_NIP}`))
      .orderBy(employees.nip)
      .limit(Math.max(400, CONCURRENCY * 8));
    const half = Math.floor(people.length / 2);
    const loginStart = performance.now();
    const posters: Poster[] = [];
    // One keep-alive connection per signed-in person at most, as a fleet of phones would open.
    const client = createHttpClient(base, half + 1);
    for (const person of people.slice(0, half)) posters.push({ ...person, ...(await login(client, person.nip)), next: 0 });
    console.log(`signed in ${posters.length} employees in ${((performance.now() - loginStart) / 1000).toFixed(1)} s`);
    const rawPeople = people.slice(half).map((person) => ({ ...person, next: 0 }));

    const post = async (poster: Poster) => {
      const response = await client.post(
        '/api/activities/entries',
        { cookie: poster.cookie, 'x-csrf-token': poster.csrfToken, 'idempotency-key': randomUUID() },
        { ...slotOf(poster.next++), catalogueItemId: activity.itemId, volume: 1, description: 'Menyusun draf surat dinas', submit: true },
      );
      if (response.status !== 201) throw new Error(`POST /api/activities/entries: ${response.status} ${response.body}`);
    };

    console.log('\n1. month-end rush: POST /api/activities/entries');
    const { rate: rawRate } = await measure(started, 'baseline: single-row INSERT of the same rows', () => runClosedLoop(CONCURRENCY, DURATION_MS, async (i) => {
      const person = rawPeople[i % rawPeople.length];
      if (!person) throw new Error('no employee');
      const slot = slotOf(person.next++);
      await db.insert(activityEntries).values({
        employeeId: person.employeeId,
        unitId: person.unitId,
        ...slot,
        catalogueVersionId: activity.versionId,
        isAdditionalTask: false,
        title: activity.name,
        volume: 1,
        outputUnit: activity.outputUnit,
        description: 'Menyusun draf surat dinas',
        standardMinutes: activity.standardMinutes,
        claimedMinutes: claimed,
        status: 'submitted',
        submittedAt: NOW,
        idempotencyKey: randomUUID(),
        createdByUserId: person.userId,
        createdAt: NOW,
        updatedAt: NOW,
      });
    }));
    // Each concurrent stream posts for its own people: the same person never waits for themself.
    const { rate: apiRate, result: apiResult } = await measure(started, 'POST /api/activities/entries (HTTP, authenticated)', () => runClosedLoop(CONCURRENCY, DURATION_MS, async (i) => {
      const poster = posters[i % posters.length];
      if (!poster) throw new Error('no poster');
      await post(poster);
    }));
    // Every answered POST stored its entry and its audit row (the posters had none before).
    const posterUserIds = sql`${`{${posters.map((poster) => poster.userId).join(',')}}`}::uuid[]`;
    const [written] = await queryRows<{ entries: number; audits: number }>(
      db,
      sql`select (select count(*) from activity_entries where created_by_user_id = any(${posterUserIds}))::int as entries,
            (select count(*) from audit_log where entity_type = 'activity_entry' and actor_user_id = any(${posterUserIds}))::int as audits`,
    );
    if (written?.entries !== apiResult.count || written.audits !== apiResult.count) {
      throw new Error(`${apiResult.count} POSTs answered 201 but ${written?.entries} entries and ${written?.audits} audit rows stored`);
    }
    console.log(`  stored: ${written.entries} entries and ${written.audits} audit rows for ${apiResult.count} answered POSTs`);
    console.log(`ratio API / raw INSERT: ${(apiRate / rawRate).toFixed(2)} (target ≥ 0.40)`);

    console.log(`\n2. open loop: ${RATE} requests/s for ${OPEN_SECONDS} s`);
    const { result: open } = await measure(started, `POST /api/activities/entries at ${RATE}/s`, () => runOpenLoop(RATE, Math.round(RATE * OPEN_SECONDS), async (i) => {
      const poster = posters[i % posters.length];
      if (!poster) throw new Error('no poster');
      await post(poster);
    }));
    console.log(`p99 at ${RATE}/s: ${percentile(open.latenciesMs, 99).toFixed(1)} ms (target < 100 ms)`);

    console.log(`\n3. bulk approval of ${BULK} entries`);
    const [superior] = await db.select({ id: employees.id }).from(employees).where(eq(employees.nip, SUPERIOR_NIP));
    if (!superior) throw new Error('demo superior missing');
    const subordinateIds = [...(await findSubordinateIds(db, superior.id, MONTH_TO)).keys()];
    if (subordinateIds.length === 0) throw new Error('demo superior has no subordinates');
    const subordinates = await db.select({ id: employees.id, unitId: employees.unitId }).from(employees).where(inArray(employees.id, subordinateIds));
    const makeRows = (count: number, offset: number) =>
      Array.from({ length: count }, (_, index) => {
        const n = index + offset;
        const person = subordinates[n % subordinates.length];
        if (!person) throw new Error('no subordinate');
        const k = Math.floor(n / subordinates.length);
        const day = workDays[k % workDays.length] ?? MONTH_FROM;
        const minute = Math.floor(k / workDays.length) % (16 * 60);
        return {
          employeeId: person.id,
          unitId: person.unitId,
          workDate: day,
          startTime: wall(6 * 60 + minute),
          endTime: wall(6 * 60 + minute + 1),
          catalogueVersionId: activity.versionId,
          isAdditionalTask: false,
          title: activity.name,
          volume: 1,
          outputUnit: activity.outputUnit,
          standardMinutes: activity.standardMinutes,
          claimedMinutes: 1,
          status: 'submitted',
          submittedAt: NOW,
          createdAt: NOW,
          updatedAt: NOW,
        };
      });
    const insertChunked = async (rows: ReturnType<typeof makeRows>) => {
      const ids: string[] = [];
      for (let i = 0; i < rows.length; i += 1_000) ids.push(...(await db.insert(activityEntries).values(rows.slice(i, i + 1_000)).returning({ id: activityEntries.id })).map((row) => row.id));
      return ids;
    };
    const toApprove = await insertChunked(makeRows(BULK, 0));
    const superiorSession = await login(client, SUPERIOR_NIP);
    const bulkStart = performance.now();
    for (let i = 0; i < toApprove.length; i += BULK_CHUNK) {
      const response = await client.post(
        '/api/activities/approvals/bulk',
        { cookie: superiorSession.cookie, 'x-csrf-token': superiorSession.csrfToken },
        { decision: 'approve', selection: { kind: 'entries', entryIds: toApprove.slice(i, i + BULK_CHUNK) } },
      );
      if (response.status !== 200) throw new Error(`bulk approval failed: ${response.status} ${response.body.slice(0, 500)}`);
    }
    const bulkSeconds = (performance.now() - bulkStart) / 1000;
    const [approved] = await db.select({ n: sql<number>`count(*)::int` }).from(activityEntries).where(and(inArray(activityEntries.id, toApprove.slice(0, 1)), eq(activityEntries.status, 'approved')));
    if ((approved?.n ?? 0) !== 1) throw new Error('bulk approval did not approve');
    const other = await insertChunked(makeRows(BULK, BULK));
    const sqlStart = performance.now();
    await db.execute(sql`update activity_entries set status = 'approved', approved_minutes = claimed_minutes, decided_at = now(), revision = revision + 1 where id = any(${`{${other.join(',')}}`}::uuid[])`);
    const sqlSeconds = (performance.now() - sqlStart) / 1000;
    console.log(`${`bulk approval over HTTP (${Math.ceil(BULK / BULK_CHUNK)} × ${BULK_CHUNK}, audited)`.padEnd(52)} ${bulkSeconds.toFixed(2).padStart(7)} s`);
    console.log(`${'baseline: one SQL UPDATE of as many rows'.padEnd(52)} ${sqlSeconds.toFixed(2).padStart(7)} s   (ratio ${(bulkSeconds / sqlSeconds).toFixed(1)}×)`);
    client.close();
  } finally {
    await server?.stop();
    await bench.close();
  }
}
