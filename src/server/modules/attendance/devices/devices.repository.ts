import { eq, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../db/client';
import { devices } from '../../../db/schema';

export type DeviceRow = typeof devices.$inferSelect;
export type DeviceStatus = 'active' | 'quarantine' | 'disabled';

export async function findDeviceBySerial(executor: Executor, serialNumber: string): Promise<DeviceRow | null> {
  const [row] = await executor.select().from(devices).where(eq(devices.serialNumber, serialNumber));
  return row ?? null;
}

export async function findDeviceRow(executor: Executor, id: string, options: { lock?: boolean } = {}): Promise<DeviceRow | null> {
  const query = executor.select().from(devices).where(eq(devices.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

/** First contact of an unknown serial: a quarantined row (race-safe: a parallel request may win). */
export async function insertQuarantineDevice(executor: Executor, serialNumber: string, now: Date): Promise<{ row: DeviceRow; isNew: boolean }> {
  const [created] = await executor
    .insert(devices)
    .values({ serialNumber, name: `Mesin baru ${serialNumber}`, status: 'quarantine', protocol: 'adms', createdAt: now, updatedAt: now, lastContactAt: now })
    .onConflictDoNothing({ target: devices.serialNumber })
    .returning();
  if (created) return { row: created, isNew: true };
  const existing = await findDeviceBySerial(executor, serialNumber);
  if (!existing) throw new Error(`device ${serialNumber} vanished`);
  return { row: existing, isNew: false };
}

export async function updateDeviceContact(
  executor: Executor,
  id: string,
  contact: { at: Date; firmware?: string | null; skewSeconds?: number | null; options?: Record<string, string>; attlogStamp?: string },
): Promise<void> {
  await executor
    .update(devices)
    .set({
      lastContactAt: contact.at,
      ...(contact.firmware ? { firmware: contact.firmware } : {}),
      ...(contact.skewSeconds !== undefined && contact.skewSeconds !== null ? { lastClockSkewSeconds: contact.skewSeconds } : {}),
      ...(contact.options ? { options: sql`coalesce(${devices.options}, '{}'::jsonb) || ${JSON.stringify(contact.options)}::jsonb` } : {}),
      ...(contact.attlogStamp ? { lastAttlogStamp: contact.attlogStamp } : {}),
    })
    .where(eq(devices.id, id));
}

export interface DeviceView {
  id: string;
  serialNumber: string;
  name: string;
  unitId: string | null;
  unitName: string | null;
  location: string | null;
  timeZone: string;
  pushTimeZone: string;
  status: DeviceStatus;
  protocol: 'adms' | 'zk4370' | 'file';
  host: string | null;
  port: number | null;
  hasCommKey: boolean;
  firmware: string | null;
  lastContactAt: string | null;
  lastClockSkewSeconds: number | null;
  lastPunchAt: string | null;
  heldPunches: number;
  mappingCount: number;
  createdAt: string;
}

interface DeviceViewRow {
  id: string;
  serial_number: string;
  name: string;
  unit_id: string | null;
  unit_name: string | null;
  location: string | null;
  time_zone: string;
  push_time_zone: string;
  status: DeviceStatus;
  protocol: 'adms' | 'zk4370' | 'file';
  host: string | null;
  port: number | null;
  has_comm_key: boolean;
  firmware: string | null;
  last_contact_at: string | null;
  last_clock_skew_seconds: number | null;
  last_punch_at: string | null;
  held_punches: number;
  mapping_count: number;
  created_at: string;
}

const iso = (value: string | Date | null): string | null => (value === null ? null : new Date(value).toISOString());

const toView = (row: DeviceViewRow): DeviceView => ({
  id: row.id,
  serialNumber: row.serial_number,
  name: row.name,
  unitId: row.unit_id,
  unitName: row.unit_name,
  location: row.location,
  timeZone: row.time_zone,
  pushTimeZone: row.push_time_zone,
  status: row.status,
  protocol: row.protocol,
  host: row.host,
  port: row.port,
  hasCommKey: row.has_comm_key,
  firmware: row.firmware,
  lastContactAt: iso(row.last_contact_at),
  lastClockSkewSeconds: row.last_clock_skew_seconds,
  lastPunchAt: iso(row.last_punch_at),
  heldPunches: Number(row.held_punches),
  mappingCount: Number(row.mapping_count),
  createdAt: iso(row.created_at) ?? '',
});

/** Devices with their unit name and counts; `unitIds` null = all, else only those units. */
export async function findDeviceViews(executor: Executor, filter: { unitIds: string[] | null; id?: string; status?: DeviceStatus }): Promise<DeviceView[]> {
  const unitFilter = filter.unitIds === null ? sql`` : filter.unitIds.length === 0 ? sql`and false` : sql`and d.unit_id in (${sql.join(filter.unitIds.map((id) => sql`${id}::uuid`), sql`, `)})`;
  const idFilter = filter.id === undefined ? sql`` : sql`and d.id = ${filter.id}::uuid`;
  const statusFilter = filter.status === undefined ? sql`` : sql`and d.status = ${filter.status}`;
  const rows = await queryRows<DeviceViewRow>(
    executor,
    sql`
    select d.id, d.serial_number, d.name, d.unit_id, u.name as unit_name, d.location, d.time_zone, d.push_time_zone,
           d.status, d.protocol, d.host, d.port, d.comm_key is not null as has_comm_key, d.firmware,
           d.last_contact_at, d.last_clock_skew_seconds, d.last_punch_at, d.created_at,
           (select count(*) from punches p where p.serial_number = d.serial_number and p.review_status <> 'ok' and p.review_status <> 'dismissed')::int as held_punches,
           (select count(*) from device_user_mappings m where m.device_id = d.id)::int as mapping_count
    from devices d left join units u on u.id = d.unit_id
    where true ${unitFilter} ${idFilter} ${statusFilter}
    order by d.status <> 'quarantine', d.name, d.serial_number`,
  );
  return rows.map(toView);
}
