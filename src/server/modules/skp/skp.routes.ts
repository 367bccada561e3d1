import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponse, okResponse, uuidParam } from '../../../contracts/common';
import {
  citableRhkList,
  copyFromSuperiorBody,
  createSkpBody,
  decideSkpBody,
  handOutResult,
  handOutRhkBody,
  returnSkpBody,
  reviseSkpBody,
  rhkInput,
  rhkParam,
  skpList,
  skpListQuery,
  skpSettingsBody,
  skpSettingsList,
  skpSettingsView,
  skpView,
  updateSkpBody,
  yearParam,
} from '../../../contracts/skp';
import type { Database } from '../../db/client';
import type { Clock } from '../../platform/clock';
import type { RequestContext } from '../../platform/actor';
import { copyFromSuperior, handOutRhk } from './skp-cascade.service';
import { createMySkp, reviseSkp, updateSkpDetails } from './skp-plan.service';
import { getSkp, listCitableRhk, listSkps } from './skp-queries.service';
import { addRhk, removeRhk, updateRhkPlan } from './skp-rhk.service';
import { listSkpSettings, setSkpSettings } from './skp-settings.service';
import { approveSkp, returnSkp, submitSkp } from './skp-workflow.service';
import { findRhkRow } from './skp.repository';
import { registerSkpDocumentRoutes } from './documents/skp-documents.routes';
import { registerSkpAssessorRoutes } from './skp-assessor-designations.routes';
import { registerSkpEvaluationRoutes } from './skp-evaluation.routes';
import { registerSkpRealisationRoutes } from './skp-realisation.routes';

const tags = ['SKP'];

