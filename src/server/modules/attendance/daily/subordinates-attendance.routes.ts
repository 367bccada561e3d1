import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { subordinateDayList, subordinateDayQuery, subordinateMonthList, subordinateMonthQuery } from '../../../../contracts/attendance-subordinates';
import type { Database } from '../../../db/client';
import { getSubordinatesDay, getSubordinatesMonth } from './subordinates-attendance.service';

const tags = ['presensi: kehadiran harian'];

/** A superior's view of their direct subordinates' attendance (a day, a month). */
export function registerSubordinateAttendanceRoutes(app: FastifyInstance, deps: { db: Database }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/attendance/subordinates/day',
    {
      config: { access: ['atasan'] },
      schema: { tags, summary: 'Presensi bawahan langsung pada satu hari (bawaan: hari ini)', querystring: subordinateDayQuery, response: { 200: subordinateDayList } },
    },
    async (request) => getSubordinatesDay(deps.db, request.ctx, request.query),
  );

  routes.get(
    '/api/attendance/subordinates/month',
    {
      config: { access: ['atasan'] },
      schema: { tags, summary: 'Presensi bawahan langsung sebulan, dengan jumlahnya', querystring: subordinateMonthQuery, response: { 200: subordinateMonthList } },
    },
    async (request) => getSubordinatesMonth(deps.db, request.ctx, request.query),
  );
}
