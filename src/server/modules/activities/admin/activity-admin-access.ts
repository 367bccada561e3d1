import { canReadWholeRegency, hasRole, type RequestContext, type Role } from '../../../platform/actor';

// Region-wide admin data follows the same rules as attendance administration: one definition.
export { assertRegionAdmin, canWriteForUnit } from '../../attendance/schedules/schedule-access';

/** Route-level access; services narrow it to the caller's units. */
export const ACTIVITY_ADMINS = ['admin_bkpsdm', 'admin_opd'] as const satisfies readonly Role[];
export const ACTIVITY_ADMIN_READERS = ['admin_bkpsdm', 'admin_opd', 'pimpinan', 'auditor'] as const satisfies readonly Role[];
export const REGION_ADMINS = ['admin_bkpsdm'] as const satisfies readonly Role[];

/** Units whose unit-bound admin data the caller may read: all (null), or their admin OPD units. */
export function readableUnitIds(ctx: RequestContext): string[] | null {
  const actor = ctx.actor;
  if (!actor || canReadWholeRegency(actor)) return null;
  return hasRole(actor, 'admin_opd') ? actor.adminUnitIds : [];
}

