import { describe, expect, it } from 'vitest';
import { chooseRhkList, rhkToSend, type FetchedRhkList, type RhkChoice } from '../../../src/web/features/activities/rhk-choices';

const rhk = (id: string): RhkChoice => ({ id, kind: 'utama', text: `RHK ${id}`, supportedRhkText: null });
const fetched = (date: string, ids: string[], fetchedAt: number): FetchedRhkList => ({ date, items: ids.map(rhk), fetchedAt });

describe('the RHK picker of the entry form', () => {
  it('offers the list of the chosen date when it is loaded', () => {
    const choices = chooseRhkList('2026-04-15', { date: '2026-04-15', skpId: 's', items: [rhk('a')] }, [fetched('2026-04-14', ['b'], 5)]);
    expect(choices).toEqual({ items: [rhk('a')], source: 'date' });
  });

  it('offline, falls back to the most recently fetched list of the same year, never another year', () => {
    const cache = [fetched('2026-04-01', ['old'], 1), fetched('2026-04-14', ['new'], 9), fetched('2025-12-31', ['last-year'], 20)];
    expect(chooseRhkList('2026-04-15', undefined, cache)).toEqual({ items: [rhk('new')], source: 'fallback' });
    expect(chooseRhkList('2027-01-02', undefined, cache)).toEqual({ items: [], source: 'none' });
    expect(chooseRhkList('2026-04-15', undefined, [])).toEqual({ items: [], source: 'none' });
  });

  it('sends the chosen RHK unless the loaded list of the chosen date lacks it', () => {
    const loaded = { items: [rhk('a')], source: 'date' as const };
    expect(rhkToSend('a', loaded)).toBe('a');
    expect(rhkToSend('b', loaded)).toBeNull();
    expect(rhkToSend(null, loaded)).toBeNull();
    // Offline the server decides when the queued entry is sent: the id travels with it.
    expect(rhkToSend('b', { items: [rhk('a')], source: 'fallback' })).toBe('b');
    expect(rhkToSend('b', { items: [], source: 'none' })).toBe('b');
  });
});
