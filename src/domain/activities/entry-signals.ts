import type { EntrySignal } from '../../contracts/activities';

/**
 * Signals for the superior on the approval screen (issue 4 §5): hints, never a block. Pure: the
 * caller gives each entry's times as minutes of the work day in the unit's zone, the person's day
 * (schedule and attendance) and the month's entries carrying the same texts.
 */
export interface SignalEntry {
  id: string;
  employeeId: string;
  workDate: string;
  startMinute: number;
  endMinute: number;
  /** The text compared for repetition (see `normaliseEntryText`); null when the entry has none. */
  text: string | null;
}

export interface SignalDay {
  /** No working hours at all (weekly day off, holiday, no schedule). */
  isWorkingDay: boolean;
  /** Planned working hours as minutes of the work day; an overnight shift ends after 1440. */
  plannedStartMinute: number | null;
  plannedEndMinute: number | null;
  /** daily_attendance status of the day, when derived. */
  attendanceStatus: string | null;
  /** First check-in / last check-out as minutes of the work day, when both exist. */
  presentFromMinute: number | null;
  presentUntilMinute: number | null;
}

/** One entry of the month with a text, for the repetition count (the queue's entries included). */
export interface TextOccurrence {
  employeeId: string;
  workDate: string;
  text: string;
}

export interface SignalInput {
  entries: readonly SignalEntry[];
  dayOf: (employeeId: string, workDate: string) => SignalDay | undefined;
  occurrences: readonly TextOccurrence[];
  /** rules.repeatedTextThreshold of the work date's rule set, per entry. */
  thresholdOf: (entry: SignalEntry) => number;
}

/** Statuses where the person works away from the machine, so punches say nothing about presence. */
const PRESENCE_NOT_PUNCHED = new Set(['wfh', 'wfa', 'dinas_luar', 'dinas_luar_sebagian', 'diklat', 'tugas_belajar']);

/** Case, spacing and trailing punctuation do not make a text different. */
export function normaliseEntryText(text: string | null): string | null {
  if (text === null) return null;
  const normalised = text.toLowerCase().replace(/\s+/g, ' ').replace(/[\s.,;:!]+$/u, '').trim();
  return normalised.length === 0 ? null : normalised;
}

function isOutsideWorkingHours(entry: SignalEntry, day: SignalDay): boolean {
  if (!day.isWorkingDay || day.plannedStartMinute === null || day.plannedEndMinute === null) return true;
  return entry.startMinute < day.plannedStartMinute || entry.endMinute > day.plannedEndMinute;
}

function isBeyondPresence(entry: SignalEntry, day: SignalDay): boolean {
  if (day.attendanceStatus !== null && PRESENCE_NOT_PUNCHED.has(day.attendanceStatus)) return false;
  if (day.presentFromMinute === null || day.presentUntilMinute === null) return false;
  return entry.startMinute < day.presentFromMinute || entry.endMinute > day.presentUntilMinute;
}

export function findEntrySignals(input: SignalInput): Map<string, EntrySignal[]> {
  // Days are counted per person (the same text on many of *their* days); people across the month.
  const datesOfPersonText = new Map<string, Set<string>>();
  const peopleOfText = new Map<string, Set<string>>();
  for (const occurrence of input.occurrences) {
    const key = `${occurrence.employeeId}|${occurrence.text}`;
    const dates = datesOfPersonText.get(key) ?? new Set<string>();
    dates.add(occurrence.workDate);
    datesOfPersonText.set(key, dates);
    const people = peopleOfText.get(occurrence.text) ?? new Set<string>();
    people.add(occurrence.employeeId);
    peopleOfText.set(occurrence.text, people);
  }

  const result = new Map<string, EntrySignal[]>();
  for (const entry of input.entries) {
    const signals: EntrySignal[] = [];
    const day = input.dayOf(entry.employeeId, entry.workDate);
    if (day && isOutsideWorkingHours(entry, day)) signals.push('outside_working_hours');
    if (day && isBeyondPresence(entry, day)) signals.push('beyond_presence');
    if (day?.attendanceStatus === 'tk') signals.push('on_absent_day');
    if (entry.text !== null) {
      const threshold = input.thresholdOf(entry);
      if ((datesOfPersonText.get(`${entry.employeeId}|${entry.text}`)?.size ?? 0) >= threshold || (peopleOfText.get(entry.text)?.size ?? 0) >= threshold) signals.push('repeated_text');
    }
    result.set(entry.id, signals);
  }
  return result;
}
