/**
 * The text side of ZKTeco PUSH/ADMS ("iclock"), as the PUSH protocol 2.4 / SDK manuals describe
 * it: request bodies in, reply bodies out. Pure: no I/O, no clock.
 */
import { parseLocalTime } from './punch-time';
import { isValidPin, readCodeField, type PunchRecord, type RejectedLine } from './punch-record';

const MIN_ATTLOG_FIELDS = 2;
const MAX_ATTLOG_FIELDS = 12;

/**
 * Lines of a body with control characters other than TAB removed: PostgreSQL text cannot hold
 * NUL, and a corrupted upload must end up as a rejected line, not as a failed transaction.
 */
const splitLines = (body: string): string[] => body.replace(/[^\P{Cc}\t\r\n]/gu, '').split(/\r?\n/);

/**
 * ATTLOG body: one record per line, fields separated by TAB only — the time itself contains a
 * space, so splitting on general whitespace would corrupt it. Bad lines are returned, not thrown.
 */
export function parseAttlog(body: string): { records: PunchRecord[]; rejected: RejectedLine[] } {
  const records: PunchRecord[] = [];
  const rejected: RejectedLine[] = [];
  splitLines(body).forEach((text, index) => {
    if (text.trim() === '') return;
    const line = index + 1;
    const fields = text.split('\t');
    if (fields.length < MIN_ATTLOG_FIELDS || fields.length > MAX_ATTLOG_FIELDS) {
      rejected.push({ line, text, message: `Baris ATTLOG harus berisi ${MIN_ATTLOG_FIELDS}–${MAX_ATTLOG_FIELDS} kolom dipisah TAB, bukan ${fields.length}` });
      return;
    }
    const pin = (fields[0] ?? '').trim();
    const localTime = (fields[1] ?? '').trim();
    if (!isValidPin(pin)) {
      rejected.push({ line, text, message: `PIN tidak valid: "${pin}"` });
      return;
    }
    if (!parseLocalTime(localTime)) {
      rejected.push({ line, text, message: `Waktu tidak valid: "${localTime}" (format YYYY-MM-DD HH:MM:SS)` });
      return;
    }
    const workCode = fields[4]?.trim() ?? '';
    records.push({
      pin,
      localTime,
      statusCode: readCodeField(fields[2]),
      verifyCode: readCodeField(fields[3]),
      workCode: workCode === '' ? null : workCode,
      rawFields: fields,
    });
  });
  return { records, rejected };
}

/** Options upload (`~Key=v,Key=v`, some firmware one per line) → key/value map. */
export function parseOptionsBody(body: string): Record<string, string> {
  const options: Record<string, string> = {};
  for (const item of splitLines(body).join('\n').split(/[,\n]+/)) {
    const separator = item.indexOf('=');
    if (separator <= 0) continue;
    const key = item.slice(0, separator).trim().replace(/^~/, '');
    if (key !== '') options[key] = item.slice(separator + 1).trim();
  }
  return options;
}

export interface DeviceUserLine {
  pin: string;
  name: string | null;
}

export interface OperlogSummary {
  operations: number;
  users: DeviceUserLine[];
  fingerprints: number;
  other: number;
}

/** `Key=value` pairs separated by TAB, as in `USER PIN=1001\tName=Budi`. */
function parseTabPairs(text: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const item of text.split('\t')) {
    const separator = item.indexOf('=');
    if (separator > 0) pairs.set(item.slice(0, separator).trim(), item.slice(separator + 1));
  }
  return pairs;
}

/** OPERLOG body: OPLOG (admin actions), USER (enrolled users), FP (templates, counted only). */
export function parseOperlog(body: string): OperlogSummary {
  const summary: OperlogSummary = { operations: 0, users: [], fingerprints: 0, other: 0 };
  for (const text of splitLines(body)) {
    if (text.trim() === '') continue;
    if (text.startsWith('OPLOG')) summary.operations++;
    else if (text.startsWith('FP')) summary.fingerprints++;
    else if (text.startsWith('USER')) {
      const pairs = parseTabPairs(text.slice(4).trimStart());
      const pin = pairs.get('PIN')?.trim() ?? '';
      if (isValidPin(pin)) summary.users.push({ pin, name: pairs.get('Name')?.trim() || null });
      else summary.other++;
    } else summary.other++;
  }
  return summary;
}

export interface CommandResult {
  id: number;
  returnCode: number | null;
  command: string | null;
  /** The line as sent (kept as the command's result). */
  line: string;
}

/** Command results: lines `ID=12&Return=0&CMD=DATA`; lines without a numeric ID are ignored. */
export function parseCommandResults(body: string): CommandResult[] {
  const results: CommandResult[] = [];
  for (const text of splitLines(body)) {
    if (text.trim() === '') continue;
    const params = new URLSearchParams(text.trim());
    const id = params.get('ID') ?? '';
    if (!/^\d{1,15}$/.test(id)) continue;
    const returnValue = params.get('Return');
    results.push({
      id: Number(id),
      returnCode: returnValue !== null && /^-?\d{1,9}$/.test(returnValue) ? Number(returnValue) : null,
      command: params.get('CMD'),
      line: text.trim(),
    });
  }
  return results;
}

export interface DeviceInfo {
  firmware: string | null;
  userCount: number | null;
  fingerprintCount: number | null;
  attlogCount: number | null;
  ip: string | null;
}

/** `INFO=Ver 8.0.4.7,3,0,1234,192.168.1.201,…` on a command poll: firmware and record counts. */
export function parseInfo(info: string): DeviceInfo {
  const items = info.split(',').map((item) => item.trim());
  const count = (value: string | undefined) => (value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : null);
  return {
    firmware: items[0] || null,
    userCount: count(items[1]),
    fingerprintCount: count(items[2]),
    attlogCount: count(items[3]),
    ip: items[4] || null,
  };
}

/**
 * The handshake reply. `TimeZone` is the value this firmware expects (hours or minutes), kept
 * per device: a wrong value moves the device's clock, since it sets itself from our Date header.
 */
export function formatHandshake(input: { serialNumber: string; attlogStamp: string | null; pushTimeZone: string }): string {
  return [
    `GET OPTION FROM: ${input.serialNumber}`,
    `ATTLOGStamp=${input.attlogStamp ?? 'None'}`,
    'OPERLOGStamp=9999',
    'ATTPHOTOStamp=None',
    'ErrorDelay=30',
    'Delay=10',
    'TransTimes=00:00;14:05',
    'TransInterval=1',
    'TransFlag=TransData AttLog\tOpLog\tEnrollUser\tChgUser',
    `TimeZone=${input.pushTimeZone}`,
    'Realtime=1',
    'Encrypt=None',
    '',
  ].join('\n');
}

/** Pending commands as the device expects them: `C:<id>:<command>`, one per line. */
export const formatCommands = (commands: { id: number; command: string }[]): string =>
  commands.map((command) => `C:${command.id}:${command.command}`).join('\n') + '\n';
