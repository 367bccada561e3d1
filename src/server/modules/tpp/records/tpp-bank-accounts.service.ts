import { and, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { tppBankAccountBody } from '../../../../contracts/tpp';
import { maskAccountNumber } from '../../../../contracts/tpp-records';
import type { Executor } from '../../../db/client';
import { periodClosures, tppBankAccounts } from '../../../db/schema';
import type { RequestContext } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { notFound } from '../../../platform/errors';
import { findEmployeeRow } from '../../org/employees.repository';
import { canManageTppUnit } from '../tpp-access';

type Account = { bankName: string; accountNumber: string; accountHolder: string };

/** The employee, if the caller maintains their payroll account (admin OPD: their units); outside scope it does not exist. */
async function findManagedEmployee(executor: Executor, ctx: RequestContext, employeeId: string) {
  const employee = await findEmployeeRow(executor, employeeId);
  if (!employee || !canManageTppUnit(ctx, employee.unitId)) throw notFound('Pegawai');
  return employee;
}

const isCurrent = (employeeId: string) => and(eq(tppBankAccounts.employeeId, employeeId), isNull(tppBankAccounts.endedAt));

/** The current account row, locked against a concurrent change of the same employee. */
async function findCurrentAccount(executor: Executor, employeeId: string) {
  const [row] = await executor.select().from(tppBankAccounts).where(isCurrent(employeeId)).for('update');
  return row;
}

/**
 * The audit trail is read by auditors and every admin of the scope: it keeps the account number
 * masked (who changed an account, when, and its last digits before and after), so that the trail
 * never becomes a list of account numbers. An unsalted hash of the whole number would not help: a
 * 10-digit number is found from its hash by trying them all.
 */
function auditedAccount(account: Account) {
  return { bankName: account.bankName, accountNumber: maskAccountNumber(account.accountNumber), accountHolder: account.accountHolder };
}

export async function getTppBankAccount(executor: Executor, ctx: RequestContext, employeeId: string) {
  await findManagedEmployee(executor, ctx, employeeId);
  const [row] = await executor.select().from(tppBankAccounts).where(isCurrent(employeeId));
  if (!row) throw notFound('Rekening bank pegawai');
  return { employeeId, bankName: row.bankName, accountNumber: row.accountNumber, accountHolder: row.accountHolder, updatedAt: row.updatedAt.toISOString() };
}

/**
 * Where TPP is transferred: admin BKPSDM, or the admin OPD of the employee's unit. A change ends the
 * current version and starts a new one (never overwritten: a closed month's recap keeps its account).
 */
export async function setTppBankAccount(executor: Executor, ctx: RequestContext, employeeId: string, input: z.output<typeof tppBankAccountBody>): Promise<void> {
  const employee = await findManagedEmployee(executor, ctx, employeeId);
  const now = ctx.clock.now();
  const userId = ctx.actor?.userId ?? null;
  const before = await findCurrentAccount(executor, employeeId);
  if (before) await executor.update(tppBankAccounts).set({ endedAt: now, endedByUserId: userId }).where(eq(tppBankAccounts.id, before.id));
  await executor.insert(tppBankAccounts).values({ employeeId, ...input, updatedByUserId: userId, updatedAt: now, activeFrom: now });
  await recordAudit(executor, ctx, {
    action: before ? 'update' : 'create',
    entityType: 'tpp_bank_account',
    entityId: employeeId,
    before: before ? auditedAccount(before) : undefined,
    after: auditedAccount(input),
    scopeUnitId: employee.unitId,
  });
}

/**
 * Removes an employee's payroll account (closed, or recorded on the wrong person): the version is
 * ended, not deleted, so the recaps of months closed while it was in force still show it.
 */
export async function deactivateTppBankAccount(executor: Executor, ctx: RequestContext, employeeId: string): Promise<void> {
  const employee = await findManagedEmployee(executor, ctx, employeeId);
  const current = await findCurrentAccount(executor, employeeId);
  if (!current) throw notFound('Rekening bank pegawai');
  await executor
    .update(tppBankAccounts)
    .set({ endedAt: ctx.clock.now(), endedByUserId: ctx.actor?.userId ?? null })
    .where(eq(tppBankAccounts.id, current.id));
  await recordAudit(executor, ctx, { action: 'delete', entityType: 'tpp_bank_account', entityId: employeeId, before: auditedAccount(current), scopeUnitId: employee.unitId });
}

/**
 * The accounts a month's payroll recap pays into: for an open month the current ones; for a closed
 * month those in force at its closing (started before, ended after), so exporting it again later
 * gives the same recap whatever was changed or removed since.
 */
export async function loadPayrollBankAccounts(executor: Executor, employeeIds: readonly string[], period: string): Promise<Map<string, Account>> {
  if (employeeIds.length === 0) return new Map();
  const [closure] = await executor.select({ closedAt: periodClosures.closedAt }).from(periodClosures).where(eq(periodClosures.period, period));
  const inForce = closure
    ? and(or(isNull(tppBankAccounts.activeFrom), lte(tppBankAccounts.activeFrom, closure.closedAt)), or(isNull(tppBankAccounts.endedAt), gt(tppBankAccounts.endedAt, closure.closedAt)))
    : isNull(tppBankAccounts.endedAt);
  const rows = await executor.select().from(tppBankAccounts).where(and(inArray(tppBankAccounts.employeeId, [...employeeIds]), inForce));
  return new Map(rows.map((row) => [row.employeeId, { bankName: row.bankName, accountNumber: row.accountNumber, accountHolder: row.accountHolder }]));
}
