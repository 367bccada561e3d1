import { and, eq, sql } from 'drizzle-orm';
import { createInstantConverter, isPlausiblePunch, localDateOf } from '../../../../domain/attendance/punch-time';
import type { PunchRecord, PunchReviewStatus, PunchSource } from '../../../../domain/attendance/punch-record';
import { queryRows, type Executor } from '../../../db/client';
import { devices, deviceUserMappings } from '../../../db/schema';
import { findEarliestPlausibleDate, FUTURE_TOLERANCE_MINUTES } from './plausibility.repository';
import type { AffectedDay } from './punch-hooks';
import { arrayParam, toArrayLiteral } from '../../../db/sql-arrays';
import { findRegionZone } from '../../../platform/region-zone';

export type { PunchRecord } from '../../../../domain/attendance/punch-record';

/** Rows per INSERT (a whole ATTLOG body or punch file is usually one statement). */
const INSERT_CHUNK = 20_000;

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

interface PunchRow {
  record: PunchRecord;
  instant: Date;
  employeeId: string | null;
  reviewStatus: PunchReviewStatus;
}

interface StoredPunchRow {
  employee_id: string | null;
  review_status: string;
  local_date: string;
  /** node-postgres and PGlite both parse timestamptz; the string form is accepted too. */
  instant: Date | string;
}

/**
 * One `insert … select from unnest(…)` for the rows (see sql-arrays.ts); returns the rows that
 * were new — the unique key (serial, PIN, device-local time) turns re-sent punches into no-ops.
 */
function insertPunchRows(executor: Executor, rows: PunchRow[], input: IngestPunchInput): Promise<StoredPunchRow[]> {
  return queryRows<StoredPunchRow>(
    executor,
    sql`
    insert into punches (serial_number, pin, local_time, instant, status_code, verify_code, work_code, raw_fields, source, raw_message_id, employee_id, review_status, created_at)
    select ${input.serialNumber}, pin, local_time, instant, status_code, verify_code, work_code, raw_fields::text[], ${input.source}, ${input.rawMessageId}::bigint, employee_id, review_status, ${input.now.toISOString()}::timestamptz
    from unnest(
      ${arrayParam(rows.map((row) => row.record.pin), 'text')},
      ${arrayParam(rows.map((row) => row.record.localTime), 'timestamp')},
      ${arrayParam(rows.map((row) => row.instant.toISOString()), 'timestamptz')},
      ${arrayParam(rows.map((row) => row.record.statusCode), 'int')},
      ${arrayParam(rows.map((row) => row.record.verifyCode), 'int')},
      ${arrayParam(rows.map((row) => row.record.workCode), 'text')},
      ${arrayParam(rows.map((row) => toArrayLiteral(row.record.rawFields)), 'text')},
      ${arrayParam(rows.map((row) => row.employeeId), 'uuid')},
      ${arrayParam(rows.map((row) => row.reviewStatus), 'text')}
    ) as t(pin, local_time, instant, status_code, verify_code, work_code, raw_fields, employee_id, review_status)
    on conflict (serial_number, pin, local_time) do nothing
    returning employee_id, review_status, to_char(local_time, 'YYYY-MM-DD') as local_date, instant`,
  );
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
          .where(and(eq(deviceUserMappings.deviceId, device.id), sql`${deviceUserMappings.pin} = any(${arrayParam(pins, 'text')})`))
      : [];
  const findEmployee = employeeFinder(mappings);
  // A serial never registered: the region's clock.
  const toInstant = createInstantConverter(device?.timeZone ?? (await findRegionZone(executor)));
  const window = { earliestDate: await findEarliestPlausibleDate(executor), now: input.now, futureToleranceMinutes: FUTURE_TOLERANCE_MINUTES };

  const rows: PunchRow[] = input.records.map((record) => {
    const instant = toInstant(record.localTime);
    const isPlausible = isPlausiblePunch(record.localTime, instant, window);
    const employeeId = isCounted && isPlausible ? findEmployee(record.pin, localDateOf(record.localTime)) : null;
    const reviewStatus: PunchReviewStatus = !isCounted ? 'unknown_device' : !isPlausible ? 'implausible_time' : employeeId ? 'ok' : 'unknown_pin';
    return { record, instant, employeeId, reviewStatus };
  });

  let inserted = 0;
  let held = 0;
  const affected: AffectedDay[] = [];
  let latestCounted: Date | null = null;
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const stored = await insertPunchRows(executor, rows.slice(start, start + INSERT_CHUNK), input);
    inserted += stored.length;
    for (const row of stored) {
      if (row.review_status !== 'ok' || !row.employee_id) {
        held++;
        continue;
      }
      affected.push({ employeeId: row.employee_id, localDate: row.local_date });
      const instant = new Date(row.instant);
      if (!latestCounted || instant > latestCounted) latestCounted = instant;
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
