import { randomUUID } from 'node:crypto';
import type { CreateEntryBody, UpdateEntryBody } from '../../../../contracts/activities-entries';
import type { ActivityEntryView, EntryStatus } from '../../../../contracts/activities';
import type { Executor } from '../../../db/client';
import { requireActor, type Actor, type RequestContext } from '../../../platform/actor';
import { buildAuditRow, recordAudit } from '../../../platform/audit';
import { conflict, forbidden, notFound } from '../../../platform/errors';
import { isPeriodClosed } from '../shared/period-lock';
import { assertEntryAcceptable } from './entry-judging.service';
import { assertOwnEvidence, catalogueItemToLookUp, resolveEntryActivity, type ExistingEntry } from './entry-activity';
import { findEntryFacts, type EntryFacts, type EntryFactsRequest } from './entry-facts.repository';
import { resolveEntryRhk } from './entry-rhk';
import { insertEntryAudited, type EntryInsertOutcome, type StampCondition } from './entry-insert.repository';
import {
  deleteEntryGuarded,
  findEntryByIdempotencyKey,
  findEntryWithItem,
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
  skpRhkId: row.skpRhkId,
  status: row.status,
  revision: row.revision,
});

/** Only a person records their own activities: the actor's employee id. */
function ownEmployeeOf(ctx: RequestContext): { actor: Actor; employeeId: string } {
  const actor = requireActor(ctx);
  if (!actor.employeeId) throw forbidden('Akun ini tidak terhubung dengan data pegawai, sehingga tidak dapat mengisi aktivitas');
  return { actor, employeeId: actor.employeeId };
}

function assertActiveAuthor(owner: EntryAuthor | null): EntryAuthor {
  if (!owner) throw notFound('Pegawai');
  if (!owner.isActive) throw conflict('Pegawai ini tidak aktif');
  return owner;
}

/** Only a person records their own activities; the lock serialises their concurrent writes. */
export async function openOwnEntries(executor: Executor, ctx: RequestContext): Promise<{ actor: Actor; owner: EntryAuthor }> {
  const { actor, employeeId } = ownEmployeeOf(ctx);
  return { actor, owner: assertActiveAuthor(await lockEntryAuthor(executor, employeeId)) };
}

type EntryInput = Omit<CreateEntryBody, 'submit' | 'idempotencyKey'>;
/** How a write treats its RHK link (see RhkRequest): chosen (must be citable) unless carried over. */
export interface RhkOptions {
  isRhkCarriedOver?: boolean;
}
type NewEntryInput = EntryInput & RhkOptions & { submit: boolean; idempotencyKey: string | null };

type FactsRequest = Omit<EntryFactsRequest, 'employeeId' | 'now'>;

/** The facts of one write of the (already locked) owner on `workDate`. */
const gatherFacts = (executor: Executor, ctx: RequestContext, owner: EntryOwner, request: FactsRequest) =>
  findEntryFacts(executor, { employeeId: owner.id, now: ctx.clock.now(), ...request });

/** `HH:MM:SS` as the database returns a time, so that the audit row shows what was stored. */
const toStoredTime = (value: string): string => (value.length === 5 ? `${value}:00` : value);

type JudgedInsert = { kind: 'inserted'; view: ActivityEntryView } | Exclude<EntryInsertOutcome, { kind: 'inserted' }>;

/**
 * Judge one new entry of the owner against its facts and insert it with its audit row in one
 * statement; the view is built from the row written (every column is given) and the facts, so
 * nothing is read back.
 * `stamp`: whether the owner's entry lock is held, or the facts were read without it (then the
 * insert happens only if nobody wrote the owner's entries since: `stamp_moved` otherwise).
 * `key_taken`: the idempotency key was stored meanwhile.
 */
