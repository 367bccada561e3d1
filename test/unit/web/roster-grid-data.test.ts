import { describe, expect, it } from 'vitest';
import { buildRosterRequest, cellKey, datesOfMonth, DAY_OFF, NOT_ROSTERED, rosterCells } from '../../../src/web/features/attendance-admin/roster-grid-data';
import { weekdayKey, weekdayOf } from '../../../src/web/features/attendance-admin/weekdays';

describe('roster grid', () => {
  it('lists every date of a month, leap years included', () => {
    expect(datesOfMonth('2026-02')).toHaveLength(28);
    expect(datesOfMonth('2028-02').at(-1)).toBe('2028-02-29');
    expect(datesOfMonth('2026-11')[0]).toBe('2026-11-01');
    expect(datesOfMonth('2026-12').at(-1)).toBe('2026-12-31');
  });

  it('reads stored entries as cells: a shift id, or a rostered day off', () => {
    const cells = rosterCells({
      month: '2026-11',
      entries: [
        { employeeId: 'a', date: '2026-11-02', shiftId: 'pagi', shiftCode: 'P' },
        { employeeId: 'a', date: '2026-11-03', shiftId: null, shiftCode: null },
      ],
    });
    expect(cells.get(cellKey('a', '2026-11-02'))).toBe('pagi');
    expect(cells.get(cellKey('a', '2026-11-03'))).toBe(DAY_OFF);
    expect(cells.has(cellKey('a', '2026-11-04'))).toBe(false);
  });

  it('replaces the month of every employee shown: empty cells are left out, an emptied row is still listed', () => {
    const cells = new Map([
      [cellKey('a', '2026-11-02'), 'pagi'],
      [cellKey('a', '2026-11-03'), DAY_OFF],
      [cellKey('a', '2026-11-04'), NOT_ROSTERED],
      // Outside the month or of someone not shown: never sent.
      [cellKey('a', '2026-12-01'), 'pagi'],
      [cellKey('c', '2026-11-02'), 'malam'],
    ]);
    expect(buildRosterRequest('2026-11', ['a', 'b'], cells)).toEqual({
      month: '2026-11',
      entries: [
        { employeeId: 'a', date: '2026-11-02', shiftId: 'pagi' },
        { employeeId: 'a', date: '2026-11-03', shiftId: null },
      ],
      employeeIds: ['a', 'b'],
    });
  });

  it('names weekdays from the calendar date, not the browser zone', () => {
    expect(weekdayOf('2026-11-01')).toBe(7);
    expect(weekdayOf('2026-11-02')).toBe(1);
    expect(weekdayKey(5)).toBe('attendanceAdmin.weekday.5');
    expect(() => weekdayKey(0)).toThrow();
  });
});
