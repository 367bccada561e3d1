import type { UnitPredikatBody, UnitPredikatView } from '../../../contracts/skp-evaluation';
import { resolveEvaluationPeriod } from '../../../domain/skp/evaluation';
import type { UnitPredikat } from '../../../domain/skp/vocabulary';
import type { Executor } from '../../db/client';
import { hasRole, requireActor, type Actor, type RequestContext } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { dateInZone } from '../../platform/clock';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors';
import { findHoldersOnDate } from '../org/assignments.repository';
import { onBehalfLabelOf, type OnBehalf } from './skp-access';
import { resolveSkpAssessor } from './skp-assessor';
import { findUserDisplayName } from './skp-assessor-designations.repository';
import {
  findEvaluationRows,
  findUnitHeadPosition,
  findUnitNames,
  findUnitPredikatRow,
  isUnitHeadPosition,
  upsertUnitPredikat,
  type UnitPredikatRow,
} from './skp-evaluation.repository';
import { findEmployeeName } from './skp-realisation.repository';
import { findSkpSettingsForYear } from './skp-settings.service';
import { snapshotDate } from './skp-snapshot';
import { isSkpInForce } from './skp-views';
import { findSkpRows, type SkpFilter, type SkpRow } from './skp.repository';

const ENTITY = 'skp_unit_predikat';

/** The superior who sets a unit's predikat: an employee, or the kepala daerah (recorded by BKPSDM). */
interface UnitSuperior {
  employeeId: string | null;
  isKepalaDaerah: boolean;
  /** As printed when recorded on the official's behalf. */
  label: string;
}

interface UnitHead {
  positionId: string;
  employeeId: string | null;
  name: string | null;
  /** The head's plan in force for the year, when there is one. */
  skp: SkpRow | null;
  /** The unit's superior: the assessor on the head's SKP, else the head's assessor of record. */
  superior: UnitSuperior | null;
}

const superiorOnSkp = (skp: SkpRow): UnitSuperior | null =>
  skp.assessorKind === null ? null : { employeeId: skp.assessorEmployeeId, isKepalaDaerah: skp.assessorKind === 'kepala_daerah', label: onBehalfLabelOf(skp) };

/** The head of a unit for a period and the superior who sets the unit's predikat. */
export async function findUnitHead(executor: Executor, unitId: string, year: number, date: string): Promise<UnitHead | null> {
  const position = await findUnitHeadPosition(executor, unitId);
  if (!position) return null;
  const skp = (await findSkpRows(executor, { unitIds: [unitId], year, status: 'approved' })).find((row) => isSkpInForce(row) && row.positionId === position.id) ?? null;
  if (skp) return { positionId: position.id, employeeId: skp.employeeId, name: skp.employeeName, skp, superior: superiorOnSkp(skp) };
  const [holder] = await findHoldersOnDate(executor, [position.id], date);
  if (!holder) return { positionId: position.id, employeeId: null, name: null, skp: null, superior: null };
  const assessor = await resolveSkpAssessor(executor, holder.employeeId, date);
  const superior = assessor
    ? { employeeId: assessor.employeeId, isKepalaDaerah: assessor.kind === 'kepala_daerah', label: assessor.positionName ? `${assessor.name} (${assessor.positionName})` : assessor.name }
    : null;
  return { positionId: position.id, employeeId: holder.employeeId, name: holder.fullName, skp: null, superior };
}

export async function viewOfUnitPredikat(executor: Executor, unitId: string, unitName: string, periodKey: string, row: UnitPredikatRow | null, head: Pick<UnitHead, 'employeeId' | 'name'> | null): Promise<UnitPredikatView> {
  return {
    unitId,
    unitName,
    periodKey,
    predikat: (row?.predikat as UnitPredikat | undefined) ?? null,
    note: row?.note ?? null,
    setByName: row ? (row.setOnBehalfOf ? await findUserDisplayName(executor, row.setByUserId) : await findEmployeeName(executor, row.setByEmployeeId)) : null,
    setOnBehalfOf: row?.setOnBehalfOf ?? null,
    onBehalfReason: row?.onBehalfReason ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    headEmployeeId: head?.employeeId ?? null,
    headName: head?.name ?? null,
  };
}

const FORBIDDEN_MESSAGE = 'Predikat kinerja unit ditetapkan oleh atasan kepala unit tersebut';

/** The unit's superior sets it; for a head the kepala daerah assesses, BKPSDM records it on their behalf with a basis. */
function authoriseUnitSuperior(actor: Actor, superior: UnitSuperior | null, onBehalfReason: string | null): OnBehalf | null {
  if (superior?.isKepalaDaerah) {
    if (!hasRole(actor, 'admin_bkpsdm')) throw forbidden(`${FORBIDDEN_MESSAGE}: kepala daerah, yang keputusannya dicatat oleh admin BKPSDM`);
    if (!onBehalfReason) throw invalid('Isi dasar pencatatan atas nama kepala daerah (misalnya nomor surat atau disposisi)', { field: 'onBehalfReason' });
    return { label: superior.label, reason: onBehalfReason };
  }
  if (!actor.employeeId || actor.employeeId !== superior?.employeeId) throw forbidden(FORBIDDEN_MESSAGE);
  if (onBehalfReason) throw invalid('Dasar pencatatan atas nama hanya diisi bila atasan unit ini kepala daerah', { field: 'onBehalfReason' });
  return null;
}

