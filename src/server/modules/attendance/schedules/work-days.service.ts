import { eq } from 'drizzle-orm';
import type { WorkDay } from '../../../../domain/attendance/schedule-work-days';
import type { Executor } from '../../../db/client';
import { employees } from '../../../db/schema';
import { hasRole, regionToday, type RequestContext } from '../../../platform/actor';
import { forbidden } from '../../../platform/errors';
import { findSubordinateIds } from '../../org';
import { resolveWorkDays } from './resolve-work-days';
import { canReadUnit } from './schedule-access';

/** Self, admins of the employee's unit, regency-wide readers, and the employee's superiors (today). */
export async function canReadEmployeePlan(executor: Executor, ctx: RequestContext, employeeId: string): Promise<boolean> {
  const [employee] = await executor.select({ unitId: employees.unitId }).from(employees).where(eq(employees.id, employeeId));
  if (!employee) return false;
  const actor = ctx.actor;
  if (!actor || actor.employeeId === employeeId || canReadUnit(ctx, employee.unitId)) return true;
  if (!actor.employeeId || !hasRole(actor, 'atasan')) return false;
  return (await findSubordinateIds(executor, actor.employeeId, regionToday(ctx))).has(employeeId);
}

/** One employee's planned days. */
export async function getEmployeeWorkDays(executor: Executor, ctx: RequestContext, employeeId: string, from: string, to: string): Promise<WorkDay[]> {
  if (!(await canReadEmployeePlan(executor, ctx, employeeId))) throw forbidden('Jadwal pegawai ini di luar kewenangan Anda');
  return (await resolveWorkDays(executor, [employeeId], from, to)).get(employeeId) ?? [];
}
