import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { heldPunchQuery } from '../../../../contracts/attendance-devices';
import { queryRows, type Executor } from '../../../db/client';
import type { RequestContext } from '../../../platform/actor';
import { deviceUnitFilter } from '../devices/device-scope';

interface HeldRow {
  id: string | number;
  serial_number: string;
  device_id: string | null;
  device_name: string | null;
  pin: string;
  local_time: string;
  instant: string | Date;
  review_status: 'unknown_pin' | 'implausible_time' | 'unknown_device' | 'dismissed';
  review_note: string | null;
  source: 'adms' | 'zk4370' | 'file';
  total: string | number;
}

/**
 * Punches held for review (unknown device or PIN, implausible time), newest first. An admin OPD
 * sees those of their units' devices; unknown serials (no unit) are BKPSDM's to review. Dismissed
 * punches are decided: listed only when asked for by status.
 */
export async function listHeldPunches(executor: Executor, ctx: RequestContext, query: z.infer<typeof heldPunchQuery>) {
  const unitIds = deviceUnitFilter(ctx);
  const scope = unitIds === null ? sql`` : unitIds.length === 0 ? sql`and false` : sql`and d.unit_id in (${sql.join(unitIds.map((id) => sql`${id}::uuid`), sql`, `)})`;
  const deviceFilter = query.deviceId ? sql`and d.id = ${query.deviceId}::uuid` : sql``;
  const statusFilter = query.reviewStatus ? sql`and p.review_status = ${query.reviewStatus}` : sql`and p.review_status not in ('ok', 'dismissed')`;
  const rows = await queryRows<HeldRow>(
    executor,
    sql`
    select p.id, p.serial_number, d.id as device_id, d.name as device_name, p.pin,
           to_char(p.local_time, 'YYYY-MM-DD HH24:MI:SS') as local_time, p.instant, p.review_status, p.review_note, p.source,
           count(*) over () as total
    from punches p left join devices d on d.serial_number = p.serial_number
    where true ${statusFilter} ${scope} ${deviceFilter}
    order by p.local_time desc, p.id desc
    limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
  );
  return {
    items: rows.map((row) => ({
      id: Number(row.id),
      serialNumber: row.serial_number,
      deviceId: row.device_id,
      deviceName: row.device_name,
      pin: row.pin,
      localTime: row.local_time,
      instant: new Date(row.instant).toISOString(),
      reviewStatus: row.review_status,
      reviewNote: row.review_note,
      source: row.source,
    })),
    total: Number(rows[0]?.total ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}
