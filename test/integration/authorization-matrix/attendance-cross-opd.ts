/**
 * Attendance across the border of OPD A: A's admin OPD reaching B's devices, B's employees'
 * attendance and B's requests; an atasan or pegawai deciding a request that is not theirs to
 * decide. Reads outside scope are hidden (404) or refused (403); writes are refused and leave the
 * attendance tables and the audit trail exactly as they were. The daily-activity and SKP cases
 * (activities-cross-opd.ts, skp-cross-opd.ts) and the TPP cases (tpp-cross-opd.ts) run through the
 * same lists, with their tables in the snapshot.
 */
import { count } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import type { Database } from '../../../src/server/db/client';
import { attendanceRequests, auditLog, deviceCommands, devices, deviceUserMappings, holidays, scheduleAssignments, shiftRosters } from '../../../src/server/db/schema';
import { TEST_PASSWORD } from '../../helpers/factories';
import { loginAs } from '../../helpers/test-app';
import { ACTIVITIES_BORDER_ATTEMPTS, ACTIVITIES_BORDER_READS, prepareActivitiesBorder, snapshotActivitiesAndSkp, type ActivitiesBorder } from './activities-cross-opd';
import { attendanceOf, oneDayRequest } from './attendance-world';
import { prepareSkpBorder, SKP_BORDER_ATTEMPTS, SKP_BORDER_READS, type SkpBorder } from './skp-cross-opd';
import { prepareTppBorder, snapshotTpp, TPP_BORDER_ATTEMPTS, TPP_BORDER_READS, type TppBorder } from './tpp-cross-opd';
import type { SignedInCaller, World } from './world';

export interface AttendanceBorder {
  deviceA: string;
  deviceB: string;
  /** A schedule assignment of B's bidang, made by BKPSDM. */
  scheduleAssignmentB: string;
  mappingB: string;
  /** Pending, submitted by B's staff member; approver: B's kepala bidang. */
  pendingB: string;
  /** Approved, recorded by BKPSDM for B's staff member. */
  approvedB: string;
  /** Pending, submitted by the atasan for themselves; approver: A's head. */
  atasanOwn: string;
  /** Daily activities and SKP on both sides of the border (activities-cross-opd.ts). */
  activities: ActivitiesBorder;
  /** SKP realisation and evaluation of B (skp-cross-opd.ts). */
  skp: SkpBorder;
  /** TPP of A and B (tpp-cross-opd.ts). */
  tpp: TppBorder;
  snapshot(): Promise<Record<string, unknown>>;
}

export async function prepareAttendanceBorder(w: World): Promise<AttendanceBorder> {
  const at = await attendanceOf(w);
  const created = async (response: { statusCode: number; body: string; json<T>(): T }) => {
    if (response.statusCode !== 201) throw new Error(`setting up the attendance border failed: ${response.statusCode} ${response.body}`);
    return response.json<{ id: string }>().id;
  };
  const bStaff = await loginAs(w.t.app, w.b.staff.nip, TEST_PASSWORD);
  const pendingB = await created(await bStaff.inject({ method: 'POST', url: '/api/attendance/requests', payload: oneDayRequest(await at.nextWorkingDate(w.b.staff.id)) }));
  const approvedB = await created(
    await w.send('admin_bkpsdm', { method: 'POST', url: '/api/attendance/requests/record', payload: { employeeId: w.b.staff.id, ...oneDayRequest(await at.nextWorkingDate(w.b.staff.id)) } }),
  );
  const atasanOwn = await created(await w.send('atasan', { method: 'POST', url: '/api/attendance/requests', payload: oneDayRequest(await at.nextWorkingDate(w.a.bidangHead.id)) }));
  const scheduleAssignmentB = await created(
    await w.send('admin_bkpsdm', {
      method: 'POST',
      url: '/api/attendance/schedule-assignments',
      payload: { scheduleId: at.fixedScheduleId, unitId: w.b.bidang.id, startDate: '2026-05-01' },
    }),
  );
  return {
    deviceA: at.deviceA.id,
    deviceB: at.deviceB.id,
    scheduleAssignmentB,
    mappingB: await at.createMapping(at.deviceB.id),
    pendingB,
    approvedB,
    atasanOwn,
    activities: await prepareActivitiesBorder(w),
    skp: await prepareSkpBorder(w),
    tpp: await prepareTppBorder(w),
    snapshot: async () => ({ ...(await snapshotAttendance(w.t.handle.db)), ...(await snapshotActivitiesAndSkp(w.t.handle.db)), ...(await snapshotTpp(w.t.handle.db)) }),
  };
}

