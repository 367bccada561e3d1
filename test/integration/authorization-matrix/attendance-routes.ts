/**
 * Matrix rows of the attendance routes (issue 3): devices and punches, leave/duty requests, daily
 * attendance, schedules, holidays and rule sets. Who may do what is read from each route's
 * `config.access` and its service's scope checks; targets are in OPD A and fresh per request.
 */
import { expect } from 'vitest';
import { punches } from '../../../src/server/db/schema';
import { DEFAULT_RULE_SET } from '../../../src/server/modules/attendance/reference-data/seed-attendance-reference-data';
import { csv, multipart } from '../../fixtures/import/sheets';
import { attendanceOf, FIXED_WEEK, oneDayRequest, PNG, type AttendanceWorld } from './attendance-world';
import type { RouteKey } from './list-routes';
import { AUTHENTICATED, only, ORG_READERS, ORG_WRITERS, request, type MatrixRow } from './row-helpers';
import type { Caller, World } from './world';

/**
 * Writes open to employees for their own business: asking for leave, deciding as the superior of
 * record, withdrawing, attaching a letter. Every other write stays closed to non-administrators.
 */
export const SELF_SERVICE_WRITES: readonly RouteKey[] = [
  'POST /api/attendance/requests',
  'POST /api/attendance/requests/:id/decision',
  'POST /api/attendance/requests/:id/cancel',
  'POST /api/attendance/attachments',
];

/** Callers with an employee record (the pegawai and the atasan); the others are accounts without one. */
const EMPLOYEES_ONLY = only('pegawai', 'atasan');
const BKPSDM_ONLY = only('admin_bkpsdm');

type AttendanceBuild = (w: World, at: AttendanceWorld, caller: Caller) => Promise<Parameters<World['send']>[1]> | Parameters<World['send']>[1];
const attendance = (build: AttendanceBuild) => request(async (w, caller) => build(w, await attendanceOf(w), caller));
const read = (url: (w: World, at: AttendanceWorld, caller: Caller) => string) => attendance((w, at, caller) => ({ method: 'GET', url: url(w, at, caller) }));
const write = (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: (w: World, at: AttendanceWorld) => string | Promise<string>, payload?: (w: World, at: AttendanceWorld) => object | Promise<object>) =>
  attendance(async (w, at) => ({ method, url: await url(w, at), ...(payload ? { payload: await payload(w, at) } : {}) }));

/** Inserts a punch held as implausible_time (local time in 2000) on OPD A's device; returns its id. */
async function heldForTime(w: World, at: AttendanceWorld): Promise<number> {
  const [row] = await w.t.handle.db
    .insert(punches)
    .values({ serialNumber: at.deviceA.serialNumber, pin: String(w.serial()), localTime: '2000-01-01 08:00:00', instant: new Date('2000-01-01T01:00:00Z'), source: 'file', reviewStatus: 'implausible_time' })
    .returning({ id: punches.id });
  if (!row) throw new Error('no punch');
  return row.id;
}

const hasEmployee = (caller: Caller) => caller === 'pegawai' || caller === 'atasan';

