import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, time, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { attachments } from './attendance';
import { users } from './auth';
import { employees, positions, units } from './org';
import { skpRhk } from './skp';

/**
 * Daily activities (issue 4): catalogue with versioned standard minutes, entries with evidence,
 * superior approval, region rules with effective dates, deadline extensions, templates.
 * Enumerations are text with check constraints; the allowed values live in src/contracts/activities*.ts.
 */
/**
 * Region rules for daily activities with an effective date and the regulation cited:
 * daily norm and cap, entry and approval deadlines, whether leave days / holidays accept entries,
 * how leave days count in the productivity denominator. Shape validated by the contract's Zod schema.
 */
export const activityRuleSets = pgTable(
  'activity_rule_sets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    regulation: text('regulation').notNull(),
    rules: jsonb('rules').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('activity_rule_sets_effective_key').on(t.effectiveFrom)],
);

/** A catalogue activity, for one position (from its ABK) or general (position null). */
export const activityCatalogueItems = pgTable(
  'activity_catalogue_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    positionId: uuid('position_id').references(() => positions.id),
    /** Current version, denormalised for listing; the history is in activity_catalogue_versions. */
    currentVersion: integer('current_version').notNull().default(1),
    isActive: boolean('is_active').notNull().default(true),
    ...timestamps,
  },
  (t) => [uniqueIndex('activity_catalogue_items_code_key').on(t.code), index('activity_catalogue_items_position_idx').on(t.positionId)],
);

/** Every change of a catalogue activity is a new version; entries keep the version they were made with. */
export const activityCatalogueVersions = pgTable(
  'activity_catalogue_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => activityCatalogueItems.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    outputUnit: text('output_unit').notNull(),
    standardMinutes: integer('standard_minutes').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('activity_catalogue_versions_item_version_key').on(t.itemId, t.version),
    check('activity_catalogue_versions_minutes_check', sql`${t.standardMinutes} between 1 and 1440`),
  ],
);

/** One activity entry of one employee on one day. */
export const activityEntries = pgTable(
  'activity_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employeeId: uuid('employee_id')
      .notNull()
      .references(() => employees.id),
    /** Unit of record when entered (snapshot): the OPD scope of the entry. */
    unitId: uuid('unit_id').references(() => units.id),
    workDate: date('work_date', { mode: 'string' }).notNull(),
    startTime: time('start_time').notNull(),
    endTime: time('end_time').notNull(),
    /** The catalogue version used; null for an additional task (tugas tambahan) in free text. */
    catalogueVersionId: uuid('catalogue_version_id').references(() => activityCatalogueVersions.id),
    isAdditionalTask: boolean('is_additional_task').notNull().default(false),
    /** Name of the activity: the catalogue name (snapshot) or the free-text task. */
    title: text('title').notNull(),
    volume: integer('volume').notNull(),
    outputUnit: text('output_unit').notNull(),
    description: text('description'),
    /** Standard minutes per unit when entered (snapshot); null for an additional task. */
    standardMinutes: integer('standard_minutes'),
    /** min(volume × standard minutes, time span) — or the time span for an additional task. */
    claimedMinutes: integer('claimed_minutes').notNull(),
    /** Set on approval: the minutes that count for productivity. */
    approvedMinutes: integer('approved_minutes'),
    evidenceAttachmentId: uuid('evidence_attachment_id').references(() => attachments.id),
    evidenceLink: text('evidence_link'),
    /** The superior's verdict on the evidence: matching / insufficient / not matching. */
    evidenceVerdict: text('evidence_verdict'),
    /**
     * The RHK of the person's approved SKP in force on the work date that this entry contributes to
     * (checked when written); the SKP realisation sums the approved minutes of the entries citing it.
     */
    skpRhkId: uuid('skp_rhk_id').references(() => skpRhk.id),
    status: text('status').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** Who decided (the superior of record, the acting official or the next superior up). */
    decidedByEmployeeId: uuid('decided_by_employee_id').references(() => employees.id),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    /** Client-chosen key so that an offline retry never creates a second entry. */
    idempotencyKey: text('idempotency_key'),
    /** Optimistic concurrency: every change increments it; a stale change is refused. */
    revision: integer('revision').notNull().default(1),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    ...timestamps,
  },
  (t) => [
    index('activity_entries_employee_date_idx').on(t.employeeId, t.workDate),
    index('activity_entries_unit_date_idx').on(t.unitId, t.workDate),
    index('activity_entries_status_idx').on(t.status, t.workDate),
    uniqueIndex('activity_entries_idempotency_key').on(t.employeeId, t.idempotencyKey),
    // Serves the foreign key when an RHK row is deleted (SKP drafts) without scanning every entry.
    index('activity_entries_skp_rhk_idx').on(t.skpRhkId).where(sql`${t.skpRhkId} is not null`),
    check('activity_entries_time_order_check', sql`${t.endTime} > ${t.startTime}`),
    check('activity_entries_volume_check', sql`${t.volume} between 1 and 10000`),
    check('activity_entries_minutes_check', sql`${t.claimedMinutes} between 0 and 1440 and (${t.approvedMinutes} is null or ${t.approvedMinutes} between 0 and ${t.claimedMinutes})`),
    check('activity_entries_status_check', sql`${t.status} in ('draft','submitted','approved','rejected','returned')`),
    check(
      'activity_entries_verdict_check',
      sql`${t.evidenceVerdict} is null or ${t.evidenceVerdict} in ('matching','insufficient','not_matching')`,
    ),
    check(
      'activity_entries_kind_check',
      sql`(${t.isAdditionalTask} and ${t.catalogueVersionId} is null) or (not ${t.isAdditionalTask} and ${t.catalogueVersionId} is not null)`,
    ),
  ],
);

