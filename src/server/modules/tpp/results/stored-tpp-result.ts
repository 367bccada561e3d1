import { computeTpp } from '../../../../domain/tpp/compute-tpp';
import type { TppRuleSet } from '../../../../domain/tpp/rule-set';
import type { TppInput } from '../../../../domain/tpp/tpp-input';
import type { TppResult } from '../../../../domain/tpp/tpp-result';
import { conflict } from '../../../platform/errors';

/** A stored result row as far as its explanation is concerned. */
export interface StoredTppResultRow {
  period: string;
  input: unknown;
  result: unknown;
  earned: number;
  deductionTotal: number;
  adjustmentTotal: number;
  tpp: number;
  gross: number;
  pph21: number;
  net: number;
}

/**
 * The explanation of a stored result (ADR 0013): stored as it was paid once the month is closed;
 * before that computed again from the stored input and the rule set version the run used — the
 * engine is a pure function of both, so this is the result the run computed. Should the engine
 * have changed since the run (a new release), the totals no longer match the stored ones and the
 * month must be computed again rather than explained with figures that differ from its totals.
 */
export function resolveStoredTppResult(row: StoredTppResultRow, ruleSet: TppRuleSet): TppResult {
  if (row.result !== null && row.result !== undefined) return row.result as TppResult;
  const result = computeTpp(ruleSet, row.input as TppInput);
  const matches =
    result.earned === row.earned &&
    result.deductionTotal === row.deductionTotal &&
    result.adjustmentTotal === row.adjustmentTotal &&
    result.tpp === row.tpp &&
    result.gross === row.gross &&
    result.pph21.amount === row.pph21 &&
    result.net === row.net;
  if (!matches) {
    throw conflict(`Rincian TPP bulan ${row.period} tidak lagi sesuai dengan totalnya (cara hitung berubah sejak perhitungan terakhir); hitung ulang bulan ini`);
  }
  return result;
}
