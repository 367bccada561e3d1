import type { Database } from '../../src/server/db/client';
import { punches } from '../../src/server/db/schema';

let serial = 0;

/**
 * A counted fingerprint punch of an employee at a WIB wall-clock time, as ingestion stores it
 * (device wall clock plus the instant in UTC).
 */
export async function storePunchFixture(db: Database, input: { employeeId: string; date: string; time: string }): Promise<void> {
  const localTime = `${input.date} ${input.time}:00`;
  const instant = new Date(`${input.date}T${input.time}:00+07:00`);
  await db.insert(punches).values({ serialNumber: 'APEL-UJI', pin: String(++serial), localTime, instant, source: 'file', employeeId: input.employeeId, reviewStatus: 'ok' });
}

/** A Monday morning apel for the whole region, 07:00–07:45 WIB, from 2026. */
export const MONDAY_APEL = {
  name: 'Apel pagi hari Senin',
  unitId: null,
  weekdays: [1],
  dates: [],
  startTime: '07:00',
  endTime: '07:45',
  effectiveFrom: '2026-01-01',
  effectiveTo: null,
  isActive: true,
  note: null,
};
