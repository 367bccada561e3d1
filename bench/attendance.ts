/**
 * Attendance benchmarks (issue 3), each printed next to a baseline measured in the same run:
 *  1. ingesting N punches through ADMS uploads over HTTP and through importPunchFile (csv), each
 *     into an emptied punches table, vs a raw COPY of the same rows into the same table (and a
 *     single bulk INSERT … unnest through node-postgres); target ≥ 25 % of COPY;
 *  2. rebuildDailyAttendance for E employees over a month of 22 working days vs one SQL
 *     first/last punch aggregate over the same punches; target ≤ 3× that query.
 * Sizes (env): BENCH_EMPLOYEES, BENCH_PUNCHES, BENCH_DEVICES, BENCH_BODY_LINES, BENCH_FILE_ROWS,
 * BENCH_HOOK_SECONDS; defaults 10,000 / 1,000,000 on PostgreSQL, 1,000 / 100,000 on PGlite.
 * BENCH_ATTENDANCE_PARTS=ingestion,derivation (default both) runs a part alone; BENCH_DERIVE_RUNS
 * (default 1) repeats the rebuild into an emptied table, each run next to a fresh aggregate;
 * BENCH_DERIVE_PHASES=1 also times the rebuild's steps one by one (bench/attendance-phases.ts).
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { createInstantConverter } from '../src/domain/attendance/punch-time';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { queryRows, type Database } from '../src/server/db/client';
import { registerAdmsRoutes } from '../src/server/modules/attendance/adms/adms.routes';
import { rebuildDailyAttendance } from '../src/server/modules/attendance/daily/rebuild-daily-attendance';
import { importPunchFile, readPunchFile } from '../src/server/modules/attendance/punches';
import { MAX_IMPORT_ROWS } from '../src/server/modules/org/import/parse-sheet';
import { systemContext } from '../src/server/platform/actor';
import { fixedClock } from '../src/server/platform/clock';
import { BENCH_ZONE, buildAttlogBodies, buildPunchCsvFiles, devicePunches, listWeekdays, punchesOnDays, weekdaysBetween, type PunchRow } from './attendance-data';
import { fingerprintDailyAttendance } from './attendance-fingerprint';
import { profileDerivationPhases } from './attendance-phases';
import { seedBenchOrganisation, type BenchOrganisation } from './attendance-seed';
import { openBenchDatabase, type BenchDatabase } from './bench-database';
import { copyPunches, insertPunchesUnnest } from './raw-punch-load';
import { sampleCpu, type CpuSample } from './cpu-usage';

const isPostgres = Boolean(process.env.BENCH_DATABASE_URL);
const readSize = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
};
const EMPLOYEES = readSize('BENCH_EMPLOYEES', isPostgres ? 10_000 : 1_000);
const PUNCHES = readSize('BENCH_PUNCHES', isPostgres ? 1_000_000 : 100_000);
const DEVICES = readSize('BENCH_DEVICES', 10);
const BODY_LINES = readSize('BENCH_BODY_LINES', 1_000);
const FILE_ROWS = Math.min(readSize('BENCH_FILE_ROWS', MAX_IMPORT_ROWS), MAX_IMPORT_ROWS);
const HOOK_SECONDS = readSize('BENCH_HOOK_SECONDS', 15);
const DERIVE_RUNS = readSize('BENCH_DERIVE_RUNS', 1);
const PARTS = ['ingestion', 'derivation'] as const;
const selectedParts = (process.env.BENCH_ATTENDANCE_PARTS ?? PARTS.join(',')).split(',').map((part) => part.trim()).filter((part) => part !== '');
for (const part of selectedParts) {
  if (!(PARTS as readonly string[]).includes(part)) throw new Error(`BENCH_ATTENDANCE_PARTS: unknown part ${part} (known: ${PARTS.join(', ')})`);
}

/** The app clock: after every benchmark punch, so none is "in the future" and every day is over. */
const NOW = new Date('2026-11-20T00:00:00Z');
const INGEST_FROM = '2026-01-05';
/** October 2026: 22 working days (no holiday) under the Perpres 21/2023 schedule. */
const DERIVE_FROM = '2026-10-01';
const DERIVE_TO = '2026-10-31';

