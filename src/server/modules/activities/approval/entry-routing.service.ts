import { inArray } from 'drizzle-orm';
import { routeEntryApproval, type ApprovalRouting, type ChainLink } from '../../../../domain/activities/approval-routing';
import { deadlineInstant } from '../../../../domain/activities/deadlines';
import { sortAssignmentsByPrecedence, type AssignmentRecord } from '../../../../domain/org/assignments';
import { createSuperiorResolver, type SuperiorData, type SuperiorOverrideRecord } from '../../../../domain/org/hierarchy';
import type { Executor } from '../../../db/client';
import { units } from '../../../db/schema';
import { dateInZone } from '../../../platform/clock';
import { findPositionSuperiorChain } from '../../org/positions.repository';
import { loadActivityRuleTimeline } from './rule-timeline';
import { findAssignmentsInRange, findAwayEmployeeIds, findOverridesInRange } from './routing-data.repository';

/** Employees without a unit of record work on the regency's clock. */
/** Chains are short (a regency has 5–7 levels); the bound only guards against bad data. */
const MAX_CHAIN = 12;
const MAX_LOAD_ROUNDS = 8;

export interface RoutableEntry {
  id: string;
  employeeId: string;
  workDate: string;
  unitId: string | null;
}

export interface EntryRouting extends ApprovalRouting {
  approvalDeadline: Date;
  isOverdue: boolean;
}

/**
 * Assignments and overrides of the employees, of every holder of a seat up their position chains,
 * and of every person an override names — in rounds until nobody new turns up (usually 2–3 rounds
 * of four queries), for all the dates from `from` to `to` at once.
 */
async function loadRoutingData(executor: Executor, employeeIds: readonly string[], range: { from: string; to: string }): Promise<SuperiorData> {
  const assignmentsById = new Map<string, AssignmentRecord>();
  const overridesById = new Map<string, SuperiorOverrideRecord>();
  const superiorPositionOf = new Map<string, string | null>();
  const knownEmployees = new Set<string>();
  const seatsLoaded = new Set<string>();
  let frontier = [...new Set(employeeIds)];
  for (let round = 0; round < MAX_LOAD_ROUNDS && frontier.length > 0; round++) {
    for (const id of frontier) knownEmployees.add(id);
    const own = await findAssignmentsInRange(executor, { employeeIds: frontier }, range);
    const overrides = await findOverridesInRange(executor, { employeeIds: frontier }, range);
    for (const record of own) assignmentsById.set(record.id, record);
    for (const record of overrides) overridesById.set(record.id, record);
    const newPositions = [...new Set(own.map((record) => record.positionId))].filter((id) => !superiorPositionOf.has(id));
    const chain = await findPositionSuperiorChain(executor, newPositions);
    for (const row of chain) superiorPositionOf.set(row.id, row.superiorPositionId);
    const seatsToLoad = chain.map((row) => row.id).filter((id) => !seatsLoaded.has(id));
    for (const id of seatsToLoad) seatsLoaded.add(id);
    const holders = await findAssignmentsInRange(executor, { positionIds: seatsToLoad }, range);
    for (const record of holders) assignmentsById.set(record.id, record);
    frontier = [...new Set([...holders.map((record) => record.employeeId), ...overrides.map((record) => record.superiorEmployeeId)])].filter(
      (id) => !knownEmployees.has(id),
    );
  }
  return { assignments: [...assignmentsById.values()], superiorPositionOf, overrides: [...overridesById.values()] };
}

async function findUnitZones(executor: Executor, unitIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(unitIds)];
  if (ids.length === 0) return new Map();
  const rows = await executor.select({ id: units.id, timeZone: units.timeZone }).from(units).where(inArray(units.id, ids));
  return new Map(rows.map((row) => [row.id, row.timeZone]));
}

/**
 * Who may decide each entry now (see routeEntryApproval): the superior chain as of each entry's
 * work date, acting officials and leave as of the region's today, the approval deadline of the work
 * date's rule set in the entry unit's zone (the region's without a unit). A fixed number of queries
 * whatever the number of entries.
 */
export async function resolveEntryRoutings(executor: Executor, entries: readonly RoutableEntry[], now: Date, regionZone: string): Promise<Map<string, EntryRouting>> {
  const result = new Map<string, EntryRouting>();
  if (entries.length === 0) return result;
  const today = dateInZone(now, regionZone);
  const dates = entries.map((entry) => entry.workDate).sort();
  const from = dates[0] ?? today;
  const lastDate = dates[dates.length - 1] ?? today;
  const to = lastDate > today ? lastDate : today;

  const rulesOn = await loadActivityRuleTimeline(executor);
  const zones = await findUnitZones(executor, entries.flatMap((entry) => (entry.unitId ? [entry.unitId] : [])));
  const data = await loadRoutingData(executor, entries.map((entry) => entry.employeeId), { from, to });

  const resolvers = new Map<string, ReturnType<typeof createSuperiorResolver>>();
  const resolverOn = (date: string) => {
    let resolver = resolvers.get(date);
    if (!resolver) {
      resolver = createSuperiorResolver(data, date);
      resolvers.set(date, resolver);
    }
    return resolver;
  };
  const actingOfSeat = new Map<string, string[]>();
  for (const record of sortAssignmentsByPrecedence(data.assignments, today)) {
    if (record.kind === 'definitif') continue;
    actingOfSeat.set(record.positionId, [...(actingOfSeat.get(record.positionId) ?? []), record.employeeId]);
  }

  const chains = new Map<string, ChainLink[]>();
  const chainOf = (employeeId: string, date: string): ChainLink[] => {
    const key = `${employeeId}|${date}`;
    const cached = chains.get(key);
    if (cached) return cached;
    const resolve = resolverOn(date);
    const chain: ChainLink[] = [];
    const seen = new Set([employeeId]);
    let current = employeeId;
    while (chain.length < MAX_CHAIN) {
      const decision = resolve(current);
      const superior = decision.superiorEmployeeId;
      if (superior === null || seen.has(superior)) break;
      seen.add(superior);
      const acting = decision.superiorPositionId ? (actingOfSeat.get(decision.superiorPositionId) ?? []) : [];
      chain.push({ employeeId: superior, actingEmployeeIds: acting.filter((id) => id !== superior), hasSkippedVacancy: decision.skippedVacantPositionIds.length > 0 });
      current = superior;
    }
    chains.set(key, chain);
    return chain;
  };

  const entryChains = entries.map((entry) => chainOf(entry.employeeId, entry.workDate));
  const people = new Set(entryChains.flat().flatMap((link) => [link.employeeId, ...link.actingEmployeeIds]));
  const away = await findAwayEmployeeIds(executor, [...people], today);

  entries.forEach((entry, index) => {
    const zone = (entry.unitId && zones.get(entry.unitId)) || regionZone;
    const approvalDeadline = deadlineInstant(rulesOn(entry.workDate).approvalDeadline, entry.workDate, zone);
    const isOverdue = now.getTime() >= approvalDeadline.getTime();
    const routing = routeEntryApproval({ employeeId: entry.employeeId, chain: entryChains[index] ?? [], awayEmployeeIds: away, isApprovalOverdue: isOverdue });
    result.set(entry.id, { ...routing, approvalDeadline, isOverdue });
  });
  return result;
}
