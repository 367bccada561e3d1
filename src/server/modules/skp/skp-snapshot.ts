import { eq } from 'drizzle-orm';
import { formatFullName } from '../../../domain/org/names';
import { isJptJenis } from '../../../domain/skp/vocabulary';
import type { Executor } from '../../db/client';
import { positions, units } from '../../db/schema';
import { findPositionRefsOnDate } from '../org/assignments.repository';
import { findEmployeeRow } from '../org/employees.repository';
import { conflict, notFound } from '../../platform/errors';
import { assessorColumns, assessorSuperiorColumns, resolveSkpAssessors } from './skp-assessor';

/**
 * Who is assessed and by whom, as of `date`: the employee's name, NIP, unit and primary position,
 * the pejabat penilai (the superior of record, else BKPSDM's designation: skp-assessor.ts) and the
 * atasan pejabat penilai found the same way. Stored on the SKP so that later moves do not rewrite
 * a signed plan.
 */
export async function takeSkpSnapshot(executor: Executor, employeeId: string, date: string) {
  const employee = await findEmployeeRow(executor, employeeId);
  if (!employee) throw notFound('Pegawai');
  if (!employee.isActive) throw conflict('Pegawai ini tidak aktif');
  const [primary] = await findPositionRefsOnDate(executor, [employeeId], date);
  const [position] = primary ? await executor.select({ jenis: positions.jenis }).from(positions).where(eq(positions.id, primary.positionId)) : [];
  const [unit] = employee.unitId ? await executor.select({ name: units.name }).from(units).where(eq(units.id, employee.unitId)) : [];
  const { assessor, assessorSuperior } = await resolveSkpAssessors(executor, employeeId, date);
  return {
    employeeName: formatFullName(employee),
    employeeNip: employee.nip,
    unitId: employee.unitId,
    unitName: unit?.name ?? null,
    positionId: primary?.positionId ?? null,
    positionName: primary?.positionName ?? null,
    isJpt: position ? isJptJenis(position.jenis) : false,
    ...assessorColumns(assessor),
    ...assessorSuperiorColumns(assessorSuperior),
  };
}

/** The day whose organisation is snapshotted: today, kept inside the SKP's span. */
export function snapshotDate(today: string, span: { startDate: string; endDate: string }): string {
  if (today < span.startDate) return span.startDate;
  if (today > span.endDate) return span.endDate;
  return today;
}
