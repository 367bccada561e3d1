import { seedActivityReferenceData } from './modules/activities/reference-data/seed-activity-reference-data';
import { lt, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { buildApp } from './app';
import { ConfigError, loadConfig, type AppConfig } from './config';
import { openDatabase, queryRows, type Database, type DatabaseHandle } from './db/client';
import { DataDirLockedError } from './db/data-dir-lock';
import { loginAttempts, sessions } from './db/schema';
import { formatDemoAccountsTable } from './modules/demo/demo-accounts';
import { startAttendanceJobs } from './jobs/attendance-jobs';
import { seedTppReferenceData } from './modules/tpp/rule-sets/seed-tpp-reference-data';
import { startTppJobs } from './modules/tpp/runs/tpp-jobs';
import { seedAttendanceReferenceData } from './modules/attendance/reference-data/seed-attendance-reference-data';
import { shouldSeedDemoOnStart } from './modules/demo/demo-seed-policy';
import { describeDemoHistory, seedDemoHistory } from './modules/demo/seed-demo-history';
import { describeDemoSkp, seedDemoSkp } from './modules/demo/seed-demo-skp';
import { computeDemoTppMonth } from './modules/demo/seed-demo-tpp-month';
import { isDatabaseEmpty, isDemoRegencyPresent, seedDemoRegency, type DemoSummary } from './modules/demo/seed-demo-regency';
import { systemClock, type Clock } from './platform/clock';
import { AppError } from './platform/errors';

/** sysexits.h codes, so that service managers can tell a bad configuration from a busy data directory. */
const EXIT_CONFIG = 78;
const EXIT_DATA_DIR_LOCKED = 75;
const HOUSEKEEPING_INTERVAL_MS = 10 * 60_000;
/** Only one process purges at a time when several app processes share one PostgreSQL. */
const HOUSEKEEPING_LOCK_KEY = 7_231_003;
const LOGIN_ATTEMPT_RETENTION_MS = 24 * 3_600_000;

function loggerOptions(config: AppConfig) {
  return {
    level: config.LOG_LEVEL,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.currentPassword',
        '*.newPassword',
        '*.passwordHash',
      ],
      censor: '[disembunyikan]',
    },
  };
}

