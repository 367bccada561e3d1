import { describe, expect, it } from 'vitest';
import type { Role } from '../../../src/contracts/roles';
import { buildNavigation, findActiveNavKey, NAV_GROUPS, type NavFacts, type NavKey } from '../../../src/web/app/navigation';

// The server sets assessesSkp for everyone with subordinates (the atasan role), and for designated assessors.
const keysFor = (roles: Role[], facts: NavFacts = { assessesSkp: roles.includes('atasan') }) => buildNavigation(roles, facts).map((item) => item.key);

describe('buildNavigation', () => {
  it.each<[string, Role[], NavKey[]]>([
    ['a plain employee', ['pegawai'], ['home', 'activities', 'productivity', 'mySkp', 'skpCascade', 'myTpp', 'attendance', 'holidays', 'tppRuleSets', 'changePassword']],
    [
      'a superior',
      ['pegawai', 'atasan'],
      ['home', 'activities', 'activityApprovals', 'productivity', 'mySkp', 'skpReview', 'skpCascade', 'myTpp', 'attendance', 'approvals', 'subordinatesAttendance', 'holidays', 'subordinates', 'tppRuleSets', 'changePassword'],
    ],
    ['an OPD admin', ['admin_opd'], ['home', 'productivity', 'skpCascade', 'skpOverview', 'tppRuns', 'tppRecords', 'tppPayData', 'attendanceBoard', 'attendanceRecap', 'unitRequests', 'schedules', 'scheduleAssignments', 'rosters', 'apelSchedules', 'apelAttendance', 'holidays', 'devices', 'heldPunches', 'units', 'positions', 'employees', 'import', 'activityCatalogue', 'activityRuleSets', 'deadlineExtensions', 'tppRuleSets', 'periodClosures', 'users', 'audit', 'changePassword']],
    ['a BKPSDM admin', ['admin_bkpsdm'], ['home', 'productivity', 'skpCascade', 'skpOverview', 'tppRuns', 'tppRecords', 'tppPayData', 'attendanceBoard', 'attendanceRecap', 'unitRequests', 'schedules', 'scheduleAssignments', 'rosters', 'apelSchedules', 'apelAttendance', 'holidays', 'devices', 'heldPunches', 'units', 'positions', 'employees', 'import', 'activityCatalogue', 'activityRuleSets', 'deadlineExtensions', 'tppRuleSets', 'periodClosures', 'users', 'audit', 'changePassword']],
    ['a leader (read-only master data)', ['pimpinan'], ['home', 'productivity', 'skpCascade', 'skpOverview', 'tppRuns', 'tppRecords', 'attendanceBoard', 'attendanceRecap', 'schedules', 'scheduleAssignments', 'rosters', 'apelSchedules', 'apelAttendance', 'holidays', 'devices', 'heldPunches', 'units', 'positions', 'employees', 'activityCatalogue', 'activityRuleSets', 'deadlineExtensions', 'tppRuleSets', 'periodClosures', 'changePassword']],
    ['an auditor (read-only plus audit)', ['auditor'], ['home', 'productivity', 'skpCascade', 'skpOverview', 'tppRuns', 'tppRecords', 'attendanceBoard', 'attendanceRecap', 'schedules', 'scheduleAssignments', 'rosters', 'apelSchedules', 'apelAttendance', 'holidays', 'devices', 'heldPunches', 'units', 'positions', 'employees', 'activityCatalogue', 'activityRuleSets', 'deadlineExtensions', 'tppRuleSets', 'periodClosures', 'audit', 'changePassword']],
    [
      'an employee who heads a unit and is OPD admin',
      ['pegawai', 'atasan', 'admin_opd'],
      [
        'home', 'activities', 'activityApprovals', 'productivity', 'mySkp', 'skpReview', 'skpCascade', 'skpOverview', 'myTpp', 'tppRuns', 'tppRecords', 'tppPayData',
        'attendance', 'approvals', 'subordinatesAttendance', 'attendanceBoard', 'attendanceRecap', 'unitRequests', 'schedules', 'scheduleAssignments', 'rosters', 'apelSchedules', 'apelAttendance', 'holidays', 'devices', 'heldPunches', 'subordinates', 'units', 'positions', 'employees', 'import', 'activityCatalogue', 'activityRuleSets', 'deadlineExtensions', 'tppRuleSets', 'periodClosures', 'users', 'audit', 'changePassword',
      ],
    ],
  ])('shows %s only their pages', (_who, roles, expected) => {
    expect(keysFor(roles)).toEqual(expected);
  });

  it('offers the SKP review to a designated pejabat penilai without subordinates, and nothing else of a superior', () => {
    const keys = keysFor(['pegawai'], { assessesSkp: true });
    expect(keys).toEqual(['home', 'activities', 'productivity', 'mySkp', 'skpReview', 'skpCascade', 'myTpp', 'attendance', 'holidays', 'tppRuleSets', 'changePassword']);
    expect(keys).not.toContain('activityApprovals');
    expect(keys).not.toContain('subordinates');
  });

  it('decides the SKP review by the assessesSkp fact, not by the atasan role', () => {
    expect(keysFor(['pegawai', 'atasan'], { assessesSkp: false })).not.toContain('skpReview');
    expect(keysFor(['pegawai', 'atasan'], { assessesSkp: false })).toContain('activityApprovals');
  });

  it('keeps each menu section together, in the order of NAV_GROUPS', () => {
    const groups = buildNavigation(['pegawai', 'atasan', 'admin_opd', 'admin_bkpsdm', 'auditor'], { assessesSkp: true }).map((item) => NAV_GROUPS.indexOf(item.group));
    expect(groups.every((group, index) => group >= 0 && (index === 0 || group >= (groups[index - 1] ?? 0)))).toBe(true);
  });

  it('never offers import or accounts to read-only roles', () => {
    for (const roles of [['pimpinan'], ['auditor'], ['pegawai', 'atasan']] satisfies Role[][]) {
      expect(keysFor(roles)).not.toContain('import');
      expect(keysFor(roles)).not.toContain('users');
    }
  });
});

describe('findActiveNavKey', () => {
  const items = buildNavigation(['admin_bkpsdm'], { assessesSkp: false });
  it.each([
    ['/', 'home'],
    ['/employees', 'employees'],
    ['/employees/4a0c7a4e-0000-4000-8000-000000000000', 'employees'],
    ['/audit', 'audit'],
    ['/attendance/recap', 'attendanceRecap'],
    ['/attendance/board', 'attendanceBoard'],
    ['/attendance/holidays', 'holidays'],
    ['/devices/held', 'heldPunches'],
    ['/activities/catalogue', 'activityCatalogue'],
    ['/periods/closures', 'periodClosures'],
    ['/tpp/runs', 'tppRuns'],
    ['/tpp/rule-sets', 'tppRuleSets'],
    ['/tpp/records', 'tppRecords'],
    ['/tpp/records/bank-accounts', 'tppRecords'],
    ['/tpp/pay-data', 'tppPayData'],
    ['/attendance/apel', 'apelAttendance'],
    ['/attendance/apel-schedules', 'apelSchedules'],
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