async function insertJudgedEntry(executor: Executor, ctx: RequestContext, owner: EntryAuthor, input: NewEntryInput, action: string, facts: EntryFacts, stamp: StampCondition): Promise<JudgedInsert> {
  const activity = resolveEntryActivity(input, facts.catalogueItem);
  assertOwnEvidence(ctx.actor?.userId ?? null, input.evidenceAttachmentId, facts.evidence);
  const rhk = resolveEntryRhk({ skpRhkId: input.skpRhkId, isCarriedOver: input.isRhkCarriedOver ?? false }, facts.citableRhk, input.workDate);
  const claimedMinutes = await assertEntryAcceptable(executor, ctx, owner, { ...input, standardMinutes: activity.standardMinutes }, facts);
  const now = ctx.clock.now();
  // Every column is given (the id too), so that the audit row can be written by the same statement.
  const entry: ActivityEntryRow = {
    id: randomUUID(),
    employeeId: owner.id,
    unitId: owner.unitId,
    workDate: input.workDate,
    startTime: toStoredTime(input.startTime),
    endTime: toStoredTime(input.endTime),
    ...activity,
    volume: input.volume,
    description: input.description,
    claimedMinutes,
    approvedMinutes: null,
    evidenceAttachmentId: input.evidenceAttachmentId,
    evidenceLink: input.evidenceLink,
    evidenceVerdict: null,
    skpRhkId: rhk?.id ?? null,
    status: input.submit ? 'submitted' : 'draft',
    submittedAt: input.submit ? now : null,
    decidedByEmployeeId: null,
    decidedByUserId: null,
    decidedAt: null,
    decisionReason: null,
    idempotencyKey: input.idempotencyKey,
    revision: 1,
    createdByUserId: ctx.actor?.userId ?? null,
    createdAt: now,
    updatedAt: now,
  };
  const audit = { action, entityType: ENTITY, entityId: entry.id, after: entryAuditView(entry), scopeUnitId: owner.unitId };
  const outcome = await insertEntryAudited(executor, entry, buildAuditRow(ctx, audit), stamp);
  if (outcome.kind !== 'inserted') return outcome;
  const view = toNewEntryView(entry, owner, {
    catalogueItemId: activity.isAdditionalTask ? null : (facts.catalogueItem?.itemId ?? null),
    evidenceFileName: facts.evidence?.fileName ?? null,
    skpRhkText: rhk?.text ?? null,
  });
  return { kind: 'inserted', view };
}

/** Judge and insert one entry of the (already locked) owner without an idempotency key (copy). */
export async function insertCheckedEntry(executor: Executor, ctx: RequestContext, owner: EntryAuthor, input: EntryInput & RhkOptions & { submit: boolean }, action: string): Promise<ActivityEntryView> {
  const facts = await gatherFacts(executor, ctx, owner, {
    workDate: input.workDate,
    excludeId: null,
    catalogueItemId: catalogueItemToLookUp(input),
    evidenceAttachmentId: input.evidenceAttachmentId,
    idempotencyKey: null,
    skpRhkId: input.skpRhkId,
  });
  const outcome = await insertJudgedEntry(executor, ctx, owner, { ...input, idempotencyKey: null }, action, facts, { kind: 'held' });
  // Without a key there is nothing to clash with, and the lock is held.
  if (outcome.kind !== 'inserted') throw new Error(`activity entry insert under the entry lock without idempotency key: ${outcome.kind}`);
  return outcome.view;
}

async function replayOf(executor: Executor, id: string): Promise<{ id: string; isReplay: true; view: ActivityEntryView }> {
  const view = await findEntryView(executor, id);
  if (!view) throw notFound('Entri aktivitas');
  return { id, isReplay: true, view };
}

/** The answer to a create: the entry made, or the one made before with the same idempotency key. */
async function settleCreate(executor: Executor, employeeId: string, key: string | null, outcome: JudgedInsert): Promise<{ id: string; isReplay: boolean; view: ActivityEntryView }> {
  if (outcome.kind === 'inserted') return { id: outcome.view.id, isReplay: false, view: outcome.view };
  if (outcome.kind === 'stamp_moved') throw new Error('activity entry insert under the entry lock found the stamp moved');
  const existing = key ? await findEntryByIdempotencyKey(executor, employeeId, key) : null;
  if (!existing) throw new Error('activity entry insert returned nothing without a clashing idempotency key');
  return replayOf(executor, existing.id);
}

