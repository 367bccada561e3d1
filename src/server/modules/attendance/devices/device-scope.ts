import type { RequestContext } from '../../../platform/actor';
import { notFound } from '../../../platform/errors';
import { assertCanWriteInUnit, isUnitInScope, unitScopeOf } from '../../org/org-scope';
import { findDeviceRow, type DeviceRow } from './devices.repository';
import type { Executor } from '../../../db/client';

/** Devices follow their unit: admin OPD reads and manages their units' machines; quarantine (no unit) is BKPSDM's. */
export const deviceUnitFilter = (ctx: RequestContext): string[] | null => {
  const scope = unitScopeOf(ctx);
  return scope.isAll ? null : scope.unitIds;
};

/** A device the caller may read; outside their scope it does not exist (404). */
export async function findReadableDevice(executor: Executor, ctx: RequestContext, id: string, options: { lock?: boolean } = {}): Promise<DeviceRow> {
  const row = await findDeviceRow(executor, id, options);
  if (!row || !isUnitInScope(unitScopeOf(ctx), row.unitId)) throw notFound('Mesin absensi');
  return row;
}

/** A device the caller may change (readable and inside their units). */
export async function findWritableDevice(executor: Executor, ctx: RequestContext, id: string): Promise<DeviceRow> {
  const row = await findReadableDevice(executor, ctx, id, { lock: true });
  assertCanWriteInUnit(ctx, row.unitId);
  return row;
}

/** What the audit trail keeps of a device: never the comm key itself. */
export const snapshotDevice = (row: DeviceRow) => ({
  serialNumber: row.serialNumber,
  name: row.name,
  unitId: row.unitId,
  location: row.location,
  timeZone: row.timeZone,
  pushTimeZone: row.pushTimeZone,
  status: row.status,
  protocol: row.protocol,
  host: row.host,
  port: row.port,
  hasCommKey: row.commKey !== null,
});
