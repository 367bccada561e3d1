import type { Role } from '../../contracts/roles';

/**
 * What the UI offers to whom. The server enforces every rule again (role and unit scope);
 * these only decide which pages and buttons are shown.
 */
const hasAny = (roles: readonly Role[], ...wanted: Role[]) => wanted.some((role) => roles.includes(role));

export const canReadMasterData = (roles: readonly Role[]) => hasAny(roles, 'admin_opd', 'admin_bkpsdm', 'pimpinan', 'auditor');
export const canWriteMasterData = (roles: readonly Role[]) => hasAny(roles, 'admin_opd', 'admin_bkpsdm');
export const canImportData = canWriteMasterData;
export const canManageAccounts = (roles: readonly Role[]) => hasAny(roles, 'admin_opd', 'admin_bkpsdm');
/** Only BKPSDM administrators create username (non-employee) accounts and grant roles. */
export const canGrantRoles = (roles: readonly Role[]) => hasAny(roles, 'admin_bkpsdm');
export const canReadAudit = (roles: readonly Role[]) => hasAny(roles, 'admin_opd', 'admin_bkpsdm', 'auditor');
export const hasSubordinates = (roles: readonly Role[]) => hasAny(roles, 'atasan');
/** Employee detail pages: master-data readers, and superiors for their subordinates. */
export const canOpenEmployeeDetail = (roles: readonly Role[]) => canReadMasterData(roles) || hasSubordinates(roles);

/** Own attendance and leave requests: every account linked to an employee (pegawai; superiors are employees too). */
export const hasOwnAttendance = (roles: readonly Role[]) => hasAny(roles, 'pegawai', 'atasan');
/** Deciding subordinates' leave requests. */
export const canApproveRequests = hasSubordinates;
/** The OPD attendance board and monthly recap (admins in their scope; leaders and auditors read the whole regency). */
export const canReadUnitAttendance = (roles: readonly Role[]) => hasAny(roles, 'admin_opd', 'admin_bkpsdm', 'pimpinan', 'auditor');
export const canReadDevices = canReadUnitAttendance;
/** Approving a quarantined device and placing it in a unit. */
export const canManageDevices = (roles: readonly Role[]) => hasAny(roles, 'admin_opd', 'admin_bkpsdm');
/** The regional holiday calendar is kept by BKPSDM. */
export const canManageHolidays = (roles: readonly Role[]) => hasAny(roles, 'admin_bkpsdm');

/** Work schedule definitions are BKPSDM's (region-wide data); others read them. */
export const canManageSchedules = (roles: readonly Role[]) => hasAny(roles, 'admin_bkpsdm');
/** Schedules, schedule assignments and shift rosters: admins in their scope, leaders and auditors read. */
export const canReadSchedulePlans = canReadUnitAttendance;
/** Assigning schedules and setting shift rosters (admin OPD inside their units). */
export const canAssignSchedules = (roles: readonly Role[]) => hasAny(roles, 'admin_opd', 'admin_bkpsdm');
/** Recording a leave or duty request on an employee's behalf, and listing a unit's requests. */
export const canRecordRequests = (roles: readonly Role[]) => hasAny(roles, 'admin_opd', 'admin_bkpsdm');
/** Punches held for review: device readers see them; device managers resolve them. */
export const canReviewHeldPunches = canReadDevices;
/** A superior's view of their direct subordinates' attendance. */
export const canReadSubordinatesAttendance = hasSubordinates;
