import { z } from 'zod';
import { EXCUSED_STATUSES } from '../../contracts/attendance-daily';
import { jenisAsnValues } from '../../contracts/org';
import { EMPLOYEE_PREDIKATS } from '../skp/vocabulary';
import { productivityPercentOf } from '../activities/productivity';

/**
 * One employee's month as the TPP engine needs it: plain numbers and events gathered by the monthly
 * run from attendance, daily activities, SKP and decisions. No ids, no clock: the same input always
 * gives the same result, in any order and any time zone.
 */
const count = (max: number) => z.number().int('Harus bilangan bulat').min(0, 'Tidak boleh negatif').max(max, `Paling banyak ${max}`);
const isoDate = z.iso.date({ message: 'Tanggal harus berformat YYYY-MM-DD' });
/** 31 days of 24 hours: no month counts more minutes. */
const MAX_MONTH_MINUTES = 31 * 24 * 60;
export const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Periode harus berformat YYYY-MM');

/** A late arrival (or early departure) on one day; minutes null = no check-in (no check-out). */
const attendanceEventSchema = z.object({ date: isoDate, minutes: z.number().int().min(1, 'Menit minimal 1').max(1440).nullable() });
export type AttendanceEvent = z.infer<typeof attendanceEventSchema>;

export const tppInputSchema = z
  .object({
    period: periodSchema,
    employee: z.object({
      kelasJabatan: z.number().int().min(1, 'Kelas jabatan 1–17').max(17, 'Kelas jabatan 1–17'),
      positionCode: z.string().min(1).nullable(),
      jenisAsn: z.enum(jenisAsnValues),
      isCpns: z.boolean(),
      /** III/b, or a PPPK golongan such as IX; used by the PPPK 21 table. */
      golongan: z.string().min(1).nullable(),
    }),
    workingDays: count(31),
    /** Productivity of approved daily activities (rules.md §2), 10 000 = 100 %. */
    productivityBp: count(20_000),
    /**
     * The minutes it was measured from: approved minutes counted (each day capped at its norm) and the
     * month's target. Absent when productivity was not measured (no schedule, no target day) or was
     * changed in the simulator; inputs stored before it was kept lack it too.
     */
    productivityMinutes: z.object({ counted: count(MAX_MONTH_MINUTES), target: count(MAX_MONTH_MINUTES).min(1, 'Target menit minimal 1') }).optional(),
    skp: z.object({ predikat: z.enum(EMPLOYEE_PREDIKATS).nullable(), achievementBp: count(20_000).nullable() }),
    attendance: z.object({
      late: z.array(attendanceEventSchema),
      early: z.array(attendanceEventSchema),
      tkDays: count(31),
      apel: z.object({ required: count(62), missed: count(62) }),
      leave: z.array(
        z.object({
          leaveType: z.enum(EXCUSED_STATUSES, { message: 'Jenis cuti/izin tidak dikenal' }),
          days: z.number().int().min(1).max(31),
          /** Working days of this leave before the month, when a leave begun earlier runs into it; absent = none. */
          priorDays: z.number().int().min(1, 'Hari cuti sebelum bulan ini minimal 1').max(400, 'Paling banyak 400').optional(),
        }),
      ),
    }),
    /** Day of the next month the monthly report was submitted; null = not submitted. */
    reportSubmissionDay: z.number().int().min(1).max(31).nullable(),
    compliance: z.array(z.object({ code: z.string().min(1), isMet: z.boolean() })),
    disciplineDecisions: z.array(z.object({ decisionNumber: z.string().min(1), penaltyCode: z.string().min(1), startPeriod: periodSchema })),
    acting: z.array(
      z.object({
        kind: z.enum(['plt', 'plh']),
        kelasJabatan: z.number().int().min(1).max(17),
        positionCode: z.string().min(1).nullable(),
        days: z.number().int().min(1, 'Hari penugasan minimal 1').max(31),
      }),
    ),
    /** Income already counted for BPJS this month (salary etc.), against the income cap. */
    otherIncomeForBpjs: z.number().int().min(0),
  })
  .superRefine((input, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (input.employee.isCpns && input.employee.jenisAsn !== 'PNS') issue(['employee', 'isCpns'], 'Hanya PNS yang dapat berstatus CPNS');
    const { attendance, workingDays } = input;
    const minutes = input.productivityMinutes;
    if (minutes && productivityPercentOf(minutes.counted, minutes.target) !== input.productivityBp) {
      issue(['productivityMinutes'], 'Produktivitas tidak sesuai dengan menit yang dihitung dan targetnya');
    }
    if (attendance.apel.missed > attendance.apel.required) issue(['attendance', 'apel', 'missed'], 'Apel yang tidak diikuti melebihi apel yang dijadwalkan');
    const leaveDays = attendance.leave.reduce((sum, entry) => sum + entry.days, 0);
    if (attendance.tkDays + leaveDays > workingDays) issue(['attendance'], 'Hari TK dan cuti melebihi hari kerja');
    for (const key of ['late', 'early'] as const) {
      const dates = attendance[key].map((event) => event.date);
      if (new Set(dates).size !== dates.length) issue(['attendance', key], 'Satu tanggal hanya boleh satu kejadian');
      if (dates.length > workingDays) issue(['attendance', key], 'Kejadian melebihi hari kerja');
      if (dates.some((date) => !date.startsWith(`${input.period}-`))) issue(['attendance', key], 'Tanggal kejadian di luar periode');
    }
    input.acting.forEach((assignment, index) => {
      if (assignment.days > workingDays) issue(['acting', index, 'days'], 'Hari penugasan melebihi hari kerja');
    });
  });

export type TppInput = z.infer<typeof tppInputSchema>;
