import { and, count, desc, eq, gte, ilike, inArray, lte, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { auditQuery } from '../../../contracts/audit';
import type { Executor } from '../../db/client';
import { auditLog } from '../../db/schema';

/** `scopeUnitIds` null = whole regency; otherwise only entries about entities in those units. */
export async function findAuditEntries(executor: Executor, query: z.infer<typeof auditQuery>, scopeUnitIds: string[] | null) {
  const filters: SQL[] = [];
  if (scopeUnitIds) filters.push(scopeUnitIds.length ? inArray(auditLog.scopeUnitId, scopeUnitIds) : eq(auditLog.id, -1));
  if (query.entityType) filters.push(eq(auditLog.entityType, query.entityType));
  if (query.entityId) filters.push(eq(auditLog.entityId, query.entityId));
  if (query.action) filters.push(eq(auditLog.action, query.action));
  if (query.requestId) filters.push(eq(auditLog.requestId, query.requestId));
  if (query.actor) filters.push(ilike(auditLog.actorLabel, `%${query.actor.replace(/[%_\\]/g, '\\$&')}%`));
  if (query.from) filters.push(gte(auditLog.at, new Date(query.from)));
  if (query.to) filters.push(lte(auditLog.at, new Date(query.to)));
  const where = filters.length ? and(...filters) : undefined;
  const [rows, [total]] = await Promise.all([
    executor
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    executor.select({ value: count() }).from(auditLog).where(where),
  ]);
  return {
    items: rows.map((row) => ({ ...row, at: row.at.toISOString() })),
    total: total?.value ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