/**
 * The unit's superior sets the unit's predikat kinerja organisasi for a period (SE MenPANRB
 * 03/2023), before its people are rated; it drives the distribution pattern and the head's hasil
 * kerja. Fixed once the head's evaluation of that period is final.
 */
export async function setUnitPredikat(executor: Executor, ctx: RequestContext, unitId: string, periodKey: string, body: UnitPredikatBody): Promise<UnitPredikatView> {
  const actor = requireActor(ctx);
  const unit = (await findUnitNames(executor, [unitId])).get(unitId);
  if (!unit) throw notFound('Unit');
  const year = Number(periodKey.slice(0, 4));
  const settings = await findSkpSettingsForYear(executor, year);
  const period = resolveEvaluationPeriod(year, settings.periodKind, periodKey);
  if (!period) throw invalid(`Periode ${periodKey} tidak sesuai pengaturan periode SKP tahun ${year}`, { field: 'periodKey' });
  const today = dateInZone(ctx.clock.now(), unit.timeZone);
  if (today < period.startDate) throw conflict('Periode ini belum dimulai; predikat unit ditetapkan saat penilaian');
  const head = await findUnitHead(executor, unitId, year, snapshotDate(today, period));
  if (!head || !head.employeeId) throw conflict('Unit ini tidak memiliki kepala unit yang menjabat, sehingga atasannya tidak dapat ditentukan');
  const onBehalf = authoriseUnitSuperior(actor, head.superior, body.onBehalfReason);
  if (head.skp && (await findEvaluationRows(executor, [head.skp.id], periodKey)).some((row) => row.isFinal)) {
    throw conflict('Penilaian kepala unit untuk periode ini sudah final; predikat unit tidak dapat diubah lagi');
  }

  const before = await findUnitPredikatRow(executor, unitId, periodKey, { lock: true });
  const row = await upsertUnitPredikat(executor, {
    unitId,
    periodKey,
    predikat: body.predikat,
    note: body.note,
    setByEmployeeId: onBehalf ? null : actor.employeeId,
    setByUserId: actor.userId,
    setOnBehalfOf: onBehalf?.label ?? null,
    onBehalfReason: onBehalf?.reason ?? null,
    updatedAt: ctx.clock.now(),
  });
  const audit = (value: UnitPredikatRow) => ({
    unitId: value.unitId,
    periodKey: value.periodKey,
    predikat: value.predikat,
    note: value.note,
    setByEmployeeId: value.setByEmployeeId,
    setOnBehalfOf: value.setOnBehalfOf,
    onBehalfReason: value.onBehalfReason,
  });
  await recordAudit(executor, ctx, { action: before ? 'update' : 'create', entityType: ENTITY, entityId: row.id, before: before && audit(before), after: audit(row), scopeUnitId: unitId });
  return viewOfUnitPredikat(executor, unitId, unit.name, periodKey, row, head);
}

/**
 * The units whose head I assess (on their SKP of that year), with the predikat set for the period;
 * for admin BKPSDM also the units whose head the kepala daerah assesses (set on their behalf).
 */
export async function listSupervisedUnits(executor: Executor, ctx: RequestContext, periodKey: string): Promise<{ items: UnitPredikatView[] }> {
  const actor = requireActor(ctx);
  const year = Number(periodKey.slice(0, 4));
  const filters: SkpFilter[] = [];
  if (actor.employeeId) filters.push({ assessorEmployeeId: actor.employeeId, year });
  if (hasRole(actor, 'admin_bkpsdm')) filters.push({ assessorKind: 'kepala_daerah', year });
  const heads: { skp: SkpRow; unitId: string }[] = [];
  for (const filter of filters) {
    for (const skp of (await findSkpRows(executor, filter)).filter((row) => row.supersededAt === null)) {
      const unitId = skp.unitId;
      if (unitId && !heads.some((head) => head.unitId === unitId) && (await isUnitHeadPosition(executor, skp.positionId, unitId))) heads.push({ skp, unitId });
    }
  }
  const items: UnitPredikatView[] = [];
  for (const { skp, unitId } of heads) {
    const row = await findUnitPredikatRow(executor, unitId, periodKey);
    items.push(await viewOfUnitPredikat(executor, unitId, skp.unitName ?? '', periodKey, row, { employeeId: skp.employeeId, name: skp.employeeName }));
  }
  return { items };
}