const seconds = (start: number) => (performance.now() - start) / 1000;
const rate = (count: number, secs: number) => count / secs;
const formatCount = (value: number) => Math.round(value).toLocaleString('en-US');

function report(label: string, count: number, secs: number) {
  console.log(`${label.padEnd(58)} ${formatCount(count).padStart(10)} in ${secs.toFixed(2).padStart(7)} s = ${formatCount(rate(count, secs)).padStart(8)} punches/s`);
  return rate(count, secs);
}

async function resetPunches(db: Database) {
  await db.execute(sql`truncate punches, device_raw_messages, daily_attendance restart identity`);
}

/** Every row must be stored once and counted (mapped PIN, plausible time): a fast wrong path is no result. */
async function assertStored(db: Database, expected: number, label: string) {
  const [row] = await queryRows<{ total: number; counted: number }>(
    db,
    sql`select count(*)::int as total, (count(*) filter (where review_status = 'ok'))::int as counted from punches`,
  );
  if (row?.total !== expected || row.counted !== expected) {
    throw new Error(`${label}: expected ${expected} counted punches, found ${row?.total} stored / ${row?.counted} counted`);
  }
}

interface DeviceUploads {
  serialNumber: string;
  bodies: Uint8Array<ArrayBuffer>[];
}

/** Every device uploads its bodies one after another, all devices at once; stops early past `deadline`. */
async function uploadAttlogs(base: string, uploads: DeviceUploads[], deadline: number | null): Promise<{ accepted: number; bodies: number }> {
  let accepted = 0;
  let bodies = 0;
  await Promise.all(
    uploads.map(async (device) => {
      for (const [index, body] of device.bodies.entries()) {
        if (deadline !== null && performance.now() > deadline) return;
        const response = await fetch(`${base}/iclock/cdata?SN=${device.serialNumber}&table=ATTLOG&Stamp=${index + 1}`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body,
        });
        const text = await response.text();
        const match = /^OK:(\d+)$/.exec(text);
        if (!response.ok || !match) throw new Error(`upload ${device.serialNumber}#${index + 1}: ${response.status} ${text}`);
        accepted += Number(match[1]);
        bodies++;
      }
    }),
  );
  return { accepted, bodies };
}

interface Listenable {
  listen(options: { port: number; host: string }): Promise<string>;
  close(): Promise<unknown>;
}

/** Runs `work` against the app listening on a free local port; the app is closed whatever happens. */
async function whileListening<T>(app: Listenable, work: (base: string) => Promise<T>): Promise<T> {
  try {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    return await work(address.replace('[::1]', '127.0.0.1'));
  } finally {
    await app.close();
  }
}

/** The punches of the ingestion benchmark: PUNCHES spread evenly over the devices, each in log order. */
function buildIngestionRows(org: BenchOrganisation): PunchRow[][] {
  const perDevice = org.devices.map((device, index) => Math.floor(PUNCHES / org.devices.length) + (index < PUNCHES % org.devices.length ? 1 : 0));
  const smallest = Math.min(...org.devices.map((device) => device.employeeIds.length));
  const lastDay = listWeekdays(INGEST_FROM, Math.ceil(Math.max(...perDevice) / (2 * smallest))).at(-1) ?? INGEST_FROM;
  if (lastDay >= NOW.toISOString().slice(0, 10)) throw new Error(`BENCH_PUNCHES too large for BENCH_EMPLOYEES: punches would run to ${lastDay}`);
  return org.devices.map((device, index) => devicePunches(device, index, INGEST_FROM, perDevice[index] ?? 0));
}

