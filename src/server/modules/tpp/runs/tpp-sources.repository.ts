import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { EXCUSED_STATUSES } from '../../../../contracts/attendance-daily';
import type { EmployeePredikat, EvaluationPeriodKind } from '../../../../domain/skp/vocabulary';
import { latestPredikatBefore } from '../../../../domain/tpp/assumed-predikat';
import { countLeaveBeforeMonth, leaveOpeningMonth } from '../../../../domain/tpp/leave-running-in';
import { addDays, monthBounds } from '../../../../domain/attendance/calendar-zone';
import type { ActingSource, AttendanceDaySource, ApprovedRequestSource } from '../../../../domain/tpp/build-input';
import { queryRows, type Executor } from '../../../db/client';
import { findPayDataRows, type PayDataRow } from '../pay-data/pay-data.repository';
import { openCopyChannel } from '../../../db/copy-channel';
import { copyTppDaysAndActivities } from './copy-tpp-sources';
import {
  assignments,
  attendanceRequests,
  employees,
  positions,
  skpEvaluations,
  skps,
  tppComplianceItems,
  tppDisciplineDecisions,
  units,
} from '../../../db/schema';

/** First and last day of a YYYY-MM month (the calendar's monthBounds). */
export const periodBounds = monthBounds;

export interface UnitNode {
  id: string;
  parentId: string | null;
  kind: string;
  name: string;
  code: string;
  /** The unit's wall clock (ceremony windows). */
  timeZone: string;
}

export async function findAllUnits(executor: Executor): Promise<Map<string, UnitNode>> {
  const rows = await executor.select({ id: units.id, parentId: units.parentId, kind: units.kind, name: units.name, code: units.code, timeZone: units.timeZone }).from(units);
  return new Map(rows.map((row) => [row.id, row]));
}

/** Units in the subtree of `rootId` (itself included), from the loaded tree. */
export function findSubtreeIds(unitsById: ReadonlyMap<string, UnitNode>, rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const unit of unitsById.values()) {
    if (unit.parentId) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
  }
  const result = new Set<string>([rootId]);
  const queue = [rootId];
  while (queue.length > 0) {
    const id = queue.shift() ?? '';
    for (const child of children.get(id) ?? []) {
      if (!result.has(child)) {
        result.add(child);
        queue.push(child);
      }
    }
  }
  return result;
}

const overlapsMonth = (from: string, to: string) => and(lte(assignments.startDate, to), or(isNull(assignments.endDate), gte(assignments.endDate, from)));

/**
 * Who a month's run covers: active employees with a definitive assignment during the month, whose
 * unit of record lies in `unitIds` (null = the whole region). Ordered by NIP.
 */
export async function findEmployeesForPeriod(executor: Executor, period: string, unitIds: readonly string[] | null): Promise<{ id: string; nip: string }[]> {
  const { from, to } = periodBounds(period);
  if (unitIds !== null && unitIds.length === 0) return [];
  return executor
    .selectDistinct({ id: employees.id, nip: employees.nip })
    .from(employees)
    .innerJoin(assignments, eq(assignments.employeeId, employees.id))
    .where(and(eq(employees.isActive, true), eq(assignments.kind, 'definitif'), overlapsMonth(from, to), unitIds === null ? undefined : inArray(employees.unitId, [...unitIds])))
    .orderBy(asc(employees.nip));
}

export interface EmployeeRecord {
  id: string;
  nip: string;
  name: string;
  gelarDepan: string | null;
  gelarBelakang: string | null;
  golongan: string | null;
  jenisAsn: 'PNS' | 'PPPK';
  unitId: string | null;
}

export interface AssignmentRecord {
  employeeId: string;
  kind: 'definitif' | 'plt' | 'plh';
  startDate: string;
  endDate: string | null;
  positionId: string;
  positionCode: string;
  positionName: string;
  kelasJabatan: number;
  positionUnitId: string;
}

/** A stored day with the unit it was derived for (which ceremonies applied). */
export interface StoredDaySource extends AttendanceDaySource {
  unitId: string | null;
}

export interface RawSources {
  employees: EmployeeRecord[];
  assignments: AssignmentRecord[];
  days: Map<string, StoredDaySource[]>;
  /** Pay-data rows starting on or before the month's last day, oldest first. */
  payData: Map<string, PayDataRow[]>;
  requests: Map<string, ApprovedRequestSource[]>;
  predikats: Map<string, { predikat: EmployeePredikat; periodKey: string }>;
  lastSubmissions: Map<string, string>;
  /** Approved minutes per work date of the month (days with none left out). */
  approvedMinutes: Map<string, Map<string, number>>;
  compliance: Map<string, { code: string; isMet: boolean }[]>;
  decisions: Map<string, { decisionNumber: string; penaltyCode: string; startPeriod: string }[]>;
}

