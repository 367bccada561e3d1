import { seedAttendanceReferenceData } from '../../src/server/modules/attendance/reference-data/seed-attendance-reference-data';
import { createEmployeeFixture, createOpdFixture, createUnitFixture, type EmployeeFixture, type OpdFixture } from './factories';
import { createTestApp, type TestApp } from './test-app';

/**
 * The start of the daily-attendance tests: an app at `now` with the reference schedules and
 * holidays, an OPD (head, kepala bidang, staff, in WIB) and an employee of an OPD in WIT
 * (Asia/Jayapura), the far side of the zones a regency's units use.
 */
export async function startAttendanceTest(now: string): Promise<{ t: TestApp; opd: OpdFixture; papuan: EmployeeFixture }> {
  const t = await createTestApp({ now });
  const db = t.handle.db;
  await seedAttendanceReferenceData(db, t.clock);
  const opd = await createOpdFixture(db, t.clock);
  const papua = await createUnitFixture(db, t.clock, { kind: 'opd', timeZone: 'Asia/Jayapura' });
  const papuan = await createEmployeeFixture(db, t.clock, { unitId: papua.id });
  return { t, opd, papuan };
}
