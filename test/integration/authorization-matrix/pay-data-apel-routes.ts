/**
 * Matrix rows of the TPP inputs recorded by administrators: employee pay data (CPNS status, salary
 * for the BPJS cap) and ceremonies (apel schedules, attendance of one apel). Admin BKPSDM anywhere,
 * an admin OPD for their own units; regency-wide readers read apel attendance; everyone signed in
 * reads the apel schedules. Targets are in OPD A and fresh per request.
 */
import { expect } from 'vitest';
import { createApelSchedule } from '../../../src/server/modules/attendance/apel/apel-schedules.service';
import { createPayData } from '../../../src/server/modules/tpp/pay-data/pay-data.service';
import { systemContext } from '../../../src/server/platform/actor';
import { csv, multipart } from '../../fixtures/import/sheets';
import { AUTHENTICATED, ORG_READERS, ORG_WRITERS, request, type MatrixRow } from './row-helpers';
import type { World } from './world';

/** A TMT no other cell uses: one day per serial number from 2000 on. */
const uniqueTmt = (w: World) => new Date(Date.UTC(2000, 0, 1) + w.serial() * 86_400_000).toISOString().slice(0, 10);
const payBody = (w: World) => ({ effectiveFrom: uniqueTmt(w), isCpns: false, baseSalary: 3_000_000, familyAllowance: 0, positionAllowance: 185_000, professionAllowance: 0, decreeNumber: null, note: null });
const system = (w: World) => systemContext('authorization-matrix', w.t.clock, 'Asia/Jakarta');

async function createPayRow(w: World): Promise<string> {
  const { id } = await w.t.handle.db.transaction((tx) => createPayData(tx, system(w), { ...payBody(w), employeeId: w.a.staff.id }));
  return id;
}

/** OPD A's own Monday apel (the matrix's "today", 2 March 2026, is a Monday). */
const APEL_DAY = '2026-03-02';
async function createSchedule(w: World): Promise<string> {
  const { id } = await w.t.handle.db.transaction((tx) =>
    createApelSchedule(tx, system(w), { name: w.unique('Apel matriks'), unitId: w.a.unit.id, weekdays: [1], dates: [], startTime: '07:00', endTime: '07:45', effectiveFrom: '2026-01-01', effectiveTo: null, isActive: true, note: null }),
  );
  return id;
}
const scheduleBody = (w: World) => ({ name: w.unique('Apel bidang'), unitId: w.a.bidang.id, weekdays: [1], dates: [], startTime: '07:00', endTime: '07:45', effectiveFrom: '2026-01-01', effectiveTo: null, isActive: true, note: null });

export const PAY_DATA_APEL_MATRIX: readonly MatrixRow[] = [
  // ---------- pay data ----------
  {
    route: 'GET /api/tpp/pay-data',
    access: ORG_WRITERS,
    run: request(() => ({ method: 'GET', url: '/api/tpp/pay-data?date=2026-03-01&pageSize=200' })),
    verifyAllowed: (response, w) => expect((response.json() as { items: { id: string }[] }).items.map((item) => item.id)).toContain(w.a.staff.id),
  },
  { route: 'GET /api/tpp/pay-data/employees/:employeeId', access: ORG_WRITERS, run: request((w) => ({ method: 'GET', url: `/api/tpp/pay-data/employees/${w.a.staff.id}` })) },
  {
    route: 'POST /api/tpp/pay-data',
    access: ORG_WRITERS,
    run: request((w) => ({ method: 'POST', url: '/api/tpp/pay-data', payload: { ...payBody(w), employeeId: w.a.staff.id } })),
    verifyAllowed: (response, w) => expect(response.json()).toMatchObject({ employeeId: w.a.staff.id, bpjsIncome: 3_185_000 }),
  },
  { route: 'PUT /api/tpp/pay-data/:id', access: ORG_WRITERS, run: request(async (w) => ({ method: 'PUT', url: `/api/tpp/pay-data/${await createPayRow(w)}`, payload: { ...payBody(w), baseSalary: 3_100_000 } })) },
  { route: 'DELETE /api/tpp/pay-data/:id', access: ORG_WRITERS, run: request(async (w) => ({ method: 'DELETE', url: `/api/tpp/pay-data/${await createPayRow(w)}` })) },
  {
    route: 'POST /api/tpp/pay-data/import',
    access: ORG_WRITERS,
    run: request((w) => {
      const body = multipart(csv([['nip', 'tmt', 'cpns', 'gaji_pokok'], [w.a.staff.nip, uniqueTmt(w), 'tidak', '3000000']]), 'gaji.csv');
      return { method: 'POST', url: '/api/tpp/pay-data/import?dryRun=false', payload: body.payload, headers: body.headers };
    }),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ errors: [], created: 1, isCommitted: true }),
  },
  { route: 'GET /api/tpp/pay-data/template.xlsx', access: ORG_WRITERS, run: request(() => ({ method: 'GET', url: '/api/tpp/pay-data/template.xlsx' })) },

  // ---------- apel ----------
  { route: 'GET /api/attendance/apel-schedules', access: AUTHENTICATED, run: request((w) => ({ method: 'GET', url: `/api/attendance/apel-schedules?unitId=${w.a.bidang.id}` })) },
  {
    route: 'POST /api/attendance/apel-schedules',
    access: ORG_WRITERS,
    run: request((w) => ({ method: 'POST', url: '/api/attendance/apel-schedules', payload: scheduleBody(w) })),
    verifyAllowed: (response, w) => expect(response.json()).toMatchObject({ unitId: w.a.bidang.id, weekdays: [1] }),
  },
  { route: 'PUT /api/attendance/apel-schedules/:id', access: ORG_WRITERS, run: request(async (w) => ({ method: 'PUT', url: `/api/attendance/apel-schedules/${await createSchedule(w)}`, payload: { ...scheduleBody(w), unitId: w.a.unit.id, isActive: false } })) },
  {
    route: 'GET /api/attendance/apel-attendance',
    access: ORG_READERS,
    run: request(async (w) => ({ method: 'GET', url: `/api/attendance/apel-attendance?scheduleId=${await createSchedule(w)}&date=${APEL_DAY}&unitId=${w.a.unit.id}` })),
    verifyAllowed: (response, w) => expect((response.json() as { items: { employeeId: string }[] }).items.map((item) => item.employeeId)).toContain(w.a.staff.id),
  },
  {
    route: 'PUT /api/attendance/apel-attendance',
    access: ORG_WRITERS,
    run: request(async (w) => ({ method: 'PUT', url: '/api/attendance/apel-attendance', payload: { scheduleId: await createSchedule(w), date: APEL_DAY, entries: [{ employeeId: w.a.staff.id, status: 'dispensasi', note: 'Tugas luar' }] } })),
    verifyAllowed: (response) => expect(response.json()).toEqual({ changed: 1 }),
  },
];
