import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { board, boardQuery, dailyList, dailyQuery, recap, recapQuery } from '../../../../contracts/attendance-daily';
import type { Database } from '../../../db/client';
import { notFound } from '../../../platform/errors';
import { findUnitRow } from '../../org/units.repository';
import { registerRequestRoutes } from '../requests/requests.routes';
import { getAttendanceBoard, getAttendanceRecap, listDailyAttendance } from './daily-queries.service';
import { buildRecapPdf } from './recap-pdf';
import { buildRecapWorkbook } from './recap-workbook';
import { sendAttachment } from '../../../platform/http';

const tags = ['presensi: kehadiran harian'];
/** Board and recap: unit readers; services narrow admin OPD to their units. */
const UNIT_READERS = ['admin_bkpsdm', 'admin_opd', 'pimpinan', 'auditor'] as const;

/**
 * All routes of leave/duty requests and daily attendance (my attendance, subordinates, the OPD
 * live board, the monthly recap). The one function the composition root calls for this area.
 */
export function registerAttendanceRecordRoutes(app: FastifyInstance, deps: { db: Database }) {
  registerRequestRoutes(app, deps);
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/attendance/daily',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Kehadiran harian seorang pegawai (bawaan: saya)', querystring: dailyQuery, response: { 200: dailyList } } },
    async (request) => listDailyAttendance(deps.db, request.ctx, request.query),
  );

  routes.get(
    '/api/attendance/board',
    { config: { access: UNIT_READERS }, schema: { tags, summary: 'Papan kehadiran OPD hari ini: masuk, terlambat, belum hadir', querystring: boardQuery, response: { 200: board } } },
    async (request) => getAttendanceBoard(deps.db, request.ctx, request.query),
  );

  routes.get(
    '/api/attendance/recap',
    { config: { access: UNIT_READERS }, schema: { tags, summary: 'Rekap kehadiran bulanan per pegawai', querystring: recapQuery, response: { 200: recap } } },
    async (request) => getAttendanceRecap(deps.db, request.ctx, request.query),
  );

  routes.get(
    '/api/attendance/recap.xlsx',
    { config: { access: UNIT_READERS }, schema: { tags, summary: 'Rekap kehadiran bulanan (xlsx)', querystring: recapQuery } },
    async (request, reply) => {
      const data = await getAttendanceRecap(deps.db, request.ctx, request.query);
      const unit = await findUnitRow(deps.db, data.unitId);
      if (!unit) throw notFound('Unit');
      const buffer = await buildRecapWorkbook(data, unit.name);
      return sendAttachment(reply, 'xlsx', `rekap-kehadiran-${unit.code.replace(/[^A-Za-z0-9-]/g, '_')}-${data.month}.xlsx`, buffer);
    },
  );

  routes.get(
    '/api/attendance/recap.pdf',
    { config: { access: UNIT_READERS }, schema: { tags, summary: 'Rekap kehadiran bulanan (PDF, A4 lanskap)', querystring: recapQuery } },
    async (request, reply) => {
      const data = await getAttendanceRecap(deps.db, request.ctx, request.query);
      const unit = await findUnitRow(deps.db, data.unitId);
      if (!unit) throw notFound('Unit');
      const printedAt = new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeStyle: 'short', timeZone: unit.timeZone }).format(request.ctx.clock.now());
      const buffer = await buildRecapPdf(data, unit.name, printedAt);
      return sendAttachment(reply, 'pdf', `rekap-kehadiran-${unit.code.replace(/[^A-Za-z0-9-]/g, '_')}-${data.month}.pdf`, buffer);
    },
  );
}
