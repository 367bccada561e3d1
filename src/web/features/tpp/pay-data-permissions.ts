import type { Role } from '../../../contracts/roles';

/** CPNS status and salary (the BPJS cap) are kept by administrators; the server narrows an admin OPD to their units. */
export const canManagePayData = (roles: readonly Role[]) => roles.includes('admin_opd') || roles.includes('admin_bkpsdm');
