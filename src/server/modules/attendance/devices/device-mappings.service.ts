import { and, asc, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { createDeviceMappingRequest, updateDeviceMappingRequest } from '../../../../contracts/attendance-devices';
import type { Executor } from '../../../db/client';
import { deviceUserMappings, employees, punches } from '../../../db/schema';
import { canManageUnit, type RequestContext } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { conflict, forbidden, invalid, notFound } from '../../../platform/errors';
import type { AffectedDay } from '../punches/punch-hooks';
import { resolveHeldPunches } from '../punches/resolve-held-punches';
import { findReadableDevice, findWritableDevice } from './device-scope';

type MappingRow = typeof deviceUserMappings.$inferSelect;

const mappingView = {
  id: deviceUserMappings.id,
  deviceId: deviceUserMappings.deviceId,
  pin: deviceUserMappings.pin,
  employeeId: deviceUserMappings.employeeId,
  employeeName: employees.name,
  nip: employees.nip,
  startDate: deviceUserMappings.startDate,
  endDate: deviceUserMappings.endDate,
};

export type MappingView = { id: string; deviceId: string; pin: string; employeeId: string; employeeName: string; nip: string; startDate: string; endDate: string | null };

async function findMappingView(executor: Executor, id: string): Promise<MappingView> {
  const [row] = await executor.select(mappingView).from(deviceUserMappings).innerJoin(employees, eq(employees.id, deviceUserMappings.employeeId)).where(eq(deviceUserMappings.id, id));
  if (!row) throw notFound('Pemetaan PIN');
  return row;
}

export async function listDeviceMappings(executor: Executor, ctx: RequestContext, deviceId: string): Promise<{ items: MappingView[] }> {
  await findReadableDevice(executor, ctx, deviceId);
  const items = await executor
    .select(mappingView)
    .from(deviceUserMappings)
    .innerJoin(employees, eq(employees.id, deviceUserMappings.employeeId))
    .where(eq(deviceUserMappings.deviceId, deviceId))
    .orderBy(asc(deviceUserMappings.pin), asc(deviceUserMappings.startDate));
  return { items };
}

/** One PIN means one person on a given day: validity periods of the same PIN may not overlap. */
async function assertNoOverlap(executor: Executor, input: { deviceId: string; pin: string; startDate: string; endDate: string | null; exceptId: string | null }) {
  const others = await executor
    .select({ id: deviceUserMappings.id, startDate: deviceUserMappings.startDate, endDate: deviceUserMappings.endDate })
    .from(deviceUserMappings)
    .where(and(eq(deviceUserMappings.deviceId, input.deviceId), eq(deviceUserMappings.pin, input.pin), input.exceptId ? ne(deviceUserMappings.id, input.exceptId) : undefined));
  const clash = others.find((other) => (other.endDate === null || other.endDate >= input.startDate) && (input.endDate === null || input.endDate >= other.startDate));
  if (clash) {
    throw conflict(`PIN ${input.pin} sudah dipetakan untuk ${clash.startDate} s.d. ${clash.endDate ?? 'seterusnya'}; akhiri pemetaan itu dulu`, { field: 'startDate' });
  }
}

export interface MappingChange {
  mapping: MappingView;
  resolvedPunches: number;
  affected: AffectedDay[];
}

/** Map a device PIN to an employee; punches held under that PIN are resolved at once. */
export async function createDeviceMapping(executor: Executor, ctx: RequestContext, deviceId: string, input: z.infer<typeof createDeviceMappingRequest>): Promise<MappingChange> {
  const device = await findWritableDevice(executor, ctx, deviceId);
  const [employee] = await executor
    .select({ id: employees.id, isActive: employees.isActive, unitId: employees.unitId })
    .from(employees)
    .where(eq(employees.id, input.employeeId));
  // Punches on this device would count in the employee's attendance: their unit must be the admin's too.
  if (ctx.actor && !canManageUnit(ctx.actor, employee?.unitId ?? null)) {
    throw forbidden('Pegawai di luar unit kewenangan Anda hanya dapat dipetakan oleh admin BKPSDM');
  }
  if (!employee) throw invalid('Pegawai tidak ditemukan', { field: 'employeeId' });
  await assertNoOverlap(executor, { deviceId, pin: input.pin, startDate: input.startDate, endDate: input.endDate, exceptId: null });
  const now = ctx.clock.now();
  const [created] = await executor
    .insert(deviceUserMappings)
    .values({ deviceId, pin: input.pin, employeeId: input.employeeId, startDate: input.startDate, endDate: input.endDate, createdAt: now, updatedAt: now })
    .returning();
  if (!created) throw new Error('insert returned nothing');
  await recordAudit(executor, ctx, { action: 'create', entityType: 'device_mapping', entityId: created.id, after: snapshotMapping(created), scopeUnitId: device.unitId });
  const affected = await resolveHeldPunches(executor, { serialNumber: device.serialNumber, pin: input.pin });
  return { mapping: await findMappingView(executor, created.id), resolvedPunches: affected.length, affected };
}

const snapshotMapping = (row: MappingRow) => ({ deviceId: row.deviceId, pin: row.pin, employeeId: row.employeeId, startDate: row.startDate, endDate: row.endDate });

async function findMappingOf(executor: Executor, deviceId: string, mappingId: string): Promise<MappingRow> {
  const [row] = await executor.select().from(deviceUserMappings).where(and(eq(deviceUserMappings.id, mappingId), eq(deviceUserMappings.deviceId, deviceId)));
  if (!row) throw notFound('Pemetaan PIN');
  return row;
}

/** Change validity dates (typically: end a mapping when a PIN is reused for someone else). */
export async function updateDeviceMapping(
  executor: Executor,
  ctx: RequestContext,
  ids: { deviceId: string; mappingId: string },
  input: z.infer<typeof updateDeviceMappingRequest>,
): Promise<MappingChange> {
  const device = await findWritableDevice(executor, ctx, ids.deviceId);
  const before = await findMappingOf(executor, ids.deviceId, ids.mappingId);
  const startDate = input.startDate ?? before.startDate;
  const endDate = input.endDate === undefined ? before.endDate : input.endDate;
  if (endDate !== null && endDate < startDate) throw invalid('Tanggal akhir tidak boleh sebelum tanggal mulai', { field: 'endDate' });
  await assertNoOverlap(executor, { deviceId: ids.deviceId, pin: before.pin, startDate, endDate, exceptId: before.id });
  const [after] = await executor
    .update(deviceUserMappings)
    .set({ startDate, endDate, updatedAt: ctx.clock.now() })
    .where(eq(deviceUserMappings.id, before.id))
    .returning();
  if (!after) throw notFound('Pemetaan PIN');
  await recordAudit(executor, ctx, { action: 'update', entityType: 'device_mapping', entityId: before.id, before: snapshotMapping(before), after: snapshotMapping(after), scopeUnitId: device.unitId });
  const affected = await resolveHeldPunches(executor, { serialNumber: device.serialNumber, pin: before.pin });
  return { mapping: await findMappingView(executor, before.id), resolvedPunches: affected.length, affected };
}

/** Only a mapping that no punch was resolved through may be deleted; otherwise end it. */
export async function deleteDeviceMapping(executor: Executor, ctx: RequestContext, ids: { deviceId: string; mappingId: string }): Promise<void> {
  const device = await findWritableDevice(executor, ctx, ids.deviceId);
  const before = await findMappingOf(executor, ids.deviceId, ids.mappingId);
  const [used] = await executor
    .select({ id: punches.id })
    .from(punches)
    .where(and(eq(punches.serialNumber, device.serialNumber), eq(punches.pin, before.pin), eq(punches.employeeId, before.employeeId)))
    .limit(1);
  if (used) throw conflict(`PIN ${before.pin} sudah dipakai untuk absensi; isi tanggal akhir pemetaan alih-alih menghapusnya`);
  await executor.delete(deviceUserMappings).where(eq(deviceUserMappings.id, before.id));
  await recordAudit(executor, ctx, { action: 'delete', entityType: 'device_mapping', entityId: before.id, before: snapshotMapping(before), scopeUnitId: device.unitId });
}
