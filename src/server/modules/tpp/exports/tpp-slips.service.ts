import { and, asc, eq, sql } from 'drizzle-orm';
import type { TppExplanationView } from '../../../../contracts/tpp';
import type { Executor } from '../../../db/client';
import { tppResults } from '../../../db/schema';
import type { RequestContext } from '../../../platform/actor';
import { invalid } from '../../../platform/errors';
import type { TppRuleSet } from '../../../../domain/tpp/rule-set';
import { isPeriodClosed } from '../../activities/shared/period-lock';
import { toExplanationView } from '../results/tpp-explanation.service';
import { findCorrectionsOfMany, findStoredRuleSets, storedTppMonth } from '../results/tpp-month.service';
import { resolveResultUnitIds, scopeCondition } from '../results/tpp-results.service';

/** One printed document stays printable: a large OPD is printed per bidang or puskesmas. */
export const MAX_SLIPS_PER_DOCUMENT = 1_000;

/**
 * The explanation of every employee with a current result of the month in a unit's subtree (within
 * the caller's scope, which the unit filter enforces), in the payroll recap's order: OPD, class
 * (highest first), name — the same explanation each one's own slip shows.
 */
export async function listSlipExplanations(executor: Executor, ctx: RequestContext, period: string, unitId: string): Promise<TppExplanationView[]> {
  const unitIds = await resolveResultUnitIds(executor, ctx, unitId);
  const where = and(eq(tppResults.period, period), eq(tppResults.isCurrent, true), scopeCondition(unitIds));
  const rows = await executor
    .select()
    .from(tppResults)
    .where(where)
    .orderBy(asc(tppResults.opdName), sql`${tppResults.kelasJabatan} desc`, asc(tppResults.employeeName), asc(tppResults.nip))
    .limit(MAX_SLIPS_PER_DOCUMENT + 1);
  if (rows.length === 0) throw invalid(`Belum ada hasil TPP bulan ${period} untuk unit ini; hitung bulan ini terlebih dahulu`);
  if (rows.length > MAX_SLIPS_PER_DOCUMENT) {
    throw invalid(`Unit ini memiliki lebih dari ${MAX_SLIPS_PER_DOCUMENT.toLocaleString('id-ID')} slip; cetak per bidang, UPT atau puskesmas`);
  }
  // The whole unit at once: the month's state, each rule set version once, the corrections in one query.
  const isClosed = await isPeriodClosed(executor, period);
  const ruleSets = await findStoredRuleSets(
    executor,
    rows.map((row) => row.ruleSetId),
  );
  const corrections = await findCorrectionsOfMany(executor, rows.map((row) => row.employeeId), period);
  return rows.map((row) => toExplanationView(row.employeeId, storedTppMonth(row, ruleSets.get(row.ruleSetId) as TppRuleSet, isClosed), corrections.get(row.employeeId) ?? []));
}
