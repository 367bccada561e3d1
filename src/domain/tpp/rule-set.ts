import { z } from 'zod';
import { EXCUSED_STATUSES } from '../../contracts/attendance-daily';
import { EMPLOYEE_PREDIKATS } from '../skp/vocabulary';
import { ROUNDING_MODES } from './money';
import { findRuleSetProblems } from './rule-set-problems';
import { DISCIPLINE_LEVELS, FLAT_CUT_EVENTS, TPP_COMPONENTS } from './vocabulary';

/**
 * A region's TPP rule set as data (rules.md §5: there is no national formula; every Perbup/Perwal
 * sets its own weights and deduction tables and changes them). The JSON import/export format is this
 * schema itself. Conventions: money in integer rupiah; every percentage in basis points
 * (10 000 bp = 100 %); points out of 100 are basis points of the base too (1 point = 100 bp);
 * every rule carries the article it implements, shown in explanations.
 */
export const TPP_RULE_SET_FORMAT = 1;

const rupiah = z
  .number({ message: 'Jumlah rupiah harus berupa angka' })
  .int('Jumlah rupiah harus bilangan bulat')
  .min(0, 'Jumlah rupiah tidak boleh negatif')
  .max(1_000_000_000, 'Jumlah rupiah terlalu besar');
const basisPoints = z
  .number({ message: 'Persentase harus berupa angka (basis poin)' })
  .int('Persentase ditulis dalam basis poin: bilangan bulat, 10000 = 100 %')
  .min(0, 'Persentase tidak boleh negatif')
  .max(10_000, 'Persentase tidak boleh lebih dari 100 % (10000)');
const article = z.string().trim().min(1, 'Pasal rujukan wajib diisi').max(200, 'Pasal rujukan terlalu panjang');
const label = z.string().trim().min(1, 'Nama wajib diisi').max(200, 'Nama terlalu panjang');
const key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Kode hanya huruf kecil, angka dan garis bawah, diawali huruf');
const dayOfMonth = z.number().int('Hari harus bilangan bulat').min(1, 'Hari paling kecil 1').max(31, 'Hari paling besar 31');

export const componentAmountsSchema = z.object({
  bebanKerja: rupiah,
  prestasiKerja: rupiah,
  kondisiKerja: rupiah,
  tempatBertugas: rupiah,
  kelangkaanProfesi: rupiah,
});
export type ComponentAmounts = z.infer<typeof componentAmountsSchema>;

const classAmountSchema = z.object({
  kelasJabatan: z.number().int('Kelas jabatan harus bilangan bulat').min(1, 'Kelas jabatan 1–17').max(17, 'Kelas jabatan 1–17'),
  components: componentAmountsSchema,
});

/** A position whose amounts differ from its class (e.g. a specialist doctor's kelangkaan profesi). */
const positionAmountSchema = z.object({
  positionCode: z.string().trim().min(1, 'Kode jabatan wajib diisi').max(60, 'Kode jabatan terlalu panjang'),
  label,
  components: componentAmountsSchema,
});

/** How a measured value (productivity, SKP achievement, in bp) becomes the share of a part that is earned. */
export const scaleSchema = z.discriminatedUnion('kind', [
  /** Share = the value itself, at most 100 %; below minimumBp nothing is earned. */
  z.object({ kind: z.literal('linear'), minimumBp: basisPoints }),
  /** Share = factor of the highest band whose fromBp the value reaches. */
  z.object({
    kind: z.literal('bands'),
    bands: z
      .array(z.object({ fromBp: z.number().int().min(0, 'Batas bawah tidak boleh negatif').max(20_000), factorBp: basisPoints }))
      .min(1, 'Tabel tingkat minimal satu baris'),
  }),
]);
export type Scale = z.infer<typeof scaleSchema>;

