import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { periodClosures } from '../../../db/schema';
import { AppError } from '../../../platform/errors';
import { monthsOfSpan } from '../../../../domain/attendance/closed-months';

/** YYYY-MM of a YYYY-MM-DD date. */
export const periodOfDate = (date: string): string => date.slice(0, 7);

export async function isPeriodClosed(executor: Executor, period: string): Promise<boolean> {
  const [row] = await executor.select({ id: periodClosures.id }).from(periodClosures).where(eq(periodClosures.period, period)).limit(1);
  return row !== undefined;
}

/** The closed months among `periods`. */
export async function findClosedPeriods(executor: Executor, periods: readonly string[]): Promise<Set<string>> {
  if (periods.length === 0) return new Set();
  const rows = await executor.select({ period: periodClosures.period }).from(periodClosures).where(inArray(periodClosures.period, [...new Set(periods)]));
  return new Set(rows.map((row) => row.period));
}

const closedPeriodError = (period: string) =>
  new AppError('CONFLICT', `Bulan ${period} sudah ditutup untuk TPP; data bulan itu tidak dapat diubah lagi (koreksi dilakukan sebagai penyesuaian di bulan berikutnya)`, { period });

/** Once a month is closed for TPP its entries, approvals and attendance cannot change (issue 4 §7, issue 6). */
export async function assertPeriodOpen(executor: Executor, workDate: string): Promise<void> {
  const period = periodOfDate(workDate);
  if (await isPeriodClosed(executor, period)) throw closedPeriodError(period);
}

/** assertPeriodOpen for every month from `from` to `to` (a leave request over a month's end). */
export async function assertSpanOpen(executor: Executor, from: string, to: string): Promise<void> {
  const [closed] = [...(await findClosedPeriods(executor, monthsOfSpan(from, to)))].sort();
  if (closed) throw closedPeriodError(closed);
}
