import { describe, expect, it } from 'vitest';
import { latestPredikatBefore, type FinalPredikatSource } from '../../../src/domain/tpp/assumed-predikat';

const month = (periodKey: string, predikat: FinalPredikatSource['predikat']): FinalPredikatSource => ({ year: Number(periodKey.slice(0, 4)), periodKind: 'month', periodKey, predikat });

describe('latestPredikatBefore: what an estimate assumes for a month not rated yet', () => {
  it('takes the final predikat of the latest month that ended before the estimated one', () => {
    const ratings = [month('2026-08', 'kurang'), month('2026-10', 'baik'), month('2026-09', 'sangat_baik')];
    expect(latestPredikatBefore(ratings, '2026-11')).toEqual({ predikat: 'baik', periodKey: '2026-10' });
    // The month itself and later ones are not "before": October's estimate looks at September.
    expect(latestPredikatBefore(ratings, '2026-10')).toEqual({ predikat: 'sangat_baik', periodKey: '2026-09' });
    expect(latestPredikatBefore(ratings, '2026-08')).toBeNull();
    expect(latestPredikatBefore([], '2026-11')).toBeNull();
  });

  it('reads quarters and years by the day they end; of two ending together the shorter one is the newer news', () => {
    const q3: FinalPredikatSource = { year: 2026, periodKind: 'quarter', periodKey: '2026-Q3', predikat: 'butuh_perbaikan' };
    const lastYear: FinalPredikatSource = { year: 2025, periodKind: 'annual', periodKey: '2025', predikat: 'sangat_baik' };
    // November: Q3 ended 30 September; the quarter in progress (Q4) is not rated yet.
    expect(latestPredikatBefore([lastYear, q3], '2026-11')).toEqual({ predikat: 'butuh_perbaikan', periodKey: '2026-Q3' });
    // January: last year's annual rating ended on 31 December.
    expect(latestPredikatBefore([lastYear, q3], '2026-01')).toEqual({ predikat: 'sangat_baik', periodKey: '2025' });
    const december: FinalPredikatSource = { year: 2025, periodKind: 'month', periodKey: '2025-12', predikat: 'kurang' };
    expect(latestPredikatBefore([lastYear, december], '2026-02')).toEqual({ predikat: 'kurang', periodKey: '2025-12' });
    expect(latestPredikatBefore([december, lastYear], '2026-02')).toEqual({ predikat: 'kurang', periodKey: '2025-12' });
  });

  it('ignores a key its plan year does not have', () => {
    expect(latestPredikatBefore([{ year: 2026, periodKind: 'month', periodKey: '2025-13', predikat: 'baik' }], '2026-11')).toBeNull();
  });
});
