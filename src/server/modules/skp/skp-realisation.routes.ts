import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponse, uuidParam } from '../../../contracts/common';
import {
  cascadeTree,
  feedbackBody,
  myRhkList,
  myRhkQuery,
  realisationAttachmentParam,
  realisationBoard,
  realisationBody,
  rhkPeriodParam,
  unitCascadeQuery,
} from '../../../contracts/skp-realisation';
import type { Database } from '../../db/client';
import { getRealisationBoard, giveFeedback, listMyRhk, readRealisationAttachment, saveRealisation } from './skp-realisation.service';
import { getSkpCascade, getUnitCascade } from './skp-rollup.service';
import { findRhkRow } from './skp.repository';

const tags = ['SKP'];
/** Unit-wide views: admin OPD inside their units, regency-wide readers anywhere (the service checks the unit). */
export const SKP_UNIT_READERS = ['admin_opd', 'admin_bkpsdm', 'pimpinan', 'auditor'] as const;

/** Periodic realisation (rencana aksi, realisasi, evidence, feedback), the RHK daily activities may cite, the cascade tree. */
export function registerSkpRealisationRoutes(app: FastifyInstance, deps: { db: Database }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const boardOfRhk = async (ctx: Parameters<typeof getRealisationBoard>[1], rhkId: string) => {
    const rhk = await findRhkRow(db, rhkId);
    return getRealisationBoard(db, ctx, rhk?.skpId ?? rhkId);
  };

  routes.get(
    '/api/skp/my-rhk',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'RHK SKP saya (disetujui, berlaku pada tanggal itu) yang dapat diacu aktivitas harian', querystring: myRhkQuery, response: { 200: myRhkList } },
    },
    async (request) => listMyRhk(db, request.ctx, request.query.date),
  );

  routes.get(
    '/api/skp/:id/realisations',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Realisasi periodik SKP: rencana aksi, realisasi, bukti, aktivitas terkait, umpan balik, capaian', params: uuidParam, response: { 200: realisationBoard } },
    },
    async (request) => getRealisationBoard(db, request.ctx, request.params.id),
  );

  routes.put(
    '/api/skp/rhk/:id/realisations/:periodKey',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Pegawai mencatat rencana aksi dan realisasi satu RHK untuk satu periode', params: rhkPeriodParam, body: realisationBody, response: { 200: realisationBoard, 409: errorResponse } },
    },
    async (request) => {
      await db.transaction((tx) => saveRealisation(tx, request.ctx, request.params.id, request.params.periodKey, request.body));
      return boardOfRhk(request.ctx, request.params.id);
    },
  );

  routes.put(
    '/api/skp/rhk/:id/realisations/:periodKey/feedback',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Pejabat penilai memberi umpan balik dan mencatat dialog kinerja', params: rhkPeriodParam, body: feedbackBody, response: { 200: realisationBoard, 409: errorResponse } },
    },
    async (request) => {
      await db.transaction((tx) => giveFeedback(tx, request.ctx, request.params.id, request.params.periodKey, request.body));
      return boardOfRhk(request.ctx, request.params.id);
    },
  );

  routes.get(
    '/api/skp/realisations/:id/attachments/:attachmentId',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Unduh berkas bukti realisasi', params: realisationAttachmentParam } },
    async (request, reply) => {
      const file = await readRealisationAttachment(db, request.ctx, request.params.id, request.params.attachmentId);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"`)
        .header('x-content-type-options', 'nosniff')
        .send(file.data);
    },
  );

  routes.get(
    '/api/skp/:id/cascade',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Pohon cascading di bawah RHK satu SKP, dengan capaian yang digulung ke atas', params: uuidParam, response: { 200: cascadeTree } } },
    async (request) => getSkpCascade(db, request.ctx, request.params.id),
  );

  routes.get(
    '/api/skp/cascade',
    { config: { access: [...SKP_UNIT_READERS] }, schema: { tags, summary: 'Pohon cascading satu unit (beserta sub-unit) untuk satu tahun', querystring: unitCascadeQuery, response: { 200: cascadeTree } } },
    async (request) => getUnitCascade(db, request.ctx, request.query),
  );
}
