import type { Executor } from '../../db/client';
import { regionToday, requireActor, type RequestContext } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { conflict, invalid } from '../../platform/errors';
import { assertCanReadSkp, authoriseAssessorDecision, type OnBehalf } from './skp-access';
import { assessorColumns, assessorSuperiorColumns, resolveSkpAssessor, resolveSkpAssessors } from './skp-assessor';
import { carryOverIntoRevision } from './skp-carry-over.service';
import { assertValidCitation } from './skp-citation';
import { loadOpenSkp } from './skp-rhk.service';
import { snapshotDate } from './skp-snapshot';
import { auditSkp } from './skp-views';
import { findIndicatorRows, findRhkRows, findSkpRow, updateSkp, type SkpRow } from './skp.repository';

const ENTITY = 'skp';

export const NO_ASSESSOR_MESSAGE =
  'SKP ini belum memiliki pejabat penilai: pegawai tidak memiliki atasan langsung dan admin BKPSDM belum menetapkan pejabat penilai untuk jabatannya';

/**
 * A plan snapshotted before BKPSDM designated an assessor (or the assessor's superior) for a top
 * position gets the missing part when it is submitted: nothing has been signed yet, and without it
 * nobody could approve the plan. An assessor already on the plan is never replaced here.
 */
async function fillMissingAssessors(executor: Executor, ctx: RequestContext, skp: SkpRow): Promise<SkpRow> {
  const date = snapshotDate(regionToday(ctx), skp);
  if (skp.assessorKind === null) {
    const { assessor, assessorSuperior } = await resolveSkpAssessors(executor, skp.employeeId, date);
    return assessor ? updateSkp(executor, skp.id, { ...assessorColumns(assessor), ...assessorSuperiorColumns(assessorSuperior) }) : skp;
  }
  if (skp.assessorSuperiorKind === null && skp.assessorEmployeeId !== null) {
    const superior = await resolveSkpAssessor(executor, skp.assessorEmployeeId, date);
    return superior && superior.employeeId !== skp.employeeId ? updateSkp(executor, skp.id, assessorSuperiorColumns(superior)) : skp;
  }
  return skp;
}

/** Everything a plan needs before the assessor sees it; citations are checked again (the superior may have revised). */
async function assertReadyToSubmit(executor: Executor, skp: SkpRow): Promise<void> {
  if (skp.assessorKind === null) throw conflict(NO_ASSESSOR_MESSAGE);
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
  const withAssessor = await fillMissingAssessors(executor, ctx, before);
  await assertReadyToSubmit(executor, withAssessor);
  const now = ctx.clock.now();
  const after = await updateSkp(executor, id, { status: 'submitted', submittedAt: now, updatedAt: now });
  await recordAudit(executor, ctx, { action: 'submit', entityType: ENTITY, entityId: id, before: auditSkp(before), after: auditSkp(after), scopeUnitId: after.unitId });
  return { id };
}

async function loadSubmittedSkp(executor: Executor, ctx: RequestContext, id: string, onBehalfReason: string | null): Promise<{ skp: SkpRow; onBehalf: OnBehalf | null }> {
  const skp = await findSkpRow(executor, id, { lock: true });
  assertCanReadSkp(ctx, skp);
  const onBehalf = authoriseAssessorDecision(ctx, skp, 'menyetujui atau mengembalikannya', onBehalfReason);
  if (skp.status !== 'submitted') throw conflict(skp.status === 'approved' ? 'SKP ini sudah disetujui' : 'SKP ini belum diajukan kepada pejabat penilai');
  return { skp, onBehalf };
}

const decisionColumns = (ctx: RequestContext, onBehalf: OnBehalf | null) => ({
  decidedAt: ctx.clock.now(),
  decidedByUserId: ctx.actor?.userId ?? null,
  decidedOnBehalfOf: onBehalf?.label ?? null,
  decidedOnBehalfReason: onBehalf?.reason ?? null,
});

/**
 * The assessor approves (BKPSDM on behalf of a kepala daerah); an approved earlier revision stops
 * being in force at the same moment and the new revision takes over its realisations and final
 * ratings (skp-carry-over.service.ts).
 */
export async function approveSkp(executor: Executor, ctx: RequestContext, id: string, note: string | null, onBehalfReason: string | null = null): Promise<{ id: string }> {
  const { skp: before, onBehalf } = await loadSubmittedSkp(executor, ctx, id, onBehalfReason);
  await assertReadyToSubmit(executor, before);
  const now = ctx.clock.now();
  let superseded: SkpRow | null = null;
  if (before.previousRevisionId) {
    // Supersede first: the unique index allows one approved revision in force per employee and year.
    const previous = await findSkpRow(executor, before.previousRevisionId, { lock: true });
    if (previous && previous.status === 'approved' && previous.supersededAt === null) {
      superseded = await updateSkp(executor, previous.id, { supersededAt: now, updatedAt: now });
      await recordAudit(executor, ctx, { action: 'supersede', entityType: ENTITY, entityId: previous.id, before: auditSkp(previous), after: auditSkp(superseded), scopeUnitId: superseded.unitId });
    }
  }
  const after = await updateSkp(executor, id, { status: 'approved', ...decisionColumns(ctx, onBehalf), returnNote: null, updatedAt: now });
  await recordAudit(executor, ctx, { action: 'approve', entityType: ENTITY, entityId: id, before: auditSkp(before), after: { ...auditSkp(after), note }, scopeUnitId: after.unitId });
  if (superseded) await carryOverIntoRevision(executor, ctx, superseded, after);
  return { id };
}

/** The assessor returns the plan with notes (BKPSDM on behalf of a kepala daerah); the employee edits and submits again. */
export async function returnSkp(executor: Executor, ctx: RequestContext, id: string, note: string, onBehalfReason: string | null = null): Promise<{ id: string }> {
  requireActor(ctx);
  const { skp: before, onBehalf } = await loadSubmittedSkp(executor, ctx, id, onBehalfReason);
  const after = await updateSkp(executor, id, { status: 'returned', ...decisionColumns(ctx, onBehalf), returnNote: note, updatedAt: ctx.clock.now() });
  await recordAudit(executor, ctx, { action: 'return', entityType: ENTITY, entityId: id, before: auditSkp(before), after: auditSkp(after), scopeUnitId: after.unitId });
  return { id };
}
