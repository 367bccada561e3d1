import { and, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { ActivityEntryView, EntrySignal } from '../../../../contracts/activities';
import { findEntrySignals, normaliseEntryText, type SignalDay, type SignalEntry, type TextOccurrence } from '../../../../domain/activities/entry-signals';
import { addDays, countDays, wallClockToInstant } from '../../../../domain/attendance/calendar-zone';
import type { Executor } from '../../../db/client';
import { activityEntries, dailyAttendance } from '../../../db/schema';
import { resolveWorkDays } from '../../attendance/schedules';
import type { RulesOnDate } from './rule-timeline';

/** resolveWorkDays reads at most a year; older pending work is shown without schedule signals. */
const MAX_SIGNAL_DAYS = 366;

const minuteOfWallTime = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The text compared for repetition: the description, and for a free-text task its title too. */
export const textOfEntry = (entry: Pick<ActivityEntryView, 'isAdditionalTask' | 'title' | 'description'>): string | null =>
  normaliseEntryText(entry.isAdditionalTask ? [entry.title, entry.description ?? ''].join(' ') : entry.description);

/** The same normalisation as normaliseEntryText, in SQL, so the month's matches are found by the database. */
const normalisedTextSql = sql<string>`btrim(regexp_replace(regexp_replace(lower(case when ${activityEntries.isAdditionalTask} then concat_ws(' ', ${activityEntries.title}, ${activityEntries.description}) else ${activityEntries.description} end), '\\s+', ' ', 'g'), '[\\s.,;:!]+$', ''))`;

function groupByMonth<T extends { workDate: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = item.workDate.slice(0, 7);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

const monthStart = (date: string) => `${date.slice(0, 7)}-01`;
const monthEnd = (date: string) => addDays(`${addDays(`${date.slice(0, 7)}-28`, 4).slice(0, 7)}-01`, -1);

/**
 * Signals of these entries (issue 4 §5): the person's schedule and attendance on each day and the
 * entries of the same months with the same text, people counted within the entries' units. Five
 * reads (plus the schedule resolution) for any number of entries.
 */
export async function computeEntrySignals(executor: Executor, entries: readonly ActivityEntryView[], rulesOn: RulesOnDate): Promise<Map<string, EntrySignal[]>> {
  if (entries.length === 0) return new Map();
  const employeeIds = [...new Set(entries.map((entry) => entry.employeeId))];
  const dates = entries.map((entry) => entry.workDate).sort();
  const to = dates[dates.length - 1] ?? '';
  let from = dates[0] ?? to;
  if (countDays(from, to) > MAX_SIGNAL_DAYS) from = addDays(to, -(MAX_SIGNAL_DAYS - 1));

  const workDays = await resolveWorkDays(executor, employeeIds, from, to);
  const attendance = await executor
    .select({ employeeId: dailyAttendance.employeeId, date: dailyAttendance.date, status: dailyAttendance.status, firstIn: dailyAttendance.firstIn, lastOut: dailyAttendance.lastOut })
    .from(dailyAttendance)
    .where(and(inArray(dailyAttendance.employeeId, employeeIds), gte(dailyAttendance.date, from), lte(dailyAttendance.date, to)));
  const attendanceOf = new Map(attendance.map((row) => [`${row.employeeId}|${row.date}`, row]));

  const days = new Map<string, SignalDay>();
  for (const [employeeId, list] of workDays) {
    for (const day of list) {
      const midnight = wallClockToInstant(day.date, 0, day.timeZone).getTime();
      const minuteOf = (instant: Date | null) => (instant === null ? null : Math.round((instant.getTime() - midnight) / 60_000));
      const row = attendanceOf.get(`${employeeId}|${day.date}`);
      const hasPresence = row?.firstIn != null && row.lastOut != null;
      days.set(`${employeeId}|${day.date}`, {
        isWorkingDay: day.isWorkingDay,
        plannedStartMinute: minuteOf(day.plannedStart),
        plannedEndMinute: minuteOf(day.plannedEnd),
        attendanceStatus: row?.status ?? null,
        presentFromMinute: hasPresence ? minuteOf(row.firstIn) : null,
        presentUntilMinute: hasPresence ? minuteOf(row.lastOut) : null,
      });
    }
  }

  const signalEntries: SignalEntry[] = entries.map((entry) => ({
    id: entry.id,
    employeeId: entry.employeeId,
    workDate: entry.workDate,
    startMinute: minuteOfWallTime(entry.startTime),
    endMinute: minuteOfWallTime(entry.endTime),
    text: textOfEntry(entry),
  }));
  const texts = [...new Set(signalEntries.flatMap((entry) => (entry.text === null ? [] : [entry.text])))];
  const unitIds = [...new Set(entries.flatMap((entry) => (entry.unitId ? [entry.unitId] : [])))];
  let occurrences: TextOccurrence[] = [];
  if (texts.length > 0 && unitIds.length > 0) {
    occurrences = await executor
      .select({ employeeId: activityEntries.employeeId, workDate: activityEntries.workDate, text: normalisedTextSql })
      .from(activityEntries)
      .where(
        and(
          inArray(activityEntries.unitId, unitIds),
          gte(activityEntries.workDate, monthStart(dates[0] ?? to)),
          lte(activityEntries.workDate, monthEnd(to)),
          ne(activityEntries.status, 'draft'),
          inArray(normalisedTextSql, texts),
        ),
      );
  }
  // Repetition is counted within a month: an occurrence only counts for entries of its own month.
  const occurrencesByMonth = groupByMonth(occurrences);
  const entriesByMonth = groupByMonth(signalEntries);
  const result = new Map<string, EntrySignal[]>();
  for (const [key, monthEntries] of entriesByMonth) {
    const found = findEntrySignals({
      entries: monthEntries,
      dayOf: (employeeId, workDate) => days.get(`${employeeId}|${workDate}`),
      occurrences: occurrencesByMonth.get(key) ?? [],
      thresholdOf: (entry) => rulesOn(entry.workDate).repeatedTextThreshold,
    });
    for (const [id, signals] of found) result.set(id, signals);
  }
  return result;
}
