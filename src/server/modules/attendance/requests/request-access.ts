import type { Executor } from '../../../db/client';
import { canManageUnit, canReadWholeRegency, hasRole, type RequestContext } from '../../../platform/actor';
import { employeeScopeOf, isEmployeeInScope } from '../../org/employee-scope';

/** Route-level readers of other people's requests and attendance; services narrow to scope. */
export const ATTENDANCE_ADMINS = ['admin_bkpsdm', 'admin_opd'] as const;

/**
 * Who may read an employee's requests and attendance: the employee, their direct superior,
 * an admin OPD of their unit, and the regency-wide readers (BKPSDM, pimpinan, auditor).
 */
export async function canSeeEmployeeRequests(executor: Executor, ctx: RequestContext, employee: { id: string; unitId: string | null }, date: string): Promise<boolean> {
  return isEmployeeInScope(await employeeScopeOf(executor, ctx, date), employee);
}

/** Recording or revoking for someone else: admin BKPSDM, admin OPD of the employee's unit, or the system. */
export function canAdministerEmployee(ctx: RequestContext, employee: { unitId: string | null }): boolean {
  const actor = ctx.actor;
  if (!actor) return true;
  return hasRole(actor, 'admin_bkpsdm') || (hasRole(actor, 'admin_opd') && canManageUnit(actor, employee.unitId));
}

export function canReadUnit(ctx: RequestContext, unitId: string): boolean {
  const actor = ctx.actor;
  if (!actor) return true;
  return canReadWholeRegency(actor) || (hasRole(actor, 'admin_opd') && actor.adminUnitIds.includes(unitId));
}
