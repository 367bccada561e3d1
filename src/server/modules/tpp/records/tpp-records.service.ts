import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createTppAdjustmentBody, createTppDisciplineDecisionBody, setTppComplianceBody } from '../../../../contracts/tpp';
import type { Executor } from '../../../db/client';
import { tppAdjustments, tppComplianceItems, tppDisciplineDecisions, tppResults } from '../../../db/schema';
import type { RequestContext } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { conflict, forbidden, invalid, notFound, type AppError } from '../../../platform/errors';
import { isPeriodClosed } from '../../activities/shared/period-lock';
import { isUniqueViolation } from '../../org/db-errors';
import { findEmployeeRow } from '../../org/employees.repository';
import { findTppRuleSetForPeriod } from '../rule-sets/tpp-rule-sets.service';
import { closedPeriodError, missingRuleSetError } from '../runs/tpp-runs.service';
import { assertTppRegionAdmin, canManageTppUnit } from '../tpp-access';
import { complianceColumnsOf } from './tpp-record-options.service';

/** The employee, if the caller may manage their TPP records (admin OPD: their units); outside scope it does not exist. */
async function findManagedEmployee(executor: Executor, ctx: RequestContext, employeeId: string) {
  const employee = await findEmployeeRow(executor, employeeId);
  if (!employee || !canManageTppUnit(ctx, employee.unitId)) throw notFound('Pegawai');
  return employee;
}

const fieldError = (field: string, message: string) => invalid(message, [{ field, message }]);
const onField = (error: AppError, field: string) => conflict(error.message, { field });

// ── Corrections of closed months ──

/**
 * A correction of a closed month, paid with a later open month (issue 6 §2: closed results are never
 * changed). Linked to the corrected month's result. Admin BKPSDM only.
 */
export async function createTppAdjustment(executor: Executor, ctx: RequestContext, input: z.output<typeof createTppAdjustmentBody>): Promise<{ id: string }> {
  assertTppRegionAdmin(ctx, 'Hanya admin BKPSDM yang dapat mencatat koreksi TPP');
  const employee = await findManagedEmployee(executor, ctx, input.employeeId);
  if (input.correctsPeriod >= input.period) throw fieldError('period', 'Koreksi dibayarkan pada bulan setelah bulan yang dikoreksi');
  if (!(await isPeriodClosed(executor, input.correctsPeriod))) {
    throw fieldError('correctsPeriod', `Bulan ${input.correctsPeriod} belum ditutup; selama bulan masih terbuka, hitung ulang TPP-nya saja`);
  }
  if (await isPeriodClosed(executor, input.period)) throw closedPeriodError(input.period);
  const [corrected] = await executor
    .select({ id: tppResults.id })
    .from(tppResults)
    .where(and(eq(tppResults.employeeId, input.employeeId), eq(tppResults.period, input.correctsPeriod), eq(tppResults.isCurrent, true)));
  const [created] = await executor
    .insert(tppAdjustments)
    .values({ ...input, correctsResultId: corrected?.id ?? null, createdByUserId: ctx.actor?.userId ?? null, createdAt: ctx.clock.now() })
    .returning({ id: tppAdjustments.id });
  if (!created) throw new Error('insert returned nothing');
  await recordAudit(executor, ctx, { action: 'create', entityType: 'tpp_adjustment', entityId: created.id, after: { ...input, correctsResultId: corrected?.id ?? null }, scopeUnitId: employee.unitId });
  return { id: created.id };
}

// ── Discipline decisions ──

type DecisionInput = z.output<typeof createTppDisciplineDecisionBody>;

/**
 * A decision may only take effect in an open month (the month errors name the form's field,
 * startPeriod, so the message shows next to it), with a penalty the rule set of that month prices.
 */
