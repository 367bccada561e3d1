import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { uuidParam } from '../../../contracts/common';
import { createPositionRequest, position, positionPage, positionQuery, updatePositionRequest } from '../../../contracts/org';
import type { Database } from '../../db/client';
import { regionToday, type RequestContext } from '../../platform/actor';
import { notFound } from '../../platform/errors';
import { ORG_READERS, ORG_WRITERS } from './org-access';
import { findPositionView } from './positions.repository';
import { createPosition, getPosition, listPositions, setPositionActive, updatePosition } from './positions.service';

export function registerPositionRoutes(app: FastifyInstance, deps: { db: Database }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['jabatan'];
  const readBack = async (ctx: RequestContext, id: string) => {
    const view = await findPositionView(deps.db, id, regionToday(ctx));
    if (!view) throw notFound('Jabatan');
    return view;
  };

  routes.get(
    '/api/positions',
    { config: { access: ORG_READERS }, schema: { tags, summary: 'Daftar jabatan dengan pemangku hari ini', querystring: positionQuery, response: { 200: positionPage } } },
    async (request) => listPositions(deps.db, request.ctx, request.query),
  );

  routes.get('/api/positions/:id', { config: { access: ORG_READERS }, schema: { tags, summary: 'Detail jabatan', params: uuidParam, response: { 200: position } } }, async (request) =>
    getPosition(deps.db, request.ctx, request.params.id),
  );

  routes.post('/api/positions', { config: { access: ORG_WRITERS }, schema: { tags, summary: 'Buat jabatan', body: createPositionRequest, response: { 201: position } } }, async (request, reply) => {
    const { id } = await deps.db.transaction((tx) => createPosition(tx, request.ctx, request.body));
    return reply.status(201).send(await readBack(request.ctx, id));
  });

  routes.patch(
    '/api/positions/:id',
    { config: { access: ORG_WRITERS }, schema: { tags, summary: 'Ubah jabatan (termasuk atasan jabatan)', params: uuidParam, body: updatePositionRequest, response: { 200: position } } },
    async (request) => {
      await deps.db.transaction((tx) => updatePosition(tx, request.ctx, request.params.id, request.body));
      return readBack(request.ctx, request.params.id);
    },
  );

  for (const [action, isActive] of [['deactivate', false], ['activate', true]] as const) {
    routes.post(
      `/api/positions/:id/${action}`,
      { config: { access: ORG_WRITERS }, schema: { tags, summary: isActive ? 'Aktifkan jabatan' : 'Nonaktifkan jabatan', params: uuidParam, response: { 200: position } } },
      async (request) => {
        await deps.db.transaction((tx) => setPositionActive(tx, request.ctx, request.params.id, isActive));
        return readBack(request.ctx, request.params.id);
      },
    );
  }
}
