import { sql } from 'drizzle-orm';
import type { DeadlineExtension } from '../../../../domain/activities/entry-deadline';
import { coalesce } from '../../../db/coalesce';
import { toArrayLiteral } from '../../../db/sql-arrays';
import type { Executor } from '../../../db/client';
import { LEAVE_KINDS_WITHOUT_ENTRIES, type CatalogueChoice, type EntryAuthor } from './entries.repository';
import { findRegionZone } from '../../../platform/region-zone';

/** What one entry write asks about: the person, the day and the things the entry refers to. */
export interface EntryFactsRequest {
  employeeId: string;
  workDate: string;
  now: Date;
  /** The entry being edited or submitted: not one of "the other entries of the day". */
  excludeId: string | null;
  /** null: no catalogue item to look up (an additional task, or an edit keeping its version). */
  catalogueItemId: string | null;
  evidenceAttachmentId: string | null;
  idempotencyKey: string | null;
  /** null: the entry cites no SKP RHK (nothing is looked up). */
  skpRhkId: string | null;
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
  /** The person with their unit's time zone, as lockEntryAuthor reads them; null: no such employee. */
  author: EntryAuthor | null;
  /** The person's entry stamp in this snapshot (null: none yet): an unlocked insert is written only if it is unchanged. */
  stampVersion: number | null;
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
  /**
   * The RHK the entry may cite for the requested one: that RHK, or its later revision, in the
   * person's approved SKP in force whose span covers the work date. null: not citable (or none asked).
   */
  citableRhk: CitableRhkFact | null;
}