async function snapshotAttendance(db: Database) {
  const sorted = (rows: object[]) => rows.map((row) => JSON.stringify(row)).sort();
  const [auditRows] = await db.select({ value: count() }).from(auditLog);
  return {
    devices: sorted(await db.select().from(devices)),
    mappings: sorted(await db.select().from(deviceUserMappings)),
    commands: sorted(await db.select().from(deviceCommands)),
    requests: sorted(await db.select().from(attendanceRequests)),
    scheduleAssignments: sorted(await db.select().from(scheduleAssignments)),
    shiftRosters: sorted(await db.select().from(shiftRosters)),
    holidays: sorted(await db.select().from(holidays)),
    auditRows: auditRows?.value ?? 0,
  };
}

type Build = (w: World, b: AttendanceBorder) => InjectOptions;
/** Activities/SKP cases run on the attendance border, which carries the activities border. */
const onActivitiesBorder = (build: (w: World, b: ActivitiesBorder) => InjectOptions): Build => (w, b) => build(w, b.activities);
const onSkpBorder = (build: (w: World, b: SkpBorder) => InjectOptions): Build => (w, b) => build(w, b.skp);
const onTppBorder = (build: (w: World, b: TppBorder) => InjectOptions): Build => (w, b) => build(w, b.tpp);
const MONTH = 'from=2026-03-01&to=2026-03-31';

/** Reads outside the caller's scope: 404 where the service hides the record, 403 where it refuses the query. */
export const ATTENDANCE_BORDER_READS: readonly [description: string, caller: SignedInCaller, build: Build, status: number][] = [
  ["admin OPD of A reading B's device", 'admin_opd', (_, b) => ({ method: 'GET', url: `/api/devices/${b.deviceB}` }), 404],
  ["admin OPD of A reading B's device mappings", 'admin_opd', (_, b) => ({ method: 'GET', url: `/api/devices/${b.deviceB}/mappings` }), 404],
  ["admin OPD of A reading B's device commands", 'admin_opd', (_, b) => ({ method: 'GET', url: `/api/devices/${b.deviceB}/commands` }), 404],
  ['BKPSDM reading B\'s device', 'admin_bkpsdm', (_, b) => ({ method: 'GET', url: `/api/devices/${b.deviceB}` }), 200],
  ["admin OPD of A reading the daily attendance of B's employee", 'admin_opd', (w) => ({ method: 'GET', url: `/api/attendance/daily?employeeId=${w.b.staff.id}&${MONTH}` }), 404],
  ["admin OPD of A reading the leave balance of B's employee", 'admin_opd', (w) => ({ method: 'GET', url: `/api/attendance/leave-balance?employeeId=${w.b.staff.id}` }), 404],
  ["admin OPD of A reading a request of B's employee", 'admin_opd', (_, b) => ({ method: 'GET', url: `/api/attendance/requests/${b.pendingB}` }), 404],
  ["admin OPD of A listing B's requests", 'admin_opd', (w) => ({ method: 'GET', url: `/api/attendance/requests?scope=unit&unitId=${w.b.unit.id}` }), 403],
  ["admin OPD of A reading B's board", 'admin_opd', (w) => ({ method: 'GET', url: `/api/attendance/board?unitId=${w.b.unit.id}` }), 404],
  ["admin OPD of A reading B's recap", 'admin_opd', (w) => ({ method: 'GET', url: `/api/attendance/recap?unitId=${w.b.unit.id}&month=2026-03` }), 404],
  ["admin OPD of A reading B's recap workbook", 'admin_opd', (w) => ({ method: 'GET', url: `/api/attendance/recap.xlsx?unitId=${w.b.unit.id}&month=2026-03` }), 404],
  ["admin OPD of A reading B's recap PDF", 'admin_opd', (w) => ({ method: 'GET', url: `/api/attendance/recap.pdf?unitId=${w.b.unit.id}&month=2026-03` }), 404],
  ["admin OPD of A reading the work days of B's employee", 'admin_opd', (w) => ({ method: 'GET', url: `/api/attendance/work-days?employeeId=${w.b.staff.id}&${MONTH}` }), 403],
  ["admin OPD of A reading the shift roster of B's employee", 'admin_opd', (w) => ({ method: 'GET', url: `/api/attendance/shift-rosters?month=2026-03&employeeId=${w.b.staff.id}` }), 403],
  ['pegawai reading the daily attendance of their superior', 'pegawai', (w) => ({ method: 'GET', url: `/api/attendance/daily?employeeId=${w.a.bidangHead.id}&${MONTH}` }), 404],
  ['pegawai reading a request of their superior', 'pegawai', (_, b) => ({ method: 'GET', url: `/api/attendance/requests/${b.atasanOwn}` }), 404],
  ["pegawai reading the leave balance of B's employee", 'pegawai', (w) => ({ method: 'GET', url: `/api/attendance/leave-balance?employeeId=${w.b.staff.id}` }), 404],
  ["atasan reading the daily attendance of B's employee", 'atasan', (w) => ({ method: 'GET', url: `/api/attendance/daily?employeeId=${w.b.staff.id}&${MONTH}` }), 404],
  ['atasan reading the daily attendance of their own superior', 'atasan', (w) => ({ method: 'GET', url: `/api/attendance/daily?employeeId=${w.a.head.id}&${MONTH}` }), 404],
  ['atasan reading the daily attendance of their subordinate', 'atasan', (w) => ({ method: 'GET', url: `/api/attendance/daily?employeeId=${w.a.staff.id}&${MONTH}` }), 200],
  ["atasan reading a request of B's employee", 'atasan', (_, b) => ({ method: 'GET', url: `/api/attendance/requests/${b.pendingB}` }), 404],
  ...ACTIVITIES_BORDER_READS.map(([description, caller, build, status]): [string, SignedInCaller, Build, number] => [description, caller, onActivitiesBorder(build), status]),
  ...SKP_BORDER_READS.map(([description, caller, build, status]): [string, SignedInCaller, Build, number] => [description, caller, onSkpBorder(build), status]),
  ...TPP_BORDER_READS.map(([description, caller, build, status]): [string, SignedInCaller, Build, number] => [description, caller, onTppBorder(build), status]),
];

