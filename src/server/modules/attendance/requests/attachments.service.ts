import { createHash } from 'node:crypto';
import { checkAttachment } from '../../../../domain/attendance/request-attachment';
import type { Executor } from '../../../db/client';
import { hasRole, requireActor, type RequestContext } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { AppError, forbidden, notFound } from '../../../platform/errors';
import { getRequest } from './requests-queries.service';
import { findAttachmentContent, findRequestsUsingAttachment, insertAttachment } from './requests.repository';

/** Store an uploaded attachment after checking its content (magic bytes) and size. */
export async function uploadAttachment(executor: Executor, ctx: RequestContext, file: { fileName: string; content: Buffer }) {
  const actor = requireActor(ctx);
  // Attachments serve requests: only employees (their own) and administrators (recording) upload.
  if (!actor.employeeId && !hasRole(actor, 'admin_opd', 'admin_bkpsdm')) {
    throw forbidden('Hanya pegawai atau admin yang dapat mengunggah lampiran');
  }
  const check = checkAttachment(file.content);
  if (!check.isAccepted) throw new AppError(check.problem.startsWith('Lampiran paling besar') ? 'PAYLOAD_TOO_LARGE' : 'UNSUPPORTED_FILE', check.problem);
  const stored = await insertAttachment(executor, {
    // Only the base name, without control characters: the name is shown and sent back in headers.
    fileName: (file.fileName.split(/[\\/]/).pop() ?? 'lampiran').replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 120) || 'lampiran',
    contentType: check.contentType,
    sizeBytes: file.content.length,
    sha256: createHash('sha256').update(file.content).digest('hex'),
    data: file.content,
    uploadedByUserId: actor.userId,
  });
  await recordAudit(executor, ctx, { action: 'upload', entityType: 'attachment', entityId: stored.id, after: { ...stored } });
  return stored;
}

/** The uploader, or anyone who may read a request that uses the file. */
export async function readAttachment(executor: Executor, ctx: RequestContext, id: string) {
  const actor = requireActor(ctx);
  const attachment = await findAttachmentContent(executor, id);
  if (!attachment) throw notFound('Lampiran');
  if (attachment.uploadedByUserId === actor.userId) return attachment;
  for (const request of await findRequestsUsingAttachment(executor, id)) {
    try {
      await getRequest(executor, ctx, request.id);
      return attachment;
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'NOT_FOUND') throw error;
    }
  }
  throw notFound('Lampiran');
}
