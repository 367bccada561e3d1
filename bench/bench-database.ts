import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { migrationsFolder, openPostgres, queryRows, type Database } from '../src/server/db/client';
import * as schema from '../src/server/db/schema';

export type BenchDatabase =
  | { kind: 'postgresql'; db: Database; url: string; note: string; close(): Promise<void> }
  | { kind: 'pglite'; db: Database; client: PGlite; note: string; close(): Promise<void> };

const INSUFFICIENT_PRIVILEGE = '42501';

async function runAdmin(url: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

const OBJECT_IN_USE = '55006';

/**
 * Drops the benchmark's scratch database. A plain DROP makes an autovacuum worker analysing the fresh
 * rows give way (WITH (FORCE) would refuse it: it is not our role's backend); FORCE only for a
 * session of our own still connected.
 */
async function dropScratchDatabase(baseUrl: string, name: string): Promise<void> {
  try {
    await runAdmin(baseUrl, `drop database if exists ${name}`);
  } catch (error) {
    if ((error as { code?: string }).code !== OBJECT_IN_USE) throw error;
    await runAdmin(baseUrl, `drop database if exists ${name} with (force)`);
  }
}

/**
 * A migrated database of its own for one benchmark. On PostgreSQL a fresh database is created
 * next to BENCH_DATABASE_URL (and dropped afterwards) so that benchmarks never see each other's
 * rows; without CREATEDB the given database is used, and it must hold no punches, raw device
 * messages or daily attendance yet (the benchmark truncates those tables). PGlite is
 * opened here rather than through openPglite because the COPY baseline needs its client.
 */
export async function openBenchDatabase(poolSize: number): Promise<BenchDatabase> {
  const baseUrl = process.env.BENCH_DATABASE_URL;
  if (!baseUrl) {
    const client = await PGlite.create();
    await migratePglite(drizzlePglite(client), { migrationsFolder });
    const db = drizzlePglite(client, { schema }) as unknown as Database;
    return { kind: 'pglite', db, client, note: 'PGlite in memory', close: () => client.close() };
  }
  const name = `ekinerja_bench_${randomBytes(5).toString('hex')}`;
  let url = baseUrl;
  let isFresh = false;
  try {
    await runAdmin(baseUrl, `create database ${name} template template0 encoding 'UTF8'`);
    const fresh = new URL(baseUrl);
    fresh.pathname = `/${name}`;
    url = fresh.toString();
    isFresh = true;
  } catch (error) {
    if ((error as { code?: string }).code !== INSUFFICIENT_PRIVILEGE) throw error;
  }
  const handle = await openPostgres(url, poolSize);
  await handle.migrate();
  if (!isFresh) {
    // The benchmark truncates these tables between scenarios: never in a database that has its own.
    const [row] = await queryRows<{ total: number }>(
      handle.db,
      sql`select (select count(*) from punches) + (select count(*) from device_raw_messages) + (select count(*) from daily_attendance) as total`,
    );
    if (Number(row?.total ?? 0) > 0) {
      await handle.close();
      throw new Error('BENCH_DATABASE_URL already holds punches or daily attendance and its role cannot create a scratch database: use an empty database');
    }
  }
  const version = await queryRows<{ server_version: string }>(handle.db, sql`show server_version`);
  return {
    kind: 'postgresql',
    db: handle.db,
    url,
    note: `PostgreSQL ${version[0]?.server_version ?? '?'}, ${isFresh ? `scratch database ${name} ${process.env.BENCH_KEEP_DATABASE === '1' ? '(kept: BENCH_KEEP_DATABASE)' : '(dropped afterwards)'}` : 'the BENCH_DATABASE_URL database itself (no CREATEDB)'}`,
    close: async () => {
      await handle.close();
      // BENCH_KEEP_DATABASE=1 leaves the scratch database for a look at its rows and plans afterwards.
      if (isFresh && process.env.BENCH_KEEP_DATABASE !== '1') await dropScratchDatabase(baseUrl, name);
    },
  };
}
