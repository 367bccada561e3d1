import type { z } from 'zod';
import type { employeeDetail, employeeQuery } from '../../../contracts/org';
import type { Executor } from '../../db/client';
import { regionToday, type RequestContext } from '../../platform/actor';
import { notFound } from '../../platform/errors';
import { findAssignmentViews, type AssignmentView } from './assignments.repository';
import { assertEmployeeVisible, employeeScopeOf } from './employee-scope';
import { findEmployeePage, findEmployeeRow, findEmployeeView } from './employees.repository';
import { findOverrideViews, type SuperiorOverrideView } from './superior-overrides.repository';
import { findDirectSuperior, findSubordinates, type SubordinateList, type SuperiorResult } from './superiors.service';

export type EmployeeDetail = z.infer<typeof employeeDetail>;

/** Loads the employee and checks that the caller may see them (404 otherwise). */
async function loadVisibleEmployee(executor: Executor, ctx: RequestContext, id: string) {
  const row = await findEmployeeRow(executor, id);
  if (!row) throw notFound('Pegawai');
  await assertEmployeeVisible(executor, ctx, row, regionToday(ctx));
  return row;
}

export async function listEmployees(executor: Executor, ctx: RequestContext, query: z.infer<typeof employeeQuery>) {
  const today = regionToday(ctx);
  return findEmployeePage(executor, query, await employeeScopeOf(executor, ctx, today), today);
}

/** The employee record with history, overrides and today's superior: the detail page in one call. */
export async function getEmployeeDetail(executor: Executor, ctx: RequestContext, id: string): Promise<EmployeeDetail> {
  await loadVisibleEmployee(executor, ctx, id);
  const today = regionToday(ctx);
  const [view, assignmentViews, overrides, superior] = await Promise.all([
    findEmployeeView(executor, id, today),
    findAssignmentViews(executor, { employeeId: id }),
    findOverrideViews(executor, { employeeId: id }),
    findDirectSuperior(executor, id, today),
  ]);
  if (!view) throw notFound('Pegawai');
  return { ...view, assignments: assignmentViews, overrides, superior };
}

export async function listEmployeeAssignments(executor: Executor, ctx: RequestContext, id: string): Promise<{ items: AssignmentView[] }> {
  await loadVisibleEmployee(executor, ctx, id);
  return { items: await findAssignmentViews(executor, { employeeId: id }) };
}

export async function listEmployeeOverrides(executor: Executor, ctx: RequestContext, id: string): Promise<{ items: SuperiorOverrideView[] }> {
  await loadVisibleEmployee(executor, ctx, id);
  return { items: await findOverrideViews(executor, { employeeId: id }) };
}

export async function getEmployeeSuperior(executor: Executor, ctx: RequestContext, id: string, date: string | undefined): Promise<SuperiorResult> {
  await loadVisibleEmployee(executor, ctx, id);
  return findDirectSuperior(executor, id, date ?? regionToday(ctx));
}

export async function getEmployeeSubordinates(executor: Executor, ctx: RequestContext, id: string, date: string | undefined): Promise<SubordinateList> {
  await loadVisibleEmployee(executor, ctx, id);
  return findSubordinates(executor, id, date ?? regionToday(ctx));
}
