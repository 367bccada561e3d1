import { freezeTppResults } from '../../../tpp/runs/freeze-tpp-results';
import { describeMonthTpp } from '../../../tpp/runs/month-tpp-state';
import { and, count, desc, eq, gte, like, lte } from 'drizzle-orm';
import type { z } from 'zod';
import type { closePeriodRequest, periodClosure } from '../../../../../contracts/activities-admin';
import { addDays, monthBounds } from '../../../../../domain/attendance/calendar-zone';
import type { Executor } from '../../../../db/client';
import { activityEntries, periodClosures, users } from '../../../../db/schema';
import { regionToday, type RequestContext } from '../../../../platform/actor';
import { recordAudit } from '../../../../platform/audit';
import { conflict, invalid, notFound } from '../../../../platform/errors';
import { isUniqueViolation } from '../../../org/db-errors';
import { periodOfDate } from '../../shared/period-lock';
import { assertRegionAdmin } from '../activity-admin-access';

type CloseInput = z.output<typeof closePeriodRequest>;
type ClosureView = z.infer<typeof periodClosure>;

export const PERIOD_CLOSURE_ENTITY = 'period_closure';

const firstDayOf = (period: string) => monthBounds(period).from;
const lastDayOf = (period: string) => monthBounds(period).to;

/** A month may be closed once it is over in the regency's zone (WIB, the last Indonesian zone to finish a day). */
const hasMonthEnded = (period: string, today: string) => periodOfDate(today) > period;

/** Activity entries of the month by status: the closure records what it froze. */
async function countEntriesByStatus(executor: Executor, period: string): Promise<Record<string, number>> {
  const rows = await executor
    .select({ status: activityEntries.status, value: count() })
    .from(activityEntries)
    .where(and(gte(activityEntries.workDate, firstDayOf(period)), lte(activityEntries.workDate, lastDayOf(period))))
    .groupBy(activityEntries.status);
  return Object.fromEntries(rows.map((row) => [row.status, row.value]));
}

const entryCountsOf = (details: unknown): Record<string, number> => {
  const counts = (details as { entryCounts?: unknown } | null)?.entryCounts;
  if (!counts || typeof counts !== 'object') return {};
  return Object.fromEntries(Object.entries(counts).filter((pair): pair is [string, number] => Number.isInteger(pair[1])));
};

async function findClosure(executor: Executor, period: string) {
  const [row] = await executor
    .select({ id: periodClosures.id, period: periodClosures.period, closedAt: periodClosures.closedAt, closedByName: users.displayName, note: periodClosures.note, details: periodClosures.details })
    .from(periodClosures)
    .leftJoin(users, eq(users.id, periodClosures.closedByUserId))
    .where(eq(periodClosures.period, period));
  return row ?? null;
}

export async function previewPeriodClosure(executor: Executor, ctx: RequestContext, period: string) {
  assertRegionAdmin(ctx, 'Hanya admin BKPSDM yang dapat menutup bulan');
  const tpp = await describeMonthTpp(executor, period);
  return {
    period,
    hasEnded: hasMonthEnded(period, regionToday(ctx)),
    isClosed: (await findClosure(executor, period)) !== null,
    entryCounts: await countEntriesByStatus(executor, period),
    tpp: { ...tpp, computedAt: tpp.computedAt?.toISOString() ?? null },
  };
}

/**
 * Closes a month for TPP (issue 4 §7, issue 6 §2): from then on its activity entries and approvals
 * (and attendance and TPP results) cannot change; corrections are adjustments in a later month.
 * There is no reopening. Only a month that is over can be closed, and only once.
 */
export async function closePeriod(executor: Executor, ctx: RequestContext, input: CloseInput): Promise<{ id: string }> {
  assertRegionAdmin(ctx, 'Hanya admin BKPSDM yang dapat menutup bulan');
  const today = regionToday(ctx);
  if (!hasMonthEnded(input.period, today)) {
    const message = `Bulan ${input.period} belum berakhir; bulan dapat ditutup mulai ${addDays(lastDayOf(input.period), 1)}`;
    throw invalid(message, [{ field: 'period', message }]);
  }
  const alreadyClosed = () => conflict(`Bulan ${input.period} sudah ditutup; penutupan tidak dapat diulang atau dibatalkan (koreksi dilakukan sebagai penyesuaian di bulan berikutnya)`, { field: 'period' });
  if (await findClosure(executor, input.period)) throw alreadyClosed();
  const entryCounts = await countEntriesByStatus(executor, input.period);
  // The month's TPP results are stamped frozen in the same transaction (waits for a run finishing now).
  const tpp = await freezeTppResults(executor, ctx, input.period);
  const [created] = await executor
    .insert(periodClosures)
    .values({ period: input.period, closedAt: ctx.clock.now(), closedByUserId: ctx.actor?.userId ?? null, note: input.note, details: { entryCounts, tpp } })
    .returning({ id: periodClosures.id })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? alreadyClosed() : error;
    });
  if (!created) throw new Error('insert returned nothing');
  await recordAudit(executor, ctx, { action: 'close', entityType: PERIOD_CLOSURE_ENTITY, entityId: created.id, after: { period: input.period, note: input.note, entryCounts, tpp } });
  return { id: created.id };
}

export async function getPeriodClosure(executor: Executor, period: string): Promise<ClosureView> {
  const row = await findClosure(executor, period);
  if (!row) throw notFound(`Penutupan bulan ${period}`);
  return { id: row.id, period: row.period, closedAt: row.closedAt.toISOString(), closedByName: row.closedByName, note: row.note, entryCounts: entryCountsOf(row.details) };
}

/** Closed months, newest first; everyone signed in may know which months are frozen. */
export async function listPeriodClosures(executor: Executor, year: number | undefined): Promise<{ items: ClosureView[] }> {
  const rows = await executor
    .select({ id: periodClosures.id, period: periodClosures.period, closedAt: periodClosures.closedAt, closedByName: users.displayName, note: periodClosures.note, details: periodClosures.details })
    .from(periodClosures)
    .leftJoin(users, eq(users.id, periodClosures.closedByUserId))
    .where(year === undefined ? undefined : like(periodClosures.period, `${year}-%`))
    .orderBy(desc(periodClosures.period));
  return { items: rows.map((row) => ({ id: row.id, period: row.period, closedAt: row.closedAt.toISOString(), closedByName: row.closedByName, note: row.note, entryCounts: entryCountsOf(row.details) })) };
}
