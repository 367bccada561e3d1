/**
 * Synthetic punches for the attendance benchmark, all derived from the employee index and the
 * date (no randomness, so every run measures the same rows): a check-in between 06:45 and 08:00
 * and a check-out between 15:50 and 17:00 on each weekday, as a device logs them (in time order).
 */
import { createInstantConverter } from '../src/domain/attendance/punch-time';

/** Every bench unit and device uses WIB: one zone keeps the SQL baseline a plain group-by. */
export const BENCH_ZONE = 'Asia/Jakarta' as const;

export interface BenchDevice {
  serialNumber: string;
  /** Employee ids by PIN − 1 (PIN "1" is the first). */
  employeeIds: string[];
}

export interface PunchRow {
  serialNumber: string;
  pin: string;
  localTime: string;
  instant: Date;
  /** ATTLOG status: 0 check-in, 1 check-out. */
  statusCode: number;
  employeeId: string;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** A small integer hash (deterministic, well spread) of an employee, a day and the punch kind. */
function spread(employee: number, day: number, kind: number, modulo: number): number {
  let h = Math.imul(employee + 1, 0x9e3779b1) ^ Math.imul(day + 7, 0x85ebca77) ^ Math.imul(kind + 3, 0xc2b2ae3d);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h ^= h >>> 13;
  return (h >>> 0) % modulo;
}

const formatClock = (seconds: number) => `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;

/** Weekdays (Monday–Friday) from `from` on, `count` of them, as YYYY-MM-DD. */
export function listWeekdays(from: string, count: number): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); days.length < count; t += 86_400_000) {
    const weekday = new Date(t).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/** Weekdays of [from, to] inclusive. */
export function weekdaysBetween(from: string, to: string): string[] {
  return listWeekdays(from, 400).filter((day) => day <= to);
}

const toInstant = createInstantConverter(BENCH_ZONE);

/** One device's punches on one day, in the order the device logs them: all check-ins, then all check-outs. */
function devicePunchesOn(device: BenchDevice, deviceIndex: number, date: string, dayOrdinal: number): PunchRow[] {
  const rows: PunchRow[] = [];
  const base = deviceIndex * 1_000_000;
  for (const [statusCode, startSeconds, windowSeconds] of [
    [0, 6 * 3600 + 45 * 60, 75 * 60],
    [1, 15 * 3600 + 50 * 60, 70 * 60],
  ] as const) {
    const day = device.employeeIds.map((employeeId, index) => ({ employeeId, index, seconds: startSeconds + spread(base + index, dayOrdinal, statusCode, windowSeconds) }));
    day.sort((a, b) => a.seconds - b.seconds || a.index - b.index);
    for (const punch of day) {
      const localTime = `${date} ${formatClock(punch.seconds)}`;
      rows.push({ serialNumber: device.serialNumber, pin: String(punch.index + 1), localTime, instant: toInstant(localTime), statusCode, employeeId: punch.employeeId });
    }
  }
  return rows;
}

/** The first `count` punches a device logs from `firstDay` on (weekdays only). */
export function devicePunches(device: BenchDevice, deviceIndex: number, firstDay: string, count: number): PunchRow[] {
  const perDay = device.employeeIds.length * 2;
  if (perDay === 0) return [];
  const days = listWeekdays(firstDay, Math.ceil(count / perDay));
  return days.flatMap((date, ordinal) => devicePunchesOn(device, deviceIndex, date, ordinal)).slice(0, count);
}

/** Two punches per employee on each of these days, every device. */
export function punchesOnDays(devices: BenchDevice[], days: string[]): PunchRow[] {
  return devices.flatMap((device, deviceIndex) => days.flatMap((date) => devicePunchesOn(device, deviceIndex, date, Date.parse(date) / 86_400_000)));
}

/** The fields of an ATTLOG line as the firmware sends them: PIN, time, status, verify (1 = finger), work code, two reserved. */
export const attlogFields = (row: PunchRow): string[] => [row.pin, row.localTime, String(row.statusCode), '1', '0', '0', '0'];

/** ATTLOG upload bodies of at most `linesPerBody` lines each. */
export function buildAttlogBodies(rows: PunchRow[], linesPerBody: number): Uint8Array<ArrayBuffer>[] {
  const encoder = new TextEncoder();
  const bodies: Uint8Array<ArrayBuffer>[] = [];
  for (let start = 0; start < rows.length; start += linesPerBody) {
    const lines = rows.slice(start, start + linesPerBody).map((row) => attlogFields(row).join('\t'));
    bodies.push(encoder.encode(`${lines.join('\n')}\n`));
  }
  return bodies;
}

/** Vendor-style CSV exports (SN, PIN, Date Time, Status, Verify) of at most `rowsPerFile` rows each. */
export function buildPunchCsvFiles(rows: PunchRow[], rowsPerFile: number): Buffer[] {
  const files: Buffer[] = [];
  for (let start = 0; start < rows.length; start += rowsPerFile) {
    const lines = rows.slice(start, start + rowsPerFile).map((row) => `${row.serialNumber},${row.pin},${row.localTime},${row.statusCode},1`);
    files.push(Buffer.from(`SN,PIN,Date Time,Status,Verify\n${lines.join('\n')}\n`, 'utf8'));
  }
  return files;
}
