import { asc, desc } from 'drizzle-orm';
import type { z } from 'zod';
import type { activityRuleSet, createActivityRuleSetRequest } from '../../../../../contracts/activities-admin';
import { addDays } from '../../../../../domain/attendance/calendar-zone';
import type { Executor } from '../../../../db/client';
import { activityRuleSets } from '../../../../db/schema';
import { regionToday, type RequestContext } from '../../../../platform/actor';
import { recordAudit } from '../../../../platform/audit';
import { AppError, conflict, notFound } from '../../../../platform/errors';
import { isUniqueViolation } from '../../../org/db-errors';
import { parseStoredActivityRules } from '../../shared/activity-rules';
import { assertRegionAdmin } from '../activity-admin-access';

type RuleSetView = z.infer<typeof activityRuleSet>;
type CreateInput = z.output<typeof createActivityRuleSetRequest>;
type RuleSetRow = typeof activityRuleSets.$inferSelect;

const toView = (row: RuleSetRow, next: RuleSetRow | undefined): RuleSetView => ({
  id: row.id,
  name: row.name,
  effectiveFrom: row.effectiveFrom,
  effectiveTo: next ? addDays(next.effectiveFrom, -1) : null,
  regulation: row.regulation,
  rules: parseStoredActivityRules(row.rules, row.name),
  createdAt: row.createdAt.toISOString(),
});

/** Every version, oldest first, each with the day before the next version as its last day. */
export async function listActivityRuleSets(executor: Executor): Promise<{ items: RuleSetView[] }> {
  const rows = await executor.select().from(activityRuleSets).orderBy(asc(activityRuleSets.effectiveFrom));
  return { items: rows.map((row, index) => toView(row, rows[index + 1])) };
}

export async function getActivityRuleSet(executor: Executor, id: string): Promise<RuleSetView> {
  const { items } = await listActivityRuleSets(executor);
  const found = items.find((item) => item.id === id);
  if (!found) throw notFound('Aturan aktivitas harian');
  return found;
}

/** The version in force on `date` (default today, WIB), with its last day if a later version is set. */
export async function getActivityRuleSetInForce(executor: Executor, ctx: RequestContext, date: string | undefined): Promise<RuleSetView> {
  const day = date ?? regionToday(ctx);
  const { items } = await listActivityRuleSets(executor);
  const inForce = items.findLast((item) => item.effectiveFrom <= day);
  if (!inForce) throw new AppError('NOT_FOUND', `Belum ada aturan aktivitas harian yang berlaku pada ${day}; admin BKPSDM perlu menetapkannya`);
  return inForce;
}

/**
 * A new version takes over from its effective date. It must start after the latest version: a
 * date inside an existing version's period would rewrite the rules already applied to entries
 * and productivity of past days.
 */
export async function createActivityRuleSet(executor: Executor, ctx: RequestContext, input: CreateInput): Promise<{ id: string }> {
  assertRegionAdmin(ctx, 'Hanya admin BKPSDM yang dapat menetapkan aturan aktivitas harian');
  const [latest] = await executor.select().from(activityRuleSets).orderBy(desc(activityRuleSets.effectiveFrom)).limit(1).for('update');
  if (latest && input.effectiveFrom <= latest.effectiveFrom) {
    const message = `Tanggal berlaku harus setelah ${latest.effectiveFrom} (versi "${latest.name}" yang berlaku sejak tanggal itu)`;
    throw conflict(message, [{ field: 'effectiveFrom', message }]);
  }
  const now = ctx.clock.now();
  const [created] = await executor
    .insert(activityRuleSets)
    .values({ ...input, createdAt: now, updatedAt: now })
    .returning({ id: activityRuleSets.id })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? conflict(`Sudah ada aturan aktivitas harian yang berlaku sejak ${input.effectiveFrom}`, { field: 'effectiveFrom' }) : error;
    });
  if (!created) throw new Error('insert returned nothing');
  await recordAudit(executor, ctx, { action: 'create', entityType: 'activity_rule_set', entityId: created.id, after: input });
  return { id: created.id };
}

