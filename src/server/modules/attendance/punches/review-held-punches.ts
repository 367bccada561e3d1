import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { heldPunchBulkReviewRequest, heldPunchReviewRequest, HeldPunchReviewResult } from '../../../../contracts/attendance-devices';
import { queryRows, type Executor } from '../../../db/client';
import type { RequestContext } from '../../../platform/actor';
import { recordAudits } from '../../../platform/audit';
import { conflict, notFound } from '../../../platform/errors';
import { assertCanWriteInUnit, isUnitInScope, unitScopeOf } from '../../org/org-scope';
import { findWritableDevice } from '../devices/device-scope';
import { FUTURE_TOLERANCE_MINUTES } from './plausibility.repository';
import type { AffectedDay } from './punch-hooks';
import { arrayParam } from '../../../db/sql-arrays';

type ReviewDecision = z.infer<typeof heldPunchReviewRequest>;
type BulkReviewDecision = z.infer<typeof heldPunchBulkReviewRequest>;

/** The outcome for the caller, plus the employee days to recompute once committed. */
export interface HeldPunchReview extends HeldPunchReviewResult {
  affected: AffectedDay[];
}

interface ReviewDevice {
  id: string;
  serialNumber: string;
  unitId: string | null;
  status: string;
  timeZone: string;
}

interface CandidateRow {
  id: string | number;
  instant: string | Date;
  /** Still in the future by the server clock, read in the device's zone on record now. */
  is_future: boolean;
}

interface ReviewedRow {
  id: string | number;
  serial_number: string;
  pin: string;
  local_time: string;
  instant: string | Date;
  review_status: 'ok' | 'unknown_pin' | 'dismissed';
  employee_id: string | null;
}

const futureLimit = (ctx: RequestContext) => new Date(ctx.clock.now().getTime() + FUTURE_TOLERANCE_MINUTES * 60_000).toISOString();

function assertCanAccept(device: ReviewDevice): void {
  // Punches of a disabled or quarantined machine never count, whatever their time.
  if (device.status !== 'active') throw conflict('Mesin ini tidak aktif: aktifkan mesin dulu sebelum menerima absensinya');
}

/**
 * Accepts: the instant is taken again from the device's zone on record (it may have been fixed
 * since), then the PIN is matched to the mapping valid on the punch's local date, exactly as at
 * ingestion. Without a mapping the punch is held again, now as an unknown PIN.
 */
async function acceptPunches(executor: Executor, device: ReviewDevice, ids: number[], note: string | null): Promise<ReviewedRow[]> {
  const idList = arrayParam(ids, 'bigint');
  await executor.execute(sql`
    update punches p
    set instant = p.local_time at time zone ${device.timeZone}, review_status = 'unknown_pin', review_note = ${note}
    where p.id = any(${idList}) and p.review_status = 'implausible_time'`);
  await executor.execute(sql`
    update punches p
    set employee_id = m.employee_id, review_status = 'ok'
    from device_user_mappings m
    where p.id = any(${idList}) and p.review_status = 'unknown_pin'
      and m.device_id = ${device.id}::uuid and m.pin = p.pin
      and m.start_date <= p.local_time::date and (m.end_date is null or m.end_date >= p.local_time::date)`);
  return readReviewedRows(executor, ids);
}

async function dismissPunches(executor: Executor, ids: number[], reason: string): Promise<ReviewedRow[]> {
  await executor.execute(sql`
    update punches set review_status = 'dismissed', review_note = ${reason}
    where id = any(${arrayParam(ids, 'bigint')}) and review_status = 'implausible_time'`);
  return readReviewedRows(executor, ids);
}

function readReviewedRows(executor: Executor, ids: number[]): Promise<ReviewedRow[]> {
  return queryRows<ReviewedRow>(
    executor,
    sql`
    select id, serial_number, pin, to_char(local_time, 'YYYY-MM-DD HH24:MI:SS') as local_time, instant, review_status, employee_id
    from punches where id = any(${arrayParam(ids, 'bigint')}) order by id`,
  );
}

/**
 * Applies one decision to punches already locked and checked by the caller, writes one audit row
 * per punch (same transaction), and reports what changed.
 */
