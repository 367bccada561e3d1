import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { closePeriodRequest, periodClosure, periodClosureList, periodClosurePreview, periodClosurePreviewQuery, periodClosureQuery } from '../../../../../contracts/activities-admin';
import { errorResponse } from '../../../../../contracts/common';
import type { Database } from '../../../../db/client';
import { REGION_ADMINS } from '../activity-admin-access';
import { closePeriod, getPeriodClosure, listPeriodClosures, previewPeriodClosure } from './period-closures.service';

/** Month closing for TPP: everyone may see which months are frozen; only admin BKPSDM closes one. */
export function registerPeriodClosureRoutes(app: FastifyInstance, deps: { db: Database }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['periode: penutupan bulan'];

  routes.get(
    '/api/periods/closures',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Bulan yang sudah ditutup (terbaru dahulu)', querystring: periodClosureQuery, response: { 200: periodClosureList } } },
    async (request) => listPeriodClosures(deps.db, request.query.year),
  );

  routes.get(
    '/api/periods/closures/preview',
    { config: { access: REGION_ADMINS }, schema: { tags, summary: 'Pratinjau penutupan bulan: sudah berakhir? sudah ditutup? entri per status', querystring: periodClosurePreviewQuery, response: { 200: periodClosurePreview } } },
    async (request) => previewPeriodClosure(deps.db, request.ctx, request.query.period),
  );

  routes.post(
    '/api/periods/closures',
    { config: { access: REGION_ADMINS }, schema: { tags, summary: 'Tutup bulan untuk TPP (tidak dapat dibuka kembali)', body: closePeriodRequest, response: { 201: periodClosure, 409: errorResponse } } },
    async (request, reply) => {
      await deps.db.transaction((tx) => closePeriod(tx, request.ctx, request.body));
      return reply.status(201).send(await getPeriodClosure(deps.db, request.body.period));
    },
  );
}
