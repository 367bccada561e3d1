import { z } from 'zod';
import { dailyAttendance } from './attendance-daily';
import { yearMonth } from './attendance-schedules';
import { isoDate } from './common';

/** A superior's view of their direct subordinates' attendance: one day, or one month with totals. */

export const subordinateDayQuery = z.object({ date: isoDate.optional() });
export const subordinateMonthQuery = z.object({ month: yearMonth });

const subordinatePerson = {
  employeeId: z.uuid(),
  nip: z.string(),
  fullName: z.string(),
  positionName: z.string().nullable(),
  via: z.enum(['override', 'definitif', 'plt', 'plh']),
  /** The unit's zone: in/out times are shown on its wall clock. */
  timeZone: z.string(),
};

export const subordinateDay = z.object({ ...subordinatePerson, day: dailyAttendance.nullable() });
export const subordinateDayList = z.object({ date: isoDate, items: z.array(subordinateDay) }).meta({ id: 'SubordinateAttendanceDay' });
export type SubordinateDayList = z.infer<typeof subordinateDayList>;

export const subordinateMonthSummary = z.object({
  workingDays: z.number().int(),
  present: z.number().int(),
  lateDays: z.number().int(),
  lateMinutes: z.number().int(),
  earlyDays: z.number().int(),
  earlyMinutes: z.number().int(),
  noCheckIn: z.number().int(),
  noCheckOut: z.number().int(),
  tk: z.number().int(),
  /** Leave, duty and other excused days. */
  excused: z.number().int(),
});
export type SubordinateMonthSummary = z.infer<typeof subordinateMonthSummary>;

export const subordinateMonth = z.object({ ...subordinatePerson, summary: subordinateMonthSummary, days: z.array(dailyAttendance) });
export const subordinateMonthList = z.object({ month: z.string(), items: z.array(subordinateMonth) }).meta({ id: 'SubordinateAttendanceMonth' });
export type SubordinateMonthList = z.infer<typeof subordinateMonthList>;
