import { z } from 'zod';
import { DAILY_STATUSES } from './attendance-daily';
import { isoDate } from './common';

/**
 * Ceremonies (apel, upacara): schedules as data, attendance derived from punches within the
 * window, and an admin's record that overrides it (issue 6: ceremony ratio and missed-apel cuts).
 */

/** What an admin may record for one employee at one ceremony. */
export const APEL_RECORD_STATUSES = ['hadir', 'tidak_hadir', 'dispensasi'] as const;
export type ApelRecordStatus = (typeof APEL_RECORD_STATUSES)[number];

/**
 * The outcome for one employee at one ceremony: attended, missed, excused (leave, duty, dispensasi),
 * not expected (day off), or not known yet (the day's attendance is not derived).
 */
export const APEL_OUTCOMES = ['hadir', 'tidak_hadir', 'dispensasi', 'libur', 'belum_ada_data'] as const;
export type ApelOutcome = (typeof APEL_OUTCOMES)[number];

const wallClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Jam harus berformat HH:MM');

export const apelScheduleBody = z
  .object({
    name: z.string().trim().min(3, 'Nama minimal 3 karakter').max(120, 'Nama paling banyak 120 karakter'),
    /** null = every unit of the region. */
    unitId: z.uuid({ message: 'ID unit tidak valid' }).nullable(),
    weekdays: z.array(z.number().int().min(1, 'Hari 1 (Senin) sampai 7 (Minggu)').max(7, 'Hari 1 (Senin) sampai 7 (Minggu)')).max(7),
    dates: z.array(isoDate).max(366, 'Paling banyak 366 tanggal'),
    startTime: wallClock,
    endTime: wallClock,
    effectiveFrom: isoDate,
    effectiveTo: isoDate.nullable(),
    isActive: z.boolean().default(true),
    note: z
      .string()
      .trim()
      .max(500, 'Catatan paling banyak 500 karakter')
      .nullable()
      .transform((value) => (value === '' ? null : value)),
  })
  .superRefine((value, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (value.weekdays.length === 0 && value.dates.length === 0) issue('weekdays', 'Pilih hari dalam seminggu atau isi tanggal apel');
    if (new Set(value.weekdays).size !== value.weekdays.length) issue('weekdays', 'Hari tidak boleh berulang');
    if (new Set(value.dates).size !== value.dates.length) issue('dates', 'Tanggal tidak boleh berulang');
    if (value.endTime <= value.startTime) issue('endTime', 'Jam selesai harus setelah jam mulai');
    if (value.effectiveTo !== null && value.effectiveTo < value.effectiveFrom) issue('effectiveTo', 'Tanggal berakhir tidak boleh sebelum tanggal mulai');
  });
export type ApelScheduleBody = z.output<typeof apelScheduleBody>;

export const apelSchedule = z
  .object({
    id: z.uuid(),
    name: z.string(),
    unitId: z.uuid().nullable(),
    unitName: z.string().nullable(),
    weekdays: z.array(z.number().int()),
    dates: z.array(isoDate),
    startTime: z.string(),
    endTime: z.string(),
    effectiveFrom: isoDate,
    effectiveTo: isoDate.nullable(),
    isActive: z.boolean(),
    note: z.string().nullable(),
  })
  .meta({ id: 'ApelSchedule' });
export type ApelScheduleView = z.infer<typeof apelSchedule>;

export const apelScheduleList = z.object({ items: z.array(apelSchedule) });
export const apelScheduleListQuery = z.object({
  /** The schedules that reach this unit (its own, its ancestors', the region's). */
  unitId: z.uuid({ message: 'ID unit tidak valid' }).optional(),
  includeInactive: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
});

export const apelAttendanceQuery = z.object({
  scheduleId: z.uuid({ message: 'ID apel tidak valid' }),
  date: isoDate,
  unitId: z.uuid({ message: 'Unit wajib dipilih' }),
});

export const apelAttendanceItem = z.object({
  employeeId: z.uuid(),
  nip: z.string(),
  name: z.string(),
  unitName: z.string().nullable(),
  /** The day's attendance status, null when not derived yet. */
  dayStatus: z.enum(DAILY_STATUSES).nullable(),
  /** First punch inside the window (ISO instant). */
  punchedAt: z.string().nullable(),
  /** What the punches and the day say, before any admin record. */
  derived: z.enum(APEL_OUTCOMES),
  record: z.object({ status: z.enum(APEL_RECORD_STATUSES), note: z.string().nullable() }).nullable(),
  /**
   * The approved part-day dinas luar whose hours overlap the ceremony (unit's wall clock, HH:MM),
   * which excuses it; a whole-day excuse is the day's status.
   */
  dutyExcuse: z.object({ requestId: z.uuid(), startTime: z.string(), endTime: z.string() }).nullable(),
  /** What counts for TPP: the admin's record when there is one, else `derived`. */
  outcome: z.enum(APEL_OUTCOMES),
});
export type ApelAttendanceItem = z.infer<typeof apelAttendanceItem>;

export const apelAttendanceList = z.object({
  schedule: apelSchedule,
  date: isoDate,
  /** The ceremony takes place on this date for this schedule. */
  isScheduled: z.boolean(),
  /** The month is closed for TPP: nothing can be recorded any more. */
  isClosed: z.boolean(),
  items: z.array(apelAttendanceItem),
  counts: z.record(z.enum(APEL_OUTCOMES), z.number().int()),
});
export type ApelAttendanceListView = z.infer<typeof apelAttendanceList>;

export const setApelAttendanceBody = z.object({
  scheduleId: z.uuid({ message: 'ID apel tidak valid' }),
  date: isoDate,
  entries: z
    .array(
      z.object({
        employeeId: z.uuid({ message: 'ID pegawai tidak valid' }),
        /** null removes the admin's record: the punches decide again. */
        status: z.enum(APEL_RECORD_STATUSES, { message: 'Status apel harus hadir, tidak_hadir atau dispensasi' }).nullable(),
        note: z
          .string()
          .trim()
          .max(300, 'Catatan paling banyak 300 karakter')
          .nullable()
          .transform((value) => (value === '' ? null : value)),
      }),
    )
    .min(1, 'Pilih minimal satu pegawai')
    .max(500, 'Paling banyak 500 pegawai sekaligus'),
});
export const setApelAttendanceResult = z.object({ changed: z.number().int() });
