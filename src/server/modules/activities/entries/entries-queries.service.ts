import { and, eq, gte, lte } from 'drizzle-orm';
import type { ActivityEntryView } from '../../../../contracts/activities';
import type { EntryList } from '../../../../contracts/activities-entries';
import { addDays, listDates } from '../../../../domain/attendance/calendar-zone';
import type { Executor } from '../../../db/client';
import { activityEntries } from '../../../db/schema';
import { requireActor, type RequestContext } from '../../../platform/actor';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors';
import { employeeScopeOf, isEmployeeInScope } from '../../org/employee-scope';
import { parseStoredActivityRules } from '../shared/activity-rules';
import { findEntryOwner, findPositionIdsHeld, findRuleSetsUpTo, findUsableCatalogue, sumEntriesByDay, type CatalogueChoice } from './entries.repository';
import { findEntryView, findEntryViews } from './entry-view';

/**
 * Who may read someone's entries: the person; their direct superior; an admin OPD of their unit;
 * BKPSDM, pimpinan and auditors anywhere (read-only). Outside that the person does not exist (404).
 */
export async function assertCanReadEntriesOf(executor: Executor, ctx: RequestContext, employeeId: string, date: string) {
  const owner = await findEntryOwner(executor, employeeId);
  if (!owner) throw notFound('Pegawai');
  if (ctx.actor?.employeeId === employeeId) return owner;
  if (!isEmployeeInScope(await employeeScopeOf(executor, ctx, date), owner)) throw notFound('Pegawai');
  return owner;
}

/** The last day of a month YYYY-MM. */
export function endOfMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const monthNumber = Number(month.slice(5, 7));
  const next = monthNumber === 12 ? `${year + 1}-01-01` : `${month.slice(0, 4)}-${String(monthNumber + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

/** A month (YYYY-MM) or a day of entries with day totals and caps, for the calendar and the day list. */
export async function listEntries(executor: Executor, ctx: RequestContext, query: { month?: string | undefined; date?: string | undefined; employeeId?: string | undefined }): Promise<EntryList> {
  const actor = requireActor(ctx);
  const employeeId = query.employeeId ?? actor.employeeId;
  if (!employeeId) throw forbidden('Akun ini tidak terhubung dengan data pegawai; sebutkan employeeId');
  const from = query.date ?? `${query.month}-01`;
  const to = query.date ?? endOfMonth(query.month ?? '');
  if (!query.date && !query.month) throw invalid('Isi salah satu: month (YYYY-MM) atau date (YYYY-MM-DD)', { field: 'month' });
  await assertCanReadEntriesOf(executor, ctx, employeeId, to);
  const items = await findEntryViews(executor, and(eq(activityEntries.employeeId, employeeId), gte(activityEntries.workDate, from), lte(activityEntries.workDate, to)));
  const sums = new Map((await sumEntriesByDay(executor, employeeId, from, to)).map((row) => [row.workDate, row]));
  const ruleSets = (await findRuleSetsUpTo(executor, to)).map((row) => ({ effectiveFrom: row.effectiveFrom, rules: parseStoredActivityRules(row.rules, row.name) }));
  const capOn = (date: string) => ruleSets.find((set) => set.effectiveFrom <= date)?.rules.dailyCapMinutes ?? 0;
  return {
    employeeId,
    from,
    to,
    items,
    days: listDates(from, to).map((date) => ({
      date,
      entryCount: sums.get(date)?.entryCount ?? 0,
      claimedMinutes: sums.get(date)?.claimedMinutes ?? 0,
      approvedMinutes: sums.get(date)?.approvedMinutes ?? 0,
      capMinutes: capOn(date),
    })),
  };
}

export async function getEntry(executor: Executor, ctx: RequestContext, id: string): Promise<ActivityEntryView> {
  requireActor(ctx);
  const view = await findEntryView(executor, id);
  if (!view) throw notFound('Entri aktivitas');
  try {
    await assertCanReadEntriesOf(executor, ctx, view.employeeId, view.workDate);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw notFound('Entri aktivitas');
    throw error;
  }
  return view;
}

/** Catalogue activities I may use on `date`: active items of the positions I hold then, and general items. */
export async function listMyCatalogue(executor: Executor, ctx: RequestContext, date: string): Promise<{ date: string; items: CatalogueChoice[] }> {
  const actor = requireActor(ctx);
  if (!actor.employeeId) throw forbidden('Akun ini tidak terhubung dengan data pegawai');
  const items = await findUsableCatalogue(executor, await findPositionIdsHeld(executor, actor.employeeId, date));
  return { date, items };
}
