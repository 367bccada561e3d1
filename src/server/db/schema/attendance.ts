import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  time,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { users } from './auth';
import { employees, units } from './org';

/**
 * Attendance (issue 3): schedules, holidays, requests, devices, punches, daily attendance.
 * Enumerations are text with check constraints so that a region can grow them by migration
 * without enum juggling; the allowed values live in src/contracts/attendance*.ts.
 */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** Versioned attendance rules (grace minutes, TL/PSW minute bands, leave allowances …) with the regulation cited. */
export const attendanceRuleSets = pgTable(
  'attendance_rule_sets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    regulation: text('regulation').notNull(),
    rules: jsonb('rules').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('attendance_rule_sets_effective_key').on(t.effectiveFrom)],
);

/** A work schedule: a weekly pattern (fixed) or a set of shifts rostered per day (shift). */
export const workSchedules = pgTable(
  'work_schedules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    graceLateMinutes: integer('grace_late_minutes').notNull().default(0),
    graceEarlyMinutes: integer('grace_early_minutes').notNull().default(0),
    regulation: text('regulation'),
    isActive: boolean('is_active').notNull().default(true),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('work_schedules_code_key').on(t.code),
    check('work_schedules_kind_check', sql`${t.kind} in ('fixed','shift')`),
    check('work_schedules_grace_check', sql`${t.graceLateMinutes} between 0 and 240 and ${t.graceEarlyMinutes} between 0 and 240`),
  ],
);

/** The weekly pattern of a fixed schedule: ISO weekday 1 (Monday) … 7 (Sunday). */
export const workScheduleDays = pgTable(
  'work_schedule_days',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scheduleId: uuid('schedule_id')
      .notNull()
      .references(() => workSchedules.id, { onDelete: 'cascade' }),
    weekday: integer('weekday').notNull(),
    isWorkingDay: boolean('is_working_day').notNull(),
    startTime: time('start_time'),
    endTime: time('end_time'),
    breakMinutes: integer('break_minutes').notNull().default(0),
  },
  (t) => [
    uniqueIndex('work_schedule_days_key').on(t.scheduleId, t.weekday),
    check('work_schedule_days_weekday_check', sql`${t.weekday} between 1 and 7`),
    check('work_schedule_days_times_check', sql`not ${t.isWorkingDay} or (${t.startTime} is not null and ${t.endTime} is not null)`),
  ],
);

/** Shifts of a shift schedule; end before start = overnight (the shift belongs to the day it starts). */
export const workShifts = pgTable(
  'work_shifts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scheduleId: uuid('schedule_id')
      .notNull()
      .references(() => workSchedules.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    startTime: time('start_time').notNull(),
    endTime: time('end_time').notNull(),
    breakMinutes: integer('break_minutes').notNull().default(0),
  },
  (t) => [uniqueIndex('work_shifts_key').on(t.scheduleId, t.code)],
);

/**
 * Which schedule applies to whom and when: the whole region (unit and employee null), a unit
 * subtree, or one employee. Precedence: employee over unit (nearest) over region; then higher
 * priority (a Ramadan schedule over the default); then the later start.
 */
export const scheduleAssignments = pgTable(
  'schedule_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scheduleId: uuid('schedule_id')
      .notNull()
      .references(() => workSchedules.id),
    unitId: uuid('unit_id').references(() => units.id),
    employeeId: uuid('employee_id').references(() => employees.id),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    priority: integer('priority').notNull().default(0),
    note: text('note'),
    ...timestamps,
  },
  (t) => [
    index('schedule_assignments_unit_idx').on(t.unitId),
    index('schedule_assignments_employee_idx').on(t.employeeId),
    check('schedule_assignments_target_check', sql`${t.unitId} is null or ${t.employeeId} is null`),
    check('schedule_assignments_dates_check', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);

/** The shift of an employee on a date under a shift schedule (null shift = rostered day off). */
export const shiftRosters = pgTable(
  'shift_rosters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employeeId: uuid('employee_id')
      .notNull()
      .references(() => employees.id),
    date: date('date', { mode: 'string' }).notNull(),
    shiftId: uuid('shift_id').references(() => workShifts.id),
    ...timestamps,
  },
  (t) => [uniqueIndex('shift_rosters_key').on(t.employeeId, t.date)],
);

