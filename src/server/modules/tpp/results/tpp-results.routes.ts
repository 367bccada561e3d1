import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponse } from '../../../../contracts/common';
import { tppEmployeeParams, tppExplainQuery, tppExplanation, tppHistory, tppMonthChange, tppResultList, tppResultListQuery, tppSimulateBody, tppSimulation } from '../../../../contracts/tpp';
import type { Database } from '../../../db/client';
import { TPP_READERS } from '../tpp-access';
import { getMyTppExplanation, getTppExplanation, getTppHistory, getTppMonthChange, simulateEmployeeTpp } from './tpp-explanation.service';
import { listTppResults } from './tpp-results.service';

/** Results, "why is my TPP this amount?" and the simulator. */
export function registerTppResultRoutes(app: FastifyInstance, deps: { db: Database }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tpp: hasil'];

  routes.get(
    '/api/tpp/me',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'TPP saya sebulan, baris demi baris (perkiraan bila belum dihitung)', querystring: tppExplainQuery, response: { 200: tppExplanation, 409: errorResponse } } },
    async (request) => getMyTppExplanation(deps.db, request.ctx, request.query.period),
  );

  routes.get(
    '/api/tpp/me/month-change',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'TPP saya dibandingkan dengan bulan lalu, baris demi baris', querystring: tppExplainQuery, response: { 200: tppMonthChange, 409: errorResponse } } },
    async (request) => getTppMonthChange(deps.db, request.ctx, null, request.query.period),
  );

  routes.get(
    '/api/tpp/me/history',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'TPP saya bulan-bulan sebelumnya', response: { 200: tppHistory } } },
    async (request) => getTppHistory(deps.db, request.ctx, null),
  );

  routes.get(
    '/api/tpp/employees/:employeeId',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'TPP seorang pegawai sebulan (diri sendiri, bawahan, unit admin OPD, BKPSDM/pimpinan/auditor)', params: tppEmployeeParams, querystring: tppExplainQuery, response: { 200: tppExplanation, 409: errorResponse } },
    },
    async (request) => getTppExplanation(deps.db, request.ctx, request.params.employeeId, request.query.period),
  );

  routes.get(
    '/api/tpp/employees/:employeeId/month-change',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'TPP seorang pegawai dibandingkan dengan bulan lalu, baris demi baris', params: tppEmployeeParams, querystring: tppExplainQuery, response: { 200: tppMonthChange, 409: errorResponse } },
    },
    async (request) => getTppMonthChange(deps.db, request.ctx, request.params.employeeId, request.query.period),
  );

  routes.get(
    '/api/tpp/employees/:employeeId/history',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'TPP seorang pegawai bulan-bulan sebelumnya', params: tppEmployeeParams, response: { 200: tppHistory } } },
    async (request) => getTppHistory(deps.db, request.ctx, request.params.employeeId),
  );

  routes.get(
    '/api/tpp/results',
    { config: { access: [...TPP_READERS] }, schema: { tags, summary: 'Hasil TPP sebulan per pegawai dengan perubahan terbesar dari bulan lalu', querystring: tppResultListQuery, response: { 200: tppResultList } } },
    async (request) => listTppResults(deps.db, request.ctx, request.query),
  );

  routes.post(
    '/api/tpp/simulate',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Simulasi: pengaruh perubahan masukan terhadap TPP sebulan (pegawai sendiri; admin dalam kewenangannya)', body: tppSimulateBody, response: { 200: tppSimulation, 400: errorResponse } },
    },
    async (request) => simulateEmployeeTpp(deps.db, request.ctx, request.body),
  );
}