async function assertDecisionAcceptable(executor: Executor, input: DecisionInput): Promise<void> {
  if (await isPeriodClosed(executor, input.startPeriod)) throw onField(closedPeriodError(input.startPeriod), 'startPeriod');
  const found = await findTppRuleSetForPeriod(executor, input.startPeriod);
  if (!found) throw onField(missingRuleSetError(input.startPeriod), 'startPeriod');
  const codes = found.ruleSet.adjustments.discipline.penalties.map((penalty) => penalty.code);
  if (!codes.includes(input.penaltyCode)) throw fieldError('penaltyCode', `Jenis hukuman ${input.penaltyCode} tidak diatur dalam aturan TPP yang berlaku (pilihan: ${codes.join(', ')})`);
}

const duplicateNumberError = (input: DecisionInput) => (error: unknown) => {
  if (isUniqueViolation(error)) throw conflict(`SK ${input.decisionNumber} sudah tercatat untuk pegawai ini`, { field: 'decisionNumber' });
  throw error;
};

/** A penalty from an official decision (SK); its code must be one the rule set of the first month prices. */
export async function createTppDisciplineDecision(executor: Executor, ctx: RequestContext, input: DecisionInput): Promise<{ id: string }> {
  assertTppRegionAdmin(ctx, 'Hanya admin BKPSDM yang dapat mencatat keputusan hukuman disiplin');
  const employee = await findManagedEmployee(executor, ctx, input.employeeId);
  await assertDecisionAcceptable(executor, input);
  const [created] = await executor
    .insert(tppDisciplineDecisions)
    .values({ ...input, createdByUserId: ctx.actor?.userId ?? null, createdAt: ctx.clock.now() })
    .returning({ id: tppDisciplineDecisions.id })
    .catch(duplicateNumberError(input));
  if (!created) throw new Error('insert returned nothing');
  await recordAudit(executor, ctx, { action: 'create', entityType: 'tpp_discipline_decision', entityId: created.id, after: input, scopeUnitId: employee.unitId });
  return { id: created.id };
}

const auditedDecision = (row: DecisionInput) => ({
  employeeId: row.employeeId,
  decisionNumber: row.decisionNumber,
  decisionDate: row.decisionDate,
  penaltyCode: row.penaltyCode,
  startPeriod: row.startPeriod,
  note: row.note,
});

/**
 * A decision entered wrongly (number, date, penalty, first month, even the employee), fixed while it
 * has touched no closed month: its current first month and the new one must both be open.
 */
export async function updateTppDisciplineDecision(executor: Executor, ctx: RequestContext, id: string, input: DecisionInput): Promise<void> {
  assertTppRegionAdmin(ctx, 'Hanya admin BKPSDM yang dapat mengubah keputusan hukuman disiplin');
  const [row] = await executor.select().from(tppDisciplineDecisions).where(eq(tppDisciplineDecisions.id, id)).for('update');
  if (!row) throw notFound('Keputusan hukuman disiplin');
  await findManagedEmployee(executor, ctx, row.employeeId);
  if (await isPeriodClosed(executor, row.startPeriod)) {
    throw conflict(`Bulan ${row.startPeriod} sudah ditutup dan hukuman ini sudah diperhitungkan; keputusan tidak dapat diubah lagi (perbaikan dicatat sebagai koreksi TPP)`);
  }
  const employee = await findManagedEmployee(executor, ctx, input.employeeId);
  await assertDecisionAcceptable(executor, input);
  await executor
    .update(tppDisciplineDecisions)
    .set(input)
    .where(eq(tppDisciplineDecisions.id, id))
    .catch(duplicateNumberError(input));
  await recordAudit(executor, ctx, { action: 'update', entityType: 'tpp_discipline_decision', entityId: id, before: auditedDecision(row), after: auditedDecision(input), scopeUnitId: employee.unitId });
}

export async function listTppDisciplineDecisions(executor: Executor, ctx: RequestContext, employeeId: string) {
  await findManagedEmployee(executor, ctx, employeeId);
  const rows = await executor.select().from(tppDisciplineDecisions).where(eq(tppDisciplineDecisions.employeeId, employeeId)).orderBy(asc(tppDisciplineDecisions.startPeriod));
  return {
    items: rows.map((row) => ({
      id: row.id,
      employeeId: row.employeeId,
      decisionNumber: row.decisionNumber,
      decisionDate: row.decisionDate,
      penaltyCode: row.penaltyCode,
      startPeriod: row.startPeriod,
      note: row.note,
      createdAt: row.createdAt.toISOString(),
    })),
  };
}

