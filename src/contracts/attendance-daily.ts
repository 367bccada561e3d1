import { z } from 'zod';
import { isoDate } from './common';

/** Late bands (terlambat) and early-leave bands (pulang sebelum waktunya); minute ranges live in the rule set. */
export const LATE_BANDS = ['TL1', 'TL2', 'TL3', 'TL4'] as const;
export const EARLY_BANDS = ['PSW1', 'PSW2', 'PSW3', 'PSW4'] as const;
export type LateBand = (typeof LATE_BANDS)[number];
export type EarlyBand = (typeof EARLY_BANDS)[number];

/** Leave and duty statuses a whole-day request gives a working day (same words as the request kinds). */
export const EXCUSED_STATUSES = [
  'cuti_tahunan',
  'cuti_besar',
  'cuti_sakit',
  'cuti_melahirkan',
  'cuti_alasan_penting',
  'cuti_bersama',
  'cuti_dltn',
  'izin',
  'sakit',
  'dinas_luar',
  'tugas_belajar',
  'diklat',
  'wfh',
  'wfa',
] as const;
export type ExcusedStatus = (typeof EXCUSED_STATUSES)[number];

/** Daily attendance categories (rules.md §4). */
export const DAILY_STATUSES = [
  'hadir',
  'terlambat',
  'psw',
  'terlambat_psw',
  'tidak_absen_masuk',
  'tidak_absen_pulang',
  'dinas_luar_sebagian',
  ...EXCUSED_STATUSES,
  'tk',
  'libur',
] as const;
export type DailyStatus = (typeof DAILY_STATUSES)[number];

export const dailyAttendance = z
  .object({
    employeeId: z.uuid(),
    date: isoDate,
    unitId: z.uuid().nullable(),
    status: z.enum(DAILY_STATUSES),
    plannedStart: z.string().nullable(),
    plannedEnd: z.string().nullable(),
    firstIn: z.string().nullable(),
    lastOut: z.string().nullable(),
    lateMinutes: z.number().int(),
    earlyMinutes: z.number().int(),
    lateBand: z.enum(LATE_BANDS).nullable(),
    earlyBand: z.enum(EARLY_BANDS).nullable(),
    punchIds: z.array(z.number().int()),
    requestIds: z.array(z.uuid()),
    isFinal: z.boolean(),
  })
  .meta({ id: 'DailyAttendance' });
export type DailyAttendanceView = z.infer<typeof dailyAttendance>;

export const dailyQuery = z.object({
  employeeId: z.uuid({ message: 'ID pegawai tidak valid' }).optional(),
  from: isoDate,
  to: isoDate,
});
export const dailyList = z.object({ employeeId: z.uuid(), items: z.array(dailyAttendance) });

export const boardQuery = z.object({ unitId: z.uuid({ message: 'ID unit tidak valid' }), date: isoDate.optional() });
const boardPerson = z.object({
  employeeId: z.uuid(),
  nip: z.string(),
  name: z.string(),
  status: z.enum(DAILY_STATUSES),
  firstIn: z.string().nullable(),
  lateMinutes: z.number().int(),
  /** The zone of the person's unit: the first punch is shown on its clock. */
  timeZone: z.string(),
});
export const board = z
  .object({
    unitId: z.uuid(),
    date: isoDate,
    counts: z.object({ total: z.number().int(), in: z.number().int(), late: z.number().int(), absent: z.number().int(), excused: z.number().int(), off: z.number().int() }),
    in: z.array(boardPerson),
    late: z.array(boardPerson),
    absent: z.array(boardPerson),
    excused: z.array(boardPerson),
  })
  .meta({ id: 'AttendanceBoard' });
export type AttendanceBoard = z.infer<typeof board>;

export const recapQuery = z.object({
  unitId: z.uuid({ message: 'ID unit tidak valid' }),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Bulan harus berformat YYYY-MM' }),
});
export const recapRow = z.object({
  employeeId: z.uuid(),
  nip: z.string(),
  name: z.string(),
  workingDays: z.number().int(),
  present: z.number().int(),
  late: z.record(z.enum(LATE_BANDS), z.number().int()),
  early: z.record(z.enum(EARLY_BANDS), z.number().int()),
  noCheckIn: z.number().int(),
  noCheckOut: z.number().int(),
  tk: z.number().int(),
  excused: z.record(z.enum([...EXCUSED_STATUSES, 'dinas_luar_sebagian']), z.number().int()),
});
export type RecapRow = z.infer<typeof recapRow>;
export const recap = z.object({ unitId: z.uuid(), month: z.string(), rows: z.array(recapRow) }).meta({ id: 'AttendanceRecap' });
export type AttendanceRecap = z.infer<typeof recap>;
