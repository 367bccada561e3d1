import { getTableColumns, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { auditLog } from '../db/schema';
import type { Executor } from '../db/client';
import { rowsAsJson } from '../db/json-rows';
import type { RequestContext } from './actor';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Unit the entity belongs to (for scoped reading by an admin OPD). */
  scopeUnitId?: string | null;
}

const SECRET_KEYS = new Set(['password', 'passwordHash', 'password_hash', 'token', 'tokenHash', 'csrfToken']);

/** Secrets never reach the audit trail, even if a caller passes a whole row. */
function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, SECRET_KEYS.has(key) ? '[disembunyikan]' : redact(inner)]),
    );
  }
  return value;
}

/** Write one audit row inside the caller's transaction, so the change and its record commit together. */
export async function recordAudit(executor: Executor, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await recordAudits(executor, ctx, [entry]);
}

/** Rows per INSERT: far below PostgreSQL's 65,535 bind parameters (11 per row). */
const AUDIT_CHUNK = 1_000;

/** The audit_log rows of `entries` by the request's actor (without ids: the table numbers them). */
export function buildAuditRows(ctx: RequestContext, entries: readonly AuditEntry[]): (typeof auditLog.$inferInsert)[] {
  const at = ctx.clock.now();
  const actorUserId = ctx.actor?.userId ?? null;
  const actorLabel = ctx.actor ? (ctx.actor.username ?? ctx.actor.nip ?? ctx.actor.displayName) : (ctx.systemLabel ?? 'sistem');
  return entries.map((entry) => ({
    at,
    actorUserId,
    actorLabel,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: entry.before === undefined ? null : redact(entry.before),
    after: entry.after === undefined ? null : redact(entry.after),
    requestId: ctx.requestId,
    ip: ctx.ip,
    scopeUnitId: entry.scopeUnitId ?? null,
  }));
}

/** Several audit rows of one change (a bulk decision) in as few statements as possible, same transaction. */
export async function recordAudits(executor: Executor, ctx: RequestContext, entries: readonly AuditEntry[]): Promise<void> {
  const rows = buildAuditRows(ctx, entries);
  for (let start = 0; start < rows.length; start += AUDIT_CHUNK) {
    await executor.insert(auditLog).values(rows.slice(start, start + AUDIT_CHUNK));
  }
}

const auditColumns = Object.entries(getTableColumns(auditLog)).filter(([key]) => key !== 'id');
/** One audit row as auditLog inserts it (buildAuditRows). */
export type AuditRow = typeof auditLog.$inferInsert;

/** The audit row of one entry by the request's actor. */
export function buildAuditRow(ctx: RequestContext, entry: AuditEntry): AuditRow {
  const [row] = buildAuditRows(ctx, [entry]);
  if (!row) throw new Error('no audit row built');
  return row;
}

/**
 * `insert into audit_log … select … from jsonb_populate_recordset(null::audit_log, <rows>) where
 * <condition>`: audit rows given as one jsonb array of rows (auditRowsJson), written by the
 * statement that makes the changes, only those `condition` (over the row `a`) keeps.
 */
export function auditInsertFromJsonSql(rows: SQLWrapper, condition: SQLWrapper): SQL {
  const names = sql.join(
    auditColumns.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  );
  const values = sql.join(
    auditColumns.map(([, column]) => sql`a.${sql.identifier(column.name)}`),
    sql`, `,
  );
  return sql`insert into ${auditLog} (${names}) select ${values} from jsonb_populate_recordset(null::audit_log, ${rows}::jsonb) a where ${condition}`;
}

/** Audit rows (buildAuditRow) as the jsonb array auditInsertFromJsonSql reads: keys are column names. */
export function auditRowsJson(rows: readonly AuditRow[]): string {
  return rowsAsJson(auditColumns, rows);
}
