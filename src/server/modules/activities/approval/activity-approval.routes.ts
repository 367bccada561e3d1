import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { activityEntry } from '../../../../contracts/activities';
import { approvalQueue, approvalQueueQuery, approvalSummary, bulkDecisionBody, bulkDecisionResult, decideEntryBody, evidenceVerdictBody } from '../../../../contracts/activities-approval';
import { errorResponse, uuidParam } from '../../../../contracts/common';
import type { Database } from '../../../db/client';
import type { Clock } from '../../../platform/clock';
import { notFound } from '../../../platform/errors';
import { findEntryView } from '../entries/entry-view';
import { registerProductivityRoutes } from '../productivity/productivity.routes';
import { getApprovalSummary, listApprovalQueue } from './approval-queue.service';
import { decideEntries, decideEntry, setEvidenceVerdict } from './decide-entries.service';

export interface ActivityApprovalRoutesDeps {
  db: Database;
  clock: Clock;
  uploadMaxMb: number;
}

const tags = ['aktivitas: persetujuan'];

/**
 * The superior's queue, decisions and evidence verdicts on activity entries, and the productivity
 * routes built on the decisions. Authority is decided per entry by the approval routing, so the
 * routes are open to any signed-in user and the services answer 403 to anyone else (admins too).
 */
export function registerActivityApprovalRoutes(app: FastifyInstance, deps: ActivityApprovalRoutesDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const readBack = async (id: string) => {
    const view = await findEntryView(deps.db, id);
    if (!view) throw notFound('Aktivitas');
    return view;
  };

  routes.get(
    '/api/activities/approvals',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Aktivitas bawahan yang menunggu keputusan saya, per pegawai dan per hari, dengan tanda', querystring: approvalQueueQuery, response: { 200: approvalQueue } } },
    async (request) => listApprovalQueue(deps.db, request.ctx, request.query),
  );

  routes.get(
    '/api/activities/approvals/summary',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Jumlah aktivitas menunggu keputusan saya (pengingat)', response: { 200: approvalSummary } } },
    async (request) => getApprovalSummary(deps.db, request.ctx),
  );

  routes.post(
    '/api/activities/approvals/bulk',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Putuskan banyak aktivitas sekaligus (terpilih, satu hari, atau satu bulan seorang pegawai); semua atau tidak sama sekali',
        body: bulkDecisionBody,
        response: { 200: bulkDecisionResult, 403: errorResponse, 409: errorResponse },
      },
    },
    async (request) => deps.db.transaction((tx) => decideEntries(tx, request.ctx, request.body)),
  );

  routes.post(
    '/api/activities/entries/:id/decision',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Setujui, tolak (dengan alasan) atau kembalikan untuk perbaikan (dengan alasan)', params: uuidParam, body: decideEntryBody, response: { 200: activityEntry, 403: errorResponse, 409: errorResponse } },
    },
    async (request) => {
      await deps.db.transaction((tx) => decideEntry(tx, request.ctx, request.params.id, request.body));
      return readBack(request.params.id);
    },
  );

  routes.post(
    '/api/activities/entries/:id/evidence-verdict',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Nilai bukti dukung: sesuai, kurang, atau tidak sesuai', params: uuidParam, body: evidenceVerdictBody, response: { 200: activityEntry, 403: errorResponse, 409: errorResponse } },
    },
    async (request) => {
      await deps.db.transaction((tx) => setEvidenceVerdict(tx, request.ctx, request.params.id, request.body));
      return readBack(request.params.id);
    },
  );

  registerProductivityRoutes(app, { db: deps.db });
}
