import { EXCUSED_STATUSES, type ExcusedStatus } from '../../contracts/attendance-daily';
import { EMPLOYEE_PREDIKAT_LABELS, type EmployeePredikat } from '../skp/vocabulary';
import { formatIndonesianDate, formatIndonesianDateList } from '../calendar/indonesian-dates';
import { compareText } from './compare';
import { describeBpjsIncome, sumBpjsIncome, type PayDataSource } from './pay-data';
import type { TppInput } from './tpp-input';
import { productivityPercentOf, type ProductivityMinutes } from '../activities/productivity';

/**
 * The monthly run's pure mapping from stored records to one employee's TppInput (issue 6 §2): the
 * repository gathers rows, this decides what they mean for TPP. No clock and no time zone: dates
 * are YYYY-MM-DD text and periods YYYY-MM text, compared as text.
 */

/** One stored day of daily attendance (daily_attendance row). */
export interface AttendanceDaySource {
  date: string;
  status: string;
  lateMinutes: number;
  earlyMinutes: number;
}

/** An approved whole-day request: counts for days attendance has not derived yet (later this month). */
export interface ApprovedRequestSource {
  kind: string;
  startDate: string;
  endDate: string;
}

/** A Plt/Plh assignment overlapping the month, with the acted position's class. */
export interface ActingSource {
  kind: 'plt' | 'plh';
  kelasJabatan: number;
  positionCode: string | null;
  startDate: string;
  /** Inclusive; null = open-ended. */
  endDate: string | null;
}

/** The month's ceremonies (apel) of one employee: attended or missed ones; excused ones are not counted. */
export interface ApelMonthSource {
  required: number;
  missed: number;
  missedDates: readonly string[];
}

export interface TppSources {
  period: string;
  employee: { jenisAsn: 'PNS' | 'PPPK'; golongan: string | null };
  /** The pay-data row governing the month (CPNS status, salary for the BPJS cap); null = none recorded. */
  payData: PayDataSource | null;
  /** null = no ceremony applies to the employee this month (or none could be known yet). */
  apel: ApelMonthSource | null;
  position: { kelasJabatan: number; code: string | null };
  /** Working days of the employee's schedule this month (holidays and days off excluded). */
  scheduledWorkDates: readonly string[];
  days: readonly AttendanceDaySource[];
  approvedRequests: readonly ApprovedRequestSource[];
  /**
   * The month's approved activity minutes as productivity counts them, and its target
   * (measureProductivityMinutes); null = the productivity resolver did not know the employee (no schedule).
   */
  productivity: ProductivityMinutes | null;
  skpPredikat: EmployeePredikat | null;
  /** Where the predikat came from ("2026-03", "2026-Q1", "2026"), for the explanation. */
  skpPeriodKey: string | null;
  /**
   * An estimate of a month not rated yet: the latest earlier final predikat (latestPredikatBefore),
   * used when `skpPredikat` is null and said so in a note. Absent for a computed month.
   */
  assumedSkp?: { predikat: EmployeePredikat; periodKey: string } | null;
  /** Capaian SKP by the end of the month (domain/skp/achievement.ts), in bp; null = nothing reported, or not read (the rule set does not use it). */
  skpAchievementBp: number | null;
  /** Day the month's activities were all submitted (the last submission), or null. */
  lastSubmissionDate: string | null;
  compliance: readonly { code: string; isMet: boolean }[];
  disciplineDecisions: readonly { decisionNumber: string; penaltyCode: string; startPeriod: string }[];
  acting: readonly ActingSource[];
  /**
   * A leave begun before the month that runs into it: its type and its working days before the
   * month (read only for types whose bands count from the leave's start). Absent or null = none.
   */
  leaveRunningIn?: { leaveType: string; days: number } | null;
}

export type TppInputNoteCode =
  | 'productivity_unmeasured'
  | 'productivity_no_target'
  | 'skp_missing'
  | 'skp_assumed'
  | 'skp_achievement_missing'
  | 'pay_data'
  | 'pay_data_missing'
  | 'apel_missed';

/** A missing or assumed input, in Indonesian, shown with the explanation. */
export interface TppInputNote {
  code: TppInputNoteCode;
  message: string;
}

export interface BuiltTppInput {
  input: TppInput;
  notes: TppInputNote[];
}

const excused: ReadonlySet<string> = new Set(EXCUSED_STATUSES);
const isExcused = (status: string): status is ExcusedStatus => excused.has(status);
const MAX_MINUTES = 1440;
/** tppInputSchema's bound on ceremonies in a month (two a day). */
const MAX_APEL = 62;

