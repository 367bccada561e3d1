import { inArray } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { activityEntry } from '../../../../contracts/activities';
import {
  activityTemplate,
  copyEntriesBody,
  copyEntriesResult,
  createEntryBody,
  entryFromTemplateBody,
  entryList,
  entryListQuery,
  idempotencyKey,
  myCatalogue,
  myCatalogueQuery,
  revisionBody,
  revisionQuery,
  templateBody,
  templateList,
  updateEntryBody,
} from '../../../../contracts/activities-entries';
import { attachmentResult } from '../../../../contracts/attendance-requests';
import { errorResponse, okResponse, uuidParam } from '../../../../contracts/common';
import type { Database } from '../../../db/client';
import { activityEntries } from '../../../db/schema';
import type { Clock } from '../../../platform/clock';
import { invalid, notFound } from '../../../platform/errors';
import { readUpload } from '../../attendance/requests/requests.routes';
import { copyEntries } from './copy-entries.service';
import { getEntry, listEntries, listMyCatalogue } from './entries-queries.service';
import { createEntry, deleteEntry, submitEntry, updateEntry } from './entries.service';
import { findEntryViews } from './entry-view';
import { readEvidence, uploadEvidence } from './evidence.service';
import { createEntryFromTemplate, createTemplate, deleteTemplate, listTemplates, updateTemplate } from './templates.service';

export interface ActivityEntryRoutesDeps {
  db: Database;
  clock: Clock;
  uploadMaxMb: number;
}

const tags = ['aktivitas harian: entri'];

/** The `Idempotency-Key` header, checked like the body field; null when absent. */
function headerKeyOf(request: FastifyRequest): string | null {
  const raw = request.headers['idempotency-key'];
  if (raw === undefined) return null;
  const parsed = idempotencyKey.safeParse(Array.isArray(raw) ? raw[0] : raw);
  if (!parsed.success) throw invalid(parsed.error.issues[0]?.message ?? 'Kunci idempotensi tidak valid', { field: 'Idempotency-Key' });
  return parsed.data;
}

