import { sql } from 'drizzle-orm';
import type { DeadlineExtension } from '../../../../domain/activities/entry-deadline';
import type { Executor } from '../../../db/client';
import { LEAVE_KINDS_WITHOUT_ENTRIES, type CatalogueChoice } from './entries.repository';

/** What one entry write asks about: the person, the day and the things the entry refers to. */
export interface EntryFactsRequest {
  employeeId: string;
  unitId: string | null;
  workDate: string;
  now: Date;
  /** The entry being edited or submitted: not one of "the other entries of the day". */
  excludeId: string | null;
  /** null: no catalogue item to look up (an additional task, or an edit keeping its version). */
  catalogueItemId: string | null;
  evidenceAttachmentId: string | null;
  idempotencyKey: string | null;
}

/** The stored rule set in force on the work date, its rules not yet parsed. */
export interface StoredRuleSet {
  id: string;
  name: string;
  effectiveFrom: string;
  regulation: string;
  rules: unknown;
}

/** Another entry of the person on the work date that still counts (not rejected), by start time. */
export interface SameDayEntryRow {
  id: string;
  title: string;
  startTime: string;
  endTime: string;
  claimedMinutes: number;
}

/** Everything the checks of one entry need, read in one statement (one snapshot, one round trip). */
export interface EntryFacts {
  /** The entry already made with this idempotency key, if any. */
  replayId: string | null;
  ruleSet: StoredRuleSet | null;
  /** The unit's ancestors, nearest first (the unit itself excluded). */
  unitAncestorIds: string[];
  /** Extensions covering the work date that have not run out (the unit filter is the pure rule's). */
  extensions: DeadlineExtension[];
  /** The leave or duty kind that keeps the person away that day: derived attendance first, then an approved request. */
  leaveKind: string | null;
  others: SameDayEntryRow[];
  isPeriodClosed: boolean;
  /** The requested catalogue item with its current version, and whether its position is held on the work date. */
  catalogueItem: CatalogueFact | null;
  evidence: EvidenceFact | null;
}

export type CatalogueFact = CatalogueChoice & { isPositionHeld: boolean };
export interface EvidenceFact {
  uploadedByUserId: string | null;
  fileName: string;
}
interface StoredExtension {
  unitId: string | null;
  workDateFrom: string;
  workDateTo: string;
  extendedUntilMs: number;
}

/** Drivers differ in whether they parse json columns. */
const fromJson = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

const leaveKinds = sql.join(
  LEAVE_KINDS_WITHOUT_ENTRIES.map((kind) => sql`${kind}`),
  sql`, `,
);

/**
 * The facts of one entry write in a single statement: the idempotent replay, the rule set in force,
 * the unit's ancestors and running extensions (deadline), leave, the other entries of the day
 * (overlap, daily cap), the month's closure, the catalogue item and the evidence file. Run it
 * after taking the employee's entry lock, so that its snapshot holds every entry committed before.
 */
export async function findEntryFacts(executor: Executor, request: EntryFactsRequest): Promise<EntryFacts> {
  const { employeeId, workDate } = request;
  const employee = sql`${employeeId}::uuid`;
  const day = sql`${workDate}::date`;
  // Named: PostgreSQL parses and plans this statement once per connection instead of per request.
  const [row] = await executor
    .select({
      replayId: sql<string | null>`(select id from activity_entries where employee_id = ${employee} and idempotency_key = ${request.idempotencyKey}::text)`,
      ruleSet: sql<StoredRuleSet | string | null>`(select json_build_object('id', id, 'name', name, 'effectiveFrom', effective_from, 'regulation', regulation, 'rules', rules)
         from activity_rule_sets where effective_from <= ${day} order by effective_from desc limit 1)`,
      unitAncestorIds: sql<string[] | string>`(select coalesce(json_agg(chain.id order by chain.depth), '[]'::json) from (
         with recursive up as (
           select parent_id as id, 1 as depth from units where id = ${request.unitId}::uuid
           union all
           select u.parent_id, up.depth + 1 from units u join up on u.id = up.id where up.depth < 64
         ) select id, depth from up where id is not null) chain)`,
      extensions: sql<StoredExtension[] | string>`(select coalesce(json_agg(json_build_object('unitId', unit_id, 'workDateFrom', work_date_from, 'workDateTo', work_date_to,
                'extendedUntilMs', (extract(epoch from extended_until) * 1000)::float8)), '[]'::json)
         from activity_deadline_extensions
         where work_date_from <= ${day} and work_date_to >= ${day} and extended_until >= ${request.now.toISOString()}::timestamptz)`,
      leaveKind: sql<string | null>`coalesce(
        (select status from daily_attendance where employee_id = ${employee} and date = ${day} and status in (${leaveKinds}) limit 1),
        (select kind from attendance_requests
           where employee_id = ${employee} and status = 'disetujui' and kind in (${leaveKinds}) and start_date <= ${day} and end_date >= ${day} limit 1))`,
      others: sql<SameDayEntryRow[] | string>`(select coalesce(json_agg(json_build_object('id', id, 'title', title, 'startTime', start_time, 'endTime', end_time,
                'claimedMinutes', claimed_minutes) order by start_time), '[]'::json)
         from activity_entries
         where employee_id = ${employee} and work_date = ${day} and status <> 'rejected' and id is distinct from ${request.excludeId}::uuid)`,
      isPeriodClosed: sql<boolean>`exists (select 1 from period_closures where period = ${workDate.slice(0, 7)})`,
      catalogueItem: sql<CatalogueFact | string | null>`(select json_build_object('itemId', i.id, 'code', i.code, 'positionId', i.position_id, 'isActive', i.is_active,
                'versionId', v.id, 'version', v.version, 'name', v.name, 'description', v.description, 'outputUnit', v.output_unit,
                'standardMinutes', v.standard_minutes,
                'isPositionHeld', i.position_id is not null and exists (
                  select 1 from assignments a where a.employee_id = ${employee} and a.position_id = i.position_id
                    and a.start_date <= ${day} and (a.end_date is null or a.end_date >= ${day})))
         from activity_catalogue_items i join activity_catalogue_versions v on v.item_id = i.id and v.version = i.current_version
         where i.id = ${request.catalogueItemId}::uuid)`,
      evidence: sql<EvidenceFact | string | null>`(select json_build_object('uploadedByUserId', uploaded_by_user_id, 'fileName', file_name)
         from attachments where id = ${request.evidenceAttachmentId}::uuid)`,
    })
    .from(sql`(select 1) as entry_facts`)
    .prepare('activity_entry_facts')
    .execute();
  if (!row) throw new Error('entry facts query returned no row');
  return {
    replayId: row.replayId,
    ruleSet: row.ruleSet === null ? null : fromJson(row.ruleSet),
    unitAncestorIds: fromJson(row.unitAncestorIds),
    extensions: fromJson(row.extensions).map((extension) => ({
      unitId: extension.unitId,
      workDateFrom: extension.workDateFrom,
      workDateTo: extension.workDateTo,
      extendedUntil: new Date(extension.extendedUntilMs),
    })),
    leaveKind: row.leaveKind,
    others: fromJson(row.others),
    isPeriodClosed: row.isPeriodClosed,
    catalogueItem: row.catalogueItem === null ? null : fromJson(row.catalogueItem),
    evidence: row.evidence === null ? null : fromJson(row.evidence),
  };
}
