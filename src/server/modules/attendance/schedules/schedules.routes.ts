import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  createScheduleAssignmentRequest,
  schedule,
  scheduleAssignmentList,
  scheduleAssignmentQuery,
  scheduleList,
  scheduleRequest,
  setShiftRosterRequest,
  shiftRoster,
  shiftRosterQuery,
  updateScheduleAssignmentRequest,
  workDayList,
  workDaysQuery,
} from '../../../../contracts/attendance-schedules';
import { okResponse, uuidParam } from '../../../../contracts/common';
import type { Database } from '../../../db/client';
import { createScheduleAssignment, deleteScheduleAssignment, listScheduleAssignments, updateScheduleAssignment } from './schedule-assignments.service';
import { createSchedule, getSchedule, listSchedules, setScheduleActive, updateSchedule } from './schedules.service';
import { getShiftRoster, setShiftRoster } from './shift-rosters.service';
import { getEmployeeWorkDays } from './work-days.service';

const WRITERS = ['admin_bkpsdm', 'admin_opd'] as const;
const PLAN_READERS = ['admin_bkpsdm', 'admin_opd', 'pimpinan', 'auditor'] as const;

export function registerScheduleRoutes(app: FastifyInstance, deps: { db: Database }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['jadwal kerja'];

  routes.get('/api/attendance/schedules', { config: { access: 'authenticated' }, schema: { tags, summary: 'Daftar jadwal kerja', response: { 200: scheduleList } } }, async () => listSchedules(deps.db));

  routes.get('/api/attendance/schedules/:id', { config: { access: 'authenticated' }, schema: { tags, summary: 'Detail jadwal kerja', params: uuidParam, response: { 200: schedule } } }, async (request) =>
    getSchedule(deps.db, request.params.id),
  );

  routes.post('/api/attendance/schedules', { config: { access: ['admin_bkpsdm'] }, schema: { tags, summary: 'Buat jadwal kerja (pola mingguan atau shift)', body: scheduleRequest, response: { 201: schedule } } }, async (request, reply) => {
    const { id } = await deps.db.transaction((tx) => createSchedule(tx, request.ctx, request.body));
    return reply.status(201).send(await getSchedule(deps.db, id));
  });

  routes.put('/api/attendance/schedules/:id', { config: { access: ['admin_bkpsdm'] }, schema: { tags, summary: 'Ubah jadwal kerja (seluruh definisi)', params: uuidParam, body: scheduleRequest, response: { 200: schedule } } }, async (request) => {
    await deps.db.transaction((tx) => updateSchedule(tx, request.ctx, request.params.id, request.body));
    return getSchedule(deps.db, request.params.id);
  });

  for (const [action, isActive] of [['deactivate', false], ['activate', true]] as const) {
    routes.post(
      `/api/attendance/schedules/:id/${action}`,
      { config: { access: ['admin_bkpsdm'] }, schema: { tags, summary: isActive ? 'Aktifkan jadwal' : 'Nonaktifkan jadwal', params: uuidParam, response: { 200: schedule } } },
      async (request) => {
        await deps.db.transaction((tx) => setScheduleActive(tx, request.ctx, request.params.id, isActive));
        return getSchedule(deps.db, request.params.id);
      },
    );
  }

  routes.get('/api/attendance/schedule-assignments', { config: { access: PLAN_READERS }, schema: { tags, summary: 'Penugasan jadwal (daerah, unit, pegawai)', querystring: scheduleAssignmentQuery, response: { 200: scheduleAssignmentList } } }, async (request) =>
    listScheduleAssignments(deps.db, request.ctx, request.query),
  );

  routes.post('/api/attendance/schedule-assignments', { config: { access: WRITERS }, schema: { tags, summary: 'Tugaskan jadwal', body: createScheduleAssignmentRequest } }, async (request, reply) => {
    const created = await deps.db.transaction((tx) => createScheduleAssignment(tx, request.ctx, request.body));
    return reply.status(201).send(created);
  });

  routes.patch('/api/attendance/schedule-assignments/:id', { config: { access: WRITERS }, schema: { tags, summary: 'Ubah periode/prioritas penugasan jadwal', params: uuidParam, body: updateScheduleAssignmentRequest, response: { 200: okResponse } } }, async (request) => {
    await deps.db.transaction((tx) => updateScheduleAssignment(tx, request.ctx, request.params.id, request.body));
    return { ok: true as const };
  });

  routes.delete('/api/attendance/schedule-assignments/:id', { config: { access: WRITERS }, schema: { tags, summary: 'Hapus penugasan jadwal', params: uuidParam, response: { 200: okResponse } } }, async (request) => {
    await deps.db.transaction((tx) => deleteScheduleAssignment(tx, request.ctx, request.params.id));
    return { ok: true as const };
  });

  routes.get('/api/attendance/shift-rosters', { config: { access: 'authenticated' }, schema: { tags, summary: 'Roster shift sebulan (unit atau pegawai)', querystring: shiftRosterQuery, response: { 200: shiftRoster } } }, async (request) =>
    getShiftRoster(deps.db, request.ctx, request.query),
  );

  routes.put('/api/attendance/shift-rosters', { config: { access: WRITERS }, schema: { tags, summary: 'Tetapkan roster shift sebulan (mengganti roster pegawai yang disebut)', body: setShiftRosterRequest } }, async (request) =>
    deps.db.transaction((tx) => setShiftRoster(tx, request.ctx, request.body)),
  );

  routes.get('/api/attendance/work-days', { config: { access: 'authenticated' }, schema: { tags, summary: 'Hari kerja terencana seorang pegawai', querystring: workDaysQuery, response: { 200: workDayList } } }, async (request) => {
    const days = await getEmployeeWorkDays(deps.db, request.ctx, request.query.employeeId, request.query.from, request.query.to);
    return { items: days.map((day) => ({ ...day, plannedStart: day.plannedStart?.toISOString() ?? null, plannedEnd: day.plannedEnd?.toISOString() ?? null })) };
  });
}
