import { sql, type SQL } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
  type PgColumn,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import {
  ASSESSOR_DESIGNATION_KINDS,
  ASSESSOR_KINDS,
  EMPLOYEE_PREDIKATS,
  EVALUATION_PERIOD_KINDS,
  INDICATOR_ASPECTS,
  JPT_PERSPECTIVES,
  PP46_CREATIVITY_LEVELS,
  RATINGS,
  RHK_KINDS,
  RHK_ORIGINS,
  SKP_APPROACHES,
  SKP_PERIOD_KINDS,
  SKP_STATUSES,
  UNIT_PREDIKATS,
} from '../../../domain/skp/vocabulary';
import { attachments } from './attendance';
import { users } from './auth';
import { employees, positions, units } from './org';

/**
 * SKP (issue 5, PermenPANRB 6/2022): annual plans with cascaded RHK and indicators, periodic
 * realisation, evaluations and the unit predikat for the distribution pattern; revisions keep history.
 * Enumerations are text with check constraints built from the one vocabulary in src/domain/skp.
 */
/** PP 46/2011 SKP part as scored at rating time (pp46-formula.ts, two decimals): what the form prints per kegiatan. */
export interface Pp46SkpBreakdown {
  activities: { rhkId: string; text: string; kuantitas: number | null; kualitas: number | null; waktu: number | null; biaya: number | null; nilaiCapaian: number }[];
  /** Points for tugas tambahan and kreativitas added to the mean of the activities. */
  additionalPoints: number;
}

const oneOf = (column: PgColumn, values: readonly string[]): SQL => sql`${column} in (${sql.raw(values.map((value) => `'${value}'`).join(','))})`;

/**
 * Region settings per year, as data editable by BKPSDM: the realisation/evaluation period
 * (month or quarter) and the scoring approach. The row with the latest effective year ≤ the SKP year applies.
 */
export const skpSettings = pgTable(
  'skp_settings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    effectiveYear: integer('effective_year').notNull(),
    periodKind: text('period_kind').notNull(),
    approach: text('approach').notNull(),
    /** The regional regulation (Perbup/Perwal) or decision this follows. */
    regulation: text('regulation').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('skp_settings_effective_year_key').on(t.effectiveYear),
    check('skp_settings_year_check', sql`${t.effectiveYear} between 2000 and 2100`),
    check('skp_settings_period_kind_check', oneOf(t.periodKind, SKP_PERIOD_KINDS)),
    check('skp_settings_approach_check', oneOf(t.approach, SKP_APPROACHES)),
  ],
);