/** The month after a YYYY-MM period, by text arithmetic. */
export function nextPeriod(period: string): string {
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

/** The month before a YYYY-MM period. */
export function previousPeriod(period: string): string {
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

const inPeriod = (date: string, period: string) => date.startsWith(`${period}-`);
const minutes = (value: number) => Math.min(Math.max(value, 1), MAX_MINUTES);

/**
 * Working days: every stored day that is not a day off, plus scheduled working days attendance has not
 * derived yet (the rest of a month in progress). A stored day wins over the schedule.
 */
function collectWorkingDays(sources: TppSources): { stored: Map<string, AttendanceDaySource>; pending: string[] } {
  const stored = new Map<string, AttendanceDaySource>();
  for (const day of sources.days) if (inPeriod(day.date, sources.period)) stored.set(day.date, day);
  const pending = [...new Set(sources.scheduledWorkDates)].filter((date) => inPeriod(date, sources.period) && !stored.has(date)).sort(compareText);
  return { stored, pending };
}

/**
 * The report-submission day (Tapanuli Tengah's "hari penyampaian") taken from daily activities [V]:
 * the day of the next month on which the month's last activity was submitted; everything submitted
 * within the month counts as day 1; later than the next month counts as day 31.
 */
function reportSubmissionDay(period: string, lastSubmissionDate: string | null): number | null {
  if (lastSubmissionDate === null) return null;
  if (lastSubmissionDate.slice(0, 7) <= period) return 1;
  if (lastSubmissionDate.slice(0, 7) === nextPeriod(period)) return Number(lastSubmissionDate.slice(8, 10));
  return 31;
}

/** Ceremonies within the schema's bounds: missed never above required, both at most MAX_APEL. */
function countApel(apel: ApelMonthSource | null): { required: number; missed: number; missedDates: string[] } {
  if (!apel) return { required: 0, missed: 0, missedDates: [] };
  const required = Math.min(Math.max(apel.required, 0), MAX_APEL);
  const missed = Math.min(Math.max(apel.missed, 0), required);
  return { required, missed, missedDates: [...new Set(apel.missedDates)].sort(compareText) };
}

/** Where the CPNS status and the BPJS income came from, or that they are missing. */
function payDataNotes(sources: TppSources): TppInputNote[] {
  const { payData } = sources;
  if (!payData) {
    return [{ code: 'pay_data_missing', message: 'Data gaji belum tercatat: status dianggap bukan CPNS dan batas penghasilan BPJS diterapkan pada TPP saja' }];
  }
  const status = sources.employee.jenisAsn === 'PPPK' ? 'PPPK' : payData.isCpns ? 'CPNS' : 'PNS';
  const decree = payData.decreeNumber ? `, SK ${payData.decreeNumber}` : '';
  return [{ code: 'pay_data', message: `Data gaji TMT ${formatIndonesianDate(payData.effectiveFrom)}${decree}: ${status}; penghasilan untuk batas BPJS ${describeBpjsIncome(payData)}` }];
}

export function buildTppInput(sources: TppSources): BuiltTppInput {
  const { period } = sources;
  const notes: TppInputNote[] = [];
  const { stored, pending } = collectWorkingDays(sources);

  const late: TppInput['attendance']['late'] = [];
  const early: TppInput['attendance']['early'] = [];
  const leaveDays = new Map<ExcusedStatus, number>();
  let tkDays = 0;
  let workingDays = 0;
  const addLeave = (kind: ExcusedStatus) => leaveDays.set(kind, (leaveDays.get(kind) ?? 0) + 1);

  for (const day of [...stored.values()].sort((a, b) => compareText(a.date, b.date))) {
    if (day.status === 'libur') continue;
    workingDays += 1;
    if (day.status === 'tk') tkDays += 1;
    else if (isExcused(day.status)) addLeave(day.status);
    else {
      // A missing check-in is charged as the no-punch band; minutes late only count when there was one.
      if (day.status === 'tidak_absen_masuk') late.push({ date: day.date, minutes: null });
      else if (day.lateMinutes > 0) late.push({ date: day.date, minutes: minutes(day.lateMinutes) });
      if (day.status === 'tidak_absen_pulang') early.push({ date: day.date, minutes: null });
      else if (day.earlyMinutes > 0) early.push({ date: day.date, minutes: minutes(day.earlyMinutes) });
    }
  }
  for (const date of pending) {
    workingDays += 1;
    const request = sources.approvedRequests.find((candidate) => candidate.startDate <= date && candidate.endDate >= date && isExcused(candidate.kind));
    if (request && isExcused(request.kind)) addLeave(request.kind);
  }
  workingDays = Math.min(workingDays, 31);

  const measured = sources.productivity ? productivityPercentOf(sources.productivity.countedMinutes, sources.productivity.targetMinutes) : null;
  let productivityBp = measured ?? 0;
  if (!sources.productivity) {
    notes.push({ code: 'productivity_unmeasured', message: 'Produktivitas tidak dapat dihitung (pegawai tanpa jadwal kerja bulan ini); dianggap 0 %' });
  } else if (measured === null) {
    // No target day at all (a whole month of excluded leave): nothing was asked, so nothing is lost.
    productivityBp = 10_000;
    notes.push({ code: 'productivity_no_target', message: 'Tidak ada hari kerja yang menjadi target produktivitas bulan ini; produktivitas dianggap 100 %' });
  }
  const assumedSkp = sources.skpPredikat === null ? (sources.assumedSkp ?? null) : null;
  if (assumedSkp) {
    notes.push({
      code: 'skp_assumed',
      message: `Perkiraan: SKP bulan ini belum dinilai; dipakai predikat final terakhir, ${EMPLOYEE_PREDIKAT_LABELS[assumedSkp.predikat]} (periode ${assumedSkp.periodKey})`,
    });
  } else if (sources.skpPredikat === null) {
    notes.push({ code: 'skp_missing', message: 'Belum ada penilaian SKP final untuk bulan, triwulan atau tahun ini; predikat SKP kosong' });
  }
  if (sources.skpAchievementBp === null) {
    notes.push({ code: 'skp_achievement_missing', message: 'Belum ada realisasi SKP yang dilaporkan sampai akhir bulan ini pada SKP yang disetujui; capaian SKP kosong' });
  }
  notes.push(...payDataNotes(sources));
  const apel = countApel(sources.apel);
  if (apel.missedDates.length > 0) notes.push({ code: 'apel_missed', message: `Apel tidak diikuti pada ${formatIndonesianDateList(apel.missedDates)}` });

  const acting: TppInput['acting'] = [];
  const workDates = [...[...stored.values()].filter((day) => day.status !== 'libur').map((day) => day.date), ...pending];
  for (const assignment of sources.acting) {
    const days = workDates.filter((date) => date >= assignment.startDate && (assignment.endDate === null || date <= assignment.endDate)).length;
    if (days > 0) acting.push({ kind: assignment.kind, kelasJabatan: assignment.kelasJabatan, positionCode: assignment.positionCode, days: Math.min(days, workingDays) });
  }

  const runningIn = sources.leaveRunningIn ?? null;
  const leave = [...leaveDays.entries()]
    .sort((a, b) => compareText(a[0], b[0]))
    .map(([leaveType, days]) => (runningIn && runningIn.leaveType === leaveType && runningIn.days > 0 ? { leaveType, days, priorDays: Math.min(runningIn.days, 400) } : { leaveType, days }));
  const input: TppInput = {
    period,
    employee: {
      kelasJabatan: sources.position.kelasJabatan,
      positionCode: sources.position.code,
      jenisAsn: sources.employee.jenisAsn,
      // Only a PNS can be a CPNS; a PPPK row marked CPNS by mistake must not cut their TPP.
      isCpns: sources.employee.jenisAsn === 'PNS' && sources.payData?.isCpns === true,
      golongan: sources.employee.golongan,
    },
    workingDays,
    productivityBp: Math.min(Math.max(productivityBp, 0), 20_000),
    // The minutes the percentage was taken of, for the explanation; absent when it was not measured.
    ...(sources.productivity && measured !== null
      ? { productivityMinutes: { counted: sources.productivity.countedMinutes, target: sources.productivity.targetMinutes } }
      : {}),
    skp: { predikat: sources.skpPredikat ?? assumedSkp?.predikat ?? null, achievementBp: sources.skpAchievementBp === null ? null : Math.min(Math.max(sources.skpAchievementBp, 0), 20_000) },
    attendance: {
      late: late.slice(0, workingDays),
      early: early.slice(0, workingDays),
      tkDays,
      apel: { required: apel.required, missed: apel.missed },
      leave,
    },
    reportSubmissionDay: reportSubmissionDay(period, sources.lastSubmissionDate),
    compliance: [...sources.compliance].sort((a, b) => compareText(a.code, b.code)).map((item) => ({ code: item.code, isMet: item.isMet })),
    disciplineDecisions: [...sources.disciplineDecisions]
      .sort((a, b) => compareText(a.startPeriod, b.startPeriod) || compareText(a.decisionNumber, b.decisionNumber))
      .map((decision) => ({ decisionNumber: decision.decisionNumber, penaltyCode: decision.penaltyCode, startPeriod: decision.startPeriod })),
    acting,
    // Without recorded pay data the BPJS income cap can only be applied to TPP alone (see the note).
    otherIncomeForBpjs: sources.payData ? sumBpjsIncome(sources.payData) : 0,
  };
  return { input, notes };
}
