/**
 * The command outbox only ever carries commands built here from typed requests: user sync,
 * re-query of a range, record count, CHECK and INFO. SHELL, PutFile, UPGRADE and any CLEAR are
 * never produced (devices.md: they can brick a device or wipe its log).
 */
import { parseLocalTime } from './punch-time';
import { isValidPin } from './punch-record';

export type DeviceCommandRequest =
  | { kind: 'sync_user'; pin: string; name: string }
  | { kind: 'query_attlog'; startTime: string; endTime: string }
  | { kind: 'verify_sum'; startTime: string; endTime: string }
  | { kind: 'check' }
  | { kind: 'info' };

export class UnsafeCommandError extends Error {}

/** Names travel inside a TAB-separated line: strip separators and control characters. */
const cleanName = (name: string) => name.replace(/[\t\r\n\p{Cc}]/gu, ' ').trim().slice(0, 24);

function assertRange(startTime: string, endTime: string) {
  if (!parseLocalTime(startTime) || !parseLocalTime(endTime)) throw new UnsafeCommandError('Waktu harus berformat YYYY-MM-DD HH:MM:SS');
  if (endTime < startTime) throw new UnsafeCommandError('Waktu akhir tidak boleh sebelum waktu awal');
}

export function buildDeviceCommand(request: DeviceCommandRequest): string {
  switch (request.kind) {
    case 'sync_user':
      if (!isValidPin(request.pin)) throw new UnsafeCommandError(`PIN tidak valid: ${request.pin}`);
      return `DATA UPDATE USERINFO PIN=${request.pin}\tName=${cleanName(request.name)}\tPri=0`;
    case 'query_attlog':
      assertRange(request.startTime, request.endTime);
      return `DATA QUERY ATTLOG StartTime=${request.startTime}\tEndTime=${request.endTime}`;
    case 'verify_sum':
      assertRange(request.startTime, request.endTime);
      return `VERIFY SUM ATTLOG StartTime=${request.startTime}\tEndTime=${request.endTime}`;
    case 'check':
      return 'CHECK';
    case 'info':
      return 'INFO';
  }
}

const SAFE_PREFIXES = ['DATA UPDATE USERINFO ', 'DATA QUERY ATTLOG ', 'VERIFY SUM ATTLOG', 'CHECK', 'INFO'];

/** Last line of defence before a stored command is sent to a device. */
export const isSafeCommand = (command: string): boolean =>
  !/[\r\n]/.test(command) && SAFE_PREFIXES.some((prefix) => command === prefix.trim() || command.startsWith(prefix));
