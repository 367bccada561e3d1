import { describe, expect, it } from 'vitest';
import { computeClaimedMinutes, findVolumeProblem, MAX_ENTRY_VOLUME } from '../../../src/domain/activities/entry-minutes';

describe('computeClaimedMinutes = min(volume × standard minutes, time span)', () => {
  it.each([
    // volume, standard minutes, span → claimed
    [1, 30, 60, 30],
    [2, 30, 60, 60],
    [3, 30, 60, 60],
    [5, 12, 120, 60],
    [10_000, 1, 480, 480],
    // Additional task: no standard, it claims its span.
    [1, null, 75, 75],
    [40, null, 75, 75],
  ])('volume %i × %s min in a %i-minute span → %i', (volume, standardMinutes, spanMinutes, expected) => {
    expect(computeClaimedMinutes({ volume, standardMinutes, spanMinutes })).toBe(expected);
  });
});

describe('findVolumeProblem', () => {
  it.each([
    [1, false],
    [MAX_ENTRY_VOLUME, false],
    [0, true],
    [-3, true],
    [MAX_ENTRY_VOLUME + 1, true],
    [1.5, true],
  ])('volume %s refused: %s', (volume, isRefused) => {
    expect(findVolumeProblem(volume) !== null).toBe(isRefused);
  });
});
