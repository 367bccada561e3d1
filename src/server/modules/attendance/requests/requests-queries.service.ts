import type { z } from 'zod';
import type { AttendanceRequestView, requestListQuery } from '../../../../contracts/attendance-requests';
import type { Executor } from '../../../db/client';
import { regionToday, requireActor, type RequestContext } from '../../../platform/actor';
import { forbidden, invalid, notFound } from '../../../platform/errors';
import { findUnitSubtreeIds } from '../../org';
import { canReadUnit, canSeeEmployeeRequests } from './request-access';
import { findRequestView, findRequestViews } from './requests.repository';

/** Mine, awaiting my decision, or a unit's (admins in scope and regency-wide readers). */
export async function listRequests(executor: Executor, ctx: RequestContext, query: z.infer<typeof requestListQuery>): Promise<{ items: AttendanceRequestView[] }> {
  const actor = requireActor(ctx);
  const common = { ...(query.status ? { status: query.status } : {}), ...(query.from ? { from: query.from } : {}), ...(query.to ? { to: query.to } : {}) };
  if (query.scope === 'unit') {
    if (!query.unitId) throw invalid('Pilih unit (unitId) untuk daftar per unit', { field: 'unitId' });
    if (!canReadUnit(ctx, query.unitId)) throw forbidden('Unit ini di luar kewenangan Anda');
    return { items: await findRequestViews(executor, { ...common, unitIds: await findUnitSubtreeIds(executor, [query.unitId]) }) };
  }
  if (!actor.employeeId) throw forbidden('Akun ini tidak terhubung dengan data pegawai');
  if (query.scope === 'to_approve') return { items: await findRequestViews(executor, { ...common, approverEmployeeId: actor.employeeId }) };
  return { items: await findRequestViews(executor, { ...common, employeeIds: [actor.employeeId] }) };
}

/** One request: its employee, its approver of record, and whoever may read the employee. */
export async function getRequest(executor: Executor, ctx: RequestContext, id: string): Promise<AttendanceRequestView> {
  const actor = requireActor(ctx);
  const view = await findRequestView(executor, id);
  if (!view) throw notFound('Permohonan');
  const isApprover = actor.employeeId !== null && view.approverEmployeeId === actor.employeeId;
  if (!isApprover && !(await canSeeEmployeeRequests(executor, ctx, { id: view.employeeId, unitId: view.unitId }, regionToday(ctx)))) throw notFound('Permohonan');
  return view;
}
