import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { employee, employeeQuery } from '../../../contracts/org';
import { pangkatOf } from '../../../domain/org/golongan';
import { formatFullName } from '../../../domain/org/names';
import type { Executor } from '../../db/client';
import { employees, units, users } from '../../db/schema';
import { findPositionRefsOnDate } from './assignments.repository';
import { containsPattern, expandUnitFilter } from './units.repository';

export type EmployeeRow = typeof employees.$inferSelect;
export type EmployeeView = z.infer<typeof employee>;

/** Which employees a reader may see: all, or those in some units plus some named people. */
export type EmployeeScope = { isAll: true } | { isAll: false; unitIds: string[]; employeeIds: string[] };

const listColumns = {
  employee: employees,
  unitName: units.name,
  hasAccount: sql<boolean>`exists (select 1 from ${users} u where u.employee_id = ${employees.id})`,
};

export async function findEmployeeRow(executor: Executor, id: string, options: { lock?: boolean } = {}): Promise<EmployeeRow | null> {
  const query = executor.select().from(employees).where(eq(employees.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function findEmployeeByNip(executor: Executor, nip: string): Promise<EmployeeRow | null> {
  const [row] = await executor.select().from(employees).where(eq(employees.nip, nip));
  return row ?? null;
}

/** NIP and printed name of each employee, by id. */
export async function findEmployeeSummaries(executor: Executor, ids: string[]): Promise<Map<string, { nip: string; fullName: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: employees.id, nip: employees.nip, name: employees.name, gelarDepan: employees.gelarDepan, gelarBelakang: employees.gelarBelakang })
    .from(employees)
    .where(inArray(employees.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, { nip: row.nip, fullName: formatFullName(row) }]));
}

async function toViews(executor: Executor, rows: { employee: EmployeeRow; unitName: string | null; hasAccount: boolean }[], date: string): Promise<EmployeeView[]> {
  const refs = await findPositionRefsOnDate(executor, rows.map((row) => row.employee.id), date);
  return rows.map(({ employee: row, unitName, hasAccount }) => ({
    id: row.id,
    nip: row.nip,
    jenisAsn: row.jenisAsn,
    name: row.name,
    gelarDepan: row.gelarDepan,
    gelarBelakang: row.gelarBelakang,
    fullName: formatFullName(row),
    birthDate: row.birthDate,
    gender: row.gender,
    golongan: row.golongan,
    pangkat: pangkatOf(row.jenisAsn, row.golongan),
    status: row.status,
    unitId: row.unitId,
    unitName,
    email: row.email,
    phone: row.phone,
    isActive: row.isActive,
    positions: refs.filter((ref) => ref.employeeId === row.id).map(({ employeeId: _employeeId, ...ref }) => ref),
    hasAccount: hasAccount === true,
  }));
}

export async function findEmployeeView(executor: Executor, id: string, date: string): Promise<EmployeeView | null> {
  const rows = await executor.select(listColumns).from(employees).leftJoin(units, eq(units.id, employees.unitId)).where(eq(employees.id, id));
  const [view] = await toViews(executor, rows, date);
  return view ?? null;
}

/** A page of employees (positions as of `date`), ordered by name. */
export async function findEmployeePage(executor: Executor, query: z.infer<typeof employeeQuery>, scope: EmployeeScope, date: string) {
  const filters: SQL[] = [];
  if (!scope.isAll) {
    const visible: SQL[] = [];
    if (scope.unitIds.length) visible.push(inArray(employees.unitId, scope.unitIds));
    if (scope.employeeIds.length) visible.push(inArray(employees.id, scope.employeeIds));
    filters.push(visible.length ? (or(...visible) ?? sql`false`) : sql`false`);
  }
  if (!query.includeInactive) filters.push(eq(employees.isActive, true));
  if (query.unitId) filters.push(inArray(employees.unitId, await expandUnitFilter(executor, query.unitId, query.includeSubunits)));
  if (query.jenisAsn) filters.push(eq(employees.jenisAsn, query.jenisAsn));
  if (query.status) filters.push(eq(employees.status, query.status));
  if (query.q) {
    const pattern = containsPattern(query.q);
    const match = or(ilike(employees.name, pattern), ilike(employees.nip, pattern));
    if (match) filters.push(match);
  }
  const where = filters.length ? and(...filters) : undefined;
  const [rows, [total]] = await Promise.all([
    executor
      .select(listColumns)
      .from(employees)
      .leftJoin(units, eq(units.id, employees.unitId))
      .where(where)
      .orderBy(asc(sql`lower(${employees.name})`), asc(employees.nip))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    executor.select({ value: count() }).from(employees).where(where),
  ]);
  return { items: await toViews(executor, rows, date), total: total?.value ?? 0, page: query.page, pageSize: query.pageSize };
}
