import { desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { deviceCommandRequest } from '../../../../contracts/attendance-devices';
import { buildDeviceCommand, UnsafeCommandError, type DeviceCommandRequest } from '../../../../domain/attendance/adms-commands';
import type { Executor } from '../../../db/client';
import { deviceCommands, deviceUserMappings, employees } from '../../../db/schema';
import type { RequestContext } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { conflict, invalid } from '../../../platform/errors';
import { findReadableDevice, findWritableDevice } from './device-scope';

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export async function listDeviceCommands(executor: Executor, ctx: RequestContext, deviceId: string) {
  await findReadableDevice(executor, ctx, deviceId);
  const rows = await executor.select().from(deviceCommands).where(eq(deviceCommands.deviceId, deviceId)).orderBy(desc(deviceCommands.id)).limit(100);
  return {
    items: rows.map((row) => ({
      id: row.id,
      command: row.command,
      status: row.status as 'pending' | 'sent' | 'done' | 'failed',
      createdAt: row.createdAt.toISOString(),
      sentAt: iso(row.sentAt),
      completedAt: iso(row.completedAt),
      returnCode: row.returnCode,
      result: row.result,
    })),
  };
}

async function toCommandRequest(executor: Executor, deviceId: string, input: z.infer<typeof deviceCommandRequest>): Promise<DeviceCommandRequest> {
  if (input.kind !== 'sync_user') return input;
  const [mapping] = await executor
    .select({ deviceId: deviceUserMappings.deviceId, pin: deviceUserMappings.pin, name: employees.name })
    .from(deviceUserMappings)
    .innerJoin(employees, eq(employees.id, deviceUserMappings.employeeId))
    .where(eq(deviceUserMappings.id, input.mappingId));
  if (!mapping || mapping.deviceId !== deviceId) throw invalid('Pemetaan PIN tidak ditemukan pada mesin ini', { field: 'mappingId' });
  return { kind: 'sync_user', pin: mapping.pin, name: mapping.name };
}

/** Queue one of the safe commands for an active PUSH device; it is sent on the next poll. */
export async function enqueueDeviceCommand(executor: Executor, ctx: RequestContext, deviceId: string, input: z.infer<typeof deviceCommandRequest>): Promise<{ id: number }> {
  const device = await findWritableDevice(executor, ctx, deviceId);
  if (device.status !== 'active') throw conflict('Perintah hanya dapat dikirim ke mesin yang aktif');
  if (device.protocol !== 'adms') throw conflict('Antrean perintah hanya untuk mesin PUSH/ADMS');
  let command: string;
  try {
    command = buildDeviceCommand(await toCommandRequest(executor, deviceId, input));
  } catch (error) {
    if (error instanceof UnsafeCommandError) throw invalid(error.message);
    throw error;
  }
  const [created] = await executor
    .insert(deviceCommands)
    .values({ deviceId, command, createdByUserId: ctx.actor?.userId ?? null, createdAt: ctx.clock.now() })
    .returning({ id: deviceCommands.id });
  if (!created) throw new Error('insert returned nothing');
  await recordAudit(executor, ctx, { action: 'enqueue_command', entityType: 'device', entityId: deviceId, after: { commandId: created.id, command }, scopeUnitId: device.unitId });
  return created;
}
