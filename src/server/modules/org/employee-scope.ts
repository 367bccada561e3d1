import { canReadWholeRegency, hasRole, type RequestContext } from '../../platform/actor';
import { notFound } from '../../platform/errors';
import type { Executor } from '../../db/client';
import type { EmployeeScope } from './employees.repository';
import { findSubordinateIds } from './superiors.service';

/**
 * Whose employee records a caller may read on `date`: BKPSDM, pimpinan and auditors everyone; an
 * admin OPD the employees of their units; everybody themselves; an atasan their direct
 * subordinates. `ctx.actor` null = trusted system caller.
 */
export async function employeeScopeOf(executor: Executor, ctx: RequestContext, date: string): Promise<EmployeeScope> {
  const actor = ctx.actor;
  if (!actor || canReadWholeRegency(actor)) return { isAll: true };
  const unitIds = hasRole(actor, 'admin_opd') ? actor.adminUnitIds : [];
  const employeeIds: string[] = [];
  if (actor.employeeId) {
    employeeIds.push(actor.employeeId);
    if (hasRole(actor, 'atasan')) employeeIds.push(...(await findSubordinateIds(executor, actor.employeeId, date)).keys());
  }
  return { isAll: false, unitIds, employeeIds };
}

export const isEmployeeInScope = (scope: EmployeeScope, employee: { id: string; unitId: string | null }): boolean =>
  scope.isAll || scope.employeeIds.includes(employee.id) || (employee.unitId !== null && scope.unitIds.includes(employee.unitId));

/** Outside the caller's scope an employee does not exist (404), so existence is not revealed. */
export async function assertEmployeeVisible(executor: Executor, ctx: RequestContext, employee: { id: string; unitId: string | null }, date: string) {
  if (!isEmployeeInScope(await employeeScopeOf(executor, ctx, date), employee)) throw notFound('Pegawai');
}
