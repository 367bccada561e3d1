import type { DailyAttendanceView, DailyStatus } from '../../../contracts/attendance-daily';

/** `YYYY-MM` → its first and last calendar dates (UTC arithmetic: a month has no time zone). */
export function monthRange(month: string): { from: string; to: string } {
  const year = Number(month.slice(0, 4));
  const monthIndex = Number(month.slice(5, 7)) - 1;
  const last = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The month `offset` months away from `month` (`2026-01`, -1 → `2025-12`). */
export function shiftMonth(month: string, offset: number): string {
  const shifted = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + offset, 1));
  return shifted.toISOString().slice(0, 7);
}

/**
 * The weeks of a month for a calendar grid, Monday first (the Indonesian working week);
 * `null` pads the days before the 1st and after the last.
 */
export function buildMonthWeeks(month: string): (string | null)[][] {
  const { to } = monthRange(month);
  const lastDay = Number(to.slice(8, 10));
  const first = new Date(`${month}-01T00:00:00Z`);
  // getUTCDay: 0 = Sunday; Monday-first index 0..6.
  const leading = (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: leading }, () => null);
  for (let day = 1; day <= lastDay; day += 1) cells.push(`${month}-${String(day).padStart(2, '0')}`);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let index = 0; index < cells.length; index += 7) weeks.push(cells.slice(index, index + 7));
  return weeks;
}

/** The short code an ASN sees on a timesheet (TL2, PSW1, TK, C …); same in every language. */
export function dayCode(day: Pick<DailyAttendanceView, 'status' | 'lateBand' | 'earlyBand'>): string {
  const codes: Partial<Record<DailyStatus, string>> = {
    hadir: 'H',
    tidak_absen_masuk: 'TAM',
    tidak_absen_pulang: 'TAP',
    dinas_luar: 'DL',
    dinas_luar_sebagian: 'DLS',
    izin: 'I',
    sakit: 'S',
    tugas_belajar: 'TB',
    diklat: 'DK',
    wfh: 'WFH',
    wfa: 'WFA',
    tk: 'TK',
    libur: 'L',
  };
  if (day.status === 'terlambat' || day.status === 'terlambat_psw') return day.lateBand ?? 'TL';
  if (day.status === 'psw') return day.earlyBand ?? 'PSW';
  if (day.status.startsWith('cuti_')) return 'C';
  return codes[day.status] ?? day.status;
}

export type StatusTone = 'present' | 'late' | 'missing' | 'excused' | 'absent' | 'off';

/** Groups statuses by what they mean for the employee, so colours stay consistent everywhere. */
export function statusTone(status: DailyStatus): StatusTone {
  if (status === 'hadir') return 'present';
  if (status === 'terlambat' || status === 'psw' || status === 'terlambat_psw') return 'late';
  if (status === 'tidak_absen_masuk' || status === 'tidak_absen_pulang') return 'missing';
  if (status === 'tk') return 'absent';
  if (status === 'libur') return 'off';
  return 'excused';
}

export const toneColors: Record<StatusTone, string> = { present: 'teal', late: 'orange', missing: 'yellow', excused: 'blue', absent: 'red', off: 'gray' };

/** Wall-clock `HH:MM` of an instant in the given IANA zone (the unit's zone, not the browser's). */
export function formatTimeInZone(instant: string | null, timeZone: string): string {
  if (!instant) return '—';
  const parsed = new Date(instant);
  if (Number.isNaN(parsed.getTime())) return instant;
  const parts = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).formatToParts(parsed);
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? '00';
  return `${part('hour')}:${part('minute')}`;
}

/** Zone abbreviations Indonesians use (WIB/WITA/WIT) for the three national zones. */
export function zoneLabel(timeZone: string): string {
  const labels: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };
  return labels[timeZone] ?? timeZone;
}
