import { z } from 'zod';
import { month } from './activities-approval';
import { isoDate } from './common';

/** Monthly productivity of daily activities (issue 4 §4); percentages in basis points (10,000 = 100 %). */
export const PRODUCTIVITY_DAY_KINDS = ['working', 'leave_excluded', 'leave_credited', 'day_off'] as const;

export const productivityQuery = z.object({
  /** Default: me. */
  employeeId: z.uuid({ message: 'ID pegawai tidak valid' }).optional(),
  /** Default: this month. */
  month: month.optional(),
});

export const subordinateProductivityQuery = z.object({ month: month.optional() });

export const unitProductivityQuery = z.object({
  unitId: z.uuid({ message: 'ID unit tidak valid' }),
  month: month.optional(),
});

export const productivityDay = z.object({
  date: isoDate,
  kind: z.enum(PRODUCTIVITY_DAY_KINDS),
  normMinutes: z.number().int(),
  approvedMinutes: z.number().int(),
  countedMinutes: z.number().int(),
  targetMinutes: z.number().int(),
  /** Submitted, not yet decided: would count once approved. */
  pendingMinutes: z.number().int(),
});

export const productivitySummary = z.object({
  employeeId: z.uuid(),
  employeeName: z.string(),
  employeeNip: z.string(),
  unitId: z.uuid().nullable(),
  approvedMinutes: z.number().int(),
  countedMinutes: z.number().int(),
  creditedMinutes: z.number().int(),
  targetMinutes: z.number().int(),
  pendingMinutes: z.number().int(),
  effectiveWorkingDays: z.number().int(),
  leaveDays: z.number().int(),
  /** 0–10,000, rounded down; null when the month has no target day (e.g. a month of leave). */
  percentBasisPoints: z.number().int().nullable(),
});
export type ProductivitySummary = z.infer<typeof productivitySummary>;

export const employeeProductivity = productivitySummary
  .extend({
    month,
    /** The last day counted: the end of the month, or today for the current month (live). */
    throughDate: isoDate,
    isPartial: z.boolean(),
    days: z.array(productivityDay),
  })
  .meta({ id: 'EmployeeProductivity' });
export type EmployeeProductivity = z.infer<typeof employeeProductivity>;

export const productivityList = z
  .object({ month, throughDate: isoDate, isPartial: z.boolean(), unitId: z.uuid().nullable(), items: z.array(productivitySummary) })
  .meta({ id: 'ProductivityList' });
export type ProductivityList = z.infer<typeof productivityList>;
