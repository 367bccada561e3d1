import { computeClaimedMinutes, findVolumeProblem } from './entry-minutes';
import { formatEntryTime, rangesOverlap, type TimeRange, type TimeSpan } from './entry-time';
import type { ActivityRules } from './rules';

/** Stable names of the entry rules; the API puts them in `details.rule` next to `details.field`. */
export const ENTRY_RULES = [
  'time_order',
  'volume',
  'future_date',
  'period_closed',
  'deadline',
  'leave_day',
  'day_off',
  'overlap',
  'daily_cap',
  'catalogue_item',
  'evidence',
] as const;
export type EntryRule = (typeof ENTRY_RULES)[number];

export interface EntryProblem {
  rule: EntryRule;
  field: string;
  message: string;
  /** A clash with stored state (other entries, the calendar, a deadline) rather than malformed input. */
  isConflict: boolean;
}

/** Another entry of the same person and day that still counts (not rejected). */
export interface SameDayEntry {
  id: string;
  title: string;
  range: TimeRange;
  claimedMinutes: number;
}

/** Everything the rules need to judge one entry; the service gathers it, the rules decide. */
export interface EntryFacts {
  workDate: string;
  /** Today in the unit's time zone. */
  today: string;
  span: TimeSpan;
  volume: number;
  /** null for an additional task. */
  standardMinutes: number | null;
  rules: Pick<ActivityRules, 'dailyCapMinutes' | 'allowEntriesOnLeave' | 'allowEntriesOnDaysOff'>;
  isPeriodClosed: boolean;
  deadline: { isOpen: boolean; lastDay: string };
  /** The kind of approved leave or duty on the work date, or null. */
  leaveLabel: string | null;
  /** Why the work date is not a working day (holiday name, weekly day off), or null. */
  dayOffLabel: string | null;
  others: readonly SameDayEntry[];
}

export type EntryJudgement = { isAccepted: true; claimedMinutes: number } | { isAccepted: false; problem: EntryProblem };

const reject = (rule: EntryRule, field: string, message: string, isConflict: boolean): EntryJudgement => ({ isAccepted: false, problem: { rule, field, message, isConflict } });

/**
 * Judge one entry (new, edited or submitted) against the region's rules and the person's other
 * entries of that day. The first problem wins, malformed input before clashes with stored state.
 */
export function judgeEntry(facts: EntryFacts): EntryJudgement {
  const { span } = facts;
  if (!span.isValid) return reject('time_order', span.field, span.problem, false);
  const volumeProblem = findVolumeProblem(facts.volume);
  if (volumeProblem) return reject('volume', 'volume', volumeProblem, false);
  if (facts.workDate > facts.today) return reject('future_date', 'workDate', `Aktivitas tanggal ${facts.workDate} belum dapat diisi: tanggal itu belum tiba`, false);
  if (facts.isPeriodClosed) {
    return reject('period_closed', 'workDate', `Bulan ${facts.workDate.slice(0, 7)} sudah ditutup untuk TPP; aktivitasnya tidak dapat diubah lagi`, true);
  }
  if (!facts.deadline.isOpen) {
    return reject('deadline', 'workDate', `Batas waktu pengisian aktivitas tanggal ${facts.workDate} sudah lewat (terakhir ${facts.deadline.lastDay}); minta admin memperpanjang bila ada gangguan`, true);
  }
  if (facts.leaveLabel !== null && !facts.rules.allowEntriesOnLeave) {
    return reject('leave_day', 'workDate', `Tanggal ${facts.workDate} Anda sedang ${facts.leaveLabel}; aturan daerah tidak menerima aktivitas pada hari cuti atau dinas`, true);
  }
  if (facts.dayOffLabel !== null && !facts.rules.allowEntriesOnDaysOff) {
    return reject('day_off', 'workDate', `Tanggal ${facts.workDate} bukan hari kerja (${facts.dayOffLabel}); aturan daerah tidak menerima aktivitas pada hari libur`, true);
  }
  const clash = facts.others.find((other) => rangesOverlap(other.range, span.range));
  if (clash) {
    const clashTime = `${formatEntryTime(clash.range.startMinute)}–${formatEntryTime(clash.range.endMinute)}`;
    return reject('overlap', 'startTime', `Waktu bertumpang tindih dengan aktivitas lain pada hari itu: "${clash.title}" ${clashTime}`, true);
  }
  const claimedMinutes = computeClaimedMinutes({ volume: facts.volume, standardMinutes: facts.standardMinutes, spanMinutes: span.minutes });
  const alreadyClaimed = facts.others.reduce((sum, other) => sum + other.claimedMinutes, 0);
  if (alreadyClaimed + claimedMinutes > facts.rules.dailyCapMinutes) {
    const room = Math.max(0, facts.rules.dailyCapMinutes - alreadyClaimed);
    return reject(
      'daily_cap',
      'volume',
      `Jumlah menit hari itu melebihi batas harian ${facts.rules.dailyCapMinutes} menit (sudah ${alreadyClaimed} menit, entri ini ${claimedMinutes} menit, sisa ${room} menit)`,
      true,
    );
  }
  return { isAccepted: true, claimedMinutes };
}
