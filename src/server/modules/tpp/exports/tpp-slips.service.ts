import { and, asc, eq, sql } from 'drizzle-orm';
import type { TppExplanationView } from '../../../../contracts/tpp';
import type { Executor } from '../../../db/client';
import { tppResults } from '../../../db/schema';
import type { RequestContext } from '../../../platform/actor';
import { invalid } from '../../../platform/errors';
import { getTppExplanation } from '../results/tpp-explanation.service';
import { resolveResultUnitIds, scopeCondition } from '../results/tpp-results.service';

/** One printed document stays printable: a large OPD is printed per bidang or puskesmas. */
export const MAX_SLIPS_PER_DOCUMENT = 1_000;

/**
 * The explanation of every employee with a current result of the month in a unit's subtree (within
 * the caller's scope), in the payroll recap's order: OPD, class (highest first), name.
 */
export async function listSlipExplanations(executor: Executor, ctx: RequestContext, period: string, unitId: string): Promise<TppExplanationView[]> {
  const unitIds = await resolveResultUnitIds(executor, ctx, unitId);
  const where = and(eq(tppResults.period, period), eq(tppResults.isCurrent, true), scopeCondition(unitIds));
  const rows = await executor
    .select({ employeeId: tppResults.employeeId })
    .from(tppResults)
    .where(where)
    .orderBy(asc(tppResults.opdName), sql`${tppResults.kelasJabatan} desc`, asc(tppResults.employeeName), asc(tppResults.nip))
    .limit(MAX_SLIPS_PER_DOCUMENT + 1);
  if (rows.length === 0) throw invalid(`Belum ada hasil TPP bulan ${period} untuk unit ini; hitung bulan ini terlebih dahulu`);
  if (rows.length > MAX_SLIPS_PER_DOCUMENT) {
    throw invalid(`Unit ini memiliki lebih dari ${MAX_SLIPS_PER_DOCUMENT.toLocaleString('id-ID')} slip; cetak per bidang, UPT atau puskesmas`);
  }
  const explanations: TppExplanationView[] = [];
  for (const row of rows) explanations.push(await getTppExplanation(executor, ctx, row.employeeId, period));
  return explanations;
}
