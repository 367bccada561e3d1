import type { CreateEntryBody, UpdateEntryBody } from '../../../../contracts/activities-entries';
import type { EntryStatus } from '../../../../contracts/activities';
import type { Executor } from '../../../db/client';
import { requireActor, type Actor, type RequestContext } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { conflict, forbidden, notFound } from '../../../platform/errors';
import { isUniqueViolation } from '../../org/db-errors';
import { isPeriodClosed } from '../shared/period-lock';
import { assertEntryAcceptable } from './entry-judging.service';
import { assertOwnEvidence, resolveEntryActivity } from './entry-activity';
import {
  deleteEntryGuarded,
  findEntryByIdempotencyKey,
  findEntryOwner,
  findEntryRow,
  findItemIdOfVersion,
  insertEntry,
  lockEmployeeEntries,
  updateEntryGuarded,
  type EntryOwner,
} from './entries.repository';
import type { ActivityEntryRow } from './entry-view';

const ENTITY = 'activity_entry';
/** The owner may still change these; approved and rejected entries are read-only. */
export const EDITABLE_STATUSES = ['draft', 'submitted', 'returned'] as const satisfies readonly EntryStatus[];
const SUBMITTABLE_STATUSES = ['draft', 'returned'] as const satisfies readonly EntryStatus[];

export const entryAuditView = (row: ActivityEntryRow) => ({
  employeeId: row.employeeId,
  workDate: row.workDate,
  startTime: row.startTime,
  endTime: row.endTime,
  catalogueVersionId: row.catalogueVersionId,
  isAdditionalTask: row.isAdditionalTask,
  title: row.title,
  volume: row.volume,
  standardMinutes: row.standardMinutes,
  claimedMinutes: row.claimedMinutes,
  evidenceAttachmentId: row.evidenceAttachmentId,
  evidenceLink: row.evidenceLink,
  status: row.status,
  revision: row.revision,
});

/** Only a person records their own activities; the lock serialises their concurrent writes. */
export async function openOwnEntries(executor: Executor, ctx: RequestContext): Promise<{ actor: Actor; owner: EntryOwner }> {
  const actor = requireActor(ctx);
  if (!actor.employeeId) throw forbidden('Akun ini tidak terhubung dengan data pegawai, sehingga tidak dapat mengisi aktivitas');
  await lockEmployeeEntries(executor, actor.employeeId);
  const owner = await findEntryOwner(executor, actor.employeeId);
  if (!owner) throw notFound('Pegawai');
  if (!owner.isActive) throw conflict('Pegawai ini tidak aktif');
  return { actor, owner };
}

type EntryInput = Omit<CreateEntryBody, 'submit' | 'idempotencyKey'>;

/** Judge and insert one entry of the (already locked) owner; shared by create, copy and templates. */
export async function insertCheckedEntry(
  executor: Executor,
  ctx: RequestContext,
  owner: EntryOwner,
  input: EntryInput & { submit: boolean; idempotencyKey: string | null },
  action: string,
): Promise<ActivityEntryRow> {
  const activity = await resolveEntryActivity(executor, owner.id, input);
  await assertOwnEvidence(executor, ctx.actor?.userId ?? null, input.evidenceAttachmentId);
  const claimedMinutes = await assertEntryAcceptable(executor, ctx, owner, { ...input, standardMinutes: activity.standardMinutes });
  const now = ctx.clock.now();
  const row = await insertEntry(executor, {
    employeeId: owner.id,
    unitId: owner.unitId,
    workDate: input.workDate,
    startTime: input.startTime,
    endTime: input.endTime,
    ...activity,
    volume: input.volume,
    description: input.description,
    claimedMinutes,
    evidenceAttachmentId: input.evidenceAttachmentId,
    evidenceLink: input.evidenceLink,
    skpRhkId: input.skpRhkId,
    status: input.submit ? 'submitted' : 'draft',
    submittedAt: input.submit ? now : null,
    idempotencyKey: input.idempotencyKey,
    createdByUserId: ctx.actor?.userId ?? null,
    createdAt: now,
    updatedAt: now,
  });
  await recordAudit(executor, ctx, { action, entityType: ENTITY, entityId: row.id, after: entryAuditView(row), scopeUnitId: owner.unitId });
  return row;
}

/**
 * Record an activity (a draft, or submitted at once). With an idempotency key a retry returns the
 * entry already made (`isReplay`), never a second one — also when two retries race: the employee
 * lock orders them, and the unique index is the last line if a caller ever skips the lock.
 */
export async function createEntry(executor: Executor, ctx: RequestContext, body: CreateEntryBody, headerKey: string | null = null): Promise<{ id: string; isReplay: boolean }> {
  const { owner } = await openOwnEntries(executor, ctx);
  const key = headerKey ?? body.idempotencyKey ?? null;
  if (key) {
    const existing = await findEntryByIdempotencyKey(executor, owner.id, key);
    if (existing) return { id: existing.id, isReplay: true };
  }
  const { submit, idempotencyKey: _bodyKey, ...fields } = body;
  try {
    // A savepoint: a unique violation rolls back only the insert, and the replay is read in the same transaction.
    const row = await executor.transaction((savepoint) => insertCheckedEntry(savepoint, ctx, owner, { ...fields, submit, idempotencyKey: key }, submit ? 'submit' : 'create'));
    return { id: row.id, isReplay: false };
  } catch (error) {
    if (!key || !isUniqueViolation(error, 'activity_entries_idempotency_key')) throw error;
    const existing = await findEntryByIdempotencyKey(executor, owner.id, key);
    if (!existing) throw error;
    return { id: existing.id, isReplay: true };
  }
}