/**
 * The write stamp of a person's activity entries: every change of their entries by themselves
 * raises `version` in the same transaction. Changes that hold the row lock are serialised; a new
 * entry may instead be checked without a lock and written only if the version it read is still the
 * current one (docs/adr/0012-optimistic-activity-entry-writes.md).
 */
export const activityEntryStamps = pgTable('activity_entry_stamps', {
  employeeId: uuid('employee_id')
    .primaryKey()
    .references(() => employees.id),
  version: integer('version').notNull(),
});

/** An admin's extension of the entry (and approval) deadline for a unit or the whole region, e.g. after an outage. */
export const activityDeadlineExtensions = pgTable(
  'activity_deadline_extensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** null = the whole region. Applies to the unit and every unit below it. */
    unitId: uuid('unit_id').references(() => units.id),
    /** The work dates whose deadline is extended (inclusive). */
    workDateFrom: date('work_date_from', { mode: 'string' }).notNull(),
    workDateTo: date('work_date_to', { mode: 'string' }).notNull(),
    /** New deadline (instant). */
    extendedUntil: timestamp('extended_until', { withTimezone: true }).notNull(),
    reason: text('reason').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('activity_deadline_extensions_dates_idx').on(t.workDateFrom, t.workDateTo),
    check('activity_deadline_extensions_dates_check', sql`${t.workDateTo} >= ${t.workDateFrom}`),
  ],
);

/** An employee's template for recurring work. */
export const activityTemplates = pgTable(
  'activity_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employeeId: uuid('employee_id')
      .notNull()
      .references(() => employees.id),
    name: text('name').notNull(),
    catalogueItemId: uuid('catalogue_item_id').references(() => activityCatalogueItems.id),
    isAdditionalTask: boolean('is_additional_task').notNull().default(false),
    title: text('title'),
    outputUnit: text('output_unit'),
    volume: integer('volume').notNull().default(1),
    startTime: time('start_time'),
    endTime: time('end_time'),
    description: text('description'),
    /** The RHK recurring work contributes to; an entry from the template keeps it only where it is citable on the entry's date. */
    skpRhkId: uuid('skp_rhk_id').references(() => skpRhk.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [uniqueIndex('activity_templates_employee_name_key').on(t.employeeId, t.name)],
);

/**
 * A closed month (TPP closing, issue 6): its activity entries and approvals, attendance and TPP results
 * are frozen. Later corrections are adjustments in a later month.
 */
export const periodClosures = pgTable(
  'period_closures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** YYYY-MM */
    period: text('period').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }).notNull(),
    closedByUserId: uuid('closed_by_user_id').references(() => users.id),
    note: text('note'),
    details: jsonb('details'),
  },
  (t) => [uniqueIndex('period_closures_period_key').on(t.period), check('period_closures_period_check', sql`${t.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)],
);
