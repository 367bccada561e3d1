import { inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { ActivityEntryView } from '../../../../contracts/activities';
import type { approvalQueueQuery, ApprovalQueue, ApprovalQueueGroup, ApprovalSummary } from '../../../../contracts/activities-approval';
import { canDecide } from '../../../../domain/activities/approval-routing';
import { addDays } from '../../../../domain/attendance/calendar-zone';
import type { Executor } from '../../../db/client';
import { activityEntries } from '../../../db/schema';
import { requireActor, type RequestContext } from '../../../platform/actor';
import { findEntryViews } from '../entries/entry-view';
import { findPendingEntryRefs, findQueueCandidateIds, type PendingEntryRef } from './approval-candidates.repository';
import { computeEntrySignals } from './entry-signals.service';
import { resolveEntryRoutings, type EntryRouting } from './entry-routing.service';
import { loadActivityRuleTimeline } from './rule-timeline';

type ApprovalQueueQuery = z.infer<typeof approvalQueueQuery>;

/** Reminders warn about deadlines passing within this window. */
const DUE_SOON_MS = 48 * 3_600_000;
/** A queue page: a superior rarely has more; the summary still counts everything. */
const MAX_QUEUE_ENTRIES = 3000;

const monthRange = (month: string) => ({ from: `${month}-01`, to: addDays(`${addDays(`${month}-28`, 4).slice(0, 7)}-01`, -1) });

/** Pending entries that wait for the caller now, with the routing that brought each one. */
async function findMyPendingEntries(executor: Executor, ctx: RequestContext, query: ApprovalQueueQuery = {}): Promise<{ refs: PendingEntryRef[]; routings: Map<string, EntryRouting>; me: string | null }> {
  const actor = requireActor(ctx);
  const me = actor.employeeId;
  if (!me) return { refs: [], routings: new Map(), me };
  const candidates = await findQueueCandidateIds(executor, me);
  const range = query.month ? monthRange(query.month) : {};
  const pending = await findPendingEntryRefs(executor, candidates, { employeeId: query.employeeId, ...range });
  const routings = await resolveEntryRoutings(executor, pending, ctx.clock.now(), ctx.regionZone);
  const refs = pending.filter((ref) => {
    const routing = routings.get(ref.id);
    return routing !== undefined && canDecide(routing, me);
  });
  return { refs, routings, me };
}

/** The superior's queue: entries waiting for me, grouped by person and day, with signals. */
export async function listApprovalQueue(executor: Executor, ctx: RequestContext, query: ApprovalQueueQuery): Promise<ApprovalQueue> {
  const { refs, routings, me } = await findMyPendingEntries(executor, ctx, query);
  if (!me || refs.length === 0) return { total: 0, groups: [] };
  const shown = refs.slice(0, MAX_QUEUE_ENTRIES);
  const views = await findEntryViews(executor, inArray(activityEntries.id, shown.map((ref) => ref.id)), { limit: MAX_QUEUE_ENTRIES });
  const signals = await computeEntrySignals(executor, views, await loadActivityRuleTimeline(executor));

  const groups = new Map<string, ApprovalQueueGroup>();
  for (const view of views) {
    const routing = routings.get(view.id);
    if (!routing) continue;
    const entry: ActivityEntryView = { ...view, signals: signals.get(view.id) ?? [] };
    let group = groups.get(view.employeeId);
    if (!group) {
      group = { employeeId: view.employeeId, employeeName: view.employeeName, employeeNip: view.employeeNip, pendingCount: 0, days: [] };
      groups.set(view.employeeId, group);
    }
    group.pendingCount += 1;
    let day = group.days.find((candidate) => candidate.workDate === view.workDate);
    if (!day) {
      const via = routing.deciders.find((decider) => decider.employeeId === me)?.via ?? 'superior';
      day = { workDate: view.workDate, via, approvalDeadline: routing.approvalDeadline.toISOString(), isOverdue: routing.isOverdue, claimedMinutes: 0, entries: [] };
      group.days.push(day);
    }
    day.claimedMinutes += view.claimedMinutes;
    day.entries.push(entry);
  }
  // Oldest work first: the deadline closes on them first.
  const ordered = [...groups.values()].sort((a, b) => (a.days[0]?.workDate ?? '').localeCompare(b.days[0]?.workDate ?? '') || a.employeeName.localeCompare(b.employeeName, 'id'));
  return { total: refs.length, groups: ordered };
}

/** Counts for reminders: pending entries waiting for me, the oldest work date, deadlines close or passed. */
export async function getApprovalSummary(executor: Executor, ctx: RequestContext): Promise<ApprovalSummary> {
  const { refs, routings } = await findMyPendingEntries(executor, ctx);
  const now = ctx.clock.now().getTime();
  let dueSoon = 0;
  let overdue = 0;
  for (const ref of refs) {
    const routing = routings.get(ref.id);
    if (!routing) continue;
    if (routing.isOverdue) overdue += 1;
    else if (routing.approvalDeadline.getTime() - now <= DUE_SOON_MS) dueSoon += 1;
  }
  return {
    pending: refs.length,
    people: new Set(refs.map((ref) => ref.employeeId)).size,
    oldestWorkDate: refs.map((ref) => ref.workDate).sort()[0] ?? null,
    dueSoon,
    overdue,
  };
}
