import type { ComputedTpp } from './compute-employee-tpp';

/**
 * A batch of computed results as tpp_results rows in PostgreSQL's binary COPY format, in the order
 * of TPP_RESULT_COPY_COLUMNS (`result` is left out: null until the month is closed, ADR 0013).
 * Binary because the server then parses only the two JSON documents of a row; the rows as one JSON
 * parameter (jsonb_to_recordset) made it parse every value of every row out of one document first.
 */
export const TPP_RESULT_COPY_COLUMNS = [
  'period',
  'employee_id',
  'run_id',
  'rule_set_id',
  'is_current',
  'nip',
  'employee_name',
  'golongan',
  'jenis_asn',
  'unit_id',
  'unit_name',
  'opd_unit_id',
  'opd_name',
  'position_id',
  'position_code',
  'position_name',
  'kelas_jabatan',
  'input',
  'notes',
  'earned',
  'deduction_total',
  'adjustment_total',
  'tpp',
  'gross',
  'pph21',
  'bpjs_employer',
  'bpjs_employee',
  'net',
  'computed_at',
] as const;

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
/** PostgreSQL's epoch (2000-01-01) in Unix milliseconds. */
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** jsonb's binary form: a version byte, then the JSON text. */
const JSONB_VERSION = 1;

/** A growing buffer written front to back; room is reserved per field. */
class Writer {
  private bytesOut: Buffer;
  private offset = 0;

  constructor(size: number) {
    this.bytesOut = Buffer.allocUnsafe(size);
  }

  private reserve(bytes: number): void {
    if (this.offset + bytes <= this.bytesOut.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.bytesOut.length * 2, this.offset + bytes));
    this.bytesOut.copy(grown, 0, 0, this.offset);
    this.bytesOut = grown;
  }

  raw(bytes: Buffer): void {
    this.reserve(bytes.length);
    bytes.copy(this.bytesOut, this.offset);
    this.offset += bytes.length;
  }

  int16(value: number): void {
    this.reserve(2);
    this.bytesOut.writeInt16BE(value, this.offset);
    this.offset += 2;
  }

  int32(value: number): void {
    this.reserve(4);
    this.bytesOut.writeInt32BE(value, this.offset);
    this.offset += 4;
  }

  nullField(): void {
    this.int32(-1);
  }

  int32Field(value: number): void {
    this.int32(4);
    this.int32(value);
  }

  /** A bigint column from a safe JavaScript integer. */
  int64Field(value: number): void {
    if (!Number.isSafeInteger(value)) throw new RangeError(`not a safe integer: ${value}`);
    this.int32(8);
    const high = Math.floor(value / 0x1_0000_0000);
    this.int32(high);
    this.reserve(4);
    this.bytesOut.writeUInt32BE(value - high * 0x1_0000_0000, this.offset);
    this.offset += 4;
  }

  boolField(value: boolean): void {
    this.int32(1);
    this.reserve(1);
    this.bytesOut[this.offset] = value ? 1 : 0;
    this.offset += 1;
  }

  textField(value: string | null): void {
    if (value === null) return this.nullField();
    const length = Buffer.byteLength(value, 'utf8');
    this.int32(length);
    this.reserve(length);
    this.bytesOut.write(value, this.offset, length, 'utf8');
    this.offset += length;
  }

  jsonbField(value: unknown): void {
    const text = JSON.stringify(value);
    const length = Buffer.byteLength(text, 'utf8');
    this.int32(length + 1);
    this.reserve(length + 1);
    this.bytesOut[this.offset] = JSONB_VERSION;
    this.bytesOut.write(text, this.offset + 1, length, 'utf8');
    this.offset += length + 1;
  }

  /** A uuid given as text, checked: its 16 bytes. */
  uuidField(value: string | null): void {
    if (value === null) return this.nullField();
    if (!UUID_TEXT.test(value)) throw new Error(`not a uuid: ${value}`);
    this.int32(16);
    this.reserve(16);
    this.bytesOut.write(value.replace(/-/g, ''), this.offset, 16, 'hex');
    this.offset += 16;
  }

  /** A timestamptz: microseconds since 2000-01-01. */
  timestampField(instant: Date): void {
    this.int64Field((instant.getTime() - PG_EPOCH_MS) * 1000);
  }

  done(): Uint8Array<ArrayBuffer> {
    const out = new Uint8Array(this.offset);
    out.set(this.bytesOut.subarray(0, this.offset));
    return out;
  }
}

/** The rows of a run's batch, current or as history (`isCurrent`). */
export function encodeTppResultsCopy(
  run: { runId: string; ruleSetId: string; period: string; computedAt: Date; isCurrent: boolean },
  computed: readonly ComputedTpp[],
): Uint8Array<ArrayBuffer> {
  const writer = new Writer(computed.length * 1_400 + 64);
  writer.raw(SIGNATURE);
  writer.int32(0);
  writer.int32(0);
  for (const { snapshot, input, result, notes } of computed) {
    writer.int16(TPP_RESULT_COPY_COLUMNS.length);
    writer.textField(run.period);
    writer.uuidField(snapshot.employeeId);
    writer.uuidField(run.runId);
    writer.uuidField(run.ruleSetId);
    writer.boolField(run.isCurrent);
    writer.textField(snapshot.nip);
    writer.textField(snapshot.employeeName);
    writer.textField(snapshot.golongan);
    writer.textField(snapshot.jenisAsn);
    writer.uuidField(snapshot.unitId);
    writer.textField(snapshot.unitName);
    writer.uuidField(snapshot.opdUnitId);
    writer.textField(snapshot.opdName);
    writer.uuidField(snapshot.positionId);
    writer.textField(snapshot.positionCode);
    writer.textField(snapshot.positionName);
    writer.int32Field(snapshot.kelasJabatan);
    writer.jsonbField(input);
    writer.jsonbField(notes);
    writer.int64Field(result.earned);
    writer.int64Field(result.deductionTotal);
    writer.int64Field(result.adjustmentTotal);
    writer.int64Field(result.tpp);
    writer.int64Field(result.gross);
    writer.int64Field(result.pph21.amount);
    writer.int64Field(result.bpjs.employer);
    writer.int64Field(result.bpjs.employee);
    writer.int64Field(result.net);
    writer.timestampField(run.computedAt);
  }
  writer.int16(-1);
  return writer.done();
}