const FORBIDDEN = [403] as const;
const FORBIDDEN_OR_HIDDEN = [403, 404] as const;

export const ATTENDANCE_BORDER_ATTEMPTS: readonly [description: string, caller: SignedInCaller, build: Build, statuses: readonly number[]][] = [
  ["admin OPD of A renaming B's device", 'admin_opd', (_, b) => ({ method: 'PATCH', url: `/api/devices/${b.deviceB}`, payload: { name: 'Mesin Diambil Alih' } }), FORBIDDEN_OR_HIDDEN],
  ["admin OPD of A moving B's device into A", 'admin_opd', (w, b) => ({ method: 'PATCH', url: `/api/devices/${b.deviceB}`, payload: { unitId: w.a.unit.id } }), FORBIDDEN_OR_HIDDEN],
  ["admin OPD of A disabling B's device", 'admin_opd', (_, b) => ({ method: 'POST', url: `/api/devices/${b.deviceB}/disable` }), FORBIDDEN_OR_HIDDEN],
  ["admin OPD of A queueing a command for B's device", 'admin_opd', (_, b) => ({ method: 'POST', url: `/api/devices/${b.deviceB}/commands`, payload: { kind: 'info' } }), FORBIDDEN_OR_HIDDEN],
  [
    "admin OPD of A mapping a PIN on B's device",
    'admin_opd',
    (w, b) => ({ method: 'POST', url: `/api/devices/${b.deviceB}/mappings`, payload: { pin: '990001', employeeId: w.a.staff.id, startDate: '2026-01-01' } }),
    FORBIDDEN_OR_HIDDEN,
  ],
  [
    "admin OPD of A mapping a PIN on A's own device to B's staff member",
    'admin_opd',
    (w, b) => ({ method: 'POST', url: `/api/devices/${b.deviceA}/mappings`, payload: { pin: '990002', employeeId: w.b.staff.id, startDate: '2026-01-01' } }),
    [403],
  ],
  ["admin OPD of A deleting a PIN mapping of B's device", 'admin_opd', (_, b) => ({ method: 'DELETE', url: `/api/devices/${b.deviceB}/mappings/${b.mappingB}` }), FORBIDDEN_OR_HIDDEN],
  [
    "admin OPD of A registering a device in B",
    'admin_opd',
    (w) => ({ method: 'POST', url: '/api/devices', payload: { serialNumber: 'MTXSELUNDUP1', name: 'Mesin Selundupan', unitId: w.b.unit.id } }),
    FORBIDDEN,
  ],
  [
    "admin OPD of A recording a request for B's employee",
    'admin_opd',
    (w) => ({ method: 'POST', url: '/api/attendance/requests/record', payload: { employeeId: w.b.staff.id, ...oneDayRequest('2026-12-01') } }),
    FORBIDDEN,
  ],
  ["admin OPD of A revoking an approved request of B's employee", 'admin_opd', (_, b) => ({ method: 'POST', url: `/api/attendance/requests/${b.approvedB}/cancel` }), FORBIDDEN_OR_HIDDEN],
  ["admin OPD of A deciding a request of B's employee", 'admin_opd', (_, b) => ({ method: 'POST', url: `/api/attendance/requests/${b.pendingB}/decision`, payload: { decision: 'disetujui' } }), FORBIDDEN],
  ["atasan approving a request of B's employee (not their subordinate)", 'atasan', (_, b) => ({ method: 'POST', url: `/api/attendance/requests/${b.pendingB}/decision`, payload: { decision: 'disetujui' } }), FORBIDDEN],
  ['atasan approving their own request', 'atasan', (_, b) => ({ method: 'POST', url: `/api/attendance/requests/${b.atasanOwn}/decision`, payload: { decision: 'disetujui' } }), FORBIDDEN],
  ["pegawai approving their superior's request", 'pegawai', (_, b) => ({ method: 'POST', url: `/api/attendance/requests/${b.atasanOwn}/decision`, payload: { decision: 'disetujui' } }), FORBIDDEN],
  ["pegawai cancelling their superior's request", 'pegawai', (_, b) => ({ method: 'POST', url: `/api/attendance/requests/${b.atasanOwn}/cancel` }), FORBIDDEN_OR_HIDDEN],
  [
    "admin OPD of A assigning a schedule to B's bidang",
    'admin_opd',
    (w) => ({ method: 'POST', url: '/api/attendance/schedule-assignments', payload: { scheduleId: '00000000-0000-4000-8000-000000000000', unitId: w.b.bidang.id, startDate: '2026-04-01' } }),
    FORBIDDEN,
  ],
  ["admin OPD of A setting the roster of B's employee", 'admin_opd', (w) => ({ method: 'PUT', url: '/api/attendance/shift-rosters', payload: { month: '2026-05', entries: [], employeeIds: [w.b.staff.id] } }), FORBIDDEN],
  [
    "admin OPD of A declaring a regional holiday for B",
    'admin_opd',
    (w) => ({ method: 'POST', url: '/api/attendance/holidays', payload: { date: '2027-06-01', name: 'Libur Selundupan', kind: 'daerah', unitId: w.b.unit.id } }),
    FORBIDDEN,
  ],
  ['admin OPD of A declaring a national holiday', 'admin_opd', () => ({ method: 'POST', url: '/api/attendance/holidays', payload: { date: '2027-06-02', name: 'Libur Nasional Selundupan', kind: 'nasional' } }), FORBIDDEN],
  ...ACTIVITIES_BORDER_ATTEMPTS.map(([description, caller, build, statuses]): [string, SignedInCaller, Build, readonly number[]] => [description, caller, onActivitiesBorder(build), statuses]),
  ...SKP_BORDER_ATTEMPTS.map(([description, caller, build, statuses]): [string, SignedInCaller, Build, readonly number[]] => [description, caller, onSkpBorder(build), statuses]),
  ...TPP_BORDER_ATTEMPTS.map(([description, caller, build, statuses]): [string, SignedInCaller, Build, readonly number[]] => [description, caller, onTppBorder(build), statuses]),
];