const group = <T extends { employeeId: string }, V>(rows: readonly T[], map: (row: T) => V): Map<string, V[]> => {
  const result = new Map<string, V[]>();
  for (const row of rows) {
    const list = result.get(row.employeeId);
    if (list) list.push(map(row));
    else result.set(row.employeeId, [map(row)]);
  }
  return result;
};

/** Quarter key of a month: 2026-05 → 2026-Q2. */
const quarterOf = (period: string) => `${period.slice(0, 4)}-Q${Math.floor((Number(period.slice(5, 7)) - 1) / 3) + 1}`;

/**
 * Final SKP predikat that applies to a month: the evaluation of that month, else of its quarter,
 * else of the year (whichever the region's SKP period is).
 */
async function findPredikats(executor: Executor, idList: SQL, period: string) {
  const keys = [period, quarterOf(period), period.slice(0, 4)];
  const rows = await executor
    .select({ employeeId: skps.employeeId, periodKey: skpEvaluations.periodKey, predikat: skpEvaluations.predikat })
    .from(skpEvaluations)
    .innerJoin(skps, eq(skps.id, skpEvaluations.skpId))
    .where(and(sql`${skps.employeeId} = any(${idList})`, inArray(skpEvaluations.periodKey, keys), eq(skpEvaluations.isFinal, true), isNotNull(skpEvaluations.predikat)));
  const result = new Map<string, { predikat: EmployeePredikat; periodKey: string }>();
  for (const key of keys) {
    for (const row of rows) {
      if (row.periodKey === key && row.predikat !== null && !result.has(row.employeeId)) result.set(row.employeeId, { predikat: row.predikat as EmployeePredikat, periodKey: key });
    }
  }
  return result;
}

/**
 * For an estimate of a month not rated yet: each employee's latest final predikat of a period that
 * ended before the month (latestPredikatBefore), from this year's and last year's plans.
 */
export async function findLatestPredikatsBefore(executor: Executor, ids: readonly string[], period: string) {
  const year = Number(period.slice(0, 4));
  const rows = await executor
    .select({ employeeId: skps.employeeId, year: skps.year, periodKind: skpEvaluations.periodKind, periodKey: skpEvaluations.periodKey, predikat: skpEvaluations.predikat })
    .from(skpEvaluations)
    .innerJoin(skps, eq(skps.id, skpEvaluations.skpId))
    .where(
      and(
        sql`${skps.employeeId} = any(${`{${ids.join(',')}}`}::uuid[])`,
        inArray(skps.year, [year - 1, year]),
        eq(skpEvaluations.isFinal, true),
        isNotNull(skpEvaluations.predikat),
      ),
    );
  const result = new Map<string, { predikat: EmployeePredikat; periodKey: string }>();
  for (const [employeeId, ratings] of group(rows, (row) => ({
    year: row.year,
    periodKind: row.periodKind as EvaluationPeriodKind,
    periodKey: row.periodKey,
    predikat: row.predikat as EmployeePredikat,
  }))) {
    const latest = latestPredikatBefore(ratings, period);
    if (latest) result.set(employeeId, latest);
  }
  return result;
}

/** How far back a leave running into the month is followed (cuti sakit may last a year and more). */
const LEAVE_LOOK_BACK_DAYS = 560;

/**
 * For leave types whose day bands count from the leave's first day (`countFrom: leave_start`): the
 * working days before the month of the leave each employee's month opens with (leaveOpeningMonth,
 * countLeaveBeforeMonth). One query, for those employees only.
 */
export async function findLeaveRunningIn(
  executor: Executor,
  monthDays: ReadonlyMap<string, readonly AttendanceDaySource[]>,
  leaveTypes: readonly string[],
  from: string,
): Promise<Map<string, { leaveType: string; days: number }>> {
  const types = new Set(leaveTypes);
  const openedBy = new Map<string, string>();
  for (const [employeeId, days] of monthDays) {
    const leaveType = leaveOpeningMonth(days, types);
    if (leaveType) openedBy.set(employeeId, leaveType);
  }
  const result = new Map<string, { leaveType: string; days: number }>();
  if (openedBy.size === 0) return result;
  const rows = await queryRows<{ employee_id: string; date: string; status: string }>(
    executor,
    sql`select employee_id, date::text as date, status from daily_attendance
        where employee_id = any(${`{${[...openedBy.keys()].join(',')}}`}::uuid[]) and date >= ${addDays(from, -LEAVE_LOOK_BACK_DAYS)} and date < ${from}`,
  );
  for (const [employeeId, daysBefore] of group(rows.map((row) => ({ employeeId: row.employee_id, date: row.date, status: row.status })), ({ date, status }) => ({ date, status }))) {
    const leaveType = openedBy.get(employeeId);
    const days = leaveType ? countLeaveBeforeMonth(leaveType, daysBefore) : 0;
    if (leaveType && days > 0) result.set(employeeId, { leaveType, days });
  }
  return result;
}

