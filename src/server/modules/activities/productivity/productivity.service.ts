import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { EmployeeProductivity, productivityQuery, ProductivityList, ProductivitySummary, subordinateProductivityQuery, unitProductivityQuery } from '../../../../contracts/activities-productivity';
import { formatFullName } from '../../../../domain/org/names';
import type { Executor } from '../../../db/client';
import { employees } from '../../../db/schema';
import { canReadWholeRegency, hasRole, regionToday, requireActor, type RequestContext } from '../../../platform/actor';
import { forbidden, invalid, notFound } from '../../../platform/errors';
import { findSubordinateIds, findUnitSubtreeIds } from '../../org';
import { assertEmployeeVisible } from '../../org/employee-scope';
import { findUnitRow } from '../../org/units.repository';
import { computeMonthlyProductivity, monthBounds, type MonthlyProductivity } from './monthly-productivity';

export interface ProductivityPeriod {
  month: string;
  throughDate: string;
  isPartial: boolean;
}

/**
 * The month asked for (default: this month) and how far it is counted: a past month whole, the
 * current month up to today (the live figure). Months that have not started are refused. "Today"
 * is the regency's working date (WIB), as for roles and superiors.
 */
export function resolvePeriod(ctx: RequestContext, month: string | undefined): ProductivityPeriod {
  const today = regionToday(ctx);
  const chosen = month ?? today.slice(0, 7);
  const bounds = monthBounds(chosen);
  if (bounds.from > today) throw invalid(`Bulan ${chosen} belum berjalan`, { field: 'month' });
  const isPartial = bounds.to > today;
  return { month: chosen, throughDate: isPartial ? today : bounds.to, isPartial };
}

interface EmployeeInfo {
  id: string;
  nip: string;
  name: string;
  gelarDepan: string | null;
  gelarBelakang: string | null;
  unitId: string | null;
}

const infoColumns = { id: employees.id, nip: employees.nip, name: employees.name, gelarDepan: employees.gelarDepan, gelarBelakang: employees.gelarBelakang, unitId: employees.unitId };

const emptyResult = (employeeId: string, period: ProductivityPeriod): MonthlyProductivity => ({
  employeeId,
  month: period.month,
  throughDate: period.throughDate,
  days: [],
  approvedMinutes: 0,
  countedMinutes: 0,
  creditedMinutes: 0,
  targetMinutes: 0,
  effectiveWorkingDays: 0,
  leaveDays: 0,
  percentBasisPoints: null,
  pendingMinutes: 0,
  pendingMinutesByDate: new Map(),
});

export function toSummary(person: EmployeeInfo, result: MonthlyProductivity): ProductivitySummary {
  return {
    employeeId: person.id,
    employeeName: formatFullName(person),
    employeeNip: person.nip,
    unitId: person.unitId,
    approvedMinutes: result.approvedMinutes,
    countedMinutes: result.countedMinutes,
    creditedMinutes: result.creditedMinutes,
    targetMinutes: result.targetMinutes,
    pendingMinutes: result.pendingMinutes,
    effectiveWorkingDays: result.effectiveWorkingDays,
    leaveDays: result.leaveDays,
    percentBasisPoints: result.percentBasisPoints,
  };
}

/**
 * One employee's month, day by day: the employee, their superior, an admin OPD of their unit, the
 * regency-wide readers. Anyone else is told the employee does not exist (404).
 */
export async function getEmployeeProductivity(executor: Executor, ctx: RequestContext, query: z.infer<typeof productivityQuery>): Promise<{ productivity: EmployeeProductivity; person: EmployeeInfo }> {
  const actor = requireActor(ctx);
  const employeeId = query.employeeId ?? actor.employeeId;
  if (!employeeId) throw invalid('Akun ini tidak terhubung dengan data pegawai; pilih pegawai', { field: 'employeeId' });
  const [person] = await executor.select(infoColumns).from(employees).where(eq(employees.id, employeeId));
  if (!person) throw notFound('Pegawai');
  await assertEmployeeVisible(executor, ctx, person, regionToday(ctx));
  const period = resolvePeriod(ctx, query.month);
  const result = (await computeMonthlyProductivity(executor, [person.id], period.month, { throughDate: period.throughDate })).get(person.id) ?? emptyResult(person.id, period);
  const productivity: EmployeeProductivity = {
    ...toSummary(person, result),
    ...period,
    days: result.days.map((day) => ({ ...day, pendingMinutes: result.pendingMinutesByDate.get(day.date) ?? 0 })),
  };
  return { productivity, person };
}

async function summariesOf(executor: Executor, people: EmployeeInfo[], period: ProductivityPeriod): Promise<ProductivitySummary[]> {
  const results = await computeMonthlyProductivity(
    executor,
    people.map((person) => person.id),
    period.month,
    { throughDate: period.throughDate },
  );
  return people
    .map((person) => toSummary(person, results.get(person.id) ?? emptyResult(person.id, period)))
    .sort((a, b) => a.employeeName.localeCompare(b.employeeName, 'id'));
}

/** My direct subordinates today, each with the month's figure. */
export async function listSubordinateProductivity(executor: Executor, ctx: RequestContext, query: z.infer<typeof subordinateProductivityQuery>): Promise<ProductivityList> {
  const actor = requireActor(ctx);
  const period = resolvePeriod(ctx, query.month);
  if (!actor.employeeId) return { ...period, unitId: null, items: [] };
  const ids = [...(await findSubordinateIds(executor, actor.employeeId, regionToday(ctx))).keys()];
  const people = ids.length === 0 ? [] : await executor.select(infoColumns).from(employees).where(inArray(employees.id, ids));
  return { ...period, unitId: null, items: await summariesOf(executor, people, period) };
}

/** Unit readers: admin BKPSDM, pimpinan and auditors everywhere; an admin OPD inside their units. */
function assertCanReadUnit(ctx: RequestContext, unitId: string) {
  const actor = ctx.actor;
  if (!actor || canReadWholeRegency(actor)) return;
  if (hasRole(actor, 'admin_opd') && actor.adminUnitIds.includes(unitId)) return;
  throw forbidden('Unit ini di luar kewenangan Anda');
}

/** Every active employee of the unit and the units below it, with the month's figure. */
export async function listUnitProductivity(executor: Executor, ctx: RequestContext, query: z.infer<typeof unitProductivityQuery>): Promise<{ list: ProductivityList; unit: { name: string; code: string } }> {
  assertCanReadUnit(ctx, query.unitId);
  const unit = await findUnitRow(executor, query.unitId);
  if (!unit) throw notFound('Unit');
  const period = resolvePeriod(ctx, query.month);
  const unitIds = await findUnitSubtreeIds(executor, [unit.id]);
  const people = await executor.select(infoColumns).from(employees).where(and(inArray(employees.unitId, unitIds), eq(employees.isActive, true)));
  return { list: { ...period, unitId: unit.id, items: await summariesOf(executor, people, period) }, unit: { name: unit.name, code: unit.code } };
}