/** One revision of one employee's SKP for one year (or a shorter span after a move). */
export const skps = pgTable(
  'skps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employeeId: uuid('employee_id')
      .notNull()
      .references(() => employees.id),
    year: integer('year').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    /** Snapshots of the assessed employee when the revision was created (document and OPD scope). */
    employeeName: text('employee_name').notNull(),
    employeeNip: text('employee_nip').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    unitName: text('unit_name'),
    positionId: uuid('position_id').references(() => positions.id),
    positionName: text('position_name'),
    /** Pejabat penilai (superior of record) and atasan pejabat penilai, snapshotted. */
    assessorEmployeeId: uuid('assessor_employee_id').references(() => employees.id),
    assessorName: text('assessor_name'),
    assessorNip: text('assessor_nip'),
    assessorPositionId: uuid('assessor_position_id').references(() => positions.id),
    assessorPositionName: text('assessor_position_name'),
    assessorSuperiorEmployeeId: uuid('assessor_superior_employee_id').references(() => employees.id),
    assessorSuperiorName: text('assessor_superior_name'),
    assessorSuperiorNip: text('assessor_superior_nip'),
    assessorSuperiorPositionId: uuid('assessor_superior_position_id').references(() => positions.id),
    assessorSuperiorPositionName: text('assessor_superior_position_name'),
    /** How each was found (ASSESSOR_KINDS): the superior rule, a BKPSDM designation, or the kepala daerah (no employee record). */
    assessorKind: text('assessor_kind'),
    assessorSuperiorKind: text('assessor_superior_kind'),
    status: text('status').notNull().default('draft'),
    revision: integer('revision').notNull().default(1),
    previousRevisionId: uuid('previous_revision_id').references((): AnyPgColumn => skps.id),
    /** Why a new revision was opened (move, change of superior, changed targets). */
    revisionReason: text('revision_reason'),
    /** Set on an approved revision when a later revision is approved: it no longer applies. */
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    approach: text('approach').notNull(),
    /** JPT SKPs group RHK by perspective. */
    isJpt: boolean('is_jpt').notNull().default(false),
    /** Lampiran SKP. */
    dukunganSumberDaya: text('dukungan_sumber_daya'),
    skemaPertanggungjawaban: text('skema_pertanggungjawaban'),
    konsekuensi: text('konsekuensi'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id),
    /** A decision BKPSDM recorded on behalf of a kepala daerah: the official as printed, and the basis (letter, disposition). */
    decidedOnBehalfOf: text('decided_on_behalf_of'),
    decidedOnBehalfReason: text('decided_on_behalf_reason'),
    /** The assessor's notes when returning the SKP. */
    returnNote: text('return_note'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('skps_employee_year_revision_key').on(t.employeeId, t.year, t.revision),
    // At most one revision in progress and one approved revision in force per employee and year.
    uniqueIndex('skps_one_open_revision_key').on(t.employeeId, t.year).where(sql`${t.status} <> 'approved'`),
    uniqueIndex('skps_one_current_approved_key').on(t.employeeId, t.year).where(sql`${t.status} = 'approved' and ${t.supersededAt} is null`),
    index('skps_assessor_year_idx').on(t.assessorEmployeeId, t.year),
    index('skps_unit_year_idx').on(t.unitId, t.year),
    check('skps_status_check', oneOf(t.status, SKP_STATUSES)),
    check('skps_approach_check', oneOf(t.approach, SKP_APPROACHES)),
    check('skps_year_check', sql`${t.year} between 2000 and 2100`),
    check('skps_span_check', sql`${t.endDate} >= ${t.startDate} and extract(year from ${t.startDate}) = ${t.year} and extract(year from ${t.endDate}) = ${t.year}`),
    check('skps_revision_check', sql`${t.revision} >= 1 and (${t.revision} = 1) = (${t.previousRevisionId} is null)`),
    check('skps_not_own_assessor', sql`${t.assessorEmployeeId} is null or ${t.assessorEmployeeId} <> ${t.employeeId}`),
    check('skps_assessor_kind_check', sql`${t.assessorKind} is null or ${oneOf(t.assessorKind, ASSESSOR_KINDS)}`),
    check('skps_assessor_superior_kind_check', sql`${t.assessorSuperiorKind} is null or ${oneOf(t.assessorSuperiorKind, ASSESSOR_KINDS)}`),
    check('skps_on_behalf_check', sql`(${t.decidedOnBehalfOf} is null) = (${t.decidedOnBehalfReason} is null)`),
    // The kepala daerah has no employee record: a name and title only. Rows before migration 0012 were backfilled as 'superior' in 0013.
    check(
      'skps_assessor_kind_consistent_check',
      sql`(${t.assessorKind} is null and ${t.assessorEmployeeId} is null and ${t.assessorName} is null) or (${t.assessorKind} in ('superior', 'designated') and ${t.assessorEmployeeId} is not null) or (${t.assessorKind} = 'kepala_daerah' and ${t.assessorEmployeeId} is null and ${t.assessorName} is not null)`,
    ),
    check(
      'skps_assessor_superior_kind_consistent_check',
      sql`(${t.assessorSuperiorKind} is null and ${t.assessorSuperiorEmployeeId} is null and ${t.assessorSuperiorName} is null) or (${t.assessorSuperiorKind} in ('superior', 'designated') and ${t.assessorSuperiorEmployeeId} is not null) or (${t.assessorSuperiorKind} = 'kepala_daerah' and ${t.assessorSuperiorEmployeeId} is null and ${t.assessorSuperiorName} is not null)`,
    ),
  ],
);

