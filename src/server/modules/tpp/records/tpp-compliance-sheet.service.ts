import { and, asc, count, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { tppComplianceSheet, tppComplianceSheetQuery } from '../../../../contracts/tpp-records';
import { formatFullName } from '../../../../domain/org/names';
import type { Executor } from '../../../db/client';
import { employees, tppComplianceItems, units } from '../../../db/schema';
import type { RequestContext } from '../../../platform/actor';
import { isPeriodClosed } from '../../activities/shared/period-lock';
import { containsPattern } from '../../org/units.repository';
import { resolveResultUnitIds } from '../results/tpp-results.service';
import { findTppRuleSetForPeriod } from '../rule-sets/tpp-rule-sets.service';
import { complianceColumnsOf } from './tpp-record-options.service';

type Query = z.output<typeof tppComplianceSheetQuery>;

/**
 * A month's compliance items as a sheet: one row per active employee the admin maintains (admin OPD:
 * their units; a unit filter covers the units below it), one column per item the month's rule set
 * uses, each cell met, not met or not recorded yet. Paged by employee, by unit then name.
 */
export async function getTppComplianceSheet(executor: Executor, ctx: RequestContext, query: Query): Promise<z.infer<typeof tppComplianceSheet>> {
  const unitIds = await resolveResultUnitIds(executor, ctx, query.unitId);
  const found = await findTppRuleSetForPeriod(executor, query.period);
  const columns = found ? complianceColumnsOf(found.ruleSet) : [];
  const scope = unitIds === null ? undefined : unitIds.length === 0 ? sql`false` : inArray(employees.unitId, [...unitIds]);
  const search = query.q ? or(ilike(employees.name, containsPattern(query.q)), ilike(employees.nip, containsPattern(query.q))) : undefined;
  const where = and(eq(employees.isActive, true), scope, search);
  const people = await executor
    .select({ employeeId: employees.id, nip: employees.nip, name: employees.name, gelarDepan: employees.gelarDepan, gelarBelakang: employees.gelarBelakang, unitName: units.name })
    .from(employees)
    .leftJoin(units, eq(units.id, employees.unitId))
    .where(where)
    .orderBy(asc(units.name), asc(employees.name), asc(employees.nip))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await executor.select({ value: count() }).from(employees).where(where);
  const ids = people.map((person) => person.employeeId);
  const recorded =
    ids.length === 0
      ? []
      : await executor
          .select({ employeeId: tppComplianceItems.employeeId, code: tppComplianceItems.code, isMet: tppComplianceItems.isMet, note: tppComplianceItems.note })
          .from(tppComplianceItems)
          .where(and(eq(tppComplianceItems.period, query.period), inArray(tppComplianceItems.employeeId, ids)));
  const cellOf = new Map(recorded.map((row) => [`${row.employeeId}|${row.code}`, row]));
  return {
    period: query.period,
    isPeriodClosed: await isPeriodClosed(executor, query.period),
    ruleSetName: found?.ruleSet.name ?? null,
    columns,
    items: people.map((person) => ({
      employeeId: person.employeeId,
      nip: person.nip,
      name: formatFullName(person),
      unitName: person.unitName,
      values: columns.map(({ code }) => {
        const cell = cellOf.get(`${person.employeeId}|${code}`);
        return { code, isMet: cell?.isMet ?? null, note: cell?.note ?? null };
      }),
    })),
    total: total?.value ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
