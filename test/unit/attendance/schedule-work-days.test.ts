import { describe, expect, it } from 'vitest';
import {
  computeWorkDays,
  pickScheduleAssignment,
  type EmployeeCalendar,
  type HolidayRecord,
  type ScheduleAssignmentRecord,
  type ScheduleDefinition,
  type WorkDay,
} from '../../../src/domain/attendance/schedule-work-days';

const fixedDays = (start: string, endMonThu: string, endFri: string, breaks: [number, number], saturday?: [string, string]) => [
  ...[1, 2, 3, 4].map((weekday) => ({ weekday, isWorkingDay: true, startTime: start, endTime: endMonThu, breakMinutes: breaks[0] })),
  { weekday: 5, isWorkingDay: true, startTime: start, endTime: endFri, breakMinutes: breaks[1] },
  saturday
    ? { weekday: 6, isWorkingDay: true, startTime: saturday[0], endTime: saturday[1], breakMinutes: 0 }
    : { weekday: 6, isWorkingDay: false, startTime: null, endTime: null, breakMinutes: 0 },
  { weekday: 7, isWorkingDay: false, startTime: null, endTime: null, breakMinutes: 0 },
];

const defaultSchedule: ScheduleDefinition = { id: 'S-DEFAULT', kind: 'fixed', graceLateMinutes: 0, graceEarlyMinutes: 0, days: fixedDays('07:30', '16:00', '16:30', [60, 90]), shifts: [] };
const ramadan: ScheduleDefinition = { id: 'S-RAMADAN', kind: 'fixed', graceLateMinutes: 0, graceEarlyMinutes: 0, days: fixedDays('08:00', '15:00', '15:30', [30, 60]), shifts: [] };
const sixDay: ScheduleDefinition = { id: 'S-SIX', kind: 'fixed', graceLateMinutes: 5, graceEarlyMinutes: 0, days: fixedDays('07:30', '14:00', '11:00', [0, 0], ['07:30', '12:30']), shifts: [] };
const flexible: ScheduleDefinition = { id: 'S-FLEX', kind: 'fixed', graceLateMinutes: 15, graceEarlyMinutes: 10, days: fixedDays('09:00', '17:30', '17:30', [60, 60]), shifts: [] };
const hospital: ScheduleDefinition = {
  id: 'S-RS',
  kind: 'shift',
  graceLateMinutes: 0,
  graceEarlyMinutes: 0,
  days: [],
  shifts: [
    { id: 'SH-P', code: 'P', startTime: '07:00', endTime: '14:00', breakMinutes: 0 },
    { id: 'SH-M', code: 'M', startTime: '21:00', endTime: '07:00', breakMinutes: 0 },
  ],
};
const schedules = new Map([defaultSchedule, ramadan, sixDay, flexible, hospital].map((schedule) => [schedule.id, schedule]));

// Region → OPD-A → BIDANG-A1; OPD-B; RSUD (shift unit); PUSKESMAS (six days).
const region = (id: string, scheduleId: string, startDate: string, endDate: string | null, priority = 0): ScheduleAssignmentRecord => ({ id, scheduleId, unitId: null, employeeId: null, startDate, endDate, priority });
const baseAssignments: ScheduleAssignmentRecord[] = [
  region('A1', 'S-DEFAULT', '2026-01-01', null),
  region('A2', 'S-RAMADAN', '2026-02-19', '2026-03-20', 10),
  { id: 'A3', scheduleId: 'S-SIX', unitId: 'PUSKESMAS', employeeId: null, startDate: '2026-01-01', endDate: null, priority: 0 },
  { id: 'A4', scheduleId: 'S-RS', unitId: 'RSUD', employeeId: null, startDate: '2026-01-01', endDate: null, priority: 0 },
  { id: 'A5', scheduleId: 'S-FLEX', unitId: null, employeeId: 'E-OVERRIDE', startDate: '2026-04-01', endDate: '2026-04-30', priority: 0 },
];

const holidays: HolidayRecord[] = [
  { date: '2026-04-03', name: 'Wafat Yesus Kristus', kind: 'nasional', unitId: null },
  { date: '2026-03-20', name: 'Cuti bersama Idul Fitri', kind: 'cuti_bersama', unitId: null },
  { date: '2026-04-08', name: 'Hari Jadi Kabupaten', kind: 'daerah', unitId: null },
  { date: '2026-04-09', name: 'Hari jadi Dinas A', kind: 'daerah', unitId: 'OPD-A' },
];

const employee = (employeeId: string, unitPath: string[], timeZone = 'Asia/Jakarta'): EmployeeCalendar => ({ employeeId, unitPath, timeZone });
const roster = new Map<string, string | null>([
  ['2026-04-06', 'SH-P'],
  ['2026-04-07', 'SH-M'],
  ['2026-04-08', null],
  ['2026-04-03', 'SH-P'],
  ['2026-04-09', null],
]);

