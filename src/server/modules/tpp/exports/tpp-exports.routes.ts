import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { tppEmployeeParams, tppExplainQuery, tppExportQuery, tppUnitPrintQuery, tppSummary } from '../../../../contracts/tpp';
import type { Database } from '../../../db/client';
import { regionToday, type RequestContext } from '../../../platform/actor';
import { sendAttachment } from '../../../platform/http';
import { timeZoneAbbreviations } from '../../../../contracts/org';
import { getMyTppExplanation, getTppExplanation } from '../results/tpp-explanation.service';
import { TPP_READERS } from '../tpp-access';
import { loadPayrollData } from './payroll-rows';
import { buildPayrollPdf } from './payroll-pdf';
import { findPayrollSigners } from './payroll-signers';
import { buildPayrollWorkbook } from './payroll-workbook';
import { buildTppSlipPdf, buildTppSlipsPdf } from './tpp-slip-pdf';
import { listSlipExplanations } from './tpp-slips.service';
import { buildSummaryPdf } from './tpp-summary-pdf';
import { buildSummaryWorkbook, summarizeTpp } from './tpp-summary.service';

const printedAt = (ctx: RequestContext) => `${regionToday(ctx)} (${timeZoneAbbreviations[ctx.regionZone]})`;

/** Payroll recap (xlsx) and a unit's payment list (PDF), summaries per OPD and region (xlsx, PDF), TPP slips (PDF). */
export function registerTppExportRoutes(app: FastifyInstance, deps: { db: Database }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tpp: ekspor'];

  routes.get(
    '/api/tpp/exports/payroll.xlsx',
    { config: { access: [...TPP_READERS] }, schema: { tags, summary: 'Rekap pembayaran TPP untuk BPKAD (xlsx), satu OPD (unitId) atau seluruh lingkup', querystring: tppExportQuery } },
    async (request, reply) => {
      const data = await loadPayrollData(deps.db, request.ctx, request.query.period, request.query.unitId);
      const scope = request.query.unitId ? (data.rows[0]?.opdName ?? 'unit') : 'seluruh daerah';
      return sendAttachment(reply, 'xlsx', `rekap-tpp-${request.query.unitId ? 'opd' : 'daerah'}-${request.query.period}.xlsx`, await buildPayrollWorkbook(data, scope));
    },
  );

  routes.get(
    '/api/tpp/summary',
    { config: { access: [...TPP_READERS] }, schema: { tags, summary: 'Ringkasan TPP sebulan per OPD dan daerah', querystring: tppExplainQuery, response: { 200: tppSummary } } },
    async (request) => summarizeTpp(deps.db, request.ctx, request.query.period),
  );

  routes.get(
    '/api/tpp/exports/payroll.pdf',
    { config: { access: [...TPP_READERS] }, schema: { tags, summary: 'Daftar pembayaran TPP satu unit (PDF, untuk ditandatangani kepala unit dan bendahara)', querystring: tppUnitPrintQuery } },
    async (request, reply) => {
      const data = await loadPayrollData(deps.db, request.ctx, request.query.period, request.query.unitId);
      const signers = await findPayrollSigners(deps.db, request.query.unitId, request.query.period, regionToday(request.ctx));
      return sendAttachment(reply, 'pdf', `daftar-pembayaran-tpp-${request.query.period}.pdf`, await buildPayrollPdf(data, signers, printedAt(request.ctx)));
    },
  );

  routes.get(
    '/api/tpp/exports/summary.xlsx',
    { config: { access: [...TPP_READERS] }, schema: { tags, summary: 'Ringkasan TPP per OPD dan daerah (xlsx)', querystring: tppExplainQuery } },
    async (request, reply) => {
      const summary = await summarizeTpp(deps.db, request.ctx, request.query.period);
      return sendAttachment(reply, 'xlsx', `ringkasan-tpp-${request.query.period}.xlsx`, await buildSummaryWorkbook(summary));
    },
  );

  routes.get(
    '/api/tpp/exports/summary.pdf',
    { config: { access: [...TPP_READERS] }, schema: { tags, summary: 'Ringkasan TPP per OPD dan daerah (PDF, untuk dicetak)', querystring: tppExplainQuery } },
    async (request, reply) => {
      const summary = await summarizeTpp(deps.db, request.ctx, request.query.period);
      return sendAttachment(reply, 'pdf', `ringkasan-tpp-${request.query.period}.pdf`, await buildSummaryPdf(summary, printedAt(request.ctx)));
    },
  );

  routes.get(
    '/api/tpp/exports/slips.pdf',
    { config: { access: [...TPP_READERS] }, schema: { tags, summary: 'Slip TPP semua pegawai satu unit sebulan (PDF, satu slip per halaman baru)', querystring: tppUnitPrintQuery } },
    async (request, reply) => {
      const explanations = await listSlipExplanations(deps.db, request.ctx, request.query.period, request.query.unitId);
      return sendAttachment(reply, 'pdf', `slip-tpp-unit-${request.query.period}.pdf`, await buildTppSlipsPdf(explanations, printedAt(request.ctx), `Slip TPP ${request.query.period}`));
    },
  );

  routes.get(
    '/api/tpp/me/slip.pdf',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Slip TPP saya (PDF)', querystring: tppExplainQuery } },
    async (request, reply) => {
      const explanation = await getMyTppExplanation(deps.db, request.ctx, request.query.period);
      return sendAttachment(reply, 'pdf', `slip-tpp-${explanation.employee.nip}-${explanation.period}.pdf`, await buildTppSlipPdf(explanation, printedAt(request.ctx)));
    },
  );

  routes.get(
    '/api/tpp/employees/:employeeId/slip.pdf',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Slip TPP seorang pegawai (PDF)', params: tppEmployeeParams, querystring: tppExplainQuery } },
    async (request, reply) => {
      const explanation = await getTppExplanation(deps.db, request.ctx, request.params.employeeId, request.query.period);
      return sendAttachment(reply, 'pdf', `slip-tpp-${explanation.employee.nip}-${explanation.period}.pdf`, await buildTppSlipPdf(explanation, printedAt(request.ctx)));
    },
  );
}