async function benchIngestion(bench: BenchDatabase, org: BenchOrganisation) {
  const { db } = bench;
  const clock = fixedClock(NOW);
  const generated = performance.now();
  const byDevice = buildIngestionRows(org);
  const rows = byDevice.flat();
  const uploads = byDevice.map((deviceRows, index) => ({ serialNumber: org.devices[index]?.serialNumber ?? '', bodies: buildAttlogBodies(deviceRows, BODY_LINES) }));
  const files = byDevice.flatMap((deviceRows) => buildPunchCsvFiles(deviceRows, FILE_ROWS));
  const bodyCount = uploads.reduce((sum, device) => sum + device.bodies.length, 0);
  console.log(
    `\n1. ingest ${formatCount(rows.length)} punches (${org.devices.length} devices, ${formatCount(org.employeeCount)} employees, ${INGEST_FROM} … ${rows.at(-1)?.localTime.slice(0, 10)}); data generated in ${seconds(generated).toFixed(1)} s`,
  );

  await resetPunches(db);
  const copySeconds = await copyPunches(bench, rows, NOW);
  let copyRate: number | null = null;
  if (copySeconds === null) console.log('baseline: COPY skipped (psql is not on the PATH)');
  else {
    await assertStored(db, rows.length, 'COPY');
    copyRate = report(`baseline: COPY punches FROM ${bench.kind === 'pglite' ? "'/dev/blob'" : 'STDIN (psql \\copy)'}`, rows.length, copySeconds);
  }

  await resetPunches(db);
  const unnestSeconds = await insertPunchesUnnest(db, rows, NOW);
  await assertStored(db, rows.length, 'INSERT unnest');
  const unnestRate = report(`baseline: one INSERT … SELECT FROM unnest(…) (${bench.kind === 'pglite' ? 'PGlite' : 'node-postgres'})`, rows.length, unnestSeconds);
  const reference = copyRate ?? unnestRate;
  const referenceName = copyRate === null ? 'bulk INSERT' : 'COPY';
  const versus = (value: number) => `${((100 * value) / reference).toFixed(1)} % of ${referenceName}${copyRate === null ? '' : `, ${((100 * value) / unnestRate).toFixed(1)} % of bulk INSERT`}`;

  // The ADMS routes alone (what registerAttendanceDeviceRoutes mounts, without the recompute hook).
  await resetPunches(db);
  const admsApp = Fastify({ logger: false });
  registerAdmsRoutes(admsApp, { db, clock });
  const admsStart = performance.now();
  const adms = await whileListening(admsApp, (base) => uploadAttlogs(base, uploads, null));
  const admsSeconds = seconds(admsStart);
  await assertStored(db, rows.length, 'ADMS');
  const admsRate = report(`ADMS POST /iclock/cdata ATTLOG, ${BODY_LINES}-line bodies × ${formatCount(bodyCount)}, ${uploads.length} at once`, adms.accepted, admsSeconds);
  console.log(`  → ${versus(admsRate)} (target ≥ 25 %); ingestion only, no daily-attendance recompute`);

  await resetPunches(db);
  const ctx = systemContext('bench', clock, 'Asia/Jakarta');
  const parseStart = performance.now();
  const firstFile = files[0];
  if (firstFile) await readPunchFile(firstFile, null);
  const parseOneSeconds = seconds(parseStart);
  const importStart = performance.now();
  let imported = 0;
  for (const file of files) {
    const result = await importPunchFile(db, ctx, { buffer: file, serialNumber: null, dryRun: false });
    if (!result.isCommitted) throw new Error(`import refused: ${JSON.stringify(result.errors.slice(0, 3))}`);
    imported += result.inserted;
  }
  const importSeconds = seconds(importStart);
  await assertStored(db, rows.length, 'file import');
  const importRate = report(`importPunchFile csv, ${formatCount(files.length)} files of ≤ ${formatCount(FILE_ROWS)} rows, one after another`, imported, importSeconds);
  console.log(`  → ${versus(importRate)} (target ≥ 25 %); reading one file (csv parse + row checks) alone: ${parseOneSeconds.toFixed(2)} s`);

  // The whole app as deployed: every upload also recomputes the daily attendance it touches.
  await resetPunches(db);
  const app = await buildApp({ db, databaseKind: bench.kind, clock, config: loadConfig({ LOG_LEVEL: 'silent' }) });
  const hookStart = performance.now();
  const withHook = await whileListening(app, (base) => uploadAttlogs(base, uploads, hookStart + HOOK_SECONDS * 1000));
  const hookSeconds = seconds(hookStart);
  await assertStored(db, withHook.accepted, 'ADMS through buildApp');
  const [daily] = await queryRows<{ total: number }>(db, sql`select count(*)::int as total from daily_attendance`);
  const hookRate = report(`ADMS through buildApp (recompute hook), uploads begun in ${HOOK_SECONDS} s`, withHook.accepted, hookSeconds);
  console.log(`  → ${versus(hookRate)}; ${formatCount(withHook.bodies)} of ${formatCount(bodyCount)} bodies, ${formatCount(daily?.total ?? 0)} daily rows written`);
}