function dayOf(who: EmployeeCalendar, date: string, assignments = baseAssignments): WorkDay {
  const [day] = computeWorkDays({ employee: who, from: date, to: date, schedules, assignments, holidays, roster: who.unitPath.includes('RSUD') ? roster : new Map() });
  if (!day) throw new Error('no day');
  return day;
}

const staffA = employee('E-A', ['BIDANG-A1', 'OPD-A']);
const staffB = employee('E-B', ['OPD-B']);
const nurse = employee('E-NURSE', ['RSUD']);
const midwife = employee('E-BIDAN', ['PUSKESMAS']);

describe('work days: given the assignments, patterns, rosters and holidays', () => {
  it.each([
    // [case, employee, date, reason, scheduleId, start, end, break]
    ['Monday, default schedule', staffB, '2026-04-06', 'jadwal', 'S-DEFAULT', '2026-04-06T00:30:00.000Z', '2026-04-06T09:00:00.000Z', 60],
    ['Friday is longer with a 90-minute break', staffB, '2026-04-10', 'jadwal', 'S-DEFAULT', '2026-04-10T00:30:00.000Z', '2026-04-10T09:30:00.000Z', 90],
    ['Saturday off in a five-day unit', staffB, '2026-04-11', 'hari_libur_jadwal', 'S-DEFAULT', null, null, 0],
    ['Ramadan outranks the default by priority', staffB, '2026-03-02', 'jadwal', 'S-RAMADAN', '2026-03-02T01:00:00.000Z', '2026-03-02T08:00:00.000Z', 30],
    ['Ramadan Friday', staffB, '2026-03-06', 'jadwal', 'S-RAMADAN', '2026-03-06T01:00:00.000Z', '2026-03-06T08:30:00.000Z', 60],
    ['default again after Ramadan ends', staffB, '2026-03-25', 'jadwal', 'S-DEFAULT', '2026-03-25T00:30:00.000Z', '2026-03-25T09:00:00.000Z', 60],
    ['six-day unit works Saturday (unit beats region)', midwife, '2026-04-11', 'jadwal', 'S-SIX', '2026-04-11T00:30:00.000Z', '2026-04-11T05:30:00.000Z', 0],
    ['six-day unit keeps its own hours in Ramadan (nearest unit first)', midwife, '2026-03-02', 'jadwal', 'S-SIX', '2026-03-02T00:30:00.000Z', '2026-03-02T07:00:00.000Z', 0],
    ['national holiday closes a fixed schedule', staffB, '2026-04-03', 'libur_nasional', 'S-DEFAULT', null, null, 0],
    ['cuti bersama', staffA, '2026-03-20', 'cuti_bersama', 'S-RAMADAN', null, null, 0],
    ['region-wide regional day off', staffB, '2026-04-08', 'libur_daerah', 'S-DEFAULT', null, null, 0],
    ['regional day off for a subtree reaches its sub-units', staffA, '2026-04-09', 'libur_daerah', 'S-DEFAULT', null, null, 0],
    ['regional day off for a subtree does not reach other units', staffB, '2026-04-09', 'jadwal', 'S-DEFAULT', '2026-04-09T00:30:00.000Z', '2026-04-09T09:00:00.000Z', 60],
    ['rostered morning shift', nurse, '2026-04-06', 'jadwal', 'S-RS', '2026-04-06T00:00:00.000Z', '2026-04-06T07:00:00.000Z', 0],
    ['overnight shift ends the next day and belongs to the start day', nurse, '2026-04-07', 'jadwal', 'S-RS', '2026-04-07T14:00:00.000Z', '2026-04-08T00:00:00.000Z', 0],
    ['rostered day off', nurse, '2026-04-09', 'hari_libur_jadwal', 'S-RS', null, null, 0],
    ['rostered day off on the region’s day off', nurse, '2026-04-08', 'libur_daerah', 'S-RS', null, null, 0],
    ['unrostered day of a shift schedule is not planned', nurse, '2026-04-10', 'tanpa_jadwal', 'S-RS', null, null, 0],
    ['shift services work on national holidays', nurse, '2026-04-03', 'jadwal', 'S-RS', '2026-04-03T00:00:00.000Z', '2026-04-03T07:00:00.000Z', 0],
    ['employee-level override beats region and priority', employee('E-OVERRIDE', ['OPD-B']), '2026-04-06', 'jadwal', 'S-FLEX', '2026-04-06T02:00:00.000Z', '2026-04-06T10:30:00.000Z', 60],
    ['override over: back to the region', employee('E-OVERRIDE', ['OPD-B']), '2026-05-04', 'jadwal', 'S-DEFAULT', '2026-05-04T00:30:00.000Z', '2026-05-04T09:00:00.000Z', 60],
    ['WITA unit: 07:30 local is 23:30 UTC the day before', employee('E-WITA', ['OPD-B'], 'Asia/Makassar'), '2026-04-06', 'jadwal', 'S-DEFAULT', '2026-04-05T23:30:00.000Z', '2026-04-06T08:00:00.000Z', 60],
    ['WIT unit Friday: 07:30 local is 22:30 UTC the day before', employee('E-WIT', ['OPD-B'], 'Asia/Jayapura'), '2026-04-10', 'jadwal', 'S-DEFAULT', '2026-04-09T22:30:00.000Z', '2026-04-10T07:30:00.000Z', 90],
  ] as const)('%s', (_case, who, date, reason, scheduleId, start, end, breakMinutes) => {
    const day = dayOf(who, date);
    expect(day).toMatchObject({ date, reason, scheduleId, isWorkingDay: reason === 'jadwal', breakMinutes });
    expect(day.plannedStart?.toISOString() ?? null).toBe(start);
    expect(day.plannedEnd?.toISOString() ?? null).toBe(end);
  });

  it('names the holiday, also when a shift is worked on it', () => {
    expect(dayOf(staffB, '2026-04-03').holidayName).toBe('Wafat Yesus Kristus');
    expect(dayOf(nurse, '2026-04-03')).toMatchObject({ isWorkingDay: true, shiftCode: 'P', holidayName: 'Wafat Yesus Kristus' });
    expect(dayOf(staffB, '2026-04-06').holidayName).toBeNull();
  });

  it('carries the schedule’s grace minutes on working days only', () => {
    expect(dayOf(employee('E-OVERRIDE', ['OPD-B']), '2026-04-06')).toMatchObject({ graceLateMinutes: 15, graceEarlyMinutes: 10 });
    expect(dayOf(midwife, '2026-04-11').graceLateMinutes).toBe(5);
    expect(dayOf(midwife, '2026-04-12')).toMatchObject({ isWorkingDay: false, graceLateMinutes: 0 });
  });

  it('without any assignment every day is tanpa_jadwal, holidays still named', () => {
    const days = computeWorkDays({ employee: staffB, from: '2026-04-02', to: '2026-04-03', schedules, assignments: [], holidays, roster: new Map() });
    expect(days.map((day) => [day.reason, day.isWorkingDay, day.scheduleId])).toEqual([
      ['tanpa_jadwal', false, null],
      ['libur_nasional', false, null],
    ]);
  });

  it('gives one row per date for a month, identical whatever the machine zone', () => {
    const days = computeWorkDays({ employee: staffB, from: '2026-04-01', to: '2026-04-30', schedules, assignments: baseAssignments, holidays, roster: new Map() });
    expect(days).toHaveLength(30);
    // April 2026: 22 weekdays, minus Good Friday (3rd), the region's day (8th).
    expect(days.filter((day) => day.isWorkingDay)).toHaveLength(20);
  });
});

