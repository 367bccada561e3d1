import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter } from 'react-router';
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
import { FullPageLoader, RequireAccess, RequireSession } from '../auth/route-guards';
import { canReadActivityAdmin } from '../features/activities-admin/activity-admin-permissions';
import { canReadProductivity } from '../features/productivity/productivity-permissions';
import { canReadUnitSkp, canReviewSkp, canSeeSkpCascade, hasOwnSkp } from '../features/skp/skp-permissions';
import { canReadTppResults, hasOwnTpp } from '../features/tpp/tpp-permissions';
import { canManagePayData } from '../features/tpp/pay-data-permissions';
import { canReadApel } from '../features/attendance-apel/apel-permissions';
import { NotFoundState } from '../components/not-found-state';
import { AppLayout } from './app-layout';

/** Route-level code splitting: each page is its own chunk, loaded on first visit. */
function lazyPage<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string): LazyExoticComponent<ComponentType> {
  return lazy(async () => {
    const module = await load();
    return { default: module[name] as ComponentType };
  });
}

const LoginPage = lazyPage(() => import('../features/auth/login-page'), 'LoginPage');
const ChangePasswordPage = lazyPage(() => import('../features/auth/change-password-page'), 'ChangePasswordPage');
const HomePage = lazyPage(() => import('../features/home/home-page'), 'HomePage');
const SubordinatesPage = lazyPage(() => import('../features/subordinates/subordinates-page'), 'SubordinatesPage');
const UnitsPage = lazyPage(() => import('../features/units/units-page'), 'UnitsPage');
const PositionsPage = lazyPage(() => import('../features/positions/positions-page'), 'PositionsPage');
const EmployeesPage = lazyPage(() => import('../features/employees/employees-page'), 'EmployeesPage');
const EmployeeDetailPage = lazyPage(() => import('../features/employees/employee-detail-page'), 'EmployeeDetailPage');
const ImportPage = lazyPage(() => import('../features/import/import-page'), 'ImportPage');
const UsersPage = lazyPage(() => import('../features/users/users-page'), 'UsersPage');
const AuditPage = lazyPage(() => import('../features/audit/audit-page'), 'AuditPage');
const MyAttendancePage = lazyPage(() => import('../features/attendance/my-attendance-page'), 'MyAttendancePage');
const ApprovalsPage = lazyPage(() => import('../features/attendance/approvals-page'), 'ApprovalsPage');
const AttendanceBoardPage = lazyPage(() => import('../features/attendance/attendance-board-page'), 'AttendanceBoardPage');
const AttendanceRecapPage = lazyPage(() => import('../features/attendance/attendance-recap-page'), 'AttendanceRecapPage');
const HolidaysPage = lazyPage(() => import('../features/attendance/holidays-page'), 'HolidaysPage');
const MyActivitiesPage = lazyPage(() => import('../features/activities/my-activities-page'), 'MyActivitiesPage');
const ActivityApprovalsPage = lazyPage(() => import('../features/activity-approvals/activity-approvals-page'), 'ActivityApprovalsPage');
const ProductivityPage = lazyPage(() => import('../features/productivity/productivity-page'), 'ProductivityPage');
const CatalogueAdminPage = lazyPage(() => import('../features/activities-admin/catalogue-admin-page'), 'CatalogueAdminPage');
const ActivityRuleSetsPage = lazyPage(() => import('../features/activities-admin/activity-rule-sets-page'), 'ActivityRuleSetsPage');
const DeadlineExtensionsPage = lazyPage(() => import('../features/activities-admin/deadline-extensions-page'), 'DeadlineExtensionsPage');
const PeriodClosuresPage = lazyPage(() => import('../features/activities-admin/period-closures-page'), 'PeriodClosuresPage');
const MySkpPage = lazyPage(() => import('../features/skp/my-skp-page'), 'MySkpPage');
const SkpReviewPage = lazyPage(() => import('../features/skp/skp-review-page'), 'SkpReviewPage');
const SkpCascadePage = lazyPage(() => import('../features/skp/skp-cascade-page'), 'SkpCascadePage');
const SkpOverviewPage = lazyPage(() => import('../features/skp/skp-overview-page'), 'SkpOverviewPage');
const MyTppPage = lazyPage(() => import('../features/tpp/my-tpp-page'), 'MyTppPage');
const TppRunsPage = lazyPage(() => import('../features/tpp/tpp-runs-page'), 'TppRunsPage');
const TppRuleSetsPage = lazyPage(() => import('../features/tpp/tpp-rule-sets-page'), 'TppRuleSetsPage');
const PayDataPage = lazyPage(() => import('../features/tpp/pay-data-page'), 'PayDataPage');
const ApelSchedulesPage = lazyPage(() => import('../features/attendance-apel/apel-schedules-page'), 'ApelSchedulesPage');
const ApelAttendancePage = lazyPage(() => import('../features/attendance-apel/apel-attendance-page'), 'ApelAttendancePage');
const TppRecordsPage = lazyPage(() => import('../features/tpp/tpp-records-page'), 'TppRecordsPage');
const DevicesPage = lazyPage(() => import('../features/devices/devices-page'), 'DevicesPage');
const DeviceDetailPage = lazyPage(() => import('../features/devices/device-detail-page'), 'DeviceDetailPage');
const HeldPunchesPage = lazyPage(() => import('../features/devices/held-punches-page'), 'HeldPunchesPage');
const SchedulesPage = lazyPage(() => import('../features/attendance-admin/schedules-page'), 'SchedulesPage');
const ScheduleAssignmentsPage = lazyPage(() => import('../features/attendance-admin/schedule-assignments-page'), 'ScheduleAssignmentsPage');
const ShiftRosterPage = lazyPage(() => import('../features/attendance-admin/shift-roster-page'), 'ShiftRosterPage');
const UnitRequestsPage = lazyPage(() => import('../features/attendance-admin/unit-requests-page'), 'UnitRequestsPage');
const SubordinatesAttendancePage = lazyPage(() => import('../features/attendance/subordinates-attendance-page'), 'SubordinatesAttendancePage');
const SubordinateMonthPage = lazyPage(() => import('../features/attendance/subordinate-month-page'), 'SubordinateMonthPage');