/** The owner's entry, for a change; others' entries do not exist for this purpose. */
async function findOwnEntry(executor: Executor, owner: EntryOwner, id: string): Promise<ActivityEntryRow> {
  const row = await findEntryRow(executor, id);
  if (!row || row.employeeId !== owner.id) throw notFound('Entri aktivitas');
  return row;
}

function assertChangeable(row: ActivityEntryRow, revision: number, statuses: readonly string[], verb: string) {
  if (!statuses.includes(row.status)) {
    const label = row.status === 'approved' ? 'sudah disetujui' : row.status === 'rejected' ? 'sudah ditolak' : `berstatus ${row.status}`;
    throw conflict(`Entri ini ${label} sehingga tidak dapat ${verb}`, { field: 'status', rule: 'status', status: row.status });
  }
  if (row.revision !== revision) throw staleError(row.revision);
}

const staleError = (current: number) =>
  conflict('Entri ini sudah diubah sejak Anda membukanya (mungkin dari perangkat lain atau sudah diputuskan atasan); muat ulang lalu coba lagi', { field: 'revision', rule: 'revision', currentRevision: current });

async function assertMonthOpen(executor: Executor, workDate: string) {
  if (await isPeriodClosed(executor, workDate.slice(0, 7))) {
    throw conflict(`Bulan ${workDate.slice(0, 7)} sudah ditutup untuk TPP; aktivitasnya tidak dapat diubah lagi`, { field: 'workDate', rule: 'period_closed' });
  }
}

/** Edit a draft, a submitted (not yet decided) or a returned entry; the status stays as it is. */
export async function updateEntry(executor: Executor, ctx: RequestContext, id: string, body: UpdateEntryBody): Promise<{ id: string }> {
  const { actor, owner } = await openOwnEntries(executor, ctx);
  const before = await findOwnEntry(executor, owner, id);
  assertChangeable(before, body.revision, EDITABLE_STATUSES, 'diubah');
  await assertMonthOpen(executor, before.workDate);
  const { revision, ...fields } = body;
  const activity = await resolveEntryActivity(executor, owner.id, fields, { ...before, catalogueItemId: await findItemIdOfVersion(executor, before.catalogueVersionId) });
  await assertOwnEvidence(executor, actor.userId, fields.evidenceAttachmentId);
  const isDeadlineWaived = before.status === 'returned' && fields.workDate === before.workDate;
  const claimedMinutes = await assertEntryAcceptable(executor, ctx, owner, { ...fields, standardMinutes: activity.standardMinutes }, { excludeId: id, isDeadlineWaived });
  const after = await updateEntryGuarded(
    executor,
    id,
    { revision, statuses: EDITABLE_STATUSES },
    {
      workDate: fields.workDate,
      startTime: fields.startTime,
      endTime: fields.endTime,
      ...activity,
      volume: fields.volume,
      description: fields.description,
      claimedMinutes,
      evidenceAttachmentId: fields.evidenceAttachmentId,
      evidenceLink: fields.evidenceLink,
      skpRhkId: fields.skpRhkId,
      updatedAt: ctx.clock.now(),
    },
  );
  // A superior's decision may land between the read and the update: the guard notices.
  if (!after) throw staleError(before.revision);
  await recordAudit(executor, ctx, { action: 'update', entityType: ENTITY, entityId: id, before: entryAuditView(before), after: entryAuditView(after), scopeUnitId: owner.unitId });
  return { id };
}

/** Send a draft, or a returned entry after revision, to the superior; the rules are checked again. */
export async function submitEntry(executor: Executor, ctx: RequestContext, id: string, revision: number): Promise<{ id: string }> {
  const { owner } = await openOwnEntries(executor, ctx);
  const before = await findOwnEntry(executor, owner, id);
  assertChangeable(before, revision, SUBMITTABLE_STATUSES, 'diajukan');
  await assertEntryAcceptable(executor, ctx, owner, before, { excludeId: id, isDeadlineWaived: before.status === 'returned' });
  const now = ctx.clock.now();
  // A resubmitted entry goes back to the queue undecided; the reason it was returned stays for the superior to see.
  const after = await updateEntryGuarded(executor, id, { revision, statuses: SUBMITTABLE_STATUSES }, { status: 'submitted', submittedAt: now, decidedAt: null, decidedByEmployeeId: null, decidedByUserId: null, updatedAt: now });
  if (!after) throw staleError(before.revision);
  await recordAudit(executor, ctx, { action: before.status === 'returned' ? 'resubmit' : 'submit', entityType: ENTITY, entityId: id, before: entryAuditView(before), after: entryAuditView(after), scopeUnitId: owner.unitId });
  return { id };
}

/** Remove an entry that is not decided yet (draft, submitted or returned). */
export async function deleteEntry(executor: Executor, ctx: RequestContext, id: string, revision: number): Promise<{ id: string }> {
  const { owner } = await openOwnEntries(executor, ctx);
  const before = await findOwnEntry(executor, owner, id);
  assertChangeable(before, revision, EDITABLE_STATUSES, 'dihapus');
  await assertMonthOpen(executor, before.workDate);
  if (!(await deleteEntryGuarded(executor, id, { revision, statuses: EDITABLE_STATUSES }))) throw staleError(before.revision);
  await recordAudit(executor, ctx, { action: 'delete', entityType: ENTITY, entityId: id, before: entryAuditView(before), scopeUnitId: owner.unitId });
  return { id };
}
