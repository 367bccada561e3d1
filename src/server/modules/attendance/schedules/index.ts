/** Public surface of work schedules for other attendance modules (derivation, requests, recap). */
export { resolveWorkDays } from './resolve-work-days';
export { findAttendanceRules, findAttendanceRuleSet } from '../rule-sets/rule-sets.service';
export { registerWorkCalendarRoutes } from './work-calendar.routes';
export type { WorkDay, WorkDayReason } from '../../../../domain/attendance/schedule-work-days';
export type { AttendanceRules } from '../../../../domain/attendance/rules';
