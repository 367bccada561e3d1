import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponse, okResponse, uuidParam } from '../../../../contracts/common';
import {
  tppBankAccountListQuery,
  tppBankAccountPage,
  tppComplianceSheet,
  tppComplianceSheetQuery,
  tppRecordOptions,
  tppRecordOptionsQuery,
  updateTppAdjustmentBody,
} from '../../../../contracts/tpp-records';
import type { Database } from '../../../db/client';
import { TPP_ADMINS, TPP_REGION_ADMINS } from '../tpp-access';
import { listTppBankAccounts } from './list-tpp-bank-accounts';
import { deleteTppAdjustment, updateTppAdjustment } from './tpp-adjustments.service';
import { getTppComplianceSheet } from './tpp-compliance-sheet.service';
import { getTppRecordOptions } from './tpp-record-options.service';

/** The monthly admin screens' lists (bank accounts, the compliance sheet), form choices, and changes to corrections. */
export function registerTppRecordListRoutes(app: FastifyInstance, deps: { db: Database }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tpp: data pendukung'];

  routes.get(
    '/api/tpp/bank-accounts',
    {
      config: { access: [...TPP_ADMINS] },
      schema: { tags, summary: 'Rekening pembayaran TPP pegawai aktif dalam lingkup (nomor disamarkan; cari nama/NIP, yang belum punya rekening)', querystring: tppBankAccountListQuery, response: { 200: tppBankAccountPage } },
    },
    async (request) => listTppBankAccounts(deps.db, request.ctx, request.query),
  );

  routes.put(
    '/api/tpp/adjustments/:id',
    {
      config: { access: [...TPP_REGION_ADMINS] },
      schema: { tags, summary: 'Ubah jumlah atau alasan koreksi selama bulan pembayarannya masih terbuka', params: uuidParam, body: updateTppAdjustmentBody, response: { 200: okResponse, 400: errorResponse, 409: errorResponse } },
    },
    async (request) => {
      await deps.db.transaction((tx) => updateTppAdjustment(tx, request.ctx, request.params.id, request.body));
      return { ok: true as const };
    },
  );
  routes.delete(
    '/api/tpp/adjustments/:id',
    { config: { access: [...TPP_REGION_ADMINS] }, schema: { tags, summary: 'Hapus koreksi yang salah catat (bulan pembayarannya masih terbuka)', params: uuidParam, response: { 200: okResponse, 409: errorResponse } } },
    async (request) => {
      await deps.db.transaction((tx) => deleteTppAdjustment(tx, request.ctx, request.params.id));
      return { ok: true as const };
    },
  );

  routes.get(
    '/api/tpp/compliance-sheet',
    {
      config: { access: [...TPP_ADMINS] },
      schema: { tags, summary: 'Butir kepatuhan sebulan: pegawai dalam lingkup × butir aturan TPP bulan itu', querystring: tppComplianceSheetQuery, response: { 200: tppComplianceSheet } },
    },
    async (request) => getTppComplianceSheet(deps.db, request.ctx, request.query),
  );

  routes.get(
    '/api/tpp/record-options',
    { config: { access: [...TPP_ADMINS] }, schema: { tags, summary: 'Pilihan formulir sebulan: jenis hukuman disiplin dan butir kepatuhan aturan TPP yang berlaku', querystring: tppRecordOptionsQuery, response: { 200: tppRecordOptions } } },
    async (request) => getTppRecordOptions(deps.db, request.query.period),
  );
}