async function applyDecision(
  executor: Executor,
  ctx: RequestContext,
  device: ReviewDevice,
  candidates: CandidateRow[],
  decision: ReviewDecision,
  skippedFuture: number,
): Promise<HeldPunchReview> {
  const ids = candidates.map((row) => Number(row.id));
  const result: HeldPunchReview = { decision: decision.decision, reviewed: 0, counted: 0, unknownPin: 0, dismissed: 0, skippedFuture, affected: [] };
  if (ids.length === 0) return result;
  const note = decision.decision === 'accept' ? decision.note : decision.reason;
  const reviewed = decision.decision === 'accept' ? await acceptPunches(executor, device, ids, note) : await dismissPunches(executor, ids, note ?? '');
  const instantBefore = new Map(candidates.map((row) => [Number(row.id), new Date(row.instant).toISOString()]));
  await recordAudits(
    executor,
    ctx,
    reviewed.map((row) => ({
      action: decision.decision,
      entityType: 'punch',
      entityId: String(row.id),
      before: { serialNumber: row.serial_number, pin: row.pin, localTime: row.local_time, reviewStatus: 'implausible_time', instant: instantBefore.get(Number(row.id)) ?? null, employeeId: null },
      after: { serialNumber: row.serial_number, pin: row.pin, localTime: row.local_time, reviewStatus: row.review_status, instant: new Date(row.instant).toISOString(), employeeId: row.employee_id, note },
      scopeUnitId: device.unitId,
    })),
  );
  for (const row of reviewed) {
    result.reviewed++;
    if (row.review_status === 'dismissed') result.dismissed++;
    else if (row.review_status === 'unknown_pin') result.unknownPin++;
    else if (row.employee_id) {
      result.counted++;
      result.affected.push({ employeeId: row.employee_id, localDate: row.local_time.slice(0, 10) });
    }
  }
  return result;
}

/**
 * Decides on one punch held for an implausible time. Outside the caller's units the punch does
 * not exist (404); a punch not (or no longer) held for its time is a conflict, as is accepting a
 * time that is still in the future.
 */
export async function reviewHeldPunch(executor: Executor, ctx: RequestContext, id: number, decision: ReviewDecision): Promise<HeldPunchReview> {
  const [row] = await queryRows<CandidateRow & { review_status: string; device_id: string | null; unit_id: string | null; device_status: string | null; time_zone: string | null; serial_number: string }>(
    executor,
    sql`
    select p.id, p.instant, p.review_status, p.serial_number, d.id as device_id, d.unit_id, d.status as device_status, d.time_zone,
           coalesce((p.local_time at time zone d.time_zone) > ${futureLimit(ctx)}::timestamptz, false) as is_future
    from punches p left join devices d on d.serial_number = p.serial_number
    where p.id = ${id}
    for update of p`,
  );
  if (!row || !isUnitInScope(unitScopeOf(ctx), row.unit_id)) throw notFound('Absensi');
  assertCanWriteInUnit(ctx, row.unit_id);
  if (row.review_status !== 'implausible_time' || !row.device_id || !row.device_status || !row.time_zone) {
    throw conflict('Absensi ini tidak sedang ditahan karena waktu janggal (mungkin sudah diputuskan)');
  }
  const device: ReviewDevice = { id: row.device_id, serialNumber: row.serial_number, unitId: row.unit_id, status: row.device_status, timeZone: row.time_zone };
  if (decision.decision === 'accept') {
    assertCanAccept(device);
    if (row.is_future) throw conflict('Waktu absensi ini masih di masa depan menurut jam server; tidak dapat diterima');
  }
  return applyDecision(executor, ctx, device, [row], decision, 0);
}

/**
 * The same decision for every implausible-time punch of one device dated (device-local) from
 * `from` to `to`. Accepting leaves punches still in the future held and counts them as skipped.
 * The device row is locked, so two admins deciding on the same device take turns.
 */
export async function reviewHeldPunchesOfDevice(executor: Executor, ctx: RequestContext, input: BulkReviewDecision): Promise<HeldPunchReview> {
  const device = await findWritableDevice(executor, ctx, input.deviceId);
  if (input.decision === 'accept') assertCanAccept(device);
  const candidates = await queryRows<CandidateRow>(
    executor,
    sql`
    select p.id, p.instant, (p.local_time at time zone ${device.timeZone}) > ${futureLimit(ctx)}::timestamptz as is_future
    from punches p
    where p.serial_number = ${device.serialNumber} and p.review_status = 'implausible_time'
      and p.local_time >= ${input.from}::date and p.local_time < ${input.to}::date + 1
    order by p.id
    for update`,
  );
  const decided = input.decision === 'accept' ? candidates.filter((row) => !row.is_future) : candidates;
  const decision: ReviewDecision = input.decision === 'accept' ? { decision: 'accept', note: input.note } : { decision: 'dismiss', reason: input.reason };
  return applyDecision(executor, ctx, device, decided, decision, candidates.length - decided.length);
}
