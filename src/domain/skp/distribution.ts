import {
  EMPLOYEE_PREDIKATS,
  EMPLOYEE_PREDIKAT_LABELS,
  UNIT_PREDIKAT_LABELS,
  type EmployeePredikat,
  type UnitPredikat,
} from './vocabulary';

/**
 * Distribution pattern of employee predikat per unit predikat, SE MenPANRB 03/2023 (rules.md §3).
 * The circular calls it a consideration: the advisor lists breaches for the assessor, it never
 * blocks or changes a rating. Kept as data so that a later circular is a data change.
 */
export type DistributionRule =
  | { kind: 'max_percent'; predikats: readonly EmployeePredikat[]; percent: number }
  | { kind: 'min_percent'; predikats: readonly EmployeePredikat[]; percent: number }
  | { kind: 'min_count'; predikats: readonly EmployeePredikat[]; count: number }
  | { kind: 'none'; predikats: readonly EmployeePredikat[] };

export const DISTRIBUTION_SOURCE = 'SE MenPANRB No. 03 Tahun 2023 (pola distribusi predikat kinerja pegawai)';

export const DISTRIBUTION_PATTERNS: Record<UnitPredikat, readonly DistributionRule[]> = {
  istimewa: [{ kind: 'max_percent', predikats: ['sangat_baik'], percent: 70 }],
  baik: [
    { kind: 'max_percent', predikats: ['baik'], percent: 70 },
    { kind: 'min_count', predikats: ['butuh_perbaikan', 'kurang'], count: 1 },
  ],
  butuh_perbaikan: [
    { kind: 'min_percent', predikats: ['butuh_perbaikan'], percent: 60 },
    { kind: 'max_percent', predikats: ['sangat_baik'], percent: 10 },
  ],
  kurang: [
    { kind: 'min_percent', predikats: ['kurang'], percent: 60 },
    { kind: 'min_percent', predikats: ['butuh_perbaikan'], percent: 10 },
    { kind: 'max_percent', predikats: ['sangat_baik'], percent: 10 },
  ],
  sangat_kurang: [
    { kind: 'min_percent', predikats: ['sangat_kurang'], percent: 60 },
    { kind: 'min_percent', predikats: ['kurang', 'butuh_perbaikan'], percent: 10 },
    { kind: 'none', predikats: ['sangat_baik'] },
  ],
};

export type PredikatCounts = Partial<Record<EmployeePredikat, number>>;

export interface DistributionBreach {
  rule: DistributionRule;
  /** People with the rule's predikat now. */
  actualCount: number;
  /** The most (max rules) or the fewest (min rules) people the rule allows for this unit size. */
  limitCount: number;
  message: string;
}

export interface DistributionAdvice {
  unitPredikat: UnitPredikat;
  total: number;
  counts: Record<EmployeePredikat, number>;
  breaches: DistributionBreach[];
}

/** "66,67 %": Indonesian decimal comma, at most two decimals. */
export function formatPercent(part: number, total: number): string {
  const hundredths = Math.round((part * 10_000) / total);
  const whole = Math.trunc(hundredths / 100);
  const fraction = hundredths % 100;
  const decimals = fraction === 0 ? '' : `,${String(fraction).padStart(2, '0').replace(/0$/, '')}`;
  return `${whole}${decimals} %`;
}

const namesOf = (predikats: readonly EmployeePredikat[]) => predikats.map((p) => EMPLOYEE_PREDIKAT_LABELS[p]).join(' atau ');

/**
 * Checks one unit's employee predikat against the pattern for the unit's predikat. Shares compare
 * exactly in integers (count × 100 against percent × total), so 7 of 10 is exactly 70 %. A unit
 * with nobody rated has nothing to distribute and gets no warnings.
 */
export function adviseDistribution(unitPredikat: UnitPredikat, predikatCounts: PredikatCounts): DistributionAdvice {
  const counts = Object.fromEntries(EMPLOYEE_PREDIKATS.map((p) => [p, predikatCounts[p] ?? 0])) as Record<EmployeePredikat, number>;
  for (const [predikat, count] of Object.entries(counts)) {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`Jumlah pegawai berpredikat ${predikat} tidak sah: ${count}`);
  }
  const total = EMPLOYEE_PREDIKATS.reduce((sum, p) => sum + counts[p], 0);
  const breaches: DistributionBreach[] = [];
  if (total === 0) return { unitPredikat, total, counts, breaches };

  const prefix = `Unit berpredikat ${UNIT_PREDIKAT_LABELS[unitPredikat]}: pegawai berpredikat`;
  for (const rule of DISTRIBUTION_PATTERNS[unitPredikat]) {
    const actual = rule.predikats.reduce((sum, p) => sum + counts[p], 0);
    const names = namesOf(rule.predikats);
    const now = `saat ini ${actual} orang (${formatPercent(actual, total)})`;
    switch (rule.kind) {
      case 'max_percent': {
        const limit = Math.floor((rule.percent * total) / 100);
        if (actual * 100 > rule.percent * total) {
          breaches.push({ rule, actualCount: actual, limitCount: limit, message: `${prefix} ${names} paling banyak ${rule.percent} % (${limit} dari ${total} orang), ${now}.` });
        }
        break;
      }
      case 'min_percent': {
        const limit = Math.ceil((rule.percent * total) / 100);
        if (actual * 100 < rule.percent * total) {
          breaches.push({ rule, actualCount: actual, limitCount: limit, message: `${prefix} ${names} paling sedikit ${rule.percent} % (${limit} dari ${total} orang), ${now}.` });
        }
        break;
      }
      case 'min_count':
        if (actual < rule.count) {
          breaches.push({ rule, actualCount: actual, limitCount: rule.count, message: `${prefix} ${names} paling sedikit ${rule.count} orang, ${now}.` });
        }
        break;
      case 'none':
        if (actual > 0) {
          breaches.push({ rule, actualCount: actual, limitCount: 0, message: `${prefix} ${names} tidak boleh ada, ${now}.` });
        }
        break;
    }
  }
  return { unitPredikat, total, counts, breaches };
}
