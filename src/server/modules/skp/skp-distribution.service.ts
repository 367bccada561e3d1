import type { DistributionView } from '../../../contracts/skp-evaluation';
import { adviseDistribution, DISTRIBUTION_SOURCE, type PredikatCounts } from '../../../domain/skp/distribution';
import { EMPLOYEE_PREDIKATS, type EmployeePredikat, type UnitPredikat } from '../../../domain/skp/vocabulary';
import type { Executor } from '../../db/client';
import { requireActor, type RequestContext } from '../../platform/actor';
import { forbidden, notFound } from '../../platform/errors';
import { findUnitSubtreeIds } from '../org';
import { findEmployeeRow } from '../org/employees.repository';
import { isUnitInScope, unitScopeOf } from '../org/org-scope';
import { findEvaluationRows, findUnitNames, findUnitPredikatRow } from './skp-evaluation.repository';
import { isSkpInForce } from './skp-views';
import { findSkpRows, type SkpRow } from './skp.repository';

/**
 * The distribution advisor (SE MenPANRB 03/2023): the predikat of a group — the people an assessor
 * rates, or an OPD/unit with its sub-units — against the pattern for the unit's predikat, with
 * each breach. Draft and final ratings both count, so the assessor sees the effect before
 * finalising. An advisor only: nothing here blocks or changes a rating.
 */
export async function getDistribution(executor: Executor, ctx: RequestContext, query: { periodKey: string; unitId?: string }): Promise<DistributionView> {
  const actor = requireActor(ctx);
  const year = Number(query.periodKey.slice(0, 4));
  let skps: SkpRow[];
  let unitId: string | null;
  if (query.unitId) {
    if (!isUnitInScope(unitScopeOf(ctx), query.unitId)) throw forbidden('Unit ini di luar kewenangan Anda');
    unitId = query.unitId;
    const unitIds = await findUnitSubtreeIds(executor, [unitId]);
    skps = (await findSkpRows(executor, { unitIds, year, status: 'approved' })).filter(isSkpInForce);
  } else {
    if (!actor.employeeId) throw forbidden('Akun ini tidak terhubung dengan data pegawai');
    // The people an assessor rates belong to the assessor's own unit: its predikat sets the pattern.
    unitId = (await findEmployeeRow(executor, actor.employeeId))?.unitId ?? null;
    skps = (await findSkpRows(executor, { assessorEmployeeId: actor.employeeId, year, status: 'approved' })).filter(isSkpInForce);
  }
  const unit = unitId ? (await findUnitNames(executor, [unitId])).get(unitId) : undefined;
  if (query.unitId && !unit) throw notFound('Unit');
  const unitPredikat = unitId ? ((await findUnitPredikatRow(executor, unitId, query.periodKey))?.predikat as UnitPredikat | undefined) ?? null : null;

  const evaluations = await findEvaluationRows(executor, skps.map((skp) => skp.id), query.periodKey);
  const people = skps.map((skp) => {
    const evaluation = evaluations.find((row) => row.skpId === skp.id);
    return {
      skpId: skp.id,
      employeeId: skp.employeeId,
      name: skp.employeeName,
      nip: skp.employeeNip,
      positionName: skp.positionName,
      predikat: (evaluation?.predikat as EmployeePredikat | null | undefined) ?? null,
      isFinal: evaluation?.isFinal ?? false,
    };
  });
  const counts: PredikatCounts = {};
  for (const person of people) if (person.predikat) counts[person.predikat] = (counts[person.predikat] ?? 0) + 1;
  const advice = unitPredikat ? adviseDistribution(unitPredikat, counts) : null;
  return {
    scope: query.unitId ? 'unit' : 'assessor',
    periodKey: query.periodKey,
    unitId,
    unitName: unit?.name ?? null,
    unitPredikat,
    total: advice?.total ?? Object.values(counts).reduce((sum, value) => sum + (value ?? 0), 0),
    counts: Object.fromEntries(EMPLOYEE_PREDIKATS.map((predikat) => [predikat, counts[predikat] ?? 0])),
    breaches: (advice?.breaches ?? []).map((breach) => ({
      kind: breach.rule.kind,
      predikats: [...breach.rule.predikats],
      actualCount: breach.actualCount,
      limitCount: breach.limitCount,
      message: breach.message,
    })),
    people,
    notice: unitPredikat ? null : `Predikat kinerja unit${unit ? ` ${unit.name}` : ''} untuk periode ${query.periodKey} belum ditetapkan oleh atasan unit; pola distribusi belum dapat dibandingkan`,
    source: DISTRIBUTION_SOURCE,
  };
}
