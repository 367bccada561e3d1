import { z } from 'zod';
import { EXCUSED_STATUSES } from './attendance-daily';
import { isoDate } from './common';
import { EMPLOYEE_PREDIKATS } from '../domain/skp/vocabulary';

/** TPP API contract (issue 6): rule-set versions, monthly runs, results with their explanation, the simulator. */

export const tppPeriod = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Periode harus berformat YYYY-MM');
export const TPP_RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type TppRunStatus = (typeof TPP_RUN_STATUSES)[number];

export const TPP_EXAMPLE_CODES = ['classic_60_40', 'kolaka_60_30_10', 'tapanuli_tengah_points', 'deli_serdang_30_20_50'] as const;
export type TppExampleCode = (typeof TPP_EXAMPLE_CODES)[number];

// ── Rule sets ──────────────────────────────────────────────────────────────

export const tppRuleSetVersion = z
  .object({
    id: z.uuid(),
    regionCode: z.string(),
    name: z.string(),
    effectiveFrom: isoDate,
    regulation: z.string(),
    createdAt: z.string(),
    createdByName: z.string().nullable(),
    supersededAt: z.string().nullable(),
    supersededById: z.uuid().nullable(),
    /** The version governing the current month. */
    isInForce: z.boolean(),
    /** The rule set itself (tppRuleSetSchema, the JSON import/export format). */
    ruleSet: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'TppRuleSetVersion' });
export type TppRuleSetVersionView = z.infer<typeof tppRuleSetVersion>;

export const tppRuleSetVersionList = z.object({ items: z.array(tppRuleSetVersion) });
export const tppRuleSetListQuery = z.object({ includeSuperseded: z.enum(['true', 'false']).optional() });

/** Body of create/replace: the rule set as JSON (validated in the service so every problem is listed with its path). */
export const tppRuleSetBody = z.object({ ruleSet: z.unknown() });

export const tppRuleSetExample = z.object({ code: z.enum(TPP_EXAMPLE_CODES), name: z.string(), source: z.string(), ruleSet: z.record(z.string(), z.unknown()) });
export const tppRuleSetExampleList = z.object({ items: z.array(tppRuleSetExample) });

// ── Runs ───────────────────────────────────────────────────────────────────

export const tppRunIssue = z.object({ employeeId: z.uuid(), nip: z.string(), name: z.string(), message: z.string() });
export type TppRunIssue = z.infer<typeof tppRunIssue>;

export const tppRun = z
  .object({
    id: z.uuid(),
    period: tppPeriod,
    unitId: z.uuid().nullable(),
    unitName: z.string().nullable(),
    status: z.enum(TPP_RUN_STATUSES),
    progressDone: z.number().int(),
    progressTotal: z.number().int(),
    issues: z.array(tppRunIssue),
    requestedBy: z.string().nullable(),
    requestedAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: 'TppRun' });
export type TppRunView = z.infer<typeof tppRun>;

export const createTppRunBody = z.object({ period: tppPeriod, unitId: z.uuid({ message: 'ID unit tidak valid' }).nullable().default(null) });
export const tppRunListQuery = z.object({ period: tppPeriod.optional() });
export const tppRunList = z.object({ items: z.array(tppRun) });

// ── Results and explanation ────────────────────────────────────────────────

const money = z.number().int();
export const TPP_LINE_SECTION_VALUES = ['earning', 'deduction', 'adjustment', 'allowance', 'withholding', 'rounding'] as const;

export const tppLine = z.object({
  section: z.enum(TPP_LINE_SECTION_VALUES),
  code: z.string(),
  label: z.string(),
  input: z.string(),
  rule: z.string(),
  citation: z.string().nullable(),
  quantity: z.number().int().nullable(),
  effect: money,
});

const componentAmounts = z.object({ bebanKerja: money, prestasiKerja: money, kondisiKerja: money, tempatBertugas: money, kelangkaanProfesi: money });

