import type { CreateEntryBody, UpdateEntryBody } from '../../../../contracts/activities-entries';
import type { ActivityEntryView, EntryStatus } from '../../../../contracts/activities';
import type { Executor } from '../../../db/client';
import { requireActor, type Actor, type RequestContext } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { conflict, forbidden, notFound } from '../../../platform/errors';
import { isPeriodClosed } from '../shared/period-lock';
import { assertEntryAcceptable } from './entry-judging.service';
import { assertOwnEvidence, catalogueItemToLookUp, resolveEntryActivity, type ExistingEntry } from './entry-activity';
import { findEntryFacts, type EntryFacts, type EntryFactsRequest } from './entry-facts.repository';
import {
  deleteEntryGuarded,
  findEntryByIdempotencyKey,
  findEntryWithItem,
  insertEntryOnce,
  lockEntryAuthor,
  updateEntryGuarded,
  type EntryAuthor,
  type EntryOwner,
} from './entries.repository';
import { findEntryView, toNewEntryView, type ActivityEntryRow } from './entry-view';

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
export async function openOwnEntries(executor: Executor, ctx: RequestContext): Promise<{ actor: Actor; owner: EntryAuthor }> {
  const actor = requireActor(ctx);
  if (!actor.employeeId) throw forbidden('Akun ini tidak terhubung dengan data pegawai, sehingga tidak dapat mengisi aktivitas');
  const owner = await lockEntryAuthor(executor, actor.employeeId);
  if (!owner) throw notFound('Pegawai');
  if (!owner.isActive) throw conflict('Pegawai ini tidak aktif');
  return { actor, owner };
}

type EntryInput = Omit<CreateEntryBody, 'submit' | 'idempotencyKey'>;
type NewEntryInput = EntryInput & { submit: boolean; idempotencyKey: string | null };

/** The facts of one write of the (already locked) owner on `workDate`. */
const gatherFacts = (executor: Executor, ctx: RequestContext, owner: EntryOwner, request: Omit<EntryFactsRequest, 'employeeId' | 'unitId' | 'now'>) =>
  findEntryFacts(executor, { employeeId: owner.id, unitId: owner.unitId, now: ctx.clock.now(), ...request });

/**
 * Judge one new entry of the (already locked) owner against its facts and insert it, audited; the
 * view is built from the inserted row and the facts, so nothing is read back. null: the
 * idempotency key was stored meanwhile by a writer that skipped the entry lock.
 */
async function insertJudgedEntry(executor: Executor, ctx: RequestContext, owner: EntryAuthor, input: NewEntryInput, action: string, facts: EntryFacts): Promise<ActivityEntryView | null> {
  const activity = resolveEntryActivity(input, facts.catalogueItem);
  assertOwnEvidence(ctx.actor?.userId ?? null, input.evidenceAttachmentId, facts.evidence);
  const claimedMinutes = await assertEntryAcceptable(executor, ctx, owner, { ...input, standardMinutes: activity.standardMinutes }, facts);
  const now = ctx.clock.now();
  const row = await insertEntryOnce(executor, {
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
  if (!row) return null;
  await recordAudit(executor, ctx, { action, entityType: ENTITY, entityId: row.id, after: entryAuditView(row), scopeUnitId: owner.unitId });
  return toNewEntryView(row, owner, { catalogueItemId: activity.isAdditionalTask ? null : (facts.catalogueItem?.itemId ?? null), evidenceFileName: facts.evidence?.fileName ?? null });
}

/** Judge and insert one entry of the (already locked) owner without an idempotency key (copy). */
export async function insertCheckedEntry(executor: Executor, ctx: RequestContext, owner: EntryAuthor, input: EntryInput & { submit: boolean }, action: string): Promise<ActivityEntryView> {
  const facts = await gatherFacts(executor, ctx, owner, {
    workDate: input.workDate,
    excludeId: null,
    catalogueItemId: catalogueItemToLookUp(input),
    evidenceAttachmentId: input.evidenceAttachmentId,
    idempotencyKey: null,
  });
  const view = await insertJudgedEntry(executor, ctx, owner, { ...input, idempotencyKey: null }, action, facts);
  // Without a key there is nothing to clash with.
  if (!view) throw new Error('activity entry insert without idempotency key returned nothing');
  return view;
}

async function replayOf(executor: Executor, id: string): Promise<{ id: string; isReplay: true; view: ActivityEntryView }> {
  const view = await findEntryView(executor, id);
  if (!view) throw notFound('Entri aktivitas');
  return { id, isReplay: true, view };
}

/**
 * Record an activity (a draft, or submitted at once). With an idempotency key a retry returns the
 * entry already made (`isReplay`), never a second one — also when two retries race: the employee
 * lock orders them, and the unique index is the last line if a caller ever skips the lock. The
 * returned view is the entry as the API shows it.
 */
export async function createEntry(
  executor: Executor,
  ctx: RequestContext,
  body: CreateEntryBody,
  headerKey: string | null = null,
): Promise<{ id: string; isReplay: boolean; view: ActivityEntryView }> {
  const { owner } = await openOwnEntries(executor, ctx);
  const key = headerKey ?? body.idempotencyKey ?? null;
  const { submit, idempotencyKey: _bodyKey, ...fields } = body;
  const facts = await gatherFacts(executor, ctx, owner, {
    workDate: fields.workDate,
    excludeId: null,
    catalogueItemId: catalogueItemToLookUp(fields),
    evidenceAttachmentId: fields.evidenceAttachmentId,
    idempotencyKey: key,
  });
  if (facts.replayId) return replayOf(executor, facts.replayId);
  const view = await insertJudgedEntry(executor, ctx, owner, { ...fields, submit, idempotencyKey: key }, submit ? 'submit' : 'create', facts);
  if (view) return { id: view.id, isReplay: false, view };
  const existing = key ? await findEntryByIdempotencyKey(executor, owner.id, key) : null;
  if (!existing) throw new Error('activity entry insert returned nothing without a clashing idempotency key');
  return replayOf(executor, existing.id);
}

/** The owner's entry with its catalogue item, for a change; others' entries do not exist for this purpose. */
async function findOwnEntry(executor: Executor, owner: EntryOwner, id: string): Promise<ExistingEntry> {
  const row = await findEntryWithItem(executor, id);
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
  const facts = await gatherFacts(executor, ctx, owner, {
    workDate: fields.workDate,
    excludeId: id,
    catalogueItemId: catalogueItemToLookUp(fields, before),
    evidenceAttachmentId: fields.evidenceAttachmentId,
    idempotencyKey: null,
  });
  const activity = resolveEntryActivity(fields, facts.catalogueItem, before);
  assertOwnEvidence(actor.userId, fields.evidenceAttachmentId, facts.evidence);
  const isDeadlineWaived = before.status === 'returned' && fields.workDate === before.workDate;
  const claimedMinutes = await assertEntryAcceptable(executor, ctx, owner, { ...fields, standardMinutes: activity.standardMinutes }, facts, { isDeadlineWaived });
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
  const facts = await gatherFacts(executor, ctx, owner, { workDate: before.workDate, excludeId: id, catalogueItemId: null, evidenceAttachmentId: null, idempotencyKey: null });
  await assertEntryAcceptable(executor, ctx, owner, before, facts, { isDeadlineWaived: before.status === 'returned' });
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