export const measureSchema = z.discriminatedUnion('kind', [
  /** Productivity from approved daily activities (rules.md §2). */
  z.object({ kind: z.literal('productivity'), scale: scaleSchema }),
  /** SKP predikat → share of the part; missingFactorBp when there is no rating yet. */
  z.object({ kind: z.literal('skp_predikat'), factors: z.record(z.enum(EMPLOYEE_PREDIKATS), basisPoints), missingFactorBp: basisPoints }),
  /** SKP achievement (capaian, in bp) through a scale. */
  z.object({ kind: z.literal('skp_achievement'), scale: scaleSchema, missingFactorBp: basisPoints }),
  /** Paid in full, less the deductions that target this part (attendance discipline). */
  z.object({ kind: z.literal('attendance') }),
  /** Share = ceremonies (apel) attended ÷ ceremonies required; full when none were required. */
  z.object({ kind: z.literal('ceremony_ratio') }),
  /** Each compliance item (LHKPN, BMD, TPTGR …) earns its weight of the part when met. */
  z.object({
    kind: z.literal('compliance'),
    items: z.array(z.object({ code: key, label, weightBp: z.number().int().min(1, 'Bobot butir minimal 1').max(10_000) })).min(1, 'Minimal satu butir kepatuhan'),
  }),
  /** Day of the next month the monthly report was submitted → share (first band whose untilDay is reached). */
  z.object({
    kind: z.literal('report_submission'),
    bands: z.array(z.object({ untilDay: dayOfMonth, factorBp: basisPoints })).min(1, 'Tabel tanggal minimal satu baris'),
    lateFactorBp: basisPoints,
  }),
  /** Heaviest discipline penalty in force this month → share [V: Tapanuli Tengah "disiplin ≤ 20"]. */
  z.object({ kind: z.literal('discipline_record'), factors: z.record(z.enum(['none', ...DISCIPLINE_LEVELS]), basisPoints) }),
]);
export type Measure = z.infer<typeof measureSchema>;

export const partSchema = z.object({
  key,
  label,
  /** Weighted scheme: the part's weight; points scheme: its maximum points × 100. */
  weightBp: z.number().int('Bobot harus bilangan bulat (basis poin)').min(1, 'Bobot minimal 1 basis poin').max(10_000, 'Bobot paling besar 100 %'),
  measure: measureSchema,
  article,
});
export type Part = z.infer<typeof partSchema>;

export const EARNING_KINDS = ['weighted', 'points'] as const;

export const earningSchema = z.object({
  /** weighted: parts with weights adding up to 100 %; points: items adding up to 100 points (Tapanuli Tengah). */
  kind: z.enum(EARNING_KINDS, { message: 'Skema harus weighted atau points' }),
  /** Components whose sum is earned through the parts and cut by deductions; the others are paid in full. */
  appliesTo: z.array(z.enum(TPP_COMPONENTS, { message: 'Komponen TPP tidak dikenal' })).min(1, 'Pilih minimal satu komponen'),
  parts: z.array(partSchema).min(1, 'Minimal satu bagian penilaian'),
});
export type Earning = z.infer<typeof earningSchema>;

const targeted = {
  /** TOTAL_TARGET or a part key: where the cut is taken from, and what caps it. */
  target: z.string().min(1, 'Sasaran potongan wajib diisi'),
  /** The amount a percentage is taken of: the performance base (pagu), or the target's earned amount. */
  of: z.enum(['base', 'target'], { message: 'Dasar potongan harus base atau target' }),
  article,
};

export const minuteBandSchema = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9]{0,9}$/, 'Kode rentang huruf besar/angka, mis. TL1'),
  fromMinutes: z.number().int().min(1, 'Rentang dimulai paling awal dari menit ke-1'),
  /** Inclusive; null = open-ended (only the last band). */
  toMinutes: z.number().int().min(1).nullable(),
  rateBp: basisPoints,
});
export type MinuteBand = z.infer<typeof minuteBandSchema>;

export const dayBandSchema = z.object({
  fromDay: z.number().int().min(1, 'Rentang hari dimulai dari hari ke-1'),
  toDay: z.number().int().min(1).nullable(),
  rateBpPerDay: basisPoints,
});
export type DayBand = z.infer<typeof dayBandSchema>;

const minuteTable = {
  bands: z.array(minuteBandSchema).min(1, 'Minimal satu rentang menit'),
  /** Band charged for a missing check-in / check-out (classic table: TL4 / PSW4); null = not charged here. */
  noPunchCode: z.string().nullable(),
};

/** Where a leave rule's day bands start counting: the month's first day of the leave, or the leave's own first day. */
export const LEAVE_COUNT_FROM = ['month', 'leave_start'] as const;

