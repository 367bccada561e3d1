import { asc, desc, lte } from 'drizzle-orm';
import type { z } from 'zod';
import type { createRuleSetRequest, ruleSet } from '../../../../contracts/attendance-schedules';
import { addDays } from '../../../../domain/attendance/calendar-zone';
import { attendanceRulesSchema, type AttendanceRules } from '../../../../domain/attendance/rules';
import type { Executor } from '../../../db/client';
import { attendanceRuleSets } from '../../../db/schema';
import type { RequestContext } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { AppError, conflict } from '../../../platform/errors';
import { isUniqueViolation } from '../../org/db-errors';
import { assertRegionAdmin } from '../schedules/schedule-access';

type RuleSetView = z.infer<typeof ruleSet>;
type CreateInput = z.output<typeof createRuleSetRequest>;

/** Stored rules are parsed on the way out too: a hand-edited row never reaches a calculation unchecked. */
function parseStoredRules(rules: unknown, name: string): AttendanceRules {
  const parsed = attendanceRulesSchema.safeParse(rules);
  if (!parsed.success) throw new AppError('INTERNAL', `Aturan presensi "${name}" tersimpan dalam bentuk tidak valid`, parsed.error.issues);
  return parsed.data;
}

/** Every version, oldest first, each with the day before the next version as its last day. */
export async function listRuleSets(executor: Executor): Promise<{ items: RuleSetView[] }> {
  const rows = await executor.select().from(attendanceRuleSets).orderBy(asc(attendanceRuleSets.effectiveFrom));
  return {
    items: rows.map((row, index) => {
      const next = rows[index + 1];
      return { id: row.id, name: row.name, effectiveFrom: row.effectiveFrom, effectiveTo: next ? addDays(next.effectiveFrom, -1) : null, regulation: row.regulation, rules: parseStoredRules(row.rules, row.name) };
    }),
  };
}

/**
 * A new version takes over from its effective date. It must start after the latest version: a date
 * inside an existing version's period would rewrite rules already applied to past attendance.
 */
export async function createRuleSet(executor: Executor, ctx: RequestContext, input: CreateInput): Promise<{ id: string }> {
  assertRegionAdmin(ctx, 'Hanya admin BKPSDM yang dapat membuat aturan presensi');
  const [latest] = await executor.select().from(attendanceRuleSets).orderBy(desc(attendanceRuleSets.effectiveFrom)).limit(1).for('update');
  if (latest && input.effectiveFrom <= latest.effectiveFrom) {
    throw conflict(`Tanggal berlaku harus setelah ${latest.effectiveFrom} (versi "${latest.name}" yang berlaku sejak tanggal itu)`, { field: 'effectiveFrom' });
  }
  const now = ctx.clock.now();
  const [created] = await executor
    .insert(attendanceRuleSets)
    .values({ ...input, createdAt: now, updatedAt: now })
    .returning()
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? conflict(`Sudah ada aturan presensi yang berlaku sejak ${input.effectiveFrom}`, { field: 'effectiveFrom' }) : error;
    });
  if (!created) throw new Error('insert returned nothing');
  await recordAudit(executor, ctx, { action: 'create', entityType: 'attendance_rule_set', entityId: created.id, after: { name: created.name, effectiveFrom: created.effectiveFrom, regulation: created.regulation, rules: created.rules } });
  return { id: created.id };
}

/** The rule set in force on `date` (YYYY-MM-DD), with its identity for explanations. */
export async function findAttendanceRuleSet(executor: Executor, date: string): Promise<{ id: string; name: string; effectiveFrom: string; regulation: string; rules: AttendanceRules }> {
  const [row] = await executor.select().from(attendanceRuleSets).where(lte(attendanceRuleSets.effectiveFrom, date)).orderBy(desc(attendanceRuleSets.effectiveFrom)).limit(1);
  if (!row) throw new AppError('NOT_FOUND', `Belum ada aturan presensi yang berlaku pada ${date}. Admin BKPSDM perlu menetapkan aturan presensi terlebih dahulu.`);
  return { id: row.id, name: row.name, effectiveFrom: row.effectiveFrom, regulation: row.regulation, rules: parseStoredRules(row.rules, row.name) };
}

/** The rules in force on `date`; throws a clear error when none is. */
export async function findAttendanceRules(executor: Executor, date: string): Promise<AttendanceRules> {
  return (await findAttendanceRuleSet(executor, date)).rules;
}
