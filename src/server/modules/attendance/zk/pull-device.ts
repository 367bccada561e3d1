/**
 * Pulls the attendance log of a device over port 4370 and ingests it: the log is read whole
 * (nothing is stored from a broken transfer), stored raw, then ingested idempotently, so pulling
 * the same device again adds nothing. The device's log is never cleared.
 */
import { eq, sql } from 'drizzle-orm';
import { localTimeToInstant, isValidLocalTime } from '../../../../domain/attendance/punch-time';
import { queryRows, type Database, type DatabaseKind, type Executor } from '../../../db/client';
import { devices } from '../../../db/schema';
import type { Clock } from '../../../platform/clock';
import { ingestPunchRecords } from '../punches/ingest-punch-records';
import { notifyPunchesIngested, type AffectedDay, type OnPunchesIngested } from '../punches/punch-hooks';
import { describeRejected } from '../punches/process-attlog-message';
import { markRawMessage, storeRawMessage } from '../punches/raw-messages.repository';
import { readDeviceLog, type DeviceLogRead } from './zk-client';
import { parseCommKey } from './zk-comm-key';
import { describeZkQuery, toPunchRecords, ZK_RAW_KIND } from './zk-punch-records';
import type { TransportKind } from './zk-transport';

export const DEFAULT_ZK_PORT = 4370;
export const DEFAULT_ZK_TIMEOUT_MS = 10_000;
/** Advisory lock key of the scheduled pull: one process pulls at a time. */
const PULL_LOCK_KEY = 7_231_043;

export interface PullDeviceInput {
  host: string;
  port: number;
  commKey: number | null;
  timeoutMs: number;
  /** Server time of the pull: receipt time of the punches and the reference for clock skew. */
  now: Date;
  transport?: TransportKind | 'auto';
}

export interface PullDeviceResult {
  serialNumber: string;
  /** The device clock when read, its own wall clock. */
  deviceTime: string;
  /** Device clock minus server time in seconds, when the serial is registered (its zone is known). */
  clockSkewSeconds: number | null;
  isRegistered: boolean;
  transport: TransportKind;
  rawMessageId: number | null;
  records: number;
  rejected: number;
  inserted: number;
  duplicates: number;
  held: number;
}

/**
 * Stores a log read from a device and ingests it; the caller notifies `affected` after its own
 * commit. The raw log is written first, outside the ingestion transaction, so a failing
 * ingestion never loses what the device sent.
 */
async function storeInto(executor: Executor, read: DeviceLogRead, now: Date): Promise<PullDeviceResult & { affected: AffectedDay[] }> {
  const { records, rejected } = toPunchRecords(read.records);
  const rawMessageId =
    read.records.length === 0
      ? null
      : await storeRawMessage(executor, {
          serialNumber: read.serialNumber,
          channel: 'zk4370',
          kind: ZK_RAW_KIND,
          query: describeZkQuery(read.records.length),
          body: read.buffer,
          receivedAt: now,
        });
  try {
    return await executor.transaction(async (tx) => {
      const ingested = await ingestPunchRecords(tx, { serialNumber: read.serialNumber, source: 'zk4370', rawMessageId, records, now });
      if (rawMessageId !== null) {
        await markRawMessage(tx, rawMessageId, {
          status: records.length === 0 ? 'failed' : 'parsed',
          error: describeRejected(rejected),
          recordCount: records.length,
          parsedAt: now,
        });
      }
      const contact = await recordContact(tx, read.serialNumber, read.deviceTime, now);
      return {
        serialNumber: read.serialNumber,
        deviceTime: read.deviceTime,
        clockSkewSeconds: contact.clockSkewSeconds,
        isRegistered: contact.isRegistered,
        transport: read.transport,
        rawMessageId,
        records: read.records.length,
        rejected: rejected.length,
        ...ingested,
      };
    });
  } catch (error) {
    // The raw log stays stored (it can be re-parsed); the failure is written beside it.
    if (rawMessageId !== null) {
      const message = error instanceof Error ? error.message : String(error);
      await markRawMessage(executor, rawMessageId, { status: 'failed', error: message, recordCount: null, parsedAt: now });
    }
    throw error;
  }
}

/** Last contact and clock skew of a registered device: its wall clock read in its own zone. */
async function recordContact(executor: Executor, serialNumber: string, deviceTime: string, now: Date) {
  const [device] = await executor.select({ id: devices.id, timeZone: devices.timeZone }).from(devices).where(eq(devices.serialNumber, serialNumber));
  if (!device) return { isRegistered: false, clockSkewSeconds: null };
  const clockSkewSeconds = isValidLocalTime(deviceTime)
    ? Math.round((localTimeToInstant(deviceTime, device.timeZone).getTime() - now.getTime()) / 1000)
    : null;
  await executor
    .update(devices)
    .set({ lastContactAt: now, lastClockSkewSeconds: clockSkewSeconds, updatedAt: now })
    .where(eq(devices.id, device.id));
  return { isRegistered: true, clockSkewSeconds };
}

