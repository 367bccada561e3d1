import { describe, expect, it } from 'vitest';
import { monthsOfSpan, spansOutsideClosedMonths } from '../../../src/domain/attendance/closed-months';

describe('attendance of closed months stays as paid', () => {
  it('lists the months a span touches, across a year end', () => {
    expect(monthsOfSpan('2026-11-30', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsOfSpan('2026-10-05', '2026-10-05')).toEqual(['2026-10']);
  });

  it('keeps the open parts of a span, joining adjacent open months', () => {
    const closed = new Set(['2026-10']);
    expect(spansOutsideClosedMonths('2026-10-28', '2026-11-03', closed)).toEqual([{ from: '2026-11-01', to: '2026-11-03' }]);
    expect(spansOutsideClosedMonths('2026-09-15', '2026-11-03', closed)).toEqual([
      { from: '2026-09-15', to: '2026-09-30' },
      { from: '2026-11-01', to: '2026-11-03' },
    ]);
    expect(spansOutsideClosedMonths('2026-11-20', '2027-01-10', closed)).toEqual([{ from: '2026-11-20', to: '2027-01-10' }]);
    expect(spansOutsideClosedMonths('2026-10-01', '2026-10-31', closed)).toEqual([]);
    // February of a leap year ends on the 29th.
    expect(spansOutsideClosedMonths('2028-02-10', '2028-03-05', new Set(['2028-03']))).toEqual([{ from: '2028-02-10', to: '2028-02-29' }]);
  });
});
