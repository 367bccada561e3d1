import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  catalogueImportQuery,
  catalogueImportResult,
  catalogueItem,
  catalogueItemPage,
  catalogueListQuery,
  catalogueVersionList,
  createCatalogueItemRequest,
  updateCatalogueItemRequest,
} from '../../../../../contracts/activities-admin';
import { errorResponse, uuidParam } from '../../../../../contracts/common';
import type { Database } from '../../../../db/client';
import { attachmentHeader, XLSX_CONTENT_TYPE } from '../../../org/export/write-workbook';
import { ACTIVITY_ADMIN_READERS, ACTIVITY_ADMINS } from '../activity-admin-access';
import { importCatalogue } from './catalogue-import';
import { getCatalogueItem, listCatalogueItems, listCatalogueVersions } from './catalogue-queries.service';
import { buildCatalogueTemplate, CATALOGUE_TEMPLATE_FILE, catalogueExportFileName, exportCatalogue } from './catalogue-workbooks';
import { createCatalogueItem, setCatalogueItemActive, updateCatalogueItem } from './catalogue.service';
import { readSheetUpload } from '../../../../platform/read-upload';
import { regionToday } from '../../../../platform/actor';

const tags = ['aktivitas: katalog'];

/** The activity catalogue: everyone signed in reads it; admins write it (services narrow admin OPD to their positions). */
export function registerCatalogueRoutes(app: FastifyInstance, deps: { db: Database; uploadMaxMb: number }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/activities/catalogue',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Katalog kegiatan (filter jabatan, umum, teks, aktif)', querystring: catalogueListQuery, response: { 200: catalogueItemPage } } },
    async (request) => listCatalogueItems(deps.db, request.query),
  );

  routes.get(
    '/api/activities/catalogue/template.xlsx',
    { config: { access: ACTIVITY_ADMINS }, schema: { tags, summary: 'Templat xlsx impor katalog kegiatan' } },
    async (_request, reply) =>
      reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', attachmentHeader(CATALOGUE_TEMPLATE_FILE)).send(await buildCatalogueTemplate()),
  );

  routes.get(
    '/api/activities/catalogue/export.xlsx',
    { config: { access: ACTIVITY_ADMIN_READERS }, schema: { tags, summary: 'Ekspor katalog kegiatan (format impor, versi berlaku)' } },
    async (request, reply) =>
      reply
        .header('content-type', XLSX_CONTENT_TYPE)
        .header('content-disposition', attachmentHeader(catalogueExportFileName(regionToday(request.ctx))))
        .send(await exportCatalogue(deps.db)),
  );

  routes.post(
    '/api/activities/catalogue/import',
    {
      config: { access: ACTIVITY_ADMINS },
      schema: {
        tags,
        summary: 'Impor katalog kegiatan dari xlsx/csv (uji coba bawaan)',
        description: 'Unggahan multipart/form-data dengan kolom `file`. `dryRun=true` (bawaan) hanya memeriksa. Semua atau tidak sama sekali.',
        consumes: ['multipart/form-data'],
        querystring: catalogueImportQuery,
        response: { 200: catalogueImportResult, 413: errorResponse, 415: errorResponse },
      },
    },
    async (request) => {
      const buffer = await readSheetUpload(await request.file(), deps.uploadMaxMb);
      return importCatalogue(deps.db, request.ctx, { buffer, dryRun: request.query.dryRun });
    },
  );

  routes.get(
    '/api/activities/catalogue/:id',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Detail kegiatan (versi berlaku)', params: uuidParam, response: { 200: catalogueItem } } },
    async (request) => getCatalogueItem(deps.db, request.params.id),
  );

  routes.get(
    '/api/activities/catalogue/:id/versions',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Riwayat versi kegiatan (terbaru dahulu)', params: uuidParam, response: { 200: catalogueVersionList } } },
    async (request) => listCatalogueVersions(deps.db, request.params.id),
  );

  routes.post(
    '/api/activities/catalogue',
    { config: { access: ACTIVITY_ADMINS }, schema: { tags, summary: 'Tambah kegiatan (umum: admin BKPSDM; jabatan: admin OPD unitnya)', body: createCatalogueItemRequest, response: { 201: catalogueItem, 409: errorResponse } } },
    async (request, reply) => {
      const { id } = await deps.db.transaction((tx) => createCatalogueItem(tx, request.ctx, request.body));
      return reply.status(201).send(await getCatalogueItem(deps.db, id));
    },
  );

  routes.patch(
    '/api/activities/catalogue/:id',
    {
      config: { access: ACTIVITY_ADMINS },
      schema: { tags, summary: 'Ubah kegiatan: perubahan nama, uraian, satuan output atau waktu standar membuat versi baru', params: uuidParam, body: updateCatalogueItemRequest, response: { 200: catalogueItem } },
    },
    async (request) => {
      await deps.db.transaction((tx) => updateCatalogueItem(tx, request.ctx, request.params.id, request.body));
      return getCatalogueItem(deps.db, request.params.id);
    },
  );

  for (const [action, isActive] of [['deactivate', false], ['activate', true]] as const) {
    routes.post(
      `/api/activities/catalogue/:id/${action}`,
      { config: { access: ACTIVITY_ADMINS }, schema: { tags, summary: isActive ? 'Aktifkan kegiatan' : 'Nonaktifkan kegiatan (entri lama tetap memakainya)', params: uuidParam, response: { 200: catalogueItem } } },
      async (request) => {
        await deps.db.transaction((tx) => setCatalogueItemActive(tx, request.ctx, request.params.id, isActive));
        return getCatalogueItem(deps.db, request.params.id);
      },
    );
  }
}
