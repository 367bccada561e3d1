import { z } from 'zod';
import { findOpdOf } from '../../../../domain/org/unit-tree';
import type { TppRunIssue } from '../../../../contracts/tpp';
import { formatFullName } from '../../../../domain/org/names';
import { summarizeApelMonth } from '../../../../domain/attendance/apel';
import { buildTppInput, type TppInputNote } from '../../../../domain/tpp/build-input';
import { selectPayDataForPeriod } from '../../../../domain/tpp/pay-data';
import { computeTpp } from '../../../../domain/tpp/compute-tpp';
import type { TppRuleSet } from '../../../../domain/tpp/rule-set';
import { leaveTypesCountedFromStart, usesApel, usesPayData, usesProductivity, usesSkpAchievement, usesSkpPredikat } from '../../../../domain/tpp/rule-set-uses';
import { tppInputSchema, type TppInput } from '../../../../domain/tpp/tpp-input';
import { TppComputationError, type TppResult } from '../../../../domain/tpp/tpp-result';
import type { Executor } from '../../../db/client';
import { isAbsenceKind } from '../../../../domain/activities/productivity';
import { listDates } from '../../../../domain/attendance/calendar-zone';
import { loadActivityRuleTimeline } from '../../activities/approval/rule-timeline';
import { measureProductivityMinutesFromSources } from '../../activities/productivity/monthly-productivity';
import { loadApelOutcomes } from '../../attendance/apel/apel-outcomes.repository';
import { resolveWorkDays } from '../../attendance/schedules';
import { measureSkpAchievements } from '../../skp/skp-achievement.service';
import type { EmployeePredikat } from '../../../../domain/skp/vocabulary';
import { findLatestPredikatsBefore, findLeaveRunningIn, loadRawSources, periodBounds, selectMonthPosition, toActingSources, type AssignmentRecord, type RawSources, type UnitNode } from './tpp-sources.repository';

/** Who the employee was this month, stored beside the result. */
export interface TppSnapshot {
  employeeId: string;
  nip: string;
  employeeName: string;
  golongan: string | null;
  jenisAsn: 'PNS' | 'PPPK';
  unitId: string | null;
  unitName: string | null;
  opdUnitId: string | null;
  opdName: string | null;
  positionId: string;
  positionCode: string;
  positionName: string;
  kelasJabatan: number;
}

export interface ComputedTpp {
  snapshot: TppSnapshot;
  input: TppInput;
  result: TppResult;
  notes: string[];
}


/** Only notes about inputs the rule set actually uses are worth showing. */
function relevantNotes(notes: readonly TppInputNote[], ruleSet: TppRuleSet): string[] {
  const isRelevant = (note: TppInputNote): boolean => {
    switch (note.code) {
      case 'skp_missing':
      case 'skp_assumed':
        return usesSkpPredikat(ruleSet);
      case 'skp_achievement_missing':
        return usesSkpAchievement(ruleSet);
      case 'productivity_unmeasured':
      case 'productivity_no_target':
        return usesProductivity(ruleSet);
      case 'pay_data':
      case 'pay_data_missing':
        return usesPayData(ruleSet);
      case 'apel_missed':
        return usesApel(ruleSet);
    }
  };
  return notes.filter(isRelevant).map((note) => note.message);
}

/**
 * Whole-day leave and duty of the month per employee, as productivity counts it: a derived day of an
 * absence kind or a day of an approved absence request (the run has read both already, for a wider set
 * of kinds).
 */
function collectLeaveDates(raw: RawSources, from: string, to: string): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  const datesOf = (employeeId: string) => {
    const existing = result.get(employeeId);
    if (existing) return existing;
    const created = new Set<string>();
    result.set(employeeId, created);
    return created;
  };
  for (const [employeeId, days] of raw.days) {
    for (const day of days) if (isAbsenceKind(day.status)) datesOf(employeeId).add(day.date);
  }
  for (const [employeeId, requests] of raw.requests) {
    for (const request of requests) {
      if (!isAbsenceKind(request.kind)) continue;
      const dates = datesOf(employeeId);
      for (const date of listDates(request.startDate < from ? from : request.startDate, request.endDate > to ? to : request.endDate)) dates.add(date);
    }
  }
  return result;
}

