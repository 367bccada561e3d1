import { and, asc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { activityEntries } from '../../../db/schema';
import { findSubordinatePositionIds } from '../../org/positions.repository';
import { findAssignmentsInRange, findOverridesInRange } from './routing-data.repository';

/** Overrides naming someone who is named by an override …: a handful of levels is plenty. */
const MAX_OVERRIDE_ROUNDS = 5;

/**
 * Everybody whose entries could be routed to this person, ever: holders of the positions below
 * any seat they hold or held (definitif, Plt or Plh — acting covers the seat's subtree), people
 * an override names them superior of, and the people below those. A superset: routing decides.
 */
export async function findQueueCandidateIds(executor: Executor, employeeId: string): Promise<string[]> {
  const candidates = new Set<string>();
  const seen = new Set([employeeId]);
  let seeds = [employeeId];
  for (let round = 0; round < MAX_OVERRIDE_ROUNDS && seeds.length > 0; round++) {
    const own = await findAssignmentsInRange(executor, { employeeIds: seeds }, null);
    const below = await findSubordinatePositionIds(executor, [...new Set(own.map((record) => record.positionId))]);
    const holders = await findAssignmentsInRange(executor, { positionIds: below }, null);
    const named = await findOverridesInRange(executor, { superiorEmployeeIds: seeds }, null);
    for (const record of holders) candidates.add(record.employeeId);
    for (const record of named) candidates.add(record.employeeId);
    seeds = [...new Set(named.map((record) => record.employeeId))].filter((id) => !seen.has(id));
    for (const id of seeds) seen.add(id);
  }
  candidates.delete(employeeId);
  return [...candidates];
}

export interface PendingEntryRef {
  id: string;
  employeeId: string;
  workDate: string;
  unitId: string | null;
}

/** Submitted (undecided) entries of these employees, optionally one person and/or one date range. */
export async function findPendingEntryRefs(
  executor: Executor,
  employeeIds: readonly string[],
  filter: { employeeId?: string; from?: string; to?: string } = {},
): Promise<PendingEntryRef[]> {
  if (employeeIds.length === 0) return [];
  const where: SQL[] = [eq(activityEntries.status, 'submitted'), inArray(activityEntries.employeeId, [...employeeIds])];
  if (filter.employeeId) where.push(eq(activityEntries.employeeId, filter.employeeId));
  if (filter.from) where.push(gte(activityEntries.workDate, filter.from));
  if (filter.to) where.push(lte(activityEntries.workDate, filter.to));
  return executor
    .select({ id: activityEntries.id, employeeId: activityEntries.employeeId, workDate: activityEntries.workDate, unitId: activityEntries.unitId })
    .from(activityEntries)
    .where(and(...where))
    .orderBy(asc(activityEntries.workDate), asc(activityEntries.startTime));
}
