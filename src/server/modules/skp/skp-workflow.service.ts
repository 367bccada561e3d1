import type { Executor } from '../../db/client';
import { requireActor, type RequestContext } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { conflict, invalid } from '../../platform/errors';
import { CASCADE_VIOLATION_MESSAGES } from '../../../domain/skp/cascade';
import { assertCanReadSkp, assertSkpAssessor } from './skp-access';
import { assertValidCitation } from './skp-citation';
import { loadOpenSkp } from './skp-rhk.service';
import { auditSkp } from './skp-views';
import { findIndicatorRows, findRhkRows, findSkpRow, updateSkp, type SkpRow } from './skp.repository';

const ENTITY = 'skp';

/** Everything a plan needs before the assessor sees it; citations are checked again (the superior may have revised). */
async function assertReadyToSubmit(executor: Executor, skp: SkpRow): Promise<void> {
  if (!skp.assessorEmployeeId) throw conflict(CASCADE_VIOLATION_MESSAGES.no_superior);
  const rhk = await findRhkRows(executor, [skp.id]);
  if (!rhk.some((row) => row.kind === 'utama')) throw invalid('SKP memerlukan paling sedikit satu RHK utama', { field: 'rhk' });
  const indicators = await findIndicatorRows(executor, rhk.map((row) => row.id));
  for (const row of rhk) {
    if (!indicators.some((indicator) => indicator.rhkId === row.id)) throw invalid(`RHK "${row.text}" belum memiliki indikator`, { rhkId: row.id });
    if (skp.isJpt && row.perspective === null) throw invalid(`RHK "${row.text}" belum memiliki perspektif`, { rhkId: row.id });
    if (row.kind === 'utama' && !row.supportedRhkId && !row.supportedAgreementText) {
      throw invalid(`RHK utama "${row.text}" belum mengacu RHK atasan yang diintervensi`, { rhkId: row.id });
    }
    if (row.supportedRhkId) await assertValidCitation(executor, skp, row.id, row.supportedRhkId);
  }
}

/** The employee submits the plan to the assessor of record. */
export async function submitSkp(executor: Executor, ctx: RequestContext, id: string): Promise<{ id: string }> {
  const before = await loadOpenSkp(executor, ctx, id);
  await assertReadyToSubmit(executor, before);
  const now = ctx.clock.now();
  const after = await updateSkp(executor, id, { status: 'submitted', submittedAt: now, updatedAt: now });
  await recordAudit(executor, ctx, { action: 'submit', entityType: ENTITY, entityId: id, before: auditSkp(before), after: auditSkp(after), scopeUnitId: after.unitId });
  return { id };
}

async function loadSubmittedSkp(executor: Executor, ctx: RequestContext, id: string): Promise<SkpRow> {
  const skp = await findSkpRow(executor, id, { lock: true });
  assertCanReadSkp(ctx, skp);
  assertSkpAssessor(ctx, skp);
  if (skp.status !== 'submitted') throw conflict(skp.status === 'approved' ? 'SKP ini sudah disetujui' : 'SKP ini belum diajukan kepada pejabat penilai');
  return skp;
}

/** The assessor approves; an approved earlier revision stops being in force at the same moment. */
export async function approveSkp(executor: Executor, ctx: RequestContext, id: string, note: string | null): Promise<{ id: string }> {
  const before = await loadSubmittedSkp(executor, ctx, id);
  await assertReadyToSubmit(executor, before);
  const now = ctx.clock.now();
  if (before.previousRevisionId) {
    // Supersede first: the unique index allows one approved revision in force per employee and year.
    const previous = await findSkpRow(executor, before.previousRevisionId, { lock: true });
    if (previous && previous.status === 'approved' && previous.supersededAt === null) {
      const superseded = await updateSkp(executor, previous.id, { supersededAt: now, updatedAt: now });
      await recordAudit(executor, ctx, { action: 'supersede', entityType: ENTITY, entityId: previous.id, before: auditSkp(previous), after: auditSkp(superseded), scopeUnitId: superseded.unitId });
    }
  }
  const after = await updateSkp(executor, id, { status: 'approved', decidedAt: now, decidedByUserId: ctx.actor?.userId ?? null, returnNote: null, updatedAt: now });
  await recordAudit(executor, ctx, { action: 'approve', entityType: ENTITY, entityId: id, before: auditSkp(before), after: { ...auditSkp(after), note }, scopeUnitId: after.unitId });
  return { id };
}

/** The assessor returns the plan with notes; the employee edits and submits again. */
export async function returnSkp(executor: Executor, ctx: RequestContext, id: string, note: string): Promise<{ id: string }> {
  requireActor(ctx);
  const before = await loadSubmittedSkp(executor, ctx, id);
  const now = ctx.clock.now();
  const after = await updateSkp(executor, id, { status: 'returned', decidedAt: now, decidedByUserId: ctx.actor?.userId ?? null, returnNote: note, updatedAt: now });
  await recordAudit(executor, ctx, { action: 'return', entityType: ENTITY, entityId: id, before: auditSkp(before), after: auditSkp(after), scopeUnitId: after.unitId });
  return { id };
}
