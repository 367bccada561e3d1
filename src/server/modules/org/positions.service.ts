import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { createPositionRequest, positionQuery, updatePositionRequest } from '../../../contracts/org';
import { wouldCreateCycle } from '../../../domain/org/hierarchy';
import type { Executor } from '../../db/client';
import { positions } from '../../db/schema';
import { canManageUnit, hasRole, regionToday, type RequestContext } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors';
import { isUniqueViolation } from './db-errors';
import { assertCanWriteInUnit, isUnitInScope, unitScopeOf } from './org-scope';
import {
  countPositionDependants,
  findPositionByCode,
  findPositionPage,
  findPositionRow,
  findPositionSuperiorChain,
  findPositionView,
  type PositionRow,
  type PositionView,
} from './positions.repository';
import { findUnitRow } from './units.repository';

type CreatePositionInput = z.infer<typeof createPositionRequest>;
type UpdatePositionInput = z.infer<typeof updatePositionRequest>;

const snapshotPosition = (row: PositionRow) => ({
  code: row.code,
  name: row.name,
  jenis: row.jenis,
  kelasJabatan: row.kelasJabatan,
  unitId: row.unitId,
  superiorPositionId: row.superiorPositionId,
  isUnitHead: row.isUnitHead,
  isActive: row.isActive,
});

const duplicateCode = (code: string) => conflict(`Kode jabatan ${code} sudah dipakai`, { field: 'code' });

async function assertCodeFree(executor: Executor, code: string, exceptId: string | null) {
  const existing = await findPositionByCode(executor, code);
  if (existing && existing.id !== exceptId) throw conflict(`Kode jabatan ${code} sudah dipakai oleh ${existing.name}`, { field: 'code' });
}

async function assertUsableUnit(executor: Executor, ctx: RequestContext, unitId: string) {
  assertCanWriteInUnit(ctx, unitId);
  const unit = await findUnitRow(executor, unitId);
  if (!unit) throw invalid('Unit tidak ditemukan', { field: 'unitId' });
  if (!unit.isActive) throw invalid(`Unit ${unit.name} sudah nonaktif`, { field: 'unitId' });
}

/** A superior outside an admin OPD's subtree (or none) ties their units to the rest of the regency: BKPSDM's call. */
async function assertUsableSuperior(executor: Executor, ctx: RequestContext, positionId: string | null, superiorPositionId: string | null) {
  if (superiorPositionId === null) {
    if (ctx.actor && !hasRole(ctx.actor, 'admin_bkpsdm')) throw forbidden('Hanya admin BKPSDM yang dapat membuat jabatan tanpa atasan');
    return;
  }
  const superior = await findPositionRow(executor, superiorPositionId);
  if (!superior) throw invalid('Jabatan atasan tidak ditemukan', { field: 'superiorPositionId' });
  if (ctx.actor && !canManageUnit(ctx.actor, superior.unitId)) {
    throw forbidden('Jabatan atasan di luar unit kewenangan Anda hanya dapat diatur oleh admin BKPSDM');
  }
  if (!superior.isActive) throw invalid(`Jabatan atasan ${superior.name} sudah nonaktif`, { field: 'superiorPositionId' });
  if (positionId === null) return;
  const chain = await findPositionSuperiorChain(executor, [superiorPositionId]);
  const superiorOf = new Map(chain.map((row) => [row.id, row.superiorPositionId]));
  if (wouldCreateCycle(superiorOf, positionId, superiorPositionId)) {
    throw invalid('Atasan jabatan tidak boleh jabatan itu sendiri atau jabatan di bawahnya (membentuk lingkaran)', { field: 'superiorPositionId' });
  }
}

/** A unit has one head position (the seat whose holder leads it). */
async function assertSingleUnitHead(executor: Executor, unitId: string, exceptId: string | null) {
  const filters = [eq(positions.unitId, unitId), eq(positions.isUnitHead, true), eq(positions.isActive, true)];
  if (exceptId) filters.push(ne(positions.id, exceptId));
  const [existing] = await executor.select({ name: positions.name }).from(positions).where(and(...filters));
  if (existing) throw conflict(`Unit ini sudah memiliki jabatan kepala unit: ${existing.name}`, { field: 'isUnitHead' });
}

export async function createPosition(executor: Executor, ctx: RequestContext, input: CreatePositionInput): Promise<{ id: string }> {
  await assertUsableUnit(executor, ctx, input.unitId);
  await assertCodeFree(executor, input.code, null);
  await assertUsableSuperior(executor, ctx, null, input.superiorPositionId);
  if (input.isUnitHead) await assertSingleUnitHead(executor, input.unitId, null);
  const now = ctx.clock.now();
  const [created] = await executor
    .insert(positions)
    .values({
      code: input.code,
      name: input.name,
      jenis: input.jenis,
      kelasJabatan: input.kelasJabatan,
      unitId: input.unitId,
      superiorPositionId: input.superiorPositionId,
      isUnitHead: input.isUnitHead,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? duplicateCode(input.code) : error;
    });
  if (!created) throw new Error('insert returned nothing');
  await recordAudit(executor, ctx, { action: 'create', entityType: 'position', entityId: created.id, after: snapshotPosition(created), scopeUnitId: created.unitId });
  return { id: created.id };
}

