import type { Executor } from '../../../db/client';
import { invalid } from '../../../platform/errors';
import { findAttachmentOwner } from '../../attendance/requests/requests.repository';
import { findCatalogueItem, findPositionIdsHeld } from './entries.repository';
import type { ActivityEntryRow } from './entry-view';

/** What an entry is about: a catalogue activity (snapshot of its current version) or an additional task. */
export interface ResolvedActivity {
  catalogueVersionId: string | null;
  isAdditionalTask: boolean;
  title: string;
  outputUnit: string;
  standardMinutes: number | null;
}

export interface ActivityChoice {
  workDate: string;
  catalogueItemId: string | null;
  isAdditionalTask: boolean;
  title: string | null;
  outputUnit: string | null;
}

const catalogueError = (message: string) => invalid(message, { field: 'catalogueItemId', rule: 'catalogue_item' });

/**
 * The activity of a new or edited entry. A catalogue activity must be active and belong to a
 * position the person holds on the work date (or be general). An edit that keeps the item and the
 * date keeps the version it was made with, so later catalogue changes never alter it.
 */
export async function resolveEntryActivity(executor: Executor, employeeId: string, choice: ActivityChoice, existing?: ActivityEntryRow & { catalogueItemId: string | null }): Promise<ResolvedActivity> {
  if (choice.isAdditionalTask) {
    if (choice.catalogueItemId !== null) throw catalogueError('Tugas tambahan tidak memakai kegiatan katalog; kosongkan pilihan katalog');
    const title = choice.title?.trim() ?? '';
    if (title.length < 3) throw invalid('Nama tugas tambahan wajib diisi (minimal 3 karakter)', { field: 'title', rule: 'catalogue_item' });
    return { catalogueVersionId: null, isAdditionalTask: true, title, outputUnit: choice.outputUnit?.trim() || 'kegiatan', standardMinutes: null };
  }
  if (choice.catalogueItemId === null) throw catalogueError('Pilih kegiatan dari katalog, atau tandai sebagai tugas tambahan');
  if (existing && existing.catalogueVersionId && existing.catalogueItemId === choice.catalogueItemId && existing.workDate === choice.workDate) {
    return { catalogueVersionId: existing.catalogueVersionId, isAdditionalTask: false, title: existing.title, outputUnit: existing.outputUnit, standardMinutes: existing.standardMinutes };
  }
  const item = await findCatalogueItem(executor, choice.catalogueItemId);
  if (!item) throw catalogueError('Kegiatan katalog tidak ditemukan');
  if (!item.isActive) throw catalogueError(`Kegiatan "${item.name}" sudah tidak aktif di katalog`);
  if (item.positionId !== null && !(await findPositionIdsHeld(executor, employeeId, choice.workDate)).includes(item.positionId)) {
    throw catalogueError(`Kegiatan "${item.name}" bukan kegiatan jabatan Anda pada tanggal ${choice.workDate}`);
  }
  return { catalogueVersionId: item.versionId, isAdditionalTask: false, title: item.name, outputUnit: item.outputUnit, standardMinutes: item.standardMinutes };
}

/** Evidence: a file the person uploaded themselves, and/or an http(s) link (checked by the contract). */
export async function assertOwnEvidence(executor: Executor, userId: string | null, attachmentId: string | null): Promise<void> {
  if (attachmentId === null) return;
  const attachment = await findAttachmentOwner(executor, attachmentId);
  if (!attachment) throw invalid('Berkas bukti tidak ditemukan; unggah ulang', { field: 'evidenceAttachmentId', rule: 'evidence' });
  if (userId !== null && attachment.uploadedByUserId !== userId) throw invalid('Berkas bukti ini diunggah oleh pengguna lain', { field: 'evidenceAttachmentId', rule: 'evidence' });
}
