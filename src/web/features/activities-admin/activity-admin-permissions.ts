import type { Role } from '../../../contracts/roles';

/**
 * What the activity administration pages offer to whom. The server enforces every rule again
 * (role and unit scope); these only decide which pages and buttons are shown.
 */
const hasAny = (roles: readonly Role[], ...wanted: Role[]) => wanted.some((role) => roles.includes(role));

/** Catalogue, rule-set history, deadline extensions and closed months: administrators, leaders and auditors read them. */
export const canReadActivityAdmin = (roles: readonly Role[]) => hasAny(roles, 'admin_opd', 'admin_bkpsdm', 'pimpinan', 'auditor');
/** Adding activities and importing the catalogue (an admin OPD only for positions in their units). */
export const canManageActivityCatalogue = (roles: readonly Role[]) => hasAny(roles, 'admin_opd', 'admin_bkpsdm');
/** Extending an entry deadline (an admin OPD only for their units). */
export const canManageDeadlineExtensions = (roles: readonly Role[]) => hasAny(roles, 'admin_opd', 'admin_bkpsdm');
/** Region-wide rules and month closing are BKPSDM's. */
export const canManageActivityRules = (roles: readonly Role[]) => hasAny(roles, 'admin_bkpsdm');
export const canClosePeriods = canManageActivityRules;

/**
 * May this user change something bound to a unit (a position's activity, a unit's deadline
 * extension)? BKPSDM always; an admin OPD inside their units; region-wide things (null) only BKPSDM.
 */
export function canChangeInUnit(me: { roles: readonly Role[]; adminUnitIds: readonly string[] }, unitId: string | null): boolean {
  if (hasAny(me.roles, 'admin_bkpsdm')) return true;
  return hasAny(me.roles, 'admin_opd') && unitId !== null && me.adminUnitIds.includes(unitId);
}