/**
 * The pejabat penilai for holders of a position whom the superior rule leaves without a superior
 * (domain/skp/assessor.ts): an employee, or the kepala daerah by name and title. Set by BKPSDM,
 * effective from a date; ending one and adding another keeps the history (a new kepala daerah).
 */
export const skpAssessorDesignations = pgTable(
  'skp_assessor_designations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    positionId: uuid('position_id')
      .notNull()
      .references(() => positions.id),
    kind: text('kind').notNull(),
    assessorEmployeeId: uuid('assessor_employee_id').references(() => employees.id),
    officialName: text('official_name'),
    officialTitle: text('official_title'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    /** The basis: a Perbup, a decision letter, the regulation. */
    reason: text('reason').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    ...timestamps,
  },
  (t) => [
    index('skp_assessor_designations_position_idx').on(t.positionId, t.startDate),
    // The actor query asks on every request whether the account's employee holds a designation in force.
    index('skp_assessor_designations_assessor_idx').on(t.assessorEmployeeId, t.startDate).where(sql`${t.assessorEmployeeId} is not null`),
    check('skp_assessor_designations_kind_check', oneOf(t.kind, ASSESSOR_DESIGNATION_KINDS)),
    check(
      'skp_assessor_designations_shape_check',
      sql`(${t.kind} = 'employee' and ${t.assessorEmployeeId} is not null and ${t.officialName} is null and ${t.officialTitle} is null) or (${t.kind} = 'kepala_daerah' and ${t.assessorEmployeeId} is null and length(btrim(${t.officialName})) > 0 and length(btrim(${t.officialTitle})) > 0)`,
    ),
    check('skp_assessor_designations_dates_check', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
    check('skp_assessor_designations_reason_check', sql`length(btrim(${t.reason})) > 0`),
  ],
);

/** Rencana hasil kerja: utama or tambahan, citing the superior's RHK it supports. */
export const skpRhk = pgTable(
  'skp_rhk',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    skpId: uuid('skp_id')
      .notNull()
      .references(() => skps.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    /** JPT only: balanced-scorecard perspective. */
    perspective: text('perspective'),
    /** RHK atasan yang diintervensi (the cascade); another SKP's RHK, never deleted while cited. */
    supportedRhkId: uuid('supported_rhk_id').references((): AnyPgColumn => skpRhk.id),
    /** For a unit head cascading from the unit's performance agreement (perjanjian kinerja) instead of a person's RHK. */
    supportedAgreementText: text('supported_agreement_text'),
    origin: text('origin').notNull().default('own'),
    /** The same RHK in the previous revision (lineage for roll-up across revisions). */
    previousRhkId: uuid('previous_rhk_id').references((): AnyPgColumn => skpRhk.id),
    /** The superior's RHK it was copied from or handed out of. */
    sourceRhkId: uuid('source_rhk_id').references((): AnyPgColumn => skpRhk.id),
    sortOrder: integer('sort_order').notNull(),
    ...timestamps,
  },
  (t) => [
    index('skp_rhk_skp_idx').on(t.skpId, t.sortOrder),
    index('skp_rhk_supported_idx').on(t.supportedRhkId),
    check('skp_rhk_kind_check', oneOf(t.kind, RHK_KINDS)),
    check('skp_rhk_origin_check', oneOf(t.origin, RHK_ORIGINS)),
    check('skp_rhk_perspective_check', sql`${t.perspective} is null or ${oneOf(t.perspective, JPT_PERSPECTIVES)}`),
    check('skp_rhk_not_own_support', sql`${t.supportedRhkId} is null or ${t.supportedRhkId} <> ${t.id}`),
    check('skp_rhk_text_check', sql`length(btrim(${t.text})) > 0`),
  ],
);

/** Indikator kinerja individu of an RHK with its target (value, optional upper bound, unit). */
export const skpIndicators = pgTable(
  'skp_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    rhkId: uuid('rhk_id')
      .notNull()
      .references(() => skpRhk.id, { onDelete: 'cascade' }),
    aspect: text('aspect').notNull(),
    text: text('text').notNull(),
    targetValue: numeric('target_value', { precision: 18, scale: 4, mode: 'string' }).notNull(),
    /** A target range ("2–3 dokumen"): the upper bound; null for a single value. */
    targetValueUpper: numeric('target_value_upper', { precision: 18, scale: 4, mode: 'string' }),
    targetUnit: text('target_unit').notNull(),
    sortOrder: integer('sort_order').notNull(),
    ...timestamps,
  },
  (t) => [
    index('skp_indicators_rhk_idx').on(t.rhkId, t.sortOrder),
    check('skp_indicators_aspect_check', oneOf(t.aspect, INDICATOR_ASPECTS)),
    check('skp_indicators_target_check', sql`${t.targetValue} >= 0 and (${t.targetValueUpper} is null or ${t.targetValueUpper} >= ${t.targetValue})`),
  ],
);

