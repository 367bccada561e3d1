import { z } from 'zod';

/**
 * Attendance rules of a region as versioned data (attendance_rule_sets.rules). The defaults follow
 * the classic central tukin table copied by many Perbup: TL/PSW 1–30, 31–60, 61–90, ≥ 91 minutes.
 */
export const LATE_BAND_CODES = ['TL1', 'TL2', 'TL3', 'TL4'] as const;
export const EARLY_BAND_CODES = ['PSW1', 'PSW2', 'PSW3', 'PSW4'] as const;
export type LateBandCode = (typeof LATE_BAND_CODES)[number];
export type EarlyBandCode = (typeof EARLY_BAND_CODES)[number];

const minuteBand = <C extends string>(codes: readonly [C, ...C[]]) =>
  z.object({
    code: z.enum(codes, { message: `Kode rentang harus salah satu dari ${codes.join(', ')}` }),
    fromMinutes: z.number().int().min(1, { message: 'Rentang dimulai paling awal dari menit ke-1' }),
    /** Inclusive upper bound; null = open-ended (only the last band). */
    toMinutes: z.number().int().min(1).nullable(),
  });

interface Band {
  code: string;
  fromMinutes: number;
  toMinutes: number | null;
}

/** Bands must start at minute 1, follow each other without gap or overlap, and only the last is open-ended. */
export function findBandProblems(bands: readonly Band[], codes: readonly string[]): string[] {
  const problems: string[] = [];
  if (bands.length !== codes.length) problems.push(`Harus ada tepat ${codes.length} rentang (${codes.join(', ')})`);
  bands.forEach((band, index) => {
    if (band.code !== codes[index]) problems.push(`Rentang ke-${index + 1} harus berkode ${codes[index] ?? '-'}, bukan ${band.code}`);
    if (band.toMinutes !== null && band.toMinutes < band.fromMinutes) problems.push(`${band.code}: menit akhir lebih kecil dari menit awal`);
    const isLast = index === bands.length - 1;
    if (isLast && band.toMinutes !== null) problems.push(`${band.code}: rentang terakhir harus terbuka (tanpa batas atas)`);
    if (!isLast && band.toMinutes === null) problems.push(`${band.code}: hanya rentang terakhir yang boleh tanpa batas atas`);
    if (index === 0 && band.fromMinutes !== 1) problems.push(`${band.code}: rentang pertama harus mulai dari menit ke-1`);
    const previous = bands[index - 1];
    if (previous && previous.toMinutes !== null) {
      if (band.fromMinutes <= previous.toMinutes) problems.push(`${previous.code} dan ${band.code} bertumpang tindih`);
      else if (band.fromMinutes > previous.toMinutes + 1) problems.push(`Ada celah antara ${previous.code} dan ${band.code}`);
    }
  });
  return problems;
}

export const attendanceRulesSchema = z
  .object({
    lateBands: z.array(minuteBand(LATE_BAND_CODES)),
    earlyBands: z.array(minuteBand(EARLY_BAND_CODES)),
    /** Punches outside this window are held for review (device clock reset to 2000, or ahead). */
    punchPlausibility: z.object({
      earliestDate: z.iso.date({ message: 'Tanggal paling awal harus berformat YYYY-MM-DD' }),
      maxFutureMinutes: z.number().int().min(0).max(1440),
    }),
    annualLeave: z.object({
      /** PP 11/2017: 12 working days a year after one year of service. */
      daysPerYear: z.number().int().min(0).max(60),
      minServiceYears: z.number().int().min(0).max(10),
      /** Unused days that may be carried into the next year [V]. */
      carryOverMaxDays: z.number().int().min(0).max(60),
    }),
  })
  .superRefine((rules, ctx) => {
    for (const [key, codes] of [
      ['lateBands', LATE_BAND_CODES],
      ['earlyBands', EARLY_BAND_CODES],
    ] as const) {
      for (const message of findBandProblems(rules[key], codes)) ctx.addIssue({ code: 'custom', path: [key], message });
    }
  });

export type AttendanceRules = z.infer<typeof attendanceRulesSchema>;

export const DEFAULT_ATTENDANCE_RULES: AttendanceRules = {
  lateBands: [
    { code: 'TL1', fromMinutes: 1, toMinutes: 30 },
    { code: 'TL2', fromMinutes: 31, toMinutes: 60 },
    { code: 'TL3', fromMinutes: 61, toMinutes: 90 },
    { code: 'TL4', fromMinutes: 91, toMinutes: null },
  ],
  earlyBands: [
    { code: 'PSW1', fromMinutes: 1, toMinutes: 30 },
    { code: 'PSW2', fromMinutes: 31, toMinutes: 60 },
    { code: 'PSW3', fromMinutes: 61, toMinutes: 90 },
    { code: 'PSW4', fromMinutes: 91, toMinutes: null },
  ],
  punchPlausibility: { earliestDate: '2020-01-01', maxFutureMinutes: 10 },
  annualLeave: { daysPerYear: 12, minServiceYears: 1, carryOverMaxDays: 6 },
};

const findBand = <C extends string>(minutes: number, bands: readonly { code: C; fromMinutes: number; toMinutes: number | null }[]): C | null => {
  if (!Number.isFinite(minutes) || minutes < 1) return null;
  const band = bands.find((candidate) => minutes >= candidate.fromMinutes && (candidate.toMinutes === null || minutes <= candidate.toMinutes));
  return band?.code ?? null;
};

/** TL band for minutes late (after grace), or null when on time. */
export const classifyLate = (minutes: number, rules: AttendanceRules): LateBandCode | null => findBand(minutes, rules.lateBands);

/** PSW band for minutes left early (after grace), or null when not early. */
export const classifyEarly = (minutes: number, rules: AttendanceRules): EarlyBandCode | null => findBand(minutes, rules.earlyBands);

/** Is a punch instant believable, given the time now? (`now` is an input: rules never read a clock.) */
export function isPunchPlausible(instant: Date, now: Date, rules: AttendanceRules): boolean {
  // Midnight of the earliest date in the easternmost zone (UTC+14): the bound holds for every unit.
  const earliest = Date.parse(`${rules.punchPlausibility.earliestDate}T00:00:00Z`) - 14 * 3_600_000;
  const latest = now.getTime() + rules.punchPlausibility.maxFutureMinutes * 60_000;
  return instant.getTime() >= earliest && instant.getTime() <= latest;
}
