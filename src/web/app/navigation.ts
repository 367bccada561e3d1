import type { Role } from '../../contracts/roles';
import {
  canApproveRequests,
  canImportData,
  canManageAccounts,
  canReadAudit,
  canReadDevices,
  canReadMasterData,
  canReadSchedulePlans,
  canReadSubordinatesAttendance,
  canReadUnitAttendance,
  canRecordRequests,
  canReviewHeldPunches,
  hasOwnAttendance,
  hasSubordinates,
} from '../auth/permissions';
import type { MessageKey } from '../i18n/id';

export type NavKey =
  | 'home'
  | 'attendance'
  | 'approvals'
  | 'subordinates'
  | 'attendanceBoard'
  | 'attendanceRecap'
  | 'subordinatesAttendance'
  | 'unitRequests'
  | 'schedules'
  | 'scheduleAssignments'
  | 'rosters'
  | 'heldPunches'
  | 'devices'
  | 'holidays'
  | 'units'
  | 'positions'
  | 'employees'
  | 'import'
  | 'users'
  | 'audit'
  | 'changePassword';

export interface NavItem {
  key: NavKey;
  path: string;
  label: MessageKey;
}

interface NavRule extends NavItem {
  isVisible: (roles: readonly Role[]) => boolean;
}

const everyone = () => true;

/** The navigation in display order, each entry with who may see it. */
const navRules: NavRule[] = [
  { key: 'home', path: '/', label: 'nav.home', isVisible: everyone },
  { key: 'attendance', path: '/attendance', label: 'nav.attendance', isVisible: hasOwnAttendance },
  { key: 'approvals', path: '/attendance/approvals', label: 'nav.approvals', isVisible: canApproveRequests },
  { key: 'subordinates', path: '/subordinates', label: 'nav.subordinates', isVisible: hasSubordinates },
  { key: 'subordinatesAttendance', path: '/attendance/subordinates', label: 'attendanceAdmin.nav.subordinatesAttendance', isVisible: canReadSubordinatesAttendance },
  { key: 'attendanceBoard', path: '/attendance/board', label: 'nav.attendanceBoard', isVisible: canReadUnitAttendance },
  { key: 'attendanceRecap', path: '/attendance/recap', label: 'nav.attendanceRecap', isVisible: canReadUnitAttendance },
  { key: 'devices', path: '/devices', label: 'nav.devices', isVisible: canReadDevices },
  { key: 'heldPunches', path: '/devices/held', label: 'attendanceAdmin.nav.heldPunches', isVisible: canReviewHeldPunches },
  { key: 'schedules', path: '/attendance/schedules', label: 'attendanceAdmin.nav.schedules', isVisible: canReadSchedulePlans },
  { key: 'scheduleAssignments', path: '/attendance/schedule-assignments', label: 'attendanceAdmin.nav.scheduleAssignments', isVisible: canReadSchedulePlans },
  { key: 'rosters', path: '/attendance/rosters', label: 'attendanceAdmin.nav.rosters', isVisible: canReadSchedulePlans },
  { key: 'unitRequests', path: '/attendance/unit-requests', label: 'attendanceAdmin.nav.unitRequests', isVisible: canRecordRequests },
  { key: 'holidays', path: '/attendance/holidays', label: 'nav.holidays', isVisible: everyone },
  { key: 'units', path: '/units', label: 'nav.units', isVisible: canReadMasterData },
  { key: 'positions', path: '/positions', label: 'nav.positions', isVisible: canReadMasterData },
  { key: 'employees', path: '/employees', label: 'nav.employees', isVisible: canReadMasterData },
  { key: 'import', path: '/import', label: 'nav.import', isVisible: canImportData },
  { key: 'users', path: '/users', label: 'nav.users', isVisible: canManageAccounts },
  { key: 'audit', path: '/audit', label: 'nav.audit', isVisible: canReadAudit },
  { key: 'changePassword', path: '/change-password', label: 'nav.changePassword', isVisible: everyone },
];

export function buildNavigation(roles: readonly Role[]): NavItem[] {
  return navRules.filter((rule) => rule.isVisible(roles)).map(({ key, path, label }) => ({ key, path, label }));
}

/** The nav entry a location belongs to: the longest matching prefix ("/employees/42" → employees). */
export function findActiveNavKey(items: readonly NavItem[], pathname: string): NavKey | null {
  let best: NavItem | null = null;
  for (const item of items) {
    const isMatch = item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`);
    if (isMatch && (!best || item.path.length > best.path.length)) best = item;
  }
  return best?.key ?? null;
}
