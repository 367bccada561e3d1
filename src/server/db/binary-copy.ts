/**
 * PostgreSQL's binary COPY format (`FORMAT binary`) for the bulk reads and writes that go through
 * copy-channel.ts: the header, the epoch, a growing writer with field encoders, and readers of
 * fixed-width values. Binary because the server then parses nothing per value (text COPY parses
 * every timestamp and array element) and the client reads fields at fixed offsets.
 */

/** The 11-byte signature that opens every binary COPY stream. */
export const COPY_SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
/** Signature (11 bytes), flags (4), header extension length (4); the extension follows. */
export const COPY_HEADER_BYTES = 19;
/** PostgreSQL's epoch (2000-01-01) in Unix milliseconds and in days. */
export const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
export const PG_EPOCH_DAY = PG_EPOCH_MS / 86_400_000;
const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A 'YYYY-MM-DD' date as PostgreSQL's binary date: days since 2000-01-01. Throws on anything else. */
export function pgDay(date: string): number {
  const match = DATE_TEXT.exec(date);
  if (!match) throw new Error(`not a date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000 - PG_EPOCH_DAY;
}

const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A uuid checked as text (COPY takes no bind parameters: ids written into a statement are checked first). */
export function checkedUuid(value: string): string {
  if (!UUID_TEXT.test(value)) throw new Error(`not a uuid: ${value}`);
  return value;
}

/** The value of each hex digit by its character code, -1 for any other character. */
const HEX_VALUES = (() => {
  const values = new Int8Array(128).fill(-1);
  for (let digit = 0; digit < 16; digit++) {
    values[digit.toString(16).charCodeAt(0)] = digit;
    values[digit.toString(16).toUpperCase().charCodeAt(0)] = digit;
  }
  return values;
})();
const hexValue = (code: number): number => (code < 128 ? (HEX_VALUES[code] ?? -1) : -1);

/**
 * Writes the 16 bytes of a uuid given as text into `out` at `offset`, checking the text as it goes
 * (8-4-4-4-12 hex digits); false, with the bytes written so far, when it is not a uuid. No string
 * or buffer is made: result rows carry six uuids each.
 */
export function writeUuid(value: string, out: Uint8Array, offset: number): boolean {
  if (value.length !== 36) return false;
  let at = offset;
  for (let index = 0; index < 36; index += 2) {
    if (index === 8 || index === 13 || index === 18 || index === 23) {
      if (value.charCodeAt(index) !== 45) return false;
      index -= 1;
      continue;
    }
    const high = hexValue(value.charCodeAt(index));
    const low = hexValue(value.charCodeAt(index + 1));
    if (high < 0 || low < 0) return false;
    out[at] = high * 16 + low;
    at += 1;
  }
  return true;
}

/** A uuid's 16 bytes. */
export function uuidBytes(value: string): Buffer {
  const bytes = Buffer.allocUnsafe(16);
  if (!writeUuid(value, bytes, 0)) throw new Error(`not a uuid: ${value}`);
  return bytes;
}

/** Microseconds since PostgreSQL's epoch; exact in a double for any instant of this application. */
export const pgMicros = (ms: number): number => (ms - PG_EPOCH_MS) * 1000;

/** A signed 64-bit big-endian integer that fits a double exactly (ids, microseconds of this era). */
export function readInt64(view: DataView, offset: number): number {
  return view.getInt32(offset) * 0x1_0000_0000 + view.getUint32(offset + 4);
}

/** Where the first row of a stream starts: after the header and its extension. */
export const firstRowOffset = (view: DataView): number => COPY_HEADER_BYTES + view.getInt32(COPY_HEADER_BYTES - 4);

const JSONB_VERSION = 1;

/**
 * A binary COPY stream written front to back into a growing buffer. Two ways to use it: the
 * `…Field` methods reserve their own room and write a whole field (length and value); the bare
 * `int16`/`int32`/`int64`/`bytes` write without checking, after one `reserve` for a whole row —
 * the form for rows on a hot path (a month of daily attendance is ~220,000 rows).
 */
export class CopyWriter {
  private out: Buffer<ArrayBuffer>;
  private view: DataView;
  private offset = 0;

  constructor(size: number) {
    this.out = Buffer.allocUnsafe(Math.max(64, size));
    this.view = new DataView(this.out.buffer, this.out.byteOffset, this.out.byteLength);
  }

  /** The signature, no flags, no header extension. */
  header(): void {
    this.reserve(COPY_HEADER_BYTES);
    this.bytes(COPY_SIGNATURE);
    this.int32(0);
    this.int32(0);
  }

  /** The end of the stream. */
  trailer(): void {
    this.reserve(2);
    this.int16(-1);
  }

  reserve(bytes: number): void {
    if (this.offset + bytes <= this.out.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.out.length * 2, this.offset + bytes));
    this.out.copy(grown, 0, 0, this.offset);
    this.out = grown;
    this.view = new DataView(grown.buffer, grown.byteOffset, grown.byteLength);
  }

  int16(value: number): void {
    this.view.setInt16(this.offset, value);
    this.offset += 2;
  }

  int32(value: number): void {
    this.view.setInt32(this.offset, value);
    this.offset += 4;
  }

  /** A 64-bit integer given as a safe JavaScript integer. */
  int64(value: number): void {
    const high = Math.floor(value / 0x1_0000_0000);
    this.view.setInt32(this.offset, high);
    this.view.setUint32(this.offset + 4, value - high * 0x1_0000_0000);
    this.offset += 8;
  }

  bytes(value: Uint8Array): void {
    this.out.set(value, this.offset);
    this.offset += value.length;
  }

  nullField(): void {
    this.reserve(4);
    this.int32(-1);
  }

  int32Field(value: number): void {
    this.reserve(8);
    this.int32(4);
    this.int32(value);
  }

  /** A bigint column from a safe JavaScript integer. */
  int64Field(value: number): void {
    if (!Number.isSafeInteger(value)) throw new RangeError(`not a safe integer: ${value}`);
    this.reserve(12);
    this.int32(8);
    this.int64(value);
  }

  boolField(value: boolean): void {
    this.reserve(5);
    this.int32(1);
    this.out[this.offset] = value ? 1 : 0;
    this.offset += 1;
  }

  textField(value: string | null): void {
    if (value === null) return this.nullField();
    const length = Buffer.byteLength(value, 'utf8');
    this.reserve(4 + length);
    this.int32(length);
    this.out.write(value, this.offset, length, 'utf8');
    this.offset += length;
  }

  /** jsonb's binary form: a version byte, then the JSON text. */
  jsonbField(value: unknown): void {
    const text = JSON.stringify(value);
    const length = Buffer.byteLength(text, 'utf8');
    this.reserve(5 + length);
    this.int32(length + 1);
    this.out[this.offset] = JSONB_VERSION;
    this.out.write(text, this.offset + 1, length, 'utf8');
    this.offset += length + 1;
  }

  /** A uuid given as text, checked: its 16 bytes. */
  uuidField(value: string | null): void {
    if (value === null) return this.nullField();
    this.reserve(20);
    this.int32(16);
    if (!writeUuid(value, this.out, this.offset)) throw new Error(`not a uuid: ${value}`);
    this.offset += 16;
  }

  /** A timestamptz from epoch milliseconds (whole milliseconds only). */
  timestampField(ms: number | null): void {
    if (ms === null) return this.nullField();
    if (!Number.isInteger(ms)) throw new RangeError(`not whole milliseconds: ${ms}`);
    this.reserve(12);
    this.int32(8);
    this.int64(pgMicros(ms));
  }

  /** A date column from 'YYYY-MM-DD' (checked): days since PostgreSQL's epoch. */
  dateField(value: string): void {
    const day = pgDay(value);
    this.reserve(8);
    this.int32(4);
    this.int32(day);
  }

  /** A time (without zone) column from whole minutes after midnight. */
  timeField(minuteOfDay: number): void {
    if (!Number.isInteger(minuteOfDay) || minuteOfDay < 0 || minuteOfDay >= 24 * 60) throw new RangeError(`not a minute of the day: ${minuteOfDay}`);
    this.reserve(12);
    this.int32(8);
    this.int64(minuteOfDay * 60_000_000);
  }

  /** The stream written so far (a view of the buffer, no copy). */
  done(): Buffer<ArrayBuffer> {
    return Buffer.from(this.out.buffer, this.out.byteOffset, this.offset);
  }
}
