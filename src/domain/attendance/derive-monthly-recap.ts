import { EARLY_BANDS, EXCUSED_STATUSES, LATE_BANDS, type DailyStatus, type EarlyBand, type LateBand } from '../../contracts/attendance-daily';

/** One stored day, as the recap needs it. */
export interface RecapDay {
  status: DailyStatus;
  lateBand: LateBand | null;
  earlyBand: EarlyBand | null;
}

export type ExcusedCountKey = (typeof EXCUSED_STATUSES)[number] | 'dinas_luar_sebagian';

export interface RecapCounts {
  workingDays: number;
  /** Days at work: on time, late, early, or with one touch missing (rekap kehadiran counts them present). */
  present: number;
  late: Record<LateBand, number>;
  early: Record<EarlyBand, number>;
  noCheckIn: number;
  noCheckOut: number;
  tk: number;
  excused: Record<ExcusedCountKey, number>;
}

const zeroes = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

const PRESENT: readonly DailyStatus[] = ['hadir', 'terlambat', 'psw', 'terlambat_psw', 'tidak_absen_masuk', 'tidak_absen_pulang', 'dinas_luar_sebagian'];

/** The monthly columns an HR officer expects: days present, TL1–4, PSW1–4, TK and each leave type. */
export function deriveMonthlyRecap(days: readonly RecapDay[]): RecapCounts {
  const counts: RecapCounts = {
    workingDays: 0,
    present: 0,
    late: zeroes(LATE_BANDS),
    early: zeroes(EARLY_BANDS),
    noCheckIn: 0,
    noCheckOut: 0,
    tk: 0,
    excused: zeroes<ExcusedCountKey>([...EXCUSED_STATUSES, 'dinas_luar_sebagian']),
  };
  for (const day of days) {
    if (day.status === 'libur') continue;
    counts.workingDays += 1;
    if (PRESENT.includes(day.status)) counts.present += 1;
    if (day.lateBand) counts.late[day.lateBand] += 1;
    if (day.earlyBand) counts.early[day.earlyBand] += 1;
    if (day.status === 'tidak_absen_masuk') counts.noCheckIn += 1;
    if (day.status === 'tidak_absen_pulang') counts.noCheckOut += 1;
    if (day.status === 'tk') counts.tk += 1;
    const excusedKey = [...EXCUSED_STATUSES, 'dinas_luar_sebagian' as const].find((key) => key === day.status);
    if (excusedKey) counts.excused[excusedKey] += 1;
  }
  return counts;
}
