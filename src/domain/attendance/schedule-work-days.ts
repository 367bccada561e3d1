import { isoWeekday, listDates, parseTimeOfDay, wallClockToInstant } from './calendar-zone';

/**
 * Which days an employee must work, and when: the schedule assignment that applies, its weekly
 * pattern or the rostered shift, and the holidays, turned into planned start/end instants in the
 * unit's time zone. Pure: the caller loads the data.
 */
export type WorkDayReason = 'jadwal' | 'libur_nasional' | 'cuti_bersama' | 'libur_daerah' | 'hari_libur_jadwal' | 'tanpa_jadwal';
export type HolidayKind = 'nasional' | 'cuti_bersama' | 'daerah';

export interface WorkDay {
  date: string;
  /** The employee's unit (of record) and its zone, in which `date` is a calendar day. */
  unitId: string | null;
  timeZone: string;
  isWorkingDay: boolean;
  reason: WorkDayReason;
  scheduleId: string | null;
  shiftCode: string | null;
  /** Instants; null on a day off. An overnight shift ends the next calendar day but belongs to this date. */
  plannedStart: Date | null;
  plannedEnd: Date | null;
  breakMinutes: number;
  graceLateMinutes: number;
  graceEarlyMinutes: number;
  holidayName: string | null;
}

export interface ScheduleDayPattern {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  isWorkingDay: boolean;
  startTime: string | null;
  endTime: string | null;
  breakMinutes: number;
}

export interface ShiftDefinition {
  id: string;
  code: string;
  startTime: string;
  endTime: string;
  breakMinutes: number;
}

export interface ScheduleDefinition {
  id: string;
  kind: 'fixed' | 'shift';
  graceLateMinutes: number;
  graceEarlyMinutes: number;
  days: readonly ScheduleDayPattern[];
  shifts: readonly ShiftDefinition[];
}

export interface ScheduleAssignmentRecord {
  id: string;
  scheduleId: string;
  /** Both null = the whole region. */
  unitId: string | null;
  employeeId: string | null;
  startDate: string;
  endDate: string | null;
  priority: number;
}

export interface HolidayRecord {
  date: string;
  name: string;
  kind: HolidayKind;
  /** Regional day off for this unit's subtree only; null = everyone. */
  unitId: string | null;
}

export interface EmployeeCalendar {
  employeeId: string;
  /** The employee's unit first, then its ancestors, nearest first (empty when without a unit). */
  unitPath: readonly string[];
  /** IANA zone of the employee's unit: the working day is a date there. */
  timeZone: string;
}

export interface WorkDayInput {
  employee: EmployeeCalendar;
  from: string;
  to: string;
  schedules: ReadonlyMap<string, ScheduleDefinition>;
  assignments: readonly ScheduleAssignmentRecord[];
  holidays: readonly HolidayRecord[];
  /** date → rostered shift id (null = rostered day off), for this employee. */
  roster: ReadonlyMap<string, string | null>;
}

const REGION_LEVEL = 1_000;

/** Lower = more specific: employee 0, own unit 1, parent 2 …, region last; null = not applicable. */
function levelOf(assignment: ScheduleAssignmentRecord, employee: EmployeeCalendar): number | null {
  if (assignment.employeeId !== null) return assignment.employeeId === employee.employeeId ? 0 : null;
  if (assignment.unitId === null) return REGION_LEVEL;
  const depth = employee.unitPath.indexOf(assignment.unitId);
  return depth === -1 ? null : depth + 1;
}

/**
 * The assignment in force for an employee on a date. Precedence: employee over unit (nearest
 * first) over region; then higher priority (a Ramadan schedule over the default); then the later
 * start; the id settles exact ties so the answer never depends on load order.
 */
