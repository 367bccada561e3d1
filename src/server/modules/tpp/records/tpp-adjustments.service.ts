import { and, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { tppAdjustmentListQuery, tppAdjustmentListView, updateTppAdjustmentBody } from '../../../../contracts/tpp-records';
import type { Executor } from '../../../db/client';
import { employees, tppAdjustments, units } from '../../../db/schema';
import type { RequestContext } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { conflict, notFound } from '../../../platform/errors';
import { isPeriodClosed } from '../../activities/shared/period-lock';
import { containsPattern } from '../../org/units.repository';
import { resolveResultUnitIds } from '../results/tpp-results.service';
import { assertTppRegionAdmin } from '../tpp-access';

/**
 * Corrections paid with a month, as far as the caller may read (readers of the whole region, or an
 * admin OPD's units), optionally for one unit and the units below it, or a name or NIP.
 */
export async function listTppAdjustments(executor: Executor, ctx: RequestContext, query: z.output<typeof tppAdjustmentListQuery>): Promise<z.infer<typeof tppAdjustmentListView>> {
  const unitIds = await resolveResultUnitIds(executor, ctx, query.unitId);
  const scope = unitIds === null ? undefined : unitIds.length === 0 ? sql`false` : inArray(employees.unitId, [...unitIds]);
  const search = query.q ? or(ilike(employees.name, containsPattern(query.q)), ilike(employees.nip, containsPattern(query.q))) : undefined;
  const rows = await executor
    .select({ adjustment: tppAdjustments, nip: employees.nip, name: employees.name, unitName: units.name })
    .from(tppAdjustments)
    .innerJoin(employees, eq(employees.id, tppAdjustments.employeeId))
    .leftJoin(units, eq(units.id, employees.unitId))
    .where(and(eq(tppAdjustments.period, query.period), scope, search))
    .orderBy(desc(tppAdjustments.createdAt), desc(tppAdjustments.id));
  return {
    period: query.period,
    isPeriodClosed: await isPeriodClosed(executor, query.period),
    items: rows.map(({ adjustment, nip, name, unitName }) => ({
      id: adjustment.id,
      employeeId: adjustment.employeeId,
      nip,
      name,
      unitName,
      period: adjustment.period,
      correctsPeriod: adjustment.correctsPeriod,
      correctsResultId: adjustment.correctsResultId,
      amount: adjustment.amount,
      reason: adjustment.reason,
      createdAt: adjustment.createdAt.toISOString(),
    })),
  };
}

/** The correction and its employee's unit (for the audit scope), if its payment month is still open. */
async function findChangeableAdjustment(executor: Executor, id: string) {
  const [row] = await executor
    .select({ adjustment: tppAdjustments, unitId: employees.unitId })
    .from(tppAdjustments)
    .innerJoin(employees, eq(employees.id, tppAdjustments.employeeId))
    .where(eq(tppAdjustments.id, id))
    .for('update', { of: tppAdjustments });
  if (!row) throw notFound('Koreksi TPP');
  // Once its payment month is closed the correction was paid: it is history, corrected by another one.
  if (await isPeriodClosed(executor, row.adjustment.period)) {
    throw conflict(`Bulan pembayaran ${row.adjustment.period} sudah ditutup; koreksi ini sudah dibayarkan. Catat koreksi baru pada bulan yang masih terbuka.`);
  }
  return row;
}

const auditedFields = (row: { amount: number; reason: string; period: string; correctsPeriod: string; employeeId: string }) => ({
  employeeId: row.employeeId,
  period: row.period,
  correctsPeriod: row.correctsPeriod,
  amount: row.amount,
  reason: row.reason,
});

/** A correction's amount or reason entered wrongly, fixed while its payment month is open. Admin BKPSDM only. */
export async function updateTppAdjustment(executor: Executor, ctx: RequestContext, id: string, input: z.output<typeof updateTppAdjustmentBody>): Promise<void> {
  assertTppRegionAdmin(ctx, 'Hanya admin BKPSDM yang dapat mengubah koreksi TPP');
  const { adjustment, unitId } = await findChangeableAdjustment(executor, id);
  await executor.update(tppAdjustments).set({ amount: input.amount, reason: input.reason }).where(eq(tppAdjustments.id, id));
  await recordAudit(executor, ctx, {
    action: 'update',
    entityType: 'tpp_adjustment',
    entityId: id,
    before: auditedFields(adjustment),
    after: auditedFields({ ...adjustment, ...input }),
    scopeUnitId: unitId,
  });
}

/** A correction recorded by mistake, removed while its payment month is open. Admin BKPSDM only. */
export async function deleteTppAdjustment(executor: Executor, ctx: RequestContext, id: string): Promise<void> {
  assertTppRegionAdmin(ctx, 'Hanya admin BKPSDM yang dapat menghapus koreksi TPP');
  const { adjustment, unitId } = await findChangeableAdjustment(executor, id);
  await executor.delete(tppAdjustments).where(eq(tppAdjustments.id, id));
  await recordAudit(executor, ctx, { action: 'delete', entityType: 'tpp_adjustment', entityId: id, before: auditedFields(adjustment), scopeUnitId: unitId });
}