export const tppResultSchema = z
  .object({
    period: tppPeriod,
    ruleSet: z.object({ regionCode: z.string(), name: z.string(), effectiveFrom: z.string(), regulation: z.string() }),
    base: z.object({
      source: z.enum(['class', 'position']),
      kelasJabatan: z.number().int(),
      positionCode: z.string().nullable(),
      components: componentAmounts,
      performanceBase: money,
      fixedBase: money,
      total: money,
    }),
    parts: z.array(z.object({ key: z.string(), label: z.string(), weightBp: z.number().int(), maxAmount: money, earned: money })),
    earned: money,
    deductionTotal: money,
    isForfeited: z.boolean(),
    adjustmentTotal: money,
    tpp: money,
    bpjs: z.object({ base: money, employer: money, employee: money }),
    pph21: z.object({ policy: z.enum(['withheld', 'borne_by_region', 'none']), base: money, amount: money }),
    gross: money,
    roundingDifference: money,
    net: money,
    lines: z.array(tppLine),
  })
  .meta({ id: 'TppResult' });

export const tppCorrection = z.object({
  id: z.uuid(),
  correctsPeriod: tppPeriod,
  correctsResultId: z.uuid().nullable(),
  amount: money,
  reason: z.string(),
  createdAt: z.string(),
});

export const tppExplanation = z
  .object({
    period: tppPeriod,
    employee: z.object({
      id: z.uuid(),
      nip: z.string(),
      name: z.string(),
      golongan: z.string().nullable(),
      positionName: z.string().nullable(),
      kelasJabatan: z.number().int(),
      unitName: z.string().nullable(),
      opdName: z.string().nullable(),
    }),
    /** Computed now from live data (the month has no stored result yet); not what will be paid. */
    isEstimate: z.boolean(),
    /** The month is closed: this is what was paid. */
    isFrozen: z.boolean(),
    resultId: z.uuid().nullable(),
    computedAt: z.string(),
    ruleSetId: z.uuid(),
    notes: z.array(z.string()),
    /** The month's main inputs, the starting point of the simulator. */
    inputs: z.object({
      productivityBp: z.number().int(),
      tkDays: z.number().int(),
      lateEvents: z.number().int(),
      earlyEvents: z.number().int(),
      workingDays: z.number().int(),
      skpPredikat: z.enum(EMPLOYEE_PREDIKATS).nullable(),
      skpAchievementBp: z.number().int().nullable(),
      apelRequired: z.number().int(),
      apelMissed: z.number().int(),
      /** Which of these the month's rule set prices (the simulator offers only those). */
      uses: z.object({ productivity: z.boolean(), skpPredikat: z.boolean(), skpAchievement: z.boolean(), apel: z.boolean() }),
    }),
    result: tppResultSchema,
    /** Corrections of earlier months paid with this month, and the net including them. */
    corrections: z.array(tppCorrection),
    netPayable: money,
  })
  .meta({ id: 'TppExplanation' });
export type TppExplanationView = z.infer<typeof tppExplanation>;

export const tppExplainQuery = z.object({ period: tppPeriod });
export const tppEmployeeParams = z.object({ employeeId: z.uuid({ message: 'ID pegawai tidak valid' }) });

export const tppHistoryItem = z.object({ period: tppPeriod, resultId: z.uuid(), net: money, gross: money, isFrozen: z.boolean() });
export const tppHistory = z.object({ items: z.array(tppHistoryItem) });

export const tppResultRow = z.object({
  resultId: z.uuid(),
  employeeId: z.uuid(),
  nip: z.string(),
  name: z.string(),
  opdName: z.string().nullable(),
  positionName: z.string().nullable(),
  kelasJabatan: z.number().int(),
  golongan: z.string().nullable(),
  gross: money,
  deductionTotal: money,
  tpp: money,
  pph21: money,
  bpjsEmployee: money,
  net: money,
  previousNet: money.nullable(),
  /** net − previous month's net; null when there was no result last month. */
  change: money.nullable(),
  isFrozen: z.boolean(),
});
export type TppResultRowView = z.infer<typeof tppResultRow>;

