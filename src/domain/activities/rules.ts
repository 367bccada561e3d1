import { z } from 'zod';

/**
 * Daily-activity rules of a region as versioned data (activity_rule_sets.rules), each version with
 * an effective date and the regulation it implements. The defaults follow Perka BKN 19/2011
 * (300 effective minutes a day); regions differ (Kemenag Sulbar caps 450, Kalbar requires 510), so
 * every number here is data.
 */
export const entryDeadlineSchema = z.discriminatedUnion('kind', [
  /** Entries for day D close at the end of day D + days (0 = same day by midnight, Bengkulu 2018). */
  z.object({ kind: z.literal('days_after'), days: z.number().int().min(0).max(62) }),
  /** Entries for a month close at the end of day `day` of the next month (many regions: day 3–5). */
  z.object({ kind: z.literal('day_of_next_month'), day: z.number().int().min(1).max(28) }),
]);
export type EntryDeadline = z.infer<typeof entryDeadlineSchema>;

export const LEAVE_DAY_TREATMENTS = ['exclude', 'credit'] as const;
export type LeaveDayTreatment = (typeof LEAVE_DAY_TREATMENTS)[number];

export const activityRulesSchema = z
  .object({
    /** Effective minutes expected per working day (Perka BKN 19/2011: 300). */
    dailyNormMinutes: z.number().int().min(30, { message: 'Norma harian minimal 30 menit' }).max(720, { message: 'Norma harian maksimal 720 menit' }),
    /** Most minutes one person may claim on one day (e.g. 300, 450, 510). */
    dailyCapMinutes: z.number().int().min(30).max(1440, { message: 'Batas harian maksimal 1440 menit' }),
    entryDeadline: entryDeadlineSchema,
    /** Decisions for day D are due by this deadline; after it the entry goes to the next superior up. */
    approvalDeadline: entryDeadlineSchema,
    /** Whether a day of approved leave / duty (cuti, sakit, izin …) accepts entries. */
    allowEntriesOnLeave: z.boolean(),
    /** Whether holidays and weekly days off accept entries (e.g. duty on a Saturday). */
    allowEntriesOnDaysOff: z.boolean(),
    /**
     * How leave and duty days count in productivity [R]: 'exclude' removes them from the denominator,
     * 'credit' counts them as the daily norm approved.
     */
    leaveDays: z.enum(LEAVE_DAY_TREATMENTS, { message: 'Perlakuan hari cuti harus exclude atau credit' }),
    /** Entries of the same text on at least this many days (or people) in a month are flagged as repeated. */
    repeatedTextThreshold: z.number().int().min(2).max(31),
  })
  .superRefine((rules, ctx) => {
    if (rules.dailyCapMinutes < rules.dailyNormMinutes) {
      ctx.addIssue({ code: 'custom', path: ['dailyCapMinutes'], message: 'Batas harian tidak boleh lebih kecil dari norma harian' });
    }
  });

export type ActivityRules = z.infer<typeof activityRulesSchema>;

/** Perka BKN 19/2011: 300 effective minutes a day; entry by day 5 of the next month. */
export const DEFAULT_ACTIVITY_RULES: ActivityRules = {
  dailyNormMinutes: 300,
  dailyCapMinutes: 450,
  entryDeadline: { kind: 'day_of_next_month', day: 5 },
  approvalDeadline: { kind: 'day_of_next_month', day: 10 },
  allowEntriesOnLeave: false,
  allowEntriesOnDaysOff: true,
  leaveDays: 'exclude',
  repeatedTextThreshold: 5,
};

export const DEFAULT_ACTIVITY_REGULATION = 'Perka BKN No. 19 Tahun 2011 (waktu kerja efektif 300 menit/hari)';
