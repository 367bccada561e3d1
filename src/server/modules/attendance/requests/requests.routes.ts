import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  attachmentResult,
  attendanceRequest,
  decideRequestBody,
  leaveBalance,
  leaveBalanceQuery,
  recordRequestBody,
  requestList,
  requestListQuery,
  submitRequestBody,
} from '../../../../contracts/attendance-requests';
import { errorResponse, uuidParam } from '../../../../contracts/common';
import type { Database } from '../../../db/client';
import { AppError, invalid } from '../../../platform/errors';
import { uploadAttachment, readAttachment } from './attachments.service';
import { getLeaveBalance } from './leave-balance.service';
import { ATTENDANCE_ADMINS } from './request-access';
import { getRequest, listRequests } from './requests-queries.service';
import { cancelRequest, decideRequest, recordRequest, submitRequest } from './requests.service';

const tags = ['presensi: permohonan'];

export async function readUpload(file: MultipartFile | undefined): Promise<{ fileName: string; content: Buffer }> {
  if (!file || file.fieldname !== 'file') throw invalid('Unggah berkas PDF, JPG atau PNG pada kolom "file"', { field: 'file' });
  try {
    const content = await file.toBuffer();
    if (file.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', 'Berkas terlalu besar');
    return { fileName: file.filename, content };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PAYLOAD_TOO_LARGE', 'Berkas terlalu besar');
    throw error;
  }
}

/** Leave and duty requests, their attachments and the annual leave balance. */
export function registerRequestRoutes(app: FastifyInstance, deps: { db: Database }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const readBack = (request: { ctx: Parameters<typeof getRequest>[1] }, id: string) => getRequest(deps.db, request.ctx, id);

  routes.get(
    '/api/attendance/requests',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Daftar permohonan: milik saya, menunggu keputusan saya, atau per unit (admin)', querystring: requestListQuery, response: { 200: requestList } } },
    async (request) => listRequests(deps.db, request.ctx, request.query),
  );

  routes.get(
    '/api/attendance/requests/:id',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Detail permohonan', params: uuidParam, response: { 200: attendanceRequest } } },
    async (request) => getRequest(deps.db, request.ctx, request.params.id),
  );

  routes.post(
    '/api/attendance/requests',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Ajukan cuti, izin, dinas luar, koreksi presensi … (diteruskan ke atasan langsung)', body: submitRequestBody, response: { 201: attendanceRequest, 409: errorResponse } },
    },
    async (request, reply) => {
      const { id } = await deps.db.transaction((tx) => submitRequest(tx, request.ctx, request.body));
      return reply.status(201).send(await readBack(request, id));
    },
  );

  routes.post(
    '/api/attendance/requests/record',
    {
      config: { access: ATTENDANCE_ADMINS },
      schema: { tags, summary: 'Admin mencatat permohonan atas nama pegawai (langsung disetujui)', body: recordRequestBody, response: { 201: attendanceRequest, 409: errorResponse } },
    },
    async (request, reply) => {
      const { id } = await deps.db.transaction((tx) => recordRequest(tx, request.ctx, request.body));
      // The admin recorded it, so the admin may read it back even if the employee is outside a read scope.
      return reply.status(201).send(await readBack(request, id));
    },
  );

  routes.post(
    '/api/attendance/requests/:id/decision',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Atasan menyetujui atau menolak (dengan alasan)', params: uuidParam, body: decideRequestBody, response: { 200: attendanceRequest } } },
    async (request) => {
      await deps.db.transaction((tx) => decideRequest(tx, request.ctx, request.params.id, request.body));
      return readBack(request, request.params.id);
    },
  );

  routes.post(
    '/api/attendance/requests/:id/cancel',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Batalkan permohonan (pegawai selama diajukan; admin unit juga yang disetujui)', params: uuidParam, response: { 200: attendanceRequest } } },
    async (request) => {
      await deps.db.transaction((tx) => cancelRequest(tx, request.ctx, request.params.id));
      return readBack(request, request.params.id);
    },
  );

  routes.get(
    '/api/attendance/leave-balance',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Sisa cuti tahunan (hari kerja)', querystring: leaveBalanceQuery, response: { 200: leaveBalance } } },
    async (request) => getLeaveBalance(deps.db, request.ctx, request.query),
  );

  routes.post(
    '/api/attendance/attachments',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Unggah lampiran permohonan (PDF/JPG/PNG, diperiksa isinya)', consumes: ['multipart/form-data'], response: { 201: attachmentResult, 413: errorResponse, 415: errorResponse } },
    },
    async (request, reply) => {
      const upload = await readUpload(await request.file());
      const stored = await deps.db.transaction((tx) => uploadAttachment(tx, request.ctx, upload));
      return reply.status(201).send(stored);
    },
  );

  routes.get(
    '/api/attendance/attachments/:id',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Unduh lampiran', params: uuidParam } },
    async (request, reply) => {
      const attachment = await readAttachment(deps.db, request.ctx, request.params.id);
      return reply
        .header('content-type', attachment.contentType)
        .header('content-disposition', `attachment; filename="${attachment.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"`)
        .header('x-content-type-options', 'nosniff')
        .send(attachment.data);
    },
  );
}
