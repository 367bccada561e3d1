import type { TppSummaryView } from '../../../contracts/tpp';

type SummaryRow = TppSummaryView['opds'][number];

/** Biggest change first (either way), OPDs without last month after them; else as listed (by name). */
export function sortSummaryRows(rows: readonly SummaryRow[], sort: 'name' | 'change'): SummaryRow[] {
  if (sort === 'name') return [...rows];
  return [...rows].sort((a, b) => (a.change === null ? (b.change === null ? 0 : 1) : b.change === null ? -1 : Math.abs(b.change) - Math.abs(a.change)));
}

/** The OPD whose net moved most since the month before, if any moved. */
export const findBiggestChange = (rows: readonly SummaryRow[]): SummaryRow | null => sortSummaryRows(rows, 'change').find((row) => row.change !== null && row.change !== 0) ?? null;