export interface CitableRhkFact {
  id: string;
  text: string;
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

/** The kinds as SQL literals: constants of the code, so the statement carries no parameters for them. */
const leaveKinds = sql.raw(
  LEAVE_KINDS_WITHOUT_ENTRIES.map((kind) => {
    if (!/^[a-z_]+$/.test(kind)) throw new Error(`leave kind ${kind} cannot be written as an SQL literal`);
    return `'${kind}'`;
  }).join(', '),
);

/**
 * The requests' values, one element of each array per request (requests arriving together are read
 * by one statement: coalesce), each bound once: the subqueries refer to `args.<name>`, and every
 * one of them is correlated to its request's row. A placeholder per use bound the same employee id
 * nine times (53 parameters, each filled in and sent per request).
 *
 * `offset 0` keeps `args` a subquery of its own, never folded into the statement: PostgreSQL then
 * plans the statement once per connection (a custom plan per execution cost 0.85 ms instead of
 * 0.15 ms in pgbench, ADR 0012 second amendment).
 */
const factArgs = sql`(select * from unnest(${sql.placeholder('employeeIds')}::uuid[], ${sql.placeholder('workDates')}::date[],
    ${sql.placeholder('nows')}::timestamptz[], ${sql.placeholder('excludeIds')}::uuid[],
    ${sql.placeholder('catalogueItemIds')}::uuid[], ${sql.placeholder('evidenceAttachmentIds')}::uuid[],
    ${sql.placeholder('idempotencyKeys')}::text[], ${sql.placeholder('skpRhkIds')}::uuid[],
    ${sql.placeholder('periods')}::text[], ${sql.placeholder('years')}::int[])
    with ordinality as a(employee_id, work_date, now_at, exclude_id, catalogue_item_id, evidence_attachment_id, idempotency_key, skp_rhk_id, period, year, n)
    offset 0) as args`;

/**
 * The statement of findEntryFacts, with placeholders: built once per executor (building it per
 * request cost more than running it) and named, so PostgreSQL plans it once per connection.
 */
function buildEntryFactsQuery(executor: Executor) {
  const employee = sql`args.employee_id`;
  const day = sql`args.work_date`;
  return executor
    .select({
      position: sql<number>`args.n::int`,
      author: sql<(Omit<EntryAuthor, 'timeZone'> & { timeZone: string | null }) | string | null>`(select json_build_object('id', e.id, 'unitId', e.unit_id, 'isActive', e.is_active,
                'timeZone', u.time_zone, 'name', e.name, 'gelarDepan', e.gelar_depan, 'gelarBelakang', e.gelar_belakang, 'nip', e.nip)
         from employees e left join units u on u.id = e.unit_id where e.id = ${employee})`,
      stampVersion: sql<number | null>`(select version from activity_entry_stamps where employee_id = ${employee})`,
      replayId: sql<string | null>`(select id from activity_entries where employee_id = ${employee} and idempotency_key = args.idempotency_key)`,
      ruleSet: sql<StoredRuleSet | string | null>`(select json_build_object('id', id, 'name', name, 'effectiveFrom', effective_from, 'regulation', regulation, 'rules', rules)
         from activity_rule_sets where effective_from <= ${day} order by effective_from desc limit 1)`,
      unitAncestorIds: sql<string[] | string>`(select coalesce(json_agg(chain.id order by chain.depth), '[]'::json) from (
         with recursive up as (
           select parent_id as id, 1 as depth from units where id = (select unit_id from employees where id = ${employee})
           union all
           -- A lookup by key per step: as a join, the generic plan hashed the whole units table each step.
           select (select u.parent_id from units u where u.id = up.id), up.depth + 1 from up where up.id is not null and up.depth < 64
         ) select id, depth from up where id is not null) chain)`,
      extensions: sql<StoredExtension[] | string>`(select coalesce(json_agg(json_build_object('unitId', unit_id, 'workDateFrom', work_date_from, 'workDateTo', work_date_to,
                'extendedUntilMs', (extract(epoch from extended_until) * 1000)::float8)), '[]'::json)
         from activity_deadline_extensions
         where work_date_from <= ${day} and work_date_to >= ${day} and extended_until >= args.now_at)`,
      leaveKind: sql<string | null>`coalesce(
        (select status from daily_attendance where employee_id = ${employee} and date = ${day} and status in (${leaveKinds}) limit 1),
        (select kind from attendance_requests
           where employee_id = ${employee} and status = 'disetujui' and kind in (${leaveKinds}) and start_date <= ${day} and end_date >= ${day} limit 1))`,
      others: sql<SameDayEntryRow[] | string>`(select coalesce(json_agg(json_build_object('id', id, 'title', title, 'startTime', start_time, 'endTime', end_time,
                'claimedMinutes', claimed_minutes) order by start_time), '[]'::json)
         from activity_entries
         where employee_id = ${employee} and work_date = ${day} and status <> 'rejected' and id is distinct from args.exclude_id)`,
      isPeriodClosed: sql<boolean>`exists (select 1 from period_closures where period = args.period)`,
      catalogueItem: sql<CatalogueFact | string | null>`(select json_build_object('itemId', i.id, 'code', i.code, 'positionId', i.position_id, 'isActive', i.is_active,
                'versionId', v.id, 'version', v.version, 'name', v.name, 'description', v.description, 'outputUnit', v.output_unit,
                'standardMinutes', v.standard_minutes,
                'isPositionHeld', i.position_id is not null and exists (
                  select 1 from assignments a where a.employee_id = ${employee} and a.position_id = i.position_id
                    and a.start_date <= ${day} and (a.end_date is null or a.end_date >= ${day})))
         from activity_catalogue_items i join activity_catalogue_versions v on v.item_id = i.id and v.version = i.current_version
         where i.id = args.catalogue_item_id)`,
      evidence: sql<EvidenceFact | string | null>`(select json_build_object('uploadedByUserId', uploaded_by_user_id, 'fileName', file_name)
         from attachments where id = args.evidence_attachment_id)`,
      // Same rule as GET /api/skp/my-rhk (findCitableRhkForActivity): the SKP in force for the year,
      // its span covering the day. Walking each of its RHK back through previous_rhk_id also accepts
      // an RHK of an earlier revision (chosen offline from an older list) as its current revision.
      citableRhk: sql<CitableRhkFact | string | null>`(select json_build_object('id', cited.id, 'text', cited.text) from (
         with recursive lineage as (
           select r.id, r.text, r.id as ancestor_id, 0 as depth
             from skps s join skp_rhk r on r.skp_id = s.id
            where args.skp_rhk_id is not null and s.employee_id = ${employee} and s.year = args.year
              and s.status = 'approved' and s.superseded_at is null and s.start_date <= ${day} and s.end_date >= ${day}
           union all
           select lineage.id, lineage.text, earlier.previous_rhk_id, lineage.depth + 1
             from lineage join skp_rhk earlier on earlier.id = lineage.ancestor_id
            where earlier.previous_rhk_id is not null and lineage.depth < 32
         ) select id, text, depth from lineage where ancestor_id = args.skp_rhk_id order by depth limit 1) cited)`,
    })
    .from(factArgs)
    .prepare('activity_entry_facts_batch');
}

type FactsRow = Awaited<ReturnType<ReturnType<typeof buildEntryFactsQuery>['execute']>>[number];
const factsReaders = new WeakMap<Executor, (request: EntryFactsRequest) => Promise<FactsRow | undefined>>();

/** The facts statement of an executor, coalescing the requests of the same moment into one execution. */
function factsReader(executor: Executor) {
  const existing = factsReaders.get(executor);
  if (existing) return existing;
  const query = buildEntryFactsQuery(executor);
  const reader = coalesce<EntryFactsRequest, FactsRow | undefined>(async (requests) => {
    const list = (pick: (request: EntryFactsRequest) => string | null) => toArrayLiteral(requests.map(pick));
    const rows = await query.execute({
      employeeIds: list((request) => request.employeeId),
      workDates: list((request) => request.workDate),
      nows: list((request) => request.now.toISOString()),
      excludeIds: list((request) => request.excludeId),
      catalogueItemIds: list((request) => request.catalogueItemId),
      evidenceAttachmentIds: list((request) => request.evidenceAttachmentId),
      idempotencyKeys: list((request) => request.idempotencyKey),
      skpRhkIds: list((request) => request.skpRhkId),
      periods: list((request) => request.workDate.slice(0, 7)),
      years: list((request) => request.workDate.slice(0, 4)),
    });
    const answers: (FactsRow | undefined)[] = requests.map(() => undefined);
    for (const row of rows) answers[row.position - 1] = row;
    return answers;
  });
  factsReaders.set(executor, reader);
  return reader;
}

/**
 * The facts of one entry write in a single statement: the idempotent replay, the rule set in force,
 * the unit's ancestors and running extensions (deadline), leave, the other entries of the day
 * (overlap, daily cap), the month's closure, the catalogue item, the evidence file and the cited
 * SKP RHK, with the person and their entry stamp. Run it after taking the employee's entry lock, so
 * that its snapshot holds every entry committed before; or without the lock, and then write only if
 * the stamp has not moved since (insertEntryAudited). Requests made at the same moment on the same
 * executor are read by one statement (one snapshot for all of them, which each would accept alone).
 */
export async function findEntryFacts(executor: Executor, request: EntryFactsRequest): Promise<EntryFacts> {
  const row = await factsReader(executor)(request);
  if (!row) throw new Error('entry facts query returned no row');
  const author = row.author === null ? null : fromJson(row.author);
  return {
    author: author === null ? null : { ...author, timeZone: author.timeZone ?? (await findRegionZone(executor)) },
    stampVersion: row.stampVersion,
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
    citableRhk: row.citableRhk === null ? null : fromJson(row.citableRhk),
  };
}
