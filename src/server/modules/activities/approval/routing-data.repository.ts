import { and, asc, eq, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { ABSENCE_KINDS } from '../../../../domain/activities/productivity';
import type { AssignmentRecord } from '../../../../domain/org/assignments';
import type { SuperiorOverrideRecord } from '../../../../domain/org/hierarchy';
import type { Executor } from '../../../db/client';
import { activityRuleSets, assignments, attendanceRequests, dailyAttendance, superiorOverrides } from '../../../db/schema';

/**
 * Reads for approval routing over a range of dates (a queue spans many work dates): organisation
 * records overlapping the range, so that one load serves a superior resolver per date.
 */
const assignmentColumns = {
  id: assignments.id,
  employeeId: assignments.employeeId,
  positionId: assignments.positionId,
  kind: assignments.kind,
  startDate: assignments.startDate,
  endDate: assignments.endDate,
};

const overlapsAssignment = (from: string, to: string): SQL =>
  sql`${assignments.startDate} <= ${to}::date and (${assignments.endDate} is null or ${assignments.endDate} >= ${from}::date)`;

export async function findAssignmentsInRange(
  executor: Executor,
  of: { employeeIds?: readonly string[]; positionIds?: readonly string[] },
  range: { from: string; to: string } | null,
): Promise<AssignmentRecord[]> {
  const who: SQL[] = [];
  if (of.employeeIds?.length) who.push(inArray(assignments.employeeId, [...of.employeeIds]));
  if (of.positionIds?.length) who.push(inArray(assignments.positionId, [...of.positionIds]));
  if (who.length === 0) return [];
  return executor
    .select(assignmentColumns)
    .from(assignments)
    .where(and(or(...who), range ? overlapsAssignment(range.from, range.to) : undefined));
}

export async function findOverridesInRange(
  executor: Executor,
  of: { employeeIds?: readonly string[]; superiorEmployeeIds?: readonly string[] },
  range: { from: string; to: string } | null,
): Promise<SuperiorOverrideRecord[]> {
  const who: SQL[] = [];
  if (of.employeeIds?.length) who.push(inArray(superiorOverrides.employeeId, [...of.employeeIds]));
  if (of.superiorEmployeeIds?.length) who.push(inArray(superiorOverrides.superiorEmployeeId, [...of.superiorEmployeeIds]));
  if (who.length === 0) return [];
  const inRange = range
    ? sql`${superiorOverrides.startDate} <= ${range.to}::date and (${superiorOverrides.endDate} is null or ${superiorOverrides.endDate} >= ${range.from}::date)`
    : undefined;
  return executor
    .select({
      id: superiorOverrides.id,
      employeeId: superiorOverrides.employeeId,
      superiorEmployeeId: superiorOverrides.superiorEmployeeId,
      startDate: superiorOverrides.startDate,
      endDate: superiorOverrides.endDate,
    })
    .from(superiorOverrides)
    .where(and(or(...who), inRange));
}

/**
 * Who of these people is on approved whole-day leave or duty on `date`: an approved request of an
 * absence kind covering the date, or the day's derived attendance saying so.
 */
export async function findAwayEmployeeIds(executor: Executor, employeeIds: readonly string[], date: string): Promise<Set<string>> {
  if (employeeIds.length === 0) return new Set();
  const ids = [...new Set(employeeIds)];
  const requests = await executor
    .select({ employeeId: attendanceRequests.employeeId })
    .from(attendanceRequests)
    .where(
      and(
        inArray(attendanceRequests.employeeId, ids),
        eq(attendanceRequests.status, 'disetujui'),
        inArray(attendanceRequests.kind, [...ABSENCE_KINDS]),
        lte(attendanceRequests.startDate, date),
        sql`${attendanceRequests.endDate} >= ${date}::date`,
      ),
    );
  const days = await executor
    .select({ employeeId: dailyAttendance.employeeId })
    .from(dailyAttendance)
    .where(and(inArray(dailyAttendance.employeeId, ids), eq(dailyAttendance.date, date), inArray(dailyAttendance.status, [...ABSENCE_KINDS])));
  return new Set([...requests, ...days].map((row) => row.employeeId));
}

/** Every activity rule set, oldest first (a handful of rows: one per regulation change). */
export async function findAllActivityRuleSetRows(executor: Executor) {
  return executor.select().from(activityRuleSets).orderBy(asc(activityRuleSets.effectiveFrom));
}
