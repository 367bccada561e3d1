import { describe, expect, it } from 'vitest';
import { CopyWriter, pgDay } from '../../../src/server/db/binary-copy';

/** The field bytes after the 19-byte header: length, then the value. */
const fieldOf = (write: (writer: CopyWriter) => void) => {
  const writer = new CopyWriter(64);
  writer.header();
  write(writer);
  return writer.done().subarray(19);
};

describe('dates and times in binary COPY', () => {
  it('writes a date as days since 2000-01-01 and a time as microseconds since midnight', () => {
    expect(pgDay('2000-01-01')).toBe(0);
    expect(pgDay('1999-12-31')).toBe(-1);
    expect(pgDay('2026-10-01')).toBe(9770);
    const date = fieldOf((writer) => writer.dateField('2026-10-01'));
    expect(date.readInt32BE(0)).toBe(4);
    expect(date.readInt32BE(4)).toBe(9770);
    const time = fieldOf((writer) => writer.timeField(16 * 60 + 30));
    expect(time.readInt32BE(0)).toBe(8);
    expect(time.readBigInt64BE(4)).toBe(BigInt((16 * 60 + 30) * 60) * 1_000_000n);
  });

  it('refuses what is not a date or a minute of the day', () => {
    for (const bad of ['', '2026-10-1', '01-10-2026', '2026/10/01', '2026-10-01T00:00']) expect(() => pgDay(bad)).toThrow('not a date');
    for (const bad of [-1, 1440, 7.5]) expect(() => fieldOf((writer) => writer.timeField(bad))).toThrow(RangeError);
  });
});
