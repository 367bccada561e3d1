import { requestKindLabels, type RequestKind } from '../../../../contracts/attendance-requests';
import { evaluateEntryDeadline } from '../../../../domain/activities/entry-deadline';
import { dateOfInstant } from '../../../../domain/attendance/calendar-zone';
import { judgeEntry, type EntryJudgement, type EntryProblem } from '../../../../domain/activities/entry-checks';
import { measureTimeSpan, parseEntryTime } from '../../../../domain/activities/entry-time';
import type { Executor } from '../../../db/client';
import type { RequestContext } from '../../../platform/actor';
import { AppError } from '../../../platform/errors';
import { resolveWorkDays } from '../../attendance/schedules';
import { parseStoredActivityRules } from '../shared/activity-rules';
import type { EntryOwner } from './entries.repository';
import type { EntryFacts } from './entry-facts.repository';

/** What the rules judge of an entry: its day, times, volume and the standard minutes per unit. */
export interface EntryCandidate {
  workDate: string;
  startTime: string;
  endTime: string;
  volume: number;
  /** null for an additional task. */
  standardMinutes: number | null;
}

const DAY_OFF_LABELS: Record<string, string> = {
  hari_libur_jadwal: 'hari libur menurut jadwal kerja',
  libur_nasional: 'libur nasional',
  cuti_bersama: 'cuti bersama',
  libur_daerah: 'libur daerah',
};

const leaveLabelOf = (kind: string): string => (requestKindLabels[kind as RequestKind] ?? kind).toLowerCase();

/** The error the API returns for a broken rule: stable `details.rule` and the offending `details.field`. */
export const entryProblemError = (problem: EntryProblem): AppError =>
  new AppError(problem.isConflict ? 'CONFLICT' : 'VALIDATION_FAILED', problem.message, { field: problem.field, rule: problem.rule });

async function findDayOffLabel(executor: Executor, employeeId: string, workDate: string): Promise<string | null> {
  const [day] = (await resolveWorkDays(executor, [employeeId], workDate, workDate)).get(employeeId) ?? [];
  // Without any schedule we cannot tell a day off from a working day: such a day is not refused.
  if (!day || day.isWorkingDay || day.reason === 'tanpa_jadwal') return null;
  return day.holidayName ?? DAY_OFF_LABELS[day.reason] ?? day.reason;
}

export interface JudgeOptions {
  /**
   * A returned entry is revised on the superior's request, often after the entry deadline; the
   * approval deadline governs it from then on, so the entry deadline is not applied again.
   */
  isDeadlineWaived?: boolean;
}

/**
 * Judge one entry against the facts gathered for it (findEntryFacts: rule set in force on the work
 * date, deadline with extensions, leave, the person's other entries that day) with the pure rules.
 * Gather the facts under the employee's entry lock so that the other entries cannot change meanwhile.
 */
export async function judgeEntryCandidate(executor: Executor, ctx: RequestContext, owner: EntryOwner, candidate: EntryCandidate, facts: EntryFacts, options: JudgeOptions = {}): Promise<EntryJudgement> {
  const span = measureTimeSpan(candidate.startTime, candidate.endTime);
  const now = ctx.clock.now();
  if (!facts.ruleSet) throw new AppError('VALIDATION_FAILED', `Belum ada aturan aktivitas harian yang berlaku pada ${candidate.workDate}; admin BKPSDM perlu menetapkannya`);
  const rules = parseStoredActivityRules(facts.ruleSet.rules, facts.ruleSet.name);
  const deadline = evaluateEntryDeadline({
    deadline: rules.entryDeadline,
    workDate: candidate.workDate,
    timeZone: owner.timeZone,
    now,
    unitPath: owner.unitId ? [owner.unitId, ...facts.unitAncestorIds] : [],
    extensions: facts.extensions,
  });
  const leaveKind = rules.allowEntriesOnLeave ? null : facts.leaveKind;
  return judgeEntry({
    workDate: candidate.workDate,
    today: dateOfInstant(now, owner.timeZone),
    span,
    volume: candidate.volume,
    standardMinutes: candidate.standardMinutes,
    rules,
    isPeriodClosed: facts.isPeriodClosed,
    deadline: options.isDeadlineWaived ? { ...deadline, isOpen: true } : deadline,
    leaveLabel: leaveKind === null ? null : leaveLabelOf(leaveKind),
    // Resolving the day's schedule is the costliest fact: only when the rule set refuses days off.
    dayOffLabel: rules.allowEntriesOnDaysOff ? null : await findDayOffLabel(executor, owner.id, candidate.workDate),
    others: facts.others.map((other) => ({
      id: other.id,
      title: other.title,
      range: { startMinute: parseEntryTime(other.startTime) ?? 0, endMinute: parseEntryTime(other.endTime) ?? 0 },
      claimedMinutes: other.claimedMinutes,
    })),
  });
}

/** As judgeEntryCandidate, throwing the first broken rule as an AppError. */
export async function assertEntryAcceptable(executor: Executor, ctx: RequestContext, owner: EntryOwner, candidate: EntryCandidate, facts: EntryFacts, options: JudgeOptions = {}): Promise<number> {
  const judgement = await judgeEntryCandidate(executor, ctx, owner, candidate, facts, options);
  if (!judgement.isAccepted) throw entryProblemError(judgement.problem);
  return judgement.claimedMinutes;
}
