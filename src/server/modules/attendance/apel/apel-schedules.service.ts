import { eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ApelScheduleBody, ApelScheduleView, apelScheduleListQuery } from '../../../../contracts/attendance-apel';
import type { Executor } from '../../../db/client';
import { apelSchedules, units } from '../../../db/schema';
import type { RequestContext } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { invalid, notFound } from '../../../platform/errors';
import { findUnitAncestorIds } from '../../org';
import { assertCanWriteForUnit, assertRegionAdmin } from '../schedules/schedule-access';
import { findApelScheduleView, findApelScheduleViews } from './apel-schedules.repository';

export const APEL_SCHEDULE_ENTITY = 'apel_schedule';

/** A region-wide ceremony is BKPSDM's; a unit's own ceremony also its admin OPD's. */
function assertCanWriteSchedule(ctx: RequestContext, unitId: string | null): void {
  if (unitId === null) assertRegionAdmin(ctx, 'Hanya admin BKPSDM yang dapat mengatur apel untuk seluruh daerah');
  else assertCanWriteForUnit(ctx, unitId);
}

async function assertUnitExists(executor: Executor, unitId: string | null): Promise<void> {
  if (unitId === null) return;
  const [unit] = await executor.select({ id: units.id }).from(units).where(eq(units.id, unitId));
  if (!unit) throw invalid('Unit tidak ditemukan', [{ field: 'unitId', message: 'Unit tidak ditemukan' }]);
}

const toValues = (input: ApelScheduleBody) => ({
  name: input.name,
  unitId: input.unitId,
  weekdays: [...input.weekdays].sort((a, b) => a - b),
  dates: [...input.dates].sort(),
  startTime: input.startTime,
  endTime: input.endTime,
  effectiveFrom: input.effectiveFrom,
  effectiveTo: input.effectiveTo,
  isActive: input.isActive,
  note: input.note,
});

/** Ceremonies are public (everyone may know when apel is); with `unitId` only those reaching that unit. */
export async function listApelSchedules(executor: Executor, query: z.output<typeof apelScheduleListQuery>): Promise<{ items: ApelScheduleView[] }> {
  const filters: SQL[] = [];
  if (!query.includeInactive) filters.push(eq(apelSchedules.isActive, true));
  if (query.unitId) {
    const reach = [query.unitId, ...(await findUnitAncestorIds(executor, query.unitId))];
    const scoped = or(isNull(apelSchedules.unitId), inArray(apelSchedules.unitId, reach));
    if (scoped) filters.push(scoped);
  }
  return { items: await findApelScheduleViews(executor, filters) };
}

export async function getApelSchedule(executor: Executor, id: string): Promise<ApelScheduleView> {
  const view = await findApelScheduleView(executor, id);
  if (!view) throw notFound('Jadwal apel');
  return view;
}

export async function createApelSchedule(executor: Executor, ctx: RequestContext, input: ApelScheduleBody): Promise<{ id: string }> {
  assertCanWriteSchedule(ctx, input.unitId);
  await assertUnitExists(executor, input.unitId);
  const now = ctx.clock.now();
  const [created] = await executor
    .insert(apelSchedules)
    .values({ ...toValues(input), createdAt: now, updatedAt: now })
    .returning({ id: apelSchedules.id });
  if (!created) throw new Error('insert returned nothing');
  await recordAudit(executor, ctx, { action: 'create', entityType: APEL_SCHEDULE_ENTITY, entityId: created.id, after: toValues(input), scopeUnitId: input.unitId });
  return created;
}

/**
 * Changes a schedule (or deactivates it: its ceremonies stop counting). Months already closed keep
 * the TPP they were paid with: their results are snapshots.
 */
export async function updateApelSchedule(executor: Executor, ctx: RequestContext, id: string, input: ApelScheduleBody): Promise<void> {
  const [before] = await executor.select().from(apelSchedules).where(eq(apelSchedules.id, id)).for('update');
  if (!before) throw notFound('Jadwal apel');
  assertCanWriteSchedule(ctx, before.unitId);
  assertCanWriteSchedule(ctx, input.unitId);
  await assertUnitExists(executor, input.unitId);
  await executor
    .update(apelSchedules)
    .set({ ...toValues(input), updatedAt: ctx.clock.now() })
    .where(eq(apelSchedules.id, id));
  await recordAudit(executor, ctx, {
    action: 'update',
    entityType: APEL_SCHEDULE_ENTITY,
    entityId: id,
    before: { ...before, createdAt: undefined, updatedAt: undefined },
    after: toValues(input),
    scopeUnitId: input.unitId ?? before.unitId,
  });
}
