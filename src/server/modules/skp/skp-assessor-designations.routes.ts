import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponse, uuidParam } from '../../../contracts/common';
import { assessorDesignationBody, assessorDesignationList, endDesignationBody, withoutAssessorList, withoutAssessorQuery } from '../../../contracts/skp-assessors';
import type { Database } from '../../db/client';
import { createAssessorDesignation, endAssessorDesignation, listAssessorDesignations, listEmployeesWithoutAssessor } from './skp-assessor-designations.service';

const tags = ['SKP'];
/** Regency-wide: who assesses the top of the tree is BKPSDM's decision; leaders and auditors may read it. */
const REGENCY_READERS = ['admin_bkpsdm', 'pimpinan', 'auditor'] as const;

/** Pejabat penilai designated for positions without a superior of record (the Sekda, heads of OPD), and who still has none. */
export function registerSkpAssessorRoutes(app: FastifyInstance, deps: { db: Database }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  routes.get(
    '/api/skp/assessor-designations',
    { config: { access: [...REGENCY_READERS] }, schema: { tags, summary: 'Pejabat penilai yang ditetapkan untuk jabatan tanpa atasan langsung', response: { 200: assessorDesignationList } } },
    async (request) => listAssessorDesignations(db, request.ctx),
  );

  routes.post(
    '/api/skp/assessor-designations',
    {
      config: { access: ['admin_bkpsdm'] },
      schema: {
        tags,
        summary: 'Tetapkan pejabat penilai (pegawai atau kepala daerah) bagi pemegang jabatan tanpa atasan langsung',
        body: assessorDesignationBody,
        response: { 201: assessorDesignationList, 409: errorResponse },
      },
    },
    async (request, reply) => {
      await db.transaction((tx) => createAssessorDesignation(tx, request.ctx, request.body));
      return reply.status(201).send(await listAssessorDesignations(db, request.ctx));
    },
  );

  routes.post(
    '/api/skp/assessor-designations/:id/end',
    {
      config: { access: ['admin_bkpsdm'] },
      schema: { tags, summary: 'Akhiri penetapan pejabat penilai pada tanggal tertentu', params: uuidParam, body: endDesignationBody, response: { 200: assessorDesignationList, 409: errorResponse } },
    },
    async (request) => {
      await db.transaction((tx) => endAssessorDesignation(tx, request.ctx, request.params.id, request.body.endDate));
      return listAssessorDesignations(db, request.ctx);
    },
  );

  routes.get(
    '/api/skp/without-assessor',
    {
      config: { access: [...REGENCY_READERS] },
      schema: { tags, summary: 'Pegawai aktif yang belum memiliki pejabat penilai (tanpa atasan langsung dan tanpa penetapan)', querystring: withoutAssessorQuery, response: { 200: withoutAssessorList } },
    },
    async (request) => listEmployeesWithoutAssessor(db, request.ctx, request.query.date),
  );
}
