import { assertCanManageUnit, canReadWholeRegency, hasRole, type RequestContext } from '../../platform/actor';

/** Units and positions a caller may read: everything, or the units of their admin OPD subtrees. */
export type UnitScope = { isAll: true } | { isAll: false; unitIds: string[] };

/** `ctx.actor` null = trusted system caller (CLI, seed, import job). */
export function unitScopeOf(ctx: RequestContext): UnitScope {
  const actor = ctx.actor;
  if (!actor || canReadWholeRegency(actor)) return { isAll: true };
  return { isAll: false, unitIds: hasRole(actor, 'admin_opd') ? actor.adminUnitIds : [] };
}

export const isUnitInScope = (scope: UnitScope, unitId: string | null): boolean =>
  scope.isAll || (unitId !== null && scope.unitIds.includes(unitId));

/**
 * Writes: admin BKPSDM anywhere, admin OPD inside their subtrees, the system always. A null unit
 * (a top-level unit, an employee without a unit) is BKPSDM's business.
 */
export function assertCanWriteInUnit(ctx: RequestContext, unitId: string | null): void {
  if (ctx.actor) assertCanManageUnit(ctx.actor, unitId);
}
