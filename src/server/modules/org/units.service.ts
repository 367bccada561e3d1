import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createUnitRequest, unitQuery, updateUnitRequest } from '../../../contracts/org';
import { wouldCreateCycle } from '../../../domain/org/hierarchy';
import type { Executor } from '../../db/client';
import { units } from '../../db/schema';
import type { RequestContext } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { conflict, invalid, notFound } from '../../platform/errors';
import { isUniqueViolation } from './db-errors';
import { assertCanWriteInUnit, isUnitInScope, unitScopeOf } from './org-scope';
import { findUnitParentChain } from './unit-tree.repository';
import {
  countActiveDependants,
  findAllUnitViews,
  findUnitByCode,
  findUnitPage,
  findUnitRow,
  findUnitView,
  type UnitRow,
  type UnitView,
} from './units.repository';

type CreateUnitInput = z.infer<typeof createUnitRequest>;
type UpdateUnitInput = z.infer<typeof updateUnitRequest>;

const snapshotUnit = (row: UnitRow) => ({
  code: row.code,
  siasnCode: row.siasnCode,
  name: row.name,
  kind: row.kind,
  parentId: row.parentId,
  timeZone: row.timeZone,
  isActive: row.isActive,
});

async function assertCodeFree(executor: Executor, code: string, exceptId: string | null) {
  const existing = await findUnitByCode(executor, code);
  if (existing && existing.id !== exceptId) throw conflict(`Kode unit ${code} sudah dipakai oleh ${existing.name}`, { field: 'code' });
}

async function assertUsableParent(executor: Executor, parentId: string) {
  const parent = await findUnitRow(executor, parentId);
  if (!parent) throw invalid('Unit induk tidak ditemukan', { field: 'parentId' });
  if (!parent.isActive) throw invalid(`Unit induk ${parent.name} sudah nonaktif`, { field: 'parentId' });
}

const duplicateCode = (code: string) => conflict(`Kode unit ${code} sudah dipakai`, { field: 'code' });

export async function createUnit(executor: Executor, ctx: RequestContext, input: CreateUnitInput): Promise<{ id: string }> {
  // An admin OPD works below their own units; new top-level units (OPD) are BKPSDM's.
  assertCanWriteInUnit(ctx, input.parentId);
  await assertCodeFree(executor, input.code, null);
  if (input.parentId) await assertUsableParent(executor, input.parentId);
  const now = ctx.clock.now();
  const [created] = await executor
    .insert(units)
    .values({
      code: input.code,
      siasnCode: input.siasnCode ?? null,
      name: input.name,
      kind: input.kind,
      parentId: input.parentId,
      timeZone: input.timeZone,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? duplicateCode(input.code) : error;
    });
  if (!created) throw new Error('insert returned nothing');
  await recordAudit(executor, ctx, { action: 'create', entityType: 'unit', entityId: created.id, after: snapshotUnit(created), scopeUnitId: created.id });
  return { id: created.id };
}

export async function updateUnit(executor: Executor, ctx: RequestContext, id: string, input: UpdateUnitInput): Promise<{ id: string }> {
  const before = await findUnitRow(executor, id, { lock: true });
  if (!before) throw notFound('Unit');
  assertCanWriteInUnit(ctx, before.id);
  if (input.code !== undefined && input.code !== before.code) await assertCodeFree(executor, input.code, id);
  if (input.parentId !== undefined && input.parentId !== before.parentId) {
    // Moving a unit (or making it top-level) must keep it inside the admin's own subtrees.
    assertCanWriteInUnit(ctx, input.parentId);
    if (input.parentId !== null) {
      await assertUsableParent(executor, input.parentId);
      const chain = await findUnitParentChain(executor, input.parentId);
      const parentOf = new Map(chain.map((row) => [row.id, row.parentId]));
      if (wouldCreateCycle(parentOf, id, input.parentId)) {
        throw invalid('Unit induk tidak boleh unit itu sendiri atau salah satu sub-unitnya (membentuk lingkaran)', { field: 'parentId' });
      }
    }
  }
  const [after] = await executor
    .update(units)
    .set({
      code: input.code,
      siasnCode: input.siasnCode,
      name: input.name,
      kind: input.kind,
      parentId: input.parentId,
      timeZone: input.timeZone,
      updatedAt: ctx.clock.now(),
    })
    .where(eq(units.id, id))
    .returning()
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? duplicateCode(input.code ?? before.code) : error;
    });
  if (!after) throw notFound('Unit');
  await recordAudit(executor, ctx, { action: 'update', entityType: 'unit', entityId: id, before: snapshotUnit(before), after: snapshotUnit(after), scopeUnitId: id });
  return { id };
}

/** Deactivate, never delete: history (assignments, evaluations) keeps pointing at the unit. */
export async function setUnitActive(executor: Executor, ctx: RequestContext, id: string, isActive: boolean): Promise<{ id: string }> {
  const before = await findUnitRow(executor, id, { lock: true });
  if (!before) throw notFound('Unit');
  assertCanWriteInUnit(ctx, before.id);
  if (before.isActive === isActive) return { id };
  if (!isActive) {
    const dependants = await countActiveDependants(executor, id);
    if (dependants.units + dependants.positions + dependants.employees > 0) {
      throw conflict(
        `Unit ${before.name} masih memiliki ${dependants.units} sub-unit aktif, ${dependants.positions} jabatan aktif dan ${dependants.employees} pegawai aktif; pindahkan atau nonaktifkan dulu`,
        dependants,
      );
    }
  } else if (before.parentId) {
    const parent = await findUnitRow(executor, before.parentId);
    if (parent && !parent.isActive) throw conflict(`Unit induk ${parent.name} masih nonaktif; aktifkan unit induk dulu`);
  }
  const [after] = await executor.update(units).set({ isActive, updatedAt: ctx.clock.now() }).where(eq(units.id, id)).returning();
  if (!after) throw notFound('Unit');
  await recordAudit(executor, ctx, {
    action: isActive ? 'activate' : 'deactivate',
    entityType: 'unit',
    entityId: id,
    before: snapshotUnit(before),
    after: snapshotUnit(after),
    scopeUnitId: id,
  });
  return { id };
}

/** One unit; outside the caller's scope it does not exist (404), so existence is not revealed. */
export async function getUnit(executor: Executor, ctx: RequestContext, id: string): Promise<UnitView> {
  const view = await findUnitView(executor, id);
  if (!view || !isUnitInScope(unitScopeOf(ctx), view.id)) throw notFound('Unit');
  return view;
}

export async function listUnits(executor: Executor, ctx: RequestContext, query: z.infer<typeof unitQuery>) {
  const scope = unitScopeOf(ctx);
  return findUnitPage(executor, query, scope.isAll ? null : scope.unitIds);
}

/**
 * Every unit, active or not, for tree pickers. Unit names and codes are public organisation
 * facts (they appear on letters and websites), so every signed-in user may read the tree.
 */
export async function listUnitTree(executor: Executor): Promise<{ items: UnitView[] }> {
  return { items: await findAllUnitViews(executor) };
}
