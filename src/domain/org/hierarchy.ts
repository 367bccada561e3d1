import { sortAssignmentsByPrecedence, selectPrimaryAssignment, type AssignmentRecord } from './assignments';
import type { AssignmentKind } from './labels';
import { isActiveOn, type DatePeriod } from './periods';

/** child id → parent id (unit tree) or position id → superior position id (position tree). */
export type ParentMap = ReadonlyMap<string, string | null>;

/**
 * The first cycle found in a parent map, as the ids on it in walking order, or null when the map
 * is a forest. Parents missing from the map count as roots.
 */
export function findCycle(parentOf: ParentMap): string[] | null {
  const finished = new Set<string>();
  for (const start of parentOf.keys()) {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let current: string | null | undefined = start;
    while (current != null && !finished.has(current)) {
      const seenAt = onPath.get(current);
      if (seenAt !== undefined) return path.slice(seenAt);
      onPath.set(current, path.length);
      path.push(current);
      current = parentOf.get(current);
    }
    for (const id of path) finished.add(id);
  }
  return null;
}

/**
 * Would pointing `nodeId` at `newParentId` close a loop? True when the new parent is the node
 * itself or lies in its subtree, i.e. the node appears on the walk up from the new parent.
 */
export function wouldCreateCycle(parentOf: ParentMap, nodeId: string, newParentId: string | null): boolean {
  const visited = new Set<string>();
  let current: string | null | undefined = newParentId;
  while (current != null) {
    if (current === nodeId) return true;
    // A loop that does not pass through the node is an existing defect, not this change's.
    if (visited.has(current)) return false;
    visited.add(current);
    current = parentOf.get(current);
  }
  return false;
}

// ---------- direct superior (atasan langsung) ----------

export interface SuperiorOverrideRecord extends DatePeriod {
  id: string;
  employeeId: string;
  superiorEmployeeId: string;
}

export interface SuperiorData {
  /** Assignments of the employees concerned and of the holders of every position up their chains. */
  assignments: readonly AssignmentRecord[];
  /** position id → superior position id, for every position up the chains. */
  superiorPositionOf: ParentMap;
  overrides: readonly SuperiorOverrideRecord[];
}

export type SuperiorVia = 'override' | AssignmentKind | 'none';

export interface SuperiorDecision {
  superiorEmployeeId: string | null;
  /** The superior position whose holder was taken; null for an override or no superior. */
  superiorPositionId: string | null;
  via: SuperiorVia;
  /** Vacant superior positions passed on the way up, nearest first. */
  skippedVacantPositionIds: string[];
}

const noSuperior = (skippedVacantPositionIds: string[]): SuperiorDecision => ({
  superiorEmployeeId: null,
  superiorPositionId: null,
  via: 'none',
  skippedVacantPositionIds,
});

/**
 * Builds a resolver of direct superiors on one date; indexes the data once so that resolving many
 * employees (e.g. to find someone's subordinates) stays linear.
 *
 * Rule, in order:
 * 1. an override in force on the date wins (the latest-starting one, should several overlap);
 * 2. otherwise start from the employee's definitif position (else Plt, else Plh) and walk up the
 *    superior positions: take the definitif holder, else the Plt, else the Plh. A vacant position
 *    is skipped (and reported); the top of the tree means no superior.
 * The employee is never their own superior: a position they hold themselves (e.g. as Plt of their
 * own superior position) is passed over like a vacant one, without being reported as vacant.
 */
export function createSuperiorResolver(data: SuperiorData, date: string): (employeeId: string) => SuperiorDecision {
  const inForce = dedupe(data.assignments).filter((record) => isActiveOn(record, date));
  const byEmployee = groupBy(inForce, (record) => record.employeeId);
  const holdersOf = new Map<string, AssignmentRecord[]>();
  for (const [positionId, records] of groupBy(inForce, (record) => record.positionId)) {
    holdersOf.set(positionId, sortAssignmentsByPrecedence(records, date));
  }
  const overridesOf = groupBy(
    data.overrides.filter((override) => isActiveOn(override, date)),
    (override) => override.employeeId,
  );

  return (employeeId) => {
    const override = [...(overridesOf.get(employeeId) ?? [])]
      .filter((candidate) => candidate.superiorEmployeeId !== employeeId)
      .sort((a, b) => b.startDate.localeCompare(a.startDate) || a.id.localeCompare(b.id))[0];
    if (override) {
      return { superiorEmployeeId: override.superiorEmployeeId, superiorPositionId: null, via: 'override', skippedVacantPositionIds: [] };
    }
    const own = selectPrimaryAssignment(byEmployee.get(employeeId) ?? [], date);
    if (!own) return noSuperior([]);

    const skipped: string[] = [];
    const visited = new Set<string>([own.positionId]);
    let positionId = data.superiorPositionOf.get(own.positionId) ?? null;
    while (positionId !== null && !visited.has(positionId)) {
      visited.add(positionId);
      const holders = holdersOf.get(positionId) ?? [];
      const holder = holders.find((record) => record.employeeId !== employeeId);
      if (holder) {
        return { superiorEmployeeId: holder.employeeId, superiorPositionId: positionId, via: holder.kind, skippedVacantPositionIds: skipped };
      }
      if (holders.length === 0) skipped.push(positionId);
      positionId = data.superiorPositionOf.get(positionId) ?? null;
    }
    return noSuperior(skipped);
  };
}

function dedupe(records: readonly AssignmentRecord[]): AssignmentRecord[] {
  return [...new Map(records.map((record) => [record.id, record])).values()];
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The direct superior of one employee on `date`. */
export const resolveDirectSuperior = (data: SuperiorData, employeeId: string, date: string): SuperiorDecision =>
  createSuperiorResolver(data, date)(employeeId);

/**
 * Would making `proposedSuperiorId` the superior of `employeeId` close a loop? `superiorOf` holds
 * the current superior (employee → superior, null at the top) of everyone up the proposed
 * superior's chain. Returns the loop as employee ids starting at the employee, or null.
 */
export function findSuperiorLoop(
  employeeId: string,
  proposedSuperiorId: string,
  superiorOf: ReadonlyMap<string, string | null>,
): string[] | null {
  const path = [employeeId];
  const visited = new Set<string>();
  let current: string | null | undefined = proposedSuperiorId;
  while (current != null) {
    if (current === employeeId) return [...path, employeeId];
    // A loop further up that does not include the employee is not created by this override.
    if (visited.has(current)) return null;
    visited.add(current);
    path.push(current);
    current = superiorOf.get(current);
  }
  return null;
}