/** National holidays, cuti bersama and regional days off (for a unit subtree when unit_id is set). */
export const holidays = pgTable(
  'holidays',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    date: date('date', { mode: 'string' }).notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    source: text('source'),
    isActive: boolean('is_active').notNull().default(true),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('holidays_date_unit_key').on(t.date, sql`coalesce(${t.unitId}, '00000000-0000-0000-0000-000000000000'::uuid)`),
    check('holidays_kind_check', sql`${t.kind} in ('nasional','cuti_bersama','daerah')`),
  ],
);

/** Uploaded files (request attachments), content checked by magic bytes before storing. */
export const attachments = pgTable('attachments', {
  id: uuid('id').primaryKey().defaultRandom(),
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  data: bytea('data').notNull(),
  uploadedByUserId: uuid('uploaded_by_user_id').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Leave and duty requests (cuti, izin, sakit, dinas luar, tugas belajar, diklat, WFH/WFA, corrections). */
export const attendanceRequests = pgTable(
  'attendance_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employeeId: uuid('employee_id')
      .notNull()
      .references(() => employees.id),
    kind: text('kind').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    /** Part-day requests (dinas luar sebagian, corrections): local wall-clock times. */
    startTime: time('start_time'),
    endTime: time('end_time'),
    reason: text('reason').notNull(),
    attachmentId: uuid('attachment_id').references(() => attachments.id),
    status: text('status').notNull(),
    /** Superior of record when submitted (snapshot): who may decide. */
    approverEmployeeId: uuid('approver_employee_id').references(() => employees.id),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
    workingDays: integer('working_days'),
    details: jsonb('details'),
    ...timestamps,
  },
  (t) => [
    index('attendance_requests_employee_idx').on(t.employeeId, t.startDate),
    index('attendance_requests_approver_idx').on(t.approverEmployeeId, t.status),
    check('attendance_requests_dates_check', sql`${t.endDate} >= ${t.startDate}`),
    check('attendance_requests_status_check', sql`${t.status} in ('diajukan','disetujui','ditolak','dibatalkan')`),
  ],
);

/** Registered attendance machines, keyed by serial number. */
export const devices = pgTable(
  'devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serialNumber: text('serial_number').notNull(),
    name: text('name').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    location: text('location'),
    /** IANA zone of the device's wall clock (Asia/Jakarta, Asia/Makassar, Asia/Jayapura). */
    timeZone: text('time_zone').notNull().default('Asia/Jakarta'),
    /** The `TimeZone=` value this firmware expects in the ADMS handshake: hours (7) or minutes (420). */
    pushTimeZone: text('push_time_zone').notNull().default('7'),
    /** active: allow-listed; quarantine: unknown serial seen, data held; disabled: refused. */
    status: text('status').notNull().default('active'),
    protocol: text('protocol').notNull().default('adms'),
    host: text('host'),
    port: integer('port'),
    commKey: text('comm_key'),
    firmware: text('firmware'),
    options: jsonb('options'),
    lastContactAt: timestamp('last_contact_at', { withTimezone: true }),
    lastClockSkewSeconds: integer('last_clock_skew_seconds'),
    lastAttlogStamp: text('last_attlog_stamp'),
    lastPunchAt: timestamp('last_punch_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('devices_serial_key').on(t.serialNumber),
    check('devices_status_check', sql`${t.status} in ('active','quarantine','disabled')`),
    check('devices_protocol_check', sql`${t.protocol} in ('adms','zk4370','file')`),
  ],
);

/** Device user PIN → employee, with validity dates (the same PIN may be reused over time). */
export const deviceUserMappings = pgTable(
  'device_user_mappings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id),
    pin: text('pin').notNull(),
    employeeId: uuid('employee_id')
      .notNull()
      .references(() => employees.id),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    ...timestamps,
  },
  (t) => [
    index('device_user_mappings_lookup_idx').on(t.deviceId, t.pin),
    index('device_user_mappings_employee_idx').on(t.employeeId),
    check('device_user_mappings_dates_check', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);

/** Every message from a device or file, stored before parsing so it can be parsed again. */
export const deviceRawMessages = pgTable(
  'device_raw_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    serialNumber: text('serial_number').notNull(),
    channel: text('channel').notNull(),
    kind: text('kind').notNull(),
    query: text('query'),
    body: bytea('body').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    parseStatus: text('parse_status').notNull().default('pending'),
    parseError: text('parse_error'),
    parsedAt: timestamp('parsed_at', { withTimezone: true }),
    recordCount: integer('record_count'),
  },
  (t) => [
    index('device_raw_messages_serial_idx').on(t.serialNumber, t.receivedAt),
    check('device_raw_messages_channel_check', sql`${t.channel} in ('adms','zk4370','file')`),
    check('device_raw_messages_parse_check', sql`${t.parseStatus} in ('pending','parsed','failed','quarantined')`),
  ],
);

/**
 * One punch. Unique on (device serial, PIN, device-local time): re-sent data never duplicates.
 * `localTime` is the device's wall clock with no zone; `instant` applies the device's zone.
 */
export const punches = pgTable(
  'punches',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    serialNumber: text('serial_number').notNull(),
    pin: text('pin').notNull(),
    localTime: timestamp('local_time', { withTimezone: false, mode: 'string' }).notNull(),
    instant: timestamp('instant', { withTimezone: true }).notNull(),
    statusCode: integer('status_code'),
    verifyCode: integer('verify_code'),
    workCode: text('work_code'),
    rawFields: text('raw_fields').array(),
    source: text('source').notNull(),
    rawMessageId: bigint('raw_message_id', { mode: 'number' }).references(() => deviceRawMessages.id),
    employeeId: uuid('employee_id').references(() => employees.id),
    /**
     * ok; unknown_pin / implausible_time / unknown_device: held for review, never dropped;
     * dismissed: an admin decided an implausible punch is not real (kept, never counted).
     */
    reviewStatus: text('review_status').notNull().default('ok'),
    /** Why an admin accepted or dismissed a held punch (the decision itself is in the audit trail). */
    reviewNote: text('review_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('punches_device_pin_time_key').on(t.serialNumber, t.pin, t.localTime),
    index('punches_employee_instant_idx').on(t.employeeId, t.instant),
    // Only held punches are ever looked up by review status: indexing the counted ones (nearly all)
    // would cost every ingested punch an index entry nobody reads.
    index('punches_held_idx').on(t.serialNumber, t.reviewStatus).where(sql`${t.reviewStatus} <> 'ok'`),
    check('punches_source_check', sql`${t.source} in ('adms','zk4370','file')`),
    check('punches_review_check', sql`${t.reviewStatus} in ('ok','unknown_pin','implausible_time','unknown_device','dismissed')`),
  ],
);

/** Outbox of safe commands for PUSH devices (sync users, re-query a range, count records). */
export const deviceCommands = pgTable(
  'device_commands',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id),
    command: text('command').notNull(),
    status: text('status').notNull().default('pending'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    returnCode: integer('return_code'),
    result: text('result'),
  },
  (t) => [
    index('device_commands_pending_idx').on(t.deviceId, t.status),
    check('device_commands_status_check', sql`${t.status} in ('pending','sent','done','failed')`),
  ],
);