/** [from, to] cut at month ends: the rebuild is run a month at a time. */
function monthChunks(from: string, to: string): { from: string; to: string }[] {
  const chunks: { from: string; to: string }[] = [];
  for (let start = from; start <= to; ) {
    const [year = 0, month = 0] = start.split('-').map(Number);
    const monthEnd = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    const end = monthEnd < to ? monthEnd : to;
    chunks.push({ from: start, to: end });
    start = new Date(Date.parse(`${end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  }
  return chunks;
}

async function benchDerivation(bench: BenchDatabase, org: BenchOrganisation) {
  const { db } = bench;
  const days = weekdaysBetween(DERIVE_FROM, DERIVE_TO);
  await resetPunches(db);
  const rows = punchesOnDays(org.devices, days);
  await insertPunchesUnnest(db, rows, NOW, 100_000);
  await db.execute(sql`analyze punches`);
  console.log(
    `\n2. daily attendance: ${formatCount(org.employeeCount)} employees × ${days.length} working days (${DERIVE_FROM} … ${DERIVE_TO}), ${formatCount(rows.length)} punches`,
  );

  const toInstant = createInstantConverter(BENCH_ZONE);
  const rangeStart = toInstant(`${DERIVE_FROM} 00:00:00`).toISOString();
  const rangeEnd = new Date(toInstant(`${DERIVE_TO} 00:00:00`).getTime() + 86_400_000).toISOString();
  const aggregate = async () => {
    const start = performance.now();
    const result = await queryRows<{ employee_id: string }>(
      db,
      sql`select employee_id, (instant at time zone ${BENCH_ZONE})::date as day, min(instant) as first_in, max(instant) as last_out
          from punches
          where review_status = 'ok' and employee_id is not null and instant >= ${rangeStart}::timestamptz and instant < ${rangeEnd}::timestamptz
          group by employee_id, day`,
    );
    return { seconds: seconds(start), rows: result.length };
  };
  await aggregate();
  const firstBaseline = await aggregate();
  console.log(`${'baseline: one SQL min/max(instant) group by employee, day'.padEnd(58)} ${formatCount(firstBaseline.rows).padStart(10)} rows in ${firstBaseline.seconds.toFixed(2).padStart(7)} s`);

  const database = bench.kind === 'postgresql' ? new URL(bench.url).pathname.slice(1) : null;
  const noServer = () => Promise.resolve({ totalMs: 0, systemMs: 0 });
  const usedCpu = (before: CpuSample, after: CpuSample) => {
    const backends = before.backendsMs && after.backendsMs ? [...after.backendsMs].reduce((sum, [pid, ms]) => sum + ms - (before.backendsMs?.get(pid) ?? 0), 0) : null;
    return `CPU: this process ${((after.generatorMs - before.generatorMs) / 1000).toFixed(2)} s, PostgreSQL backends ${backends === null ? '?' : (backends / 1000).toFixed(2)} s`;
  };
  const rebuild = async () => {
    const cpuBefore = await sampleCpu(noServer, database);
    const start = performance.now();
    let written = 0;
    for (const chunk of monthChunks(DERIVE_FROM, DERIVE_TO)) {
      written += (await rebuildDailyAttendance(db, { unitId: org.rootUnitId, from: chunk.from, to: chunk.to, now: NOW })).rows;
    }
    const elapsed = seconds(start);
    return { seconds: elapsed, rows: written, cpu: usedCpu(cpuBefore, await sampleCpu(noServer, database)) };
  };
  const label = `rebuildDailyAttendance, whole bench unit, ${monthChunks(DERIVE_FROM, DERIVE_TO).length} month chunk(s)`;
  for (let attempt = 1; attempt <= DERIVE_RUNS; attempt++) {
    // Each run into an emptied table (the first derivation of a month), next to its own aggregate.
    if (attempt > 1) await db.execute(sql`truncate daily_attendance`);
    const baseline = attempt === 1 ? firstBaseline : await aggregate();
    if (attempt > 1) console.log(`${'baseline: one SQL min/max(instant) group by employee, day'.padEnd(58)} ${formatCount(baseline.rows).padStart(10)} rows in ${baseline.seconds.toFixed(2).padStart(7)} s`);
    const run = await rebuild();
    console.log(`${label.padEnd(58)} ${formatCount(run.rows).padStart(10)} rows in ${run.seconds.toFixed(2).padStart(7)} s`);
    console.log(`  → ${(run.seconds / baseline.seconds).toFixed(1)}× the SQL aggregate (target ≤ 3×); ${run.cpu}`);
  }
  if (process.env.BENCH_DERIVE_PHASES === '1') {
    await db.execute(sql`truncate daily_attendance`);
    const phases = await profileDerivationPhases(db, { unitId: org.rootUnitId, from: DERIVE_FROM, to: DERIVE_TO, now: NOW });
    console.log('  phases, one after another, into an empty table (rolled back):');
    for (const phase of phases) console.log(`    ${phase.name.padEnd(70)} ${phase.seconds.toFixed(2).padStart(7)} s`);
    await rebuild();
  }
  const again = await rebuild();
  console.log(`${'the same rebuild again (nothing changed, nothing written)'.padEnd(58)} ${formatCount(again.rows).padStart(10)} rows in ${again.seconds.toFixed(2).padStart(7)} s; ${again.cpu}`);
  const statuses = await queryRows<{ status: string; total: number }>(db, sql`select status, count(*)::int as total from daily_attendance group by status order by total desc`);
  console.log(`  statuses: ${statuses.map((row) => `${row.status} ${formatCount(row.total)}`).join(', ')}`);
  const fingerprint = await fingerprintDailyAttendance(db);
  console.log(`  stored: ${formatCount(fingerprint.workingDays)} working days (fingerprint ${fingerprint.md5}), ${formatCount(fingerprint.daysOff)} days off`);
}

export async function runAttendanceBench(): Promise<void> {
  const bench = await openBenchDatabase(DEVICES + 2);
  try {
    console.log(`database: ${bench.note}${isPostgres ? '' : ' (smaller default sizes; set BENCH_DATABASE_URL for the PostgreSQL figures)'}`);
    const seedStart = performance.now();
    const org = await seedBenchOrganisation(bench.db, fixedClock(NOW), { employees: EMPLOYEES, devices: DEVICES });
    console.log(`seed: ${formatCount(org.employeeCount)} employees, ${org.devices.length} devices with PIN mappings, reference schedules and holidays in ${seconds(seedStart).toFixed(1)} s`);
    if (selectedParts.includes('ingestion')) await benchIngestion(bench, org);
    if (selectedParts.includes('derivation')) await benchDerivation(bench, org);
  } finally {
    await bench.close();
  }
}
