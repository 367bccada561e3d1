import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import { coalesce } from '../../../db/coalesce';
import type { Executor } from '../../../db/client';
import { rowsAsJson } from '../../../db/json-rows';
import { activityEntries, activityEntryStamps } from '../../../db/schema';
import { auditInsertFromJsonSql, auditRowsJson, type AuditRow } from '../../../platform/audit';
import type { ActivityEntryRow } from './entry-view';

const entryColumns = Object.entries(getTableColumns(activityEntries));

/**
 * How the insert relates to the person's entry stamp: `held` — the caller raised it under lock
 * (lockEntryAuthor) earlier in its transaction; `expect` — the facts were read without a lock and
 * saw `version` (null: no stamp yet), so the insert happens only if that is still the current
 * version, raising it in the same statement (docs/adr/0012-optimistic-activity-entry-writes.md).
 */
export type StampCondition = { kind: 'held' } | { kind: 'expect'; employeeId: string; version: number | null };

export type EntryInsertOutcome = { kind: 'inserted' } | { kind: 'key_taken' } | { kind: 'stamp_moved' };

/**
 * The entries of a statement (a jsonb array of rows keyed by column name, entryRowsJson) inserted
 * where `condition` (over the row `e`) holds, and their audit rows (auditRowsJson) for the entries
 * actually written. An idempotency key already taken writes nothing (the unique index decides).
 */
function entryWithAuditCtes(executor: Executor, condition: SQL) {
  const columns = sql.join(
    entryColumns.map(([, column]) => sql`e.${sql.identifier(column.name)}`),
    sql`, `,
  );
  const newEntry = executor.$with('new_entry').as(
    executor
      .insert(activityEntries)
      .select(sql`select ${columns} from jsonb_populate_recordset(null::activity_entries, ${sql.placeholder('entries')}::jsonb) e where ${condition}`)
      .onConflictDoNothing({ target: [activityEntries.employeeId, activityEntries.idempotencyKey] })
      .returning({ id: activityEntries.id, employeeId: activityEntries.employeeId }),
  );
  const entryAudit = executor.$with('entry_audit', {}).as(auditInsertFromJsonSql(sql.placeholder('audits'), sql`a.entity_id in (select id::text from ${newEntry})`));
  return { newEntry, entryAudit };
}

/** Entry rows as jsonb_populate_recordset reads them: keys are column names, dates as ISO text. */
const entryRowsJson = (rows: readonly ActivityEntryRow[]): string => rowsAsJson(entryColumns, rows);

/**
 * The insert under the entry lock (`held`): the entry and its audit row in one statement. Built
 * once per executor and prepared once per connection (named).
 */
function buildHeldInsert(executor: Executor) {
  const { newEntry, entryAudit } = entryWithAuditCtes(executor, sql`true`);
  return executor.with(newEntry, entryAudit).select({ entryId: newEntry.id }).from(newEntry).prepare('activity_entry_insert_held');
}

/**
 * The optimistic insert (`expect`) of several entries of different people in one statement
 * (requests of the same moment, coalesced). Each person's stamp is raised only if it is still the
 * version their facts saw: the proposed stamp row carries that version + 1, and ON CONFLICT DO
 * UPDATE … WHERE compares the latest committed stamp (waiting for a writer that holds it, not the
 * statement's snapshot) with `excluded.version - 1` — a stamp that does not exist yet is created;
 * when the facts saw none, the comparison with 0 never holds, as versions start at 1. An entry is
 * written only if its person's stamp was raised. The stamps are taken in the order of their ids, so
 * two statements sharing people wait for each other instead of deadlocking.
 */
function buildExpectedInsert(executor: Executor) {
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
  const { newEntry, entryAudit } = entryWithAuditCtes(executor, sql`e.employee_id in (select employee_id from ${gate})`);
  return executor
    .with(gate, newEntry, entryAudit)
    .select({ employeeId: gate.employeeId, entryId: newEntry.id })
    .from(gate)
    .leftJoin(newEntry, sql`${newEntry.employeeId} = ${gate.employeeId}`)
    .prepare('activity_entry_insert_batch');
}

/** One optimistic insert of a coalesced batch: the entry, its audit row, the stamp version its facts saw. */
interface ExpectedInsert {
  row: ActivityEntryRow;
  audit: AuditRow;
  employeeId: string;
  version: number | null;
}

const heldInserts = new WeakMap<Executor, ReturnType<typeof buildHeldInsert>>();
const expectedInserters = new WeakMap<Executor, (request: ExpectedInsert) => Promise<EntryInsertOutcome>>();

/** The optimistic insert of an executor, coalescing the inserts of the same moment into one statement. */
function expectedInserter(executor: Executor) {
  const existing = expectedInserters.get(executor);
  if (existing) return existing;
  const statement = buildExpectedInsert(executor);
  // One person at most per statement: it cannot raise one stamp twice.
  const inserter = coalesce<ExpectedInsert, EntryInsertOutcome>(
    async (requests) => {
      const rows = await statement.execute({
        stamps: JSON.stringify(requests.map((request) => ({ employee_id: request.employeeId, expected: request.version }))),
        entries: entryRowsJson(requests.map((request) => request.row)),
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
  const statement = heldInserts.get(executor) ?? buildHeldInsert(executor);
  heldInserts.set(executor, statement);
  const written = await statement.execute({ entries: entryRowsJson([row]), audits: auditRowsJson([audit]) });
  return written.length > 0 ? { kind: 'inserted' } : { kind: 'key_taken' };
}
