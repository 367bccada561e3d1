import { and, count, gte, isNull, lte, ne } from 'drizzle-orm';
import { z } from 'zod';
import { createRuleSetRequest, scheduleRequest } from '../../../../contracts/attendance-schedules';
import { DEFAULT_ATTENDANCE_RULES } from '../../../../domain/attendance/rules';
import type { Database, Executor } from '../../../db/client';
import { attendanceRuleSets, holidays } from '../../../db/schema';
import { systemContext, type RequestContext } from '../../../platform/actor';
import type { Clock } from '../../../platform/clock';
import { createHoliday } from '../holidays/holidays.service';
import { createRuleSet } from '../rule-sets/rule-sets.service';
import { createScheduleAssignment } from '../schedules/schedule-assignments.service';
import { findScheduleByCode } from '../schedules/schedules.repository';
import { createSchedule } from '../schedules/schedules.service';
import holidays2026 from './holidays-2026.json' with { type: 'json' };
import { DEFAULT_SCHEDULE, DEFAULT_SCHEDULE_START, RAMADAN_1447_PERIOD, RAMADAN_PRIORITY, RAMADAN_SCHEDULE } from './reference-schedules';
import { findRegionZone } from '../../../platform/region-zone';

const holidayFile = z.object({
  source: z.string(),
  year: z.number().int(),
  nationalHolidays: z.array(z.object({ date: z.iso.date(), name: z.string() })),
  cutiBersama: z.array(z.object({ date: z.iso.date(), name: z.string() })),
});

export const DEFAULT_RULE_SET = {
  name: 'Aturan presensi baku',
  effectiveFrom: '2020-01-01',
  regulation:
    'Tabel potongan tukin pusat yang diadopsi banyak Perbup (TL/PSW 1–30, 31–60, 61–90, ≥ 91 menit); cuti tahunan 12 hari kerja (PP 11/2017, Peraturan BKN 24/2017), sisa cuti yang dapat dibawa ke tahun berikut [V]',
  rules: DEFAULT_ATTENDANCE_RULES,
};

export interface ReferenceSeedSummary {
  schedulesCreated: string[];
  ruleSetCreated: boolean;
  holidaysCreated: number;
}

async function seedSchedule(tx: Executor, ctx: RequestContext, input: z.input<typeof scheduleRequest>, assignment: { startDate: string; endDate: string | null; priority: number; note: string }): Promise<boolean> {
  if (await findScheduleByCode(tx, input.code)) return false;
  const { id } = await createSchedule(tx, ctx, scheduleRequest.parse(input));
  await createScheduleAssignment(tx, ctx, { scheduleId: id, unitId: null, employeeId: null, ...assignment });
  return true;
}

/**
 * A year's national holidays and cuti bersama go in only while that year has none: once an admin
 * has the year (and may have moved or switched off a day), the seed leaves it alone.
 */
async function seedHolidayYear(tx: Executor, ctx: RequestContext, file: z.infer<typeof holidayFile>): Promise<number> {
  const [existing] = await tx
    .select({ total: count() })
    .from(holidays)
    .where(and(gte(holidays.date, `${file.year}-01-01`), lte(holidays.date, `${file.year}-12-31`), isNull(holidays.unitId), ne(holidays.kind, 'daerah')));
  if ((existing?.total ?? 0) > 0) return 0;
  const entries = [
    ...file.nationalHolidays.map((day) => ({ ...day, kind: 'nasional' as const })),
    ...file.cutiBersama.map((day) => ({ ...day, kind: 'cuti_bersama' as const })),
  ];
  for (const entry of entries) await createHoliday(tx, ctx, { date: entry.date, name: entry.name, kind: entry.kind, unitId: null, source: file.source });
  return entries.length;
}

/**
 * Reference data every installation needs (not demo data): the Perpres 21/2023 schedule for the
 * whole region, the Ramadan 1447 H schedule, the default attendance rule set and the 2026
 * holidays. Idempotent: what exists is left as the admins edited it. One transaction.
 */
export async function seedAttendanceReferenceData(db: Database, clock: Clock): Promise<ReferenceSeedSummary> {
  const ctx = systemContext('seed-referensi-presensi', clock, await findRegionZone(db));
  return db.transaction(async (tx) => {
    const schedulesCreated: string[] = [];
    if (await seedSchedule(tx, ctx, DEFAULT_SCHEDULE, { startDate: DEFAULT_SCHEDULE_START, endDate: null, priority: 0, note: 'Jadwal baku seluruh daerah' })) {
      schedulesCreated.push(DEFAULT_SCHEDULE.code);
    }
    if (
      await seedSchedule(tx, ctx, RAMADAN_SCHEDULE, {
        startDate: RAMADAN_1447_PERIOD.startDate,
        endDate: RAMADAN_1447_PERIOD.endDate,
        priority: RAMADAN_PRIORITY,
        note: RAMADAN_1447_PERIOD.source,
      })
    ) {
      schedulesCreated.push(RAMADAN_SCHEDULE.code);
    }
    const [ruleSetCount] = await tx.select({ total: count() }).from(attendanceRuleSets);
    const ruleSetCreated = (ruleSetCount?.total ?? 0) === 0;
    if (ruleSetCreated) await createRuleSet(tx, ctx, createRuleSetRequest.parse(DEFAULT_RULE_SET));
    const holidaysCreated = await seedHolidayYear(tx, ctx, holidayFile.parse(holidays2026));
    return { schedulesCreated, ruleSetCreated, holidaysCreated };
  });
}
