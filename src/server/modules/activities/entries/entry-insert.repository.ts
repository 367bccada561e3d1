import { getTableColumns, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { activityEntries, activityEntryStamps } from '../../../db/schema';
import { auditInsertFromJsonSql, auditInsertFromSql, auditRowPlaceholderValues, auditRowsJson, type AuditRow } from '../../../platform/audit';
import { coalesce } from '../../../db/coalesce';
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

/** One optimistic insert of a coalesced batch: the entry, its audit row, the stamp version its facts saw. */
interface ExpectedInsert {
  row: ActivityEntryRow;
  audit: AuditRow;
  employeeId: string;
  version: number | null;
}

/**
 * The optimistic insert over several entries of different people in one statement (requests of the
 * same moment, coalesced): as buildEntryInsert's `expect` form, row by row. Each person's stamp is
 * raised only if it is still the version their facts saw: the proposed stamp row carries that
 * version + 1, and ON CONFLICT DO UPDATE … WHERE compares the latest committed stamp with
 * `excluded.version - 1` (a stamp that does not exist yet is created; when the facts saw none, the
 * comparison with 0 never holds, as versions start at 1). Entries and audit rows come as jsonb
 * arrays with column names as keys; an entry is written only if its person's stamp was raised, an
 * audit row only if its entry was written. The stamps are taken in the order of their ids, so two
 * statements sharing people wait for each other instead of deadlocking.
 */
function buildExpectedInsertBatch(executor: Executor) {
  const gate = executor.$with('entry_gate').as(
    executor
      .insert(activityEntryStamps)
      .select(
        sql`select s.employee_id, coalesce(s.expected, 0) + 1
            from jsonb_to_recordset(${sql.placeholder('stamps')}::jsonb) as s(employee_id uuid, expected int)
            order by s.employee_id`,
      )
      .onConflictDoUpdate({
        target: activityEntryStamps.employeeId,
        set: { version: sql`${activityEntryStamps.version} + 1` },
        setWhere: sql`${activityEntryStamps.version} = excluded.version - 1`,
      })
      .returning({ employeeId: activityEntryStamps.employeeId }),
  );
  const columns = sql.join(
    entryColumns.map(([, column]) => sql`e.${sql.identifier(column.name)}`),
    sql`, `,
  );
  const newEntry = executor.$with('new_entry').as(
    executor
      .insert(activityEntries)
      .select(
        sql`select ${columns} from jsonb_populate_recordset(null::activity_entries, ${sql.placeholder('entries')}::jsonb) e
            where e.employee_id in (select employee_id from ${gate})`,
      )
      .onConflictDoNothing({ target: [activityEntries.employeeId, activityEntries.idempotencyKey] })
      .returning({ id: activityEntries.id, employeeId: activityEntries.employeeId }),
  );
  const entryAudit = executor.$with('entry_audit', {}).as(auditInsertFromJsonSql(sql.placeholder('audits'), sql`a.entity_id in (select id::text from ${newEntry})`));
  return executor
    .with(gate, newEntry, entryAudit)
    .select({ employeeId: gate.employeeId, entryId: newEntry.id })
    .from(gate)
    .leftJoin(newEntry, sql`${newEntry.employeeId} = ${gate.employeeId}`)
    .prepare('activity_entry_insert_batch');
}

/** An entry row as jsonb_populate_recordset reads it: keys are column names, values as JSON gives them (dates as ISO text). */
function entryRowJson(row: ActivityEntryRow): Record<string, unknown> {
  const fields = row as Record<string, unknown>;
  const named: Record<string, unknown> = {};
  for (const [key, column] of entryColumns) named[column.name] = fields[key] ?? null;
  return named;
}

const expectedInserters = new WeakMap<Executor, (request: ExpectedInsert) => Promise<EntryInsertOutcome>>();

/** The optimistic insert of an executor, coalescing the inserts of the same moment into one statement. */
function expectedInserter(executor: Executor) {
  const existing = expectedInserters.get(executor);
  if (existing) return existing;
  const statement = buildExpectedInsertBatch(executor);
  // One person at most per statement: it cannot raise one stamp twice.
  const inserter = coalesce<ExpectedInsert, EntryInsertOutcome>(
    async (requests) => {
      const rows = await statement.execute({
        stamps: JSON.stringify(requests.map((request) => ({ employee_id: request.employeeId, expected: request.version }))),
        entries: JSON.stringify(requests.map((request) => entryRowJson(request.row))),
        audits: auditRowsJson(requests.map((request) => request.audit)),
      });
      const byPerson = new Map(rows.map((row) => [row.employeeId, row.entryId]));
      return requests.map((request): EntryInsertOutcome => {
        const entryId = byPerson.get(request.employeeId);
        return entryId === undefined ? { kind: 'stamp_moved' } : entryId === null ? { kind: 'key_taken' } : { kind: 'inserted' };
      });
    },
    { distinctBy: (request) => request.employeeId },
  );
  expectedInserters.set(executor, inserter);
  return inserter;
}

/**
 * Insert a new entry (every column given, the id too, times as HH:MM:SS as the database returns
 * them) and its audit row (buildAuditRow) in one statement, so both commit together even without a
 * transaction around them; the row sent is the row stored, so nothing is read back. `key_taken`:
 * the person already has an entry with this idempotency key; `stamp_moved`: someone wrote the
 * person's entries since the facts were read. Either way nothing was written.
 *
 * Optimistic inserts (`expect`) made at the same moment on the same executor are written by one
 * statement (coalesce), one commit for all of them; a batch that fails is run again request by
 * request, so that one entry's error is its own.
 */
export async function insertEntryAudited(executor: Executor, row: ActivityEntryRow, audit: AuditRow, stamp: StampCondition): Promise<EntryInsertOutcome> {
  if (stamp.kind === 'expect') return expectedInserter(executor)({ row, audit, employeeId: stamp.employeeId, version: stamp.version });
  const fields = row as Record<string, unknown>;
  // One object filled in place: this runs per request, for some forty values.
  const values: Record<string, unknown> = auditRowPlaceholderValues(audit);
  for (const { key, column, name } of entryPlaceholders) {
    const value = fields[key] ?? null;
    values[name] = value === null ? null : column.mapToDriverValue(value);
  }
  const [result] = await entryInsertOf(executor, stamp.kind).execute(values);
  if (!result) return { kind: 'stamp_moved' };
  if (result.entryId === null) return { kind: 'key_taken' };
  return { kind: 'inserted' };
}
