import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponse, uuidParam } from '../../../../contracts/common';
import { createTppRunBody, tppRun, tppRunList, tppRunListQuery } from '../../../../contracts/tpp';
import type { Database } from '../../../db/client';
import { TPP_ADMINS, TPP_READERS } from '../tpp-access';
import { getTppRun, listTppRuns, requestTppRun } from './tpp-runs.service';

/** Monthly runs: queued here, computed by the worker; polled for the progress bar. */
export function registerTppRunRoutes(app: FastifyInstance, deps: { db: Database }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tpp: perhitungan'];

  routes.post(
    '/api/tpp/runs',
    {
      config: { access: [...TPP_ADMINS] },
      schema: {
        tags,
        summary: 'Antrekan perhitungan TPP sebulan untuk seluruh daerah (unitId null) atau satu OPD; 200 bila sudah ada yang menunggu/berjalan',
        body: createTppRunBody,
        response: { 200: tppRun, 201: tppRun, 400: errorResponse, 409: errorResponse },
      },
    },
    async (request, reply) => {
      const { id, isNew } = await deps.db.transaction((tx) => requestTppRun(tx, request.ctx, request.body));
      return reply.status(isNew ? 201 : 200).send(await getTppRun(deps.db, request.ctx, id));
    },
  );

  routes.get(
    '/api/tpp/runs',
    { config: { access: [...TPP_READERS] }, schema: { tags, summary: 'Perhitungan TPP terbaru', querystring: tppRunListQuery, response: { 200: tppRunList } } },
    async (request) => listTppRuns(deps.db, request.ctx, request.query),
  );

  routes.get(
    '/api/tpp/runs/:id',
    { config: { access: [...TPP_READERS] }, schema: { tags, summary: 'Status dan kemajuan satu perhitungan TPP', params: uuidParam, response: { 200: tppRun } } },
    async (request) => getTppRun(deps.db, request.ctx, request.params.id),
  );
}