/** Own daily activities: catalogue to choose from, entries, copy, templates and evidence (issue 4 §2, §6). */
export function registerActivityEntryRoutes(app: FastifyInstance, deps: ActivityEntryRoutesDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const readBack = (request: FastifyRequest, id: string) => getEntry(db, request.ctx, id);
  const auth = { access: 'authenticated' } as const;

  routes.get(
    '/api/activities/my-catalogue',
    { config: auth, schema: { tags, summary: 'Kegiatan katalog yang boleh saya pakai pada suatu tanggal (jabatan saya + umum)', querystring: myCatalogueQuery, response: { 200: myCatalogue } } },
    async (request) => listMyCatalogue(db, request.ctx, request.query.date),
  );

  routes.get(
    '/api/activities/entries',
    {
      config: auth,
      schema: { tags, summary: 'Entri aktivitas sebulan atau sehari dengan total per hari (milik saya, atau pegawai dalam kewenangan)', querystring: entryListQuery, response: { 200: entryList } },
    },
    async (request) => listEntries(db, request.ctx, request.query),
  );

  routes.post(
    '/api/activities/entries',
    {
      config: auth,
      schema: {
        tags,
        summary: 'Catat aktivitas (draf atau langsung diajukan). Kirim Idempotency-Key (header) atau idempotencyKey: pengulangan mengembalikan entri yang sama (200)',
        body: createEntryBody,
        response: { 200: activityEntry, 201: activityEntry, 400: errorResponse, 409: errorResponse },
      },
    },
    async (request, reply) => {
      const headerKey = headerKeyOf(request);
      // No transaction around it: the entry and its audit row are one statement, and createEntry
      // opens a transaction itself only when it has to take the entry lock. The view comes from
      // the insert itself: reading it back would cost two more round trips.
      const { isReplay, view } = await createEntry(db, request.ctx, request.body, headerKey);
      return reply.status(isReplay ? 200 : 201).send(view);
    },
  );

  routes.post(
    '/api/activities/entries/copy',
    {
      config: auth,
      schema: { tags, summary: 'Salin entri hari kerja sebelumnya (atau tanggal sumber) sebagai draf; yang melanggar aturan dilewati dengan alasannya, tautan RHK yang tidak berlaku pada tanggal tujuan dilepas (unlinked)', body: copyEntriesBody, response: { 200: copyEntriesResult } },
    },
    async (request) => {
      const outcome = await db.transaction((tx) => copyEntries(tx, request.ctx, request.body));
      const created = outcome.createdIds.length === 0 ? [] : await findEntryViews(db, inArray(activityEntries.id, outcome.createdIds));
      return { sourceDate: outcome.sourceDate, targetDate: outcome.targetDate, created, skipped: outcome.skipped, unlinked: outcome.unlinked };
    },
  );

  routes.get(
    '/api/activities/entries/:id',
    { config: auth, schema: { tags, summary: 'Detail entri aktivitas', params: uuidParam, response: { 200: activityEntry } } },
    async (request) => readBack(request, request.params.id),
  );

  routes.patch(
    '/api/activities/entries/:id',
    {
      config: auth,
      schema: { tags, summary: 'Ubah entri saya (draf, diajukan atau dikembalikan) dengan revision terakhir; revisi lama → 409', params: uuidParam, body: updateEntryBody, response: { 200: activityEntry, 409: errorResponse } },
    },
    async (request) => {
      await db.transaction((tx) => updateEntry(tx, request.ctx, request.params.id, request.body));
      return readBack(request, request.params.id);
    },
  );

  routes.delete(
    '/api/activities/entries/:id',
    { config: auth, schema: { tags, summary: 'Hapus entri saya yang belum diputuskan (?revision=)', params: uuidParam, querystring: revisionQuery, response: { 200: okResponse, 409: errorResponse } } },
    async (request) => {
      await db.transaction((tx) => deleteEntry(tx, request.ctx, request.params.id, request.query.revision));
      return { ok: true as const };
    },
  );

  routes.post(
    '/api/activities/entries/:id/submit',
    { config: auth, schema: { tags, summary: 'Ajukan draf, atau ajukan ulang entri yang dikembalikan', params: uuidParam, body: revisionBody, response: { 200: activityEntry, 409: errorResponse } } },
    async (request) => {
      await db.transaction((tx) => submitEntry(tx, request.ctx, request.params.id, request.body.revision));
      return readBack(request, request.params.id);
    },
  );

  routes.get(
    '/api/activities/templates',
    { config: auth, schema: { tags, summary: 'Templat aktivitas saya', response: { 200: templateList } } },
    async (request) => ({ items: await listTemplates(db, request.ctx) }),
  );

  const readTemplate = async (request: FastifyRequest, id: string) => {
    const template = (await listTemplates(db, request.ctx)).find((item) => item.id === id);
    if (!template) throw notFound('Templat aktivitas');
    return template;
  };

  routes.post(
    '/api/activities/templates',
    { config: auth, schema: { tags, summary: 'Buat templat untuk pekerjaan rutin', body: templateBody, response: { 201: activityTemplate, 409: errorResponse } } },
    async (request, reply) => {
      const { id } = await db.transaction((tx) => createTemplate(tx, request.ctx, request.body));
      return reply.status(201).send(await readTemplate(request, id));
    },
  );

  routes.patch(
    '/api/activities/templates/:id',
    { config: auth, schema: { tags, summary: 'Ubah templat saya', params: uuidParam, body: templateBody, response: { 200: activityTemplate, 409: errorResponse } } },
    async (request) => {
      await db.transaction((tx) => updateTemplate(tx, request.ctx, request.params.id, request.body));
      return readTemplate(request, request.params.id);
    },
  );

  routes.delete(
    '/api/activities/templates/:id',
    { config: auth, schema: { tags, summary: 'Hapus templat saya', params: uuidParam, response: { 200: okResponse } } },
    async (request) => {
      await db.transaction((tx) => deleteTemplate(tx, request.ctx, request.params.id));
      return { ok: true as const };
    },
  );

  routes.post(
    '/api/activities/templates/:id/entries',
    {
      config: auth,
      schema: { tags, summary: 'Catat aktivitas dari templat (idempoten seperti pencatatan biasa)', params: uuidParam, body: entryFromTemplateBody, response: { 200: activityEntry, 201: activityEntry, 400: errorResponse, 409: errorResponse } },
    },
    async (request, reply) => {
      const headerKey = headerKeyOf(request);
      const { isReplay, view } = await db.transaction((tx) => createEntryFromTemplate(tx, request.ctx, request.params.id, request.body, headerKey));
      return reply.status(isReplay ? 200 : 201).send(view);
    },
  );

  routes.post(
    '/api/activities/evidence',
    {
      config: auth,
      schema: { tags, summary: 'Unggah bukti aktivitas (PDF/JPG/PNG, diperiksa isinya)', consumes: ['multipart/form-data'], response: { 201: attachmentResult, 413: errorResponse, 415: errorResponse } },
    },
    async (request, reply) => {
      const upload = await readUpload(await request.file());
      const stored = await db.transaction((tx) => uploadEvidence(tx, request.ctx, upload));
      return reply.status(201).send(stored);
    },
  );

  routes.get(
    '/api/activities/evidence/:id',
    { config: auth, schema: { tags, summary: 'Unduh bukti aktivitas', params: uuidParam } },
    async (request, reply) => {
      const file = await readEvidence(db, request.ctx, request.params.id);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"`)
        .header('x-content-type-options', 'nosniff')
        .send(file.data);
    },
  );
}
