import { deadlineInstant, lastDayOfDeadline } from './deadlines';
import type { EntryDeadline } from './rules';

/** An admin's extension (activity_deadline_extensions): a unit and everything below it, or the region (unit null). */
export interface DeadlineExtension {
  unitId: string | null;
  workDateFrom: string;
  workDateTo: string;
  extendedUntil: Date;
}

/** Does the extension cover this work date for an employee whose unit path (unit, parent … root) is given? */
export function isExtensionApplicable(extension: DeadlineExtension, workDate: string, unitPath: readonly string[]): boolean {
  if (workDate < extension.workDateFrom || workDate > extension.workDateTo) return false;
  return extension.unitId === null || unitPath.includes(extension.unitId);
}

export interface EntryDeadlineState {
  /** Entries for the work date are still accepted at `now`. */
  isOpen: boolean;
  /** The last day under the region's rule (YYYY-MM-DD), for the message. */
  lastDay: string;
  /** The extension in force that keeps the day open, if the regular deadline has passed. */
  extendedUntil: Date | null;
}

/**
 * Whether work of `workDate` may still be entered at `now`: before the rule's deadline (end of its
 * last day in the unit's zone), or while an applicable extension runs (extendedUntil ≥ now).
 */
export function evaluateEntryDeadline(input: {
  deadline: EntryDeadline;
  workDate: string;
  timeZone: string;
  now: Date;
  unitPath: readonly string[];
  extensions: readonly DeadlineExtension[];
}): EntryDeadlineState {
  const lastDay = lastDayOfDeadline(input.deadline, input.workDate);
  if (input.now.getTime() < deadlineInstant(input.deadline, input.workDate, input.timeZone).getTime()) return { isOpen: true, lastDay, extendedUntil: null };
  const running = input.extensions
    .filter((extension) => isExtensionApplicable(extension, input.workDate, input.unitPath) && extension.extendedUntil.getTime() >= input.now.getTime())
    .sort((a, b) => b.extendedUntil.getTime() - a.extendedUntil.getTime());
  const latest = running[0];
  return latest ? { isOpen: true, lastDay, extendedUntil: latest.extendedUntil } : { isOpen: false, lastDay, extendedUntil: null };
}