/** SKP planning: settings, my SKP, RHK and indicators, cascade, submit / approve / return, revisions. */
export function registerSkpRoutes(app: FastifyInstance, deps: { db: Database; clock: Clock }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const readBack = (ctx: RequestContext, id: string) => getSkp(db, ctx, id);
  const skpOfRhk = async (rhkId: string) => (await findRhkRow(db, rhkId))?.skpId ?? null;

  routes.get(
    '/api/skp/settings',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Pengaturan SKP daerah per tahun (periode dan pendekatan)', response: { 200: skpSettingsList } } },
    async () => listSkpSettings(db),
  );

  routes.put(
    '/api/skp/settings/:year',
    {
      config: { access: ['admin_bkpsdm'] },
      schema: { tags, summary: 'Atur periode (bulanan/triwulanan) dan pendekatan penilaian mulai tahun tertentu', params: yearParam, body: skpSettingsBody, response: { 200: skpSettingsView } },
    },
    async (request) => db.transaction((tx) => setSkpSettings(tx, request.ctx, request.params.year, request.body)),
  );

  routes.get(
    '/api/skp',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Daftar SKP: milik saya, menunggu persetujuan saya, yang saya nilai, per unit, atau yang pejabat penilainya kepala daerah', querystring: skpListQuery, response: { 200: skpList } } },
    async (request) => listSkps(db, request.ctx, request.query),
  );

  routes.post(
    '/api/skp',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Buat SKP saya untuk satu tahun (pejabat penilai = atasan langsung)', body: createSkpBody, response: { 201: skpView, 409: errorResponse } } },
    async (request, reply) => {
      const { id } = await db.transaction((tx) => createMySkp(tx, request.ctx, request.body));
      return reply.status(201).send(await readBack(request.ctx, id));
    },
  );

  routes.get(
    '/api/skp/:id',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Detail SKP dengan RHK dan indikator', params: uuidParam, response: { 200: skpView } } },
    async (request) => readBack(request.ctx, request.params.id),
  );

  routes.patch(
    '/api/skp/:id',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Ubah lampiran SKP (draf atau dikembalikan)', params: uuidParam, body: updateSkpBody, response: { 200: skpView } } },
    async (request) => {
      await db.transaction((tx) => updateSkpDetails(tx, request.ctx, request.params.id, request.body));
      return readBack(request.ctx, request.params.id);
    },
  );

  routes.get(
    '/api/skp/:id/citable-rhk',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'RHK atasan (SKP disetujui) yang dapat diacu', params: uuidParam, response: { 200: citableRhkList } } },
    async (request) => listCitableRhk(db, request.ctx, request.params.id),
  );

  routes.post(
    '/api/skp/:id/rhk',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Tambah RHK dengan indikatornya', params: uuidParam, body: rhkInput, response: { 201: skpView } } },
    async (request, reply) => {
      await db.transaction((tx) => addRhk(tx, request.ctx, request.params.id, request.body));
      return reply.status(201).send(await readBack(request.ctx, request.params.id));
    },
  );

  routes.put(
    '/api/skp/rhk/:id',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Ubah RHK dan seluruh indikatornya', params: rhkParam, body: rhkInput, response: { 200: skpView } } },
    async (request) => {
      await db.transaction((tx) => updateRhkPlan(tx, request.ctx, request.params.id, request.body));
      const skpId = await skpOfRhk(request.params.id);
      return readBack(request.ctx, skpId ?? request.params.id);
    },
  );

  routes.delete(
    '/api/skp/rhk/:id',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Hapus RHK (draf atau dikembalikan)', params: rhkParam, response: { 200: okResponse } } },
    async (request) => db.transaction((tx) => removeRhk(tx, request.ctx, request.params.id)),
  );

  routes.post(
    '/api/skp/:id/copy-from-superior',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Mulai dari RHK atasan yang disetujui (disalin sebagai draf)', params: uuidParam, body: copyFromSuperiorBody, response: { 200: skpView } } },
    async (request) => {
      await db.transaction((tx) => copyFromSuperior(tx, request.ctx, request.params.id, request.body.rhkIds));
      return readBack(request.ctx, request.params.id);
    },
  );

  routes.post(
    '/api/skp/rhk/:id/hand-out',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Atasan membagikan satu RHK kepada banyak bawahan sekaligus', params: rhkParam, body: handOutRhkBody, response: { 200: handOutResult, 409: errorResponse } } },
    async (request) => db.transaction((tx) => handOutRhk(tx, request.ctx, request.params.id, request.body)),
  );

  routes.post(
    '/api/skp/:id/submit',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Ajukan SKP kepada pejabat penilai', params: uuidParam, response: { 200: skpView } } },
    async (request) => {
      await db.transaction((tx) => submitSkp(tx, request.ctx, request.params.id));
      return readBack(request.ctx, request.params.id);
    },
  );

  routes.post(
    '/api/skp/:id/approve',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Pejabat penilai menyetujui SKP (admin BKPSDM atas nama kepala daerah bila ia pejabat penilainya)', params: uuidParam, body: decideSkpBody, response: { 200: skpView } } },
    async (request) => {
      await db.transaction((tx) => approveSkp(tx, request.ctx, request.params.id, request.body.note, request.body.onBehalfReason));
      return readBack(request.ctx, request.params.id);
    },
  );

  routes.post(
    '/api/skp/:id/return',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Pejabat penilai mengembalikan SKP dengan catatan', params: uuidParam, body: returnSkpBody, response: { 200: skpView } } },
    async (request) => {
      await db.transaction((tx) => returnSkp(tx, request.ctx, request.params.id, request.body.note, request.body.onBehalfReason));
      return readBack(request.ctx, request.params.id);
    },
  );

  routes.post(
    '/api/skp/:id/revisions',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Buat revisi SKP yang sudah disetujui (riwayat tetap tersimpan)', params: uuidParam, body: reviseSkpBody, response: { 201: skpView, 409: errorResponse } } },
    async (request, reply) => {
      const { id } = await db.transaction((tx) => reviseSkp(tx, request.ctx, request.params.id, request.body));
      return reply.status(201).send(await readBack(request.ctx, id));
    },
  );

  registerSkpRealisationRoutes(app, { db });
  registerSkpEvaluationRoutes(app, { db });
  registerSkpDocumentRoutes(app, { db });
  registerSkpAssessorRoutes(app, { db });
}