export async function updatePosition(executor: Executor, ctx: RequestContext, id: string, input: UpdatePositionInput): Promise<{ id: string }> {
  const before = await findPositionRow(executor, id, { lock: true });
  if (!before) throw notFound('Jabatan');
  assertCanWriteInUnit(ctx, before.unitId);
  const unitId = input.unitId ?? before.unitId;
  if (unitId !== before.unitId) await assertUsableUnit(executor, ctx, unitId);
  if (input.code !== undefined && input.code !== before.code) await assertCodeFree(executor, input.code, id);
  if (input.superiorPositionId !== undefined && input.superiorPositionId !== before.superiorPositionId) {
    await assertUsableSuperior(executor, ctx, id, input.superiorPositionId);
  }
  const isUnitHead = input.isUnitHead ?? before.isUnitHead;
  if (isUnitHead && before.isActive && (!before.isUnitHead || unitId !== before.unitId)) await assertSingleUnitHead(executor, unitId, id);
  const [after] = await executor
    .update(positions)
    .set({
      code: input.code,
      name: input.name,
      jenis: input.jenis,
      kelasJabatan: input.kelasJabatan,
      unitId: input.unitId,
      superiorPositionId: input.superiorPositionId,
      isUnitHead: input.isUnitHead,
      updatedAt: ctx.clock.now(),
    })
    .where(eq(positions.id, id))
    .returning()
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? duplicateCode(input.code ?? before.code) : error;
    });
  if (!after) throw notFound('Jabatan');
  await recordAudit(executor, ctx, {
    action: 'update',
    entityType: 'position',
    entityId: id,
    before: snapshotPosition(before),
    after: snapshotPosition(after),
    scopeUnitId: after.unitId,
  });
  return { id };
}

/** Deactivate, never delete: past assignments and evaluations keep their position. */
export async function setPositionActive(executor: Executor, ctx: RequestContext, id: string, isActive: boolean): Promise<{ id: string }> {
  const before = await findPositionRow(executor, id, { lock: true });
  if (!before) throw notFound('Jabatan');
  assertCanWriteInUnit(ctx, before.unitId);
  if (before.isActive === isActive) return { id };
  if (!isActive) {
    const dependants = await countPositionDependants(executor, id, regionToday(ctx));
    if (dependants.holders > 0) throw conflict(`Jabatan ${before.name} masih memiliki pemangku; akhiri dulu penugasannya`, dependants);
    if (dependants.subordinatePositions > 0) {
      throw conflict(`Jabatan ${before.name} masih menjadi atasan ${dependants.subordinatePositions} jabatan aktif; ubah dulu atasan jabatan tersebut`, dependants);
    }
  } else {
    const unit = await findUnitRow(executor, before.unitId);
    if (unit && !unit.isActive) throw conflict(`Unit ${unit.name} masih nonaktif; aktifkan unit dulu`);
    const superior = before.superiorPositionId ? await findPositionRow(executor, before.superiorPositionId) : null;
    if (superior && !superior.isActive) throw conflict(`Jabatan atasan ${superior.name} masih nonaktif; aktifkan atau ganti dulu`);
    if (before.isUnitHead) await assertSingleUnitHead(executor, before.unitId, id);
  }
  const [after] = await executor.update(positions).set({ isActive, updatedAt: ctx.clock.now() }).where(eq(positions.id, id)).returning();
  if (!after) throw notFound('Jabatan');
  await recordAudit(executor, ctx, {
    action: isActive ? 'activate' : 'deactivate',
    entityType: 'position',
    entityId: id,
    before: snapshotPosition(before),
    after: snapshotPosition(after),
    scopeUnitId: after.unitId,
  });
  return { id };
}

export async function getPosition(executor: Executor, ctx: RequestContext, id: string): Promise<PositionView> {
  const view = await findPositionView(executor, id, regionToday(ctx));
  if (!view || !isUnitInScope(unitScopeOf(ctx), view.unitId)) throw notFound('Jabatan');
  return view;
}

export async function listPositions(executor: Executor, ctx: RequestContext, query: z.infer<typeof positionQuery>) {
  const scope = unitScopeOf(ctx);
  return findPositionPage(executor, query, scope.isAll ? null : scope.unitIds, regionToday(ctx));
}