/** Everything a month's TPP reads for a batch of employees: a fixed number of queries, whatever the batch size. */
export async function loadRawSources(executor: Executor, period: string, ids: string[], regionZone: string): Promise<RawSources> {
  const { from, to } = periodBounds(period);
  // One array parameter, not a parameter per employee: a batch is a thousand ids.
  const idList = sql`${`{${ids.join(',')}}`}::uuid[]`;
  // The two big reads (the month's days, the approved minutes per day) by binary COPY: on the
  // executor's own connection when it is a transaction or PGlite, else in a short read transaction
  // of their own, which gives the COPY a connection of the pool while the small reads use others.
  const readDaysAndActivities = async (): Promise<Pick<RawSources, 'days' | 'approvedMinutes' | 'lastSubmissions'>> => {
    const channel = openCopyChannel(executor);
    if (channel) return copyTppDaysAndActivities(channel, ids, from, to, regionZone);
    if (executor instanceof PgTransaction) return readDaysAndActivitiesByRows(executor, period, idList, regionZone);
    return executor.transaction(async (tx) => {
      const own = openCopyChannel(tx);
      return own ? copyTppDaysAndActivities(own, ids, from, to, regionZone) : readDaysAndActivitiesByRows(tx, period, idList, regionZone);
    });
  };
  const readTheRest = async () => {
    const employeeRows = await executor
      .select({
        id: employees.id,
        nip: employees.nip,
        name: employees.name,
        gelarDepan: employees.gelarDepan,
        gelarBelakang: employees.gelarBelakang,
        golongan: employees.golongan,
        jenisAsn: employees.jenisAsn,
        unitId: employees.unitId,
      })
      .from(employees)
      .where(sql`${employees.id} = any(${idList})`);
    const assignmentRows = await executor
      .select({
        employeeId: assignments.employeeId,
        kind: assignments.kind,
        startDate: assignments.startDate,
        endDate: assignments.endDate,
        positionId: positions.id,
        positionCode: positions.code,
        positionName: positions.name,
        kelasJabatan: positions.kelasJabatan,
        positionUnitId: positions.unitId,
      })
      .from(assignments)
      .innerJoin(positions, eq(positions.id, assignments.positionId))
      .where(and(sql`${assignments.employeeId} = any(${idList})`, overlapsMonth(from, to)))
      .orderBy(asc(assignments.startDate));
    const requestRows = await executor
      .select({ employeeId: attendanceRequests.employeeId, kind: attendanceRequests.kind, startDate: attendanceRequests.startDate, endDate: attendanceRequests.endDate })
      .from(attendanceRequests)
      .where(
        and(
          sql`${attendanceRequests.employeeId} = any(${idList})`,
          eq(attendanceRequests.status, 'disetujui'),
          inArray(attendanceRequests.kind, [...EXCUSED_STATUSES]),
          lte(attendanceRequests.startDate, to),
          gte(attendanceRequests.endDate, from),
        ),
      );
    const complianceRows = await executor
      .select({ employeeId: tppComplianceItems.employeeId, code: tppComplianceItems.code, isMet: tppComplianceItems.isMet })
      .from(tppComplianceItems)
      .where(and(sql`${tppComplianceItems.employeeId} = any(${idList})`, eq(tppComplianceItems.period, period)));
    const decisionRows = await executor
      .select({
        employeeId: tppDisciplineDecisions.employeeId,
        decisionNumber: tppDisciplineDecisions.decisionNumber,
        penaltyCode: tppDisciplineDecisions.penaltyCode,
        startPeriod: tppDisciplineDecisions.startPeriod,
      })
      .from(tppDisciplineDecisions)
      .where(and(sql`${tppDisciplineDecisions.employeeId} = any(${idList})`, lte(tppDisciplineDecisions.startPeriod, period)));

    const payData = await findPayDataRows(executor, ids, to);
    const predikats = await findPredikats(executor, idList, period);
    return { employeeRows, assignmentRows, requestRows, complianceRows, decisionRows, payData, predikats };
  };
  // A transaction is one connection: its statements go one after another (node-postgres refuses
  // overlapping queries on one client).
  const [{ days, approvedMinutes, lastSubmissions }, { employeeRows, assignmentRows, requestRows, complianceRows, decisionRows, payData, predikats }] =
    executor instanceof PgTransaction ? [await readDaysAndActivities(), await readTheRest()] : await Promise.all([readDaysAndActivities(), readTheRest()]);
  return {
    employees: employeeRows,
    assignments: assignmentRows,
    days,
    payData,
    requests: group(requestRows, ({ kind, startDate, endDate }) => ({ kind, startDate, endDate })),
    predikats,
    lastSubmissions,
    approvedMinutes,
    compliance: group(complianceRows, ({ code, isMet }) => ({ code, isMet })),
    decisions: group(decisionRows, ({ decisionNumber, penaltyCode, startPeriod }) => ({ decisionNumber, penaltyCode, startPeriod })),
  };
}

