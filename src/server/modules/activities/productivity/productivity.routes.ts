import { and, eq, gte, lte, ne } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { employeeProductivity, productivityList, productivityQuery, subordinateProductivityQuery, unitProductivityQuery } from '../../../../contracts/activities-productivity';
import { errorResponse } from '../../../../contracts/common';
import type { Database } from '../../../db/client';
import { activityEntries } from '../../../db/schema';
import { findUnitRow } from '../../org/units.repository';
import { findEntryViews } from '../entries/entry-view';
import { buildActivityReportPdf } from './activity-report-pdf';
import { monthBounds } from './monthly-productivity';
import { buildProductivityWorkbook } from './productivity-workbook';
import { getEmployeeProductivity, listSubordinateProductivity, listUnitProductivity } from './productivity.service';
import { sendAttachment } from '../../../platform/http';

const tags = ['aktivitas: produktivitas'];
/** Unit lists: unit readers; the service narrows an admin OPD to their units. */
const UNIT_READERS = ['admin_bkpsdm', 'admin_opd', 'pimpinan', 'auditor'] as const;
const safeName = (value: string) => value.replace(/[^A-Za-z0-9-]/g, '_');

/** Monthly productivity of one employee, my subordinates, a unit; the PDF and xlsx reports. */
export function registerProductivityRoutes(app: FastifyInstance, deps: { db: Database }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/activities/productivity',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Produktivitas bulanan seorang pegawai (bawaan: saya, bulan ini s.d. hari ini)', querystring: productivityQuery, response: { 200: employeeProductivity, 404: errorResponse } },
    },
    async (request) => (await getEmployeeProductivity(deps.db, request.ctx, request.query)).productivity,
  );

  routes.get(
    '/api/activities/productivity/subordinates',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Produktivitas bulanan bawahan langsung saya', querystring: subordinateProductivityQuery, response: { 200: productivityList } } },
    async (request) => listSubordinateProductivity(deps.db, request.ctx, request.query),
  );

  routes.get(
    '/api/activities/productivity/unit',
    { config: { access: UNIT_READERS }, schema: { tags, summary: 'Produktivitas bulanan pegawai satu unit (beserta sub-unitnya)', querystring: unitProductivityQuery, response: { 200: productivityList } } },
    async (request) => (await listUnitProductivity(deps.db, request.ctx, request.query)).list,
  );

  routes.get(
    '/api/activities/productivity/unit.xlsx',
    { config: { access: UNIT_READERS }, schema: { tags, summary: 'Produktivitas bulanan satu unit (xlsx)', querystring: unitProductivityQuery } },
    async (request, reply) => {
      const { list, unit } = await listUnitProductivity(deps.db, request.ctx, request.query);
      const buffer = await buildProductivityWorkbook(list, unit.name);
      return sendAttachment(reply, 'xlsx', `produktivitas-${safeName(unit.code)}-${list.month}.xlsx`, buffer);
    },
  );

  routes.get(
    '/api/activities/productivity/report.pdf',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Laporan aktivitas harian bulanan seorang pegawai (PDF)', querystring: productivityQuery } },
    async (request, reply) => {
      const { person, productivity } = await getEmployeeProductivity(deps.db, request.ctx, request.query);
      const bounds = monthBounds(productivity.month);
      const entries = await findEntryViews(
        deps.db,
        and(eq(activityEntries.employeeId, person.id), gte(activityEntries.workDate, bounds.from), lte(activityEntries.workDate, bounds.to), ne(activityEntries.status, 'draft')),
        { limit: 5000 },
      );
      const unit = person.unitId ? await findUnitRow(deps.db, person.unitId) : null;
      const printedAt = new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeStyle: 'short', timeZone: unit?.timeZone ?? request.ctx.regionZone }).format(request.ctx.clock.now());
      const buffer = await buildActivityReportPdf({ productivity, entries, unitName: unit?.name ?? null, printedAt });
      return sendAttachment(reply, 'pdf', `laporan-aktivitas-${person.nip}-${productivity.month}.pdf`, buffer);
    },
  );
}
