import { eq } from 'drizzle-orm';
import type { PayDataFields } from '../../../../contracts/tpp-pay-data';
import type { Executor } from '../../../db/client';
import { employeePayData } from '../../../db/schema';
import type { RequestContext } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { conflict, forbidden, invalid, notFound } from '../../../platform/errors';
import { isUniqueViolation } from '../../org/db-errors';
import { findEmployeeRow } from '../../org/employees.repository';
import { canManageTppUnit } from '../tpp-access';
import { findPayDataRow, type PayDataRow } from './pay-data.repository';

export const PAY_DATA_ENTITY = 'tpp_pay_data';

/** Admin BKPSDM and admin OPD only; the system (CLI, seed) always. */
function assertPayDataAdmin(ctx: RequestContext): void {
  if (ctx.actor && !ctx.actor.roles.some((role) => role === 'admin_bkpsdm' || role === 'admin_opd')) throw forbidden('Hanya admin BKPSDM atau admin OPD yang dapat mengelola data gaji');
}

/** The employee, if the caller may manage their pay data (admin OPD: their units); outside scope it does not exist. */
export async function findPayDataEmployee(executor: Executor, ctx: RequestContext, employeeId: string) {
  assertPayDataAdmin(ctx);
  const employee = await findEmployeeRow(executor, employeeId);
  if (!employee || !canManageTppUnit(ctx, employee.unitId)) throw notFound('Pegawai');
  return employee;
}

const fieldError = (field: string, message: string) => invalid(message, [{ field, message }]);

function assertFitsEmployee(employee: { jenisAsn: 'PNS' | 'PPPK' }, input: PayDataFields): void {
  if (input.isCpns && employee.jenisAsn !== 'PNS') throw fieldError('isCpns', 'Hanya PNS yang dapat berstatus CPNS; pegawai ini PPPK');
}

const taken = (date: string) => conflict(`Data gaji pegawai ini dengan TMT ${date} sudah ada; ubah data itu atau pilih TMT lain`, { field: 'effectiveFrom' });

const snapshot = (row: PayDataRow | PayDataFields) => ({
  effectiveFrom: row.effectiveFrom,
  isCpns: row.isCpns,
  baseSalary: row.baseSalary,
  familyAllowance: row.familyAllowance,
  positionAllowance: row.positionAllowance,
  professionAllowance: row.professionAllowance,
  decreeNumber: row.decreeNumber,
  note: row.note,
});

/**
 * Records pay data from a TMT (CPNS status, gaji pokok and allowances). Months already closed keep
 * the TPP they were paid with (results are snapshots); the next run of an open month reads it.
 */
export async function createPayData(executor: Executor, ctx: RequestContext, input: PayDataFields & { employeeId: string }): Promise<{ id: string }> {
  const employee = await findPayDataEmployee(executor, ctx, input.employeeId);
  assertFitsEmployee(employee, input);
  const now = ctx.clock.now();
  const [created] = await executor
    .insert(employeePayData)
    .values({ ...snapshot(input), employeeId: employee.id, recordedByUserId: ctx.actor?.userId ?? null, createdAt: now, updatedAt: now })
    .returning({ id: employeePayData.id })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? taken(input.effectiveFrom) : error;
    });
  if (!created) throw new Error('insert returned nothing');
  await recordAudit(executor, ctx, { action: 'create', entityType: PAY_DATA_ENTITY, entityId: created.id, after: { employeeId: employee.id, ...snapshot(input) }, scopeUnitId: employee.unitId });
  return created;
}

async function findManagedRow(executor: Executor, ctx: RequestContext, id: string) {
  assertPayDataAdmin(ctx);
  const row = await findPayDataRow(executor, id, { lock: true });
  if (!row) throw notFound('Data gaji');
  const employee = await findPayDataEmployee(executor, ctx, row.employeeId).catch(() => {
    throw notFound('Data gaji');
  });
  return { row, employee };
}

/** Corrects a row; returns whether anything changed (an unchanged import row is not written). */
export async function updatePayData(executor: Executor, ctx: RequestContext, id: string, input: PayDataFields): Promise<{ isChanged: boolean }> {
  const { row, employee } = await findManagedRow(executor, ctx, id);
  assertFitsEmployee(employee, input);
  const before = snapshot(row);
  const after = snapshot(input);
  if (JSON.stringify(before) === JSON.stringify(after)) return { isChanged: false };
  await executor
    .update(employeePayData)
    .set({ ...after, recordedByUserId: ctx.actor?.userId ?? null, updatedAt: ctx.clock.now() })
    .where(eq(employeePayData.id, id))
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? taken(input.effectiveFrom) : error;
    });
  await recordAudit(executor, ctx, { action: 'update', entityType: PAY_DATA_ENTITY, entityId: id, before: { employeeId: row.employeeId, ...before }, after: { employeeId: row.employeeId, ...after }, scopeUnitId: employee.unitId });
  return { isChanged: true };
}

/** Removes a row recorded by mistake; the employee's previous row governs its months again. */
export async function deletePayData(executor: Executor, ctx: RequestContext, id: string): Promise<void> {
  const { row, employee } = await findManagedRow(executor, ctx, id);
  await executor.delete(employeePayData).where(eq(employeePayData.id, id));
  await recordAudit(executor, ctx, { action: 'delete', entityType: PAY_DATA_ENTITY, entityId: id, before: { employeeId: row.employeeId, ...snapshot(row) }, scopeUnitId: employee.unitId });
}