export const deductionRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('late'), ...minuteTable, ...targeted }),
  z.object({ kind: z.literal('early'), ...minuteTable, ...targeted }),
  z.object({ kind: z.literal('tk'), rateBpPerDay: basisPoints, ...targeted }),
  z.object({ kind: z.literal('missed_apel'), rateBpPerEvent: basisPoints, ...targeted }),
  /**
   * Leave of one type by day bands (days 1–14 one rate, from day 15 another). The month's days of the
   * type are numbered from 1 (`month`), or after the days of a leave that began before the month and
   * runs into it (`leave_start`: a sick leave of 20 Oct – 10 Nov reaches its 15th day in November).
   */
  z.object({
    kind: z.literal('leave'),
    leaveType: z.enum(EXCUSED_STATUSES, { message: 'Jenis cuti/izin tidak dikenal' }),
    bands: z.array(dayBandSchema).min(1),
    countFrom: z.enum(LEAVE_COUNT_FROM, { message: 'Cara menghitung hari cuti harus month atau leave_start' }).default('month'),
    ...targeted,
  }),
  z.object({
    kind: z.literal('flat'),
    event: z.enum(FLAT_CUT_EVENTS, { message: 'Kejadian potongan tetap tidak dikenal' }),
    amountPerEvent: rupiah,
    target: targeted.target,
    article,
  }),
]);
export type DeductionRule = z.infer<typeof deductionRuleSchema>;

export const deductionsSchema = z.object({
  rules: z.array(deductionRuleSchema),
  /** The total cut never exceeds this share of the performance base (and never the earned amount). */
  capBp: z.number().int().min(1, 'Batas potongan minimal 1 basis poin').max(10_000, 'Batas potongan paling besar 100 %'),
  capArticle: article,
  /** Whole month lost from this many unexcused absence (TK) days (Ngawi: 3); null = never. */
  forfeit: z.object({ tkDaysFrom: dayOfMonth, article }).nullable(),
});

export const adjustmentsSchema = z.object({
  /** Penalties imposed by an official decision (PP 94/2021: 25 % for 6/9/12 months). */
  discipline: z.object({
    of: z.enum(['tpp', 'pagu'], { message: 'Dasar hukuman disiplin harus tpp atau pagu' }),
    article,
    penalties: z.array(
      z.object({
        code: key,
        label,
        level: z.enum(DISCIPLINE_LEVELS, { message: 'Tingkat hukuman harus ringan, sedang atau berat' }),
        cutBp: basisPoints,
        months: z.number().int().min(1, 'Lama hukuman minimal 1 bulan').max(36, 'Lama hukuman paling lama 36 bulan'),
      }),
    ),
  }),
  /** Plt/Plh: a share of the acted position's pagu, by days acted when prorated. */
  acting: z.object({
    prorateByDays: z.boolean(),
    minimumDays: z.number().int().min(0).max(31),
    rules: z.array(z.object({ kind: z.enum(['plt', 'plh'], { message: 'Jenis penugasan harus plt atau plh' }), rateBp: basisPoints, article })),
  }),
  /** CPNS receive this share of TPP (commonly 80 %, like their salary). */
  cpns: z.object({ rateBp: basisPoints, article }).nullable(),
  /** Days of these leave types pay only payBp of TPP (cuti di luar tanggungan negara, tugas belajar → 0). */
  exclusions: z.array(
    z.object({
      code: key,
      label,
      leaveTypes: z.array(z.enum(EXCUSED_STATUSES, { message: 'Jenis cuti/izin tidak dikenal' })).min(1, 'Pilih minimal satu jenis cuti'),
      payBp: basisPoints,
      mode: z.enum(['prorate', 'whole_month'], { message: 'Cara pengecualian harus prorate atau whole_month' }),
      article,
    }),
  ),
});

/** BPJS Kesehatan: 4 % by the region, 1 % by the employee, on income up to the cap (rules.md §5). */
export const bpjsSchema = z.object({
  employerBp: basisPoints,
  employeeBp: basisPoints,
  /** Monthly income cap for contributions, counting the income already contributed on (salary). */
  incomeCap: rupiah,
  /** tpp: the TPP actually paid; earned: TPP before deductions and adjustments. */
  basis: z.enum(['tpp', 'earned'], { message: 'Dasar BPJS harus tpp atau earned' }),
  article,
});

