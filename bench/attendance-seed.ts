/**
 * Bench organisation, loaded with direct bulk inserts (the services would audit 10,000 rows one
 * by one, which is not what is measured): a root unit, one OPD per device, the employees spread
 * evenly over them, one active ADMS device per OPD with PINs 1…n mapped to its employees, and the
 * installation's reference data (Perpres 21/2023 schedule for the region, rule set, 2026 holidays).
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../src/server/db/client';
import { devices, deviceUserMappings, employees, units } from '../src/server/db/schema';
import { seedAttendanceReferenceData } from '../src/server/modules/attendance/reference-data/seed-attendance-reference-data';
import type { Clock } from '../src/server/platform/clock';
import { BENCH_ZONE, type BenchDevice } from './attendance-data';

export interface BenchOrganisation {
  rootUnitId: string;
  devices: BenchDevice[];
  employeeCount: number;
}

const CHUNK = 1_000;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += CHUNK) await insert(rows.slice(start, start + CHUNK));
}

export async function seedBenchOrganisation(db: Database, clock: Clock, input: { employees: number; devices: number }): Promise<BenchOrganisation> {
  await seedAttendanceReferenceData(db, clock);
  const now = clock.now();
  const rootUnitId = randomUUID();
  const opds = Array.from({ length: input.devices }, (_, index) => ({ id: randomUUID(), code: `BENCH-OPD-${String(index + 1).padStart(2, '0')}` }));
  await db.insert(units).values([
    { id: rootUnitId, code: 'BENCH', name: 'Pemerintah Kabupaten Bench', kind: 'pemda', timeZone: BENCH_ZONE, createdAt: now, updatedAt: now },
    ...opds.map((opd, index) => ({ id: opd.id, code: opd.code, name: `Dinas Bench ${index + 1}`, kind: 'opd' as const, parentId: rootUnitId, timeZone: BENCH_ZONE, createdAt: now, updatedAt: now })),
  ]);

  const employeeRows = Array.from({ length: input.employees }, (_, index) => ({
    id: randomUUID(),
    // 18 digits: birth date, a fixed "appointment" 2026, then the running number.
    nip: `199001012026${String(index + 1).padStart(6, '0')}`,
    jenisAsn: 'PNS' as const,
    name: `Pegawai Bench ${index + 1}`,
    birthDate: '1990-01-01',
    gender: index % 2 === 0 ? ('L' as const) : ('P' as const),
    unitId: opds[index % input.devices]?.id ?? null,
    createdAt: now,
    updatedAt: now,
  }));
  await insertChunked(employeeRows, (chunk) => db.insert(employees).values(chunk));

  const benchDevices: BenchDevice[] = [];
  const mappingRows: (typeof deviceUserMappings.$inferInsert)[] = [];
  for (const [index, opd] of opds.entries()) {
    const deviceId = randomUUID();
    const serialNumber = `BENCH${String(index + 1).padStart(3, '0')}`;
    await db.insert(devices).values({
      id: deviceId,
      serialNumber,
      name: `Mesin ${opd.code}`,
      unitId: opd.id,
      timeZone: BENCH_ZONE,
      pushTimeZone: '7',
      status: 'active',
      protocol: 'adms',
      lastContactAt: now,
      createdAt: now,
      updatedAt: now,
    });
    const employeeIds = employeeRows.filter((row) => row.unitId === opd.id).map((row) => row.id);
    employeeIds.forEach((employeeId, pinIndex) => mappingRows.push({ deviceId, pin: String(pinIndex + 1), employeeId, startDate: '2026-01-01', endDate: null, createdAt: now, updatedAt: now }));
    benchDevices.push({ serialNumber, employeeIds });
  }
  await insertChunked(mappingRows, (chunk) => db.insert(deviceUserMappings).values(chunk));
  return { rootUnitId, devices: benchDevices, employeeCount: employeeRows.length };
}
