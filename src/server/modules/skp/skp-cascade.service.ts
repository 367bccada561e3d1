import type { HandOutResult, HandOutRhkBody } from '../../../contracts/skp';
import { CASCADE_VIOLATION_MESSAGES } from '../../../domain/skp/cascade';
import { yearSpan } from '../../../domain/skp/periods';
import type { Executor } from '../../db/client';
import { regionToday, requireActor, type RequestContext } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors';
import { findSubordinateIds } from '../org';
import { findEmployeeSummaries } from '../org/employees.repository';
import { assertCanReadSkp } from './skp-access';
import { assertValidCitation, KEPALA_DAERAH_HAS_NO_RHK } from './skp-citation';
import { createSkpRecord } from './skp-plan.service';
import { auditRhk, loadOpenSkp, RHK_ENTITY } from './skp-rhk.service';
import { snapshotDate } from './skp-snapshot';
import { isSkpInForce } from './skp-views';
import {
  findIndicatorRows,
  findRhkRow,
  findRhkRows,
  findSkpInForce,
  findSkpRevisions,
  findSkpRow,
  insertRhk,
  nextRhkOrder,
  replaceIndicators,
  type IndicatorRow,
  type RhkRow,
  type SkpRow,
} from './skp.repository';

type IndicatorValues = Pick<IndicatorRow, 'aspect' | 'text' | 'targetValue' | 'targetValueUpper' | 'targetUnit'>[];

const copyIndicators = (rows: IndicatorRow[], target: SkpRow): IndicatorValues =>
  rows
    // The biaya aspect exists only under PP 46/2011; a PermenPANRB SKP does not inherit it.
    .filter((row) => target.approach === 'pp_46_2011' || row.aspect !== 'biaya')
    .map(({ aspect, text, targetValue, targetValueUpper, targetUnit }) => ({ aspect, text, targetValue, targetValueUpper, targetUnit }));

/** Adds to `target` an RHK that cites the superior's `source`, audited; the citation is checked like any other. */
async function addCitingRhk(
  executor: Executor,
  ctx: RequestContext,
  target: SkpRow,
  source: RhkRow,
  fields: { kind: 'utama' | 'tambahan'; text: string; origin: 'from_superior' | 'handed_out'; indicators: IndicatorValues },
): Promise<RhkRow> {
  await assertValidCitation(executor, target, null, source.id);
  const row = await insertRhk(executor, {
    skpId: target.id,
    kind: fields.kind,
    text: fields.text,
    perspective: target.isJpt ? source.perspective : null,
    supportedRhkId: source.id,
    origin: fields.origin,
    sourceRhkId: source.id,
    sortOrder: await nextRhkOrder(executor, target.id),
  });
  await replaceIndicators(executor, row.id, fields.indicators);
  await recordAudit(executor, ctx, {
    action: fields.origin === 'handed_out' ? 'hand_out' : 'copy_from_superior',
    entityType: RHK_ENTITY,
    entityId: row.id,
    after: auditRhk(row, fields.indicators),
    scopeUnitId: target.unitId,
  });
  return row;
}

/**
 * Starts (or extends) an SKP from the assessor's approved RHK: each chosen RHK becomes a draft RHK
 * citing it, with its indicators, for the employee to reword. RHK already cited are skipped.
 */
export async function copyFromSuperior(executor: Executor, ctx: RequestContext, skpId: string, rhkIds: string[]): Promise<{ ids: string[] }> {
  const skp = await loadOpenSkp(executor, ctx, skpId);
  if (!skp.assessorEmployeeId) throw conflict(skp.assessorKind === 'kepala_daerah' ? KEPALA_DAERAH_HAS_NO_RHK : CASCADE_VIOLATION_MESSAGES.no_superior);
  const superiorSkp = await findSkpInForce(executor, skp.assessorEmployeeId, skp.year);
  if (!superiorSkp) throw conflict(`Pejabat penilai belum memiliki SKP tahun ${skp.year} yang disetujui`);
  const superiorRhk = await findRhkRows(executor, [superiorSkp.id]);
  const unknown = rhkIds.filter((id) => !superiorRhk.some((row) => row.id === id));
  if (unknown.length > 0) throw invalid(CASCADE_VIOLATION_MESSAGES.not_superior, { field: 'rhkIds', rhkIds: unknown });
  const alreadyCited = new Set((await findRhkRows(executor, [skp.id])).map((row) => row.supportedRhkId));
  const chosen = superiorRhk.filter((row) => (rhkIds.length === 0 || rhkIds.includes(row.id)) && !alreadyCited.has(row.id));
  const indicators = await findIndicatorRows(executor, chosen.map((row) => row.id));
  const ids: string[] = [];
  for (const source of chosen) {
    const fields = { kind: 'utama' as const, text: source.text, origin: 'from_superior' as const, indicators: copyIndicators(indicators.filter((i) => i.rhkId === source.id), skp) };
    ids.push((await addCitingRhk(executor, ctx, skp, source, fields)).id);
  }
  return { ids };
}

