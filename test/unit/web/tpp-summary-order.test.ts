import { describe, expect, it } from 'vitest';
import type { TppSummaryView } from '../../../src/contracts/tpp';
import { findBiggestChange, sortSummaryRows } from '../../../src/web/features/tpp/tpp-summary-order';

type Row = TppSummaryView['opds'][number];
const row = (opdName: string, change: number | null): Row => ({
  opdUnitId: null,
  opdName,
  employees: 1,
  earned: 0,
  deductionTotal: 0,
  tpp: 0,
  gross: 0,
  pph21: 0,
  bpjsEmployer: 0,
  bpjsEmployee: 0,
  net: 0,
  corrections: 0,
  previousEmployees: change === null ? null : 1,
  previousNet: change === null ? null : 100,
  change,
});

describe('the TPP summary per OPD, month on month', () => {
  const rows = [row('Badan A', 500), row('Dinas B', null), row('Dinas C', -2_000), row('Dinas D', 0), row('Kecamatan E', 1_000)];

  it('puts the biggest change first either way, OPDs without last month last; by name leaves the list as it is', () => {
    expect(sortSummaryRows(rows, 'change').map((item) => item.opdName)).toEqual(['Dinas C', 'Kecamatan E', 'Badan A', 'Dinas D', 'Dinas B']);
    expect(sortSummaryRows(rows, 'name')).toEqual(rows);
  });

  it('names the OPD that moved most, none when nothing moved', () => {
    expect(findBiggestChange(rows)?.opdName).toBe('Dinas C');
    expect(findBiggestChange([row('Dinas B', null), row('Dinas D', 0)])).toBeNull();
  });
});
