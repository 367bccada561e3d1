import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../db/client';

/**
 * Firmware whose clock battery died restarts at 2000-01-01 (or earlier); with no attendance rule
 * set yet, anything before this is certainly not a real punch.
 */
const FALLBACK_EARLIEST_DATE = '2001-01-01';

/** A device clock may run this far ahead of the server before its punches are held. */
export const FUTURE_TOLERANCE_MINUTES = 10;

/** Punches dated before the first attendance rule set took effect cannot count for anything. */
export async function findEarliestPlausibleDate(executor: Executor): Promise<string> {
  const [row] = await queryRows<{ earliest: string | null }>(
    executor,
    sql`select to_char(min(effective_from), 'YYYY-MM-DD') as earliest from attendance_rule_sets`,
  );
  return row?.earliest ?? FALLBACK_EARLIEST_DATE;
}
