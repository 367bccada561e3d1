import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import type { PayDataRecordView } from '../../../../contracts/tpp-pay-data';
import { sumBpjsIncome } from '../../../../domain/tpp/pay-data';
import type { Executor } from '../../../db/client';
import { employeePayData } from '../../../db/schema';

export type PayDataRow = typeof employeePayData.$inferSelect;

export const toPayDataView = (row: PayDataRow): PayDataRecordView => ({
  id: row.id,
  employeeId: row.employeeId,
  effectiveFrom: row.effectiveFrom,
  isCpns: row.isCpns,
  baseSalary: row.baseSalary,
  familyAllowance: row.familyAllowance,
  positionAllowance: row.positionAllowance,
  professionAllowance: row.professionAllowance,
  bpjsIncome: sumBpjsIncome(row),
  decreeNumber: row.decreeNumber,
  note: row.note,
  updatedAt: row.updatedAt.toISOString(),
});

export async function findPayDataRow(executor: Executor, id: string, options: { lock?: boolean } = {}): Promise<PayDataRow | null> {
  const query = executor.select().from(employeePayData).where(eq(employeePayData.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function findPayDataRowByDate(executor: Executor, employeeId: string, effectiveFrom: string): Promise<PayDataRow | null> {
  const [row] = await executor
    .select()
    .from(employeePayData)
    .where(and(eq(employeePayData.employeeId, employeeId), eq(employeePayData.effectiveFrom, effectiveFrom)));
  return row ?? null;
}

export async function findPayDataHistory(executor: Executor, employeeId: string): Promise<PayDataRow[]> {
  return executor.select().from(employeePayData).where(eq(employeePayData.employeeId, employeeId)).orderBy(desc(employeePayData.effectiveFrom));
}

/** Every row of these employees that starts on or before `upTo`, oldest first: one statement for a batch. */
export async function findPayDataRows(executor: Executor, employeeIds: readonly string[], upTo: string): Promise<Map<string, PayDataRow[]>> {
  const result = new Map<string, PayDataRow[]>();
  if (employeeIds.length === 0) return result;
  const rows = await executor
    .select()
    .from(employeePayData)
    // One array parameter, not one per employee: the TPP run asks for a thousand at a time.
    .where(and(sql`${employeePayData.employeeId} = any(${`{${employeeIds.join(',')}}`}::uuid[])`, lte(employeePayData.effectiveFrom, upTo)))
    .orderBy(asc(employeePayData.effectiveFrom));
  for (const row of rows) {
    const list = result.get(row.employeeId);
    if (list) list.push(row);
    else result.set(row.employeeId, [row]);
  }
  return result;
}
