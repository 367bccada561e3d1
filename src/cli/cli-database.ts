import { seedTppReferenceData } from '../server/modules/tpp/rule-sets/seed-tpp-reference-data';
import { seedActivityReferenceData } from '../server/modules/activities/reference-data/seed-activity-reference-data';
import { seedAttendanceReferenceData } from '../server/modules/attendance/reference-data/seed-attendance-reference-data';
import { systemClock } from '../server/platform/clock';
import { loadConfig, type AppConfig } from '../server/config';
import { openDatabase, type DatabaseHandle } from '../server/db/client';

/**
 * Opens the database the server would use (same configuration) and applies pending migrations,
 * runs `work`, and always closes it again, which releases the data-dir lock of the embedded
 * database. A server holding the lock makes `openDatabase` throw DataDirLockedError.
 */
export async function withDatabase<T>(work: (handle: DatabaseHandle, config: AppConfig) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const handle = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    await handle.migrate();
    // Same start-up as the server: reference data every installation needs (idempotent).
    await seedAttendanceReferenceData(handle.db, systemClock);
    await seedActivityReferenceData(handle.db, systemClock);
    await seedTppReferenceData(handle.db, systemClock);
    return await work(handle, config);
  } finally {
    await handle.close();
  }
}

export const describeTarget = (handle: DatabaseHandle, config: AppConfig) =>
  handle.kind === 'pglite' ? `PGlite di ${config.DATA_DIR}` : 'PostgreSQL (DATABASE_URL)';
