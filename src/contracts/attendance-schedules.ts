import { z } from 'zod';
import { attendanceRulesSchema } from '../domain/attendance/rules';
import { isoDate } from './common';

/** Work schedules, schedule assignments, shift rosters, holidays and attendance rule sets. */

export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Jam harus berformat HH:MM (00:00–23:59)' });
const optionalText = z.string().trim().max(500).nullable().default(null);

export const SCHEDULE_KINDS = ['fixed', 'shift'] as const;
export const HOLIDAY_KINDS = ['nasional', 'cuti_bersama', 'daerah'] as const;
export const WORK_DAY_REASONS = ['jadwal', 'libur_nasional', 'cuti_bersama', 'libur_daerah', 'hari_libur_jadwal', 'tanpa_jadwal'] as const;

export const scheduleDayInput = z.object({
  weekday: z.number().int().min(1).max(7),
  isWorkingDay: z.boolean(),
  startTime: timeOfDay.nullable().default(null),
  endTime: timeOfDay.nullable().default(null),
  breakMinutes: z.number().int().min(0).max(240).default(0),
});

export const shiftInput = z.object({
  code: z.string().trim().min(1).max(20),
  name: z.string().trim().min(1).max(100),
  startTime: timeOfDay,
  endTime: timeOfDay,
  breakMinutes: z.number().int().min(0).max(240).default(0),
});

export const scheduleRequest = z
  .object({
    code: z.string().trim().min(2).max(50),
    name: z.string().trim().min(3).max(200),
    kind: z.enum(SCHEDULE_KINDS, { message: 'Jenis jadwal harus fixed (pola mingguan) atau shift' }),
    graceLateMinutes: z.number().int().min(0).max(240).default(0),
    graceEarlyMinutes: z.number().int().min(0).max(240).default(0),
    regulation: optionalText,
    days: z.array(scheduleDayInput).max(7).default([]),
    shifts: z.array(shiftInput).max(20).default([]),
  })
  .superRefine((input, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (input.kind === 'fixed') {
      const weekdays = new Set(input.days.map((day) => day.weekday));
      if (input.days.length !== 7 || weekdays.size !== 7) issue(['days'], 'Jadwal tetap harus mengisi ketujuh hari (1 = Senin … 7 = Minggu), masing-masing sekali');
      if (input.shifts.length > 0) issue(['shifts'], 'Jadwal tetap tidak memakai shift');
      input.days.forEach((day, index) => {
        if (day.isWorkingDay && (!day.startTime || !day.endTime)) issue(['days', index], 'Hari kerja harus memiliki jam mulai dan jam selesai');
        if (day.isWorkingDay && day.startTime && day.endTime && day.endTime <= day.startTime) issue(['days', index], 'Jam selesai harus setelah jam mulai (gunakan jadwal shift untuk jam kerja malam)');
      });
    } else {
      if (input.shifts.length === 0) issue(['shifts'], 'Jadwal shift harus memiliki paling sedikit satu shift');
      if (input.days.length > 0) issue(['days'], 'Jadwal shift tidak memakai pola mingguan: hari kerja diatur lewat roster');
      const codes = input.shifts.map((shift) => shift.code);
      if (new Set(codes).size !== codes.length) issue(['shifts'], 'Kode shift tidak boleh ganda');
      input.shifts.forEach((shift, index) => {
        if (shift.startTime === shift.endTime) issue(['shifts', index], 'Jam mulai dan jam selesai shift tidak boleh sama');
      });
    }
  });

export const scheduleDay = z.object({ weekday: z.number(), isWorkingDay: z.boolean(), startTime: z.string().nullable(), endTime: z.string().nullable(), breakMinutes: z.number() });
export const shift = z.object({ id: z.string(), code: z.string(), name: z.string(), startTime: z.string(), endTime: z.string(), breakMinutes: z.number() });
export const schedule = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(SCHEDULE_KINDS),
  graceLateMinutes: z.number(),
  graceEarlyMinutes: z.number(),
  regulation: z.string().nullable(),
  isActive: z.boolean(),
  days: z.array(scheduleDay),
  shifts: z.array(shift),
});
export const scheduleList = z.object({ items: z.array(schedule) });