export const tppResultListQuery = z.object({
  period: tppPeriod,
  unitId: z.uuid({ message: 'ID unit tidak valid' }).optional(),
  /** change: biggest month-on-month change first; name: by name. */
  sort: z.enum(['change', 'name', 'net']).default('change'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Search by name or NIP: a large OPD's month holds more results than one page shows. */
  q: z.string().trim().max(100, { message: 'Kata kunci paling panjang 100 karakter' }).optional(),
});
export const tppResultList = z.object({ period: tppPeriod, total: z.number().int(), totals: z.object({ gross: money, deductionTotal: money, net: money }), items: z.array(tppResultRow) });

// ── Simulator ──────────────────────────────────────────────────────────────

const attendanceEvent = z.object({ date: isoDate, minutes: z.number().int().min(1).max(1440).nullable() });

/** What-if changes (whole arrays replace the month's); the changed month is validated like any input. */
export const tppInputChanges = z.object({
  workingDays: z.number().int().min(0).max(31).optional(),
  productivityBp: z.number().int().min(0).max(20_000).optional(),
  skp: z.object({ predikat: z.enum(EMPLOYEE_PREDIKATS).nullable().optional(), achievementBp: z.number().int().min(0).max(20_000).nullable().optional() }).optional(),
  attendance: z
    .object({
      late: z.array(attendanceEvent).optional(),
      early: z.array(attendanceEvent).optional(),
      tkDays: z.number().int().min(0).max(31).optional(),
      apel: z.object({ required: z.number().int().min(0).max(62).optional(), missed: z.number().int().min(0).max(62).optional() }).optional(),
      leave: z.array(z.object({ leaveType: z.enum(EXCUSED_STATUSES), days: z.number().int().min(1).max(31) })).optional(),
    })
    .optional(),
  reportSubmissionDay: z.number().int().min(1).max(31).nullable().optional(),
  compliance: z.array(z.object({ code: z.string().min(1), isMet: z.boolean() })).optional(),
});
export type TppInputChangesBody = z.infer<typeof tppInputChanges>;

export const tppSimulateBody = z.object({
  period: tppPeriod,
  /** Whose month; omitted = the caller's own. */
  employeeId: z.uuid({ message: 'ID pegawai tidak valid' }).optional(),
  changes: tppInputChanges,
});

const tppDifference = z.object({ earned: money, deductionTotal: money, adjustmentTotal: money, tpp: money, gross: money, net: money });
/** One line whose effect differs between two results (Σ change = the difference of the nets). */
const tppLineChange = z.object({ section: z.enum(TPP_LINE_SECTION_VALUES), code: z.string(), label: z.string(), before: money, after: money, change: money });

export const tppSimulation = z
  .object({
    period: tppPeriod,
    employeeId: z.uuid(),
    before: tppResultSchema,
    after: tppResultSchema,
    difference: tppDifference,
    lineChanges: z.array(tppLineChange),
  })
  .meta({ id: 'TppSimulation' });

/** "Why did it change since last month?": the month beside last month's stored result, line by line. */
export const tppMonthChange = z
  .object({
    period: tppPeriod,
    previousPeriod: tppPeriod,
    /** null: last month has no computed result to compare with. */
    comparison: z
      .object({
        previousNet: money,
        net: money,
        /** Last month's result was the one paid (its month is closed). */
        isPreviousFrozen: z.boolean(),
        difference: tppDifference,
        lineChanges: z.array(tppLineChange),
      })
      .nullable(),
  })
  .meta({ id: 'TppMonthChange' });
export type TppMonthChangeView = z.infer<typeof tppMonthChange>;

// ── Exports and summaries ──────────────────────────────────────────────────

export const tppExportQuery = z.object({ period: tppPeriod, unitId: z.uuid({ message: 'ID unit tidak valid' }).optional() });
/** Printed documents of one unit (its slips, its payment list): the unit (an OPD, bidang, puskesmas…) is required. */
export const tppUnitPrintQuery = z.object({ period: tppPeriod, unitId: z.uuid({ message: 'Pilih unit yang dicetak' }) });

const summaryTotals = {
  employees: z.number().int(),
  earned: money,
  deductionTotal: money,
  tpp: money,
  gross: money,
  pph21: money,
  bpjsEmployer: money,
  bpjsEmployee: money,
  net: money,
  corrections: money,
  /** Last month's employees and net in the same OPD (null: none computed); change = net − previousNet. */
  previousEmployees: z.number().int().nullable(),
  previousNet: money.nullable(),
  change: money.nullable(),
};
export const tppSummary = z
  .object({
    period: tppPeriod,
    previousPeriod: tppPeriod,
    isFrozen: z.boolean(),
    opds: z.array(z.object({ opdUnitId: z.uuid().nullable(), opdName: z.string(), ...summaryTotals })),
    region: z.object(summaryTotals),
  })
  .meta({ id: 'TppSummary' });
export type TppSummaryView = z.infer<typeof tppSummary>;

// ── Records entered by admins: bank accounts, corrections, discipline decisions, compliance ──

export const tppBankAccountBody = z.object({
  bankName: z.string().trim().min(2, 'Nama bank minimal 2 karakter').max(100),
  accountNumber: z.string().trim().regex(/^[0-9]{5,20}$/, 'Nomor rekening 5–20 angka'),
  accountHolder: z.string().trim().min(2, 'Nama pemilik rekening minimal 2 karakter').max(200),
});
export const tppBankAccount = tppBankAccountBody.extend({ employeeId: z.uuid(), updatedAt: z.string() }).meta({ id: 'TppBankAccount' });

export const createTppAdjustmentBody = z.object({
  employeeId: z.uuid({ message: 'ID pegawai tidak valid' }),
  /** The month in which the correction is paid (open). */
  period: tppPeriod,
  /** The closed month being corrected. */
  correctsPeriod: tppPeriod,
  amount: z.number().int('Jumlah koreksi dalam rupiah bulat').refine((value) => value !== 0, 'Jumlah koreksi tidak boleh nol').refine((value) => Math.abs(value) <= 1_000_000_000, 'Jumlah koreksi terlalu besar'),
  reason: z.string().trim().min(5, 'Alasan koreksi minimal 5 karakter').max(1000),
});
export const tppAdjustment = z
  .object({ id: z.uuid(), employeeId: z.uuid(), nip: z.string(), name: z.string(), period: tppPeriod, correctsPeriod: tppPeriod, correctsResultId: z.uuid().nullable(), amount: money, reason: z.string(), createdAt: z.string() })
  .meta({ id: 'TppAdjustment' });
export const tppAdjustmentList = z.object({ items: z.array(tppAdjustment) });

export const createTppDisciplineDecisionBody = z.object({
  employeeId: z.uuid({ message: 'ID pegawai tidak valid' }),
  decisionNumber: z.string().trim().min(1, 'Nomor SK wajib diisi').max(100),
  decisionDate: isoDate,
  penaltyCode: z.string().trim().min(1, 'Jenis hukuman wajib dipilih'),
  startPeriod: tppPeriod,
  note: z.string().trim().max(1000).nullable().default(null),
});
export const tppDisciplineDecision = z
  .object({ id: z.uuid(), employeeId: z.uuid(), decisionNumber: z.string(), decisionDate: isoDate, penaltyCode: z.string(), startPeriod: tppPeriod, note: z.string().nullable(), createdAt: z.string() })
  .meta({ id: 'TppDisciplineDecision' });
export const tppDisciplineDecisionList = z.object({ items: z.array(tppDisciplineDecision) });

export const setTppComplianceBody = z.object({
  employeeId: z.uuid({ message: 'ID pegawai tidak valid' }),
  period: tppPeriod,
  code: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Kode butir kepatuhan tidak sah'),
  isMet: z.boolean(),
  note: z.string().trim().max(1000).nullable().default(null),
});
export const tppComplianceItem = z.object({ employeeId: z.uuid(), period: tppPeriod, code: z.string(), isMet: z.boolean(), note: z.string().nullable() }).meta({ id: 'TppComplianceItem' });
export const tppComplianceList = z.object({ items: z.array(tppComplianceItem) });
export const tppEmployeeQuery = z.object({ employeeId: z.uuid({ message: 'ID pegawai tidak valid' }) });
export const tppEmployeePeriodQuery = z.object({ employeeId: z.uuid({ message: 'ID pegawai tidak valid' }), period: tppPeriod });
