import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  heldPunchBulkReviewRequest,
  heldPunchPage,
  heldPunchQuery,
  heldPunchReviewRequest,
  heldPunchReviewResult,
  punchIdParam,
  punchImportQuery,
  punchImportResult,
} from '../../../../contracts/attendance-devices';
import { errorResponse } from '../../../../contracts/common';
import type { Database } from '../../../db/client';
import { DEVICE_READERS, DEVICE_WRITERS } from '../devices/devices.routes';
import { listHeldPunches } from './held-punches.service';
import { importPunchFile } from './import-punch-file';
import { notifyPunchesIngested, type OnPunchesIngested } from './punch-hooks';
import { reviewHeldPunch, reviewHeldPunchesOfDevice, type HeldPunchReview } from './review-held-punches';
import { readSheetUpload } from '../../../platform/read-upload';

export function registerPunchRoutes(app: FastifyInstance, deps: { db: Database; uploadMaxMb: number; onPunchesIngested?: OnPunchesIngested }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['mesin absensi'];

  routes.get(
    '/api/punches/held',
    { config: { access: DEVICE_READERS }, schema: { tags, summary: 'Absensi tertahan untuk ditinjau (mesin/PIN tak dikenal, waktu janggal)', querystring: heldPunchQuery, response: { 200: heldPunchPage } } },
    async (request) => listHeldPunches(deps.db, request.ctx, request.query),
  );

  /** After commit: accepted punches recompute their days; a failing recompute does not undo the decision. */
  const finishReview = async ({ affected, ...result }: HeldPunchReview, log: (error: unknown) => void) => {
    await notifyPunchesIngested(deps.onPunchesIngested, affected, log);
    return result;
  };
  routes.post(
    '/api/punches/held/review',
    {
      config: { access: DEVICE_WRITERS },
      schema: {
        tags,
        summary: 'Putuskan sekaligus absensi berwaktu janggal dari satu mesin dalam rentang tanggal: terima (dihitung) atau abaikan dengan alasan',
        body: heldPunchBulkReviewRequest,
        response: { 200: heldPunchReviewResult },
      },
    },
    async (request) => {
      const review = await deps.db.transaction((tx) => reviewHeldPunchesOfDevice(tx, request.ctx, request.body));
      return finishReview(review, (error) => request.log.error({ err: error }, 'recompute after held-punch review failed'));
    },
  );
  routes.post(
    '/api/punches/held/:id/review',
    {
      config: { access: DEVICE_WRITERS },
      schema: {
        tags,
        summary: 'Putuskan satu absensi berwaktu janggal: terima (dihitung, dipetakan lewat PIN) atau abaikan dengan alasan (disimpan, tidak pernah dihitung)',
        params: punchIdParam,
        body: heldPunchReviewRequest,
        response: { 200: heldPunchReviewResult },
      },
    },
    async (request) => {
      const review = await deps.db.transaction((tx) => reviewHeldPunch(tx, request.ctx, request.params.id, request.body));
      return finishReview(review, (error) => request.log.error({ err: error }, 'recompute after held-punch review failed'));
    },
  );

  routes.post(
    '/api/punches/import',
    {
      config: { access: DEVICE_WRITERS },
      schema: {
        tags,
        summary: 'Impor log absensi hasil ekspor perangkat lunak mesin (xlsx/csv)',
        description:
          'multipart/form-data, kolom `file`. Kolom berkas: PIN (PIN/User ID/AC-No.), waktu (Date/Time, atau Tanggal + Jam), opsional Status, Verify, WorkCode, SN. `serialNumber` wajib bila tidak ada kolom SN. `dryRun=true` (bawaan) hanya memeriksa. Semua atau tidak sama sekali; mengimpor berkas yang sama dua kali tidak menambah apa pun.',
        consumes: ['multipart/form-data'],
        querystring: punchImportQuery,
        response: { 200: punchImportResult, 413: errorResponse, 415: errorResponse },
      },
    },
    async (request) => {
      const buffer = await readSheetUpload(await request.file(), deps.uploadMaxMb);
      const { affected, ...result } = await importPunchFile(deps.db, request.ctx, { buffer, serialNumber: request.query.serialNumber ?? null, dryRun: request.query.dryRun });
      await notifyPunchesIngested(deps.onPunchesIngested, affected, (error) => request.log.error({ err: error }, 'recompute after punch import failed'));
      return result;
    },
  );
}
