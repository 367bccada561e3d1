import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { employees, positions, units } from '../../db/schema';

/** Lookups by natural key for imports and the CLI; null when absent. No authorisation. */
export async function findUnitIdByCode(executor: Executor, code: string): Promise<string | null> {
  const [row] = await executor.select({ id: units.id }).from(units).where(eq(units.code, code));
  return row?.id ?? null;
}

export async function findPositionIdByCode(executor: Executor, code: string): Promise<string | null> {
  const [row] = await executor.select({ id: positions.id }).from(positions).where(eq(positions.code, code));
  return row?.id ?? null;
}

export async function findEmployeeIdByNip(executor: Executor, nip: string): Promise<string | null> {
  const [row] = await executor.select({ id: employees.id }).from(employees).where(eq(employees.nip, nip.trim()));
  return row?.id ?? null;
}
