import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponse, uuidParam } from '../../../contracts/common';
import {
  distributionQuery,
  distributionView,
  evaluationBody,
  evaluationList,
  evaluationParam,
  evaluationView,
  finaliseResult,
  supervisedUnitList,
  supervisedUnitsQuery,
  unitPredikatBody,
  unitPredikatParam,
  unitPredikatView,
} from '../../../contracts/skp-evaluation';
import type { Database } from '../../db/client';
import { isAssessedByKepalaDaerah } from './skp-access';
import { findSkpRow } from './skp.repository';
import { getDistribution } from './skp-distribution.service';
import { finaliseEvaluation, listEvaluations, saveEvaluation } from './skp-evaluation.service';
import { listSupervisedUnits, setUnitPredikat } from './skp-unit-predikat.service';

const tags = ['SKP'];

/** Evaluation: ratings with BerAKHLAK, predikat, finalising, unit predikat, distribution advisor. */
export function registerSkpEvaluationRoutes(app: FastifyInstance, deps: { db: Database }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  routes.get(
    '/api/skp/:id/evaluations',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Penilaian periodik dan tahunan satu SKP', params: uuidParam, response: { 200: evaluationList } } },
    async (request) => listEvaluations(db, request.ctx, request.params.id),
  );

  routes.put(
    '/api/skp/:id/evaluations/:periodKey',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Pejabat penilai menilai hasil kerja dan perilaku kerja (BerAKHLAK) untuk satu periode atau setahun',
        params: evaluationParam,
        body: evaluationBody,
        response: { 200: evaluationView, 409: errorResponse },
      },
    },
    async (request) => db.transaction((tx) => saveEvaluation(tx, request.ctx, request.params.id, request.params.periodKey, request.body)),
  );

  routes.post(
    '/api/skp/:id/evaluations/:periodKey/finalise',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Finalkan penilaian (pola distribusi ditampilkan sebagai pertimbangan)', params: evaluationParam, response: { 200: finaliseResult, 409: errorResponse } },
    },
    async (request) => {
      const evaluation = await db.transaction((tx) => finaliseEvaluation(tx, request.ctx, request.params.id, request.params.periodKey));
      // The advice for the assessor's group as it now stands, the finalised rating included. BKPSDM,
      // finalising for a kepala daerah, is nobody's assessor: it gets the advice of the SKP's unit.
      const skp = await findSkpRow(db, request.params.id);
      const unitId = skp && isAssessedByKepalaDaerah(skp) && skp.unitId ? skp.unitId : undefined;
      return { evaluation, distribution: await getDistribution(db, request.ctx, { periodKey: request.params.periodKey, ...(unitId ? { unitId } : {}) }) };
    },
  );

  routes.get(
    '/api/skp/unit-predikats/mine',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Unit yang kepala unitnya saya nilai, dengan predikat unit yang saya tetapkan', querystring: supervisedUnitsQuery, response: { 200: supervisedUnitList } },
    },
    async (request) => listSupervisedUnits(db, request.ctx, request.query.periodKey),
  );

  routes.put(
    '/api/skp/unit-predikats/:unitId/:periodKey',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Atasan unit menetapkan predikat kinerja unit untuk satu periode', params: unitPredikatParam, body: unitPredikatBody, response: { 200: unitPredikatView, 409: errorResponse } },
    },
    async (request) => db.transaction((tx) => setUnitPredikat(tx, request.ctx, request.params.unitId, request.params.periodKey, request.body)),
  );

  routes.get(
    '/api/skp/distribution',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Sebaran predikat dibanding pola distribusi SE MenPANRB 03/2023: yang saya nilai, atau satu unit', querystring: distributionQuery, response: { 200: distributionView } },
    },
    async (request) => getDistribution(db, request.ctx, request.query),
  );
}
