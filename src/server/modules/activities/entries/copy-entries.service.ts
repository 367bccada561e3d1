import type { CopyEntriesBody } from '../../../../contracts/activities-entries';
import { addDays } from '../../../../domain/attendance/calendar-zone';
import type { Executor } from '../../../db/client';
import type { RequestContext } from '../../../platform/actor';
import { AppError, invalid } from '../../../platform/errors';
import { resolveWorkDays } from '../../attendance/schedules';
import { findCountingEntriesOfDay, findEntryDatesBefore, findItemIdOfVersion, type EntryOwner } from './entries.repository';
import { insertCheckedEntry, openOwnEntries } from './entries.service';
import { RHK_NOT_CITABLE_REASON } from './entry-rhk';
import { toWallTime } from './entry-view';

const LOOK_BACK_DAYS = 14;

/**
 * The working day before `targetDate` by the person's schedule; without a schedule, the last earlier
 * day on which they recorded something. null when there is none in the last weeks.
 */
export async function findPreviousWorkingDay(executor: Executor, owner: EntryOwner, targetDate: string): Promise<string | null> {
  const from = addDays(targetDate, -LOOK_BACK_DAYS);
  const to = addDays(targetDate, -1);
  const days = (await resolveWorkDays(executor, [owner.id], from, to)).get(owner.id) ?? [];
  const working = days.filter((day) => day.isWorkingDay).map((day) => day.date);
  const latest = working[working.length - 1];
  if (latest) return latest;
  const [lastRecorded] = await findEntryDatesBefore(executor, owner.id, to, addDays(targetDate, -31));
  return lastRecorded ?? null;
}

export interface CopyOutcome {
  sourceDate: string | null;
  targetDate: string;
  createdIds: string[];
  skipped: { sourceEntryId: string; title: string; startTime: string; endTime: string; rule: string; reason: string }[];
  /** Copies made without their source's RHK link, which is not citable on the target date. */
  unlinked: { sourceEntryId: string; entryId: string; title: string; reason: string }[];
}

const ruleOf = (error: AppError): string => {
  const details = error.details as { rule?: unknown } | undefined;
  return typeof details?.rule === 'string' ? details.rule : error.code;
};

/**
 * Copy the entries of a source day (default: my previous working day) to a target day as drafts.
 * Each copy is judged like a new entry; one that would break a rule is skipped and reported with
 * the reason, the others are kept. Evidence is not copied: it belongs to the day it proves. The RHK
 * link is kept where it is citable on the target date, otherwise the copy is made without it (reported).
 */
export async function copyEntries(executor: Executor, ctx: RequestContext, body: CopyEntriesBody): Promise<CopyOutcome> {
  const { owner } = await openOwnEntries(executor, ctx);
  const sourceDate = body.sourceDate ?? (await findPreviousWorkingDay(executor, owner, body.targetDate));
  if (sourceDate === body.targetDate) throw invalid('Tanggal sumber dan tanggal tujuan tidak boleh sama', { field: 'sourceDate' });
  const outcome: CopyOutcome = { sourceDate, targetDate: body.targetDate, createdIds: [], skipped: [], unlinked: [] };
  if (sourceDate === null) return outcome;
  for (const source of await findCountingEntriesOfDay(executor, owner.id, sourceDate)) {
    const input = {
      workDate: body.targetDate,
      startTime: toWallTime(source.startTime),
      endTime: toWallTime(source.endTime),
      catalogueItemId: await findItemIdOfVersion(executor, source.catalogueVersionId),
      isAdditionalTask: source.isAdditionalTask,
      title: source.title,
      outputUnit: source.outputUnit,
      volume: source.volume,
      description: source.description,
      evidenceAttachmentId: null,
      evidenceLink: null,
      skpRhkId: source.skpRhkId,
      isRhkCarriedOver: true,
      submit: false,
    };
    try {
      // A savepoint per copy: a refused one leaves the others (and the transaction) intact.
      const row = await executor.transaction((savepoint) => insertCheckedEntry(savepoint, ctx, owner, input, 'copy'));
      outcome.createdIds.push(row.id);
      if (source.skpRhkId !== null && row.skpRhkId === null) outcome.unlinked.push({ sourceEntryId: source.id, entryId: row.id, title: source.title, reason: RHK_NOT_CITABLE_REASON });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcome.skipped.push({ sourceEntryId: source.id, title: source.title, startTime: input.startTime, endTime: input.endTime, rule: ruleOf(error), reason: error.message });
    }
  }
  return outcome;
}