/** A decision entered by mistake may be removed while its first month is still open. */
export async function deleteTppDisciplineDecision(executor: Executor, ctx: RequestContext, id: string): Promise<void> {
  assertTppRegionAdmin(ctx, 'Hanya admin BKPSDM yang dapat menghapus keputusan hukuman disiplin');
  const [row] = await executor.select().from(tppDisciplineDecisions).where(eq(tppDisciplineDecisions.id, id));
  if (!row) throw notFound('Keputusan hukuman disiplin');
  if (await isPeriodClosed(executor, row.startPeriod)) throw closedPeriodError(row.startPeriod);
  const employee = await findEmployeeRow(executor, row.employeeId);
  await executor.delete(tppDisciplineDecisions).where(eq(tppDisciplineDecisions.id, id));
  // Scoped like its creation, so the admin OPD of the employee's unit sees the removal in their audit trail too.
  await recordAudit(executor, ctx, { action: 'delete', entityType: 'tpp_discipline_decision', entityId: id, before: row, scopeUnitId: employee?.unitId ?? null });
}

// ── Compliance items ──

/** Whether an employee met a compliance item in an open month; the code must be one the month's rule set uses. */
export async function setTppComplianceItem(executor: Executor, ctx: RequestContext, input: z.output<typeof setTppComplianceBody>): Promise<void> {
  if (ctx.actor && !ctx.actor.roles.some((role) => role === 'admin_bkpsdm' || role === 'admin_opd')) throw forbidden();
  const employee = await findManagedEmployee(executor, ctx, input.employeeId);
  if (await isPeriodClosed(executor, input.period)) throw closedPeriodError(input.period);
  const found = await findTppRuleSetForPeriod(executor, input.period);
  if (!found) throw missingRuleSetError(input.period);
  const codes = complianceColumnsOf(found.ruleSet).map((column) => column.code);
  if (!codes.includes(input.code)) {
    throw fieldError('code', codes.length === 0 ? 'Aturan TPP yang berlaku tidak memakai butir kepatuhan' : `Butir kepatuhan ${input.code} tidak ada dalam aturan TPP (pilihan: ${codes.join(', ')})`);
  }
  const [before] = await executor
    .select()
    .from(tppComplianceItems)
    .where(and(eq(tppComplianceItems.employeeId, input.employeeId), eq(tppComplianceItems.period, input.period), eq(tppComplianceItems.code, input.code)));
  const values = { isMet: input.isMet, note: input.note, recordedByUserId: ctx.actor?.userId ?? null, updatedAt: ctx.clock.now() };
  await executor
    .insert(tppComplianceItems)
    .values({ employeeId: input.employeeId, period: input.period, code: input.code, ...values })
    .onConflictDoUpdate({ target: [tppComplianceItems.employeeId, tppComplianceItems.period, tppComplianceItems.code], set: values });
  await recordAudit(executor, ctx, {
    action: before ? 'update' : 'create',
    entityType: 'tpp_compliance_item',
    entityId: input.employeeId,
    before: before ? { isMet: before.isMet, note: before.note } : undefined,
    after: input,
    scopeUnitId: employee.unitId,
  });
}

export async function listTppComplianceItems(executor: Executor, ctx: RequestContext, employeeId: string, period: string) {
  await findManagedEmployee(executor, ctx, employeeId);
  const rows = await executor
    .select()
    .from(tppComplianceItems)
    .where(and(eq(tppComplianceItems.employeeId, employeeId), eq(tppComplianceItems.period, period)))
    .orderBy(asc(tppComplianceItems.code));
  return { items: rows.map((row) => ({ employeeId, period, code: row.code, isMet: row.isMet, note: row.note })) };
}
