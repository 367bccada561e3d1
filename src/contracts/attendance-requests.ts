import { z } from 'zod';
import { isoDate } from './common';

/** Leave and duty request kinds (PP 11/2017, Peraturan BKN 24/2017 & 7/2021; PermenPANRB 4/2025 for WFH/WFA). */
export const REQUEST_KINDS = [
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
  'dinas_luar_sebagian',
  'tugas_belajar',
  'diklat',
  'wfh',
  'wfa',
  'koreksi_presensi',
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** Kinds that cover part of one day and therefore need times. */
export const PART_DAY_KINDS = ['dinas_luar_sebagian', 'koreksi_presensi'] as const satisfies readonly RequestKind[];

export const REQUEST_STATUSES = ['diajukan', 'disetujui', 'ditolak', 'dibatalkan'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const requestKindLabels: Record<RequestKind, string> = {
  cuti_tahunan: 'Cuti tahunan',
  cuti_besar: 'Cuti besar',
  cuti_sakit: 'Cuti sakit',
  cuti_melahirkan: 'Cuti melahirkan',
  cuti_alasan_penting: 'Cuti karena alasan penting',
  cuti_bersama: 'Cuti bersama',
  cuti_dltn: 'Cuti di luar tanggungan negara',
  izin: 'Izin',
  sakit: 'Sakit',
  dinas_luar: 'Dinas luar',
  dinas_luar_sebagian: 'Dinas luar sebagian hari',
  tugas_belajar: 'Tugas belajar',
  diklat: 'Diklat',
  wfh: 'Bekerja dari rumah (WFH)',
  wfa: 'Bekerja dari mana saja (WFA)',
  koreksi_presensi: 'Koreksi presensi',
};

const wallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Jam harus berformat HH:MM' });

export const submitRequestBody = z.object({
  kind: z.enum(REQUEST_KINDS, { message: 'Jenis permohonan tidak dikenal' }),
  startDate: isoDate,
  endDate: isoDate,
  /** Part-day kinds: local wall-clock times in the employee's unit zone. A correction gives the missing punch time(s). */
  startTime: wallTime.nullable().default(null),
  endTime: wallTime.nullable().default(null),
  reason: z.string().trim().min(3, { message: 'Alasan wajib diisi (minimal 3 huruf)' }).max(1000),
  attachmentId: z.uuid({ message: 'ID lampiran tidak valid' }).nullable().default(null),
});
export type SubmitRequestBody = z.infer<typeof submitRequestBody>;

/** An admin OPD records a request on an employee's behalf (approved at once). */
export const recordRequestBody = submitRequestBody.extend({ employeeId: z.uuid({ message: 'ID pegawai tidak valid' }) });
export type RecordRequestBody = z.infer<typeof recordRequestBody>;

export const decideRequestBody = z.object({
  decision: z.enum(['disetujui', 'ditolak'], { message: 'Keputusan harus disetujui atau ditolak' }),
  reason: z.string().trim().max(1000).nullable().default(null),
});
export type DecideRequestBody = z.infer<typeof decideRequestBody>;

export const attendanceRequest = z
  .object({
    id: z.uuid(),
    employeeId: z.uuid(),
    employeeNip: z.string(),
    employeeName: z.string(),
    unitId: z.uuid().nullable(),
    kind: z.enum(REQUEST_KINDS),
    startDate: isoDate,
    endDate: isoDate,
    startTime: z.string().nullable(),
    endTime: z.string().nullable(),
    reason: z.string(),
    attachmentId: z.uuid().nullable(),
    status: z.enum(REQUEST_STATUSES),
    approverEmployeeId: z.uuid().nullable(),
    decidedAt: z.string().nullable(),
    decisionReason: z.string().nullable(),
    recordedByUserId: z.uuid().nullable(),
    workingDays: z.number().int().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'AttendanceRequest' });
export type AttendanceRequestView = z.infer<typeof attendanceRequest>;

export const requestList = z.object({ items: z.array(attendanceRequest) });

export const requestListQuery = z.object({
  scope: z.enum(['mine', 'to_approve', 'unit'], { message: 'scope harus mine, to_approve atau unit' }).default('mine'),
  unitId: z.uuid({ message: 'ID unit tidak valid' }).optional(),
  status: z.enum(REQUEST_STATUSES).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const leaveBalanceQuery = z.object({
  employeeId: z.uuid({ message: 'ID pegawai tidak valid' }).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const leaveBalance = z
  .object({
    employeeId: z.uuid(),
    year: z.number().int(),
    allowanceDays: z.number().int(),
    carriedOverDays: z.number().int(),
    usedDays: z.number().int(),
    pendingDays: z.number().int(),
    remainingDays: z.number().int(),
  })
  .meta({ id: 'LeaveBalance' });
export type LeaveBalance = z.infer<typeof leaveBalance>;

export const attachmentResult = z
  .object({ id: z.uuid(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), sha256: z.string() })
  .meta({ id: 'Attachment' });
