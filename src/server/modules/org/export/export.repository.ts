import { asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../db/client';
import { employees, positions, units } from '../../../db/schema';

/** `scopeUnitIds` null = the whole regency; otherwise only rows in those units. */
const inScope = (column: typeof units.id | typeof positions.unitId | typeof employees.unitId, scopeUnitIds: string[] | null): SQL | undefined =>
  scopeUnitIds === null ? undefined : scopeUnitIds.length ? inArray(column, scopeUnitIds) : sql`false`;

const parentUnit = alias(units, 'parent_unit');
const superiorPosition = alias(positions, 'superior_position');

export async function findUnitsForExport(executor: Executor, scopeUnitIds: string[] | null) {
  return executor
    .select({
      code: units.code,
      name: units.name,
      kind: units.kind,
      parentCode: parentUnit.code,
      parentName: parentUnit.name,
      siasnCode: units.siasnCode,
      timeZone: units.timeZone,
      isActive: units.isActive,
    })
    .from(units)
    .leftJoin(parentUnit, eq(parentUnit.id, units.parentId))
    .where(inScope(units.id, scopeUnitIds))
    .orderBy(asc(units.code));
}

export async function findPositionsForExport(executor: Executor, scopeUnitIds: string[] | null) {
  return executor
    .select({
      code: positions.code,
      name: positions.name,
      jenis: positions.jenis,
      kelasJabatan: positions.kelasJabatan,
      unitCode: units.code,
      unitName: units.name,
      superiorCode: superiorPosition.code,
      superiorName: superiorPosition.name,
      isUnitHead: positions.isUnitHead,
      isActive: positions.isActive,
    })
    .from(positions)
    .innerJoin(units, eq(units.id, positions.unitId))
    .leftJoin(superiorPosition, eq(superiorPosition.id, positions.superiorPositionId))
    .where(inScope(positions.unitId, scopeUnitIds))
    .orderBy(asc(units.code), asc(positions.code));
}

export async function findEmployeesForExport(executor: Executor, scopeUnitIds: string[] | null) {
  return executor
    .select({
      id: employees.id,
      nip: employees.nip,
      jenisAsn: employees.jenisAsn,
      name: employees.name,
      gelarDepan: employees.gelarDepan,
      gelarBelakang: employees.gelarBelakang,
      golongan: employees.golongan,
      status: employees.status,
      unitCode: units.code,
      unitName: units.name,
      email: employees.email,
      phone: employees.phone,
      isActive: employees.isActive,
    })
    .from(employees)
    .leftJoin(units, eq(units.id, employees.unitId))
    .where(inScope(employees.unitId, scopeUnitIds))
    .orderBy(asc(units.code), asc(employees.name), asc(employees.nip));
}

export async function findPositionCodes(executor: Executor, ids: string[]): Promise<Map<string, { code: string; name: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: positions.id, code: positions.code, name: positions.name })
    .from(positions)
    .where(inArray(positions.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, { code: row.code, name: row.name }]));
}
