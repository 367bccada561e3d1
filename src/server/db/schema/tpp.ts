import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { employees, units } from './org';

/**
 * TPP (issue 6): versioned regional rule sets, background monthly runs, per-employee results with
 * snapshots, later-month corrections, discipline decisions, compliance items and payroll bank
 * accounts. Enumerations are text with check constraints; the allowed values live in src/contracts/tpp*.ts.
 * Money is integer rupiah (bigint, read as number: far below 2^53).
 */
const PERIOD_PATTERN = sql.raw(`'^[0-9]{4}-(0[1-9]|1[0-2])$'`);
const money = (name: string) => bigint(name, { mode: 'number' });

/**
 * One version of the region's rule set (tppRuleSetSchema as jsonb). A version governs the months from
 * its effective date until the next version. Editing makes a new row and marks the old one
 * superseded (history kept); retiring marks it superseded without a successor.
 */
export const tppRuleSets = pgTable(
  'tpp_rule_sets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    name: text('name').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    /** The regulation's short name, as cited in explanations. */
    regulation: text('regulation').notNull(),
    ruleSet: jsonb('rule_set').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    supersededById: uuid('superseded_by_id'),
    supersededByUserId: uuid('superseded_by_user_id').references(() => users.id),
  },
  (t) => [
    // No two versions in force may start on the same day: each month has exactly one rule set.
    uniqueIndex('tpp_rule_sets_region_effective_key').on(t.regionCode, t.effectiveFrom).where(sql`${t.supersededAt} is null`),
    check('tpp_rule_sets_effective_first_check', sql`extract(day from ${t.effectiveFrom}) = 1`),
    check('tpp_rule_sets_superseded_check', sql`${t.supersededById} is null or ${t.supersededAt} is not null`),
  ],
);

