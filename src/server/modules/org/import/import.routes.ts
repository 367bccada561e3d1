import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponse } from '../../../../contracts/common';
import { importEntityParam, importQuery, importResult } from '../../../../contracts/org';
import type { Database } from '../../../db/client';
import { registerExportRoutes } from '../export/export.routes';
import { attachmentHeader, XLSX_CONTENT_TYPE } from '../export/write-workbook';
import { importMasterData } from './import-master-data';
import { buildImportTemplate, templateFileName } from './import-template';
import { readSheetUpload } from '../../../platform/read-upload';

const tags = ['impor-ekspor'];
const importerRoles = ['admin_bkpsdm', 'admin_opd'] as const;

/**
 * Upload (dry run or real), template and export routes of org master data. Registered by
 * `registerOrgRoutes`; the multipart plugin and its `fileSize` limit are set up in app.ts.
 */
export function registerImportExportRoutes(app: FastifyInstance, deps: { db: Database; uploadMaxMb: number }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/api/import/:entity',
    {
      config: { access: importerRoles },
      schema: {
        tags,
        summary: 'Impor unit, jabatan atau pegawai dari xlsx/csv',
        description:
          'Unggahan multipart/form-data dengan kolom `file`. `dryRun=true` (bawaan) hanya memeriksa. Semua atau tidak sama sekali: bila satu baris salah, tidak ada yang disimpan dan setiap baris salah dilaporkan. Format kolom: docs/import-format.md.',
        consumes: ['multipart/form-data'],
        params: importEntityParam,
        querystring: importQuery,
        response: { 200: importResult, 413: errorResponse, 415: errorResponse },
      },
    },
    async (request) => {
      const buffer = await readSheetUpload(await request.file(), deps.uploadMaxMb);
      return importMasterData(deps.db, request.ctx, { entity: request.params.entity, buffer, dryRun: request.query.dryRun });
    },
  );

  routes.get(
    '/api/import/templates/:entity.xlsx',
    {
      config: { access: importerRoles },
      schema: { tags, summary: 'Templat xlsx impor (judul kolom dan satu baris contoh)', params: importEntityParam },
    },
    async (request, reply) => {
      const buffer = await buildImportTemplate(request.params.entity);
      return reply
        .header('content-type', XLSX_CONTENT_TYPE)
        .header('content-disposition', attachmentHeader(templateFileName(request.params.entity)))
        .send(buffer);
    },
  );

  registerExportRoutes(app, deps);
}
