/**
 * ZK attendance records → the ingestion's PunchRecord, and the stored raw message's format.
 * A raw message body is the attendance buffer exactly as read; its query says how many records
 * it holds, because the record size (8/16/40) is told by total size ÷ count and cannot be
 * guessed from the bytes alone.
 */
import { isValidPin, type PunchRecord, type RejectedLine } from '../../../../domain/attendance/punch-record';
import { isValidLocalTime } from '../../../../domain/attendance/punch-time';
import { decodeAttendanceBuffer, type ZkAttendanceRecord } from './zk-records';

/** `device_raw_messages.kind` of a log read over port 4370 (binary, not the ADMS text ATTLOG). */
export const ZK_RAW_KIND = 'zk_attlog';

export const describeZkQuery = (recordCount: number) => `records=${recordCount}`;

/**
 * Splits decoded records into punches and rejects: a time the calendar doesn't have (the device
 * encoding allows 31 days in every month) or an empty/odd user id cannot be a punch; the raw
 * message keeps them and the rejects are reported, never silently dropped.
 */
export function toPunchRecords(records: ZkAttendanceRecord[]): { records: PunchRecord[]; rejected: RejectedLine[] } {
  const punches: PunchRecord[] = [];
  const rejected: RejectedLine[] = [];
  records.forEach((record, index) => {
    const problem = !isValidPin(record.userId) ? 'ID pengguna tidak valid' : !isValidLocalTime(record.localTime) ? 'waktu tidak valid' : null;
    if (problem) {
      rejected.push({ line: index + 1, text: record.rawHex, message: `${problem} (${record.userId} ${record.localTime})` });
      return;
    }
    punches.push({
      pin: record.userId,
      localTime: record.localTime,
      statusCode: record.stateCode,
      verifyCode: record.verifyCode,
      workCode: record.workCode,
      rawFields: [String(record.uid), record.rawHex],
    });
  });
  return { records: punches, rejected };
}

/** Decodes a stored `zk_attlog` raw message again (for re-parsing). */
export function decodeZkRawMessage(body: Buffer, query: string | null): { records: PunchRecord[]; rejected: RejectedLine[] } {
  const count = Number(/^records=(\d+)$/.exec(query ?? '')?.[1] ?? Number.NaN);
  if (!Number.isInteger(count)) throw new RangeError('pesan mentah ZK tanpa jumlah catatan');
  return toPunchRecords(decodeAttendanceBuffer(body, count).records);
}
