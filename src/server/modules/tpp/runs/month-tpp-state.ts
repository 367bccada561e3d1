import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../db/client';
import { findEmployeesForPeriod, periodBounds } from './tpp-sources.repository';

/** Where a month's TPP stands, shown before the month is closed (closing freezes whatever is current). */
export interface MonthTppState {
  /** Current results of the month. */
  results: number;
  /** Employees a run of the whole region would cover (active, with a definitive position in the month). */
  coveredEmployees: number;
  /** When the newest current result was computed; null = never. */
  computedAt: Date | null;
  /** Daily attendance or activity decisions of the month changed after that. */
  hasChangedSince: boolean;
}

export async function describeMonthTpp(executor: Executor, period: string): Promise<MonthTppState> {
  const { from, to } = periodBounds(period);
  const [current] = await queryRows<{ results: number; computedAt: Date | string | null }>(
    executor,
    sql`select count(*)::int as results, max(computed_at) as "computedAt" from tpp_results where period = ${period} and is_current`,
  );
  const computedAt = current?.computedAt ? new Date(current.computedAt) : null;
  let hasChangedSince = false;
  if (computedAt) {
    const [changed] = await queryRows<{ changed: boolean }>(
      executor,
      sql`select exists (select 1 from daily_attendance where date between ${from} and ${to} and computed_at > ${computedAt})
            or exists (select 1 from activity_entries where work_date between ${from} and ${to} and decided_at > ${computedAt}) as changed`,
    );
    hasChangedSince = changed?.changed === true;
  }
  const covered = await findEmployeesForPeriod(executor, period, null);
  return { results: current?.results ?? 0, coveredEmployees: covered.length, computedAt, hasChangedSince };
}
