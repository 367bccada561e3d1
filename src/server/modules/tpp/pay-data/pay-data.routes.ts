import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponse, okResponse, uuidParam } from '../../../../contracts/common';
import {
  createPayDataBody,
  payDataEmployeeParams,
  payDataHistory,
  payDataImportQuery,
  payDataImportResult,
  payDataListQuery,
  payDataPage,
  payDataRecord,
  updatePayDataBody,
} from '../../../../contracts/tpp-pay-data';
import type { Database } from '../../../db/client';
import { notFound } from '../../../platform/errors';
import { attachmentHeader, XLSX_CONTENT_TYPE } from '../../org/export/write-workbook';
import { TPP_ADMINS } from '../tpp-access';
import { buildPayDataTemplate, PAY_DATA_TEMPLATE_FILE } from './pay-data-columns';
import { importPayData } from './pay-data-import';
import { getPayDataHistory, listPayData } from './pay-data-queries.service';
import { findPayDataRow, toPayDataView } from './pay-data.repository';
import { createPayData, deletePayData, updatePayData } from './pay-data.service';
import { readSheetUpload } from '../../../platform/read-upload';

/** Employee pay data for TPP (CPNS status, salary for the BPJS cap): admin BKPSDM, and admin OPD for their units. */
export function registerPayDataRoutes(app: FastifyInstance, deps: { db: Database; uploadMaxMb: number }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tpp: data gaji'];
  const access = [...TPP_ADMINS];

  const viewOf = async (id: string) => {
    const row = await findPayDataRow(deps.db, id);
    if (!row) throw notFound('Data gaji');
    return toPayDataView(row);
  };

  routes.get(
    '/api/tpp/pay-data',
    { config: { access }, schema: { tags, summary: 'Pegawai dalam cakupan dengan data gaji yang berlaku pada satu tanggal', querystring: payDataListQuery, response: { 200: payDataPage } } },
    async (request) => listPayData(deps.db, request.ctx, request.query),
  );
  routes.get(
    '/api/tpp/pay-data/employees/:employeeId',
    { config: { access }, schema: { tags, summary: 'Riwayat data gaji dan status CPNS seorang pegawai', params: payDataEmployeeParams, response: { 200: payDataHistory } } },
    async (request) => getPayDataHistory(deps.db, request.ctx, request.params.employeeId),
  );
  routes.post(
    '/api/tpp/pay-data',
    { config: { access }, schema: { tags, summary: 'Catat data gaji mulai TMT (status CPNS, gaji pokok, tunjangan)', body: createPayDataBody, response: { 201: payDataRecord, 400: errorResponse, 409: errorResponse } } },
    async (request, reply) => {
      const { id } = await deps.db.transaction((tx) => createPayData(tx, request.ctx, request.body));
      return reply.status(201).send(await viewOf(id));
    },
  );
  routes.put(
    '/api/tpp/pay-data/:id',
    { config: { access }, schema: { tags, summary: 'Ubah data gaji', params: uuidParam, body: updatePayDataBody, response: { 200: payDataRecord, 400: errorResponse, 409: errorResponse } } },
    async (request) => {
      await deps.db.transaction((tx) => updatePayData(tx, request.ctx, request.params.id, request.body));
      return viewOf(request.params.id);
    },
  );
  routes.delete(
    '/api/tpp/pay-data/:id',
    { config: { access }, schema: { tags, summary: 'Hapus data gaji yang salah catat', params: uuidParam, response: { 200: okResponse } } },
    async (request) => {
      await deps.db.transaction((tx) => deletePayData(tx, request.ctx, request.params.id));
      return { ok: true as const };
    },
  );
  routes.post(
    '/api/tpp/pay-data/import',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Impor data gaji dari xlsx/csv',
        description: 'Unggahan multipart/form-data dengan kolom `file`. `dryRun=true` (bawaan) hanya memeriksa. Semua atau tidak sama sekali: bila satu baris salah, tidak ada yang disimpan dan setiap baris salah dilaporkan.',
        consumes: ['multipart/form-data'],
        querystring: payDataImportQuery,
        response: { 200: payDataImportResult, 413: errorResponse, 415: errorResponse },
      },
    },
    async (request) => importPayData(deps.db, request.ctx, { buffer: await readSheetUpload(await request.file(), deps.uploadMaxMb), dryRun: request.query.dryRun }),
  );
  routes.get('/api/tpp/pay-data/template.xlsx', { config: { access }, schema: { tags, summary: 'Templat xlsx impor data gaji' } }, async (_request, reply) =>
    reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', attachmentHeader(PAY_DATA_TEMPLATE_FILE)).send(await buildPayDataTemplate()),
  );
}
