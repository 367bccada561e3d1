import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { importEntityParam } from '../../../../contracts/org';
import type { Database } from '../../../db/client';
import { exportFileName, exportMasterData } from './export-master-data';
import { attachmentHeader, XLSX_CONTENT_TYPE } from './write-workbook';
import { regionToday } from '../../../platform/actor';

/** Registered from `registerImportExportRoutes` (import/import.routes.ts). */
export function registerExportRoutes(app: FastifyInstance, deps: { db: Database }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/export/:entity.xlsx',
    {
      config: { access: ['admin_bkpsdm', 'admin_opd', 'pimpinan', 'auditor'] },
      schema: {
        tags: ['impor-ekspor'],
        summary: 'Ekspor unit, jabatan atau pegawai ke xlsx (kolom sama dengan impor)',
        description: 'Admin BKPSDM, pimpinan dan auditor: seluruh kabupaten; admin OPD: unit-unit kewenangannya.',
        params: importEntityParam,
      },
    },
    async (request, reply) => {
      const buffer = await exportMasterData(deps.db, request.ctx, request.params.entity);
      return reply
        .header('content-type', XLSX_CONTENT_TYPE)
        .header('content-disposition', attachmentHeader(exportFileName(request.params.entity, regionToday(request.ctx))))
        .send(buffer);
    },
  );
}