/**
 * The same two reads as rows, where no COPY channel exists: the days as one text per employee (day
 * of month, status, minutes late and early, unit; ';' between days), the activities as arrays per
 * employee — mapping each day as a row object costs more than reading it.
 */
export async function readDaysAndActivitiesByRows(
  executor: Executor,
  period: string,
  ids: readonly string[] | SQL,
  regionZone: string,
): Promise<Pick<RawSources, 'days' | 'approvedMinutes' | 'lastSubmissions'>> {
  const { from, to } = periodBounds(period);
  const idList = Array.isArray(ids) ? sql`${`{${ids.join(',')}}`}::uuid[]` : ids;
  const dayRows = await queryRows<{ employee_id: string; days: string }>(
    executor,
    sql`select employee_id,
          string_agg(concat_ws('|', extract(day from date)::int, status, late_minutes, early_minutes, coalesce(unit_id::text, '')), ';' order by date) as days
        from daily_attendance
        where employee_id = any(${idList}) and date between ${from} and ${to}
        group by employee_id`,
  );
  const activityRows = await queryRows<{ employee_id: string; last_date: string | null; dates: string[] | null; minutes: number[] | null }>(
    executor,
    sql`select employee_id, to_char(max(last_submitted) at time zone ${regionZone}, 'YYYY-MM-DD') as last_date,
          array_agg(work_date::text order by work_date) filter (where approved <> 0) as dates,
          array_agg(approved order by work_date) filter (where approved <> 0) as minutes
        from (
          select employee_id, work_date, max(submitted_at) as last_submitted,
            coalesce(sum(approved_minutes) filter (where status = 'approved'), 0)::int as approved
          from activity_entries
          where employee_id = any(${idList}) and work_date between ${from} and ${to}
          group by employee_id, work_date
        ) d
        group by employee_id`,
  );
  return {
    days: new Map(dayRows.map((row) => [row.employee_id, parseStoredDays(period, row.days)])),
    lastSubmissions: new Map(activityRows.flatMap((row) => (row.last_date === null ? [] : [[row.employee_id, row.last_date] as const]))),
    approvedMinutes: new Map(
      activityRows.map((row) => [row.employee_id, new Map((row.dates ?? []).map((date, index) => [date, Number(row.minutes?.[index] ?? 0)]))]),
    ),
  };
}

/** The text loadRawSources reads days as, back to days: `d|status|late|early|unit;…`. */
function parseStoredDays(period: string, text: string): StoredDaySource[] {
  return text.split(';').map((day) => {
    const [dayOfMonth = '', status = '', late = '0', early = '0', unitId = ''] = day.split('|');
    return {
      date: `${period}-${dayOfMonth.padStart(2, '0')}`,
      status,
      lateMinutes: Number(late),
      earlyMinutes: Number(early),
      unitId: unitId === '' ? null : unitId,
    };
  });
}

/** The definitive assignment of the month: the one in force on its last day, else the latest that started in it. */
export function selectMonthPosition(records: readonly AssignmentRecord[], lastDay: string): AssignmentRecord | null {
  const definitive = records.filter((record) => record.kind === 'definitif');
  const onLastDay = definitive.filter((record) => record.startDate <= lastDay && (record.endDate === null || record.endDate >= lastDay));
  const pool = onLastDay.length > 0 ? onLastDay : definitive;
  return pool.reduce<AssignmentRecord | null>((latest, record) => (latest === null || record.startDate > latest.startDate ? record : latest), null);
}

export const toActingSources = (records: readonly AssignmentRecord[]): ActingSource[] =>
  records.flatMap((record) =>
    record.kind === 'definitif'
      ? []
      : [{ kind: record.kind, kelasJabatan: record.kelasJabatan, positionCode: record.positionCode, startDate: record.startDate, endDate: record.endDate }],
  );
