import { measureIndicatorProgress, measureRhkProgress, type IndicatorProgress } from '../../../domain/skp/progress';
import type { IndicatorAspect } from '../../../domain/skp/vocabulary';
import type { Executor } from '../../db/client';
import { findIndicatorRealisationRows, findRealisationRows } from './skp-realisation.repository';
import { findIndicatorRows, type IndicatorRow } from './skp.repository';

export interface RhkProgress {
  indicators: (IndicatorProgress & { indicatorId: string })[];
  progressBp: number | null;
}

/**
 * Progress of RHK from their recorded realisations, in period order; `throughDate` limits it to
 * the periods that started by then (an evaluation of March does not count April).
 */
export async function measureRhkRows(executor: Executor, rhkIds: string[], options: { throughDate?: string; indicators?: IndicatorRow[] } = {}): Promise<Map<string, RhkProgress>> {
  const indicators = options.indicators ?? (await findIndicatorRows(executor, rhkIds));
  const realisations = (await findRealisationRows(executor, rhkIds)).filter((row) => options.throughDate === undefined || row.periodStart <= options.throughDate);
  const values = await findIndicatorRealisationRows(executor, realisations.map((row) => row.id));
  const periodStartOf = new Map(realisations.map((row) => [row.id, row.periodStart]));
  const result = new Map<string, RhkProgress>();
  for (const rhkId of rhkIds) {
    const measured = indicators
      .filter((indicator) => indicator.rhkId === rhkId)
      .map((indicator) => {
        const series = values
          .filter((value) => value.indicatorId === indicator.id && periodStartOf.has(value.realisationId))
          .sort((a, b) => (periodStartOf.get(a.realisationId) ?? '').localeCompare(periodStartOf.get(b.realisationId) ?? ''))
          .map((value) => Number(value.value));
        return { indicatorId: indicator.id, ...measureIndicatorProgress({ aspect: indicator.aspect as IndicatorAspect, target: Number(indicator.targetValue), values: series }) };
      });
    result.set(rhkId, { indicators: measured, progressBp: measureRhkProgress(measured) });
  }
  return result;
}
