/**
 * Attendance records as the firmware stores them (devices.md §2). The layout depends on the
 * firmware and is told by total size ÷ record count:
 *   8 bytes:  uid u16 @0, verify u8 @2, time u32 @3, state u8 @7 (the PIN is the numeric uid);
 *   16 bytes: user id u32 @0, time u32 @4, verify u8 @8, state u8 @9, work code u32 @12;
 *   40 bytes: uid u16 @0, user id 24 bytes NUL-padded @2, verify u8 @26, time u32 @27, state u8 @31.
 * User ids are kept as text up to 24 characters: an 18-digit NIP used as a PIN survives intact.
 */
import { decodeZkTime } from './zk-time';

export const RECORD_SIZES = [8, 16, 40] as const;
export type RecordSize = (typeof RECORD_SIZES)[number];

export interface ZkAttendanceRecord {
  uid: number;
  userId: string;
  /** Device wall clock 'YYYY-MM-DD HH:MM:SS', no zone. */
  localTime: string;
  verifyCode: number;
  stateCode: number;
  workCode: string | null;
  /** The record's bytes in hex, so it can be decoded again. */
  rawHex: string;
}

export class RecordLayoutError extends Error {}

const isRecordSize = (size: number): size is RecordSize => (RECORD_SIZES as readonly number[]).includes(size);

function decodeRecord(record: Buffer, size: RecordSize): ZkAttendanceRecord {
  const rawHex = record.toString('hex');
  if (size === 8) {
    const uid = record.readUInt16LE(0);
    return { uid, userId: String(uid), verifyCode: record[2] ?? 0, localTime: decodeZkTime(record.readUInt32LE(3)), stateCode: record[7] ?? 0, workCode: null, rawHex };
  }
  if (size === 16) {
    const userId = record.readUInt32LE(0);
    return {
      uid: userId,
      userId: String(userId),
      localTime: decodeZkTime(record.readUInt32LE(4)),
      verifyCode: record[8] ?? 0,
      stateCode: record[9] ?? 0,
      workCode: String(record.readUInt32LE(12)),
      rawHex,
    };
  }
  const idBytes = record.subarray(2, 26);
  const end = idBytes.indexOf(0);
  return {
    uid: record.readUInt16LE(0),
    userId: idBytes.subarray(0, end === -1 ? idBytes.length : end).toString('latin1').trim(),
    verifyCode: record[26] ?? 0,
    localTime: decodeZkTime(record.readUInt32LE(27)),
    stateCode: record[31] ?? 0,
    workCode: null,
    rawHex,
  };
}

/**
 * Decodes the attendance buffer read from the device: a u32 total size, then the records.
 * Throws RecordLayoutError when the sizes don't add up (a truncated or foreign buffer) rather
 * than guessing: a wrong guess would store wrong punches.
 */
export function decodeAttendanceBuffer(buffer: Buffer, recordCount: number): { recordSize: RecordSize | null; records: ZkAttendanceRecord[] } {
  if (recordCount === 0) return { recordSize: null, records: [] };
  if (buffer.length < 4) throw new RecordLayoutError('data presensi terlalu pendek');
  const totalSize = buffer.readUInt32LE(0);
  const size = totalSize / recordCount;
  if (!isRecordSize(size)) {
    throw new RecordLayoutError(`ukuran catatan tidak dikenal: ${totalSize} bita untuk ${recordCount} catatan`);
  }
  if (buffer.length - 4 < totalSize) {
    throw new RecordLayoutError(`data presensi terpotong: ${buffer.length - 4} dari ${totalSize} bita`);
  }
  const records: ZkAttendanceRecord[] = [];
  for (let offset = 4; offset < 4 + totalSize; offset += size) records.push(decodeRecord(buffer.subarray(offset, offset + size), size));
  return { recordSize: size, records };
}
