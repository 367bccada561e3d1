import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { activityEntries } from '../../../db/schema';
import { requireActor, type RequestContext } from '../../../platform/actor';
import { AppError, forbidden, notFound } from '../../../platform/errors';
import { uploadAttachment } from '../../attendance/requests/attachments.service';
import { findAttachmentContent } from '../../attendance/requests/requests.repository';
import { assertCanReadEntriesOf } from './entries-queries.service';

/**
 * Evidence files (bukti dukung) go through the same checks as request attachments: PDF, JPG or PNG
 * recognised by their first bytes, within the size limit. Only employees record activities.
 */
export async function uploadEvidence(executor: Executor, ctx: RequestContext, file: { fileName: string; content: Buffer }) {
  const actor = requireActor(ctx);
  if (!actor.employeeId) throw forbidden('Hanya pegawai yang dapat mengunggah bukti aktivitas');
  return uploadAttachment(executor, ctx, file);
}

/** The uploader, or anyone who may read an entry that uses the file. */
export async function readEvidence(executor: Executor, ctx: RequestContext, id: string) {
  const actor = requireActor(ctx);
  const attachment = await findAttachmentContent(executor, id);
  if (!attachment) throw notFound('Berkas bukti');
  if (attachment.uploadedByUserId === actor.userId) return attachment;
  const users = await executor
    .select({ employeeId: activityEntries.employeeId, workDate: activityEntries.workDate })
    .from(activityEntries)
    .where(eq(activityEntries.evidenceAttachmentId, id));
  for (const entry of users) {
    try {
      await assertCanReadEntriesOf(executor, ctx, entry.employeeId, entry.workDate);
      return attachment;
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'NOT_FOUND') throw error;
    }
  }
  throw notFound('Berkas bukti');
}
