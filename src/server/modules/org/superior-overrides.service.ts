import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createSuperiorOverrideRequest } from '../../../contracts/org';
import { findSuperiorLoop } from '../../../domain/org/hierarchy';
import { describePeriod, doPeriodsOverlap, isActiveOn, isPeriodOrdered } from '../../../domain/org/periods';
import type { Executor } from '../../db/client';
import { superiorOverrides } from '../../db/schema';
import { canManageUnit, regionToday, type RequestContext } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors';
import { findEmployeeRow, findEmployeeSummaries } from './employees.repository';
import { assertCanWriteInUnit } from './org-scope';
import { findOverrideRow, findOverridesOfEmployee, type SuperiorOverrideRow } from './superior-overrides.repository';
import { findSuperiorChain } from './superiors.service';

type CreateOverrideInput = z.infer<typeof createSuperiorOverrideRequest>;

const snapshotOverride = (row: SuperiorOverrideRow) => ({
  employeeId: row.employeeId,
  superiorEmployeeId: row.superiorEmployeeId,
  startDate: row.startDate,
  endDate: row.endDate,
  reason: row.reason,
});

/**
 * Refuses an override that would make the employee (indirectly) their own superior. Checked on
 * the first day of the override and, when the override is already running, on today: the days
 * on which approvals get routed first.
 */
async function assertNoSuperiorLoop(executor: Executor, ctx: RequestContext, input: CreateOverrideInput) {
  const today = regionToday(ctx);
  const dates = new Set([input.startDate]);
  if (isActiveOn({ startDate: input.startDate, endDate: input.endDate }, today)) dates.add(today);
  for (const date of dates) {
    const chain = await findSuperiorChain(executor, input.superiorEmployeeId, input.employeeId, date);
    const loop = findSuperiorLoop(input.employeeId, input.superiorEmployeeId, chain);
    if (loop) {
      const names = await findEmployeeSummaries(executor, loop);
      const path = loop.map((id) => names.get(id)?.fullName ?? id).join(' → ');
      throw invalid(`Pengalihan atasan ini membentuk lingkaran atasan pada ${date}: ${path}`, { field: 'superiorEmployeeId', loop });
    }
  }
}

/** Names someone else as the direct superior of an employee for a period (vacancies, special arrangements). */
export async function createSuperiorOverride(executor: Executor, ctx: RequestContext, input: CreateOverrideInput): Promise<{ id: string }> {
  const employee = await findEmployeeRow(executor, input.employeeId, { lock: true });
  if (!employee) throw invalid('Pegawai tidak ditemukan', { field: 'employeeId' });
  assertCanWriteInUnit(ctx, employee.unitId);
  if (input.superiorEmployeeId === input.employeeId) throw invalid('Pegawai tidak dapat menjadi atasan dirinya sendiri', { field: 'superiorEmployeeId' });
  const superior = await findEmployeeRow(executor, input.superiorEmployeeId);
  // A superior outside the admin's own units is BKPSDM's decision (as for position superiors);
  // answering the same for unknown ids does not reveal which employees exist elsewhere.
  if (ctx.actor && !canManageUnit(ctx.actor, superior?.unitId ?? null)) {
    throw forbidden('Atasan di luar unit kewenangan Anda hanya dapat ditetapkan oleh admin BKPSDM');
  }
  if (!superior) throw invalid('Pegawai atasan tidak ditemukan', { field: 'superiorEmployeeId' });
  if (!employee.isActive) throw invalid('Pegawai sudah nonaktif', { field: 'employeeId' });
  if (!superior.isActive) throw invalid('Pegawai atasan sudah nonaktif', { field: 'superiorEmployeeId' });
  const period = { startDate: input.startDate, endDate: input.endDate ?? null };
  if (!isPeriodOrdered(period)) throw invalid('Tanggal selesai tidak boleh sebelum tanggal mulai', { field: 'endDate' });
  const overlapping = (await findOverridesOfEmployee(executor, employee.id)).find((existing) => doPeriodsOverlap(existing, period));
  if (overlapping) {
    throw conflict(`Pegawai sudah memiliki pengalihan atasan pada periode yang tumpang tindih (${describePeriod(overlapping)})`, { overrideId: overlapping.id });
  }
  await assertNoSuperiorLoop(executor, ctx, input);
  const now = ctx.clock.now();
  const [created] = await executor
    .insert(superiorOverrides)
    .values({ employeeId: employee.id, superiorEmployeeId: superior.id, ...period, reason: input.reason, createdAt: now, updatedAt: now })
    .returning();
  if (!created) throw new Error('insert returned nothing');
  await recordAudit(executor, ctx, { action: 'create', entityType: 'superior_override', entityId: created.id, after: snapshotOverride(created), scopeUnitId: employee.unitId });
  return { id: created.id };
}

/**
 * Ends an override on `endDate` (inclusive). Only brings the end forward: extending could overlap
 * a later override or create a loop, so that is a new override.
 */
export async function endSuperiorOverride(executor: Executor, ctx: RequestContext, id: string, endDate: string): Promise<{ id: string }> {
  const before = await findOverrideRow(executor, id, { lock: true });
  if (!before) throw notFound('Pengalihan atasan');
  const employee = await findEmployeeRow(executor, before.employeeId);
  assertCanWriteInUnit(ctx, employee?.unitId ?? null);
  if (endDate < before.startDate) throw invalid('Tanggal selesai tidak boleh sebelum tanggal mulai', { field: 'endDate' });
  if (before.endDate !== null && endDate > before.endDate) {
    throw invalid('Tanggal selesai hanya dapat dimajukan; buat pengalihan baru untuk memperpanjang', { field: 'endDate' });
  }
  const [after] = await executor.update(superiorOverrides).set({ endDate, updatedAt: ctx.clock.now() }).where(eq(superiorOverrides.id, id)).returning();
  if (!after) throw notFound('Pengalihan atasan');
  await recordAudit(executor, ctx, {
    action: 'end',
    entityType: 'superior_override',
    entityId: id,
    before: snapshotOverride(before),
    after: snapshotOverride(after),
    scopeUnitId: employee?.unitId ?? null,
  });
  return { id };
}