/** A background computation of one month for the whole region (unit null) or one OPD subtree. */
export const tppRuns = pgTable(
  'tpp_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    period: text('period').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    status: text('status').notNull().default('queued'),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(0),
    /** Employees whose TPP could not be computed (class without amounts …): [{ employeeId, nip, name, message }]. */
    issues: jsonb('issues').notNull().default(sql`'[]'::jsonb`),
    ruleSetId: uuid('rule_set_id').references(() => tppRuleSets.id),
    requestedByUserId: uuid('requested_by_user_id').references(() => users.id),
    requestedByLabel: text('requested_by_label'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    /** Touched by the worker as it goes: a running job whose heartbeat stopped is taken over. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    error: text('error'),
  },
  (t) => [
    index('tpp_runs_status_idx').on(t.status, t.requestedAt),
    index('tpp_runs_period_idx').on(t.period, t.requestedAt),
    // One waiting or running job per month and scope: a second request joins the first.
    uniqueIndex('tpp_runs_one_active_key')
      .on(t.period, sql`coalesce(${t.unitId}, '00000000-0000-0000-0000-000000000000'::uuid)`)
      .where(sql`${t.status} in ('queued','running')`),
    check('tpp_runs_period_check', sql`${t.period} ~ ${PERIOD_PATTERN}`),
    check('tpp_runs_status_check', sql`${t.status} in ('queued','running','done','failed')`),
    check('tpp_runs_progress_check', sql`${t.progressDone} >= 0 and ${t.progressTotal} >= 0 and ${t.progressDone} <= ${t.progressTotal}`),
    check('tpp_runs_failed_error_check', sql`(${t.status} = 'failed') = (${t.error} is not null)`),
  ],
);

/** One employee's TPP for one month from one run, with what it was computed from. */
export const tppResults = pgTable(
  'tpp_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    period: text('period').notNull(),
    employeeId: uuid('employee_id')
      .notNull()
      .references(() => employees.id),
    runId: uuid('run_id')
      .notNull()
      .references(() => tppRuns.id),
    ruleSetId: uuid('rule_set_id')
      .notNull()
      .references(() => tppRuleSets.id),
    /** The latest result of the month for this employee; older ones stay as history. */
    isCurrent: boolean('is_current').notNull().default(true),
    /** Set when the month is closed: the result is what was paid. */
    frozenAt: timestamp('frozen_at', { withTimezone: true }),
    /**
     * Snapshots: who the employee was this month — the unit, OPD and position ids as they were, with
     * their names, not references: no foreign keys (each cost ~5 µs per stored row and key, ADR 0013
     * second amendment; units and positions are deactivated, never deleted).
     */
    nip: text('nip').notNull(),
    employeeName: text('employee_name').notNull(),
    golongan: text('golongan'),
    jenisAsn: text('jenis_asn').notNull(),
    unitId: uuid('unit_id'),
    unitName: text('unit_name'),
    opdUnitId: uuid('opd_unit_id'),
    opdName: text('opd_name'),
    positionId: uuid('position_id'),
    positionCode: text('position_code'),
    positionName: text('position_name'),
    kelasJabatan: integer('kelas_jabatan').notNull(),
    /** The TppInput the engine was given (with the rule set version, what the result is computed from). */
    input: jsonb('input').notNull(),
    /**
     * The TppResult (lines with citations), stored when the month is closed: what was paid stays as
     * it was explained. Until then null and computed from input and rule set when read (ADR 0013);
     * the totals below are stored by every run.
     */
    result: jsonb('result'),
    /** Notes on inputs that were missing or assumed (no rated SKP yet …), shown with the explanation. */
    notes: jsonb('notes').notNull().default(sql`'[]'::jsonb`),
    earned: money('earned').notNull(),
    deductionTotal: money('deduction_total').notNull(),
    adjustmentTotal: money('adjustment_total').notNull(),
    tpp: money('tpp').notNull(),
    gross: money('gross').notNull(),
    pph21: money('pph21').notNull(),
    bpjsEmployer: money('bpjs_employer').notNull(),
    bpjsEmployee: money('bpjs_employee').notNull(),
    net: money('net').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('tpp_results_current_key').on(t.employeeId, t.period).where(sql`${t.isCurrent}`),
    index('tpp_results_period_opd_idx').on(t.period, t.opdUnitId).where(sql`${t.isCurrent}`),
    index('tpp_results_run_idx').on(t.runId),
    check('tpp_results_period_check', sql`${t.period} ~ ${PERIOD_PATTERN}`),
    check('tpp_results_kelas_check', sql`${t.kelasJabatan} between 1 and 17`),
    check('tpp_results_amounts_check', sql`${t.earned} >= 0 and ${t.deductionTotal} >= 0 and ${t.tpp} >= 0 and ${t.gross} >= ${t.tpp} and ${t.pph21} >= 0 and ${t.bpjsEmployer} >= 0 and ${t.bpjsEmployee} >= 0 and ${t.net} >= 0`),
  ],
);

/** A correction paid (or recovered) in a later month, linked to the closed month's result it corrects. */
export const tppAdjustments = pgTable(
  'tpp_adjustments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employeeId: uuid('employee_id')
      .notNull()
      .references(() => employees.id),
    /** The month in which the correction is paid. */
    period: text('period').notNull(),
    correctsPeriod: text('corrects_period').notNull(),
    correctsResultId: uuid('corrects_result_id').references(() => tppResults.id),
    /** Signed rupiah added to the net pay of `period`. */
    amount: money('amount').notNull(),
    reason: text('reason').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('tpp_adjustments_period_idx').on(t.period, t.employeeId),
    index('tpp_adjustments_corrects_idx').on(t.correctsResultId),
    check('tpp_adjustments_period_check', sql`${t.period} ~ ${PERIOD_PATTERN} and ${t.correctsPeriod} ~ ${PERIOD_PATTERN}`),
    check('tpp_adjustments_later_check', sql`${t.correctsPeriod} < ${t.period}`),
    check('tpp_adjustments_amount_check', sql`${t.amount} <> 0`),
    check('tpp_adjustments_reason_check', sql`length(trim(${t.reason})) >= 5`),
  ],
);