/**
 * Stores and ingests a log already read with `readDeviceLog` (the CLI reads the device before it
 * opens the database, so the embedded database is locked only for the short write).
 */
export async function storeDeviceLog(
  db: Database,
  read: DeviceLogRead,
  options: { now: Date; onPunchesIngested?: OnPunchesIngested },
): Promise<PullDeviceResult> {
  const { affected, ...result } = await storeInto(db, read, options.now);
  await notifyPunchesIngested(options.onPunchesIngested, affected);
  return result;
}

/** Reads a device's whole log over port 4370, then stores and ingests it. */
export async function pullDevice(db: Database, input: PullDeviceInput & { onPunchesIngested?: OnPunchesIngested }): Promise<PullDeviceResult> {
  const read = await readDeviceLog({ ...input, transport: input.transport ?? 'auto' });
  return storeDeviceLog(db, read, input);
}

export interface RegisteredPullOutcome {
  deviceId: string;
  registeredSerial: string;
  host: string;
  result: PullDeviceResult | null;
  error: string | null;
}

export interface PullRegisteredOptions {
  /** PostgreSQL takes an advisory lock; embedded PGlite is single-process already (data-dir lock). */
  databaseKind: DatabaseKind;
  timeoutMs?: number;
  onPunchesIngested?: OnPunchesIngested;
}

/**
 * On PostgreSQL, a transaction on its own pool connection holds `pg_try_advisory_xact_lock`
 * while the pulls run on other connections and commit device by device; the lock ends with
 * that transaction (or with the process). Another process finding it taken skips this round.
 */
async function withPullLock<T>(db: Database, databaseKind: DatabaseKind, work: () => Promise<T>): Promise<{ isLocked: boolean; value: T | null }> {
  if (databaseKind === 'pglite') return { isLocked: true, value: await work() };
  return db.transaction(async (tx) => {
    const [lock] = await queryRows<{ acquired: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${PULL_LOCK_KEY}) as acquired`);
    if (!lock?.acquired) return { isLocked: false, value: null };
    return { isLocked: true, value: await work() };
  });
}

/**
 * The scheduled job: pulls every active device registered with protocol zk4370 and a host, one
 * after another. One device failing (offline, wrong comm key) does not stop the others.
 * Returns null when another process holds the pull lock.
 */
export async function pullRegisteredDevices(db: Database, clock: Clock, options: PullRegisteredOptions): Promise<RegisteredPullOutcome[] | null> {
  const { isLocked, value } = await withPullLock(db, options.databaseKind, async () => {
    const targets = await db
      .select({ id: devices.id, serialNumber: devices.serialNumber, host: devices.host, port: devices.port, commKey: devices.commKey })
      .from(devices)
      .where(sql`${devices.protocol} = 'zk4370' and ${devices.host} is not null and ${devices.status} = 'active'`)
      .orderBy(devices.serialNumber);
    const outcomes: RegisteredPullOutcome[] = [];
    for (const target of targets) {
      const host = target.host ?? '';
      const base = { deviceId: target.id, registeredSerial: target.serialNumber, host };
      const commKey = target.commKey === null || target.commKey.trim() === '' ? null : parseCommKey(target.commKey);
      if (target.commKey !== null && target.commKey.trim() !== '' && commKey === null) {
        outcomes.push({ ...base, result: null, error: `Comm key mesin ${target.serialNumber} tidak valid (harus angka)` });
        continue;
      }
      try {
        const result = await pullDevice(db, {
          host,
          port: target.port ?? DEFAULT_ZK_PORT,
          commKey,
          timeoutMs: options.timeoutMs ?? DEFAULT_ZK_TIMEOUT_MS,
          now: clock.now(),
          ...(options.onPunchesIngested ? { onPunchesIngested: options.onPunchesIngested } : {}),
        });
        const mismatch = result.serialNumber === target.serialNumber ? null : `Mesin di ${host} melaporkan nomor seri ${result.serialNumber}, terdaftar ${target.serialNumber}`;
        outcomes.push({ ...base, result, error: mismatch });
      } catch (error) {
        if (!(error instanceof Error)) throw error;
        outcomes.push({ ...base, result: null, error: error.message });
      }
    }
    return outcomes;
  });
  return isLocked ? value : null;
}
