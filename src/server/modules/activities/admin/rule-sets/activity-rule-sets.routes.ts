import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { activityRuleSet, activityRuleSetInForceQuery, activityRuleSetList, createActivityRuleSetRequest } from '../../../../../contracts/activities-admin';
import { errorResponse, uuidParam } from '../../../../../contracts/common';
import type { Database } from '../../../../db/client';
import { ACTIVITY_ADMIN_READERS, REGION_ADMINS } from '../activity-admin-access';
import { createActivityRuleSet, getActivityRuleSet, getActivityRuleSetInForce, listActivityRuleSets } from './activity-rule-sets.service';

/** Versions of the region's daily-activity rules: everyone reads the one in force; admins read the history; BKPSDM adds versions. */
export function registerActivityRuleSetRoutes(app: FastifyInstance, deps: { db: Database }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['aktivitas: aturan'];

  routes.get(
    '/api/activities/rule-sets',
    { config: { access: ACTIVITY_ADMIN_READERS }, schema: { tags, summary: 'Versi aturan aktivitas harian (norma, batas harian, tenggat, cuti)', response: { 200: activityRuleSetList } } },
    async () => listActivityRuleSets(deps.db),
  );

  routes.get(
    '/api/activities/rule-sets/in-force',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Aturan aktivitas harian yang berlaku pada suatu tanggal (bawaan hari ini)', querystring: activityRuleSetInForceQuery, response: { 200: activityRuleSet } } },
    async (request) => getActivityRuleSetInForce(deps.db, request.ctx, request.query.date),
  );

  routes.get(
    '/api/activities/rule-sets/:id',
    { config: { access: ACTIVITY_ADMIN_READERS }, schema: { tags, summary: 'Satu versi aturan aktivitas harian', params: uuidParam, response: { 200: activityRuleSet } } },
    async (request) => getActivityRuleSet(deps.db, request.params.id),
  );

  routes.post(
    '/api/activities/rule-sets',
    { config: { access: REGION_ADMINS }, schema: { tags, summary: 'Tetapkan versi baru aturan aktivitas harian (berlaku setelah versi terakhir)', body: createActivityRuleSetRequest, response: { 201: activityRuleSet, 409: errorResponse } } },
    async (request, reply) => {
      const { id } = await deps.db.transaction((tx) => createActivityRuleSet(tx, request.ctx, request.body));
      return reply.status(201).send(await getActivityRuleSet(deps.db, id));
    },
  );
}