/** Deletes expired sessions and day-old failed login attempts; skipped when another process holds the lock. */
async function runHousekeeping(db: Database, clock: Clock) {
  return db.transaction(async (tx) => {
    const [lock] = await queryRows<{ acquired: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${HOUSEKEEPING_LOCK_KEY}) as acquired`);
    if (!lock?.acquired) return null;
    const now = clock.now();
    const expiredSessions = await tx.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ tokenHash: sessions.tokenHash });
    const oldAttempts = await tx
      .delete(loginAttempts)
      .where(lt(loginAttempts.at, new Date(now.getTime() - LOGIN_ATTEMPT_RETENTION_MS)))
      .returning({ id: loginAttempts.id });
    return { sessions: expiredSessions.length, loginAttempts: oldAttempts.length };
  });
}

/**
 * Runs housekeeping now (awaited, so a restarted server starts clean) and every ten minutes.
 * `stop` waits for a run in flight, so the database is never closed under it.
 */
async function startHousekeeping(db: Database, clock: Clock, log: FastifyBaseLogger): Promise<{ stop(): Promise<void> }> {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = runHousekeeping(db, clock).then(
      (purged) => purged && log.info({ purged }, 'housekeeping selesai'),
      (error: unknown) => log.error({ err: error }, 'housekeeping gagal'),
    );
    return running;
  };
  await run();
  const timer = setInterval(() => void run(), HOUSEKEEPING_INTERVAL_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

async function seedDemoIfWanted(handle: DatabaseHandle, config: AppConfig): Promise<void> {
  const isEmpty = await isDatabaseEmpty(handle.db);
  if (!shouldSeedDemoOnStart({ kind: handle.kind, seedDemo: config.SEED_DEMO, isDatabaseEmpty: isEmpty })) return;
  console.log('Basis data kosong: memuat data demo Pemerintah Kabupaten Contoh …');
  const startedAt = performance.now();
  let summary: DemoSummary;
  try {
    summary = await seedDemoRegency(handle.db, systemClock);
  } catch (error) {
    // Several processes starting on one empty PostgreSQL (SEED_DEMO=true): one seeds, the others go on.
    if (error instanceof AppError && error.code === 'CONFLICT') {
      console.log(`Data demo tidak dimuat: ${error.message}`);
      return;
    }
    throw error;
  }
  console.log(
    `Data demo dimuat dalam ${((performance.now() - startedAt) / 1000).toFixed(1)} detik: ` +
      `${summary.opdCount} OPD, ${summary.unitCount} unit, ${summary.positionCount} jabatan, ${summary.employeeCount} pegawai.`,
  );
  if (config.SEED_DEMO_HISTORY !== 'true') return;
  console.log('Membuat riwayat demo: presensi, cuti dan aktivitas harian sejak awal bulan lalu, SKP tahun ini …');
  // Each part of the demo's past is optional: the regency is usable without it (and a failed part
  // keeps nothing), so an error is printed and the start goes on.
  await runDemoStep('Riwayat demo tidak dibuat:', () => seedDemoHistory(handle.db, systemClock), (history, seconds) => `Riwayat demo dibuat dalam ${seconds} detik: ${describeDemoHistory(history)}.`);
  await runDemoStep('SKP demo tidak dibuat:', () => seedDemoSkp(handle.db, systemClock), (skp, seconds) => `SKP demo dibuat dalam ${seconds} detik: ${describeDemoSkp(skp)}.`);
  await runDemoStep(
    'TPP demo tidak dihitung:',
    () => computeDemoTppMonth(handle.db, systemClock),
    (run, seconds) => `TPP demo bulan ${run.period} dihitung dalam ${seconds} detik: ${run.progressDone} pegawai (bulan belum ditutup).`,
  );
}

/** Runs one optional part of the demo, printing what it made and how long it took, or why it failed. */
async function runDemoStep<T>(failure: string, step: () => Promise<T | null>, describe: (made: T, seconds: string) => string): Promise<void> {
  const startedAt = performance.now();
  try {
    const made = await step();
    if (made) console.log(describe(made, ((performance.now() - startedAt) / 1000).toFixed(1)));
  } catch (error) {
    console.error(failure, error);
  }
}

function publicUrl(config: AppConfig, port: number): string {
  const isWildcardOrLocal = ['0.0.0.0', '::', '127.0.0.1', '::1', 'localhost'].includes(config.HOST);
  const host = isWildcardOrLocal ? 'localhost' : config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  return `http://${host}:${port}`;
}

async function openOrExit(config: AppConfig): Promise<DatabaseHandle> {
  try {
    return await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(EXIT_DATA_DIR_LOCKED);
    }
    throw error;
  }
}

async function main() {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(EXIT_CONFIG);
    }
    throw error;
  }

  const handle = await openOrExit(config);
  try {
    await handle.migrate();
    // Reference data every installation needs (default schedule, rule set, national holidays): idempotent.
    await seedAttendanceReferenceData(handle.db, systemClock);
    await seedActivityReferenceData(handle.db, systemClock);
    await seedTppReferenceData(handle.db, systemClock);
    await seedDemoIfWanted(handle, config);
    const app = await buildApp({ db: handle.db, databaseKind: handle.kind, clock: systemClock, config, logger: loggerOptions(config) });
    const housekeeping = await startHousekeeping(handle.db, systemClock, app.log);
    const attendanceJobs = startAttendanceJobs(handle.db, handle.kind, systemClock, app.log);
    const tppJobs = startTppJobs(handle.db, systemClock, app.log);
    await app.listen({ host: config.HOST, port: config.PORT });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;

    console.log(`\ne-Kinerja berjalan di ${publicUrl(config, port)}`);
    console.log(`Basis data: ${handle.kind === 'pglite' ? `PGlite (tertanam) di ${config.DATA_DIR}` : 'PostgreSQL (DATABASE_URL)'}`);
    if (await isDemoRegencyPresent(handle.db)) {
      console.log(`\nAkun demo (kata sandi awal):\n${formatDemoAccountsTable()}\n`);
    }

    let isStopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (isStopping) return;
      isStopping = true;
      console.log(`Menerima ${signal}: menghentikan e-Kinerja …`);
      // Finish requests and housekeeping in flight, then close the database, which releases the data-dir lock.
      app
        .close()
        .then(() => Promise.all([housekeeping.stop(), attendanceJobs.stop(), tppJobs.stop()]))
        .then(() => handle.close())
        .then(
          () => process.exit(0),
          (error: unknown) => {
            console.error('Gagal berhenti dengan rapi:', error);
            process.exit(1);
          },
        );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error('e-Kinerja gagal dijalankan:', error);
  process.exit(1);
});
