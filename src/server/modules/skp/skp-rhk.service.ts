import type { RhkInput } from '../../../contracts/skp';
import type { Executor } from '../../db/client';
import type { RequestContext } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { conflict, notFound } from '../../platform/errors';
import { assertCanReadSkp, assertSkpEditable, assertSkpOwner } from './skp-access';
import { assertRhkFitsSkp, assertValidCitation } from './skp-citation';
import { countCitingRhk, deleteRhk, findIndicatorRows, findRhkRow, findSkpRow, insertRhk, nextRhkOrder, replaceIndicators, updateRhk, type RhkRow, type SkpRow } from './skp.repository';

export const RHK_ENTITY = 'skp_rhk';

export const indicatorValues = (indicators: RhkInput['indicators']) =>
  indicators.map((indicator) => ({
    aspect: indicator.aspect,
    text: indicator.text,
    targetValue: String(indicator.targetValue),
    targetValueUpper: indicator.targetValueUpper === null ? null : String(indicator.targetValueUpper),
    targetUnit: indicator.targetUnit,
  }));

/** What the audit trail keeps of an RHK; indicators as entered or as stored. */
export const auditRhk = (row: RhkRow, indicators: readonly object[]) => ({
  skpId: row.skpId,
  kind: row.kind,
  text: row.text,
  perspective: row.perspective,
  supportedRhkId: row.supportedRhkId,
  supportedAgreementText: row.supportedAgreementText,
  origin: row.origin,
  sourceRhkId: row.sourceRhkId,
  indicators,
});

/** The SKP locked for a plan change by its owner while draft or returned. */
export async function loadOpenSkp(executor: Executor, ctx: RequestContext, skpId: string): Promise<SkpRow> {
  const skp = await findSkpRow(executor, skpId, { lock: true });
  assertCanReadSkp(ctx, skp);
  assertSkpOwner(ctx, skp);
  assertSkpEditable(skp);
  return skp;
}

async function loadOpenRhk(executor: Executor, ctx: RequestContext, rhkId: string): Promise<{ rhk: RhkRow; skp: SkpRow }> {
  const rhk = await findRhkRow(executor, rhkId);
  if (!rhk) throw notFound('RHK');
  const skp = await loadOpenSkp(executor, ctx, rhk.skpId);
  return { rhk, skp };
}

export async function addRhk(executor: Executor, ctx: RequestContext, skpId: string, input: RhkInput): Promise<{ id: string }> {
  const skp = await loadOpenSkp(executor, ctx, skpId);
  assertRhkFitsSkp(skp, input);
  if (input.supportedRhkId) await assertValidCitation(executor, skp, null, input.supportedRhkId);
  const row = await insertRhk(executor, {
    skpId,
    kind: input.kind,
    text: input.text,
    perspective: input.perspective,
    supportedRhkId: input.supportedRhkId,
    supportedAgreementText: input.supportedAgreementText,
    origin: 'own',
    sortOrder: await nextRhkOrder(executor, skpId),
  });
  await replaceIndicators(executor, row.id, indicatorValues(input.indicators));
  await recordAudit(executor, ctx, { action: 'create', entityType: RHK_ENTITY, entityId: row.id, after: auditRhk(row, input.indicators), scopeUnitId: skp.unitId });
  return { id: row.id };
}

/** Replaces an RHK's fields and its indicators (the form sends the whole RHK). */
export async function updateRhkPlan(executor: Executor, ctx: RequestContext, rhkId: string, input: RhkInput): Promise<{ id: string }> {
  const { rhk, skp } = await loadOpenRhk(executor, ctx, rhkId);
  assertRhkFitsSkp(skp, input);
  if (input.supportedRhkId) await assertValidCitation(executor, skp, rhk.id, input.supportedRhkId);
  const beforeIndicators = await findIndicatorRows(executor, [rhk.id]);
  const after = await updateRhk(executor, rhk.id, {
    kind: input.kind,
    text: input.text,
    perspective: input.perspective,
    supportedRhkId: input.supportedRhkId,
    supportedAgreementText: input.supportedAgreementText,
    updatedAt: ctx.clock.now(),
  });
  await replaceIndicators(executor, rhk.id, indicatorValues(input.indicators));
  await recordAudit(executor, ctx, {
    action: 'update',
    entityType: RHK_ENTITY,
    entityId: rhk.id,
    before: auditRhk(rhk, beforeIndicators.map(({ aspect, text, targetValue, targetValueUpper, targetUnit }) => ({ aspect, text, targetValue, targetValueUpper, targetUnit }))),
    after: auditRhk(after, input.indicators),
    scopeUnitId: skp.unitId,
  });
  return { id: rhk.id };
}

export async function removeRhk(executor: Executor, ctx: RequestContext, rhkId: string): Promise<{ ok: true }> {
  const { rhk, skp } = await loadOpenRhk(executor, ctx, rhkId);
  const citing = await countCitingRhk(executor, rhk.id);
  if (citing > 0) throw conflict(`RHK ini diacu oleh ${citing} RHK bawahan dan tidak dapat dihapus`);
  const indicators = await findIndicatorRows(executor, [rhk.id]);
  await deleteRhk(executor, rhk.id);
  await recordAudit(executor, ctx, {
    action: 'delete',
    entityType: RHK_ENTITY,
    entityId: rhk.id,
    before: auditRhk(rhk, indicators.map(({ aspect, text, targetValue, targetValueUpper, targetUnit }) => ({ aspect, text, targetValue, targetValueUpper, targetUnit }))),
    scopeUnitId: skp.unitId,
  });
  return { ok: true };
}