const describeError = (error: unknown): string => {
  if (error instanceof TppComputationError) return error.message;
  if (error instanceof z.ZodError) return `Data bulan ini tidak sah: ${error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`;
  throw error;
};

/** What a batch's computation reads: the raw records, the schedule's days, the activity rules, the ceremonies, the capaian SKP. */
export interface TppBatchSources {
  raw: RawSources;
  workDays: Awaited<ReturnType<typeof resolveWorkDays>>;
  rulesOn: Awaited<ReturnType<typeof loadActivityRuleTimeline>>;
  apel: Awaited<ReturnType<typeof loadApelOutcomes>>;
  /** Capaian SKP per employee (those with one); read only when the rule set pays for it. */
  skpAchievements: ReadonlyMap<string, number>;
  /** An estimate's assumption for those not rated this month (latestPredikatBefore); empty for a run. */
  assumedPredikats: ReadonlyMap<string, { predikat: EmployeePredikat; periodKey: string }>;
  /** Leave begun before the month and running into it, for types counted from the leave's start (findLeaveRunningIn). */
  leaveRunningIn: ReadonlyMap<string, { leaveType: string; days: number }>;
}

/** A run computes what the month's records say; an estimate of a month not rated yet assumes the latest SKP predikat. */
export interface TppBatchOptions {
  /** The region's zone (findRegionZone): the day a monthly report was submitted is counted in it. */
  regionZone: string;
  isEstimate?: boolean;
}

/**
 * Reads a batch's sources: a fixed number of queries (attendance, requests, activities, SKP,
 * decisions, pay data, schedules, ceremonies and their punches), whatever the batch size.
 */
export async function loadTppBatch(
  executor: Executor,
  period: string,
  ruleSet: TppRuleSet,
  employeeIds: string[],
  unitsById: ReadonlyMap<string, UnitNode>,
  options: TppBatchOptions,
): Promise<TppBatchSources> {
  const { from, to } = periodBounds(period);
  const raw = await loadRawSources(executor, period, employeeIds, options.regionZone);
  // One calendar for both uses: productivity needs every employee's schedule; the attendance input
  // only for days attendance has not derived yet.
  const workDays = await resolveWorkDays(executor, employeeIds, from, to);
  const rulesOn = await loadActivityRuleTimeline(executor);
  // Ceremonies cost a punch lookup per expected apel: only when the rule set prices them.
  const apel = usesApel(ruleSet)
    ? await loadApelOutcomes(executor, {
        from,
        to,
        employees: raw.employees.map((employee) => ({ id: employee.id, unitId: employee.unitId })),
        days: raw.days,
        units: unitsById,
      })
    : new Map<string, never[]>();
  const skpAchievements = usesSkpAchievement(ruleSet) ? await measureSkpAchievements(executor, employeeIds, period) : new Map<string, number>();
  const unrated = employeeIds.filter((id) => !raw.predikats.has(id));
  const assumedPredikats = options.isEstimate && usesSkpPredikat(ruleSet) && unrated.length > 0 ? await findLatestPredikatsBefore(executor, unrated, period) : new Map();
  const countedFromStart = leaveTypesCountedFromStart(ruleSet);
  const leaveRunningIn = countedFromStart.length > 0 ? await findLeaveRunningIn(executor, raw.days, countedFromStart, from) : new Map<string, never>();
  return { raw, workDays, rulesOn, apel, skpAchievements, assumedPredikats, leaveRunningIn };
}

/**
 * One month's TPP for a batch of employees under one rule set: load their records (loadTppBatch),
 * then compute (computeTppBatch, no I/O). An employee the rule set cannot compute (no definitive
 * position, a class without amounts …) becomes an issue, not a failed batch.
 */
export async function computeEmployeesTpp(
  executor: Executor,
  period: string,
  ruleSet: TppRuleSet,
  employeeIds: string[],
  unitsById: ReadonlyMap<string, UnitNode>,
  options: TppBatchOptions,
): Promise<{ computed: ComputedTpp[]; issues: TppRunIssue[] }> {
  if (employeeIds.length === 0) return { computed: [], issues: [] };
  return computeTppBatch(period, ruleSet, await loadTppBatch(executor, period, ruleSet, employeeIds, unitsById, options), unitsById);
}

