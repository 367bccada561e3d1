import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createHolidayRequest, holiday, holidayList, holidayQuery, updateHolidayRequest } from '../../../../contracts/attendance-schedules';
import { uuidParam } from '../../../../contracts/common';
import type { Database } from '../../../db/client';
import { createHoliday, getHoliday, listHolidays, setHolidayActive, updateHoliday } from './holidays.service';

const WRITERS = ['admin_bkpsdm', 'admin_opd'] as const;

export function registerHolidayRoutes(app: FastifyInstance, deps: { db: Database }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['hari libur'];

  routes.get('/api/attendance/holidays', { config: { access: 'authenticated' }, schema: { tags, summary: 'Hari libur setahun (nasional, cuti bersama, daerah)', querystring: holidayQuery, response: { 200: holidayList } } }, async (request) =>
    listHolidays(deps.db, request.query),
  );

  routes.post('/api/attendance/holidays', { config: { access: WRITERS }, schema: { tags, summary: 'Tambah hari libur', body: createHolidayRequest, response: { 201: holiday } } }, async (request, reply) => {
    const { id } = await deps.db.transaction((tx) => createHoliday(tx, request.ctx, request.body));
    return reply.status(201).send(await getHoliday(deps.db, id));
  });

  routes.patch('/api/attendance/holidays/:id', { config: { access: WRITERS }, schema: { tags, summary: 'Ubah tanggal/nama hari libur', params: uuidParam, body: updateHolidayRequest, response: { 200: holiday } } }, async (request) => {
    await deps.db.transaction((tx) => updateHoliday(tx, request.ctx, request.params.id, request.body));
    return getHoliday(deps.db, request.params.id);
  });

  for (const [action, isActive] of [['deactivate', false], ['activate', true]] as const) {
    routes.post(
      `/api/attendance/holidays/:id/${action}`,
      { config: { access: WRITERS }, schema: { tags, summary: isActive ? 'Aktifkan hari libur' : 'Nonaktifkan hari libur', params: uuidParam, response: { 200: holiday } } },
      async (request) => {
        await deps.db.transaction((tx) => setHolidayActive(tx, request.ctx, request.params.id, isActive));
        return getHoliday(deps.db, request.params.id);
      },
    );
  }
}
