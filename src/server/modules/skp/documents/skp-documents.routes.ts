import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { uuidParam } from '../../../../contracts/common';
import { evaluationParam } from '../../../../contracts/skp-evaluation';
import { skpExport, skpExportQuery } from '../../../../contracts/skp-export';
import type { Database } from '../../../db/client';
import { SKP_UNIT_READERS } from '../skp-realisation.routes';
import { renderAnnualDocument, renderEvaluationDocument, renderSkpDocument, type RenderedDocument } from './skp-documents.service';
import { buildSkpExport, buildSkpWorkbook } from './skp-export.service';
import { sendAttachment } from '../../../platform/http';

const tags = ['SKP'];
const safeName = (value: string) => value.replace(/[^A-Za-z0-9._-]/g, '_');

/** SKP, evaluation and annual documents (PDF); an OPD's SKPs as xlsx and as the JSON export for the national e-Kinerja. */
export function registerSkpDocumentRoutes(app: FastifyInstance, deps: { db: Database }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const sendPdf = (reply: FastifyReply, document: RenderedDocument) =>
    sendAttachment(reply, 'pdf', document.fileName, document.content);

  routes.get(
    '/api/skp/:id/document.pdf',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Dokumen SKP (PDF)', params: uuidParam } },
    async (request, reply) => sendPdf(reply, await renderSkpDocument(db, request.ctx, request.params.id)),
  );

  routes.get(
    '/api/skp/:id/evaluations/:periodKey/document.pdf',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Dokumen evaluasi kinerja satu periode atau tahunan (PDF)', params: evaluationParam } },
    async (request, reply) => sendPdf(reply, await renderEvaluationDocument(db, request.ctx, request.params.id, request.params.periodKey)),
  );

  routes.get(
    '/api/skp/:id/annual-document.pdf',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Dokumen evaluasi kinerja pegawai tahunan (PDF)', params: uuidParam } },
    async (request, reply) => sendPdf(reply, await renderAnnualDocument(db, request.ctx, request.params.id)),
  );

  routes.get(
    '/api/skp/export.json',
    {
      config: { access: [...SKP_UNIT_READERS] },
      schema: { tags, summary: 'Ekspor RHK, indikator dan penilaian satu OPD/unit (format ekinerja.skp-export v1, lihat docs/skp-export.md)', querystring: skpExportQuery, response: { 200: skpExport } },
    },
    async (request) => buildSkpExport(db, request.ctx, request.query),
  );

  routes.get(
    '/api/skp/export.xlsx',
    { config: { access: [...SKP_UNIT_READERS] }, schema: { tags, summary: 'Ekspor SKP dan penilaian satu OPD/unit (xlsx)', querystring: skpExportQuery } },
    async (request, reply) => {
      const data = await buildSkpExport(db, request.ctx, request.query);
      return sendAttachment(reply, 'xlsx', `skp-${safeName(data.unit.code)}-${data.year}.xlsx`, await buildSkpWorkbook(data));
    },
  );
}
