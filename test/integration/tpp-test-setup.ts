import { dailyAttendance } from '../../src/server/db/schema';
import type { Database } from '../../src/server/db/client';
import { seedActivityReferenceData } from '../../src/server/modules/activities/reference-data/seed-activity-reference-data';
import { seedAttendanceReferenceData } from '../../src/server/modules/attendance/reference-data/seed-attendance-reference-data';
import { seedTppReferenceData } from '../../src/server/modules/tpp/rule-sets/seed-tpp-reference-data';
import { createAccount } from '../helpers/factories';
import { createTestApp, loginAs, type Session, type TestApp } from '../helpers/test-app';

/** The real app with the reference data every installation starts with (attendance, activities, TPP rules). */
export async function createTppTestApp(now: string): Promise<TestApp> {
  const t = await createTestApp({ now });
  await seedAttendanceReferenceData(t.handle.db, t.clock);
  await seedActivityReferenceData(t.handle.db, t.clock);
  await seedTppReferenceData(t.handle.db, t.clock);
  return t;
}

export async function loginNew(t: TestApp, options: Parameters<typeof createAccount>[2]): Promise<Session> {
  const account = await createAccount(t.handle.db, t.clock, options);
  return loginAs(t.app, account.login, account.password);
}

/** A stored day of daily attendance, as the attendance rebuild would have written it. */
export async function storeDay(
  db: Database,
  day: { employeeId: string; unitId: string | null; date: string; status: string; lateMinutes?: number; earlyMinutes?: number },
): Promise<void> {
  await db
    .insert(dailyAttendance)
    .values({
      employeeId: day.employeeId,
      unitId: day.unitId,
      date: day.date,
      status: day.status,
      lateMinutes: day.lateMinutes ?? 0,
      earlyMinutes: day.earlyMinutes ?? 0,
      isFinal: true,
      computedAt: new Date(`${day.date}T12:00:00Z`),
    })
    .onConflictDoUpdate({
      target: [dailyAttendance.employeeId, dailyAttendance.date],
      set: { status: day.status, lateMinutes: day.lateMinutes ?? 0, earlyMinutes: day.earlyMinutes ?? 0 },
    });
}

/** Σ of an explanation's lines, by the sections that make up a total (tpp-result.ts). */
export function sumSections(lines: readonly { section: string; effect: number }[], ...sections: string[]): number {
  return lines.filter((line) => sections.includes(line.section)).reduce((sum, line) => sum + line.effect, 0);
}

/** An activity entry row written straight into the table (an additional task of `minutes`, approved in full when approved). */
export const activityEntryRow = (employeeId: string, unitId: string, workDate: string, minutes: number, status: 'approved' | 'submitted' | 'draft', submittedAt: string | null) => ({
  employeeId,
  unitId,
  workDate,
  startTime: '08:00',
  endTime: '16:00',
  isAdditionalTask: true,
  title: 'Tugas uji',
  volume: 1,
  outputUnit: 'kegiatan',
  claimedMinutes: minutes,
  approvedMinutes: status === 'approved' ? minutes : null,
  status,
  submittedAt: submittedAt === null ? null : new Date(submittedAt),
});
