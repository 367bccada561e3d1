import type { Role } from '../../../contracts/roles';

const hasAny = (roles: readonly Role[], ...wanted: Role[]) => wanted.some((role) => roles.includes(role));

/** Who sees which TPP screen (the server checks role and scope again on every call). */
export const hasOwnTpp = (roles: readonly Role[]) => hasAny(roles, 'pegawai', 'atasan');
export const canReadTppResults = (roles: readonly Role[]) => hasAny(roles, 'admin_opd', 'admin_bkpsdm', 'pimpinan', 'auditor');
export const canRunTpp = (roles: readonly Role[]) => hasAny(roles, 'admin_opd', 'admin_bkpsdm');
export const canRunRegionTpp = (roles: readonly Role[]) => hasAny(roles, 'admin_bkpsdm');
export const canManageTppRules = (roles: readonly Role[]) => hasAny(roles, 'admin_bkpsdm');
/** Bank accounts, discipline decisions and compliance items: read and kept by admins (admin OPD: their units). */
export const canMaintainTppRecords = (roles: readonly Role[]) => hasAny(roles, 'admin_opd', 'admin_bkpsdm');
/** Corrections of closed months and discipline decisions are recorded by BKPSDM. */
export const canRecordTppDecisions = (roles: readonly Role[]) => hasAny(roles, 'admin_bkpsdm');