/** Per RHK and period: rencana aksi, realisation with evidence, the superior's feedback, dialogue. */
export const skpRealisations = pgTable(
  'skp_realisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    rhkId: uuid('rhk_id')
      .notNull()
      .references(() => skpRhk.id, { onDelete: 'cascade' }),
    /** "2026-03" (month) or "2026-Q1" (quarter). */
    periodKey: text('period_key').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    rencanaAksi: text('rencana_aksi'),
    realisasi: text('realisasi'),
    /** Evidence links (URLs); files are in skp_realisation_attachments. */
    evidenceLinks: jsonb('evidence_links').$type<string[]>().notNull().default([]),
    /** Umpan balik from the assessor. */
    feedback: text('feedback'),
    feedbackByEmployeeId: uuid('feedback_by_employee_id').references(() => employees.id),
    feedbackAt: timestamp('feedback_at', { withTimezone: true }),
    dialogueNotes: text('dialogue_notes'),
    /** The account that last wrote the feedback or dialogue notes (for BKPSDM on behalf of a kepala daerah there is no employee). */
    feedbackByUserId: uuid('feedback_by_user_id').references(() => users.id),
    /** Feedback BKPSDM recorded on behalf of a kepala daerah (ADR 0011): the official as printed, and the basis. */
    feedbackOnBehalfOf: text('feedback_on_behalf_of'),
    feedbackOnBehalfReason: text('feedback_on_behalf_reason'),
    /** Copied from the revision this one replaced (domain/skp/carry-over.ts); that row stays as history. */
    carriedFromId: uuid('carried_from_id').references((): AnyPgColumn => skpRealisations.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('skp_realisations_rhk_period_key').on(t.rhkId, t.periodKey),
    check('skp_realisations_period_check', sql`${t.periodKey} ~ '^[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])$' and ${t.periodEnd} >= ${t.periodStart}`),
    check('skp_realisations_feedback_on_behalf_check', sql`(${t.feedbackOnBehalfOf} is null) = (${t.feedbackOnBehalfReason} is null)`),
  ],
);

/** Numeric realisation per indicator and period (for progress and the PP 46/2011 formula). */
export const skpIndicatorRealisations = pgTable(
  'skp_indicator_realisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    realisationId: uuid('realisation_id')
      .notNull()
      .references(() => skpRealisations.id, { onDelete: 'cascade' }),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => skpIndicators.id, { onDelete: 'cascade' }),
    value: numeric('value', { precision: 18, scale: 4, mode: 'string' }).notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('skp_indicator_realisations_key').on(t.realisationId, t.indicatorId), check('skp_indicator_realisations_value_check', sql`${t.value} >= 0`)],
);

