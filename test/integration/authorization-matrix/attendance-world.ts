/**
 * What the attendance rows need on top of the org world: the reference data (schedules, rules,
 * holidays), a device on each side of the border, and preparers that make a fresh target per
 * request (a request, a mapping, a schedule…) so that one allowed write never spoils the next cell.
 * Built once per world, on first use.
 */
import { createDeviceMappingRequest, createDeviceRequest } from '../../../src/contracts/attendance-devices';
import { createHolidayRequest, createScheduleAssignmentRequest, scheduleRequest } from '../../../src/contracts/attendance-schedules';
import { addDays } from '../../../src/domain/attendance/calendar-zone';
import { createDeviceMapping } from '../../../src/server/modules/attendance/devices/device-mappings.service';
import { createDevice, disableDevice } from '../../../src/server/modules/attendance/devices/devices.service';
import { createHoliday, setHolidayActive } from '../../../src/server/modules/attendance/holidays/holidays.service';
import { seedAttendanceReferenceData } from '../../../src/server/modules/attendance/reference-data/seed-attendance-reference-data';
import { resolveWorkDays } from '../../../src/server/modules/attendance/schedules';
import { createScheduleAssignment } from '../../../src/server/modules/attendance/schedules/schedule-assignments.service';
import { createSchedule, setScheduleActive } from '../../../src/server/modules/attendance/schedules/schedules.service';
import { systemContext } from '../../../src/server/platform/actor';
import { multipart } from '../../fixtures/import/sheets';
import type { OpdFixture } from '../../helpers/factories';
import type { SignedInCaller, World } from './world';

/** A one-day leave/duty request body on `date`. */
export const oneDayRequest = (date: string, reason = 'Keperluan keluarga') => ({ kind: 'izin', startDate: date, endDate: date, reason });

/** The smallest valid PNG header: attachments are checked by content, not by name. */
export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

export interface AttendanceWorld {
  deviceA: { id: string; serialNumber: string };
  deviceB: { id: string; serialNumber: string };
  /** A fixed-week schedule and a shift schedule made for the matrix (not the seeded ones). */
  fixedScheduleId: string;
  shiftId: string;
  holidayA: string;
  /** A pending request of A's staff member (the pegawai), carrying an attachment the pegawai uploaded. */
  requestA: { id: string; attachmentId: string };
  /** Next free working day of an employee (requests may not overlap). */
  nextWorkingDate(employeeId: string): Promise<string>;
  /** Next unused date for a holiday or a rule-set version (far from the dates requests use). */
  nextFreeDate(kind: 'holiday' | 'ruleSet'): string;
  /** A pending request of A's staff member, submitted by the pegawai through the API. */
  submitAsPegawai(): Promise<string>;
  createDevice(opd: OpdFixture, options?: { disabled?: boolean }): Promise<{ id: string; serialNumber: string }>;
  createMapping(deviceId: string): Promise<string>;
  createSchedule(options?: { isActive?: boolean }): Promise<string>;
  /** A schedule assignment for a fresh employee of `opd`. */
  createAssignment(opd: OpdFixture): Promise<string>;
  /** A regional holiday of `opd`'s OPD unit. */
  createHoliday(opd: OpdFixture, options?: { isActive?: boolean }): Promise<string>;
}

/** Monday to Friday, 07:30–16:00: a fixed schedule names all seven days. */
export const FIXED_WEEK = [
  ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, isWorkingDay: true, startTime: '07:30', endTime: '16:00' })),
  { weekday: 6, isWorkingDay: false },
  { weekday: 7, isWorkingDay: false },
];

const settings = new WeakMap<World, Promise<AttendanceWorld>>();

/** The attendance setting of `w`, built on first call. */
export function attendanceOf(w: World): Promise<AttendanceWorld> {
  let setting = settings.get(w);
  if (!setting) {
    setting = buildAttendanceWorld(w);
    settings.set(w, setting);
  }
  return setting;
}

async function expectCreated(w: World, caller: SignedInCaller, options: Parameters<World['send']>[1]): Promise<string> {
  const response = await w.send(caller, options);
  if (response.statusCode !== 201) throw new Error(`setting up ${String(options.url)} failed: ${response.statusCode} ${response.body}`);
  return response.json<{ id: string }>().id;
}

