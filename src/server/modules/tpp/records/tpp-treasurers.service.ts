import { and, asc, eq, gte, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { tppTreasurerBody, tppTreasurerList, tppTreasurerListQuery, TppTreasurerView } from '../../../../contracts/tpp-records';
import { formatFullName } from '../../../../domain/org/names';
import { findOverlappingAppointment, isInOfficeOn, selectTreasurer, TREASURER_TITLES, treasurerKindOf, type TreasurerKind } from '../../../../domain/tpp/treasurers';
import { formatIndonesianDate } from '../../../../domain/calendar/indonesian-dates';
import type { Executor } from '../../../db/client';
import { employees, tppTreasurers, units } from '../../../db/schema';
import { regionToday, type RequestContext } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { conflict, invalid, notFound } from '../../../platform/errors';
import { findEmployeeRow } from '../../org/employees.repository';
import { containsPattern, findUnitRow } from '../../org/units.repository';
import { resolveResultUnitIds } from '../results/tpp-results.service';
import { canManageTppUnit } from '../tpp-access';
import { findAllUnits, type UnitNode } from '../runs/tpp-sources.repository';
import { findOpdOf, unitChainToOpd } from '../../../../domain/org/unit-tree';

export const TPP_TREASURER_ENTITY = 'tpp_treasurer';

type Body = z.output<typeof tppTreasurerBody>;
type Row = typeof tppTreasurers.$inferSelect;

const kindOfUnit = (unitsById: ReadonlyMap<string, UnitNode>, unitId: string): TreasurerKind => treasurerKindOf(findOpdOf(unitsById, unitId)?.id === unitId);

/** The appointments of units in scope (admin OPD: their units; a unit filter covers those below it), current ones unless asked, by unit then start. */
export async function listTppTreasurers(executor: Executor, ctx: RequestContext, query: z.output<typeof tppTreasurerListQuery>): Promise<z.infer<typeof tppTreasurerList>> {
  const unitIds = await resolveResultUnitIds(executor, ctx, query.unitId);
  const today = regionToday(ctx);
  const scope = unitIds === null ? undefined : unitIds.length === 0 ? sql`false` : inArray(tppTreasurers.unitId, unitIds);
  const search = query.q
    ? or(ilike(employees.name, containsPattern(query.q)), ilike(employees.nip, containsPattern(query.q)), ilike(tppTreasurers.decreeNumber, containsPattern(query.q)))
    : undefined;
  const current = query.includeEnded ? undefined : or(isNull(tppTreasurers.endDate), gte(tppTreasurers.endDate, today));
  const [rows, unitsById] = await Promise.all([
    executor
      .select({ appointment: tppTreasurers, unitName: units.name, nip: employees.nip, name: employees.name, gelarDepan: employees.gelarDepan, gelarBelakang: employees.gelarBelakang })
      .from(tppTreasurers)
      .innerJoin(units, eq(units.id, tppTreasurers.unitId))
      .innerJoin(employees, eq(employees.id, tppTreasurers.employeeId))
      .where(and(scope, search, current))
      .orderBy(asc(units.name), asc(tppTreasurers.startDate), asc(tppTreasurers.id)),
    findAllUnits(executor),
  ]);
  return {
    items: rows.map(({ appointment, unitName, nip, ...person }) => ({
      id: appointment.id,
      unitId: appointment.unitId,
      unitName,
      kind: kindOfUnit(unitsById, appointment.unitId),
      employeeId: appointment.employeeId,
      nip,
      name: formatFullName(person),
      decreeNumber: appointment.decreeNumber,
      startDate: appointment.startDate,
      endDate: appointment.endDate,
      isInOffice: isInOfficeOn(appointment, today),
    })),
  };
}

export async function getTppTreasurer(executor: Executor, ctx: RequestContext, id: string): Promise<TppTreasurerView> {
  const row = await findManagedAppointment(executor, ctx, id);
  const { items } = await listTppTreasurers(executor, ctx, { unitId: row.unitId, includeEnded: true });
  const found = items.find((item) => item.id === id);
  if (!found) throw notFound('Bendahara');
  return found;
}

/** An appointment on a unit the caller manages; outside scope it does not exist. */
async function findManagedAppointment(executor: Executor, ctx: RequestContext, id: string, options: { lock?: boolean } = {}): Promise<Row> {
  const query = executor.select().from(tppTreasurers).where(eq(tppTreasurers.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row || !canManageTppUnit(ctx, row.unitId)) throw notFound('Bendahara');
  return row;
}

/**
 * Checks an appointment before it is written: a unit the caller manages (locked, so two appointments
 * of one unit cannot be checked against each other's absence at once), an active employee of the
 * same OPD, and no other appointment of the unit in its dates.
 */
async function checkAppointment(executor: Executor, ctx: RequestContext, body: Body, id: string | null): Promise<void> {
  if (!canManageTppUnit(ctx, body.unitId)) throw notFound('Unit');
  const unit = await findUnitRow(executor, body.unitId, { lock: true });
  if (!unit) throw notFound('Unit');
  if (!unit.isActive) throw invalid(`Unit ${unit.name} sudah tidak aktif`, { field: 'unitId' });
  const employee = await findEmployeeRow(executor, body.employeeId);
  if (!employee) throw invalid('Pegawai tidak ditemukan', { field: 'employeeId' });
  if (!employee.isActive) throw invalid(`${formatFullName(employee)} sudah tidak aktif`, { field: 'employeeId' });
  const unitsById = await findAllUnits(executor);
  const opd = findOpdOf(unitsById, body.unitId);
  if (findOpdOf(unitsById, employee.unitId)?.id !== opd?.id) {
    throw invalid(`Bendahara harus pegawai ${opd?.name ?? unit.name}`, { field: 'employeeId' });
  }
  const existing = await executor.select().from(tppTreasurers).where(eq(tppTreasurers.unitId, body.unitId));
  const overlap = findOverlappingAppointment(existing, { id: id ?? '', unitId: body.unitId, startDate: body.startDate, endDate: body.endDate });
  if (overlap) {
    const until = overlap.endDate ? `sampai ${formatIndonesianDate(overlap.endDate)}` : 'sampai sekarang';
    throw conflict(
      `${TREASURER_TITLES[kindOfUnit(unitsById, body.unitId)]} ${unit.name} sudah tercatat sejak ${formatIndonesianDate(overlap.startDate)} ${until} (SK ${overlap.decreeNumber}); akhiri dulu penugasan itu`,
      { field: 'startDate' },
    );
  }
}

const audited = (row: Pick<Row, 'unitId' | 'employeeId' | 'decreeNumber' | 'startDate' | 'endDate'>) => ({
  unitId: row.unitId,
  employeeId: row.employeeId,
  decreeNumber: row.decreeNumber,
  startDate: row.startDate,
  endDate: row.endDate,
});

/** Records a treasurer's appointment (admin BKPSDM, or the admin OPD of the unit). */
export async function createTppTreasurer(executor: Executor, ctx: RequestContext, body: Body): Promise<{ id: string }> {
  await checkAppointment(executor, ctx, body, null);
  const userId = ctx.actor?.userId ?? null;
  const now = ctx.clock.now();
  const [created] = await executor
    .insert(tppTreasurers)
    .values({ ...body, createdByUserId: userId, createdAt: now, updatedByUserId: userId, updatedAt: now })
    .returning({ id: tppTreasurers.id });
  if (!created) throw new Error('insert returned nothing');
  await recordAudit(executor, ctx, { action: 'create', entityType: TPP_TREASURER_ENTITY, entityId: created.id, after: audited(body), scopeUnitId: body.unitId });
  return created;
}

/**
 * Corrects an appointment or ends it (an end date). Signatures are not amounts: a payment list
 * printed again names whoever the records say was in office on the month's last day, as it does the
 * head of the unit; every change is in the audit trail.
 */
export async function updateTppTreasurer(executor: Executor, ctx: RequestContext, id: string, body: Body): Promise<void> {
  const before = await findManagedAppointment(executor, ctx, id, { lock: true });
  await checkAppointment(executor, ctx, body, id);
  await executor
    .update(tppTreasurers)
    .set({ ...body, updatedByUserId: ctx.actor?.userId ?? null, updatedAt: ctx.clock.now() })
    .where(eq(tppTreasurers.id, id));
  await recordAudit(executor, ctx, { action: 'update', entityType: TPP_TREASURER_ENTITY, entityId: id, before: audited(before), after: audited(body), scopeUnitId: body.unitId });
}

/** Removes an appointment recorded by mistake (one that ended is given an end date instead). */
export async function deleteTppTreasurer(executor: Executor, ctx: RequestContext, id: string): Promise<void> {
  const before = await findManagedAppointment(executor, ctx, id, { lock: true });
  await executor.delete(tppTreasurers).where(eq(tppTreasurers.id, id));
  await recordAudit(executor, ctx, { action: 'delete', entityType: TPP_TREASURER_ENTITY, entityId: id, before: audited(before), scopeUnitId: before.unitId });
}

/** The treasurer who signs a unit's payment list dated `date` (the unit's own, else the nearest above it up to its OPD). */
export async function findTreasurerOn(
  executor: Executor,
  unitsById: ReadonlyMap<string, UnitNode>,
  unitId: string,
  date: string,
): Promise<{ title: string; name: string; nip: string } | null> {
  const chain = unitChainToOpd(unitsById, unitId);
  const rows = await executor
    .select({ appointment: tppTreasurers, nip: employees.nip, name: employees.name, gelarDepan: employees.gelarDepan, gelarBelakang: employees.gelarBelakang })
    .from(tppTreasurers)
    .innerJoin(employees, eq(employees.id, tppTreasurers.employeeId))
    .where(inArray(tppTreasurers.unitId, chain));
  const chosen = selectTreasurer(
    rows.map((row) => ({ ...row.appointment, row })),
    chain,
    date,
  );
  if (!chosen) return null;
  return { title: TREASURER_TITLES[kindOfUnit(unitsById, chosen.unitId)], name: formatFullName(chosen.row), nip: chosen.row.nip };
}
