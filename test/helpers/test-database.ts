import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type DatabaseHandle } from '../../src/server/db/client';

/**
 * A fresh, migrated database for one test file. With TEST_DATABASE_URL set (CI does), a new
 * PostgreSQL database is created next to it and dropped afterwards; otherwise in-memory PGlite.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const handle = await openPglite(null);
    await handle.migrate();
    return handle;
  }
  const name = `ekinerja_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template template0 encoding 'UTF8'`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), 5);
  await handle.migrate();
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await dropDatabase(adminUrl, name);
    },
  };
}

/**
 * Drops a test database. An autovacuum worker may still be on it, which an unprivileged role may
 * not terminate: retry briefly, then leave it to the CI script's final clean-up rather than fail a
 * test over its teardown.
 */
async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const dropper = new pg.Client({ connectionString: adminUrl });
    await dropper.connect();
    try {
      await dropper.query(`drop database if exists ${name} with (force)`);
      return;
    } catch (error) {
      if (attempt >= 10) {
        console.warn(`test database ${name} not dropped: ${(error as Error).message}`);
        return;
      }
    } finally {
      await dropper.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
