import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { TppResult } from '../../../../domain/tpp/tpp-result';
import type { Executor } from '../../../db/client';
import { tppAdjustments, tppResults } from '../../../db/schema';
import type { RequestContext } from '../../../platform/actor';
import { isPeriodClosed } from '../../activities/shared/period-lock';
import { maskAccountNumber } from '../../../../contracts/tpp-records';
import { canSeeAccountNumber } from '../records/mask-account-number';
import { loadPayrollBankAccounts } from '../records/tpp-bank-accounts.service';
import { resolveResultUnitIds, scopeCondition } from '../results/tpp-results.service';
import { findStoredRuleSets } from '../results/tpp-month.service';
import { resolveStoredTppResult } from '../results/stored-tpp-result';
import type { TppRuleSet } from '../../../../domain/tpp/rule-set';

export interface PayrollRow {
  nip: string;
  name: string;
  golongan: string | null;
  positionName: string | null;
  kelasJabatan: number;
  opdName: string | null;
  unitName: string | null;
  /** null: no result this month (left the service, or not computable): the row pays only corrections. */
  result: TppResult | null;
  corrections: number;
  bank: { bankName: string; accountNumber: string; accountHolder: string } | null;
  /** The account number is masked for this caller. */
  isAccountMasked: boolean;
}

export interface PayrollData {
  period: string;
  isFrozen: boolean;
  rows: PayrollRow[];
  /** Some account numbers are masked: the caller reads these employees' TPP but does not maintain their accounts. */
  hasMaskedAccounts: boolean;
}

/** Corrections paid with a month to someone without a result in it, named as in their latest earlier result. */
export interface CorrectionOnlyRow {
  employeeId: string;
  amount: number;
  snapshot: typeof tppResults.$inferSelect;
}

/**
 * Corrections paid with the month to people who have no result in it (they left the service, or could
 * not be computed): they are paid all the same, on a row of their own, in the scope and under the
 * name, position and OPD of their latest earlier result (the corrected month's, as a rule).
 */
export async function loadCorrectionOnlyRows(executor: Executor, period: string, unitIds: readonly string[] | null): Promise<CorrectionOnlyRow[]> {
  const owed = await executor
    .select({ employeeId: tppAdjustments.employeeId, amount: sql<string>`sum(${tppAdjustments.amount})` })
    .from(tppAdjustments)
    .where(
      and(
        eq(tppAdjustments.period, period),
        sql`not exists (select 1 from tpp_results c where c.employee_id = ${tppAdjustments.employeeId} and c.period = ${period} and c.is_current)`,
      ),
    )
    .groupBy(tppAdjustments.employeeId);
  if (owed.length === 0) return [];
  const latest = await executor
    .selectDistinctOn([tppResults.employeeId])
    .from(tppResults)
    .where(and(inArray(tppResults.employeeId, owed.map((row) => row.employeeId)), eq(tppResults.isCurrent, true), lt(tppResults.period, period)))
    .orderBy(tppResults.employeeId, desc(tppResults.period));
  const snapshotOf = new Map(latest.map((row) => [row.employeeId, row]));
  const inScope = (unitId: string | null) => unitIds === null || (unitId !== null && unitIds.includes(unitId));
  return owed.flatMap((row) => {
    const snapshot = snapshotOf.get(row.employeeId);
    // A correction always corrects a closed month's result, so an earlier result exists.
    return snapshot && inScope(snapshot.unitId) ? [{ employeeId: row.employeeId, amount: Number(row.amount), snapshot }] : [];
  });
}

/** The month's current results in scope (an OPD subtree, or everything the caller reads), ordered by OPD, class (highest first) and name. */
export async function loadPayrollData(executor: Executor, ctx: RequestContext, period: string, unitId: string | undefined): Promise<PayrollData> {
  const unitIds = await resolveResultUnitIds(executor, ctx, unitId);
  const results = await executor
    .select()
    .from(tppResults)
    .where(and(eq(tppResults.period, period), eq(tppResults.isCurrent, true), scopeCondition(unitIds)))
    .orderBy(asc(tppResults.opdName), sql`${tppResults.kelasJabatan} desc`, asc(tppResults.employeeName));
  const ids = results.map((row) => row.employeeId);
  const correctionOnly = await loadCorrectionOnlyRows(executor, period, unitIds);
  // A closed month is paid into the accounts in force when it was closed, however they changed since.
  const bankOf = await loadPayrollBankAccounts(executor, [...ids, ...correctionOnly.map((row) => row.employeeId)], period);
  const corrections =
    ids.length === 0
      ? []
      : await executor
            .select({ employeeId: tppAdjustments.employeeId, amount: sql<string>`sum(${tppAdjustments.amount})` })
            .from(tppAdjustments)
            .where(and(eq(tppAdjustments.period, period), inArray(tppAdjustments.employeeId, ids)))
            .groupBy(tppAdjustments.employeeId);
  const correctionOf = new Map(corrections.map((row) => [row.employeeId, Number(row.amount)]));
  // Results of an open month carry no stored explanation: computed from input and rule set version (ADR 0013).
  const ruleSets = await findStoredRuleSets(
    executor,
    results.filter((row) => row.result === null).map((row) => row.ruleSetId),
  );
  // Least privilege, as GET /api/tpp/bank-accounts/:employeeId: whole numbers only for those who maintain
  // them (admin BKPSDM, the admin OPD of the month's unit); pimpinan and auditors get them masked.
  const toRow = (snapshot: typeof tppResults.$inferSelect, result: TppResult | null, correctionTotal: number): PayrollRow => {
    const bank = bankOf.get(snapshot.employeeId);
    const isMasked = bank !== undefined && !canSeeAccountNumber(ctx, snapshot.unitId);
    return {
      nip: snapshot.nip,
      name: snapshot.employeeName,
      golongan: snapshot.golongan,
      positionName: snapshot.positionName,
      kelasJabatan: snapshot.kelasJabatan,
      opdName: snapshot.opdName,
      unitName: snapshot.unitName,
      result,
      corrections: correctionTotal,
      bank: bank ? { bankName: bank.bankName, accountNumber: isMasked ? maskAccountNumber(bank.accountNumber) : bank.accountNumber, accountHolder: bank.accountHolder } : null,
      isAccountMasked: isMasked,
    };
  };
  const rows = [
    ...results.map((row) =>
      toRow(row, row.result === null ? resolveStoredTppResult(row, ruleSets.get(row.ruleSetId) as TppRuleSet) : (row.result as TppResult), correctionOf.get(row.employeeId) ?? 0),
    ),
    ...correctionOnly.map(({ amount, snapshot }) => toRow(snapshot, null, amount)),
  ];
  return {
    period,
    isFrozen: await isPeriodClosed(executor, period),
    rows,
    hasMaskedAccounts: rows.some((row) => row.isAccountMasked),
  };
}

/** Deduction columns: every deduction line code in order of first appearance, with its label. */
export function collectDeductionColumns(rows: readonly PayrollRow[]): { code: string; label: string }[] {
  const columns = new Map<string, string>();
  for (const row of rows) {
    for (const line of row.result?.lines ?? []) if (line.section === 'deduction' && !columns.has(line.code)) columns.set(line.code, line.label);
  }
  return [...columns.entries()].map(([code, label]) => ({ code, label }));
}

/** A row's cut for one deduction column, as a positive amount (cap restorations come out negative). */
export const deductionAmount = (row: PayrollRow, code: string): number =>
  (row.result?.lines ?? []).filter((line) => line.section === 'deduction' && line.code === code).reduce((sum, line) => sum - line.effect, 0);
