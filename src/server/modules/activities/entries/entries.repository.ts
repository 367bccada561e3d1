import { and, asc, desc, eq, gte, inArray, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { EXCUSED_STATUSES } from '../../../../contracts/attendance-daily';
import type { Executor } from '../../../db/client';
import {
  activityCatalogueItems,
  activityCatalogueVersions,
  activityEntries,
  activityEntryStamps,
  activityRuleSets,
  assignments,
  employees,
  skpRhk,
  skps,
  units,
} from '../../../db/schema';
import type { ActivityEntryRow } from './entry-view';
import { findRegionZone } from '../../../platform/region-zone';

/**
 * Whole-day leave and duty during which the person is not at work; WFH/WFA are work elsewhere
 * and accept entries. (rules.md §2: leave and duty travel days leave the productivity denominator
 * or are credited, so entries on them would count twice.)
 */
export const LEAVE_KINDS_WITHOUT_ENTRIES = EXCUSED_STATUSES.filter((kind) => kind !== 'wfh' && kind !== 'wfa');

export interface EntryOwner {
  id: string;
  unitId: string | null;
  isActive: boolean;
  timeZone: string;
}

/** The employee with their unit's time zone (the region's when they have no unit). */
export async function findEntryOwner(executor: Executor, employeeId: string): Promise<EntryOwner | null> {
  const [row] = await executor
    .select({ id: employees.id, unitId: employees.unitId, isActive: employees.isActive, timeZone: units.timeZone })
    .from(employees)
    .leftJoin(units, eq(units.id, employees.unitId))
    .where(eq(employees.id, employeeId));
  return row ? { id: row.id, unitId: row.unitId, isActive: row.isActive, timeZone: row.timeZone ?? (await findRegionZone(executor)) } : null;
}

/** The owner with what an entry's view shows of them (name, NIP). */
export interface EntryAuthor extends EntryOwner {
  name: string;
  gelarDepan: string | null;
  gelarBelakang: string | null;
  nip: string;
}

/**
 * Serialises one employee's entry writes until the transaction ends (so that two concurrent
 * requests cannot both pass the overlap and daily-cap checks) by raising their entry stamp, whose
 * row lock is held to the end, and reads the employee in the same round trip. Raising the stamp
 * also turns away a concurrent unlocked insert that read the facts before (insertEntryAudited).
 * The employee row is not guarded by the lock, so reading it in that statement loses nothing; the
 * entries the checks read come in a later statement, whose snapshot holds every write committed
 * before the lock was granted. Must run inside a transaction.
 */
export async function lockEntryAuthor(executor: Executor, employeeId: string): Promise<EntryAuthor | null> {
  const stamp = executor.$with('entry_lock').as(
    executor
      .insert(activityEntryStamps)
      .values({ employeeId, version: 1 })
      .onConflictDoUpdate({ target: activityEntryStamps.employeeId, set: { version: sql`${activityEntryStamps.version} + 1` } })
      .returning({ version: activityEntryStamps.version }),
  );
  const [row] = await executor
    .with(stamp)
    .select({
      id: employees.id,
      unitId: employees.unitId,
      isActive: employees.isActive,
      timeZone: units.timeZone,
      name: employees.name,
      gelarDepan: employees.gelarDepan,
      gelarBelakang: employees.gelarBelakang,
      nip: employees.nip,
    })
    .from(stamp)
    .leftJoin(employees, eq(employees.id, employeeId))
    .leftJoin(units, eq(units.id, employees.unitId))
    // Named: parsed and planned once per connection.
    .prepare('activity_entry_lock')
    .execute();
  if (!row || row.id === null || row.name === null || row.nip === null || row.isActive === null) return null;
  return { ...row, id: row.id, name: row.name, nip: row.nip, isActive: row.isActive, timeZone: row.timeZone ?? (await findRegionZone(executor)) };
}

/** An entry with the catalogue item its version belongs to (null for an additional task). */
export async function findEntryWithItem(executor: Executor, id: string): Promise<(ActivityEntryRow & { catalogueItemId: string | null }) | null> {
  const [row] = await executor
    .select({ entry: activityEntries, catalogueItemId: activityCatalogueVersions.itemId })
    .from(activityEntries)
    .leftJoin(activityCatalogueVersions, eq(activityCatalogueVersions.id, activityEntries.catalogueVersionId))
    .where(eq(activityEntries.id, id));
  return row ? { ...row.entry, catalogueItemId: row.catalogueItemId } : null;
}

export async function findEntryByIdempotencyKey(executor: Executor, employeeId: string, key: string): Promise<ActivityEntryRow | null> {
  const [row] = await executor
    .select()
    .from(activityEntries)
    .where(and(eq(activityEntries.employeeId, employeeId), eq(activityEntries.idempotencyKey, key)));
  return row ?? null;
}

/**
 * Update only if nobody changed the entry meanwhile (same revision) and it is still editable; the
 * revision goes up by one. null = the guard failed (stale revision or already decided).
 */
export async function updateEntryGuarded(
  executor: Executor,
  id: string,
  guard: { revision: number; statuses: readonly string[] },
  values: Partial<typeof activityEntries.$inferInsert>,
): Promise<ActivityEntryRow | null> {
  const [row] = await executor
    .update(activityEntries)
    .set({ ...values, revision: sql`${activityEntries.revision} + 1` })
    .where(and(eq(activityEntries.id, id), eq(activityEntries.revision, guard.revision), inArray(activityEntries.status, [...guard.statuses])))
    .returning();
  return row ?? null;
}

export async function deleteEntryGuarded(executor: Executor, id: string, guard: { revision: number; statuses: readonly string[] }): Promise<boolean> {
  const rows = await executor
    .delete(activityEntries)
    .where(and(eq(activityEntries.id, id), eq(activityEntries.revision, guard.revision), inArray(activityEntries.status, [...guard.statuses])))
    .returning({ id: activityEntries.id });
  return rows.length > 0;
}

/** The person's entries of one day that still count (everything but rejected), except `excludeId`. */
export async function findCountingEntriesOfDay(executor: Executor, employeeId: string, workDate: string, excludeId?: string): Promise<ActivityEntryRow[]> {
  const conditions: SQL[] = [eq(activityEntries.employeeId, employeeId), eq(activityEntries.workDate, workDate), ne(activityEntries.status, 'rejected')];
  if (excludeId) conditions.push(ne(activityEntries.id, excludeId));
  return executor.select().from(activityEntries).where(and(...conditions)).orderBy(asc(activityEntries.startTime));
}

export async function findEntryDatesBefore(executor: Executor, employeeId: string, before: string, notBefore: string): Promise<string[]> {
  const rows = await executor
    .selectDistinct({ workDate: activityEntries.workDate })
    .from(activityEntries)
    .where(and(eq(activityEntries.employeeId, employeeId), lte(activityEntries.workDate, before), gte(activityEntries.workDate, notBefore), ne(activityEntries.status, 'rejected')))
    .orderBy(desc(activityEntries.workDate));
  return rows.map((row) => row.workDate);
}

/** Per-day sums for a calendar: entries that still count, claimed and approved minutes. */
export async function sumEntriesByDay(executor: Executor, employeeId: string, from: string, to: string) {
  return executor
    .select({
      workDate: activityEntries.workDate,
      entryCount: sql<number>`count(*)::int`,
      claimedMinutes: sql<number>`coalesce(sum(${activityEntries.claimedMinutes}), 0)::int`,
      approvedMinutes: sql<number>`coalesce(sum(${activityEntries.approvedMinutes}), 0)::int`,
    })
    .from(activityEntries)
    .where(and(eq(activityEntries.employeeId, employeeId), gte(activityEntries.workDate, from), lte(activityEntries.workDate, to), ne(activityEntries.status, 'rejected')))
    .groupBy(activityEntries.workDate);
}

/** Positions the employee holds on `date` (definitif, Plt or Plh). */
export async function findPositionIdsHeld(executor: Executor, employeeId: string, date: string): Promise<string[]> {
  const rows = await executor
    .select({ positionId: assignments.positionId })
    .from(assignments)
    .where(and(eq(assignments.employeeId, employeeId), lte(assignments.startDate, date), or(isNull(assignments.endDate), gte(assignments.endDate, date))));
  return [...new Set(rows.map((row) => row.positionId))];
}

const catalogueColumns = {
  itemId: activityCatalogueItems.id,
  code: activityCatalogueItems.code,
  positionId: activityCatalogueItems.positionId,
  isActive: activityCatalogueItems.isActive,
  versionId: activityCatalogueVersions.id,
  version: activityCatalogueVersions.version,
  name: activityCatalogueVersions.name,
  description: activityCatalogueVersions.description,
  outputUnit: activityCatalogueVersions.outputUnit,
  standardMinutes: activityCatalogueVersions.standardMinutes,
};
export type CatalogueChoice = { itemId: string; code: string; positionId: string | null; isActive: boolean; versionId: string; version: number; name: string; description: string | null; outputUnit: string; standardMinutes: number };

const currentVersionJoin = and(eq(activityCatalogueVersions.itemId, activityCatalogueItems.id), eq(activityCatalogueVersions.version, activityCatalogueItems.currentVersion));

/** Active items of the given positions plus general items, each with its current version. */
export async function findUsableCatalogue(executor: Executor, positionIds: string[]): Promise<CatalogueChoice[]> {
  const ofPosition = positionIds.length > 0 ? or(isNull(activityCatalogueItems.positionId), inArray(activityCatalogueItems.positionId, positionIds)) : isNull(activityCatalogueItems.positionId);
  return executor
    .select(catalogueColumns)
    .from(activityCatalogueItems)
    .innerJoin(activityCatalogueVersions, currentVersionJoin)
    .where(and(eq(activityCatalogueItems.isActive, true), ofPosition))
    .orderBy(asc(activityCatalogueVersions.name));
}

/** One catalogue item with its current version (active or not). */
export async function findCatalogueItem(executor: Executor, itemId: string): Promise<CatalogueChoice | null> {
  const [row] = await executor.select(catalogueColumns).from(activityCatalogueItems).innerJoin(activityCatalogueVersions, currentVersionJoin).where(eq(activityCatalogueItems.id, itemId));
  return row ?? null;
}

/** Rule sets that start on or before `to`, newest first (for per-day caps of a calendar). */
export async function findRuleSetsUpTo(executor: Executor, to: string) {
  return executor.select().from(activityRuleSets).where(lte(activityRuleSets.effectiveFrom, to)).orderBy(desc(activityRuleSets.effectiveFrom));
}

/** The catalogue item a version belongs to. */
export async function findItemIdOfVersion(executor: Executor, versionId: string | null): Promise<string | null> {
  if (versionId === null) return null;
  const [row] = await executor.select({ itemId: activityCatalogueVersions.itemId }).from(activityCatalogueVersions).where(eq(activityCatalogueVersions.id, versionId));
  return row?.itemId ?? null;
}

/** Whether an RHK belongs to the employee's approved SKP in force (any year): what a template may cite. */
export async function isRhkOfSkpInForce(executor: Executor, employeeId: string, rhkId: string): Promise<boolean> {
  const [row] = await executor
    .select({ id: skpRhk.id })
    .from(skpRhk)
    .innerJoin(skps, eq(skps.id, skpRhk.skpId))
    .where(and(eq(skpRhk.id, rhkId), eq(skps.employeeId, employeeId), eq(skps.status, 'approved'), isNull(skps.supersededAt)));
  return row !== undefined;
}