export function pickScheduleAssignment(
  assignments: readonly ScheduleAssignmentRecord[],
  employee: EmployeeCalendar,
  date: string,
): ScheduleAssignmentRecord | null {
  let best: { assignment: ScheduleAssignmentRecord; level: number } | null = null;
  for (const assignment of assignments) {
    if (assignment.startDate > date || (assignment.endDate !== null && assignment.endDate < date)) continue;
    const level = levelOf(assignment, employee);
    if (level === null) continue;
    if (!best || isPreferred(assignment, level, best.assignment, best.level)) best = { assignment, level };
  }
  return best?.assignment ?? null;
}

function isPreferred(candidate: ScheduleAssignmentRecord, level: number, current: ScheduleAssignmentRecord, currentLevel: number): boolean {
  if (level !== currentLevel) return level < currentLevel;
  if (candidate.priority !== current.priority) return candidate.priority > current.priority;
  if (candidate.startDate !== current.startDate) return candidate.startDate > current.startDate;
  return candidate.id < current.id;
}

const HOLIDAY_ORDER: Record<HolidayKind, number> = { nasional: 0, cuti_bersama: 1, daerah: 2 };
const HOLIDAY_REASON: Record<HolidayKind, WorkDayReason> = { nasional: 'libur_nasional', cuti_bersama: 'cuti_bersama', daerah: 'libur_daerah' };

/** The holiday that applies to the employee on a date: national before cuti bersama before regional. */
function findHoliday(holidaysByDate: ReadonlyMap<string, HolidayRecord[]>, employee: EmployeeCalendar, date: string): HolidayRecord | null {
  let found: HolidayRecord | null = null;
  for (const holiday of holidaysByDate.get(date) ?? []) {
    if (holiday.unitId !== null && !employee.unitPath.includes(holiday.unitId)) continue;
    if (!found || HOLIDAY_ORDER[holiday.kind] < HOLIDAY_ORDER[found.kind]) found = holiday;
  }
  return found;
}

export function indexHolidaysByDate(holidays: readonly HolidayRecord[]): Map<string, HolidayRecord[]> {
  const byDate = new Map<string, HolidayRecord[]>();
  for (const holiday of holidays) byDate.set(holiday.date, [...(byDate.get(holiday.date) ?? []), holiday]);
  return byDate;
}

interface PlannedTimes {
  shiftCode: string | null;
  startTime: string;
  endTime: string;
  breakMinutes: number;
}

type DayPlan = { kind: 'work'; times: PlannedTimes } | { kind: 'off' } | { kind: 'none' };

function planDay(schedule: ScheduleDefinition, date: string, weekday: number, roster: ReadonlyMap<string, string | null>): DayPlan {
  if (schedule.kind === 'fixed') {
    const pattern = schedule.days.find((day) => day.weekday === weekday);
    if (!pattern || !pattern.isWorkingDay || !pattern.startTime || !pattern.endTime) return { kind: 'off' };
    return { kind: 'work', times: { shiftCode: null, startTime: pattern.startTime, endTime: pattern.endTime, breakMinutes: pattern.breakMinutes } };
  }
  // A shift schedule works only from the roster: an unrostered date is not planned at all.
  if (!roster.has(date)) return { kind: 'none' };
  const shiftId = roster.get(date) ?? null;
  if (shiftId === null) return { kind: 'off' };
  const shift = schedule.shifts.find((candidate) => candidate.id === shiftId);
  if (!shift) return { kind: 'none' };
  return { kind: 'work', times: { shiftCode: shift.code, startTime: shift.startTime, endTime: shift.endTime, breakMinutes: shift.breakMinutes } };
}

/** Memo shared across employees of one batch: the same zone, date and time give the same instant. */
export interface WorkDayCaches {
  holidaysByDate: ReadonlyMap<string, HolidayRecord[]>;
  instants: Map<string, number>;
  weekdays: Map<string, number>;
  dateLists: Map<string, string[]>;
}

export const createWorkDayCaches = (holidays: readonly HolidayRecord[]): WorkDayCaches => ({
  holidaysByDate: indexHolidaysByDate(holidays),
  instants: new Map(),
  weekdays: new Map(),
  dateLists: new Map(),
});

function cachedWeekday(caches: WorkDayCaches, date: string): number {
  let weekday = caches.weekdays.get(date);
  if (weekday === undefined) {
    weekday = isoWeekday(date);
    caches.weekdays.set(date, weekday);
  }
  return weekday;
}

