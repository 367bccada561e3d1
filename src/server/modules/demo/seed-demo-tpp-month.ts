import { eq } from 'drizzle-orm';
import type { TppRunView } from '../../../contracts/tpp';
import { dateOfInstant } from '../../../domain/attendance/calendar-zone';
import type { Database } from '../../db/client';
import { appSettings, tppRuns } from '../../db/schema';
import { systemContext } from '../../platform/actor';
import type { Clock } from '../../platform/clock';
import { computeTppNow } from '../tpp/runs/tpp-jobs';
import { firstOfMonth } from './demo-dates';
import { DEMO_HISTORY_SETTING_KEY } from './seed-demo-history';
import { findRegionZone } from '../../platform/region-zone';

/**
 * The demo's previous month computed once, as BKPSDM would have done it (a run for the whole
 * region, left open): *TPP saya*, the explanation, the payroll recap and the OPD and region summaries
 * have a month to show on the first visit; the month can be recomputed or closed like any other.
 * Only with the demo's history (that month's attendance and activities) and when the month has no
 * run yet. Several processes starting at once join the same run (requestTppRun).
 */
export async function computeDemoTppMonth(db: Database, clock: Clock): Promise<TppRunView | null> {
  const period = firstOfMonth(dateOfInstant(clock.now(), await findRegionZone(db)), -1).slice(0, 7);
  const [history] = await db.select({ key: appSettings.key }).from(appSettings).where(eq(appSettings.key, DEMO_HISTORY_SETTING_KEY));
  if (!history) return null;
  const [existing] = await db.select({ id: tppRuns.id }).from(tppRuns).where(eq(tppRuns.period, period)).limit(1);
  if (existing) return null;
  return computeTppNow(db, systemContext('seed-demo', clock, await findRegionZone(db)), { period, unitId: null });
}