export const ATTENDANCE_MATRIX: readonly MatrixRow[] = [
  // ---------- devices and punches (readers: admins, pimpinan, auditor; writers: admins in scope) ----------
  { route: 'GET /api/devices', access: ORG_READERS, run: read(() => '/api/devices') },
  {
    route: 'GET /api/devices/:id',
    access: ORG_READERS,
    run: read((_, at) => `/api/devices/${at.deviceA.id}`),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ status: 'active' }),
  },
  {
    route: 'POST /api/devices',
    access: ORG_WRITERS,
    run: write('POST', () => '/api/devices', (w) => ({ serialNumber: w.unique('MTXBARU'), name: 'Mesin Lobi Uji', unitId: w.a.unit.id })),
  },
  { route: 'PATCH /api/devices/:id', access: ORG_WRITERS, run: write('PATCH', (_, at) => `/api/devices/${at.deviceA.id}`, (w) => ({ location: `Lobi ${w.unique('lantai')}` })) },
  {
    route: 'POST /api/devices/:id/approve',
    access: ORG_WRITERS,
    run: write('POST', async (w, at) => `/api/devices/${(await at.createDevice(w.a, { disabled: true })).id}/approve`, () => ({})),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ status: 'active' }),
  },
  {
    route: 'POST /api/devices/:id/disable',
    access: ORG_WRITERS,
    run: write('POST', async (w, at) => `/api/devices/${(await at.createDevice(w.a)).id}/disable`),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ status: 'disabled' }),
  },
  { route: 'GET /api/devices/:id/mappings', access: ORG_READERS, run: read((_, at) => `/api/devices/${at.deviceA.id}/mappings`) },
  {
    route: 'POST /api/devices/:id/mappings',
    access: ORG_WRITERS,
    run: write('POST', (_, at) => `/api/devices/${at.deviceA.id}/mappings`, (w) => ({ pin: String(w.serial()), employeeId: w.a.staff.id, startDate: '2026-01-01' })),
  },
  {
    route: 'PATCH /api/devices/:id/mappings/:mappingId',
    access: ORG_WRITERS,
    run: write('PATCH', async (_, at) => `/api/devices/${at.deviceA.id}/mappings/${await at.createMapping(at.deviceA.id)}`, () => ({ endDate: '2026-12-31' })),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ mapping: { endDate: '2026-12-31' } }),
  },
  {
    route: 'DELETE /api/devices/:id/mappings/:mappingId',
    access: ORG_WRITERS,
    run: write('DELETE', async (_, at) => `/api/devices/${at.deviceA.id}/mappings/${await at.createMapping(at.deviceA.id)}`),
  },
  { route: 'GET /api/devices/:id/commands', access: ORG_READERS, run: read((_, at) => `/api/devices/${at.deviceA.id}/commands`) },
  { route: 'POST /api/devices/:id/commands', access: ORG_WRITERS, run: write('POST', (_, at) => `/api/devices/${at.deviceA.id}/commands`, () => ({ kind: 'check' })) },
  { route: 'GET /api/punches/held', access: ORG_READERS, run: read(() => '/api/punches/held') },
  {
    // A fresh punch held for its time (device clock reset to 2000) on OPD A's device, per request.
    route: 'POST /api/punches/held/:id/review',
    access: ORG_WRITERS,
    run: write('POST', async (w, at) => `/api/punches/held/${await heldForTime(w, at)}/review`, () => ({ decision: 'dismiss', reason: 'Jam mesin sempat kembali ke tahun 2000' })),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ decision: 'dismiss', dismissed: 1 }),
  },
  {
    route: 'POST /api/punches/held/review',
    access: ORG_WRITERS,
    run: write('POST', () => '/api/punches/held/review', (_, at) => ({ deviceId: at.deviceA.id, from: '2000-01-01', to: '2000-12-31', decision: 'dismiss', reason: 'Jam mesin sempat kembali ke tahun 2000' })),
  },
  {
    route: 'POST /api/punches/import',
    access: ORG_WRITERS,
    // A dry run: checked in full (device in scope included) but nothing stored.
    run: attendance((_, at) => {
      const body = multipart(csv([['PIN', 'Tanggal', 'Jam'], ['7001', '02/03/2026', '07:31']]), 'log.csv');
      return { method: 'POST', url: `/api/punches/import?serialNumber=${at.deviceA.serialNumber}`, payload: body.payload, headers: body.headers };
    }),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ errors: [], validRows: 1 }),
  },

  // ---------- leave and duty requests (A's staff member = the pegawai, whose approver is the atasan) ----------
  {
    route: 'GET /api/attendance/requests',
    access: AUTHENTICATED,
    // Employees list their own; accounts without an employee record list a unit they may read.
    run: read((w, _, caller) => (hasEmployee(caller) ? '/api/attendance/requests' : `/api/attendance/requests?scope=unit&unitId=${w.a.unit.id}`)),
  },
  {
    route: 'GET /api/attendance/requests/:id',
    access: AUTHENTICATED,
    run: read((_, at) => `/api/attendance/requests/${at.requestA.id}`),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ status: 'diajukan' }),
  },
  {
    route: 'POST /api/attendance/requests',
    access: EMPLOYEES_ONLY,
    run: attendance(async (w, at, caller) => {
      const employeeId = caller === 'atasan' ? w.a.bidangHead.id : w.a.staff.id;
      return { method: 'POST', url: '/api/attendance/requests', payload: oneDayRequest(await at.nextWorkingDate(employeeId)) };
    }),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ status: 'diajukan' }),
  },
  {
    route: 'POST /api/attendance/requests/record',
    access: ORG_WRITERS,
    run: write('POST', () => '/api/attendance/requests/record', async (w, at) => ({ employeeId: w.a.staff.id, ...oneDayRequest(await at.nextWorkingDate(w.a.staff.id), 'Surat izin menyusul') })),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ status: 'disetujui' }),
  },
  {
    route: 'POST /api/attendance/requests/:id/decision',
    // Only the approver of record; the employee themselves and administrators may not decide.
    access: only('atasan'),
    run: write('POST', async (_, at) => `/api/attendance/requests/${await at.submitAsPegawai()}/decision`, () => ({ decision: 'disetujui' })),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ status: 'disetujui' }),
  },
  {
    route: 'POST /api/attendance/requests/:id/cancel',
    // The employee withdraws; an admin of the employee's unit may revoke; the superior may not.
    access: only('pegawai', 'admin_opd', 'admin_bkpsdm'),
    run: write('POST', async (_, at) => `/api/attendance/requests/${await at.submitAsPegawai()}/cancel`),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ status: 'dibatalkan' }),
  },
  {
    route: 'GET /api/attendance/leave-balance',
    access: AUTHENTICATED,
    run: read((w) => `/api/attendance/leave-balance?employeeId=${w.a.staff.id}&year=2026`),
  },
  {
    route: 'POST /api/attendance/attachments',
    // Someone who can use the file: an employee (own request) or an admin (recorded request).
    // Pimpinan and auditor are read-only and can attach to nothing.
    access: only('pegawai', 'atasan', 'admin_opd', 'admin_bkpsdm'),
    run: attendance(() => {
      const body = multipart(PNG, 'lampiran.png');
      return { method: 'POST', url: '/api/attendance/attachments', payload: body.payload, headers: body.headers };
    }),
  },
  {
    route: 'GET /api/attendance/attachments/:id',
    access: AUTHENTICATED,
    run: read((_, at) => `/api/attendance/attachments/${at.requestA.attachmentId}`),
    verifyAllowed: (response) => expect(response.rawPayload.equals(PNG)).toBe(true),
  },

  // ---------- daily attendance ----------
  { route: 'GET /api/attendance/daily', access: AUTHENTICATED, run: read((w) => `/api/attendance/daily?employeeId=${w.a.staff.id}&from=2026-03-01&to=2026-03-31`) },
  // The superior's view of their own direct subordinates (the caller 'atasan' heads OPD A's staff).
  {
    route: 'GET /api/attendance/subordinates/day',
    access: only('atasan'),
    run: read(() => '/api/attendance/subordinates/day?date=2026-03-02'),
    verifyAllowed: (response, w) => expect((response.json() as { items: { employeeId: string }[] }).items.map((item) => item.employeeId)).toContain(w.a.staff.id),
  },
  { route: 'GET /api/attendance/subordinates/month', access: only('atasan'), run: read(() => '/api/attendance/subordinates/month?month=2026-03') },
  { route: 'GET /api/attendance/board', access: ORG_READERS, run: read((w) => `/api/attendance/board?unitId=${w.a.unit.id}`) },
  { route: 'GET /api/attendance/recap', access: ORG_READERS, run: read((w) => `/api/attendance/recap?unitId=${w.a.unit.id}&month=2026-03`) },
  {
    route: 'GET /api/attendance/recap.xlsx',
    access: ORG_READERS,
    run: read((w) => `/api/attendance/recap.xlsx?unitId=${w.a.unit.id}&month=2026-03`),
    verifyAllowed: (response) => expect(response.headers['content-type']).toContain('spreadsheetml'),
  },
  {
    route: 'GET /api/attendance/recap.pdf',
    access: ORG_READERS,
    run: read((w) => `/api/attendance/recap.pdf?unitId=${w.a.unit.id}&month=2026-03`),
    verifyAllowed: (response) => expect(response.headers['content-type']).toBe('application/pdf'),
  },

  // ---------- schedules (region-wide definitions: BKPSDM; assignments and rosters: admins in scope) ----------
  { route: 'GET /api/attendance/schedules', access: AUTHENTICATED, run: read(() => '/api/attendance/schedules') },
  { route: 'GET /api/attendance/schedules/:id', access: AUTHENTICATED, run: read((_, at) => `/api/attendance/schedules/${at.fixedScheduleId}`) },
  {
    route: 'POST /api/attendance/schedules',
    access: BKPSDM_ONLY,
    run: write('POST', () => '/api/attendance/schedules', (w) => ({ code: w.unique('MTX-JDW-BARU'), name: 'Jadwal Uji Baru', kind: 'fixed', days: FIXED_WEEK })),
  },
  {
    route: 'PUT /api/attendance/schedules/:id',
    access: BKPSDM_ONLY,
    run: attendance(async (w, at) => {
      const current = (await w.send('admin_bkpsdm', { method: 'GET', url: `/api/attendance/schedules/${at.fixedScheduleId}` })).json<{ code: string }>();
      return { method: 'PUT', url: `/api/attendance/schedules/${at.fixedScheduleId}`, payload: { code: current.code, name: `Jadwal Uji ${w.unique('nama')}`, kind: 'fixed', days: FIXED_WEEK } };
    }),
  },
  {
    route: 'POST /api/attendance/schedules/:id/deactivate',
    access: BKPSDM_ONLY,
    run: write('POST', async (_, at) => `/api/attendance/schedules/${await at.createSchedule()}/deactivate`),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ isActive: false }),
  },
  {
    route: 'POST /api/attendance/schedules/:id/activate',
    access: BKPSDM_ONLY,
    run: write('POST', async (_, at) => `/api/attendance/schedules/${await at.createSchedule({ isActive: false })}/activate`),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ isActive: true }),
  },
  { route: 'GET /api/attendance/schedule-assignments', access: ORG_READERS, run: read((w) => `/api/attendance/schedule-assignments?unitId=${w.a.unit.id}`) },
  {
    route: 'POST /api/attendance/schedule-assignments',
    access: ORG_WRITERS,
    run: write('POST', () => '/api/attendance/schedule-assignments', async (w, at) => ({
      scheduleId: at.fixedScheduleId,
      employeeId: (await w.createLooseEmployee(w.a)).id,
      startDate: '2026-04-01',
    })),
  },
  {
    route: 'PATCH /api/attendance/schedule-assignments/:id',
    access: ORG_WRITERS,
    run: write('PATCH', async (w, at) => `/api/attendance/schedule-assignments/${await at.createAssignment(w.a)}`, () => ({ note: 'Diperbarui dalam uji matriks' })),
  },
  {
    route: 'DELETE /api/attendance/schedule-assignments/:id',
    access: ORG_WRITERS,
    run: write('DELETE', async (w, at) => `/api/attendance/schedule-assignments/${await at.createAssignment(w.a)}`),
  },
  { route: 'GET /api/attendance/shift-rosters', access: AUTHENTICATED, run: read((w) => `/api/attendance/shift-rosters?month=2026-03&employeeId=${w.a.staff.id}`) },
  {
    route: 'PUT /api/attendance/shift-rosters',
    access: ORG_WRITERS,
    run: write('PUT', () => '/api/attendance/shift-rosters', async (w, at) => ({
      month: '2026-05',
      entries: [{ employeeId: (await w.createLooseEmployee(w.a)).id, date: '2026-05-04', shiftId: at.shiftId }],
    })),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ employeeCount: 1, entryCount: 1 }),
  },
  { route: 'GET /api/attendance/work-days', access: AUTHENTICATED, run: read((w) => `/api/attendance/work-days?employeeId=${w.a.staff.id}&from=2026-03-01&to=2026-03-31`) },

  // ---------- holidays (a regional day of A: its admin OPD too) and rule sets (BKPSDM) ----------
  { route: 'GET /api/attendance/holidays', access: AUTHENTICATED, run: read(() => '/api/attendance/holidays?year=2026') },
  {
    route: 'POST /api/attendance/holidays',
    access: ORG_WRITERS,
    run: write('POST', () => '/api/attendance/holidays', (w, at) => ({ date: at.nextFreeDate('holiday'), name: 'Hari Jadi Kabupaten Uji', kind: 'daerah', unitId: w.a.unit.id })),
  },
  { route: 'PATCH /api/attendance/holidays/:id', access: ORG_WRITERS, run: write('PATCH', (_, at) => `/api/attendance/holidays/${at.holidayA}`, (w) => ({ name: `Hari Jadi ${w.unique('nama')}` })) },
  {
    route: 'POST /api/attendance/holidays/:id/deactivate',
    access: ORG_WRITERS,
    run: write('POST', async (w, at) => `/api/attendance/holidays/${await at.createHoliday(w.a)}/deactivate`),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ isActive: false }),
  },
  {
    route: 'POST /api/attendance/holidays/:id/activate',
    access: ORG_WRITERS,
    run: write('POST', async (w, at) => `/api/attendance/holidays/${await at.createHoliday(w.a, { isActive: false })}/activate`),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ isActive: true }),
  },
  { route: 'GET /api/attendance/rule-sets', access: AUTHENTICATED, run: read(() => '/api/attendance/rule-sets') },
  {
    route: 'POST /api/attendance/rule-sets',
    access: BKPSDM_ONLY,
    run: write('POST', () => '/api/attendance/rule-sets', (_, at) => ({ ...DEFAULT_RULE_SET, name: 'Aturan presensi uji', effectiveFrom: at.nextFreeDate('ruleSet') })),
  },
];

