import { eq, inArray } from 'drizzle-orm';
import type { TppRunView } from '../../../../contracts/tpp';
import type { Executor } from '../../../db/client';
import { employees, tppRuns, units } from '../../../db/schema';
import type { RequestContext } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { conflict, forbidden, invalid, notFound } from '../../../platform/errors';
import { isPeriodClosed } from '../../activities/shared/period-lock';
import { findTppRuleSetForPeriod } from '../rule-sets/tpp-rule-sets.service';
import { canManageTppUnit, currentPeriod, readableTppUnitIds } from '../tpp-access';
import { findActiveRunId, findRunView, findRunViews } from './tpp-runs.repository';

export const TPP_RUN_ENTITY = 'tpp_run';

export const closedPeriodError = (period: string) =>
  conflict(`Bulan ${period} sudah ditutup; TPP bulan itu tidak dapat dihitung ulang (koreksi dilakukan sebagai penyesuaian di bulan berikutnya)`, { field: 'period' });

export const missingRuleSetError = (period: string) =>
  conflict(`Belum ada aturan TPP yang berlaku untuk bulan ${period}; tambahkan versi aturan TPP yang berlaku sejak bulan itu atau sebelumnya`, { field: 'period' });

/** What must hold before a month is computed: not closed, begun, governed by a rule set. */
export async function assertPeriodComputable(executor: Executor, ctx: RequestContext, period: string): Promise<void> {
  if (period > currentPeriod(ctx)) {
    const message = `Bulan ${period} belum dimulai`;
    throw invalid(message, [{ field: 'period', message }]);
  }
  if (await isPeriodClosed(executor, period)) throw closedPeriodError(period);
  if (!(await findTppRuleSetForPeriod(executor, period))) throw missingRuleSetError(period);
}

async function assertUnitExists(executor: Executor, unitId: string): Promise<void> {
  const [row] = await executor.select({ id: units.id }).from(units).where(eq(units.id, unitId));
  if (!row) throw notFound('Unit');
}

/**
 * Queues a month's computation (the worker picks it up). Admin BKPSDM for the region or any OPD,
 * admin OPD for their own units. A second request while one for the same month and scope is waiting
 * or running returns that one instead of queuing a duplicate.
 */
export async function requestTppRun(executor: Executor, ctx: RequestContext, input: { period: string; unitId: string | null }): Promise<{ id: string; isNew: boolean }> {
  if (!canManageTppUnit(ctx, input.unitId)) throw forbidden(input.unitId === null ? 'Hanya admin BKPSDM yang dapat menghitung TPP seluruh daerah' : 'Unit ini di luar kewenangan Anda');
  if (input.unitId) await assertUnitExists(executor, input.unitId);
  await assertPeriodComputable(executor, ctx, input.period);
  const existing = await findActiveRunId(executor, input.period, input.unitId);
  if (existing) return { id: existing, isNew: false };
  const [created] = await executor
    .insert(tppRuns)
    .values({
      period: input.period,
      unitId: input.unitId,
      status: 'queued',
      requestedByUserId: ctx.actor?.userId ?? null,
      requestedByLabel: ctx.actor ? ctx.actor.displayName : (ctx.systemLabel ?? 'sistem'),
      requestedAt: ctx.clock.now(),
    })
    // A concurrent request for the same month and scope won the race (partial unique index): join it.
    .onConflictDoNothing()
    .returning({ id: tppRuns.id });
  if (!created) {
    const raced = await findActiveRunId(executor, input.period, input.unitId);
    if (raced) return { id: raced, isNew: false };
    throw conflict('Perhitungan TPP untuk bulan dan unit ini sedang berjalan');
  }
  await recordAudit(executor, ctx, { action: 'request', entityType: TPP_RUN_ENTITY, entityId: created.id, after: input, scopeUnitId: input.unitId });
  return { id: created.id, isNew: true };
}

/** Admin BKPSDM, pimpinan and auditors see every run; an admin OPD the runs of their units. */
/**
 * A region run seen by an admin OPD: its progress is the region's, but of the people it could not
 * compute only those of the admin's units are listed (the others are another OPD's business).
 */
async function withIssuesInScope(executor: Executor, runs: TppRunView[], readable: readonly string[] | null): Promise<TppRunView[]> {
  if (readable === null) return runs;
  const ids = [...new Set(runs.filter((run) => run.unitId === null).flatMap((run) => run.issues.map((issue) => issue.employeeId)))];
  if (ids.length === 0) return runs;
  const rows = await executor.select({ id: employees.id, unitId: employees.unitId }).from(employees).where(inArray(employees.id, ids));
  const inScope = new Set(rows.filter((row) => row.unitId !== null && readable.includes(row.unitId)).map((row) => row.id));
  return runs.map((run) => (run.unitId === null ? { ...run, issues: run.issues.filter((issue) => inScope.has(issue.employeeId)) } : run));
}

export async function getTppRun(executor: Executor, ctx: RequestContext, id: string): Promise<TppRunView> {
  const run = await findRunView(executor, id);
  const readable = readableTppUnitIds(ctx);
  if (!run || (readable !== null && run.unitId !== null && !readable.includes(run.unitId))) throw notFound('Perhitungan TPP');
  const [view] = await withIssuesInScope(executor, [run], readable);
  return view ?? run;
}

export async function listTppRuns(executor: Executor, ctx: RequestContext, query: { period?: string | undefined }): Promise<{ items: TppRunView[] }> {
  const readable = readableTppUnitIds(ctx);
  return { items: await withIssuesInScope(executor, await findRunViews(executor, { period: query.period, unitIds: readable, limit: 50 }), readable) };
}