interface HandOutTarget {
  employeeId: string;
  skp: SkpRow | null;
}

/**
 * The superior hands one of their approved RHK to many direct subordinates at once: each gets a
 * draft RHK citing it in their open SKP of that year (created when they have none). All or
 * nothing: if any subordinate cannot receive it, nothing is written and each reason is listed.
 */
export async function handOutRhk(executor: Executor, ctx: RequestContext, rhkId: string, body: HandOutRhkBody): Promise<HandOutResult> {
  const actor = requireActor(ctx);
  const source = await findRhkRow(executor, rhkId);
  if (!source) throw notFound('RHK');
  const sourceSkp = await findSkpRow(executor, source.skpId);
  assertCanReadSkp(ctx, sourceSkp);
  if (!actor.employeeId || sourceSkp.employeeId !== actor.employeeId) throw forbidden('Hanya pemilik RHK yang dapat membagikannya kepada bawahan');
  if (!isSkpInForce(sourceSkp)) throw conflict('Hanya RHK dari SKP yang sudah disetujui dan berlaku yang dapat dibagikan');

  const employeeIds = [...new Set(body.employeeIds)];
  const subordinates = await findSubordinateIds(executor, actor.employeeId, snapshotDate(regionToday(ctx), yearSpan(sourceSkp.year)));
  const names = await findEmployeeSummaries(executor, employeeIds);
  const problems: { employeeId: string; name: string; reason: string }[] = [];
  const targets: HandOutTarget[] = [];
  for (const employeeId of employeeIds) {
    const problem = (reason: string) => problems.push({ employeeId, name: names.get(employeeId)?.fullName ?? employeeId, reason });
    if (!subordinates.has(employeeId)) {
      problem('bukan bawahan langsung Anda');
      continue;
    }
    const revisions = await findSkpRevisions(executor, employeeId, sourceSkp.year);
    const open = revisions.find((row) => row.status !== 'approved') ?? null;
    if (open?.status === 'submitted') problem('SKP-nya sedang diajukan');
    else if (open && open.assessorEmployeeId !== actor.employeeId) problem('pejabat penilai pada SKP-nya bukan Anda');
    else if (!open && revisions.length > 0) problem('SKP-nya sudah disetujui; pegawai perlu membuat revisi');
    else if (open && (await findRhkRows(executor, [open.id])).some((row) => row.supportedRhkId === source.id)) problem('sudah memiliki RHK yang mengacu RHK ini');
    else targets.push({ employeeId, skp: open });
  }
  if (problems.length > 0) {
    throw conflict(`RHK tidak dapat dibagikan kepada ${problems.length} pegawai: ${problems.map((p) => `${p.name} (${p.reason})`).join('; ')}`, { problems });
  }

  const indicators = body.indicators
    ? body.indicators.map((i) => ({ ...i, targetValue: String(i.targetValue), targetValueUpper: i.targetValueUpper === null ? null : String(i.targetValueUpper) }))
    : null;
  const sourceIndicators = await findIndicatorRows(executor, [source.id]);
  const items: HandOutResult['items'] = [];
  for (const target of targets) {
    // The subordinate's open SKP was checked above; a new one gets the superior of record, which is the actor.
    const skp = target.skp ?? (await createSkpRecord(executor, ctx, target.employeeId, sourceSkp.year, yearSpan(sourceSkp.year)));
    if (skp.approach !== 'pp_46_2011' && body.indicators?.some((indicator) => indicator.aspect === 'biaya')) {
      throw invalid('Aspek biaya hanya dipakai pada pendekatan PP 46/2011', { field: 'indicators' });
    }
    const row = await addCitingRhk(executor, ctx, skp, source, {
      kind: body.kind,
      text: body.text ?? source.text,
      origin: 'handed_out',
      indicators: indicators ?? copyIndicators(sourceIndicators, skp),
    });
    items.push({ employeeId: target.employeeId, skpId: skp.id, rhkId: row.id, createdSkp: target.skp === null });
  }
  return { items };
}
