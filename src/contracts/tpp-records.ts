import { z } from 'zod';
import { isoDate, pageOf, pageQuery } from './common';
import { createTppAdjustmentBody, tppAdjustment, tppDisciplineDecision, tppPeriod } from './tpp';

/**
 * Contracts of the TPP record screens (issue 6): the lists with filters an admin works through every
 * month (bank accounts, corrections, discipline decisions, compliance items) and the choices their
 * forms offer. The single-record contracts (bodies, one record) stay in tpp.ts.
 */

const unitFilter = z.uuid({ message: 'ID unit tidak valid' }).optional();
const search = z.string().trim().max(100, { message: 'Kata kunci paling panjang 100 karakter' }).optional();
const nullableText = z.string().nullable();

// ── Bank accounts ──

/**
 * The masked form of a bank account number ("******5678"), the one format lists, exports and the
 * web use: all but the last digits hidden, enough to tell two accounts apart or match a transfer, not
 * enough to use. Short numbers keep at most half their digits.
 */
export function maskAccountNumber(accountNumber: string): string {
  const shown = Math.min(4, Math.floor(accountNumber.length / 2));
  return `${'*'.repeat(accountNumber.length - shown)}${accountNumber.slice(accountNumber.length - shown)}`;
}

export const TPP_BANK_ACCOUNT_STATUSES = ['all', 'missing', 'present'] as const;
export type TppBankAccountStatus = (typeof TPP_BANK_ACCOUNT_STATUSES)[number];

export const tppBankAccountListQuery = pageQuery.extend({
  /** A unit and the units below it. */
  unitId: unitFilter,
  /** Name or NIP. */
  q: search,
  /** missing: employees without an account (they cannot be paid). */
  status: z.enum(TPP_BANK_ACCOUNT_STATUSES).default('all'),
});

/** One active employee in scope with their payroll account; the number is always masked in a list. */
export const tppBankAccountRow = z
  .object({
    employeeId: z.uuid(),
    nip: z.string(),
    name: z.string(),
    unitName: nullableText,
    bankName: nullableText,
    /** Only the last digits: the whole number is read one employee at a time. */
    accountNumberMasked: nullableText,
    accountHolder: nullableText,
    updatedAt: nullableText,
  })
  .meta({ id: 'TppBankAccountRow' });
export type TppBankAccountRowView = z.infer<typeof tppBankAccountRow>;
export const tppBankAccountPage = pageOf(tppBankAccountRow);

// ── Corrections of closed months ──

export const tppAdjustmentListQuery = z.object({ period: tppPeriod, unitId: unitFilter, q: search });
export const tppAdjustmentView = tppAdjustment.extend({ unitName: nullableText }).meta({ id: 'TppAdjustmentView' });
export type TppAdjustmentViewItem = z.infer<typeof tppAdjustmentView>;
export const tppAdjustmentListView = z.object({
  period: tppPeriod,
  /** The month the corrections are paid with is closed: they can no longer be changed. */
  isPeriodClosed: z.boolean(),
  items: z.array(tppAdjustmentView),
});
/** A correction's amount and reason, changed while its payment month is open. */
export const updateTppAdjustmentBody = createTppAdjustmentBody.pick({ amount: true, reason: true });

// ── Discipline decisions ──

export const tppDisciplineListQuery = z.object({
  employeeId: z.uuid({ message: 'ID pegawai tidak valid' }).optional(),
  unitId: unitFilter,
  q: search,
  /** Only decisions whose penalty is in force in this month. */
  period: tppPeriod.optional(),
});

export const tppPenalty = z.object({ code: z.string(), label: z.string(), level: z.string(), cutBp: z.number().int(), months: z.number().int() });
export type TppPenaltyView = z.infer<typeof tppPenalty>;

