import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { addDays } from '../../domain/attendance/calendar-zone';
import { queryRows, type Database, type DatabaseKind } from '../db/client';
import { rebuildDailyAttendance, recomputeAffectedDays } from '../modules/attendance/daily/rebuild-daily-attendance';
import { pullRegisteredDevices } from '../modules/attendance/zk/pull-device';
import { dateInZone, type Clock } from '../platform/clock';

const ATTENDANCE_JOB_INTERVAL_MS = 15 * 60_000;
const FIRST_RUN_DELAY_MS = 60_000;
/** Distinct from the housekeeping and migration keys: one process rebuilds at a time. */
const REBUILD_LOCK_KEY = 7_231_003;

/**
 * Yesterday and today in every Indonesian zone (WIB … WIT): the days whose attendance may still
 * change without anyone touching it (a day becomes TK, or final, when it ends).
 */
export function openAttendanceDays(now: Date): { from: string; to: string } {
  return { from: addDays(dateInZone(now, 'Asia/Jakarta'), -1), to: dateInZone(now, 'Asia/Jayapura') };
}

/** Rebuilds the open days for everyone, unless another process is doing it (PostgreSQL advisory lock). */
export async function rebuildOpenDays(db: Database, clock: Clock) {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const [lock] = await queryRows<{ acquired: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${REBUILD_LOCK_KEY}) as acquired`);
    if (!lock?.acquired) return null;
    return rebuildDailyAttendance(tx, { ...openAttendanceDays(now), now });
  });
}

/**
 * Scheduled attendance work, every 15 minutes: pull registered port-4370 devices (their new
 * punches recompute the days they touch), then rebuild the open days so that people without any
 * punch appear as TK and finished days become final. `stop` waits for a run in flight.
 */
export function startAttendanceJobs(db: Database, databaseKind: DatabaseKind, clock: Clock, log: FastifyBaseLogger): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  let isStopped = false;
  const run = async () => {
    try {
      const pulled = await pullRegisteredDevices(db, clock, {
        databaseKind,
        onPunchesIngested: (affected) => recomputeAffectedDays(db, affected, clock.now()),
      });
      if (pulled?.length) log.info({ devices: pulled.length }, 'tarik data mesin 4370 selesai');
      const rebuilt = await rebuildOpenDays(db, clock);
      if (rebuilt) log.info({ rebuilt }, 'presensi harian diperbarui');
    } catch (error) {
      log.error({ err: error }, 'tugas presensi terjadwal gagal');
    }
  };
  const schedule = (delay: number) => {
    if (isStopped) return;
    timer = setTimeout(() => {
      running = run().finally(() => schedule(ATTENDANCE_JOB_INTERVAL_MS));
    }, delay);
    timer.unref();
  };
  schedule(FIRST_RUN_DELAY_MS);
  return {
    stop: async () => {
      isStopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
