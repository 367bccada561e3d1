import { describe, expect, it } from 'vitest';
import { BERAKHLAK_CODES, BERAKHLAK_SOURCE, BERAKHLAK_VALUES } from '../../../src/domain/skp/berakhlak';
import { checkCascadeLink, type CascadeLinkInput, type CascadeViolation } from '../../../src/domain/skp/cascade';
import { defaultReviewPeriodKey, findSkpPeriod, hasSkpPeriodStarted, listSkpPeriods, listSkpPeriodsWithin } from '../../../src/domain/skp/periods';

describe('checkCascadeLink', () => {
  // Cascade as stored: kabid-1 supports kadis-1; staf-1 supports kabid-1.
  const supportedBy = new Map<string, string | null>([
    ['kadis-1', null],
    ['kabid-1', 'kadis-1'],
    ['staf-1', 'kabid-1'],
  ]);
  const base: CascadeLinkInput = {
    rhkId: 'staf-2',
    year: 2026,
    superiorEmployeeId: 'kabid',
    cited: { rhkId: 'kabid-1', ownerEmployeeId: 'kabid', year: 2026, skpStatus: 'approved' },
    supportedBy,
  };

  it.each<{ name: string; change: Partial<CascadeLinkInput>; expected: CascadeViolation | null }>([
    { name: "a valid citation of the superior's approved RHK", change: {}, expected: null },
    { name: 'a new RHK (no id yet)', change: { rhkId: null }, expected: null },
    { name: 'an unknown RHK', change: { cited: null }, expected: 'not_found' },
    { name: 'an SKP without assessor', change: { superiorEmployeeId: null }, expected: 'no_superior' },
    { name: "another person's RHK", change: { cited: { rhkId: 'x-1', ownerEmployeeId: 'kabid-lain', year: 2026, skpStatus: 'approved' } }, expected: 'not_superior' },
    { name: "the superior's RHK of another year", change: { cited: { rhkId: 'kabid-0', ownerEmployeeId: 'kabid', year: 2025, skpStatus: 'approved' } }, expected: 'other_year' },
    { name: "the superior's draft RHK", change: { cited: { rhkId: 'kabid-2', ownerEmployeeId: 'kabid', year: 2026, skpStatus: 'draft' } }, expected: 'not_approved' },
    {
      name: 'a link that closes a loop',
      change: { rhkId: 'kadis-1', superiorEmployeeId: 'staf', cited: { rhkId: 'staf-1', ownerEmployeeId: 'staf', year: 2026, skpStatus: 'approved' } },
      expected: 'cycle',
    },
  ])('$name → $expected', ({ change, expected }) => {
    expect(checkCascadeLink({ ...base, ...change })).toBe(expected);
  });
});

describe('SKP periods', () => {
  it('lists the twelve months of a leap year', () => {
    const months = listSkpPeriods(2024, 'month');
    expect(months).toHaveLength(12);
    expect(months[1]).toEqual({ key: '2024-02', kind: 'month', startDate: '2024-02-01', endDate: '2024-02-29' });
    expect(months[11]).toEqual({ key: '2024-12', kind: 'month', startDate: '2024-12-01', endDate: '2024-12-31' });
  });

  it('lists four quarters', () => {
    expect(listSkpPeriods(2026, 'quarter').map((p) => [p.key, p.startDate, p.endDate])).toEqual([
      ['2026-Q1', '2026-01-01', '2026-03-31'],
      ['2026-Q2', '2026-04-01', '2026-06-30'],
      ['2026-Q3', '2026-07-01', '2026-09-30'],
      ['2026-Q4', '2026-10-01', '2026-12-31'],
    ]);
  });

  it('keeps only the periods that overlap a shorter SKP span', () => {
    expect(listSkpPeriodsWithin('month', { startDate: '2026-03-15', endDate: '2026-05-10' }).map((p) => p.key)).toEqual(['2026-03', '2026-04', '2026-05']);
    expect(listSkpPeriodsWithin('quarter', { startDate: '2026-07-01', endDate: '2026-12-31' }).map((p) => p.key)).toEqual(['2026-Q3', '2026-Q4']);
  });

  it('finds a period by key and says whether it has started', () => {
    const march = findSkpPeriod(2026, 'month', '2026-03');
    expect(march).not.toBeNull();
    expect(findSkpPeriod(2026, 'month', '2026-Q1')).toBeNull();
    expect(hasSkpPeriodStarted(march!, '2026-02-28')).toBe(false);
    expect(hasSkpPeriodStarted(march!, '2026-03-01')).toBe(true);
  });

  it('rejects an implausible year', () => {
    expect(() => listSkpPeriods(26, 'month')).toThrow(RangeError);
  });
});

describe('defaultReviewPeriodKey', () => {
  it('is the last ended period, the first before any has ended, and the year once it is over', () => {
    expect(defaultReviewPeriodKey(2026, 'month', '2026-11-28')).toBe('2026-10');
    expect(defaultReviewPeriodKey(2026, 'month', '2026-11-01')).toBe('2026-10');
    expect(defaultReviewPeriodKey(2026, 'month', '2026-10-31')).toBe('2026-09');
    expect(defaultReviewPeriodKey(2026, 'quarter', '2026-11-28')).toBe('2026-Q3');
    expect(defaultReviewPeriodKey(2026, 'quarter', '2026-02-10')).toBe('2026-Q1');
    expect(defaultReviewPeriodKey(2026, 'month', '2026-01-15')).toBe('2026-01');
    expect(defaultReviewPeriodKey(2026, 'month', '2027-01-05')).toBe('2026');
    // A year still to come: its first period.
    expect(defaultReviewPeriodKey(2027, 'month', '2026-11-28')).toBe('2027-01');
  });
});

describe('BerAKHLAK values', () => {
  it('holds seven values with three guidance items each and its source', () => {
    expect(BERAKHLAK_CODES).toEqual(['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF']);
    for (const value of BERAKHLAK_VALUES) expect(value.guidance).toHaveLength(3);
    expect(BERAKHLAK_SOURCE).toContain('SE MenPANRB No. 20 Tahun 2021');
  });
});
