import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponse, okResponse, uuidParam } from '../../../../contracts/common';
import { tppRuleSetBody, tppRuleSetExampleList, tppRuleSetListQuery, tppRuleSetVersion, tppRuleSetVersionList } from '../../../../contracts/tpp';
import type { Database } from '../../../db/client';
import { TPP_REGION_ADMINS } from '../tpp-access';
import {
  createTppRuleSetVersion,
  getTppRuleSetVersion,
  listTppRuleSetExamples,
  listTppRuleSetVersions,
  replaceTppRuleSetVersion,
  retireTppRuleSetVersion,
} from './tpp-rule-sets.service';

/** Rule-set versions: everyone signed in reads the rules their TPP follows; admin BKPSDM changes them. */
export function registerTppRuleSetRoutes(app: FastifyInstance, deps: { db: Database }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tpp: aturan'];

  routes.get(
    '/api/tpp/rule-sets',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Versi aturan TPP (yang berlaku; atau semua dengan riwayat)', querystring: tppRuleSetListQuery, response: { 200: tppRuleSetVersionList } } },
    async (request) => listTppRuleSetVersions(deps.db, request.ctx, { includeSuperseded: request.query.includeSuperseded === 'true' }),
  );

  routes.get(
    '/api/tpp/rule-sets/examples',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Contoh aturan TPP bawaan (klasik 60/40, Kolaka, Tapanuli Tengah) untuk dimuat', response: { 200: tppRuleSetExampleList } } },
    async () => listTppRuleSetExamples(),
  );

  routes.get(
    '/api/tpp/rule-sets/:id',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Satu versi aturan TPP', params: uuidParam, response: { 200: tppRuleSetVersion } } },
    async (request) => getTppRuleSetVersion(deps.db, request.ctx, request.params.id),
  );

  routes.get(
    '/api/tpp/rule-sets/:id/export',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Ekspor versi aturan TPP sebagai berkas JSON', params: uuidParam } },
    async (request, reply) => {
      const version = await getTppRuleSetVersion(deps.db, request.ctx, request.params.id);
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="aturan-tpp-${version.regionCode}-${version.effectiveFrom}.json"`)
        .send(`${JSON.stringify(version.ruleSet, null, 2)}\n`);
    },
  );

  routes.post(
    '/api/tpp/rule-sets',
    {
      config: { access: [...TPP_REGION_ADMINS] },
      schema: { tags, summary: 'Tambah versi aturan TPP (isian atau teks JSON impor)', body: tppRuleSetBody, response: { 201: tppRuleSetVersion, 400: errorResponse, 409: errorResponse } },
    },
    async (request, reply) => {
      const { id } = await deps.db.transaction((tx) => createTppRuleSetVersion(tx, request.ctx, request.body.ruleSet));
      return reply.status(201).send(await getTppRuleSetVersion(deps.db, request.ctx, id));
    },
  );

  routes.put(
    '/api/tpp/rule-sets/:id',
    {
      config: { access: [...TPP_REGION_ADMINS] },
      schema: { tags, summary: 'Ubah versi aturan TPP (versi lama disimpan sebagai riwayat)', params: uuidParam, body: tppRuleSetBody, response: { 200: tppRuleSetVersion, 400: errorResponse, 409: errorResponse } },
    },
    async (request) => {
      const { id } = await deps.db.transaction((tx) => replaceTppRuleSetVersion(tx, request.ctx, request.params.id, request.body.ruleSet));
      return getTppRuleSetVersion(deps.db, request.ctx, id);
    },
  );

  routes.delete(
    '/api/tpp/rule-sets/:id',
    { config: { access: [...TPP_REGION_ADMINS] }, schema: { tags, summary: 'Tarik versi aturan TPP yang belum dipakai untuk bulan tertutup', params: uuidParam, response: { 200: okResponse, 409: errorResponse } } },
    async (request) => {
      await deps.db.transaction((tx) => retireTppRuleSetVersion(tx, request.ctx, request.params.id));
      return { ok: true as const };
    },
  );
}
