import { and, asc, count, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { tppBankAccountListQuery, tppBankAccountPage } from '../../../../contracts/tpp-records';
import { formatFullName } from '../../../../domain/org/names';
import type { Executor } from '../../../db/client';
import { employees, tppBankAccounts, units } from '../../../db/schema';
import type { RequestContext } from '../../../platform/actor';
import { containsPattern } from '../../org/units.repository';
import { resolveResultUnitIds } from '../results/tpp-results.service';
import { maskAccountNumber } from '../../../../contracts/tpp-records';

type Query = z.output<typeof tppBankAccountListQuery>;

/** The employee's current account: ended versions are history for closed months' recaps. */
const currentAccountOf = and(eq(tppBankAccounts.employeeId, employees.id), isNull(tppBankAccounts.endedAt));

/** Active employees in scope whose name or NIP matches, with or without an account as asked. */
function buildFilters(query: Query, unitIds: readonly string[] | null): SQL | undefined {
  const scope = unitIds === null ? undefined : unitIds.length === 0 ? sql`false` : inArray(employees.unitId, [...unitIds]);
  const search = query.q ? or(ilike(employees.name, containsPattern(query.q)), ilike(employees.nip, containsPattern(query.q))) : undefined;
  const status = query.status === 'missing' ? isNull(tppBankAccounts.id) : query.status === 'present' ? isNotNull(tppBankAccounts.id) : undefined;
  return and(eq(employees.isActive, true), scope, search, status);
}

/**
 * Payroll accounts of the active employees an admin maintains (admin OPD: their units; a unit filter
 * covers the units below it), by unit then name. Numbers are masked here for everyone: a list is
 * read over a shoulder or copied whole, so the whole number is fetched one employee at a time.
 */
export async function listTppBankAccounts(executor: Executor, ctx: RequestContext, query: Query): Promise<z.infer<typeof tppBankAccountPage>> {
  const unitIds = await resolveResultUnitIds(executor, ctx, query.unitId);
  const where = buildFilters(query, unitIds);
  const rows = await executor
    .select({
      employeeId: employees.id,
      nip: employees.nip,
      name: employees.name,
      gelarDepan: employees.gelarDepan,
      gelarBelakang: employees.gelarBelakang,
      unitName: units.name,
      account: tppBankAccounts,
    })
    .from(employees)
    .leftJoin(units, eq(units.id, employees.unitId))
    .leftJoin(tppBankAccounts, currentAccountOf)
    .where(where)
    .orderBy(asc(units.name), asc(employees.name), asc(employees.nip))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await executor
    .select({ value: count() })
    .from(employees)
    .leftJoin(tppBankAccounts, currentAccountOf)
    .where(where);
  return {
    items: rows.map(({ account, ...row }) => ({
      employeeId: row.employeeId,
      nip: row.nip,
      name: formatFullName(row),
      unitName: row.unitName,
      bankName: account?.bankName ?? null,
      accountNumberMasked: account ? maskAccountNumber(account.accountNumber) : null,
      accountHolder: account?.accountHolder ?? null,
      updatedAt: account ? account.updatedAt.toISOString() : null,
    })),
    total: total?.value ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
