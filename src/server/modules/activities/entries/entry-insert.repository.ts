import { getTableColumns, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { activityEntries, activityEntryStamps } from '../../../db/schema';
import { auditInsertFromSql } from '../../../platform/audit';
import type { ActivityEntryRow } from './entry-view';

const entryColumns = Object.entries(getTableColumns(activityEntries));
const ENTRY_PLACEHOLDER_PREFIX = 'entry_';
/** Each column's placeholder name worked out once: the insert fills some thirty of them per request. */
const entryPlaceholders = entryColumns.map(([key, column]) => ({ key, column, name: ENTRY_PLACEHOLDER_PREFIX + key }));

/**
 * How the insert relates to the person's entry stamp: `held` — the caller raised it under lock
 * (lockEntryAuthor) earlier in its transaction; `expect` — the facts were read without a lock and
 * saw `version` (null: no stamp yet), so the insert happens only if that is still the current
 * version, raising it in the same statement (docs/adr/0012-optimistic-activity-entry-writes.md).
 */
export type StampCondition = { kind: 'held' } | { kind: 'expect'; employeeId: string; version: number | null };

export type EntryInsertOutcome = { kind: 'inserted' } | { kind: 'key_taken' } | { kind: 'stamp_moved' };

/**
 * The insert statement: a gate (the stamp, or nothing to wait for), the entry selected from the
 * gate's row, and its audit row selected from the inserted entry. Every value is a placeholder, so
 * that it is built once per executor and prepared once per connection (named): building and
 * planning it per request cost more than running it.
 */
function buildEntryInsert(executor: Executor, kind: StampCondition['kind']) {
  // ON CONFLICT DO UPDATE … WHERE judges the latest committed stamp (waiting for a writer that holds it), not the statement's snapshot.
  const gate =
    kind === 'held'
      ? executor.$with('entry_gate').as(executor.select({ version: sql<number>`0`.as('version') }).from(sql`(select 1) as held`))
      : executor.$with('entry_gate').as(
          executor
            .insert(activityEntryStamps)
            .values({ employeeId: sql.placeholder('stampEmployeeId'), version: 1 })
            .onConflictDoUpdate({
              target: activityEntryStamps.employeeId,
              set: { version: sql`${activityEntryStamps.version} + 1` },
              setWhere: sql`${activityEntryStamps.version} = ${sql.placeholder('stampVersion')}::int`,
            })
            .returning({ version: activityEntryStamps.version }),
        );
  const values = sql.join(
    entryPlaceholders.map(({ column, name }) => sql`${sql.placeholder(name)}::${sql.raw(column.getSQLType())}`),
    sql`, `,
  );
  const newEntry = executor.$with('new_entry').as(
    executor
      .insert(activityEntries)
      .select(sql`select ${values} from ${gate}`)
      .onConflictDoNothing({ target: [activityEntries.employeeId, activityEntries.idempotencyKey] })
      .returning({ id: activityEntries.id }),
  );
  const entryAudit = executor.$with('entry_audit', {}).as(auditInsertFromSql(newEntry));
  return executor
    .with(gate, newEntry, entryAudit)
    .select({ gateVersion: gate.version, entryId: newEntry.id })
    .from(gate)
    .leftJoin(newEntry, sql`true`)
    .prepare(kind === 'held' ? 'activity_entry_insert_held' : 'activity_entry_insert');
}

type EntryInsert = ReturnType<typeof buildEntryInsert>;
const preparedInserts = new WeakMap<Executor, Partial<Record<StampCondition['kind'], EntryInsert>>>();

function entryInsertOf(executor: Executor, kind: StampCondition['kind']): EntryInsert {
  const cached = preparedInserts.get(executor) ?? {};
  const prepared = cached[kind] ?? buildEntryInsert(executor, kind);
  cached[kind] = prepared;
  preparedInserts.set(executor, cached);
  return prepared;
}

/**
 * Insert a new entry (every column given, the id too, times as HH:MM:SS as the database returns
 * them) and its audit row in one statement, so both commit together even without a transaction
 * around them; the row sent is the row stored, so nothing is read back. `auditValues`:
 * auditPlaceholderValues of the entry's audit row. `key_taken`: the person already has an entry
 * with this idempotency key; `stamp_moved`: someone wrote the person's entries since the facts
 * were read. Either way nothing was written.
 */
export async function insertEntryAudited(executor: Executor, row: ActivityEntryRow, auditValues: Record<string, unknown>, stamp: StampCondition): Promise<EntryInsertOutcome> {
  const fields = row as Record<string, unknown>;
  // One object filled in place: this runs per request, for some forty values.
  const values: Record<string, unknown> = { ...auditValues };
  for (const { key, column, name } of entryPlaceholders) {
    const value = fields[key] ?? null;
    values[name] = value === null ? null : column.mapToDriverValue(value);
  }
  if (stamp.kind === 'expect') {
    values.stampEmployeeId = stamp.employeeId;
    values.stampVersion = stamp.version;
  }
  const [result] = await entryInsertOf(executor, stamp.kind).execute(values);
  if (!result) return { kind: 'stamp_moved' };
  if (result.entryId === null) return { kind: 'key_taken' };
  return { kind: 'inserted' };
}
