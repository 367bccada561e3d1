import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction or the database itself: repositories accept either. */
export type Executor = Database | Parameters<Parameters<Database['transaction']>[0]>[0];
export type DatabaseKind = 'pglite' | 'postgresql';

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle');

/** Serialises migrations when several app processes start at once on one PostgreSQL. */
const MIGRATION_LOCK_KEY = 7_231_001;

/**
 * The pool keeps its connections once opened (`idleTimeoutMillis: 0`; node-postgres closes them
 * after 10 s unused by default). A closed connection reopened under the next burst costs a backend
 * start and the statements prepared on it planned again, and connections idled out together after a
 * burst briefly took both cores of the benchmark machine, stalling every request (ADR 0012, third
 * amendment). At most `poolSize` connections per process either way.
 */
export async function openPostgres(databaseUrl: string, poolSize = 10): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, idleTimeoutMillis: 0 });
  pool.on('error', () => {
    // idle client errors are reported per query; keep the process alive
  });
  const db = drizzleNodePg(pool, { schema }) as unknown as Database;
  return {
    db,
    kind: 'postgresql',
    migrate: async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migrateNodePg(drizzleNodePg(client), { migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
        await client.end();
      }
    },
    close: () => pool.end(),
  };
}

/** Embedded PostgreSQL (PGlite). `dataDir` null = in memory (tests). */
export async function openPglite(dataDir: string | null): Promise<DatabaseHandle> {
  let lock: DataDirLock | null = null;
  if (dataDir) lock = await acquireDataDirLock(path.resolve(dataDir));
  try {
    const client = dataDir ? await PGlite.create(path.resolve(dataDir, 'pgdata')) : await PGlite.create();
    const db = drizzlePglite(client, { schema }) as unknown as Database;
    return {
      db,
      kind: 'pglite',
      migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
      close: async () => {
        await client.close();
        await lock?.release();
      },
    };
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

export async function openDatabase(options: { databaseUrl?: string | undefined; dataDir: string }): Promise<DatabaseHandle> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}

export async function pingDatabase(db: Database): Promise<void> {
  await db.execute(sql`select 1`);
}

/** The driver's client under a drizzle database or transaction (pg Pool or Client, PGlite or its transaction). */
export function driverClient(executor: Executor): unknown {
  const session: unknown = Reflect.get(executor, 'session');
  return typeof session === 'object' && session !== null ? Reflect.get(session, 'client') : null;
}

/**
 * Whether the database is a single connection (PGlite): a transaction open on it holds every other
 * query back until it ends, so work that runs beside a transaction must not wait for the database.
 */
export const isSingleConnection = (db: Database): boolean => driverClient(db) instanceof PGlite;

/** Raw SQL rows; both drivers (node-postgres and PGlite) return `{ rows }`. */
export async function queryRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
