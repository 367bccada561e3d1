import { CopyWriter } from '../../../db/binary-copy';
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

/** The rows of a run's batch, current or as history (`isCurrent`). */
export function encodeTppResultsCopy(
  run: { runId: string; ruleSetId: string; period: string; computedAt: Date; isCurrent: boolean },
  computed: readonly ComputedTpp[],
): Uint8Array<ArrayBuffer> {
  const writer = new CopyWriter(computed.length * 1_400 + 64);
  writer.header();
  for (const { snapshot, input, result, notes } of computed) {
    writer.reserve(2);
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
    writer.timestampField(run.computedAt.getTime());
  }
  writer.trailer();
  return writer.done();
}