/** Evidence files of a realisation (the generic attachments table holds the bytes). */
export const skpRealisationAttachments = pgTable(
  'skp_realisation_attachments',
  {
    realisationId: uuid('realisation_id')
      .notNull()
      .references(() => skpRealisations.id, { onDelete: 'cascade' }),
    attachmentId: uuid('attachment_id')
      .notNull()
      .references(() => attachments.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('skp_realisation_attachments_key').on(t.realisationId, t.attachmentId)],
);

/** The assessor's evaluation of an SKP for one period or the whole year. */
export const skpEvaluations = pgTable(
  'skp_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    skpId: uuid('skp_id')
      .notNull()
      .references(() => skps.id, { onDelete: 'cascade' }),
    periodKind: text('period_kind').notNull(),
    /** "2026-03", "2026-Q1" or "2026" (annual). */
    periodKey: text('period_key').notNull(),
    hasilKerjaRating: text('hasil_kerja_rating'),
    perilakuKerjaRating: text('perilaku_kerja_rating'),
    /** BerAKHLAK code → the assessor's note on that value. */
    behaviourNotes: jsonb('behaviour_notes').$type<Record<string, string>>().notNull().default({}),
    /** BerAKHLAK code → the leader's specific expectation (ekspektasi khusus pimpinan). */
    leaderExpectations: jsonb('leader_expectations').$type<Record<string, string>>().notNull().default({}),
    predikat: text('predikat'),
    /** PP 46/2011 approach: printed scores (two decimals). */
    legacySkpScore: numeric('legacy_skp_score', { precision: 6, scale: 2, mode: 'string' }),
    legacyBehaviourScore: numeric('legacy_behaviour_score', { precision: 6, scale: 2, mode: 'string' }),
    legacyFinalScore: numeric('legacy_final_score', { precision: 6, scale: 2, mode: 'string' }),
    /** PP 46/2011 perilaku kerja per aspect (0–100); kepemimpinan for structural positions only. Rows rated before migration 0012 hold only the mean. */
    legacyOrientasiPelayanan: numeric('legacy_orientasi_pelayanan', { precision: 5, scale: 2, mode: 'string' }),
    legacyIntegritas: numeric('legacy_integritas', { precision: 5, scale: 2, mode: 'string' }),
    legacyKomitmen: numeric('legacy_komitmen', { precision: 5, scale: 2, mode: 'string' }),
    legacyDisiplin: numeric('legacy_disiplin', { precision: 5, scale: 2, mode: 'string' }),
    legacyKerjaSama: numeric('legacy_kerja_sama', { precision: 5, scale: 2, mode: 'string' }),
    legacyKepemimpinan: numeric('legacy_kepemimpinan', { precision: 5, scale: 2, mode: 'string' }),
    /** PP 46/2011 kreativitas recognised (adds points to the SKP score). */
    legacyCreativity: text('legacy_creativity'),
    /** PP 46/2011 SKP part as scored when rated: per RHK utama (kegiatan) the aspect scores and nilai capaian, and the points added. Null before migration 0017. */
    legacySkpBreakdown: jsonb('legacy_skp_breakdown').$type<Pp46SkpBreakdown>(),
    assessorEmployeeId: uuid('assessor_employee_id').references(() => employees.id),
    assessorUserId: uuid('assessor_user_id').references(() => users.id),
    isFinal: boolean('is_final').notNull().default(false),
    finalisedAt: timestamp('finalised_at', { withTimezone: true }),
    /** A rating BKPSDM recorded on behalf of a kepala daerah: the official as printed, and the basis. */
    recordedOnBehalfOf: text('recorded_on_behalf_of'),
    onBehalfReason: text('on_behalf_reason'),
    /** A final rating copied from the revision this one replaced (domain/skp/carry-over.ts). */
    carriedFromId: uuid('carried_from_id').references((): AnyPgColumn => skpEvaluations.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('skp_evaluations_skp_period_key').on(t.skpId, t.periodKey),
    index('skp_evaluations_assessor_idx').on(t.assessorEmployeeId, t.periodKey),
    check('skp_evaluations_period_kind_check', oneOf(t.periodKind, EVALUATION_PERIOD_KINDS)),
    check('skp_evaluations_period_key_check', sql`${t.periodKey} ~ '^[0-9]{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$'`),
    check('skp_evaluations_hasil_check', sql`${t.hasilKerjaRating} is null or ${oneOf(t.hasilKerjaRating, RATINGS)}`),
    check('skp_evaluations_perilaku_check', sql`${t.perilakuKerjaRating} is null or ${oneOf(t.perilakuKerjaRating, RATINGS)}`),
    check('skp_evaluations_predikat_check', sql`${t.predikat} is null or ${oneOf(t.predikat, EMPLOYEE_PREDIKATS)}`),
    check(
      'skp_evaluations_final_check',
      sql`not ${t.isFinal} or (${t.finalisedAt} is not null and ((${t.hasilKerjaRating} is not null and ${t.perilakuKerjaRating} is not null and ${t.predikat} is not null) or ${t.legacyFinalScore} is not null))`,
    ),
    check(
      'skp_evaluations_pp46_aspects_check',
      sql`num_nulls(${t.legacyOrientasiPelayanan}, ${t.legacyIntegritas}, ${t.legacyKomitmen}, ${t.legacyDisiplin}, ${t.legacyKerjaSama}) in (0, 5) and (${t.legacyKepemimpinan} is null or ${t.legacyOrientasiPelayanan} is not null) and (${t.legacyOrientasiPelayanan} is null or ${t.legacyBehaviourScore} is not null)`,
    ),
    check(
      'skp_evaluations_pp46_aspect_range_check',
      sql`coalesce(least(${t.legacyOrientasiPelayanan}, ${t.legacyIntegritas}, ${t.legacyKomitmen}, ${t.legacyDisiplin}, ${t.legacyKerjaSama}, ${t.legacyKepemimpinan}), 0) >= 0 and coalesce(greatest(${t.legacyOrientasiPelayanan}, ${t.legacyIntegritas}, ${t.legacyKomitmen}, ${t.legacyDisiplin}, ${t.legacyKerjaSama}, ${t.legacyKepemimpinan}), 0) <= 100`,
    ),
    check('skp_evaluations_creativity_check', sql`${t.legacyCreativity} is null or ${oneOf(t.legacyCreativity, PP46_CREATIVITY_LEVELS)}`),
    check('skp_evaluations_on_behalf_check', sql`(${t.recordedOnBehalfOf} is null) = (${t.onBehalfReason} is null)`),
    check('skp_evaluations_pp46_breakdown_check', sql`${t.legacySkpBreakdown} is null or ${t.legacySkpScore} is not null`),
  ],
);

/** Predikat kinerja organisasi of a unit for a period, set by the unit's superior (for the distribution pattern). */
export const skpUnitPredikats = pgTable(
  'skp_unit_predikats',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    periodKey: text('period_key').notNull(),
    predikat: text('predikat').notNull(),
    note: text('note'),
    setByEmployeeId: uuid('set_by_employee_id').references(() => employees.id),
    setByUserId: uuid('set_by_user_id').references(() => users.id),
    /** Set by BKPSDM on behalf of a kepala daerah (the unit is headed by someone they assess). */
    setOnBehalfOf: text('set_on_behalf_of'),
    onBehalfReason: text('on_behalf_reason'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('skp_unit_predikats_unit_period_key').on(t.unitId, t.periodKey),
    check('skp_unit_predikats_predikat_check', oneOf(t.predikat, UNIT_PREDIKATS)),
    check('skp_unit_predikats_period_key_check', sql`${t.periodKey} ~ '^[0-9]{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$'`),
    check('skp_unit_predikats_on_behalf_check', sql`(${t.setOnBehalfOf} is null) = (${t.onBehalfReason} is null)`),
  ],
);
