import { and, asc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { createHolidayRequest, holiday, holidayQuery, updateHolidayRequest } from '../../../../contracts/attendance-schedules';
import type { Executor } from '../../../db/client';
import { holidays, units } from '../../../db/schema';
import type { RequestContext } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { conflict, invalid, notFound } from '../../../platform/errors';
import { findUnitAncestorIds } from '../../org';
import { isUniqueViolation } from '../../org/db-errors';
import { assertCanWriteForUnit, assertRegionAdmin } from '../schedules/schedule-access';

type HolidayView = z.infer<typeof holiday>;
type HolidayRow = typeof holidays.$inferSelect;
type CreateInput = z.output<typeof createHolidayRequest>;
type UpdateInput = z.output<typeof updateHolidayRequest>;

const snapshot = (row: HolidayRow) => ({ date: row.date, name: row.name, kind: row.kind, unitId: row.unitId, source: row.source, isActive: row.isActive });

const taken = (date: string) => conflict(`Sudah ada hari libur pada ${date} untuk cakupan yang sama`, { field: 'date' });

/**
 * A year's holidays. With `unitId`: the ones that reach that unit (everyone's plus the regional
 * days of the unit and its ancestors). Holidays are public: every signed-in user may read them.
 */
export async function listHolidays(executor: Executor, query: z.output<typeof holidayQuery>): Promise<{ items: HolidayView[] }> {
  const filters: SQL[] = [gte(holidays.date, `${query.year}-01-01`), lte(holidays.date, `${query.year}-12-31`)];
  if (!query.includeInactive) filters.push(eq(holidays.isActive, true));
  if (query.unitId) {
    const reach = [query.unitId, ...(await findUnitAncestorIds(executor, query.unitId))];
    const scoped = or(isNull(holidays.unitId), inArray(holidays.unitId, reach));
    if (scoped) filters.push(scoped);
  }
  const rows = await executor
    .select({
      id: holidays.id,
      date: holidays.date,
      name: holidays.name,
      kind: holidays.kind,
      unitId: holidays.unitId,
      unitName: units.name,
      source: holidays.source,
      isActive: holidays.isActive,
    })
    .from(holidays)
    .leftJoin(units, eq(units.id, holidays.unitId))
    .where(and(...filters))
    .orderBy(asc(holidays.date), sql`${holidays.unitId} nulls first`);
  return { items: rows.map((row) => ({ ...row, kind: row.kind as HolidayView['kind'] })) };
}

/** National days and cuti bersama are BKPSDM's; a regional day for a unit is also its admin OPD's. */
function assertCanWriteHoliday(ctx: RequestContext, kind: string, unitId: string | null) {
  if (kind !== 'daerah' || unitId === null) assertRegionAdmin(ctx, 'Hanya admin BKPSDM yang dapat mengatur libur nasional, cuti bersama dan libur daerah untuk seluruh daerah');
  else assertCanWriteForUnit(ctx, unitId);
}

async function findHolidayRow(executor: Executor, id: string): Promise<HolidayRow> {
  const [row] = await executor.select().from(holidays).where(eq(holidays.id, id)).for('update');
  if (!row) throw notFound('Hari libur');
  return row;
}

export async function createHoliday(executor: Executor, ctx: RequestContext, input: CreateInput): Promise<{ id: string }> {
  assertCanWriteHoliday(ctx, input.kind, input.unitId);
  if (input.unitId) {
    const [unit] = await executor.select({ id: units.id }).from(units).where(eq(units.id, input.unitId));
    if (!unit) throw invalid('Unit tidak ditemukan', { field: 'unitId' });
  }
  const now = ctx.clock.now();
  const [created] = await executor
    .insert(holidays)
    .values({ ...input, createdAt: now, updatedAt: now })
    .returning()
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? taken(input.date) : error;
    });
  if (!created) throw new Error('insert returned nothing');
  await recordAudit(executor, ctx, { action: 'create', entityType: 'holiday', entityId: created.id, after: snapshot(created), scopeUnitId: created.unitId });
  return { id: created.id };
}

/** Public calendars carry wrong dates: moving a holiday is an edit, kept in the audit trail. */
export async function updateHoliday(executor: Executor, ctx: RequestContext, id: string, input: UpdateInput): Promise<{ id: string }> {
  const before = await findHolidayRow(executor, id);
  assertCanWriteHoliday(ctx, before.kind, before.unitId);
  const [after] = await executor
    .update(holidays)
    .set({ date: input.date, name: input.name, source: input.source, updatedAt: ctx.clock.now() })
    .where(eq(holidays.id, id))
    .returning()
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? taken(input.date ?? before.date) : error;
    });
  if (!after) throw notFound('Hari libur');
  await recordAudit(executor, ctx, { action: 'update', entityType: 'holiday', entityId: id, before: snapshot(before), after: snapshot(after), scopeUnitId: after.unitId });
  return { id };
}

/** Deactivate rather than delete: the seed then never brings a removed day back. */
export async function setHolidayActive(executor: Executor, ctx: RequestContext, id: string, isActive: boolean): Promise<{ id: string }> {
  const before = await findHolidayRow(executor, id);
  assertCanWriteHoliday(ctx, before.kind, before.unitId);
  await executor.update(holidays).set({ isActive, updatedAt: ctx.clock.now() }).where(eq(holidays.id, id));
  await recordAudit(executor, ctx, { action: isActive ? 'activate' : 'deactivate', entityType: 'holiday', entityId: id, before: { isActive: before.isActive }, after: { isActive }, scopeUnitId: before.unitId });
  return { id };
}

export async function getHoliday(executor: Executor, id: string): Promise<HolidayView> {
  const [row] = await executor
    .select({ id: holidays.id, date: holidays.date, name: holidays.name, kind: holidays.kind, unitId: holidays.unitId, unitName: units.name, source: holidays.source, isActive: holidays.isActive })
    .from(holidays)
    .leftJoin(units, eq(units.id, holidays.unitId))
    .where(eq(holidays.id, id));
  if (!row) throw notFound('Hari libur');
  return { ...row, kind: row.kind as HolidayView['kind'] };
}
