import { canReadWholeRegency, hasRole, type RequestContext } from '../../../platform/actor';
import { forbidden } from '../../../platform/errors';

/** Region-wide attendance data (schedules, national holidays, rule sets) is BKPSDM's; `actor` null = trusted system caller. */
export function assertRegionAdmin(ctx: RequestContext, message = 'Hanya admin BKPSDM yang dapat mengubah data ini'): void {
  if (ctx.actor && !hasRole(ctx.actor, 'admin_bkpsdm')) throw forbidden(message);
}

/** Admin BKPSDM anywhere, admin OPD inside their units, the system always. */
export function canWriteForUnit(ctx: RequestContext, unitId: string | null): boolean {
  const actor = ctx.actor;
  if (!actor || hasRole(actor, 'admin_bkpsdm')) return true;
  return unitId !== null && hasRole(actor, 'admin_opd') && actor.adminUnitIds.includes(unitId);
}

export function assertCanWriteForUnit(ctx: RequestContext, unitId: string | null, message = 'Unit ini di luar kewenangan Anda'): void {
  if (!canWriteForUnit(ctx, unitId)) throw forbidden(message);
}

/** May the caller read the attendance plan (assignments, rosters) of a unit? */
export function canReadUnit(ctx: RequestContext, unitId: string | null): boolean {
  const actor = ctx.actor;
  return !actor || canReadWholeRegency(actor) || canWriteForUnit(ctx, unitId);
}