const guarded = (isAllowed: (roles: readonly Role[], me: Me) => boolean, Page: ComponentType) => (
  <RequireAccess isAllowed={isAllowed}>
    <Page />
  </RequireAccess>
);

export function createAppRouter() {
  return createBrowserRouter([
    {
      path: '/login',
      element: (
        <Suspense fallback={<FullPageLoader />}>
          <LoginPage />
        </Suspense>
      ),
    },
    {
      path: '/',
      element: (
        <RequireSession>
          <AppLayout />
        </RequireSession>
      ),
      children: [
        { index: true, element: <HomePage /> },
        { path: 'change-password', element: <ChangePasswordPage /> },
        { path: 'activities', element: guarded(hasOwnAttendance, MyActivitiesPage) },
        { path: 'activities/approvals', element: guarded(hasSubordinates, ActivityApprovalsPage) },
        { path: 'activities/productivity', element: guarded(canReadProductivity, ProductivityPage) },
        { path: 'activities/catalogue', element: guarded(canReadActivityAdmin, CatalogueAdminPage) },
        { path: 'activities/rule-sets', element: guarded(canReadActivityAdmin, ActivityRuleSetsPage) },
        { path: 'activities/deadline-extensions', element: guarded(canReadActivityAdmin, DeadlineExtensionsPage) },
        { path: 'periods/closures', element: guarded(canReadActivityAdmin, PeriodClosuresPage) },
        { path: 'skp', element: guarded(hasOwnSkp, MySkpPage) },
        { path: 'skp/review', element: guarded(canReviewSkp, SkpReviewPage) },
        { path: 'skp/cascade', element: guarded(canSeeSkpCascade, SkpCascadePage) },
        { path: 'skp/overview', element: guarded(canReadUnitSkp, SkpOverviewPage) },
        { path: 'tpp', element: guarded(hasOwnTpp, MyTppPage) },
        { path: 'tpp/runs', element: guarded(canReadTppResults, TppRunsPage) },
        { path: 'tpp/rule-sets', element: <TppRuleSetsPage /> },
        { path: 'tpp/pay-data', element: guarded(canManagePayData, PayDataPage) },
        { path: 'tpp/records', element: guarded(canReadTppResults, TppRecordsPage) },
        { path: 'tpp/records/:tab', element: guarded(canReadTppResults, TppRecordsPage) },
        { path: 'attendance', element: guarded(hasOwnAttendance, MyAttendancePage) },
        { path: 'attendance/approvals', element: guarded(canApproveRequests, ApprovalsPage) },
        { path: 'attendance/board', element: guarded(canReadUnitAttendance, AttendanceBoardPage) },
        { path: 'attendance/recap', element: guarded(canReadUnitAttendance, AttendanceRecapPage) },
        { path: 'attendance/holidays', element: <HolidaysPage /> },
        { path: 'attendance/apel-schedules', element: guarded(canReadApel, ApelSchedulesPage) },
        { path: 'attendance/apel', element: guarded(canReadApel, ApelAttendancePage) },
        { path: 'attendance/subordinates', element: guarded(canReadSubordinatesAttendance, SubordinatesAttendancePage) },
        { path: 'attendance/subordinates/:employeeId', element: guarded(canReadSubordinatesAttendance, SubordinateMonthPage) },
        { path: 'attendance/schedules', element: guarded(canReadSchedulePlans, SchedulesPage) },
        { path: 'attendance/schedule-assignments', element: guarded(canReadSchedulePlans, ScheduleAssignmentsPage) },
        { path: 'attendance/rosters', element: guarded(canReadSchedulePlans, ShiftRosterPage) },
        { path: 'attendance/unit-requests', element: guarded(canRecordRequests, UnitRequestsPage) },
        { path: 'devices', element: guarded(canReadDevices, DevicesPage) },
        { path: 'devices/held', element: guarded(canReviewHeldPunches, HeldPunchesPage) },
        { path: 'devices/:deviceId', element: guarded(canReadDevices, DeviceDetailPage) },
        { path: 'subordinates', element: guarded(hasSubordinates, SubordinatesPage) },
        { path: 'units', element: guarded(canReadMasterData, UnitsPage) },
        { path: 'positions', element: guarded(canReadMasterData, PositionsPage) },
        { path: 'employees', element: guarded(canReadMasterData, EmployeesPage) },
        // Open to every signed-in user: the server decides whose record each may read (self, subordinates, scope).
        { path: 'employees/:employeeId', element: <EmployeeDetailPage /> },
        { path: 'import', element: guarded(canImportData, ImportPage) },
        { path: 'users', element: guarded(canManageAccounts, UsersPage) },
        { path: 'audit', element: guarded(canReadAudit, AuditPage) },
        { path: '*', element: <NotFoundState /> },
      ],
    },
  ]);
}