describe('assignment precedence', () => {
  const at = (unitId: string, id: string, priority = 0, startDate = '2026-01-01'): ScheduleAssignmentRecord => ({ id, scheduleId: id, unitId, employeeId: null, startDate, endDate: null, priority });

  it('nearest unit first, then priority, then the later start', () => {
    const assignments = [region('R', 'R', '2026-01-01', null, 99), at('OPD-A', 'PARENT', 50), at('BIDANG-A1', 'CHILD', 0)];
    expect(pickScheduleAssignment(assignments, staffA, '2026-04-06')?.id).toBe('CHILD');
    expect(pickScheduleAssignment(assignments.slice(0, 2), staffA, '2026-04-06')?.id).toBe('PARENT');
    expect(pickScheduleAssignment([at('OPD-A', 'OLD'), at('OPD-A', 'NEW', 0, '2026-03-01')], staffA, '2026-04-06')?.id).toBe('NEW');
    expect(pickScheduleAssignment([at('OPD-A', 'LOW', 0, '2026-03-01'), at('OPD-A', 'HIGH', 1)], staffA, '2026-04-06')?.id).toBe('HIGH');
  });

  it('ignores assignments of other employees, other units and other dates', () => {
    const assignments: ScheduleAssignmentRecord[] = [
      { id: 'X', scheduleId: 'X', unitId: null, employeeId: 'E-OTHER', startDate: '2026-01-01', endDate: null, priority: 0 },
      at('OPD-B', 'Y'),
      region('Z', 'Z', '2026-05-01', null),
    ];
    expect(pickScheduleAssignment(assignments, staffA, '2026-04-06')).toBeNull();
  });
});
