import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { uuidParam } from '../../../contracts/common';
import { createUnitRequest, unit, unitPage, unitQuery, unitTree, updateUnitRequest } from '../../../contracts/org';
import type { Database } from '../../db/client';
import { notFound } from '../../platform/errors';
import { ORG_READERS, ORG_WRITERS } from './org-access';
import { findUnitView } from './units.repository';
import { createUnit, getUnit, listUnitTree, listUnits, setUnitActive, updateUnit } from './units.service';

export function registerUnitRoutes(app: FastifyInstance, deps: { db: Database }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['unit organisasi'];
  // Read back after commit without re-checking scope: the write itself was authorised, and a
  // unit created this request is not yet in the actor's (request-start) subtree list.
  const readBack = async (id: string) => {
    const view = await findUnitView(deps.db, id);
    if (!view) throw notFound('Unit');
    return view;
  };

  routes.get('/api/units', { config: { access: ORG_READERS }, schema: { tags, summary: 'Daftar unit (cari, halaman)', querystring: unitQuery, response: { 200: unitPage } } }, async (request) =>
    listUnits(deps.db, request.ctx, request.query),
  );

  routes.get(
    '/api/units/tree',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Semua unit, aktif dan nonaktif, untuk pohon/pemilih unit (nama unit bukan rahasia)', response: { 200: unitTree } } },
    async () => listUnitTree(deps.db),
  );

  routes.get('/api/units/:id', { config: { access: ORG_READERS }, schema: { tags, summary: 'Detail unit', params: uuidParam, response: { 200: unit } } }, async (request) =>
    getUnit(deps.db, request.ctx, request.params.id),
  );

  routes.post('/api/units', { config: { access: ORG_WRITERS }, schema: { tags, summary: 'Buat unit', body: createUnitRequest, response: { 201: unit } } }, async (request, reply) => {
    const { id } = await deps.db.transaction((tx) => createUnit(tx, request.ctx, request.body));
    return reply.status(201).send(await readBack(id));
  });

  routes.patch(
    '/api/units/:id',
    { config: { access: ORG_WRITERS }, schema: { tags, summary: 'Ubah unit (termasuk memindahkan induk)', params: uuidParam, body: updateUnitRequest, response: { 200: unit } } },
    async (request) => {
      await deps.db.transaction((tx) => updateUnit(tx, request.ctx, request.params.id, request.body));
      return readBack(request.params.id);
    },
  );

  for (const [action, isActive] of [['deactivate', false], ['activate', true]] as const) {
    routes.post(
      `/api/units/:id/${action}`,
      { config: { access: ORG_WRITERS }, schema: { tags, summary: isActive ? 'Aktifkan unit' : 'Nonaktifkan unit', params: uuidParam, response: { 200: unit } } },
      async (request) => {
        await deps.db.transaction((tx) => setUnitActive(tx, request.ctx, request.params.id, isActive));
        return readBack(request.params.id);
      },
    );
  }
}
