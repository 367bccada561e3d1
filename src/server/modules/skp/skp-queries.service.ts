import type { CitableRhkList, SkpList, SkpListQuery, SkpView } from '../../../contracts/skp';
import type { Executor } from '../../db/client';
import { canReadWholeRegency, hasRole, requireActor, type RequestContext } from '../../platform/actor';
import { forbidden } from '../../platform/errors';
import { assertCanReadSkp } from './skp-access';
import { buildRhkViews, buildSkpView, toSkpSummary } from './skp-views';
import { findRhkRows, findSkpInForce, findSkpRow, findSkpRows, type SkpFilter } from './skp.repository';

export async function getSkp(executor: Executor, ctx: RequestContext, id: string): Promise<SkpView> {
  const row = await findSkpRow(executor, id);
  assertCanReadSkp(ctx, row);
  return buildSkpView(executor, row);
}

/**
 * mine: my SKPs (all revisions); to_review: submitted to me; assessed: every SKP I assess;
 * unit: an admin OPD's units (optionally one of them) or, for regency-wide readers, any unit;
 * kepala_daerah: the SKPs whose assessor is the kepala daerah, for the regency-wide readers.
 */
export async function listSkps(executor: Executor, ctx: RequestContext, query: SkpListQuery): Promise<SkpList> {
  const actor = requireActor(ctx);
  const filter: SkpFilter = { year: query.year, status: query.status };
  if (query.scope === 'mine' || query.scope === 'to_review' || query.scope === 'assessed') {
    if (!actor.employeeId) throw forbidden('Akun ini tidak terhubung dengan data pegawai');
    if (query.scope === 'mine') filter.employeeIds = [actor.employeeId];
    else filter.assessorEmployeeId = actor.employeeId;
    if (query.scope === 'to_review') filter.status = 'submitted';
  } else if (query.scope === 'kepala_daerah') {
    // BKPSDM records the kepala daerah's decisions; the regency-wide readers may follow them.
    if (!canReadWholeRegency(actor)) throw forbidden('SKP yang dinilai kepala daerah hanya untuk admin BKPSDM dan pembaca tingkat kabupaten');
    filter.assessorKind = 'kepala_daerah';
  } else if (canReadWholeRegency(actor)) {
    if (query.unitId) filter.unitIds = [query.unitId];
  } else if (hasRole(actor, 'admin_opd')) {
    if (query.unitId && !actor.adminUnitIds.includes(query.unitId)) throw forbidden('Unit ini di luar kewenangan Anda');
    filter.unitIds = query.unitId ? [query.unitId] : actor.adminUnitIds;
  } else {
    throw forbidden('Daftar SKP per unit hanya untuk admin dan pimpinan');
  }
  return { items: (await findSkpRows(executor, filter)).map(toSkpSummary) };
}

/** The RHK an SKP may cite: those of its assessor's approved SKP in force for the same year. */
export async function listCitableRhk(executor: Executor, ctx: RequestContext, skpId: string): Promise<CitableRhkList> {
  const skp = await findSkpRow(executor, skpId);
  assertCanReadSkp(ctx, skp);
  if (!skp.assessorEmployeeId) return { superiorSkpId: null, items: [] };
  const superiorSkp = await findSkpInForce(executor, skp.assessorEmployeeId, skp.year);
  if (!superiorSkp) return { superiorSkpId: null, items: [] };
  return { superiorSkpId: superiorSkp.id, items: await buildRhkViews(executor, await findRhkRows(executor, [superiorSkp.id])) };
}
