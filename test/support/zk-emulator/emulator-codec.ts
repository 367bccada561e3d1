/**
 * The emulator's side of the wire format, written separately from the client's codec (sum all
 * words, then fold) so that a mistake in one is caught by the other in tests.
 */
import { encodeZkTime } from '../../../src/server/modules/attendance/zk/zk-time';

export function checksumOf(packet: Buffer): number {
  const copy = Buffer.from(packet);
  copy.writeUInt16LE(0, 2);
  const padded = copy.length % 2 === 0 ? copy : Buffer.concat([copy, Buffer.from([0])]);
  let total = 0;
  for (let offset = 0; offset < padded.length; offset += 2) total += padded.readUInt16LE(offset);
  while (total > 0xffff) total = (total >>> 16) + (total & 0xffff);
  return 0xffff - total;
}

export function buildPacket(command: number, session: number, reply: number, data: Buffer = Buffer.alloc(0)): Buffer {
  const packet = Buffer.concat([Buffer.alloc(8), data]);
  packet.writeUInt16LE(command, 0);
  packet.writeUInt16LE(session, 4);
  packet.writeUInt16LE(reply, 6);
  packet.writeUInt16LE(checksumOf(packet), 2);
  return packet;
}

export function frame(packet: Buffer): Buffer {
  const prefix = Buffer.from([0x50, 0x50, 0x82, 0x7d, 0, 0, 0, 0]);
  prefix.writeUInt32LE(packet.length, 4);
  return Buffer.concat([prefix, packet]);
}

/** Does the AUTH payload prove knowledge of `key` for `session`? (Inverts the public steps.) */
export function isCommKeyProof(proof: Buffer, key: number, session: number): boolean {
  if (proof.length !== 4) return false;
  const ticks = proof[2] ?? 0;
  const [c0, c1, c3] = [(proof[0] ?? 0) ^ ticks, (proof[1] ?? 0) ^ ticks, (proof[3] ?? 0) ^ ticks];
  // Undo the half swap (bytes 2 3 0 1) and the 'ZKSO' salt; byte 0 of the sum was replaced by ticks.
  const sumBytes = [null, c3 ^ 0x4b, c0 ^ 0x53, c1 ^ 0x4f];
  const mirrored = parseInt(key.toString(2).padStart(32, '0').split('').reverse().join(''), 2);
  const expected = Buffer.alloc(4);
  expected.writeUInt32LE((mirrored + session) % 2 ** 32, 0);
  return sumBytes.every((byte, index) => byte === null || byte === expected[index]);
}

export interface EmulatedRecord {
  /** Internal slot number (8/40-byte records); defaults to the position in the list. */
  uid?: number;
  /** PIN as enrolled; numeric for 8/16-byte firmware. */
  userId: string;
  localTime: string;
  verifyCode?: number;
  stateCode?: number;
  workCode?: number;
}

export type EmulatedRecordSize = 8 | 16 | 40;

export function encodeRecord(record: EmulatedRecord, index: number, size: EmulatedRecordSize): Buffer {
  const buffer = Buffer.alloc(size);
  const time = encodeZkTime(record.localTime);
  const uid = record.uid ?? index + 1;
  if (size === 8) {
    buffer.writeUInt16LE(Number(record.userId), 0);
    buffer[2] = record.verifyCode ?? 1;
    buffer.writeUInt32LE(time, 3);
    buffer[7] = record.stateCode ?? 0;
  } else if (size === 16) {
    buffer.writeUInt32LE(Number(record.userId), 0);
    buffer.writeUInt32LE(time, 4);
    buffer[8] = record.verifyCode ?? 1;
    buffer[9] = record.stateCode ?? 0;
    buffer.writeUInt32LE(record.workCode ?? 0, 12);
  } else {
    buffer.writeUInt16LE(uid, 0);
    buffer.write(record.userId, 2, 24, 'latin1');
    buffer[26] = record.verifyCode ?? 1;
    buffer.writeUInt32LE(time, 27);
    buffer[31] = record.stateCode ?? 0;
  }
  return buffer;
}

/** The attendance buffer a device hands out: u32 total size, then the records. */
export function encodeAttendanceBuffer(records: EmulatedRecord[], size: EmulatedRecordSize): Buffer {
  const body = Buffer.concat(records.map((record, index) => encodeRecord(record, index, size)));
  const total = Buffer.alloc(4);
  total.writeUInt32LE(body.length, 0);
  return Buffer.concat([total, body]);
}
