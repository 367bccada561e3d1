import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  approveDeviceRequest,
  createDeviceMappingRequest,
  createDeviceRequest,
  device,
  deviceCommandList,
  deviceCommandRequest,
  deviceList,
  deviceListQuery,
  deviceMappingList,
  mappingParams,
  mappingResult,
  updateDeviceMappingRequest,
  updateDeviceRequest,
} from '../../../../contracts/attendance-devices';
import { uuidParam } from '../../../../contracts/common';
import type { Database } from '../../../db/client';
import type { Role } from '../../../platform/actor';
import { notFound } from '../../../platform/errors';
import { notifyPunchesIngested, type OnPunchesIngested } from '../punches/punch-hooks';
import { enqueueDeviceCommand, listDeviceCommands } from './device-commands.service';
import { createDeviceMapping, deleteDeviceMapping, listDeviceMappings, updateDeviceMapping } from './device-mappings.service';
import { findDeviceViews } from './devices.repository';
import { approveDevice, createDevice, disableDevice, getDevice, listDevices, updateDevice, type DeviceChange } from './devices.service';

/** Pimpinan and auditors read the registry; admins manage it (admin OPD inside their units). */
export const DEVICE_READERS = ['admin_bkpsdm', 'admin_opd', 'pimpinan', 'auditor'] as const satisfies readonly Role[];
export const DEVICE_WRITERS = ['admin_bkpsdm', 'admin_opd'] as const satisfies readonly Role[];

export interface DeviceRouteDeps {
  db: Database;
  onPunchesIngested?: OnPunchesIngested;
}

export function registerDeviceRegistryRoutes(app: FastifyInstance, deps: DeviceRouteDeps) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['mesin absensi'];
  const readers = { access: DEVICE_READERS };
  const writers = { access: DEVICE_WRITERS };
  /** After commit: read back without re-checking scope, and let attendance recompute. */
  const finish = async (change: DeviceChange, log: (error: unknown) => void) => {
    await notifyPunchesIngested(deps.onPunchesIngested, change.affected, log);
    // The write was authorised; a device just moved out of the caller's units is still shown once.
    const [view] = await findDeviceViews(deps.db, { unitIds: null, id: change.id });
    if (!view) throw notFound('Mesin absensi');
    return view;
  };

  routes.get('/api/devices', { config: readers, schema: { tags, summary: 'Daftar mesin absensi dan statusnya', querystring: deviceListQuery, response: { 200: deviceList } } }, async (request) =>
    listDevices(deps.db, request.ctx, request.query),
  );
  routes.get('/api/devices/:id', { config: readers, schema: { tags, summary: 'Detail mesin absensi', params: uuidParam, response: { 200: device } } }, async (request) =>
    getDevice(deps.db, request.ctx, request.params.id),
  );
  routes.post('/api/devices', { config: writers, schema: { tags, summary: 'Daftarkan mesin (masuk daftar izin)', body: createDeviceRequest, response: { 201: device } } }, async (request, reply) => {
    const change = await deps.db.transaction((tx) => createDevice(tx, request.ctx, request.body));
    return reply.status(201).send(await finish(change, (error) => request.log.error({ err: error }, 'recompute after device change failed')));
  });
  routes.patch('/api/devices/:id', { config: writers, schema: { tags, summary: 'Ubah mesin', params: uuidParam, body: updateDeviceRequest, response: { 200: device } } }, async (request) => {
    const change = await deps.db.transaction((tx) => updateDevice(tx, request.ctx, request.params.id, request.body));
    return finish(change, (error) => request.log.error({ err: error }, 'recompute after device change failed'));
  });
  routes.post(
    '/api/devices/:id/approve',
    { config: writers, schema: { tags, summary: 'Setujui mesin dari karantina (atau aktifkan lagi)', params: uuidParam, body: approveDeviceRequest, response: { 200: device } } },
    async (request) => {
      const change = await deps.db.transaction((tx) => approveDevice(tx, request.ctx, request.params.id, request.body ?? {}));
      return finish(change, (error) => request.log.error({ err: error }, 'recompute after device approval failed'));
    },
  );
  routes.post('/api/devices/:id/disable', { config: writers, schema: { tags, summary: 'Nonaktifkan mesin', params: uuidParam, response: { 200: device } } }, async (request) => {
    const change = await deps.db.transaction((tx) => disableDevice(tx, request.ctx, request.params.id));
    return finish(change, (error) => request.log.error({ err: error }, 'recompute after device change failed'));
  });

  routes.get('/api/devices/:id/mappings', { config: readers, schema: { tags, summary: 'Pemetaan PIN mesin ke pegawai', params: uuidParam, response: { 200: deviceMappingList } } }, async (request) =>
    listDeviceMappings(deps.db, request.ctx, request.params.id),
  );
  routes.post(
    '/api/devices/:id/mappings',
    {
      config: writers,
      schema: { tags, summary: 'Petakan PIN ke pegawai (absensi tertahan dengan PIN itu ikut diproses)', params: uuidParam, body: createDeviceMappingRequest, response: { 201: mappingResult } },
    },
    async (request, reply) => {
      const change = await deps.db.transaction((tx) => createDeviceMapping(tx, request.ctx, request.params.id, request.body));
      await notifyPunchesIngested(deps.onPunchesIngested, change.affected, (error) => request.log.error({ err: error }, 'recompute after mapping failed'));
      return reply.status(201).send({ mapping: change.mapping, resolvedPunches: change.resolvedPunches });
    },
  );
  routes.patch(
    '/api/devices/:id/mappings/:mappingId',
    { config: writers, schema: { tags, summary: 'Ubah masa berlaku pemetaan PIN', params: mappingParams, body: updateDeviceMappingRequest, response: { 200: mappingResult } } },
    async (request) => {
      const ids = { deviceId: request.params.id, mappingId: request.params.mappingId };
      const change = await deps.db.transaction((tx) => updateDeviceMapping(tx, request.ctx, ids, request.body));
      await notifyPunchesIngested(deps.onPunchesIngested, change.affected, (error) => request.log.error({ err: error }, 'recompute after mapping failed'));
      return { mapping: change.mapping, resolvedPunches: change.resolvedPunches };
    },
  );
  routes.delete(
    '/api/devices/:id/mappings/:mappingId',
    { config: writers, schema: { tags, summary: 'Hapus pemetaan PIN yang belum pernah dipakai', params: mappingParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deps.db.transaction((tx) => deleteDeviceMapping(tx, request.ctx, { deviceId: request.params.id, mappingId: request.params.mappingId }));
      return reply.status(204).send(null);
    },
  );

  routes.get('/api/devices/:id/commands', { config: readers, schema: { tags, summary: 'Antrean perintah mesin', params: uuidParam, response: { 200: deviceCommandList } } }, async (request) =>
    listDeviceCommands(deps.db, request.ctx, request.params.id),
  );
  routes.post(
    '/api/devices/:id/commands',
    {
      config: writers,
      schema: { tags, summary: 'Antrekan perintah aman (sinkron pengguna, ambil ulang rentang, hitung catatan, CHECK, INFO)', params: uuidParam, body: deviceCommandRequest, response: { 201: z.object({ id: z.number().int() }) } },
    },
    async (request, reply) => reply.status(201).send(await deps.db.transaction((tx) => enqueueDeviceCommand(tx, request.ctx, request.params.id, request.body))),
  );
}