/**
 * One row per scheduled employee per day: the derived attendance, with what produced it. Keyed
 * by (employee, day) itself. Derived and rebuilt in bulk (a month of a regency is ~300,000 rows),
 * so no column has a foreign key (ADR 0010): `unit_id` and `schedule_id` are plain snapshots of
 * what produced the row, and `employee_id` is only ever written by a rebuild from the employees it
 * has just read. Checking a key per row cost more than writing the row, and employees, units and
 * schedules are never deleted (they are deactivated). The only secondary index serves the recap
 * by unit; every other reader goes by employee and date (the primary key).
 */
export const dailyAttendance = pgTable(
  'daily_attendance',
  {
    employeeId: uuid('employee_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    unitId: uuid('unit_id'),
    scheduleId: uuid('schedule_id'),
    /** Planned start/end of the working day (instants), null on a day off. */
    plannedStart: timestamp('planned_start', { withTimezone: true }),
    plannedEnd: timestamp('planned_end', { withTimezone: true }),
    status: text('status').notNull(),
    lateMinutes: integer('late_minutes').notNull().default(0),
    earlyMinutes: integer('early_minutes').notNull().default(0),
    lateBand: text('late_band'),
    earlyBand: text('early_band'),
    firstIn: timestamp('first_in', { withTimezone: true }),
    lastOut: timestamp('last_out', { withTimezone: true }),
    punchIds: bigint('punch_ids', { mode: 'number' }).array().notNull().default(sql`'{}'::bigint[]`),
    requestIds: uuid('request_ids').array().notNull().default(sql`'{}'::uuid[]`),
    isFinal: boolean('is_final').notNull().default(false),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'daily_attendance_pkey', columns: [t.employeeId, t.date] }),
    index('daily_attendance_unit_date_idx').on(t.unitId, t.date),
  ],
);
