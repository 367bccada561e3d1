import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditEntityTypes, auditPage, auditQuery } from '../../../contracts/audit';
import type { Database } from '../../db/client';
import { hasRole, requireActor } from '../../platform/actor';
import { findAuditEntityTypes, findAuditEntries } from './audit.repository';

/** The audit trail: BKPSDM administrators and auditors read all of it, an admin OPD their subtree. */
export function registerAuditRoutes(app: FastifyInstance, deps: { db: Database }) {
  // The names of the kinds of data (not the entries): the same list for every reader of the trail.
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/audit/entity-types',
    {
      config: { access: ['admin_bkpsdm', 'auditor', 'admin_opd'] },
      schema: { tags: ['audit'], summary: 'Jenis data yang tercatat di jejak audit (saran filter)', response: { 200: auditEntityTypes } },
    },
    async () => ({ items: await findAuditEntityTypes(deps.db) }),
  );
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/audit',
    {
      config: { access: ['admin_bkpsdm', 'auditor', 'admin_opd'] },
      schema: { tags: ['audit'], summary: 'Jejak audit (filter dan halaman)', querystring: auditQuery, response: { 200: auditPage } },
    },
    async (request) => {
      const actor = requireActor(request.ctx);
      const isRegencyWide = hasRole(actor, 'admin_bkpsdm', 'auditor');
      return findAuditEntries(deps.db, request.query, isRegencyWide ? null : actor.adminUnitIds);
    },
  );
}
