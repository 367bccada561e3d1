import { invalid } from '../../../platform/errors';
import type { EntryFacts } from './entry-facts.repository';
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

/** The entry being edited, with the catalogue item its version belongs to. */
export type ExistingEntry = ActivityEntryRow & { catalogueItemId: string | null };

const catalogueError = (message: string) => invalid(message, { field: 'catalogueItemId', rule: 'catalogue_item' });

/**
 * An edit that keeps the item and the date keeps the version it was made with, so later catalogue
 * changes never alter it; then no catalogue item needs to be looked up.
 */
export const keepsExistingVersion = (choice: ActivityChoice, existing: ExistingEntry | undefined): existing is ExistingEntry =>
  !choice.isAdditionalTask && existing !== undefined && existing.catalogueVersionId !== null && existing.catalogueItemId === choice.catalogueItemId && existing.workDate === choice.workDate;

/** The catalogue item a write must look up (see keepsExistingVersion), or null. */
export const catalogueItemToLookUp = (choice: ActivityChoice, existing?: ExistingEntry): string | null =>
  choice.isAdditionalTask || keepsExistingVersion(choice, existing) ? null : choice.catalogueItemId;

/**
 * The activity of a new or edited entry. A catalogue activity must be active and belong to a
 * position the person holds on the work date (or be general). `item` is the looked-up catalogue
 * item (see catalogueItemToLookUp) with whether its position is held on the work date.
 */
export function resolveEntryActivity(choice: ActivityChoice, item: EntryFacts['catalogueItem'], existing?: ExistingEntry): ResolvedActivity {
  if (choice.isAdditionalTask) {
    if (choice.catalogueItemId !== null) throw catalogueError('Tugas tambahan tidak memakai kegiatan katalog; kosongkan pilihan katalog');
    const title = choice.title?.trim() ?? '';
    if (title.length < 3) throw invalid('Nama tugas tambahan wajib diisi (minimal 3 karakter)', { field: 'title', rule: 'catalogue_item' });
    return { catalogueVersionId: null, isAdditionalTask: true, title, outputUnit: choice.outputUnit?.trim() || 'kegiatan', standardMinutes: null };
  }
  if (choice.catalogueItemId === null) throw catalogueError('Pilih kegiatan dari katalog, atau tandai sebagai tugas tambahan');
  if (keepsExistingVersion(choice, existing)) {
    return { catalogueVersionId: existing.catalogueVersionId, isAdditionalTask: false, title: existing.title, outputUnit: existing.outputUnit, standardMinutes: existing.standardMinutes };
  }
  if (!item || item.itemId !== choice.catalogueItemId) throw catalogueError('Kegiatan katalog tidak ditemukan');
  if (!item.isActive) throw catalogueError(`Kegiatan "${item.name}" sudah tidak aktif di katalog`);
  if (item.positionId !== null && !item.isPositionHeld) {
    throw catalogueError(`Kegiatan "${item.name}" bukan kegiatan jabatan Anda pada tanggal ${choice.workDate}`);
  }
  return { catalogueVersionId: item.versionId, isAdditionalTask: false, title: item.name, outputUnit: item.outputUnit, standardMinutes: item.standardMinutes };
}

/** Evidence: a file the person uploaded themselves, and/or an http(s) link (checked by the contract). */
export function assertOwnEvidence(userId: string | null, attachmentId: string | null, evidence: EntryFacts['evidence']): void {
  if (attachmentId === null) return;
  if (!evidence) throw invalid('Berkas bukti tidak ditemukan; unggah ulang', { field: 'evidenceAttachmentId', rule: 'evidence' });
  if (userId !== null && evidence.uploadedByUserId !== userId) throw invalid('Berkas bukti ini diunggah oleh pengguna lain', { field: 'evidenceAttachmentId', rule: 'evidence' });
}
