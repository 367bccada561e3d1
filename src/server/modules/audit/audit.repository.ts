import { and, count, desc, eq, gte, ilike, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { auditQuery } from '../../../contracts/audit';
import { queryRows, type Executor } from '../../db/client';
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

/**
 * Every entity type the trail holds, in order. A loose index scan on (entity_type, entity_id): one
 * index probe per type rather than reading the whole trail, which grows by every change in the region.
 */
export async function findAuditEntityTypes(executor: Executor): Promise<string[]> {
  const rows = await queryRows<{ entityType: string }>(
    executor,
    sql`with recursive types as (
          (select entity_type from audit_log order by entity_type limit 1)
          union all
          select (select a.entity_type from audit_log a where a.entity_type > t.entity_type order by a.entity_type limit 1)
          from types t where t.entity_type is not null
        )
        select entity_type as "entityType" from types where entity_type is not null`,
  );
  return rows.map((row) => row.entityType);
}
