import { planCarryOver, type CarryRhk } from '../../../domain/skp/carry-over';
import { listSkpPeriodsWithin } from '../../../domain/skp/periods';
import type { IndicatorAspect } from '../../../domain/skp/vocabulary';
import type { Executor } from '../../db/client';
import type { RequestContext } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { findEvaluationRows, insertEvaluation } from './skp-evaluation.repository';
import {
  findIndicatorRealisationRows,
  findRealisationAttachments,
  findRealisationRows,
  insertIndicatorRealisationRows,
  insertRealisation,
  replaceRealisationAttachments,
} from './skp-realisation.repository';
import { findSkpSettingsForYear } from './skp-settings.service';
import { findIndicatorRows, findRhkRows, type RhkRow, type SkpRow } from './skp.repository';

/**
 * When a revision is approved, it takes over from the revision it replaces what domain/skp/carry-over.ts
 * lists: the realisations (with indicator values, evidence, feedback) of the RHK that continue, and
 * the final ratings, for the periods of its span. They are copies that point back to their source
 * (`carried_from_id`); the replaced revision keeps every row, so its history is unchanged.
 * Runs in the approval's transaction, after the replaced revision was superseded (frozen).
 */
export async function carryOverIntoRevision(executor: Executor, ctx: RequestContext, previous: SkpRow, revision: SkpRow): Promise<{ realisationCount: number; evaluationCount: number }> {
  const settings = await findSkpSettingsForYear(executor, revision.year);
  const periodKeys = new Set([...listSkpPeriodsWithin(settings.periodKind, revision).map((period) => period.key), String(revision.year)]);
  const previousRhk = await findRhkRows(executor, [previous.id]);
  const revisionRhk = await findRhkRows(executor, [revision.id]);
  const indicators = await findIndicatorRows(executor, [...previousRhk, ...revisionRhk].map((rhk) => rhk.id));
  const toCarryRhk = (rhk: RhkRow): CarryRhk => ({
    id: rhk.id,
    previousRhkId: rhk.previousRhkId,
    indicators: indicators.filter((indicator) => indicator.rhkId === rhk.id).map((indicator) => ({ id: indicator.id, aspect: indicator.aspect as IndicatorAspect, targetUnit: indicator.targetUnit })),
  });
  const realisations = await findRealisationRows(executor, previousRhk.map((rhk) => rhk.id));
  const evaluations = await findEvaluationRows(executor, [previous.id]);
  const plan = planCarryOver({ previousRhk: previousRhk.map(toCarryRhk), revisionRhk: revisionRhk.map(toCarryRhk), periodKeys, realisations, evaluations });

  const sourceIds = plan.realisations.map((item) => item.fromId);
  const values = await findIndicatorRealisationRows(executor, sourceIds);
  const files = await findRealisationAttachments(executor, sourceIds);
  const now = ctx.clock.now();
  for (const { fromId, toRhkId } of plan.realisations) {
    const source = realisations.find((row) => row.id === fromId);
    if (!source) continue;
    const { id: _id, rhkId: _rhkId, createdAt: _createdAt, updatedAt: _updatedAt, carriedFromId: _carriedFromId, ...fields } = source;
    const copy = await insertRealisation(executor, { ...fields, rhkId: toRhkId, carriedFromId: source.id, createdAt: now, updatedAt: now });
    await insertIndicatorRealisationRows(
      executor,
      values.flatMap((value) => {
        const indicatorId = value.realisationId === source.id ? plan.indicators.get(value.indicatorId) : undefined;
        return indicatorId ? [{ realisationId: copy.id, indicatorId, value: value.value, createdAt: now, updatedAt: now }] : [];
      }),
    );
    const attachmentIds = files.filter((file) => file.realisationId === source.id).map((file) => file.id);
    if (attachmentIds.length > 0) await replaceRealisationAttachments(executor, copy.id, attachmentIds);
  }
  for (const id of plan.evaluationIds) {
    const source = evaluations.find((row) => row.id === id);
    if (!source) continue;
    const { id: _id, skpId: _skpId, createdAt: _createdAt, updatedAt: _updatedAt, carriedFromId: _carriedFromId, ...fields } = source;
    await insertEvaluation(executor, { ...fields, skpId: revision.id, carriedFromId: source.id, createdAt: now, updatedAt: now });
  }
  const carriedPeriods = [...new Set(plan.realisations.map(({ fromId }) => realisations.find((row) => row.id === fromId)?.periodKey ?? ''))].sort();
  await recordAudit(executor, ctx, {
    action: 'carry_over',
    entityType: 'skp',
    entityId: revision.id,
    after: {
      fromSkpId: previous.id,
      realisationCount: plan.realisations.length,
      realisationPeriods: carriedPeriods,
      evaluationPeriods: plan.evaluationIds.map((id) => evaluations.find((row) => row.id === id)?.periodKey ?? '').sort(),
    },
    scopeUnitId: revision.unitId,
  });
  return { realisationCount: plan.realisations.length, evaluationCount: plan.evaluationIds.length };
}
