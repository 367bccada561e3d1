import type { Me } from '../../contracts/auth';
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
import { canReadActivityAdmin } from '../features/activities-admin/activity-admin-permissions';
import { canReadProductivity } from '../features/productivity/productivity-permissions';
import { canReadUnitSkp, canReviewSkp, canSeeSkpCascade, hasOwnSkp } from '../features/skp/skp-permissions';
import { canReadTppResults, hasOwnTpp } from '../features/tpp/tpp-permissions';
import { canManagePayData } from '../features/tpp/pay-data-permissions';
import { canReadApel } from '../features/attendance-apel/apel-permissions';
import type { MessageKey } from '../i18n/id';

export type NavKey =
  | 'home'
  | 'activities'
  | 'activityApprovals'
  | 'productivity'
  | 'activityCatalogue'
  | 'mySkp'
  | 'skpReview'
  | 'skpCascade'
  | 'skpOverview'
  | 'myTpp'
  | 'tppRuns'
  | 'tppRecords'
  | 'tppPayData'
  | 'tppRuleSets'
  | 'activityRuleSets'
  | 'deadlineExtensions'
  | 'periodClosures'
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
  | 'apelSchedules'
  | 'apelAttendance'
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

/** Sections of the menu, in display order: daily work first, administration last. */
export const NAV_GROUPS = ['main', 'performance', 'attendance', 'organisation', 'administration', 'account'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

export interface NavItem {
  key: NavKey;
  path: string;
  label: MessageKey;
  group: NavGroup;
}

/** What of the session besides the roles decides a menu entry. */
export type NavFacts = Pick<Me, 'assessesSkp'>;

interface NavRule extends NavItem {
  isVisible: (roles: readonly Role[], facts: NavFacts) => boolean;
}

const everyone = () => true;

/** The navigation in display order, each entry with who may see it. */
const navRules: NavRule[] = [
  { key: 'home', path: '/', label: 'nav.home', group: 'main', isVisible: everyone },
  // Performance: daily activities and productivity.
  { key: 'activities', path: '/activities', label: 'activityEntry.title', group: 'performance', isVisible: hasOwnAttendance },
  { key: 'activityApprovals', path: '/activities/approvals', label: 'activityApproval.title', group: 'performance', isVisible: hasSubordinates },
  { key: 'productivity', path: '/activities/productivity', label: 'activityProductivity.title', group: 'performance', isVisible: canReadProductivity },
  { key: 'mySkp', path: '/skp', label: 'skp.my.title', group: 'performance', isVisible: hasOwnSkp },
  { key: 'skpReview', path: '/skp/review', label: 'skp.review.title', group: 'performance', isVisible: canReviewSkp },
  { key: 'skpCascade', path: '/skp/cascade', label: 'skp.cascade.title', group: 'performance', isVisible: canSeeSkpCascade },
  { key: 'skpOverview', path: '/skp/overview', label: 'skp.overview.title', group: 'performance', isVisible: canReadUnitSkp },
  { key: 'myTpp', path: '/tpp', label: 'tpp.mine.title', group: 'performance', isVisible: hasOwnTpp },
  { key: 'tppRuns', path: '/tpp/runs', label: 'tpp.runs.title', group: 'performance', isVisible: canReadTppResults },
  { key: 'tppRecords', path: '/tpp/records', label: 'tppRecords.title', group: 'performance', isVisible: canReadTppResults },
  { key: 'tppPayData', path: '/tpp/pay-data', label: 'payData.title', group: 'performance', isVisible: canManagePayData },
  // Attendance.
  { key: 'attendance', path: '/attendance', label: 'nav.attendance', group: 'attendance', isVisible: hasOwnAttendance },
  { key: 'approvals', path: '/attendance/approvals', label: 'nav.approvals', group: 'attendance', isVisible: canApproveRequests },
  { key: 'subordinatesAttendance', path: '/attendance/subordinates', label: 'attendanceAdmin.nav.subordinatesAttendance', group: 'attendance', isVisible: canReadSubordinatesAttendance },
  { key: 'attendanceBoard', path: '/attendance/board', label: 'nav.attendanceBoard', group: 'attendance', isVisible: canReadUnitAttendance },
  { key: 'attendanceRecap', path: '/attendance/recap', label: 'nav.attendanceRecap', group: 'attendance', isVisible: canReadUnitAttendance },
  { key: 'unitRequests', path: '/attendance/unit-requests', label: 'attendanceAdmin.nav.unitRequests', group: 'attendance', isVisible: canRecordRequests },
  { key: 'schedules', path: '/attendance/schedules', label: 'attendanceAdmin.nav.schedules', group: 'attendance', isVisible: canReadSchedulePlans },
  { key: 'scheduleAssignments', path: '/attendance/schedule-assignments', label: 'attendanceAdmin.nav.scheduleAssignments', group: 'attendance', isVisible: canReadSchedulePlans },
  { key: 'rosters', path: '/attendance/rosters', label: 'attendanceAdmin.nav.rosters', group: 'attendance', isVisible: canReadSchedulePlans },
  { key: 'apelSchedules', path: '/attendance/apel-schedules', label: 'apel.nav.schedules', group: 'attendance', isVisible: canReadApel },
  { key: 'apelAttendance', path: '/attendance/apel', label: 'apel.nav.attendance', group: 'attendance', isVisible: canReadApel },
  { key: 'holidays', path: '/attendance/holidays', label: 'nav.holidays', group: 'attendance', isVisible: everyone },
  { key: 'devices', path: '/devices', label: 'nav.devices', group: 'attendance', isVisible: canReadDevices },
  { key: 'heldPunches', path: '/devices/held', label: 'attendanceAdmin.nav.heldPunches', group: 'attendance', isVisible: canReviewHeldPunches },
  // Organisation.
  { key: 'subordinates', path: '/subordinates', label: 'nav.subordinates', group: 'organisation', isVisible: hasSubordinates },
  { key: 'units', path: '/units', label: 'nav.units', group: 'organisation', isVisible: canReadMasterData },
  { key: 'positions', path: '/positions', label: 'nav.positions', group: 'organisation', isVisible: canReadMasterData },
  { key: 'employees', path: '/employees', label: 'nav.employees', group: 'organisation', isVisible: canReadMasterData },
  { key: 'import', path: '/import', label: 'nav.import', group: 'organisation', isVisible: canImportData },
  // Administration: the region's rules, catalogues and month closing; accounts and audit.
  { key: 'activityCatalogue', path: '/activities/catalogue', label: 'activityAdmin.nav.catalogue', group: 'administration', isVisible: canReadActivityAdmin },
  { key: 'activityRuleSets', path: '/activities/rule-sets', label: 'activityAdmin.nav.ruleSets', group: 'administration', isVisible: canReadActivityAdmin },
  { key: 'deadlineExtensions', path: '/activities/deadline-extensions', label: 'activityAdmin.nav.extensions', group: 'administration', isVisible: canReadActivityAdmin },
  { key: 'tppRuleSets', path: '/tpp/rule-sets', label: 'tpp.rules.title', group: 'administration', isVisible: everyone },
  { key: 'periodClosures', path: '/periods/closures', label: 'activityAdmin.nav.closures', group: 'administration', isVisible: canReadActivityAdmin },
  { key: 'users', path: '/users', label: 'nav.users', group: 'administration', isVisible: canManageAccounts },
  { key: 'audit', path: '/audit', label: 'nav.audit', group: 'administration', isVisible: canReadAudit },
  { key: 'changePassword', path: '/change-password', label: 'nav.changePassword', group: 'account', isVisible: everyone },
];

export function buildNavigation(roles: readonly Role[], facts: NavFacts): NavItem[] {
  return navRules.filter((rule) => rule.isVisible(roles, facts)).map(({ key, path, label, group }) => ({ key, path, label, group }));
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