function cachedDates(caches: WorkDayCaches, from: string, to: string): string[] {
  const key = `${from}|${to}`;
  let dates = caches.dateLists.get(key);
  if (!dates) {
    dates = listDates(from, to);
    caches.dateLists.set(key, dates);
  }
  return dates;
}

function cachedInstant(caches: WorkDayCaches, date: string, minuteOfDay: number, timeZone: string): Date {
  const key = `${timeZone}|${date}|${minuteOfDay}`;
  let ms = caches.instants.get(key);
  if (ms === undefined) {
    ms = wallClockToInstant(date, minuteOfDay, timeZone).getTime();
    caches.instants.set(key, ms);
  }
  return new Date(ms);
}

/** Planned instants; an end at or before the start is an overnight shift ending the next day. */
export function plannedInstants(
  date: string,
  startTime: string,
  endTime: string,
  timeZone: string,
  caches: WorkDayCaches = createWorkDayCaches([]),
): { plannedStart: Date; plannedEnd: Date } {
  const start = parseTimeOfDay(startTime);
  let end = parseTimeOfDay(endTime);
  if (end <= start) end += 1440;
  return { plannedStart: cachedInstant(caches, date, start, timeZone), plannedEnd: cachedInstant(caches, date, end, timeZone) };
}

const dayOff = (employee: EmployeeCalendar, date: string, reason: WorkDayReason, scheduleId: string | null, holidayName: string | null): WorkDay => ({
  date,
  unitId: employee.unitPath[0] ?? null,
  timeZone: employee.timeZone,
  isWorkingDay: false,
  reason,
  scheduleId,
  shiftCode: null,
  plannedStart: null,
  plannedEnd: null,
  breakMinutes: 0,
  graceLateMinutes: 0,
  graceEarlyMinutes: 0,
  holidayName,
});

/**
 * Work days of one employee from `from` to `to` (inclusive). Holidays close fixed schedules; shift
 * schedules (24-hour services) keep their rostered shifts on holidays, with the holiday named.
 * Pass the same `caches` for every employee of a batch (built from the same holidays).
 */
export function computeWorkDays(input: WorkDayInput, caches: WorkDayCaches = createWorkDayCaches(input.holidays)): WorkDay[] {
  const { employee } = input;
  return cachedDates(caches, input.from, input.to).map((date) => {
    const holiday = findHoliday(caches.holidaysByDate, employee, date);
    const assignment = pickScheduleAssignment(input.assignments, employee, date);
    const schedule = assignment ? input.schedules.get(assignment.scheduleId) : undefined;
    if (!schedule) return holiday ? dayOff(employee, date, HOLIDAY_REASON[holiday.kind], null, holiday.name) : dayOff(employee, date, 'tanpa_jadwal', null, null);
    const plan = planDay(schedule, date, cachedWeekday(caches, date), input.roster);
    if (holiday && (schedule.kind === 'fixed' || plan.kind !== 'work')) return dayOff(employee, date, HOLIDAY_REASON[holiday.kind], schedule.id, holiday.name);
    if (plan.kind === 'none') return dayOff(employee, date, 'tanpa_jadwal', schedule.id, null);
    if (plan.kind === 'off') return dayOff(employee, date, 'hari_libur_jadwal', schedule.id, null);
    const { times } = plan;
    return {
      date,
      unitId: employee.unitPath[0] ?? null,
      timeZone: employee.timeZone,
      isWorkingDay: true,
      reason: 'jadwal',
      scheduleId: schedule.id,
      shiftCode: times.shiftCode,
      ...plannedInstants(date, times.startTime, times.endTime, employee.timeZone, caches),
      breakMinutes: times.breakMinutes,
      graceLateMinutes: schedule.graceLateMinutes,
      graceEarlyMinutes: schedule.graceEarlyMinutes,
      holidayName: holiday?.name ?? null,
    } satisfies WorkDay;
  });
}
