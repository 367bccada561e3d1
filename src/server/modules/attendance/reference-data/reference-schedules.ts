import type { z } from 'zod';
import type { scheduleRequest } from '../../../../contracts/attendance-schedules';

type ScheduleInput = z.input<typeof scheduleRequest>;

const weekend = [
  { weekday: 6, isWorkingDay: false },
  { weekday: 7, isWorkingDay: false },
];

/** Perpres 21/2023: Mon–Fri, 37.5 h/week without breaks, start 07.30 local; breaks 60 min (Fri 90 min). */
export const DEFAULT_SCHEDULE: ScheduleInput = {
  code: 'PERPRES-21-2023',
  name: 'Jam kerja Perpres 21/2023',
  kind: 'fixed',
  regulation: 'Perpres 21/2023 tentang Hari Kerja dan Jam Kerja Instansi Pemerintah: 37,5 jam/minggu, mulai 07.30',
  days: [
    ...[1, 2, 3, 4].map((weekday) => ({ weekday, isWorkingDay: true, startTime: '07:30', endTime: '16:00', breakMinutes: 60 })),
    { weekday: 5, isWorkingDay: true, startTime: '07:30', endTime: '16:30', breakMinutes: 90 },
    ...weekend,
  ],
};

/**
 * Ramadan: 32.5 h/week, start 08.00 (Perpres 21/2023); Mon–Thu 08.00–15.00 with 30 min break,
 * Fri 08.00–15.30 with 60 min break, as in the MenPANRB circulars for Ramadan [V].
 */
export const RAMADAN_SCHEDULE: ScheduleInput = {
  code: 'RAMADAN-1447H',
  name: 'Jam kerja bulan Ramadan 1447 H',
  kind: 'fixed',
  regulation: 'Perpres 21/2023 (Ramadan 32,5 jam/minggu, mulai 08.00); rincian jam menurut Surat Edaran MenPANRB [V]',
  days: [
    ...[1, 2, 3, 4].map((weekday) => ({ weekday, isWorkingDay: true, startTime: '08:00', endTime: '15:00', breakMinutes: 30 })),
    { weekday: 5, isWorkingDay: true, startTime: '08:00', endTime: '15:30', breakMinutes: 60 },
    ...weekend,
  ],
};

/** Region-wide assignments made with the schedules; dates are data an admin edits later. */
export const DEFAULT_SCHEDULE_START = '2026-01-01';

/**
 * 1 Ramadan 1447 H ≈ 19 February 2026; Idul Fitri 1 Syawal = 21 March 2026 (SKB 2026), so the
 * Ramadan schedule ends on 20 March. [V] Verify against the Kemenag isbat decision; edit the
 * assignment when it differs.
 */
export const RAMADAN_1447_PERIOD = { startDate: '2026-02-19', endDate: '2026-03-20', source: 'Perkiraan awal Ramadan 1447 H (sidang isbat Kemenag) [V]' } as const;

/** Ramadan outranks the default schedule for the same (region) target. */
export const RAMADAN_PRIORITY = 10;
