import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { approveDeviceRequest, createDeviceRequest, deviceListQuery, updateDeviceRequest } from '../../../../contracts/attendance-devices';
import type { Executor } from '../../../db/client';
import { devices, units } from '../../../db/schema';
import type { RequestContext } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { conflict, invalid, notFound } from '../../../platform/errors';
import { assertCanWriteInUnit } from '../../org/org-scope';
import { isUniqueViolation } from '../../org/db-errors';
import type { AffectedDay } from '../punches/punch-hooks';
import { resolveHeldPunches } from '../punches/resolve-held-punches';
import { deviceUnitFilter, findReadableDevice, findWritableDevice, snapshotDevice } from './device-scope';
import { findDeviceBySerial, findDeviceViews, type DeviceRow, type DeviceView } from './devices.repository';

type CreateDeviceInput = z.infer<typeof createDeviceRequest>;
type UpdateDeviceInput = z.infer<typeof updateDeviceRequest>;
type ApproveDeviceInput = z.infer<typeof approveDeviceRequest>;

/** A device change and the employee days whose held punches it resolved (for recomputation). */
export interface DeviceChange {
  id: string;
  affected: AffectedDay[];
}

async function assertUsableUnit(executor: Executor, unitId: string | null) {
  if (unitId === null) return;
  const [unit] = await executor.select({ isActive: units.isActive }).from(units).where(eq(units.id, unitId));
  if (!unit) throw invalid('Unit tidak ditemukan', { field: 'unitId' });
  if (!unit.isActive) throw invalid('Unit sudah nonaktif', { field: 'unitId' });
}

export async function listDevices(executor: Executor, ctx: RequestContext, query: z.infer<typeof deviceListQuery>): Promise<{ items: DeviceView[] }> {
  return { items: await findDeviceViews(executor, { unitIds: deviceUnitFilter(ctx), ...(query.status ? { status: query.status } : {}) }) };
}

export async function getDevice(executor: Executor, ctx: RequestContext, id: string): Promise<DeviceView> {
  await findReadableDevice(executor, ctx, id);
  const [view] = await findDeviceViews(executor, { unitIds: null, id });
  if (!view) throw notFound('Mesin absensi');
  return view;
}

/** Registering a serial puts it on the allow-list (active). */
export async function createDevice(executor: Executor, ctx: RequestContext, input: CreateDeviceInput): Promise<DeviceChange> {
  assertCanWriteInUnit(ctx, input.unitId);
  await assertUsableUnit(executor, input.unitId);
  const existing = await findDeviceBySerial(executor, input.serialNumber);
  if (existing) {
    throw conflict(
      existing.status === 'quarantine'
        ? `Mesin ${input.serialNumber} sudah menghubungi server dan menunggu persetujuan; setujui dari daftar karantina`
        : `Nomor seri ${input.serialNumber} sudah terdaftar sebagai ${existing.name}`,
      { field: 'serialNumber' },
    );
  }
  const now = ctx.clock.now();
  const [created] = await executor
    .insert(devices)
    .values({ ...input, status: 'active', createdAt: now, updatedAt: now })
    .returning()
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? conflict(`Nomor seri ${input.serialNumber} sudah terdaftar`, { field: 'serialNumber' }) : error;
    });
  if (!created) throw new Error('insert returned nothing');
  await recordAudit(executor, ctx, { action: 'create', entityType: 'device', entityId: created.id, after: snapshotDevice(created), scopeUnitId: created.unitId });
  // Punches pulled or imported before the serial was registered were held as unknown_device: they count now.
  return { id: created.id, affected: await resolveHeldPunches(executor, { serialNumber: created.serialNumber }) };
}

async function applyChange(executor: Executor, ctx: RequestContext, before: DeviceRow, values: Partial<DeviceRow>, action: string): Promise<DeviceChange> {
  const [after] = await executor
    .update(devices)
    .set({ ...values, updatedAt: ctx.clock.now() })
    .where(eq(devices.id, before.id))
    .returning();
  if (!after) throw notFound('Mesin absensi');
  await recordAudit(executor, ctx, { action, entityType: 'device', entityId: before.id, before: snapshotDevice(before), after: snapshotDevice(after), scopeUnitId: after.unitId ?? before.unitId });
  // A zone fixed or a device approved: held punches may now count.
  const affected = after.status === 'active' ? await resolveHeldPunches(executor, { serialNumber: after.serialNumber }) : [];
  return { id: before.id, affected };
}

export async function updateDevice(executor: Executor, ctx: RequestContext, id: string, input: UpdateDeviceInput): Promise<DeviceChange> {
  const before = await findWritableDevice(executor, ctx, id);
  if (input.unitId !== undefined && input.unitId !== before.unitId) {
    assertCanWriteInUnit(ctx, input.unitId);
    await assertUsableUnit(executor, input.unitId);
  }
  return applyChange(executor, ctx, before, input, 'update');
}

/** Quarantine (or disabled) → active: from now on its punches count, and held ones are resolved. */
export async function approveDevice(executor: Executor, ctx: RequestContext, id: string, input: ApproveDeviceInput): Promise<DeviceChange> {
  const before = await findWritableDevice(executor, ctx, id);
  if (before.status === 'active') throw conflict(`Mesin ${before.serialNumber} sudah aktif`);
  if (input.unitId !== undefined && input.unitId !== before.unitId) {
    assertCanWriteInUnit(ctx, input.unitId);
    await assertUsableUnit(executor, input.unitId);
  }
  return applyChange(executor, ctx, before, { ...input, status: 'active' }, 'approve');
}

/** Disabled devices are refused at the door; their stored punches stay. */
export async function disableDevice(executor: Executor, ctx: RequestContext, id: string): Promise<DeviceChange> {
  const before = await findWritableDevice(executor, ctx, id);
  if (before.status === 'disabled') return { id, affected: [] };
  return applyChange(executor, ctx, before, { status: 'disabled' }, 'disable');
}
