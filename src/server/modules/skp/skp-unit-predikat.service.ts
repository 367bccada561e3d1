import type { UnitPredikatBody, UnitPredikatView } from '../../../contracts/skp-evaluation';
import { resolveEvaluationPeriod } from '../../../domain/skp/evaluation';
import type { UnitPredikat } from '../../../domain/skp/vocabulary';
import type { Executor } from '../../db/client';
import { requireActor, type RequestContext } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { dateInZone } from '../../platform/clock';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors';
import { findDirectSuperior } from '../org';
import { findHoldersOnDate } from '../org/assignments.repository';
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
import { findSkpRows, type SkpRow } from './skp.repository';

const ENTITY = 'skp_unit_predikat';

interface UnitHead {
  positionId: string;
  employeeId: string | null;
  name: string | null;
  /** The head's plan in force for the year, when there is one. */
  skp: SkpRow | null;
  /** The unit's superior: the assessor on the head's SKP, else the head's superior of record. */
  superiorEmployeeId: string | null;
}

/** The head of a unit for a period and the superior who sets the unit's predikat. */
export async function findUnitHead(executor: Executor, unitId: string, year: number, date: string): Promise<UnitHead | null> {
  const position = await findUnitHeadPosition(executor, unitId);
  if (!position) return null;
  const skp = (await findSkpRows(executor, { unitIds: [unitId], year, status: 'approved' })).find((row) => isSkpInForce(row) && row.positionId === position.id) ?? null;
  if (skp) return { positionId: position.id, employeeId: skp.employeeId, name: skp.employeeName, skp, superiorEmployeeId: skp.assessorEmployeeId };
  const [holder] = await findHoldersOnDate(executor, [position.id], date);
  if (!holder) return { positionId: position.id, employeeId: null, name: null, skp: null, superiorEmployeeId: null };
  const superior = (await findDirectSuperior(executor, holder.employeeId, date)).superior;
  return { positionId: position.id, employeeId: holder.employeeId, name: holder.fullName, skp: null, superiorEmployeeId: superior?.employeeId ?? null };
}

export async function viewOfUnitPredikat(executor: Executor, unitId: string, unitName: string, periodKey: string, row: UnitPredikatRow | null, head: UnitHead | null): Promise<UnitPredikatView> {
  return {
    unitId,
    unitName,
    periodKey,
    predikat: (row?.predikat as UnitPredikat | undefined) ?? null,
    note: row?.note ?? null,
    setByName: row ? await findEmployeeName(executor, row.setByEmployeeId) : null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    headEmployeeId: head?.employeeId ?? null,
    headName: head?.name ?? null,
  };
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
  if (!actor.employeeId || actor.employeeId !== head.superiorEmployeeId) throw forbidden('Predikat kinerja unit ditetapkan oleh atasan kepala unit tersebut');
  if (head.skp && (await findEvaluationRows(executor, [head.skp.id], periodKey)).some((row) => row.isFinal)) {
    throw conflict('Penilaian kepala unit untuk periode ini sudah final; predikat unit tidak dapat diubah lagi');
  }

  const before = await findUnitPredikatRow(executor, unitId, periodKey, { lock: true });
  const row = await upsertUnitPredikat(executor, {
    unitId,
    periodKey,
    predikat: body.predikat,
    note: body.note,
    setByEmployeeId: actor.employeeId,
    setByUserId: actor.userId,
    updatedAt: ctx.clock.now(),
  });
  const audit = (value: UnitPredikatRow) => ({ unitId: value.unitId, periodKey: value.periodKey, predikat: value.predikat, note: value.note, setByEmployeeId: value.setByEmployeeId });
  await recordAudit(executor, ctx, { action: before ? 'update' : 'create', entityType: ENTITY, entityId: row.id, before: before && audit(before), after: audit(row), scopeUnitId: unitId });
  return viewOfUnitPredikat(executor, unitId, unit.name, periodKey, row, head);
}

/** The units whose head I assess (on their SKP of that year), with the predikat I set for the period. */
export async function listSupervisedUnits(executor: Executor, ctx: RequestContext, periodKey: string): Promise<{ items: UnitPredikatView[] }> {
  const actor = requireActor(ctx);
  if (!actor.employeeId) return { items: [] };
  const assessed = (await findSkpRows(executor, { assessorEmployeeId: actor.employeeId, year: Number(periodKey.slice(0, 4)) })).filter((row) => row.supersededAt === null);
  const heads: { skp: SkpRow; unitId: string }[] = [];
  for (const skp of assessed) {
    const unitId = skp.unitId;
    if (unitId && !heads.some((head) => head.unitId === unitId) && (await isUnitHeadPosition(executor, skp.positionId, unitId))) heads.push({ skp, unitId });
  }
  const items: UnitPredikatView[] = [];
  for (const { skp, unitId } of heads) {
    const row = await findUnitPredikatRow(executor, unitId, periodKey);
    const head = { positionId: skp.positionId ?? '', employeeId: skp.employeeId, name: skp.employeeName, skp, superiorEmployeeId: actor.employeeId };
    items.push(await viewOfUnitPredikat(executor, unitId, skp.unitName ?? '', periodKey, row, head));
  }
  return { items };
}