/**
 * Record an activity (a draft, or submitted at once). With an idempotency key a retry returns the
 * entry already made (`isReplay`), never a second one — also when two retries race. The returned
 * view is the entry as the API shows it. Runs outside a transaction of the caller as well as inside.
 *
 * Optimistic first (docs/adr/0012-optimistic-activity-entry-writes.md): the facts are read without the
 * entry lock and the entry is written, with its audit row, by one statement that succeeds only if
 * the person's entry stamp has not moved since — three round trips with the session read. If
 * another write of the person came in between, the entry is judged again under the lock.
 */
export async function createEntry(
  executor: Executor,
  ctx: RequestContext,
  body: CreateEntryBody,
  headerKey: string | null = null,
  rhkOptions: RhkOptions = {},
): Promise<{ id: string; isReplay: boolean; view: ActivityEntryView }> {
  const { employeeId } = ownEmployeeOf(ctx);
  const key = headerKey ?? body.idempotencyKey ?? null;
  const { submit, idempotencyKey: _bodyKey, ...fields } = body;
  const input: NewEntryInput = { ...fields, ...rhkOptions, submit, idempotencyKey: key };
  const action = submit ? 'submit' : 'create';
  const request: FactsRequest = {
    workDate: fields.workDate,
    excludeId: null,
    catalogueItemId: catalogueItemToLookUp(fields),
    evidenceAttachmentId: fields.evidenceAttachmentId,
    idempotencyKey: key,
    skpRhkId: fields.skpRhkId,
  };
  const facts = await findEntryFacts(executor, { employeeId, now: ctx.clock.now(), ...request });
  const owner = assertActiveAuthor(facts.author);
  if (facts.replayId) return replayOf(executor, facts.replayId);
  const outcome = await insertJudgedEntry(executor, ctx, owner, input, action, facts, { kind: 'expect', employeeId, version: facts.stampVersion });
  if (outcome.kind !== 'stamp_moved') return settleCreate(executor, employeeId, key, outcome);
  return executor.transaction(async (tx) => {
    const locked = await openOwnEntries(tx, ctx);
    const lockedFacts = await gatherFacts(tx, ctx, locked.owner, request);
    if (lockedFacts.replayId) return replayOf(tx, lockedFacts.replayId);
    return settleCreate(tx, employeeId, key, await insertJudgedEntry(tx, ctx, locked.owner, input, action, lockedFacts, { kind: 'held' }));
  });
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

/**
 * Edit a draft, a submitted (not yet decided) or a returned entry; the status stays as it is. The
 * entry's own RHK stays while it is citable on the (new) date and is dropped otherwise (the view
 * then shows none); a newly chosen RHK must be citable.
 */
export async function updateEntry(executor: Executor, ctx: RequestContext, id: string, body: UpdateEntryBody): Promise<{ id: string }> {
  const { actor, owner } = await openOwnEntries(executor, ctx);
  const before = await findOwnEntry(executor, owner, id);
  assertChangeable(before, body.revision, EDITABLE_STATUSES, 'diubah');
  await assertMonthOpen(executor, before.workDate);
  const { revision, skpRhkId: chosenRhkId, ...fields } = body;
  const skpRhkId = chosenRhkId === undefined ? before.skpRhkId : chosenRhkId;
  const facts = await gatherFacts(executor, ctx, owner, {
    workDate: fields.workDate,
    excludeId: id,
    catalogueItemId: catalogueItemToLookUp(fields, before),
    evidenceAttachmentId: fields.evidenceAttachmentId,
    idempotencyKey: null,
    skpRhkId,
  });
  const activity = resolveEntryActivity(fields, facts.catalogueItem, before);
  assertOwnEvidence(actor.userId, fields.evidenceAttachmentId, facts.evidence);
  const rhk = resolveEntryRhk({ skpRhkId, isCarriedOver: skpRhkId === before.skpRhkId }, facts.citableRhk, fields.workDate);
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
      skpRhkId: rhk?.id ?? null,
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
  // The RHK link is not checked again: it was citable when written, and the SKP realisation
  // follows an RHK into later revisions of the SKP.
  const facts = await gatherFacts(executor, ctx, owner, { workDate: before.workDate, excludeId: id, catalogueItemId: null, evidenceAttachmentId: null, idempotencyKey: null, skpRhkId: null });
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
