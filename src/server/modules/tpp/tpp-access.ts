import { canReadWholeRegency, hasRole, regionToday, type RequestContext, type Role } from '../../platform/actor';
import { forbidden } from '../../platform/errors';

/** Route-level access for TPP; services narrow it to the caller's units. */
export const TPP_REGION_ADMINS = ['admin_bkpsdm'] as const satisfies readonly Role[];
export const TPP_ADMINS = ['admin_bkpsdm', 'admin_opd'] as const satisfies readonly Role[];
export const TPP_READERS = ['admin_bkpsdm', 'admin_opd', 'pimpinan', 'auditor'] as const satisfies readonly Role[];

/** The TPP month of today: the region's (its pemda's zone), like month closing. */
export const currentPeriod = (ctx: RequestContext): string => regionToday(ctx).slice(0, 7);

/** Rule sets, the region's runs and adjustments are BKPSDM's; `actor` null = trusted system caller (CLI, seed). */
export function assertTppRegionAdmin(ctx: RequestContext, message = 'Hanya admin BKPSDM yang dapat mengubah aturan dan data TPP daerah'): void {
  if (ctx.actor && !hasRole(ctx.actor, 'admin_bkpsdm')) throw forbidden(message);
}

/** Units whose TPP the caller may read: all (null), or their admin OPD units (possibly none). */
export function readableTppUnitIds(ctx: RequestContext): string[] | null {
  const actor = ctx.actor;
  if (!actor || canReadWholeRegency(actor)) return null;
  return hasRole(actor, 'admin_opd') ? actor.adminUnitIds : [];
}

/** Admin BKPSDM (any unit, the whole region), admin OPD inside their units, the system always. */
export function canManageTppUnit(ctx: RequestContext, unitId: string | null): boolean {
  const actor = ctx.actor;
  if (!actor || hasRole(actor, 'admin_bkpsdm')) return true;
  return unitId !== null && hasRole(actor, 'admin_opd') && actor.adminUnitIds.includes(unitId);
}
