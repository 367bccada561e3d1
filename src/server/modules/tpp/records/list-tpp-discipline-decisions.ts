import { and, asc, desc, eq, ilike, inArray, lte, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { tppDisciplineDecisionListView, tppDisciplineListQuery, tppPenalty } from '../../../../contracts/tpp-records';
import { monthsBetween } from '../../../../domain/tpp/discipline';
import { formatFullName } from '../../../../domain/org/names';
import type { Executor } from '../../../db/client';
import { employees, tppDisciplineDecisions, units } from '../../../db/schema';
import type { RequestContext } from '../../../platform/actor';
import { notFound } from '../../../platform/errors';
import { findClosedPeriods } from '../../activities/shared/period-lock';
import { findEmployeeRow } from '../../org/employees.repository';
import { containsPattern } from '../../org/units.repository';
import { resolveResultUnitIds } from '../results/tpp-results.service';
import { findTppRuleSetForPeriod } from '../rule-sets/tpp-rule-sets.service';
import { canManageTppUnit } from '../tpp-access';
import { penaltiesOf } from './tpp-record-options.service';

type Query = z.output<typeof tppDisciplineListQuery>;
type Penalty = z.infer<typeof tppPenalty>;

/** `period` plus `months` months, by arithmetic on the text (no Date, no time zone). */
export function addMonths(period: string, months: number): string {
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The penalties priced by the rule set of each asked month, each month's rule set read once. */
function createPenaltyLookup(executor: Executor) {
  const byPeriod = new Map<string, Promise<Penalty[]>>();
  return async (period: string, code: string): Promise<Penalty | null> => {
    let penalties = byPeriod.get(period);
    if (!penalties) {
      penalties = findTppRuleSetForPeriod(executor, period).then((found) => (found ? penaltiesOf(found.ruleSet) : []));
      byPeriod.set(period, penalties);
    }
    return (await penalties).find((penalty) => penalty.code === code) ?? null;
  };
}

/**
 * Discipline decisions of the employees an admin maintains (admin OPD: their units), newest first.
 * With `period`: only those in force that month, priced as that month's rule set prices them (as the
 * computation does); without, priced by the rule set of their first month. One employee outside the
 * caller's scope does not exist for them.
 */
export async function listTppDisciplineDecisionViews(executor: Executor, ctx: RequestContext, query: Query): Promise<z.infer<typeof tppDisciplineDecisionListView>> {
  if (query.employeeId) {
    const employee = await findEmployeeRow(executor, query.employeeId);
    if (!employee || !canManageTppUnit(ctx, employee.unitId)) throw notFound('Pegawai');
  }
  const unitIds = await resolveResultUnitIds(executor, ctx, query.unitId);
  const scope = unitIds === null ? undefined : unitIds.length === 0 ? sql`false` : inArray(employees.unitId, [...unitIds]);
  const search = query.q ? or(ilike(employees.name, containsPattern(query.q)), ilike(employees.nip, containsPattern(query.q))) : undefined;
  const rows = await executor
    .select({ decision: tppDisciplineDecisions, nip: employees.nip, name: employees.name, gelarDepan: employees.gelarDepan, gelarBelakang: employees.gelarBelakang, unitName: units.name })
    .from(tppDisciplineDecisions)
    .innerJoin(employees, eq(employees.id, tppDisciplineDecisions.employeeId))
    .leftJoin(units, eq(units.id, employees.unitId))
    .where(
      and(
        scope,
        search,
        query.employeeId ? eq(tppDisciplineDecisions.employeeId, query.employeeId) : undefined,
        query.period ? lte(tppDisciplineDecisions.startPeriod, query.period) : undefined,
      ),
    )
    .orderBy(desc(tppDisciplineDecisions.startPeriod), asc(employees.name), asc(tppDisciplineDecisions.decisionNumber));
  const closed = await findClosedPeriods(executor, [...new Set(rows.map((row) => row.decision.startPeriod))]);
  const penaltyOf = createPenaltyLookup(executor);
  const items = [];
  for (const { decision, ...row } of rows) {
    const penalty = await penaltyOf(query.period ?? decision.startPeriod, decision.penaltyCode);
    // A code the month's rules no longer price stays listed: the run will report it, the admin should see it.
    if (query.period && penalty && monthsBetween(decision.startPeriod, query.period) >= penalty.months) continue;
    items.push({
      id: decision.id,
      employeeId: decision.employeeId,
      nip: row.nip,
      name: formatFullName(row),
      unitName: row.unitName,
      decisionNumber: decision.decisionNumber,
      decisionDate: decision.decisionDate,
      penaltyCode: decision.penaltyCode,
      startPeriod: decision.startPeriod,
      note: decision.note,
      createdAt: decision.createdAt.toISOString(),
      penalty,
      endPeriod: penalty ? addMonths(decision.startPeriod, penalty.months - 1) : null,
      isStartClosed: closed.has(decision.startPeriod),
    });
  }
  return { items };
}