async function buildAttendanceWorld(w: World): Promise<AttendanceWorld> {
  const { db } = w.t.handle;
  const system = () => systemContext('authorization-matrix', w.t.clock, 'Asia/Jakarta');
  await seedAttendanceReferenceData(db, w.t.clock);

  const freeDates = new Map<string, string[]>();
  const nextWorkingDate = async (employeeId: string) => {
    let dates = freeDates.get(employeeId);
    if (!dates) {
      const days = (await resolveWorkDays(db, [employeeId], '2026-04-01', '2026-12-31')).get(employeeId) ?? [];
      dates = days.filter((day) => day.isWorkingDay).map((day) => day.date);
      freeDates.set(employeeId, dates);
    }
    const date = dates.shift();
    if (!date) throw new Error(`no free working day left for ${employeeId}`);
    return date;
  };
  const usedDates = { holiday: 0, ruleSet: 0 };
  const nextFreeDate = (kind: 'holiday' | 'ruleSet') => addDays(kind === 'holiday' ? '2027-01-01' : '2031-01-01', usedDates[kind]++);

  const makeDevice = async (opd: OpdFixture, options: { disabled?: boolean } = {}) => {
    const serialNumber = w.unique('MTXDEV');
    const { id } = await db.transaction((tx) => createDevice(tx, system(), createDeviceRequest.parse({ serialNumber, name: `Mesin ${serialNumber}`, unitId: opd.unit.id })));
    if (options.disabled) await db.transaction((tx) => disableDevice(tx, system(), id));
    return { id, serialNumber };
  };
  const makeSchedule = async (input: object, options: { isActive?: boolean } = {}) => {
    const code = w.unique('MTX-JDW');
    const { id } = await db.transaction((tx) => createSchedule(tx, system(), scheduleRequest.parse({ code, name: `Jadwal ${code}`, ...input })));
    if (options.isActive === false) await db.transaction((tx) => setScheduleActive(tx, system(), id, false));
    return id;
  };
  const makeHoliday = async (opd: OpdFixture, options: { isActive?: boolean } = {}) => {
    const input = createHolidayRequest.parse({ date: nextFreeDate('holiday'), name: 'Hari Jadi Daerah Uji', kind: 'daerah', unitId: opd.unit.id });
    const { id } = await db.transaction((tx) => createHoliday(tx, system(), input));
    if (options.isActive === false) await db.transaction((tx) => setHolidayActive(tx, system(), id, false));
    return id;
  };
  const submitAsPegawai = async () =>
    expectCreated(w, 'pegawai', { method: 'POST', url: '/api/attendance/requests', payload: oneDayRequest(await nextWorkingDate(w.a.staff.id)) });

  const shiftScheduleId = await makeSchedule({ kind: 'shift', shifts: [{ code: 'P', name: 'Pagi', startTime: '07:00', endTime: '14:00' }] });
  const shiftId = (await w.send('admin_bkpsdm', { method: 'GET', url: `/api/attendance/schedules/${shiftScheduleId}` })).json<{ shifts: { id: string }[] }>().shifts[0]?.id;
  if (!shiftId) throw new Error('the matrix shift schedule has no shift');

  const upload = multipart(PNG, 'surat-izin.png');
  const attachmentId = await expectCreated(w, 'pegawai', { method: 'POST', url: '/api/attendance/attachments', payload: upload.payload, headers: upload.headers });
  const requestId = await expectCreated(w, 'pegawai', {
    method: 'POST',
    url: '/api/attendance/requests',
    payload: { ...oneDayRequest(await nextWorkingDate(w.a.staff.id)), attachmentId },
  });

  return {
    deviceA: await makeDevice(w.a),
    deviceB: await makeDevice(w.b),
    fixedScheduleId: await makeSchedule({ kind: 'fixed', days: FIXED_WEEK }),
    shiftId,
    holidayA: await makeHoliday(w.a),
    requestA: { id: requestId, attachmentId },
    nextWorkingDate,
    nextFreeDate,
    submitAsPegawai,
    createDevice: makeDevice,
    async createMapping(deviceId) {
      const input = createDeviceMappingRequest.parse({ pin: String(w.serial()), employeeId: w.a.staff.id, startDate: '2026-01-01' });
      return (await db.transaction((tx) => createDeviceMapping(tx, system(), deviceId, input))).mapping.id;
    },
    createSchedule: (options) => makeSchedule({ kind: 'fixed', days: FIXED_WEEK }, options),
    async createAssignment(opd) {
      const employee = await w.createLooseEmployee(opd);
      const scheduleId = await makeSchedule({ kind: 'fixed', days: FIXED_WEEK });
      const input = createScheduleAssignmentRequest.parse({ scheduleId, employeeId: employee.id, startDate: '2026-04-01' });
      return (await db.transaction((tx) => createScheduleAssignment(tx, system(), input))).id;
    },
    createHoliday: makeHoliday,
  };
}
