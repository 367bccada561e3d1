import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, time, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { timestamps } from './columns';
import { employees, units } from './org';

/**
 * Ceremonies (apel pagi, upacara) as data: for the whole region (unit null) or a unit subtree, on
 * ISO weekdays (1 = Monday) and/or listed dates, with the time window in which a fingerprint punch
 * counts as attending (local wall clock of the employee's unit).
 */
export const apelSchedules = pgTable(
  'apel_schedules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    weekdays: integer('weekdays').array().notNull().default(sql`'{}'::integer[]`),
    dates: date('dates', { mode: 'string' }).array().notNull().default(sql`'{}'::date[]`),
    startTime: time('start_time').notNull(),
    endTime: time('end_time').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    /** Inclusive; null = open-ended. */
    effectiveTo: date('effective_to', { mode: 'string' }),
    isActive: boolean('is_active').notNull().default(true),
    note: text('note'),
    ...timestamps,
  },
  (t) => [
    index('apel_schedules_unit_idx').on(t.unitId),
    check('apel_schedules_days_check', sql`cardinality(${t.weekdays}) > 0 or cardinality(${t.dates}) > 0`),
    check('apel_schedules_weekdays_check', sql`${t.weekdays} <@ array[1,2,3,4,5,6,7]`),
    check('apel_schedules_window_check', sql`${t.endTime} > ${t.startTime}`),
    check('apel_schedules_effective_check', sql`${t.effectiveTo} is null or ${t.effectiveTo} >= ${t.effectiveFrom}`),
  ],
);

/**
 * What an admin recorded for one employee at one ceremony, overriding the punches: present (the
 * machine failed), absent (punched but did not attend) or excused (dispensasi).
 */
export const apelAttendanceRecords = pgTable(
  'apel_attendance_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scheduleId: uuid('schedule_id')
      .notNull()
      .references(() => apelSchedules.id),
    date: date('date', { mode: 'string' }).notNull(),
    employeeId: uuid('employee_id')
      .notNull()
      .references(() => employees.id),
    status: text('status').notNull(),
    note: text('note'),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('apel_attendance_records_key').on(t.scheduleId, t.date, t.employeeId),
    index('apel_attendance_records_employee_idx').on(t.employeeId, t.date),
    check('apel_attendance_records_status_check', sql`${t.status} in ('hadir','tidak_hadir','dispensasi')`),
  ],
);
