import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponse, okResponse, uuidParam } from '../../../../contracts/common';
import {
  createTppAdjustmentBody,
  createTppDisciplineDecisionBody,
  setTppComplianceBody,
  tppBankAccount,
  tppBankAccountBody,
  tppComplianceList,
  tppDisciplineDecision,
  tppEmployeeParams,
  tppEmployeePeriodQuery,
} from '../../../../contracts/tpp';
import {
  tppAdjustmentListQuery,
  tppAdjustmentListView,
  tppDisciplineDecisionListView,
  tppDisciplineListQuery,
  tppTreasurer,
  tppTreasurerBody,
  tppTreasurerList,
  tppTreasurerListQuery,
} from '../../../../contracts/tpp-records';
import type { Database } from '../../../db/client';
import { notFound } from '../../../platform/errors';
import { TPP_ADMINS, TPP_READERS, TPP_REGION_ADMINS } from '../tpp-access';
import { listTppDisciplineDecisionViews } from './list-tpp-discipline-decisions';
import { listTppAdjustments } from './tpp-adjustments.service';
import { registerTppRecordListRoutes } from './tpp-record-lists.routes';
import { deactivateTppBankAccount, getTppBankAccount, setTppBankAccount } from './tpp-bank-accounts.service';
import { createTppTreasurer, deleteTppTreasurer, getTppTreasurer, listTppTreasurers, updateTppTreasurer } from './tpp-treasurers.service';
import {
  createTppAdjustment,
  createTppDisciplineDecision,
  deleteTppDisciplineDecision,
  listTppComplianceItems,
  listTppDisciplineDecisions,
  setTppComplianceItem,
  updateTppDisciplineDecision,
} from './tpp-records.service';