/** A discipline penalty from an official decision (SK), entered by an admin; the rule set prices it. */
export const tppDisciplineDecisions = pgTable(
  'tpp_discipline_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employeeId: uuid('employee_id')
      .notNull()
      .references(() => employees.id),
    decisionNumber: text('decision_number').notNull(),
    decisionDate: date('decision_date', { mode: 'string' }).notNull(),
    penaltyCode: text('penalty_code').notNull(),
    /** First month the penalty applies. */
    startPeriod: text('start_period').notNull(),
    note: text('note'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tpp_discipline_decisions_number_key').on(t.employeeId, t.decisionNumber),
    index('tpp_discipline_decisions_employee_idx').on(t.employeeId, t.startPeriod),
    check('tpp_discipline_decisions_period_check', sql`${t.startPeriod} ~ ${PERIOD_PATTERN}`),
    check('tpp_discipline_decisions_number_check', sql`length(trim(${t.decisionNumber})) >= 1`),
  ],
);

/** Whether an employee met a compliance item (LHKPN, BMD, TPTGR …) in a month. */
export const tppComplianceItems = pgTable(
  'tpp_compliance_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employeeId: uuid('employee_id')
      .notNull()
      .references(() => employees.id),
    period: text('period').notNull(),
    code: text('code').notNull(),
    isMet: boolean('is_met').notNull(),
    note: text('note'),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tpp_compliance_items_key').on(t.employeeId, t.period, t.code),
    index('tpp_compliance_items_period_idx').on(t.period),
    check('tpp_compliance_items_period_check', sql`${t.period} ~ ${PERIOD_PATTERN}`),
    check('tpp_compliance_items_code_check', sql`${t.code} ~ '^[a-z][a-z0-9_]{0,39}$'`),
  ],
);

/**
 * Where an employee's TPP is transferred (payroll recap column). Versioned: a change ends the current
 * row and adds a new one, a removal only ends it, so the payroll recap of a closed month is exported
 * again with the account that was in force when the month was closed. At most one current row each.
 */
export const tppBankAccounts = pgTable(
  'tpp_bank_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employeeId: uuid('employee_id')
      .notNull()
      .references(() => employees.id),
    bankName: text('bank_name').notNull(),
    accountNumber: text('account_number').notNull(),
    accountHolder: text('account_holder').notNull(),
    updatedByUserId: uuid('updated_by_user_id').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** When this version took effect; null for accounts recorded before versions were kept (in force since before any closing). */
    activeFrom: timestamp('active_from', { withTimezone: true }),
    /** When it was replaced or removed; null while it is the current account. */
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedByUserId: uuid('ended_by_user_id').references(() => users.id),
  },
  (t) => [
    uniqueIndex('tpp_bank_accounts_current_key').on(t.employeeId).where(sql`${t.endedAt} is null`),
    index('tpp_bank_accounts_employee_idx').on(t.employeeId, t.endedAt),
    check('tpp_bank_accounts_period_check', sql`${t.endedAt} is null or ${t.activeFrom} is null or ${t.endedAt} >= ${t.activeFrom}`),
    check('tpp_bank_accounts_number_check', sql`${t.accountNumber} ~ '^[0-9]{5,20}$'`),
    check('tpp_bank_accounts_text_check', sql`length(trim(${t.bankName})) >= 2 and length(trim(${t.accountHolder})) >= 2`),
  ],
);

/**
 * Treasurers who sign a unit's TPP payment list: the Bendahara Pengeluaran of an OPD or a Bendahara
 * Pengeluaran Pembantu of a unit below it, appointed by decree from a date (until a date, or until
 * further notice). Appointments of one unit never overlap (checked by the service under a lock on
 * the unit). The kind is not stored: it follows from the unit.
 */
export const tppTreasurers = pgTable(
  'tpp_treasurers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    employeeId: uuid('employee_id')
      .notNull()
      .references(() => employees.id),
    decreeNumber: text('decree_number').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedByUserId: uuid('updated_by_user_id').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('tpp_treasurers_unit_idx').on(t.unitId, t.startDate),
    index('tpp_treasurers_employee_idx').on(t.employeeId),
    check('tpp_treasurers_dates_check', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
    check('tpp_treasurers_decree_check', sql`length(trim(${t.decreeNumber})) >= 1`),
  ],
);
