import { and, eq, gte, isNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createEmployeeRequest, updateEmployeeRequest } from '../../../contracts/org';
import { normalizeGolongan, type Golongan } from '../../../domain/org/golongan';
import { parseNip } from '../../../domain/org/nip';
import type { Executor } from '../../db/client';
import { assignments, employees, positions, superiorOverrides } from '../../db/schema';
import { regionToday, type RequestContext } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { conflict, invalid, notFound } from '../../platform/errors';
import { isUniqueViolation } from './db-errors';
import { findEmployeeByNip, findEmployeeRow, type EmployeeRow } from './employees.repository';
import { assertCanWriteInUnit } from './org-scope';
import { findUnitRow } from './units.repository';

type CreateEmployeeInput = z.infer<typeof createEmployeeRequest>;
type UpdateEmployeeInput = z.infer<typeof updateEmployeeRequest>;

const snapshotEmployee = (row: EmployeeRow) => ({
  nip: row.nip,
  jenisAsn: row.jenisAsn,
  name: row.name,
  gelarDepan: row.gelarDepan,
  gelarBelakang: row.gelarBelakang,
  birthDate: row.birthDate,
  gender: row.gender,
  golongan: row.golongan,
  status: row.status,
  unitId: row.unitId,
  email: row.email,
  phone: row.phone,
  isActive: row.isActive,
});

const duplicateNip = (nip: string) => conflict(`NIP ${nip} sudah terdaftar`, { field: 'nip' });

/** Canonical golongan ("iii/a" → "III/a"), or a validation error naming the jenis ASN. */
function checkGolongan(jenisAsn: Golongan['jenisAsn'], raw: string | null | undefined): string | null | undefined {
  if (raw === undefined) return undefined;
  if (raw === null || raw === '') return null;
  const golongan = normalizeGolongan(jenisAsn, raw);
  if (!golongan) throw invalid(`Golongan ${raw} tidak dikenal untuk ${jenisAsn}`, { field: 'golongan' });
  return golongan;
}

async function assertUsableUnit(executor: Executor, unitId: string) {
  const unit = await findUnitRow(executor, unitId);
  if (!unit) throw invalid('Unit tidak ditemukan', { field: 'unitId' });
  if (!unit.isActive) throw invalid(`Unit ${unit.name} sudah nonaktif`, { field: 'unitId' });
}

/** Registers an employee; birth date and gender come from the NIP, never from separate input. */
export async function createEmployee(executor: Executor, ctx: RequestContext, input: CreateEmployeeInput): Promise<{ id: string }> {
  assertCanWriteInUnit(ctx, input.unitId);
  const parsed = parseNip(input.nip, input.jenisAsn);
  if (!parsed.isValid) {
    throw invalid(parsed.errors.join('; '), parsed.errors.map((message) => ({ field: 'nip', message })));
  }
  const golongan = checkGolongan(input.jenisAsn, input.golongan) ?? null;
  if (input.unitId) await assertUsableUnit(executor, input.unitId);
  if (await findEmployeeByNip(executor, parsed.nip)) throw duplicateNip(parsed.nip);
  const now = ctx.clock.now();
  const [created] = await executor
    .insert(employees)
    .values({
      nip: parsed.nip,
      jenisAsn: input.jenisAsn,
      name: input.name,
      gelarDepan: input.gelarDepan || null,
      gelarBelakang: input.gelarBelakang || null,
      birthDate: parsed.birthDate,
      gender: parsed.gender,
      golongan,
      status: input.status,
      unitId: input.unitId,
      email: input.email ?? null,
      phone: input.phone || null,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? duplicateNip(parsed.nip) : error;
    });
  if (!created) throw new Error('insert returned nothing');
  await recordAudit(executor, ctx, { action: 'create', entityType: 'employee', entityId: created.id, after: snapshotEmployee(created), scopeUnitId: created.unitId });
  return { id: created.id };
}

/** Changes the personal data; NIP and jenis ASN are identity and stay fixed. */
export async function updateEmployee(executor: Executor, ctx: RequestContext, id: string, input: UpdateEmployeeInput): Promise<{ id: string }> {
  const before = await findEmployeeRow(executor, id, { lock: true });
  if (!before) throw notFound('Pegawai');
  assertCanWriteInUnit(ctx, before.unitId);
  if (input.unitId !== undefined && input.unitId !== before.unitId) {
    // Moving someone out of an OPD admin's subtree (or out of every unit) is BKPSDM's call.
    assertCanWriteInUnit(ctx, input.unitId);
    if (input.unitId !== null) await assertUsableUnit(executor, input.unitId);
  }
  const optional = (value: string | null | undefined) => (value === undefined ? undefined : value || null);
  const [after] = await executor
    .update(employees)
    .set({
      name: input.name,
      gelarDepan: optional(input.gelarDepan),
      gelarBelakang: optional(input.gelarBelakang),
      golongan: checkGolongan(before.jenisAsn, input.golongan),
      status: input.status,
      unitId: input.unitId,
      email: input.email,
      phone: optional(input.phone),
      updatedAt: ctx.clock.now(),
    })
    .where(eq(employees.id, id))
    .returning();
  if (!after) throw notFound('Pegawai');
  await recordAudit(executor, ctx, {
    action: 'update',
    entityType: 'employee',
    entityId: id,
    before: snapshotEmployee(before),
    after: snapshotEmployee(after),
    scopeUnitId: after.unitId,
  });
  return { id };
}

/**
 * Deactivate, never delete: the record stays for history and the account can no longer sign in.
 * Positions and overrides naming the employee must be ended first, so routing never lands on
 * someone who is gone.
 */
export async function setEmployeeActive(executor: Executor, ctx: RequestContext, id: string, isActive: boolean): Promise<{ id: string }> {
  const before = await findEmployeeRow(executor, id, { lock: true });
  if (!before) throw notFound('Pegawai');
  assertCanWriteInUnit(ctx, before.unitId);
  if (before.isActive === isActive) return { id };
  if (!isActive) {
    const today = regionToday(ctx);
    const [held] = await executor
      .select({ name: positions.name })
      .from(assignments)
      .innerJoin(positions, eq(positions.id, assignments.positionId))
      .where(and(eq(assignments.employeeId, id), or(isNull(assignments.endDate), gte(assignments.endDate, today))));
    if (held) throw conflict(`Pegawai masih memegang jabatan ${held.name}; akhiri dulu penugasannya`);
    const [named] = await executor
      .select({ id: superiorOverrides.id })
      .from(superiorOverrides)
      .where(and(eq(superiorOverrides.superiorEmployeeId, id), sql`(${superiorOverrides.endDate} is null or ${superiorOverrides.endDate} >= ${today}::date)`));
    if (named) throw conflict('Pegawai masih ditunjuk sebagai atasan pada pengalihan atasan yang berlaku; akhiri dulu pengalihannya');
  } else if (before.unitId) {
    const unit = await findUnitRow(executor, before.unitId);
    if (unit && !unit.isActive) throw conflict(`Unit ${unit.name} masih nonaktif; aktifkan unit dulu`);
  }
  const [after] = await executor.update(employees).set({ isActive, updatedAt: ctx.clock.now() }).where(eq(employees.id, id)).returning();
  if (!after) throw notFound('Pegawai');
  await recordAudit(executor, ctx, {
    action: isActive ? 'activate' : 'deactivate',
    entityType: 'employee',
    entityId: id,
    before: snapshotEmployee(before),
    after: snapshotEmployee(after),
    scopeUnitId: after.unitId,
  });
  return { id };
}
