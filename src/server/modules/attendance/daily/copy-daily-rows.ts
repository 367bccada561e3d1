import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../db/client';
import { isUniqueViolation } from '../../org/db-errors';
import { arrayParam } from '../../../db/sql-arrays';
import { openCopyChannel, type CopyChannel } from '../../../db/copy-channel';
import { DAILY_COPY_COLUMNS, encodeDailyCopy } from './encode-daily-copy';
import { countRows, storeDailyColumns, type DailyColumns } from './store-daily-rows';

const COPY_TARGET = `daily_attendance (${DAILY_COPY_COLUMNS.join(', ')})`;

/**
 * The employees among `employeeIds` with a stored day in [from, to]: one probe on the primary key
 * per employee, all in one statement before a rebuild starts writing (a probe per batch would sit
 * between the batches' writes, each waiting for the derivation to yield).
 */
export async function findEmployeesWithStoredDays(executor: Executor, employeeIds: readonly string[], from: string, to: string): Promise<Set<string>> {
  if (employeeIds.length === 0) return new Set();
  const rows = await queryRows<{ id: string }>(
    executor,
    sql`select e.id from unnest(${arrayParam(employeeIds, 'uuid')}) as e(id)
        where exists (select 1 from daily_attendance d where d.employee_id = e.id and d.date between ${from}::date and ${to}::date)`,
  );
  return new Set(rows.map((row) => row.id));
}

/**
 * storeDailyColumns, by COPY when it can: when none of the batch's employees has a stored day in
 * [from, to] (the first derivation of a month; `stored` from findEmployeesWithStoredDays), the
 * rows are appended with one binary COPY, about twice as fast as the merging statement: there is
 * nothing to compare with and nothing to remove. Re-derivation merges, and so does a caller on
 * the node-postgres pool outside a transaction.
 *
 * Planned in two steps: the COPY data is encoded when the write is planned, so that a rebuild can
 * encode a batch while the database is still writing the previous one, and start the write (the
 * returned function) as soon as it is done.
 */
export function planDailyWrite(executor: Executor, columns: DailyColumns, stored: ReadonlySet<string>, from: string, to: string, computedAt: Date): () => Promise<void> {
  const channel = openCopyChannel(executor);
  if (!channel || countRows(columns) === 0 || columns.employees.some((id) => stored.has(id))) {
    return () => storeDailyColumns(executor, columns, from, to, computedAt);
  }
  const payload = encodeDailyCopy(columns, computedAt);
  return () => appendEncodedDailyRows(executor, channel, payload, columns, from, to, computedAt);
}

/** planDailyWrite and the write at once. */
export async function writeDailyColumns(executor: Executor, columns: DailyColumns, stored: ReadonlySet<string>, from: string, to: string, computedAt: Date): Promise<void> {
  return planDailyWrite(executor, columns, stored, from, to, computedAt)();
}

/**
 * COPY of rows believed new. A rebuild of the same employees that committed since the probe makes
 * the COPY hit the primary key: it is undone (savepoint) and the batch merged instead, so that the
 * last rebuild wins as on the merging path.
 */
export async function appendDailyColumns(executor: Executor, channel: CopyChannel, columns: DailyColumns, from: string, to: string, computedAt: Date): Promise<void> {
  return appendEncodedDailyRows(executor, channel, encodeDailyCopy(columns, computedAt), columns, from, to, computedAt);
}

/** appendDailyColumns with the batch's COPY data already encoded (`payload`). */
async function appendEncodedDailyRows(
  executor: Executor,
  channel: CopyChannel,
  payload: Uint8Array<ArrayBuffer>,
  columns: DailyColumns,
  from: string,
  to: string,
  computedAt: Date,
): Promise<void> {
  await executor.execute(sql`savepoint daily_copy`);
  try {
    await channel.copyIn(COPY_TARGET, payload);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await executor.execute(sql`rollback to savepoint daily_copy`);
    await executor.execute(sql`release savepoint daily_copy`);
    return storeDailyColumns(executor, columns, from, to, computedAt);
  }
  await executor.execute(sql`release savepoint daily_copy`);
}
