/**
 * Benchmarks of the foundation (part of `npm run bench`, see run.ts), each printed next to a baseline measured in the same run:
 *  1. authenticated employee search over HTTP (session lookup, role/scope resolution, validation,
 *     query, serialisation) vs the bare SQL query of the same page through Drizzle;
 *  2. login (argon2id verification + session write) vs bare argon2id verification.
 * Database: BENCH_DATABASE_URL (an empty PostgreSQL database, e.g. created by .ci/run) or PGlite in memory.
 */
import { performance } from 'node:perf_hooks';
import { and, ilike, or } from 'drizzle-orm';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openPglite, openPostgres } from '../src/server/db/client';
import { employees } from '../src/server/db/schema';
import { DEMO_PASSWORD } from '../src/server/modules/demo/demo-accounts';
import { seedDemoRegency } from '../src/server/modules/demo/seed-demo-regency';
import { systemClock } from '../src/server/platform/clock';
import { hashPassword, verifyPassword } from '../src/server/platform/passwords';

const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 8) * 1000;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const FRAGMENTS = ['sit', 'ahm', 'put', 'dew', 'ria', 'and', 'nur', 'wat', 'har', 'sul', 'eka', 'yan'];

interface Result {
  count: number;
  seconds: number;
  latenciesMs: number[];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function runLoad(concurrency: number, durationMs: number, task: (i: number) => Promise<void>): Promise<Result> {
  const latenciesMs: number[] = [];
  const start = performance.now();
  let issued = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() - start < durationMs) {
        const t0 = performance.now();
        await task(issued++);
        latenciesMs.push(performance.now() - t0);
      }
    }),
  );
  return { count: latenciesMs.length, seconds: (performance.now() - start) / 1000, latenciesMs: latenciesMs.sort((a, b) => a - b) };
}

function describe(label: string, result: Result) {
  const rate = result.count / result.seconds;
  console.log(
    `${label.padEnd(46)} ${rate.toFixed(0).padStart(7)} /s   p50 ${percentile(result.latenciesMs, 50).toFixed(1).padStart(6)} ms   p99 ${percentile(result.latenciesMs, 99).toFixed(1).padStart(6)} ms   (n=${result.count})`,
  );
  return rate;
}

export async function runFoundationBench(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL;
  const handle = url ? await openPostgres(url, 10) : await openPglite(null);
  await handle.migrate();
  console.log(`database: ${handle.kind}; concurrency ${CONCURRENCY}; ${DURATION_MS / 1000} s per scenario`);
  const seedStart = performance.now();
  const summary = await seedDemoRegency(handle.db, systemClock);
  console.log(`seed demo regency: ${((performance.now() - seedStart) / 1000).toFixed(1)} s (${JSON.stringify(summary)})`);

  const config = loadConfig({ LOG_LEVEL: 'silent', LOGIN_MAX_FAILURES: '1000' });
  const app = await buildApp({ db: handle.db, databaseKind: handle.kind, clock: systemClock, config });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const base = `http://127.0.0.1:${address.port}`;

  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin.bkpsdm', password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

  console.log('\n1. employee search, 25 per page');
  const raw = await runLoad(CONCURRENCY, DURATION_MS, async (i) => {
    const pattern = `%${FRAGMENTS[i % FRAGMENTS.length]}%`;
    await handle.db
      .select()
      .from(employees)
      .where(and(or(ilike(employees.name, pattern), ilike(employees.nip, pattern))))
      .orderBy(employees.name)
      .limit(25);
  });
  const rawRate = describe('baseline: bare SQL through Drizzle', raw);
  const api = await runLoad(CONCURRENCY, DURATION_MS, async (i) => {
    const response = await fetch(`${base}/api/employees?q=${FRAGMENTS[i % FRAGMENTS.length]}&pageSize=25`, { headers: { cookie } });
    if (!response.ok) throw new Error(`search failed: ${response.status}`);
    await response.arrayBuffer();
  });
  const apiRate = describe('GET /api/employees?q= (HTTP, authenticated)', api);
  console.log(`ratio API / bare SQL: ${(apiRate / rawRate).toFixed(2)}`);

  console.log('\n2. login');
  const hash = await hashPassword(DEMO_PASSWORD);
  const argon = await runLoad(2, DURATION_MS / 2, async () => {
    await verifyPassword(hash, DEMO_PASSWORD);
  });
  const argonRate = describe('baseline: argon2id verify', argon);
  const logins = await runLoad(2, DURATION_MS / 2, async () => {
    const response = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'admin.bkpsdm', password: DEMO_PASSWORD }),
    });
    if (!response.ok) throw new Error(`login failed: ${response.status}`);
    await response.arrayBuffer();
  });
  const loginRate = describe('POST /api/auth/login', logins);
  console.log(`ratio login / argon2 verify: ${(loginRate / argonRate).toFixed(2)}`);

  await app.close();
  await handle.close();
}

