import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createDeadlineExtensionRequest, deadlineExtension, deadlineExtensionPage, deadlineExtensionQuery, deleteDeadlineExtensionRequest } from '../../../../../contracts/activities-admin';
import { errorResponse, okResponse, uuidParam } from '../../../../../contracts/common';
import type { Database } from '../../../../db/client';
import { ACTIVITY_ADMIN_READERS, ACTIVITY_ADMINS } from '../activity-admin-access';
import { createDeadlineExtension, deleteDeadlineExtension, getDeadlineExtension, listDeadlineExtensions } from './deadline-extensions.service';

/** Deadline extensions for a unit or the whole region (an outage): admin BKPSDM anywhere, admin OPD in their units. */
export function registerDeadlineExtensionRoutes(app: FastifyInstance, deps: { db: Database }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['aktivitas: perpanjangan tenggat'];

  routes.get(
    '/api/activities/deadline-extensions',
    { config: { access: ACTIVITY_ADMIN_READERS }, schema: { tags, summary: 'Perpanjangan tenggat entri (filter unit, tanggal kerja)', querystring: deadlineExtensionQuery, response: { 200: deadlineExtensionPage } } },
    async (request) => listDeadlineExtensions(deps.db, request.ctx, request.query),
  );

  routes.post(
    '/api/activities/deadline-extensions',
    {
      config: { access: ACTIVITY_ADMINS },
      schema: { tags, summary: 'Perpanjang tenggat entri untuk unit atau seluruh daerah (alasan masuk jejak audit)', body: createDeadlineExtensionRequest, response: { 201: deadlineExtension, 409: errorResponse } },
    },
    async (request, reply) => {
      const { id } = await deps.db.transaction((tx) => createDeadlineExtension(tx, request.ctx, request.body));
      return reply.status(201).send(await getDeadlineExtension(deps.db, id));
    },
  );

  routes.delete(
    '/api/activities/deadline-extensions/:id',
    { config: { access: ACTIVITY_ADMINS }, schema: { tags, summary: 'Hapus perpanjangan yang dibuat karena keliru (alasan wajib, tetap tercatat di jejak audit)', params: uuidParam, body: deleteDeadlineExtensionRequest, response: { 200: okResponse } } },
    async (request) => {
      await deps.db.transaction((tx) => deleteDeadlineExtension(tx, request.ctx, request.params.id, request.body.reason));
      return { ok: true as const };
    },
  );
}