export const tppDisciplineDecisionView = tppDisciplineDecision
  .extend({
    nip: z.string(),
    name: z.string(),
    unitName: nullableText,
    /** The penalty as the rule set prices it (of the filtered month, else of the first month); null if it no longer does. */
    penalty: tppPenalty.nullable(),
    /** Last month the penalty applies. */
    endPeriod: tppPeriod.nullable(),
    /** Its first month is closed: the decision can no longer be removed. */
    isStartClosed: z.boolean(),
  })
  .meta({ id: 'TppDisciplineDecisionView' });
export type TppDisciplineDecisionViewItem = z.infer<typeof tppDisciplineDecisionView>;
export const tppDisciplineDecisionListView = z.object({ items: z.array(tppDisciplineDecisionView) });

// ── Compliance items ──

export const tppComplianceSheetQuery = pageQuery.extend({ period: tppPeriod, unitId: unitFilter, q: search });
export const tppComplianceColumn = z.object({ code: z.string(), label: z.string(), weightBp: z.number().int() });
export const tppComplianceSheet = z
  .object({
    period: tppPeriod,
    isPeriodClosed: z.boolean(),
    /** The month's rule set; null when none governs it. */
    ruleSetName: nullableText,
    /** The compliance items that rule set uses (none: nothing to record this month). */
    columns: z.array(tppComplianceColumn),
    items: z.array(
      z.object({
        employeeId: z.uuid(),
        nip: z.string(),
        name: z.string(),
        unitName: nullableText,
        /** One per column, in the columns' order; isMet null = not recorded yet. */
        values: z.array(z.object({ code: z.string(), isMet: z.boolean().nullable(), note: nullableText })),
      }),
    ),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'TppComplianceSheet' });
export type TppComplianceSheetView = z.infer<typeof tppComplianceSheet>;

// ── Treasurers (bendahara) ──

/**
 * The treasurer who signs a unit's payment list: the Bendahara Pengeluaran of an OPD, or a Bendahara
 * Pengeluaran Pembantu of a unit below it (a UPT, a puskesmas), appointed by a decree (SK) from a
 * date, until a date or until further notice. Which of the two follows from the unit.
 */
export const TPP_TREASURER_KINDS = ['pengeluaran', 'pengeluaran_pembantu'] as const;
export type TppTreasurerKind = (typeof TPP_TREASURER_KINDS)[number];

export const tppTreasurerBody = z
  .object({
    unitId: z.uuid({ message: 'Unit wajib dipilih' }),
    employeeId: z.uuid({ message: 'Pegawai wajib dipilih' }),
    decreeNumber: z.string().trim().min(1, 'Nomor SK wajib diisi').max(100, 'Nomor SK paling panjang 100 karakter'),
    startDate: isoDate,
    endDate: isoDate.nullable().default(null),
  })
  .refine((body) => body.endDate === null || body.endDate >= body.startDate, { message: 'Tanggal selesai tidak boleh sebelum tanggal mulai', path: ['endDate'] });

export const tppTreasurerListQuery = z.object({
  /** A unit and the units below it. */
  unitId: unitFilter,
  /** Name or NIP of the treasurer, or the decree number. */
  q: search,
  /** Also the appointments that ended before today. */
  includeEnded: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
});

export const tppTreasurer = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    kind: z.enum(TPP_TREASURER_KINDS),
    employeeId: z.uuid(),
    nip: z.string(),
    name: z.string(),
    decreeNumber: z.string(),
    startDate: isoDate,
    endDate: isoDate.nullable(),
    /** In office today (the region's date). */
    isInOffice: z.boolean(),
  })
  .meta({ id: 'TppTreasurer' });
export type TppTreasurerView = z.infer<typeof tppTreasurer>;
export const tppTreasurerList = z.object({ items: z.array(tppTreasurer) });

// ── Choices of the forms ──

export const tppRecordOptionsQuery = z.object({ period: tppPeriod });
export const tppRecordOptions = z
  .object({
    period: tppPeriod,
    isPeriodClosed: z.boolean(),
    ruleSetName: nullableText,
    penalties: z.array(tppPenalty),
    complianceItems: z.array(tppComplianceColumn),
  })
  .meta({ id: 'TppRecordOptions' });
export type TppRecordOptionsView = z.infer<typeof tppRecordOptions>;
