import { describe, expect, it } from 'vitest';
import { parseCommKey, scrambleCommKey } from '../../../src/server/modules/attendance/zk/zk-comm-key';
import {
  computeChecksum,
  decodePacket,
  encodePacket,
  frameTcp,
  hasValidChecksum,
  nextReply,
  TcpFrameReader,
} from '../../../src/server/modules/attendance/zk/zk-protocol';
import { decodeAttendanceBuffer, RecordLayoutError } from '../../../src/server/modules/attendance/zk/zk-records';
import { decodeZkTime, encodeZkTime } from '../../../src/server/modules/attendance/zk/zk-time';
import { checksumOf, encodeAttendanceBuffer, isCommKeyProof } from '../../support/zk-emulator/emulator-codec';

describe('ZK packet codec', () => {
  it('encodes CONNECT as the well-known 8 bytes', () => {
    expect(encodePacket(1000, 0, 0).toString('hex')).toBe('e80317fc00000000');
  });

  it('agrees with an independent checksum on even and odd packets', () => {
    for (let length = 0; length < 40; length += 1) {
      const data = Buffer.from(Array.from({ length }, (_, index) => (index * 97 + length * 31) & 0xff));
      const packet = encodePacket(1504, 0xbeef, 0xfffe - length, data);
      expect(packet.readUInt16LE(2)).toBe(checksumOf(packet));
      expect(hasValidChecksum(packet)).toBe(true);
      expect(computeChecksum(packet)).toBe(packet.readUInt16LE(2));
    }
  });

  it('detects a changed byte', () => {
    const packet = encodePacket(11, 7, 3, Buffer.from('~SerialNumber\0'));
    packet[10] = (packet[10] ?? 0) ^ 0x01;
    expect(hasValidChecksum(packet)).toBe(false);
  });

  it('decodes the header fields little-endian', () => {
    const decoded = decodePacket(encodePacket(2000, 0x1234, 0x0102, Buffer.from([9])));
    expect(decoded).toMatchObject({ command: 2000, session: 0x1234, reply: 0x0102 });
    expect(decoded?.data).toEqual(Buffer.from([9]));
    expect(decodePacket(Buffer.alloc(7))).toBeNull();
  });

  it('wraps reply numbers before 0xFFFF', () => {
    expect(nextReply(0xfffe)).toBe(0);
    expect(nextReply(41)).toBe(42);
  });

  it('reassembles TCP frames split and merged by the stream', () => {
    const first = encodePacket(2000, 1, 1, Buffer.alloc(300, 7));
    const second = encodePacket(1501, 1, 2, Buffer.from('abc'));
    const stream = Buffer.concat([frameTcp(first), frameTcp(second)]);
    expect(stream.subarray(0, 8).toString('hex')).toBe(`5050827d${'34010000'}`);
    const reader = new TcpFrameReader();
    const packets = [...reader.push(stream.subarray(0, 5)), ...reader.push(stream.subarray(5, 200)), ...reader.push(stream.subarray(200))];
    expect(packets).toEqual([first, second]);
    expect(reader.bufferedBytes).toBe(0);
  });

  it('refuses a stream that is not framed', () => {
    expect(() => new TcpFrameReader().push(Buffer.from('HTTP/1.1 200 OK\r\n'))).toThrow(RangeError);
  });
});

describe('ZK time', () => {
  it('decodes the documented example without any zone shift', () => {
    expect(decodeZkTime(0x2368b36b)).toBe('2018-06-25 17:50:35');
  });

  it.each(['2000-01-01 00:00:00', '2026-02-28 23:59:59', '2026-12-31 07:30:00', '2099-12-31 23:59:59'])('round-trips %s', (time) => {
    expect(decodeZkTime(encodeZkTime(time))).toBe(time);
  });

  it('rejects times the device cannot hold', () => {
    expect(() => encodeZkTime('1999-12-31 23:59:59')).toThrow(RangeError);
    expect(() => encodeZkTime('2026-01-01T07:00:00')).toThrow(RangeError);
  });
});

describe('ZK attendance records', () => {
  const records = [
    { userId: '1001', localTime: '2026-03-02 07:21:05', verifyCode: 1, stateCode: 0, workCode: 3 },
    { userId: '65000', localTime: '2026-03-02 16:02:59', verifyCode: 15, stateCode: 1 },
  ];

  it.each([8, 16, 40] as const)('decodes %i-byte records', (size) => {
    const { recordSize, records: decoded } = decodeAttendanceBuffer(encodeAttendanceBuffer(records, size), records.length);
    expect(recordSize).toBe(size);
    expect(decoded.map((record) => [record.userId, record.localTime, record.verifyCode, record.stateCode])).toEqual([
      ['1001', '2026-03-02 07:21:05', 1, 0],
      ['65000', '2026-03-02 16:02:59', 15, 1],
    ]);
    expect(decoded[0]?.rawHex).toHaveLength(size * 2);
    expect(decoded[0]?.workCode).toBe(size === 16 ? '3' : null);
  });

  it('keeps a 24-character user id and an 18-digit NIP whole', () => {
    const ids = ['198507142010011001', 'ABCDEFGHIJKLMNOPQRSTUVWX'];
    const buffer = encodeAttendanceBuffer(ids.map((userId) => ({ userId, localTime: '2026-03-02 07:00:00' })), 40);
    expect(decodeAttendanceBuffer(buffer, 2).records.map((record) => record.userId)).toEqual(ids);
  });

  it('refuses a truncated buffer and an unknown record size', () => {
    const buffer = encodeAttendanceBuffer(records, 40);
    expect(() => decodeAttendanceBuffer(buffer.subarray(0, buffer.length - 1), 2)).toThrow(RecordLayoutError);
    expect(() => decodeAttendanceBuffer(buffer, 3)).toThrow(/ukuran catatan/);
    expect(decodeAttendanceBuffer(Buffer.alloc(0), 0).records).toEqual([]);
  });
});

describe('ZK comm key', () => {
  it('produces a proof the device accepts for its key and session only', () => {
    for (const [key, session] of [
      [0, 0],
      [123456, 0x4a10],
      [999999, 0xffff],
      [1, 1],
    ] as const) {
      const proof = scrambleCommKey(key, session);
      expect(proof).toHaveLength(4);
      expect(proof[2]).toBe(50);
      expect(isCommKeyProof(proof, key, session)).toBe(true);
      expect(isCommKeyProof(proof, key + 1, session)).toBe(false);
      // The low byte of the sum is overwritten by the ticks byte, so sessions differing there alone pass.
      expect(isCommKeyProof(proof, key, (session + 0x100) & 0xffff)).toBe(false);
    }
  });

  it('derives the key-0 session-0 proof from the ZKSO salt', () => {
    // mirror(0) + 0 = 0 → bytes 'Z' 'K' 'S' 'O' → swapped 'S' 'O' 'Z' 'K' → XOR 50, byte 2 = 50.
    expect(scrambleCommKey(0, 0).toString('hex')).toBe([0x53 ^ 50, 0x4f ^ 50, 50, 0x4b ^ 50].map((byte) => byte.toString(16).padStart(2, '0')).join(''));
  });

  it('parses keys as typed on the device', () => {
    expect(parseCommKey('0')).toBe(0);
    expect(parseCommKey(' 123456 ')).toBe(123456);
    expect(parseCommKey('12a')).toBeNull();
    expect(parseCommKey('99999999999')).toBeNull();
  });
});
