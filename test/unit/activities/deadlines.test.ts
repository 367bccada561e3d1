import { describe, expect, it } from 'vitest';
import { deadlineInstant, lastDayOfDeadline } from '../../../src/domain/activities/deadlines';

describe('lastDayOfDeadline', () => {
  it.each([
    [{ kind: 'days_after', days: 0 } as const, '2026-03-31', '2026-03-31'],
    [{ kind: 'days_after', days: 7 } as const, '2026-03-28', '2026-04-04'],
    [{ kind: 'days_after', days: 3 } as const, '2026-12-30', '2027-01-02'],
    [{ kind: 'day_of_next_month', day: 5 } as const, '2026-01-31', '2026-02-05'],
    [{ kind: 'day_of_next_month', day: 5 } as const, '2026-12-01', '2027-01-05'],
  ])('%o for %s → %s', (deadline, workDate, expected) => {
    expect(lastDayOfDeadline(deadline, workDate)).toBe(expected);
  });
});

describe('deadlineInstant', () => {
  it('passes at local midnight after the last day, in the unit zone', () => {
    expect(deadlineInstant({ kind: 'days_after', days: 0 }, '2026-03-10', 'Asia/Jakarta').toISOString()).toBe('2026-03-10T17:00:00.000Z');
    expect(deadlineInstant({ kind: 'days_after', days: 0 }, '2026-03-10', 'Asia/Jayapura').toISOString()).toBe('2026-03-10T15:00:00.000Z');
  });
});
