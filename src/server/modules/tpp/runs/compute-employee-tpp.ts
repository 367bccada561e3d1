import { z } from 'zod';
import type { TppRunIssue } from '../../../../contracts/tpp';
import { formatFullName } from '../../../../domain/org/names';
import { buildTppInput, type TppInputNote } from '../../../../domain/tpp/build-input';
import { computeTpp } from '../../../../domain/tpp/compute-tpp';
import type { TppRuleSet } from '../../../../domain/tpp/rule-set';
import { tppInputSchema, type TppInput } from '../../../../domain/tpp/tpp-input';
import { TppComputationError, type TppResult } from '../../../../domain/tpp/tpp-result';
import type { Executor } from '../../../db/client';
import { computeMonthlyProductivity } from '../../activities/productivity/monthly-productivity';
import { resolveWorkDays } from '../../attendance/schedules';
import type { WorkDay } from '../../../../domain/attendance/schedule-work-days';
import { findOpdOf, loadRawSources, periodBounds, selectMonthPosition, toActingSources, type AssignmentRecord, type UnitNode } from './tpp-sources.repository';

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

const usesSkp = (ruleSet: TppRuleSet) => ruleSet.earning.parts.some((part) => part.measure.kind === 'skp_predikat' || part.measure.kind === 'skp_achievement');
const usesProductivity = (ruleSet: TppRuleSet) => ruleSet.earning.parts.some((part) => part.measure.kind === 'productivity');

/** Only notes about inputs the rule set actually uses are worth showing. */
function relevantNotes(notes: readonly TppInputNote[], ruleSet: TppRuleSet): string[] {
  return notes
    .filter((note) => (note.code === 'skp_missing' ? usesSkp(ruleSet) : usesProductivity(ruleSet)))
    .map((note) => note.message);
}

const describeError = (error: unknown): string => {
  if (error instanceof TppComputationError) return error.message;
  if (error instanceof z.ZodError) return `Data bulan ini tidak sah: ${error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`;
  throw error;
};

/**
 * One month's TPP for a batch of employees under one rule set: load their records (a fixed number of
 * queries), map each to a TppInput (pure), compute (pure). An employee the rule set cannot compute
 * (no definitive position, a class without amounts …) becomes an issue, not a failed batch.
 */
export async function computeEmployeesTpp(
  executor: Executor,
  period: string,
  ruleSet: TppRuleSet,
  employeeIds: string[],
  unitsById: ReadonlyMap<string, UnitNode>,
): Promise<{ computed: ComputedTpp[]; issues: TppRunIssue[] }> {
  if (employeeIds.length === 0) return { computed: [], issues: [] };
  const { from, to } = periodBounds(period);
  const raw = await loadRawSources(executor, period, employeeIds);
  // The schedule only matters for days attendance has not derived yet: someone with every day of the
  // month stored (any past month, normally) needs no work-day calendar, which is costly per person.
  const monthDays = Number(to.slice(8, 10));
  const unstored = employeeIds.filter((id) => (raw.days.get(id)?.length ?? 0) < monthDays);
  const workDays = unstored.length > 0 ? await resolveWorkDays(executor, unstored, from, to) : new Map<string, WorkDay[]>();
  const productivity = await computeMonthlyProductivity(executor, employeeIds, period);
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
    const monthProductivity = productivity.get(employee.id);
    const predikat = raw.predikats.get(employee.id) ?? null;
    const built = buildTppInput({
      period,
      employee: { jenisAsn: employee.jenisAsn, golongan: employee.golongan, isCpns: false },
      position: { kelasJabatan: position.kelasJabatan, code: position.positionCode },
      scheduledWorkDates: (workDays.get(employee.id) ?? []).filter((day) => day.isWorkingDay).map((day) => day.date),
      days: raw.days.get(employee.id) ?? [],
      approvedRequests: raw.requests.get(employee.id) ?? [],
      productivityBp: monthProductivity?.percentBasisPoints ?? null,
      hasProductivity: monthProductivity !== undefined,
      skpPredikat: predikat?.predikat ?? null,
      skpPeriodKey: predikat?.periodKey ?? null,
      lastSubmissionDate: raw.lastSubmissions.get(employee.id) ?? null,
      compliance: raw.compliance.get(employee.id) ?? [],
      disciplineDecisions: raw.decisions.get(employee.id) ?? [],
      acting: toActingSources(records),
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
