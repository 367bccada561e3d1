import type { MyRhkList } from '../../../contracts/skp-realisation';

export type RhkChoice = MyRhkList['items'][number];

/** A list of citable RHK fetched earlier for some date (from the query cache), with when it arrived. */
export interface FetchedRhkList {
  date: string;
  items: RhkChoice[];
  fetchedAt: number;
}

export interface RhkChoices {
  items: RhkChoice[];
  /**
   * `date`: the server's list for the chosen date (authoritative); `fallback`: the last list fetched
   * for another date of the same year, used while the chosen date's list cannot be loaded (offline);
   * `none`: nothing to offer — the entry is simply recorded without an RHK.
   */
  source: 'date' | 'fallback' | 'none';
}

/**
 * What the RHK picker offers for `date`. An SKP covers one year, so a list of another year would
 * only offer RHK the server refuses; within the year the last fetched list is almost always right,
 * and the server re-checks the RHK when the queued entry is sent.
 */
export function chooseRhkList(date: string, current: MyRhkList | undefined, fetched: FetchedRhkList[]): RhkChoices {
  if (current) return { items: current.items, source: 'date' };
  const sameYear = fetched.filter((list) => list.date.slice(0, 4) === date.slice(0, 4)).sort((a, b) => b.fetchedAt - a.fetchedAt);
  const latest = sameYear[0];
  return latest ? { items: latest.items, source: 'fallback' } : { items: [], source: 'none' };
}

/**
 * The RHK a new entry sends: the chosen one, except when the authoritative list of the chosen date
 * does not hold it (the date was changed after choosing), as the server would refuse it.
 */
export function rhkToSend(chosen: string | null, choices: RhkChoices): string | null {
  if (chosen === null) return null;
  if (choices.source === 'date' && !choices.items.some((item) => item.id === chosen)) return null;
  return chosen;
}
