import { and, asc, eq, inArray } from 'drizzle-orm';
import { isStructuralPosition } from '../../../domain/org/assignments';
import type { Executor } from '../../db/client';
import { positions, skpEvaluations, skpUnitPredikats, units } from '../../db/schema';

export type EvaluationRow = typeof skpEvaluations.$inferSelect;
export type UnitPredikatRow = typeof skpUnitPredikats.$inferSelect;

export async function findEvaluationRow(executor: Executor, skpId: string, periodKey: string, options: { lock?: boolean } = {}): Promise<EvaluationRow | null> {
  const query = executor.select().from(skpEvaluations).where(and(eq(skpEvaluations.skpId, skpId), eq(skpEvaluations.periodKey, periodKey)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function findEvaluationRows(executor: Executor, skpIds: string[], periodKey?: string): Promise<EvaluationRow[]> {
  if (skpIds.length === 0) return [];
  const where = periodKey ? and(inArray(skpEvaluations.skpId, skpIds), eq(skpEvaluations.periodKey, periodKey)) : inArray(skpEvaluations.skpId, skpIds);
  return executor.select().from(skpEvaluations).where(where).orderBy(asc(skpEvaluations.periodKey));
}

export async function upsertEvaluation(executor: Executor, values: typeof skpEvaluations.$inferInsert): Promise<EvaluationRow> {
  const { skpId: _skpId, periodKey: _periodKey, createdAt: _createdAt, ...changes } = values;
  const [row] = await executor
    .insert(skpEvaluations)
    .values(values)
    .onConflictDoUpdate({ target: [skpEvaluations.skpId, skpEvaluations.periodKey], set: changes })
    .returning();
  if (!row) throw new Error('upsert evaluation returned nothing');
  return row;
}

export async function insertEvaluation(executor: Executor, values: typeof skpEvaluations.$inferInsert): Promise<EvaluationRow> {
  const [row] = await executor.insert(skpEvaluations).values(values).returning();
  if (!row) throw new Error('insert evaluation returned nothing');
  return row;
}

export async function updateEvaluation(executor: Executor, id: string, values: Partial<typeof skpEvaluations.$inferInsert>): Promise<EvaluationRow> {
  const [row] = await executor.update(skpEvaluations).set(values).where(eq(skpEvaluations.id, id)).returning();
  if (!row) throw new Error('update evaluation returned nothing');
  return row;
}

export async function findUnitPredikatRow(executor: Executor, unitId: string, periodKey: string, options: { lock?: boolean } = {}): Promise<UnitPredikatRow | null> {
  const query = executor.select().from(skpUnitPredikats).where(and(eq(skpUnitPredikats.unitId, unitId), eq(skpUnitPredikats.periodKey, periodKey)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function findUnitPredikatRows(executor: Executor, unitIds: string[], periodKey: string): Promise<UnitPredikatRow[]> {
  if (unitIds.length === 0) return [];
  return executor.select().from(skpUnitPredikats).where(and(inArray(skpUnitPredikats.unitId, unitIds), eq(skpUnitPredikats.periodKey, periodKey)));
}

export async function findUnitPredikatsOfUnit(executor: Executor, unitId: string): Promise<UnitPredikatRow[]> {
  return executor.select().from(skpUnitPredikats).where(eq(skpUnitPredikats.unitId, unitId)).orderBy(asc(skpUnitPredikats.periodKey));
}

export async function upsertUnitPredikat(executor: Executor, values: typeof skpUnitPredikats.$inferInsert): Promise<UnitPredikatRow> {
  const [row] = await executor
    .insert(skpUnitPredikats)
    .values(values)
    .onConflictDoUpdate({
      target: [skpUnitPredikats.unitId, skpUnitPredikats.periodKey],
      set: {
        predikat: values.predikat,
        note: values.note,
        setByEmployeeId: values.setByEmployeeId,
        setByUserId: values.setByUserId,
        setOnBehalfOf: values.setOnBehalfOf ?? null,
        onBehalfReason: values.onBehalfReason ?? null,
        updatedAt: values.updatedAt,
      },
    })
    .returning();
  if (!row) throw new Error('upsert unit predikat returned nothing');
  return row;
}

/** The active unit-head position of a unit (at most one: the org module enforces it). */
export async function findUnitHeadPosition(executor: Executor, unitId: string) {
  const [row] = await executor
    .select({ id: positions.id, name: positions.name })
    .from(positions)
    .where(and(eq(positions.unitId, unitId), eq(positions.isUnitHead, true), eq(positions.isActive, true)));
  return row ?? null;
}

export async function isUnitHeadPosition(executor: Executor, positionId: string | null, unitId: string | null): Promise<boolean> {
  if (!positionId || !unitId) return false;
  const [row] = await executor.select({ isUnitHead: positions.isUnitHead, unitId: positions.unitId }).from(positions).where(eq(positions.id, positionId));
  return row !== undefined && row.isUnitHead && row.unitId === unitId;
}

/** Structural positions (JPT, administrator, pengawas, unit heads) score kepemimpinan under PP 46/2011. */
export async function isStructuralSkpPosition(executor: Executor, positionId: string | null): Promise<boolean> {
  if (!positionId) return false;
  const [row] = await executor.select({ jenis: positions.jenis, isUnitHead: positions.isUnitHead }).from(positions).where(eq(positions.id, positionId));
  return row !== undefined && isStructuralPosition(row);
}

export async function findUnitNames(executor: Executor, ids: string[]): Promise<Map<string, { name: string; code: string; timeZone: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await executor.select({ id: units.id, name: units.name, code: units.code, timeZone: units.timeZone }).from(units).where(inArray(units.id, ids));
  return new Map(rows.map((row) => [row.id, row]));
}
