import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CopyWriter, uuidBytes, writeUuid } from '../../../src/server/db/binary-copy';

describe('uuids in binary COPY', () => {
  it('writes the same 16 bytes as the hex text, in either case', () => {
    for (let index = 0; index < 200; index++) {
      const id = randomUUID();
      const expected = Buffer.from(id.replace(/-/g, ''), 'hex');
      expect(uuidBytes(id)).toEqual(expected);
      expect(uuidBytes(id.toUpperCase())).toEqual(expected);
    }
    expect(uuidBytes('00000000-0000-0000-0000-000000000000')).toEqual(Buffer.alloc(16));
    expect(uuidBytes('ffffffff-ffff-ffff-ffff-ffffffffffff')).toEqual(Buffer.alloc(16, 0xff));
  });

  it('refuses what is not a uuid', () => {
    const id = '0b7c2a8e-5d1f-4c3a-9e6b-1f2d3c4b5a69';
    const bad = [
      '',
      id.slice(0, 35),
      `${id}0`,
      id.replace(/-/g, '0'),
      `${id.slice(0, 8)}x${id.slice(9)}`,
      `g${id.slice(1)}`,
      `${id.slice(0, 35)}G`,
      `${id.slice(0, 10)}é${id.slice(11)}`,
      `${id.slice(0, 10)}-${id.slice(11)}`,
    ];
    for (const value of bad) {
      expect(writeUuid(value, Buffer.alloc(16), 0), value).toBe(false);
      expect(() => uuidBytes(value), value).toThrow('not a uuid');
    }
  });

  it('writes a uuid field (length, then bytes) and a null one', () => {
    const id = randomUUID();
    const writer = new CopyWriter(8);
    writer.uuidField(id);
    writer.uuidField(null);
    const out = writer.done();
    expect(out.readInt32BE(0)).toBe(16);
    expect(out.subarray(4, 20)).toEqual(Buffer.from(id.replace(/-/g, ''), 'hex'));
    expect(out.readInt32BE(20)).toBe(-1);
    expect(out.length).toBe(24);
    expect(() => new CopyWriter(8).uuidField('bukan-uuid')).toThrow('not a uuid');
  });
});
