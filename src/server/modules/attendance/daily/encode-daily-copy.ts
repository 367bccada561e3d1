import { CopyWriter, pgDay, pgMicros, uuidBytes } from '../../../db/binary-copy';
import type { DailyColumns } from './store-daily-rows';

/**
 * The rows of a batch in PostgreSQL's binary COPY format, in the column order of
 * DAILY_COPY_COLUMNS. Binary because the server then parses nothing: in text form a timestamp or
 * an array element is parsed per value, and 220,000 rows of COPY text took longer to load than
 * the same rows inserted from a table (bench, ADR 0010).
 */
export const DAILY_COPY_COLUMNS = [
  // Per employee, then per plan (date, schedule, planned times): each group one pre-encoded block.
  'employee_id',
  'unit_id',
  'date',
  'schedule_id',
  'planned_start',
  'planned_end',
  'status',
  'late_minutes',
  'early_minutes',
  'late_band',
  'early_band',
  'first_in',
  'last_out',
  'punch_ids',
  'request_ids',
  'is_final',
  'computed_at',
] as const;

const INT8_OID = 20;
const UUID_OID = 2950;
/** Upper bound of a row without its id arrays' elements: fixed-size fields, texts of the enumerations (< 64 bytes each), array headers. */
const ROW_BYTES_WITHOUT_IDS = 512;
const MAX_TEXT_FIELD = 64;

/** Field values that repeat across rows, encoded once (length prefix included). */
type Field = Buffer;

const NULL_FIELD: Field = Buffer.from([0xff, 0xff, 0xff, 0xff]);

function withLength(payload: Buffer): Field {
  const field = Buffer.allocUnsafe(4 + payload.length);
  field.writeInt32BE(payload.length, 0);
  payload.copy(field, 4);
  return field;
}

const uuidField = (value: string | null): Field => (value === null ? NULL_FIELD : withLength(uuidBytes(value)));

function dateField(value: string): Field {
  const payload = Buffer.allocUnsafe(4);
  payload.writeInt32BE(pgDay(value), 0);
  return withLength(payload);
}

/** A timestamptz field, encoded once for the rows that share it. */
function timestampField(ms: number | null): Field {
  const writer = new CopyWriter(12);
  writer.timestampField(ms);
  return writer.done();
}

/** An instant that differs per row, written in place (no field object per row). */
function writeInstant(writer: CopyWriter, ms: number | null): void {
  if (ms === null) {
    writer.bytes(NULL_FIELD);
    return;
  }
  if (!Number.isInteger(ms)) throw new RangeError(`not whole milliseconds: ${ms}`);
  writer.int32(8);
  writer.int64(pgMicros(ms));
}

/** Texts of the contract's enumerations: a handful of distinct values, encoded once each. */
function createTextFields(): (value: string | null) => Field {
  const cache = new Map<string, Field>();
  return (value) => {
    if (value === null) return NULL_FIELD;
    let field = cache.get(value);
    if (!field) {
      field = withLength(Buffer.from(value, 'utf8'));
      if (field.length > MAX_TEXT_FIELD) throw new RangeError(`text longer than a status or band: ${value}`);
      cache.set(value, field);
    }
    return field;
  };
}

/** The header of a one-dimensional array without nulls (array_recv's layout; the empty array when `count` is 0); each element follows as its length and bytes. */
function writeArrayHeader(writer: CopyWriter, elementOid: number, count: number, elementSize: number): void {
  if (count === 0) {
    writer.int32(12);
    writer.int32(0);
    writer.int32(0);
    writer.int32(elementOid);
    return;
  }
  writer.int32(20 + count * (4 + elementSize));
  writer.int32(1);
  writer.int32(0);
  writer.int32(elementOid);
  writer.int32(count);
  writer.int32(1);
}

/** Several encoded fields as one block, written to a row with a single copy. */
const joinFields = (...fields: Field[]): Field => Buffer.concat(fields);

/**
 * One COPY … FROM STDIN (FORMAT binary) stream of all rows of the batch, stamped `computedAt`.
 * What repeats is encoded once: per employee (id and unit), per plan (date, schedule, planned
 * times), the enumeration texts, and the row's tail (is_final, computed_at); a row is then a
 * handful of block copies and its own numbers, instants and ids (~1 µs, on the rebuild's critical
 * path).
 */
export function encodeDailyCopy(c: DailyColumns, computedAt: Date): Buffer<ArrayBuffer> {
  const rows = c.statuses.length;
  const writer = new CopyWriter(64 + rows * 256);
  writer.header();
  const employees = c.employees.map((id, index) => joinFields(uuidField(id), uuidField(c.units[index] ?? null)));
  const plans = c.planDates.map((date, index) =>
    joinFields(dateField(date), uuidField(c.planSchedules[index] ?? null), timestampField(c.planStarts[index] ?? null), timestampField(c.planEnds[index] ?? null)),
  );
  const text = createTextFields();
  const requestBytes = new Map<string, Buffer>();
  const computed = timestampField(computedAt.getTime());
  const finalTail = joinFields(withLength(Buffer.from([1])), computed);
  const pendingTail = joinFields(withLength(Buffer.from([0])), computed);
  const block = (list: readonly Field[], index: number): Field => {
    const value = list[index];
    if (value === undefined) throw new RangeError(`index ${index} outside the batch`);
    return value;
  };
  const { employeeIndex, planIndex, statuses, lateMinutes, earlyMinutes, lateBands, earlyBands, firstIns, lastOuts, punchIds, punchFrom, punchTo, requestIds, requestFrom, requestTo, isFinal } = c;
  for (let row = 0; row < rows; row++) {
    // Slices [from, to] of the flat id arrays, 1-based and inclusive (empty when to < from).
    const punchStart = (punchFrom[row] ?? 0) - 1;
    const punches = (punchTo[row] ?? 0) - punchStart;
    const requestStart = (requestFrom[row] ?? 0) - 1;
    const requests = (requestTo[row] ?? 0) - requestStart;
    writer.reserve(ROW_BYTES_WITHOUT_IDS + punches * 12 + requests * 20);
    writer.int16(DAILY_COPY_COLUMNS.length);
    writer.bytes(block(employees, (employeeIndex[row] ?? 0) - 1));
    writer.bytes(block(plans, (planIndex[row] ?? 0) - 1));
    writer.bytes(text(statuses[row] ?? null));
    writer.int32(4);
    writer.int32(lateMinutes[row] ?? 0);
    writer.int32(4);
    writer.int32(earlyMinutes[row] ?? 0);
    writer.bytes(text(lateBands[row] ?? null));
    writer.bytes(text(earlyBands[row] ?? null));
    writeInstant(writer, firstIns[row] ?? null);
    writeInstant(writer, lastOuts[row] ?? null);
    writeArrayHeader(writer, INT8_OID, punches, 8);
    for (let index = punchStart; index < punchStart + punches; index++) {
      const id = punchIds[index];
      if (id === undefined) throw new RangeError(`punch ${index} outside the batch`);
      writer.int32(8);
      writer.int64(id);
    }
    writeArrayHeader(writer, UUID_OID, requests, 16);
    for (let index = requestStart; index < requestStart + requests; index++) {
      const id = requestIds[index];
      if (id === undefined) throw new RangeError(`request ${index} outside the batch`);
      let bytes = requestBytes.get(id);
      if (!bytes) requestBytes.set(id, (bytes = uuidBytes(id)));
      writer.int32(16);
      writer.bytes(bytes);
    }
    writer.bytes(isFinal[row] ? finalTail : pendingTail);
  }
  writer.trailer();
  return writer.done();
}
