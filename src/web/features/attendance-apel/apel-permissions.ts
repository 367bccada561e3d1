import type { Role } from '../../../contracts/roles';

const hasAny = (roles: readonly Role[], ...wanted: Role[]) => wanted.some((role) => roles.includes(role));

/** Who sees the ceremony screens (the server checks role and scope again on every call). */
export const canReadApel = (roles: readonly Role[]) => hasAny(roles, 'admin_opd', 'admin_bkpsdm', 'pimpinan', 'auditor');
/** Schedules for their units and records of who attended: administrators (admin OPD: their units). */
export const canManageApel = (roles: readonly Role[]) => hasAny(roles, 'admin_opd', 'admin_bkpsdm');