export const createScheduleAssignmentRequest = z
  .object({
    scheduleId: z.uuid({ message: 'Jadwal tidak valid' }),
    /** Both null = the whole region. */
    unitId: z.uuid().nullable().default(null),
    employeeId: z.uuid().nullable().default(null),
    startDate: isoDate,
    endDate: isoDate.nullable().default(null),
    priority: z.number().int().min(0).max(100).default(0),
    note: optionalText,
  })
  .refine((input) => input.unitId === null || input.employeeId === null, { message: 'Pilih unit atau pegawai, tidak keduanya', path: ['employeeId'] })
  .refine((input) => input.endDate === null || input.endDate >= input.startDate, { message: 'Tanggal selesai tidak boleh sebelum tanggal mulai', path: ['endDate'] });

export const updateScheduleAssignmentRequest = z.object({
  startDate: isoDate.optional(),
  endDate: isoDate.nullable().optional(),
  priority: z.number().int().min(0).max(100).optional(),
  note: z.string().trim().max(500).nullable().optional(),
});

export const scheduleAssignmentQuery = z.object({
  unitId: z.uuid().optional(),
  employeeId: z.uuid().optional(),
  scheduleId: z.uuid().optional(),
  activeOn: isoDate.optional(),
});

export const scheduleAssignment = z.object({
  id: z.string(),
  scheduleId: z.string(),
  scheduleName: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  employeeId: z.string().nullable(),
  employeeName: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  priority: z.number(),
  note: z.string().nullable(),
});
export const scheduleAssignmentList = z.object({ items: z.array(scheduleAssignment) });

export const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Bulan harus berformat YYYY-MM' });

/** Replaces the whole month's roster of every employee listed (days not listed = not rostered). */
export const setShiftRosterRequest = z.object({
  month: yearMonth,
  entries: z
    .array(z.object({ employeeId: z.uuid(), date: isoDate, shiftId: z.uuid().nullable() }))
    .max(5000),
  /** Employees whose roster for the month is cleared even if they have no entry. */
  employeeIds: z.array(z.uuid()).max(1000).default([]),
});

export const shiftRosterQuery = z.object({ month: yearMonth, unitId: z.uuid().optional(), employeeId: z.uuid().optional() });
export const shiftRosterEntry = z.object({ employeeId: z.string(), date: z.string(), shiftId: z.string().nullable(), shiftCode: z.string().nullable() });
export const shiftRoster = z.object({ month: z.string(), entries: z.array(shiftRosterEntry) });

export const holidayQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  unitId: z.uuid().optional(),
  includeInactive: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});

export const createHolidayRequest = z
  .object({
    date: isoDate,
    name: z.string().trim().min(3).max(200),
    kind: z.enum(HOLIDAY_KINDS, { message: 'Jenis libur harus nasional, cuti_bersama atau daerah' }),
    /** Regional day off for this unit and its sub-units; null = everyone. */
    unitId: z.uuid().nullable().default(null),
    source: optionalText,
  })
  .refine((input) => input.unitId === null || input.kind === 'daerah', { message: 'Hanya libur daerah yang dapat dibatasi pada satu unit', path: ['unitId'] });

export const updateHolidayRequest = z.object({
  date: isoDate.optional(),
  name: z.string().trim().min(3).max(200).optional(),
  source: z.string().trim().max(500).nullable().optional(),
});

export const holiday = z.object({
  id: z.string(),
  date: z.string(),
  name: z.string(),
  kind: z.enum(HOLIDAY_KINDS),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  source: z.string().nullable(),
  isActive: z.boolean(),
});
export const holidayList = z.object({ items: z.array(holiday) });

export const createRuleSetRequest = z.object({
  name: z.string().trim().min(3).max(200),
  effectiveFrom: isoDate,
  regulation: z.string().trim().min(3).max(500),
  rules: attendanceRulesSchema,
});

export const ruleSet = z.object({
  id: z.string(),
  name: z.string(),
  effectiveFrom: z.string(),
  /** Inclusive last day (the day before the next version), null = still in force. */
  effectiveTo: z.string().nullable(),
  regulation: z.string(),
  rules: attendanceRulesSchema,
});
export const ruleSetList = z.object({ items: z.array(ruleSet) });

export const workDaysQuery = z.object({ employeeId: z.uuid(), from: isoDate, to: isoDate });
export const workDay = z.object({
  date: z.string(),
  unitId: z.string().nullable(),
  timeZone: z.string(),
  isWorkingDay: z.boolean(),
  reason: z.enum(WORK_DAY_REASONS),
  scheduleId: z.string().nullable(),
  shiftCode: z.string().nullable(),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  breakMinutes: z.number(),
  graceLateMinutes: z.number(),
  graceEarlyMinutes: z.number(),
  holidayName: z.string().nullable(),
});
export const workDayList = z.object({ items: z.array(workDay) });
