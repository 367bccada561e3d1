import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createRuleSetRequest, ruleSetList } from '../../../../contracts/attendance-schedules';
import type { Database } from '../../../db/client';
import { createRuleSet, listRuleSets } from './rule-sets.service';

export function registerRuleSetRoutes(app: FastifyInstance, deps: { db: Database }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['aturan presensi'];

  routes.get('/api/attendance/rule-sets', { config: { access: 'authenticated' }, schema: { tags, summary: 'Versi aturan presensi (rentang TL/PSW, batas waktu wajar, cuti tahunan)', response: { 200: ruleSetList } } }, async () =>
    listRuleSets(deps.db),
  );

  routes.post('/api/attendance/rule-sets', { config: { access: ['admin_bkpsdm'] }, schema: { tags, summary: 'Buat versi baru aturan presensi', body: createRuleSetRequest } }, async (request, reply) => {
    const created = await deps.db.transaction((tx) => createRuleSet(tx, request.ctx, request.body));
    return reply.status(201).send(created);
  });
}
