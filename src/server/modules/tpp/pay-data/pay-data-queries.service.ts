import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { PayDataHistoryView, PayDataListItem, payDataListQuery } from '../../../../contracts/tpp-pay-data';
import { formatFullName } from '../../../../domain/org/names';
import type { Executor } from '../../../db/client';
import { employees, units } from '../../../db/schema';
import { hasRole, type RequestContext } from '../../../platform/actor';
import { forbidden } from '../../../platform/errors';
import { findUnitSubtreeIds } from '../../org';
import { findPayDataHistory, findPayDataRows, toPayDataView } from './pay-data.repository';
import { findPayDataEmployee } from './pay-data.service';

const employeeColumns = {
  id: employees.id,
  nip: employees.nip,
  name: employees.name,
  gelarDepan: employees.gelarDepan,
  gelarBelakang: employees.gelarBelakang,
  jenisAsn: employees.jenisAsn,
  golongan: employees.golongan,
  unitName: units.name,
};

/** An employee's pay data, newest TMT first. */
export async function getPayDataHistory(executor: Executor, ctx: RequestContext, employeeId: string): Promise<PayDataHistoryView> {
  await findPayDataEmployee(executor, ctx, employeeId);
  const [person] = await executor.select(employeeColumns).from(employees).leftJoin(units, eq(units.id, employees.unitId)).where(eq(employees.id, employeeId));
  if (!person) throw new Error('employee vanished');
  const rows = await findPayDataHistory(executor, employeeId);
  return { employee: { ...person, name: formatFullName(person) }, items: rows.map(toPayDataView) };
}

/** `%`, `_` and `\` typed in a search box are meant literally. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (match) => `\\${match}`);

/** The units whose employees the caller may list: null = all (BKPSDM); an admin OPD's units, narrowed to `unitId`'s subtree. */
async function findListedUnitIds(executor: Executor, ctx: RequestContext, unitId: string | undefined): Promise<string[] | null> {
  const actor = ctx.actor;
  const subtree = unitId ? await findUnitSubtreeIds(executor, [unitId]) : null;
  if (!actor || hasRole(actor, 'admin_bkpsdm')) return subtree;
  if (!hasRole(actor, 'admin_opd')) throw forbidden('Hanya admin BKPSDM atau admin OPD yang dapat melihat data gaji');
  if (unitId && !actor.adminUnitIds.includes(unitId)) throw forbidden('Unit ini di luar kewenangan Anda');
  return subtree ?? actor.adminUnitIds;
}

/**
 * Active employees in scope with the pay data in force on `date` (null when none is recorded yet),
 * by name; `missingOnly` lists those still without any.
 */
export async function listPayData(executor: Executor, ctx: RequestContext, query: z.output<typeof payDataListQuery>) {
  const unitIds = await findListedUnitIds(executor, ctx, query.unitId);
  const filters: SQL[] = [eq(employees.isActive, true)];
  if (unitIds !== null) filters.push(unitIds.length > 0 ? inArray(employees.unitId, unitIds) : sql`false`);
  if (query.search) {
    const pattern = `%${escapeLike(query.search)}%`;
    const matches = or(ilike(employees.name, pattern), ilike(employees.nip, pattern));
    if (matches) filters.push(matches);
  }
  if (query.missingOnly) {
    filters.push(sql`not exists (select 1 from employee_pay_data p where p.employee_id = ${employees.id} and p.effective_from <= ${query.date})`);
  }
  const where = and(...filters);
  const [total] = await executor.select({ value: count() }).from(employees).where(where);
  const people = await executor
    .select(employeeColumns)
    .from(employees)
    .leftJoin(units, eq(units.id, employees.unitId))
    .where(where)
    .orderBy(asc(employees.name), asc(employees.nip))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const rows = await findPayDataRows(
    executor,
    people.map((person) => person.id),
    query.date,
  );
  const items: PayDataListItem[] = people.map((person) => {
    const current = rows.get(person.id)?.at(-1);
    return { ...person, name: formatFullName(person), current: current ? toPayDataView(current) : null };
  });
  return { items, total: total?.value ?? 0, page: query.page, pageSize: query.pageSize };
}
