import { and, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { tppResultList, tppResultListQuery } from '../../../../contracts/tpp';
import { previousPeriod } from '../../../../domain/tpp/build-input';
import type { Executor } from '../../../db/client';
import { tppResults } from '../../../db/schema';
import type { RequestContext } from '../../../platform/actor';
import { notFound } from '../../../platform/errors';
import { isPeriodClosed } from '../../activities/shared/period-lock';
import { containsPattern } from '../../org/units.repository';
import { findAllUnits, findSubtreeIds } from '../runs/tpp-sources.repository';
import { readableTppUnitIds } from '../tpp-access';

type Query = z.output<typeof tppResultListQuery>;

/**
 * The unit ids whose results a list covers: the asked unit's subtree (which an admin OPD must be
 * allowed to read), else everything the caller may read (null = all).
 */
export async function resolveResultUnitIds(executor: Executor, ctx: RequestContext, unitId: string | undefined): Promise<string[] | null> {
  const readable = readableTppUnitIds(ctx);
  if (!unitId) return readable;
  if (readable !== null && !readable.includes(unitId)) throw notFound('Unit');
  const unitsById = await findAllUnits(executor);
  if (!unitsById.has(unitId)) throw notFound('Unit');
  const subtree = [...findSubtreeIds(unitsById, unitId)];
  return readable === null ? subtree : subtree.filter((id) => readable.includes(id));
}

export const scopeCondition = (unitIds: readonly string[] | null): SQL | undefined =>
  unitIds === null ? undefined : unitIds.length === 0 ? sql`false` : inArray(tppResults.unitId, [...unitIds]);

/** A month's current results in scope (optionally matching a name or NIP), with last month's net beside each: biggest changes first by default. */
export async function listTppResults(executor: Executor, ctx: RequestContext, query: Query): Promise<z.infer<typeof tppResultList>> {
  const unitIds = await resolveResultUnitIds(executor, ctx, query.unitId);
  const previous = alias(tppResults, 'previous');
  const search = query.q ? or(ilike(tppResults.employeeName, containsPattern(query.q)), ilike(tppResults.nip, containsPattern(query.q))) : undefined;
  const where = and(eq(tppResults.period, query.period), eq(tppResults.isCurrent, true), scopeCondition(unitIds), search);
  const change = sql<number | null>`(${tppResults.net} - ${previous.net})`;
  // Always down to the NIP, so that equal amounts or names come in the same order on every page load.
  const first = query.sort === 'name' ? sql`` : query.sort === 'net' ? sql`${tppResults.net} desc, ` : sql`abs(${tppResults.net} - ${previous.net}) desc nulls last, `;
  const order = sql`${first}${tppResults.employeeName} asc, ${tppResults.nip} asc`;
  const rows = await executor
    .select({
      resultId: tppResults.id,
      employeeId: tppResults.employeeId,
      nip: tppResults.nip,
      name: tppResults.employeeName,
      opdName: tppResults.opdName,
      positionName: tppResults.positionName,
      kelasJabatan: tppResults.kelasJabatan,
      golongan: tppResults.golongan,
      gross: tppResults.gross,
      deductionTotal: tppResults.deductionTotal,
      tpp: tppResults.tpp,
      pph21: tppResults.pph21,
      bpjsEmployee: tppResults.bpjsEmployee,
      net: tppResults.net,
      previousNet: previous.net,
      change,
    })
    .from(tppResults)
    .leftJoin(previous, and(eq(previous.employeeId, tppResults.employeeId), eq(previous.period, previousPeriod(query.period)), eq(previous.isCurrent, true)))
    .where(where)
    .orderBy(order)
    .limit(query.limit);
  const [totals] = await executor
    .select({
      total: sql<number>`count(*)::int`,
      gross: sql<string>`coalesce(sum(${tppResults.gross}), 0)`,
      deductionTotal: sql<string>`coalesce(sum(${tppResults.deductionTotal}), 0)`,
      net: sql<string>`coalesce(sum(${tppResults.net}), 0)`,
    })
    .from(tppResults)
    .where(where);
  const isFrozen = await isPeriodClosed(executor, query.period);
  return {
    period: query.period,
    total: totals?.total ?? 0,
    totals: { gross: Number(totals?.gross ?? 0), deductionTotal: Number(totals?.deductionTotal ?? 0), net: Number(totals?.net ?? 0) },
    items: rows.map((row) => ({ ...row, change: row.change === null ? null : Number(row.change), isFrozen })),
  };
}
