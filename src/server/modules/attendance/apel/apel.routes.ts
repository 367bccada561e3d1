import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  apelAttendanceList,
  apelAttendanceQuery,
  apelSchedule,
  apelScheduleBody,
  apelScheduleList,
  apelScheduleListQuery,
  setApelAttendanceBody,
  setApelAttendanceResult,
} from '../../../../contracts/attendance-apel';
import { errorResponse, uuidParam } from '../../../../contracts/common';
import type { Database } from '../../../db/client';
import { listApelAttendance, setApelAttendance } from './apel-attendance.service';
import { createApelSchedule, getApelSchedule, listApelSchedules, updateApelSchedule } from './apel-schedules.service';

const WRITERS = ['admin_bkpsdm', 'admin_opd'] as const;
const READERS = ['admin_bkpsdm', 'admin_opd', 'pimpinan', 'auditor'] as const;

/** Ceremonies (apel, upacara): schedules, who attended one, and an admin's record overriding the punches. */
export function registerApelRoutes(app: FastifyInstance, deps: { db: Database }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['presensi: apel'];

  routes.get(
    '/api/attendance/apel-schedules',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Jadwal apel/upacara (seluruh daerah atau yang menjangkau satu unit)', querystring: apelScheduleListQuery, response: { 200: apelScheduleList } } },
    async (request) => listApelSchedules(deps.db, request.query),
  );
  routes.post(
    '/api/attendance/apel-schedules',
    { config: { access: WRITERS }, schema: { tags, summary: 'Tambah jadwal apel (seluruh daerah: admin BKPSDM; satu unit: juga admin OPD-nya)', body: apelScheduleBody, response: { 201: apelSchedule, 400: errorResponse } } },
    async (request, reply) => {
      const { id } = await deps.db.transaction((tx) => createApelSchedule(tx, request.ctx, request.body));
      return reply.status(201).send(await getApelSchedule(deps.db, id));
    },
  );
  routes.put(
    '/api/attendance/apel-schedules/:id',
    { config: { access: WRITERS }, schema: { tags, summary: 'Ubah atau nonaktifkan jadwal apel', params: uuidParam, body: apelScheduleBody, response: { 200: apelSchedule, 400: errorResponse } } },
    async (request) => {
      await deps.db.transaction((tx) => updateApelSchedule(tx, request.ctx, request.params.id, request.body));
      return getApelSchedule(deps.db, request.params.id);
    },
  );

  routes.get(
    '/api/attendance/apel-attendance',
    {
      config: { access: READERS },
      schema: { tags, summary: 'Kehadiran satu apel di satu unit: dari sidik jari dalam rentang waktu apel, cuti/dinas, dan catatan admin', querystring: apelAttendanceQuery, response: { 200: apelAttendanceList } },
    },
    async (request) => listApelAttendance(deps.db, request.ctx, request.query),
  );
  routes.put(
    '/api/attendance/apel-attendance',
    {
      config: { access: WRITERS },
      schema: { tags, summary: 'Catat kehadiran apel (hadir, tidak hadir, dispensasi; kosong = kembali ke sidik jari)', body: setApelAttendanceBody, response: { 200: setApelAttendanceResult, 400: errorResponse, 409: errorResponse } },
    },
    async (request) => deps.db.transaction((tx) => setApelAttendance(tx, request.ctx, request.body)),
  );
}
