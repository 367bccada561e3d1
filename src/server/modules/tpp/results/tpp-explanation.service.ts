import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { tppHistory, tppSimulateBody, tppSimulation, TppExplanationView, TppMonthChangeView } from '../../../../contracts/tpp';
import { applyTppInputChanges, compareTppResults, simulateTpp } from '../../../../domain/tpp/simulate-tpp';
import { previousPeriod } from '../../../../domain/tpp/build-input';
import { tppInputSchema } from '../../../../domain/tpp/tpp-input';
import { usesApel, usesProductivity, usesSkpAchievement, usesSkpPredikat } from '../../../../domain/tpp/rule-set-uses';
import type { Executor } from '../../../db/client';
import { tppResults } from '../../../db/schema';
import { hasRole, requireActor, type RequestContext } from '../../../platform/actor';
import { forbidden, invalid, notFound } from '../../../platform/errors';
import { findEmployeeRow } from '../../org/employees.repository';
import { findClosedPeriods } from '../../activities/shared/period-lock';
import { canManageTppUnit } from '../tpp-access';
import { assertTppVisible, findCorrections, loadTppMonth, type TppCorrection, type TppMonth } from './tpp-month.service';

function ownEmployeeId(ctx: RequestContext): string {
  const actor = requireActor(ctx);
  if (!actor.employeeId) throw forbidden('Akun ini tidak terhubung dengan data pegawai');
  return actor.employeeId;
}

/** "Why is my TPP this amount?": the month's result line by line with citations, plus corrections paid with it. */
export async function getTppExplanation(executor: Executor, ctx: RequestContext, employeeId: string, period: string): Promise<TppExplanationView> {
  await assertTppVisible(executor, ctx, employeeId);
  const month = await loadTppMonth(executor, ctx, employeeId, period);
  return toExplanationView(employeeId, month, await findCorrections(executor, employeeId, period));
}

/** The explanation of a loaded month with the corrections paid with it. */
export function toExplanationView(employeeId: string, month: TppMonth, corrections: readonly TppCorrection[]): TppExplanationView {
  const { period } = month;
  return {
    period,
    employee: {
      id: employeeId,
      nip: month.snapshot.nip,
      name: month.snapshot.employeeName,
      golongan: month.snapshot.golongan,
      positionName: month.snapshot.positionName,
      kelasJabatan: month.snapshot.kelasJabatan,
      unitName: month.snapshot.unitName,
      opdName: month.snapshot.opdName,
    },
    isEstimate: month.isEstimate,
    isFrozen: month.isFrozen,
    resultId: month.resultId,
    computedAt: month.computedAt.toISOString(),
    ruleSetId: month.ruleSetId,
    notes: month.notes,
    inputs: {
      productivityBp: month.input.productivityBp,
      tkDays: month.input.attendance.tkDays,
      lateEvents: month.input.attendance.late.length,
      earlyEvents: month.input.attendance.early.length,
      workingDays: month.input.workingDays,
      skpPredikat: month.input.skp.predikat,
      skpAchievementBp: month.input.skp.achievementBp,
      apelRequired: month.input.attendance.apel.required,
      apelMissed: month.input.attendance.apel.missed,
      uses: {
        productivity: usesProductivity(month.ruleSet),
        skpPredikat: usesSkpPredikat(month.ruleSet),
        skpAchievement: usesSkpAchievement(month.ruleSet),
        apel: usesApel(month.ruleSet),
      },
    },
    result: month.result,
    corrections: [...corrections],
    netPayable: month.result.net + corrections.reduce((sum, correction) => sum + correction.amount, 0),
  };
}

export const getMyTppExplanation = (executor: Executor, ctx: RequestContext, period: string) => getTppExplanation(executor, ctx, ownEmployeeId(ctx), period);

/**
 * The month beside last month's computed result (not an estimate of it), line by line: what moved
 * the amount. Null when last month was not computed for the employee.
 */
export async function getTppMonthChange(executor: Executor, ctx: RequestContext, employeeId: string | null, period: string): Promise<TppMonthChangeView> {
  const id = employeeId ?? ownEmployeeId(ctx);
  const current = await getTppExplanation(executor, ctx, id, period);
  const lastMonth = previousPeriod(period);
  const [stored] = await executor
    .select({ id: tppResults.id })
    .from(tppResults)
    .where(and(eq(tppResults.employeeId, id), eq(tppResults.period, lastMonth), eq(tppResults.isCurrent, true)))
    .limit(1);
  if (!stored) return { period, previousPeriod: lastMonth, comparison: null };
  const previous = await getTppExplanation(executor, ctx, id, lastMonth);
  return {
    period,
    previousPeriod: lastMonth,
    comparison: { previousNet: previous.result.net, net: current.result.net, isPreviousFrozen: previous.isFrozen, ...compareTppResults(previous.result, current.result) },
  };
}

/** Past months with a stored result, newest first (the last two years). */
export async function getTppHistory(executor: Executor, ctx: RequestContext, employeeId: string | null): Promise<z.infer<typeof tppHistory>> {
  const id = employeeId ?? ownEmployeeId(ctx);
  await assertTppVisible(executor, ctx, id);
  const rows = await executor
    .select({ period: tppResults.period, resultId: tppResults.id, net: tppResults.net, gross: tppResults.gross })
    .from(tppResults)
    .where(and(eq(tppResults.employeeId, id), eq(tppResults.isCurrent, true), isNotNull(tppResults.period)))
    .orderBy(desc(tppResults.period))
    .limit(24);
  const closed = await findClosedPeriods(executor, rows.map((row) => row.period));
  return { items: rows.map((row) => ({ ...row, isFrozen: closed.has(row.period) })) };
}

/** The employee for themselves; admin BKPSDM for anyone; admin OPD for employees of their units. */
async function assertCanSimulate(executor: Executor, ctx: RequestContext, employeeId: string): Promise<void> {
  const actor = requireActor(ctx);
  if (actor.employeeId === employeeId) return;
  const employee = await findEmployeeRow(executor, employeeId);
  if (!employee) throw notFound('Pegawai');
  if (!hasRole(actor, 'admin_bkpsdm', 'admin_opd') || !canManageTppUnit(ctx, employee.unitId)) throw notFound('Pegawai');
}

/** "What if I had not been late twice?": the month's input with the changes, both results and the differences. */
export async function simulateEmployeeTpp(executor: Executor, ctx: RequestContext, body: z.infer<typeof tppSimulateBody>): Promise<z.infer<typeof tppSimulation>> {
  const employeeId = body.employeeId ?? ownEmployeeId(ctx);
  await assertCanSimulate(executor, ctx, employeeId);
  const month = await loadTppMonth(executor, ctx, employeeId, body.period);
  // Keys absent from the JSON body stay absent after parsing, so nothing is overwritten with undefined.
  const changes = body.changes;
  const checked = tppInputSchema.safeParse(applyTppInputChanges(month.input, changes));
  if (!checked.success) {
    throw invalid(
      'Perubahan simulasi tidak sah',
      checked.error.issues.map((issue) => ({ field: `changes.${issue.path.join('.')}`, message: issue.message })),
    );
  }
  const simulation = simulateTpp(month.ruleSet, month.input, changes);
  return { period: body.period, employeeId, before: simulation.before, after: simulation.after, difference: simulation.difference, lineChanges: simulation.lineChanges };
}