/** Maps each employee of a loaded batch to a TppInput and computes it (pure). */
export function computeTppBatch(
  period: string,
  ruleSet: TppRuleSet,
  { raw, workDays, rulesOn, apel, skpAchievements, assumedPredikats, leaveRunningIn }: TppBatchSources,
  unitsById: ReadonlyMap<string, UnitNode>,
): { computed: ComputedTpp[]; issues: TppRunIssue[] } {
  const { from, to } = periodBounds(period);
  const productivity = measureProductivityMinutesFromSources({ from, to, rulesOn, workDays, leaveDates: collectLeaveDates(raw, from, to), approvedMinutes: raw.approvedMinutes });
  const computed: ComputedTpp[] = [];
  const issues: TppRunIssue[] = [];
  const assignmentsOf = new Map<string, AssignmentRecord[]>();
  for (const record of raw.assignments) {
    const list = assignmentsOf.get(record.employeeId);
    if (list) list.push(record);
    else assignmentsOf.set(record.employeeId, [record]);
  }
  for (const employee of raw.employees) {
    const name = formatFullName(employee);
    const issue = (message: string) => issues.push({ employeeId: employee.id, nip: employee.nip, name, message });
    const records = assignmentsOf.get(employee.id) ?? [];
    const position = selectMonthPosition(records, to);
    if (!position) {
      issue('Tidak memiliki jabatan definitif pada bulan ini');
      continue;
    }
    const predikat = raw.predikats.get(employee.id) ?? null;
    const apelOccurrences = apel.get(employee.id);
    const built = buildTppInput({
      period,
      employee: { jenisAsn: employee.jenisAsn, golongan: employee.golongan },
      payData: selectPayDataForPeriod(raw.payData.get(employee.id) ?? [], period),
      apel: apelOccurrences ? summarizeApelMonth(apelOccurrences) : null,
      position: { kelasJabatan: position.kelasJabatan, code: position.positionCode },
      // Weekly days off are not stored (ADR 0010): the schedule says which days are work days.
      scheduledWorkDates: (workDays.get(employee.id) ?? []).filter((day) => day.isWorkingDay).map((day) => day.date),
      days: raw.days.get(employee.id) ?? [],
      approvedRequests: raw.requests.get(employee.id) ?? [],
      productivity: productivity.get(employee.id) ?? null,
      skpPredikat: predikat?.predikat ?? null,
      skpPeriodKey: predikat?.periodKey ?? null,
      assumedSkp: assumedPredikats.get(employee.id) ?? null,
      skpAchievementBp: skpAchievements.get(employee.id) ?? null,
      lastSubmissionDate: raw.lastSubmissions.get(employee.id) ?? null,
      compliance: raw.compliance.get(employee.id) ?? [],
      disciplineDecisions: raw.decisions.get(employee.id) ?? [],
      acting: toActingSources(records),
      leaveRunningIn: leaveRunningIn.get(employee.id) ?? null,
    });
    try {
      const input = tppInputSchema.parse(built.input);
      const result = computeTpp(ruleSet, input);
      const unit = employee.unitId ? (unitsById.get(employee.unitId) ?? null) : null;
      const opd = findOpdOf(unitsById, employee.unitId ?? position.positionUnitId);
      computed.push({
        snapshot: {
          employeeId: employee.id,
          nip: employee.nip,
          employeeName: name,
          golongan: employee.golongan,
          jenisAsn: employee.jenisAsn,
          unitId: employee.unitId,
          unitName: unit?.name ?? null,
          opdUnitId: opd?.id ?? null,
          opdName: opd?.name ?? null,
          positionId: position.positionId,
          positionCode: position.positionCode,
          positionName: position.positionName,
          kelasJabatan: position.kelasJabatan,
        },
        input,
        result,
        notes: relevantNotes(built.notes, ruleSet),
      });
    } catch (error) {
      issue(describeError(error));
    }
  }
  return { computed, issues };
}
