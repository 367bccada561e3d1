import type { z } from 'zod';
import type { subordinateList, superiorResult } from '../../../contracts/org';
import { selectPrimaryAssignment } from '../../../domain/org/assignments';
import { createSuperiorResolver, type SuperiorData } from '../../../domain/org/hierarchy';
import type { Executor } from '../../db/client';
import { findAssignmentsOnDate } from './assignments.repository';
import { findEmployeeSummaries } from './employees.repository';
import { findPositionNames, findPositionSuperiorChain, findSubordinatePositionIds } from './positions.repository';
import { findOverridesOnDate } from './superior-overrides.repository';

export type SuperiorResult = z.infer<typeof superiorResult>;
export type SubordinateList = z.infer<typeof subordinateList>;

/**
 * Everything the superior rule needs for these employees on `date`, in four queries: their
 * assignments and overrides, the position chains above their positions, and the holders of
 * every position on those chains.
 */
export async function loadSuperiorData(executor: Executor, employeeIds: string[], date: string): Promise<SuperiorData> {
  if (employeeIds.length === 0) return { assignments: [], superiorPositionOf: new Map(), overrides: [] };
  const [own, overrides] = await Promise.all([
    findAssignmentsOnDate(executor, { employeeIds }, date),
    findOverridesOnDate(executor, { employeeIds }, date),
  ]);
  const chain = await findPositionSuperiorChain(executor, [...new Set(own.map((record) => record.positionId))]);
  const holders = await findAssignmentsOnDate(executor, { positionIds: chain.map((row) => row.id) }, date);
  return {
    assignments: [...own, ...holders],
    superiorPositionOf: new Map(chain.map((row) => [row.id, row.superiorPositionId])),
    overrides,
  };
}

/**
 * The direct superior (atasan langsung) of an employee on `date`, with how it was found. No
 * authorisation: callers (routes, approval routing, SKP) check who may see it.
 */
export async function findDirectSuperior(executor: Executor, employeeId: string, date: string): Promise<SuperiorResult> {
  const data = await loadSuperiorData(executor, [employeeId], date);
  const decision = createSuperiorResolver(data, date)(employeeId);
  const positionNames = await findPositionNames(executor, decision.skippedVacantPositionIds);
  const skippedVacantPositions = decision.skippedVacantPositionIds.map((id) => ({ id, name: positionNames.get(id) ?? '' }));
  if (!decision.superiorEmployeeId) return { date, superior: null, via: 'none', skippedVacantPositions };

  let positionId = decision.superiorPositionId;
  if (positionId === null) {
    // An override names a person, not a seat: show the position they work from that day.
    const theirs = await findAssignmentsOnDate(executor, { employeeIds: [decision.superiorEmployeeId] }, date);
    positionId = selectPrimaryAssignment(theirs, date)?.positionId ?? null;
  }
  const [people, names] = await Promise.all([
    findEmployeeSummaries(executor, [decision.superiorEmployeeId]),
    findPositionNames(executor, positionId ? [positionId] : []),
  ]);
  const person = people.get(decision.superiorEmployeeId);
  if (!person) return { date, superior: null, via: 'none', skippedVacantPositions };
  return {
    date,
    superior: {
      employeeId: decision.superiorEmployeeId,
      nip: person.nip,
      fullName: person.fullName,
      positionId,
      positionName: positionId ? (names.get(positionId) ?? null) : null,
    },
    via: decision.via,
    skippedVacantPositions,
  };
}

/**
 * Everyone whose direct superior on `date` is this employee. Candidates are the holders of the
 * positions below the employee's positions (a chain can only reach them from there) and anyone
 * with an override naming them; the superior rule then decides for each candidate.
 */
export async function findSubordinateIds(executor: Executor, employeeId: string, date: string): Promise<Map<string, SubordinateVia>> {
  const [own, namedBy] = await Promise.all([
    findAssignmentsOnDate(executor, { employeeIds: [employeeId] }, date),
    findOverridesOnDate(executor, { superiorEmployeeIds: [employeeId] }, date),
  ]);
  const below = await findSubordinatePositionIds(executor, [...new Set(own.map((record) => record.positionId))]);
  const holdersBelow = await findAssignmentsOnDate(executor, { positionIds: below }, date);
  const candidates = new Set([...holdersBelow.map((record) => record.employeeId), ...namedBy.map((override) => override.employeeId)]);
  candidates.delete(employeeId);
  const data = await loadSuperiorData(executor, [...candidates], date);
  const resolve = createSuperiorResolver(data, date);
  const result = new Map<string, SubordinateVia>();
  for (const candidate of candidates) {
    const decision = resolve(candidate);
    if (decision.superiorEmployeeId === employeeId && decision.via !== 'none') result.set(candidate, decision.via);
  }
  return result;
}

type SubordinateVia = SubordinateList['items'][number]['via'];

/** Direct subordinates on `date` with their printed name and the position they work from. */
export async function findSubordinates(executor: Executor, employeeId: string, date: string): Promise<SubordinateList> {
  const viaById = await findSubordinateIds(executor, employeeId, date);
  const ids = [...viaById.keys()];
  const [people, theirAssignments] = await Promise.all([findEmployeeSummaries(executor, ids), findAssignmentsOnDate(executor, { employeeIds: ids }, date)]);
  const primaryPositionOf = new Map(
    ids.map((id) => [id, selectPrimaryAssignment(theirAssignments.filter((record) => record.employeeId === id), date)?.positionId ?? null]),
  );
  const positionNames = await findPositionNames(executor, [...primaryPositionOf.values()].filter((id): id is string => id !== null));
  const items = ids.flatMap((id) => {
    const person = people.get(id);
    const via = viaById.get(id);
    if (!person || !via) return [];
    const positionId = primaryPositionOf.get(id) ?? null;
    return [{ employeeId: id, nip: person.nip, fullName: person.fullName, positionName: positionId ? (positionNames.get(positionId) ?? null) : null, via }];
  });
  items.sort((a, b) => a.fullName.localeCompare(b.fullName, 'id'));
  return { date, items };
}

/**
 * The current superior of each person up the chain from `startId` (employee → superior), loaded
 * one step at a time until the top, a repeat, or `stopAtId`; input for the override loop check.
 */
export async function findSuperiorChain(executor: Executor, startId: string, stopAtId: string, date: string): Promise<Map<string, string | null>> {
  const superiorOf = new Map<string, string | null>();
  let current: string | null = startId;
  while (current !== null && current !== stopAtId && !superiorOf.has(current) && superiorOf.size < 100) {
    const data = await loadSuperiorData(executor, [current], date);
    const next: string | null = createSuperiorResolver(data, date)(current).superiorEmployeeId;
    superiorOf.set(current, next);
    current = next;
  }
  return superiorOf;
}
