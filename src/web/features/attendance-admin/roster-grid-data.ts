import type { ShiftRoster } from './attendance-admin-api';

/** A roster cell: not rostered (no entry), a rostered day off (entry without shift), or a shift id. */
export const NOT_ROSTERED = '';
export const DAY_OFF = 'off';

export const cellKey = (employeeId: string, date: string) => `${employeeId}|${date}`;

/** Every date of a `YYYY-MM` month. */
export function datesOfMonth(month: string): string[] {
  const [year, monthNumber] = month.split('-').map(Number);
  const count = new Date(Date.UTC(year ?? 0, monthNumber ?? 1, 0)).getUTCDate();
  return Array.from({ length: count }, (_, index) => `${month}-${String(index + 1).padStart(2, '0')}`);
}

/** The stored roster as cell values. */
export function rosterCells(roster: ShiftRoster | undefined): Map<string, string> {
  return new Map((roster?.entries ?? []).map((entry) => [cellKey(entry.employeeId, entry.date), entry.shiftId ?? DAY_OFF]));
}

/**
 * The request replacing the month for every employee shown: cells left "not rostered" are
 * simply absent, and listing every employee clears a row emptied in the grid.
 */
export function buildRosterRequest(month: string, employeeIds: readonly string[], cells: ReadonlyMap<string, string>) {
  const dates = datesOfMonth(month);
  const entries = employeeIds.flatMap((employeeId) =>
    dates.flatMap((date) => {
      const value = cells.get(cellKey(employeeId, date)) ?? NOT_ROSTERED;
      if (value === NOT_ROSTERED) return [];
      return [{ employeeId, date, shiftId: value === DAY_OFF ? null : value }];
    }),
  );
  return { month, entries, employeeIds: [...employeeIds] };
}