const taxRate = z.number().int().min(0, 'Tarif pajak tidak boleh negatif').max(5_000, 'Tarif pajak paling besar 50 %');

/**
 * PPh 21 simplified [V]: a flat rate, a rate per golongan group, or progressive brackets on the
 * monthly taxable amount. Real PPh 21 (TER rates, PTKP, the salary paid alongside) is the payroll's
 * business; regions that need it exactly should put the rate from payroll into these tables.
 */
export const taxRatesSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('flat'), rateBp: taxRate }),
  z.object({
    kind: z.literal('golongan'),
    /** Group = the golongan before "/" (III/b → III; PPPK golongan IX → IX). */
    rates: z.array(z.object({ golongan: z.string().regex(/^[IVX]+$/, 'Golongan ditulis angka Romawi, mis. III'), rateBp: taxRate })),
    otherRateBp: taxRate,
  }),
  z.object({
    kind: z.literal('brackets'),
    brackets: z.array(z.object({ upTo: rupiah.nullable(), rateBp: taxRate })).min(1, 'Minimal satu lapisan tarif'),
  }),
]);
export type TaxRates = z.infer<typeof taxRatesSchema>;

export const pph21Schema = z.object({
  /** withheld from TPP, borne by the region through a tax allowance, or not handled here. */
  policy: z.enum(['withheld', 'borne_by_region', 'none'], { message: 'Kebijakan PPh 21 harus withheld, borne_by_region atau none' }),
  taxBase: z.enum(['tpp', 'tpp_plus_employer_bpjs'], { message: 'Dasar pajak harus tpp atau tpp_plus_employer_bpjs' }),
  rates: taxRatesSchema,
  article,
});

export const NET_ROUNDING_UNITS = [1, 10, 100, 500, 1000] as const;

/** Stated once: every rate-derived line is rounded to whole rupiah by mode; the net pay to netUnit. */
export const roundingSchema = z.object({
  mode: z.enum(ROUNDING_MODES, { message: 'Cara pembulatan harus half_up, down atau up' }),
  netUnit: z.union(
    NET_ROUNDING_UNITS.map((unit) => z.literal(unit)),
    { message: 'Satuan pembulatan harus 1, 10, 100, 500 atau 1000' },
  ),
});

export const tppRuleSetObjectSchema = z.object({
  format: z.literal(TPP_RULE_SET_FORMAT, { message: 'Format aturan TPP tidak dikenal (harus 1)' }),
  region: z.object({ code: z.string().trim().min(1, 'Kode daerah wajib diisi').max(20), name: label }),
  name: label,
  /** First day of the first month it governs; a later version supersedes it. */
  effectiveFrom: z.iso.date({ message: 'Tanggal berlaku harus berformat YYYY-MM-DD' }),
  regulation: z.object({
    title: label,
    /** Null while the number/year are not yet verified against the signed text. */
    number: z.string().trim().min(1).max(40).nullable(),
    year: z.number().int().min(2000).max(2100).nullable(),
    /** Shown before each article in explanations, e.g. "Perbup Kolaka 12/2023". */
    shortName: z.string().trim().min(1, 'Nama singkat peraturan wajib diisi').max(80),
  }),
  /** Where the scheme comes from (source, verification notes). */
  source: z.string().trim().min(1, 'Sumber wajib diisi').max(1000),
  classAmounts: z.array(classAmountSchema).min(1, 'Besaran TPP per kelas jabatan wajib diisi'),
  /** Where the amounts are set (usually an annex: "Lampiran I"). */
  amountsArticle: article,
  positionAmounts: z.array(positionAmountSchema),
  earning: earningSchema,
  deductions: deductionsSchema,
  adjustments: adjustmentsSchema,
  bpjs: bpjsSchema.nullable(),
  pph21: pph21Schema,
  rounding: roundingSchema,
});

export const tppRuleSetSchema = tppRuleSetObjectSchema.superRefine((ruleSet, ctx) => {
  for (const problem of findRuleSetProblems(ruleSet)) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
});

export type TppRuleSet = z.infer<typeof tppRuleSetObjectSchema>;
