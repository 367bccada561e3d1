import { describe, expect, it } from 'vitest';
import type { Role } from '../../../src/contracts/roles';
import { buildNavigation, findActiveNavKey, type NavKey } from '../../../src/web/app/navigation';

const keysFor = (roles: Role[]) => buildNavigation(roles).map((item) => item.key);

describe('buildNavigation', () => {
  it.each<[string, Role[], NavKey[]]>([
    ['a plain employee', ['pegawai'], ['home', 'attendance', 'holidays', 'changePassword']],
    ['a superior', ['pegawai', 'atasan'], ['home', 'attendance', 'approvals', 'subordinates', 'subordinatesAttendance', 'holidays', 'changePassword']],
    ['an OPD admin', ['admin_opd'], ['home', 'attendanceBoard', 'attendanceRecap', 'devices', 'heldPunches', 'schedules', 'scheduleAssignments', 'rosters', 'unitRequests', 'holidays', 'units', 'positions', 'employees', 'import', 'users', 'audit', 'changePassword']],
    ['a BKPSDM admin', ['admin_bkpsdm'], ['home', 'attendanceBoard', 'attendanceRecap', 'devices', 'heldPunches', 'schedules', 'scheduleAssignments', 'rosters', 'unitRequests', 'holidays', 'units', 'positions', 'employees', 'import', 'users', 'audit', 'changePassword']],
    ['a leader (read-only master data)', ['pimpinan'], ['home', 'attendanceBoard', 'attendanceRecap', 'devices', 'heldPunches', 'schedules', 'scheduleAssignments', 'rosters', 'holidays', 'units', 'positions', 'employees', 'changePassword']],
    ['an auditor (read-only plus audit)', ['auditor'], ['home', 'attendanceBoard', 'attendanceRecap', 'devices', 'heldPunches', 'schedules', 'scheduleAssignments', 'rosters', 'holidays', 'units', 'positions', 'employees', 'audit', 'changePassword']],
    ['an employee who heads a unit and is OPD admin', ['pegawai', 'atasan', 'admin_opd'], ['home', 'attendance', 'approvals', 'subordinates', 'subordinatesAttendance', 'attendanceBoard', 'attendanceRecap', 'devices', 'heldPunches', 'schedules', 'scheduleAssignments', 'rosters', 'unitRequests', 'holidays', 'units', 'positions', 'employees', 'import', 'users', 'audit', 'changePassword']],
  ])('shows %s only their pages', (_who, roles, expected) => {
    expect(keysFor(roles)).toEqual(expected);
  });

  it('never offers import or accounts to read-only roles', () => {
    for (const roles of [['pimpinan'], ['auditor'], ['pegawai', 'atasan']] satisfies Role[][]) {
      expect(keysFor(roles)).not.toContain('import');
      expect(keysFor(roles)).not.toContain('users');
    }
  });
});

describe('findActiveNavKey', () => {
  const items = buildNavigation(['admin_bkpsdm']);
  it.each([
    ['/', 'home'],
    ['/employees', 'employees'],
    ['/employees/4a0c7a4e-0000-4000-8000-000000000000', 'employees'],
    ['/audit', 'audit'],
    ['/attendance/recap', 'attendanceRecap'],
    ['/attendance/board', 'attendanceBoard'],
    ['/attendance/holidays', 'holidays'],
    ['/devices/held', 'heldPunches'],
    ['/devices/4a0c7a4e-0000-4000-8000-000000000000', 'devices'],
    ['/change-password', 'changePassword'],
  ])('maps %s to %s', (pathname, key) => {
    expect(findActiveNavKey(items, pathname)).toBe(key);
  });

  it('does not treat a path that merely starts with the same letters as a match', () => {
    expect(findActiveNavKey(items, '/employeesX')).toBeNull();
    expect(findActiveNavKey(items, '/unknown')).toBeNull();
  });
});