/** What admins record for TPP: bank accounts, corrections of closed months, discipline decisions, compliance items, treasurers. */
export function registerTppRecordRoutes(app: FastifyInstance, deps: { db: Database }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tpp: data pendukung'];

  routes.get(
    '/api/tpp/bank-accounts/:employeeId',
    { config: { access: [...TPP_ADMINS] }, schema: { tags, summary: 'Rekening bank pembayaran TPP seorang pegawai', params: tppEmployeeParams, response: { 200: tppBankAccount } } },
    async (request) => getTppBankAccount(deps.db, request.ctx, request.params.employeeId),
  );
  routes.put(
    '/api/tpp/bank-accounts/:employeeId',
    { config: { access: [...TPP_ADMINS] }, schema: { tags, summary: 'Simpan rekening bank pembayaran TPP', params: tppEmployeeParams, body: tppBankAccountBody, response: { 200: tppBankAccount } } },
    async (request) => {
      await deps.db.transaction((tx) => setTppBankAccount(tx, request.ctx, request.params.employeeId, request.body));
      return getTppBankAccount(deps.db, request.ctx, request.params.employeeId);
    },
  );
  routes.delete(
    '/api/tpp/bank-accounts/:employeeId',
    {
      config: { access: [...TPP_ADMINS] },
      schema: { tags, summary: 'Hapus (akhiri) rekening pembayaran TPP; rekap bulan yang sudah ditutup tetap memakainya', params: tppEmployeeParams, response: { 200: okResponse, 404: errorResponse } },
    },
    async (request) => {
      await deps.db.transaction((tx) => deactivateTppBankAccount(tx, request.ctx, request.params.employeeId));
      return { ok: true as const };
    },
  );

  routes.get(
    '/api/tpp/adjustments',
    {
      config: { access: [...TPP_READERS] },
      schema: { tags, summary: 'Koreksi bulan tertutup yang dibayar pada bulan ini (per unit beserta unit di bawahnya, cari nama/NIP)', querystring: tppAdjustmentListQuery, response: { 200: tppAdjustmentListView } },
    },
    async (request) => listTppAdjustments(deps.db, request.ctx, request.query),
  );
  routes.post(
    '/api/tpp/adjustments',
    {
      config: { access: [...TPP_REGION_ADMINS] },
      schema: { tags, summary: 'Catat koreksi TPP bulan tertutup, dibayar pada bulan berikutnya yang masih terbuka', body: createTppAdjustmentBody, response: { 201: okResponse, 400: errorResponse, 409: errorResponse } },
    },
    async (request, reply) => {
      await deps.db.transaction((tx) => createTppAdjustment(tx, request.ctx, request.body));
      return reply.status(201).send({ ok: true as const });
    },
  );

  routes.get(
    '/api/tpp/discipline-decisions',
    {
      config: { access: [...TPP_ADMINS] },
      schema: { tags, summary: 'Keputusan hukuman disiplin: seorang pegawai, atau per unit/bulan berlaku (cari nama/NIP)', querystring: tppDisciplineListQuery, response: { 200: tppDisciplineDecisionListView } },
    },
    async (request) => listTppDisciplineDecisionViews(deps.db, request.ctx, request.query),
  );
  routes.post(
    '/api/tpp/discipline-decisions',
    {
      config: { access: [...TPP_REGION_ADMINS] },
      schema: { tags, summary: 'Catat keputusan hukuman disiplin (dari SK resmi)', body: createTppDisciplineDecisionBody, response: { 201: tppDisciplineDecision, 400: errorResponse, 409: errorResponse } },
    },
    async (request, reply) => {
      const { id } = await deps.db.transaction((tx) => createTppDisciplineDecision(tx, request.ctx, request.body));
      const { items } = await listTppDisciplineDecisions(deps.db, request.ctx, request.body.employeeId);
      const created = items.find((item) => item.id === id);
      if (!created) throw notFound('Keputusan hukuman disiplin');
      return reply.status(201).send(created);
    },
  );
  routes.put(
    '/api/tpp/discipline-decisions/:id',
    {
      config: { access: [...TPP_REGION_ADMINS] },
      schema: {
        tags,
        summary: 'Ubah keputusan hukuman disiplin yang salah catat (bulan awal lama dan baru masih terbuka)',
        params: uuidParam,
        body: createTppDisciplineDecisionBody,
        response: { 200: tppDisciplineDecision, 400: errorResponse, 409: errorResponse },
      },
    },
    async (request) => {
      await deps.db.transaction((tx) => updateTppDisciplineDecision(tx, request.ctx, request.params.id, request.body));
      const { items } = await listTppDisciplineDecisions(deps.db, request.ctx, request.body.employeeId);
      const updated = items.find((item) => item.id === request.params.id);
      if (!updated) throw notFound('Keputusan hukuman disiplin');
      return updated;
    },
  );
  routes.delete(
    '/api/tpp/discipline-decisions/:id',
    { config: { access: [...TPP_REGION_ADMINS] }, schema: { tags, summary: 'Hapus keputusan yang salah catat (bulan awalnya masih terbuka)', params: uuidParam, response: { 200: okResponse, 409: errorResponse } } },
    async (request) => {
      await deps.db.transaction((tx) => deleteTppDisciplineDecision(tx, request.ctx, request.params.id));
      return { ok: true as const };
    },
  );

  routes.get(
    '/api/tpp/compliance-items',
    { config: { access: [...TPP_ADMINS] }, schema: { tags, summary: 'Butir kepatuhan seorang pegawai sebulan', querystring: tppEmployeePeriodQuery, response: { 200: tppComplianceList } } },
    async (request) => listTppComplianceItems(deps.db, request.ctx, request.query.employeeId, request.query.period),
  );
  routes.put(
    '/api/tpp/compliance-items',
    { config: { access: [...TPP_ADMINS] }, schema: { tags, summary: 'Catat pemenuhan butir kepatuhan (LHKPN, BMD, TPTGR …)', body: setTppComplianceBody, response: { 200: tppComplianceList, 400: errorResponse, 409: errorResponse } } },
    async (request) => {
      await deps.db.transaction((tx) => setTppComplianceItem(tx, request.ctx, request.body));
      return listTppComplianceItems(deps.db, request.ctx, request.body.employeeId, request.body.period);
    },
  );

  routes.get(
    '/api/tpp/treasurers',
    {
      config: { access: [...TPP_ADMINS] },
      schema: { tags, summary: 'Bendahara pengeluaran (pembantu) per unit yang menandatangani daftar pembayaran TPP', querystring: tppTreasurerListQuery, response: { 200: tppTreasurerList } },
    },
    async (request) => listTppTreasurers(deps.db, request.ctx, request.query),
  );
  routes.post(
    '/api/tpp/treasurers',
    {
      config: { access: [...TPP_ADMINS] },
      schema: { tags, summary: 'Catat penugasan bendahara sebuah unit (dari SK)', body: tppTreasurerBody, response: { 201: tppTreasurer, 400: errorResponse, 404: errorResponse, 409: errorResponse } },
    },
    async (request, reply) => {
      const { id } = await deps.db.transaction((tx) => createTppTreasurer(tx, request.ctx, request.body));
      return reply.status(201).send(await getTppTreasurer(deps.db, request.ctx, id));
    },
  );
  routes.put(
    '/api/tpp/treasurers/:id',
    {
      config: { access: [...TPP_ADMINS] },
      schema: { tags, summary: 'Ubah atau akhiri penugasan bendahara', params: uuidParam, body: tppTreasurerBody, response: { 200: tppTreasurer, 400: errorResponse, 404: errorResponse, 409: errorResponse } },
    },
    async (request) => {
      await deps.db.transaction((tx) => updateTppTreasurer(tx, request.ctx, request.params.id, request.body));
      return getTppTreasurer(deps.db, request.ctx, request.params.id);
    },
  );
  routes.delete(
    '/api/tpp/treasurers/:id',
    { config: { access: [...TPP_ADMINS] }, schema: { tags, summary: 'Hapus penugasan bendahara yang salah catat', params: uuidParam, response: { 200: okResponse, 404: errorResponse } } },
    async (request) => {
      await deps.db.transaction((tx) => deleteTppTreasurer(tx, request.ctx, request.params.id));
      return { ok: true as const };
    },
  );

  registerTppRecordListRoutes(app, deps);
}
