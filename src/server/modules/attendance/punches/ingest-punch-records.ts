import { and, eq, inArray, sql } from 'drizzle-orm';
import { createInstantConverter, isPlausiblePunch, localDateOf } from '../../../../domain/attendance/punch-time';
import type { PunchRecord, PunchReviewStatus, PunchSource } from '../../../../domain/attendance/punch-record';
import type { Executor } from '../../../db/client';
import { devices, deviceUserMappings, punches } from '../../../db/schema';
import { findEarliestPlausibleDate, FUTURE_TOLERANCE_MINUTES } from './plausibility.repository';
import type { AffectedDay } from './punch-hooks';

export type { PunchRecord } from '../../../../domain/attendance/punch-record';

/** Rows per INSERT: 13 parameters each stays far below PostgreSQL's 65,535-parameter limit. */
const INSERT_CHUNK = 2_000;
/** The zone assumed for a serial we have never registered (the devices table default). */
const UNKNOWN_DEVICE_ZONE = 'Asia/Jakarta';

export interface IngestPunchInput {
  serialNumber: string;
  source: PunchSource;
  rawMessageId: number | null;
  records: PunchRecord[];
  /** When the records were received: the reference for "in the future". */
  now: Date;
}

export interface IngestPunchResult {
  inserted: number;
  duplicates: number;
  held: number;
  /** Employee days with new counted punches, for attendance recomputation. */
  affected: AffectedDay[];
}

interface MappingRow {
  pin: string;
  employeeId: string;
  startDate: string;
  endDate: string | null;
}

function employeeFinder(mappings: MappingRow[]) {
  const byPin = new Map<string, MappingRow[]>();
  for (const mapping of mappings) byPin.set(mapping.pin, [...(byPin.get(mapping.pin) ?? []), mapping]);
  return (pin: string, localDate: string): string | null =>
    byPin.get(pin)?.find((m) => m.startDate <= localDate && (m.endDate === null || m.endDate >= localDate))?.employeeId ?? null;
}

/**
 * Stores punches idempotently: unique on (serial, PIN, device-local time), so a device that
 * re-uploads its whole log changes nothing. Unknown or unapproved devices, implausible times and
 * unknown PINs are stored but held for review (never dropped). Run inside the caller's transaction.
 */
export async function ingestPunchRecords(executor: Executor, input: IngestPunchInput): Promise<IngestPunchResult> {
  if (input.records.length === 0) return { inserted: 0, duplicates: 0, held: 0, affected: [] };
  const [device] = await executor
    .select({ id: devices.id, status: devices.status, timeZone: devices.timeZone })
    .from(devices)
    .where(eq(devices.serialNumber, input.serialNumber));
  const isCounted = device?.status === 'active';
  const pins = [...new Set(input.records.map((record) => record.pin))];
  const mappings: MappingRow[] =
    device && isCounted
      ? await executor
          .select({ pin: deviceUserMappings.pin, employeeId: deviceUserMappings.employeeId, startDate: deviceUserMappings.startDate, endDate: deviceUserMappings.endDate })
          .from(deviceUserMappings)
          .where(and(eq(deviceUserMappings.deviceId, device.id), inArray(deviceUserMappings.pin, pins)))
      : [];
  const findEmployee = employeeFinder(mappings);
  const toInstant = createInstantConverter(device?.timeZone ?? UNKNOWN_DEVICE_ZONE);
  const window = { earliestDate: await findEarliestPlausibleDate(executor), now: input.now, futureToleranceMinutes: FUTURE_TOLERANCE_MINUTES };

  const rows = input.records.map((record) => {
    const instant = toInstant(record.localTime);
    const localDate = localDateOf(record.localTime);
    const isPlausible = isPlausiblePunch(record.localTime, instant, window);
    const employeeId = isCounted && isPlausible ? findEmployee(record.pin, localDate) : null;
    const reviewStatus: PunchReviewStatus = !isCounted ? 'unknown_device' : !isPlausible ? 'implausible_time' : employeeId ? 'ok' : 'unknown_pin';
    return {
      serialNumber: input.serialNumber,
      pin: record.pin,
      localTime: record.localTime,
      instant,
      statusCode: record.statusCode,
      verifyCode: record.verifyCode,
      workCode: record.workCode,
      rawFields: record.rawFields,
      source: input.source,
      rawMessageId: input.rawMessageId,
      employeeId,
      reviewStatus,
      createdAt: input.now,
    };
  });

  let inserted = 0;
  let held = 0;
  const affected: AffectedDay[] = [];
  let latestCounted: Date | null = null;
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const stored = await executor
      .insert(punches)
      .values(rows.slice(start, start + INSERT_CHUNK))
      .onConflictDoNothing({ target: [punches.serialNumber, punches.pin, punches.localTime] })
      .returning({ employeeId: punches.employeeId, localTime: punches.localTime, reviewStatus: punches.reviewStatus, instant: punches.instant });
    inserted += stored.length;
    for (const row of stored) {
      if (row.reviewStatus !== 'ok' || !row.employeeId) {
        held++;
        continue;
      }
      affected.push({ employeeId: row.employeeId, localDate: localDateOf(row.localTime) });
      if (!latestCounted || row.instant > latestCounted) latestCounted = row.instant;
    }
  }
  if (device && latestCounted) {
    await executor
      .update(devices)
      .set({ lastPunchAt: sql`greatest(${devices.lastPunchAt}, ${latestCounted.toISOString()}::timestamptz)` })
      .where(eq(devices.id, device.id));
  }
  return { inserted, duplicates: rows.length - inserted, held, affected };
}
