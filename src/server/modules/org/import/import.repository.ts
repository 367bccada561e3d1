import { and, eq, gte, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../../db/client';
import { assignments } from '../../../db/schema';

/** Does the employee already hold this position, in this capacity, on `date`? Then the row repeats history. */
export async function hasAssignmentOn(
  executor: Executor,
  input: { employeeId: string; positionId: string; kind: 'definitif' | 'plt' | 'plh'; date: string },
): Promise<boolean> {
  const [row] = await executor
    .select({ id: assignments.id })
    .from(assignments)
    .where(
      and(
        eq(assignments.employeeId, input.employeeId),
        eq(assignments.positionId, input.positionId),
        eq(assignments.kind, input.kind),
        lte(assignments.startDate, input.date),
        or(isNull(assignments.endDate), gte(assignments.endDate, input.date)),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * Definitif assignments of the employee at other positions that started before `date` and are
 * still in force on it: a new definitif position from that date replaces them.
 */
export async function findDefinitifAssignmentsReplacedOn(executor: Executor, input: { employeeId: string; positionId: string; date: string }) {
  return executor
    .select({ id: assignments.id, startDate: assignments.startDate })
    .from(assignments)
    .where(
      and(
        eq(assignments.employeeId, input.employeeId),
        ne(assignments.positionId, input.positionId),
        eq(assignments.kind, 'definitif'),
        lt(assignments.startDate, input.date),
        or(isNull(assignments.endDate), gte(assignments.endDate, input.date)),
      ),
    );
}

/** The topmost units of an admin OPD's subtrees: where their import audit entries are filed. */
export async function findScopeRootUnitId(executor: Executor, unitIds: readonly string[]): Promise<string | null> {
  if (unitIds.length === 0) return null;
  const list = sql.join(
    unitIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await queryRows<{ id: string }>(
    executor,
    sql`select id from units where id in (${list}) and (parent_id is null or parent_id not in (${list})) order by code limit 1`,
  );
  return rows[0]?.id ?? null;
}
