/** A working day whose attendance may have changed because punches arrived or were resolved. */
export interface AffectedDay {
  employeeId: string;
  /** The device's local date of the punch (YYYY-MM-DD). */
  localDate: string;
}

/**
 * Called after punches are committed (ADMS upload, file import, held punches resolved, re-parse)
 * so that daily attendance can be recomputed. Wired by the composition root; optional here.
 */
export type OnPunchesIngested = (affected: AffectedDay[]) => Promise<void>;

export function uniqueAffectedDays(days: AffectedDay[]): AffectedDay[] {
  const seen = new Map<string, AffectedDay>();
  for (const day of days) seen.set(`${day.employeeId}|${day.localDate}`, day);
  return [...seen.values()];
}

/** Runs the hook after commit; a failing recomputation must not turn a committed upload into an error. */
export async function notifyPunchesIngested(hook: OnPunchesIngested | undefined, days: AffectedDay[], log?: (error: unknown) => void): Promise<void> {
  const unique = uniqueAffectedDays(days);
  if (!hook || unique.length === 0) return;
  try {
    await hook(unique);
  } catch (error) {
    log?.(error);
  }
}
