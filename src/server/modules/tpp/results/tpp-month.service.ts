import { and, desc, eq, inArray } from 'drizzle-orm';
import { parseTppRuleSet } from '../../../../domain/tpp/rule-set-json';
import type { TppRuleSet } from '../../../../domain/tpp/rule-set';
import type { TppInput } from '../../../../domain/tpp/tpp-input';
import type { TppResult } from '../../../../domain/tpp/tpp-result';
import type { Executor } from '../../../db/client';
import { tppAdjustments, tppResults, tppRuleSets } from '../../../db/schema';
import { regionToday, type RequestContext } from '../../../platform/actor';
import { conflict, invalid, notFound } from '../../../platform/errors';
import { isPeriodClosed } from '../../activities/shared/period-lock';
import { findEmployeeRow } from '../../org/employees.repository';
import { assertEmployeeVisible } from '../../org/employee-scope';
import { findTppRuleSetForPeriod } from '../rule-sets/tpp-rule-sets.service';
import { computeEmployeesTpp, type TppSnapshot } from '../runs/compute-employee-tpp';
import { missingRuleSetError } from '../runs/tpp-runs.service';
import { findAllUnits } from '../runs/tpp-sources.repository';
import { currentPeriod } from '../tpp-access';
import { resolveStoredTppResult } from './stored-tpp-result';

/** One employee's month as the explanation and the simulator need it: stored, or estimated now. */
export interface TppMonth {
  period: string;
  snapshot: Omit<TppSnapshot, 'positionId' | 'positionCode' | 'positionName'> & { positionName: string | null };
  resultId: string | null;
  isEstimate: boolean;
  isFrozen: boolean;
  computedAt: Date;
  ruleSetId: string;
  ruleSet: TppRuleSet;
  input: TppInput;
  result: TppResult;
  notes: string[];
}

/** Who may open an employee's TPP: themselves, their superior, their OPD admin, BKPSDM, pimpinan, auditors (else 404). */
export async function assertTppVisible(executor: Executor, ctx: RequestContext, employeeId: string): Promise<void> {
  const employee = await findEmployeeRow(executor, employeeId);
  if (!employee) throw notFound('Pegawai');
  await assertEmployeeVisible(executor, ctx, { id: employee.id, unitId: employee.unitId }, regionToday(ctx));
}

export async function findStoredRuleSet(executor: Executor, id: string): Promise<TppRuleSet> {
  const ruleSet = (await findStoredRuleSets(executor, [id])).get(id);
  if (!ruleSet) throw conflict('Aturan TPP yang dipakai hasil ini tidak dapat dibaca');
  return ruleSet;
}

/** The rule set versions stored results name (each once, one query), validated; a missing or unreadable one is a conflict. */
export async function findStoredRuleSets(executor: Executor, ids: Iterable<string>): Promise<Map<string, TppRuleSet>> {
  const wanted = [...new Set(ids)];
  const ruleSets = new Map<string, TppRuleSet>();
  if (wanted.length === 0) return ruleSets;
  const rows = await executor.select({ id: tppRuleSets.id, ruleSet: tppRuleSets.ruleSet }).from(tppRuleSets).where(inArray(tppRuleSets.id, wanted));
  for (const row of rows) {
    const parsed = parseTppRuleSet(row.ruleSet);
    if (parsed.ok) ruleSets.set(row.id, parsed.ruleSet);
  }
  if (ruleSets.size !== wanted.length) throw conflict('Aturan TPP yang dipakai hasil ini tidak dapat dibaca');
  return ruleSets;
}

/** A stored result as a month (its explanation computed from the input and the rule set version when not stored, ADR 0013). */
export function storedTppMonth(stored: typeof tppResults.$inferSelect, ruleSet: TppRuleSet, isClosed: boolean): TppMonth {
  return {
    period: stored.period,
    snapshot: {
      employeeId: stored.employeeId,
      nip: stored.nip,
      employeeName: stored.employeeName,
      golongan: stored.golongan,
      jenisAsn: stored.jenisAsn === 'PPPK' ? 'PPPK' : 'PNS',
      unitId: stored.unitId,
      unitName: stored.unitName,
      opdUnitId: stored.opdUnitId,
      opdName: stored.opdName,
      positionName: stored.positionName,
      kelasJabatan: stored.kelasJabatan,
    },
    resultId: stored.id,
    isEstimate: false,
    isFrozen: isClosed,
    computedAt: stored.computedAt,
    ruleSetId: stored.ruleSetId,
    ruleSet,
    input: stored.input as TppInput,
    result: resolveStoredTppResult(stored, ruleSet),
    notes: Array.isArray(stored.notes) ? stored.notes.filter((note): note is string => typeof note === 'string') : [],
  };
}

/**
 * The month's current stored result; when there is none yet and the month is open, an estimate
 * computed now from live data (not stored). Visibility is the caller's to check first.
 */
export async function loadTppMonth(executor: Executor, ctx: RequestContext, employeeId: string, period: string): Promise<TppMonth> {
  const [stored] = await executor
    .select()
    .from(tppResults)
    .where(and(eq(tppResults.employeeId, employeeId), eq(tppResults.period, period), eq(tppResults.isCurrent, true)));
  const isClosed = await isPeriodClosed(executor, period);
  if (stored) return storedTppMonth(stored, await findStoredRuleSet(executor, stored.ruleSetId), isClosed);
  if (isClosed) throw notFound(`TPP bulan ${period} untuk pegawai ini`);
  if (period > currentPeriod(ctx)) {
    const message = `Bulan ${period} belum dimulai`;
    throw invalid(message, [{ field: 'period', message }]);
  }
  const found = await findTppRuleSetForPeriod(executor, period);
  if (!found) throw missingRuleSetError(period);
  const { computed, issues } = await computeEmployeesTpp(executor, period, found.ruleSet, [employeeId], await findAllUnits(executor), { regionZone: ctx.regionZone, isEstimate: true });
  const [month] = computed;
  if (!month) throw conflict(`TPP bulan ${period} tidak dapat dihitung: ${issues[0]?.message ?? 'pegawai tidak ditemukan'}`);
  return {
    period,
    snapshot: month.snapshot,
    resultId: null,
    isEstimate: true,
    isFrozen: false,
    computedAt: ctx.clock.now(),
    ruleSetId: found.id,
    ruleSet: found.ruleSet,
    input: month.input,
    result: month.result,
    notes: month.notes,
  };
}

/** Corrections of earlier months paid with `period`. */
export async function findCorrections(executor: Executor, employeeId: string, period: string) {
  return (await findCorrectionsOfMany(executor, [employeeId], period)).get(employeeId) ?? [];
}

export type TppCorrection = Awaited<ReturnType<typeof findCorrections>>[number];

/** Corrections paid with `period`, per employee (latest first). */
export async function findCorrectionsOfMany(executor: Executor, employeeIds: readonly string[], period: string) {
  const byEmployee = new Map<string, { id: string; correctsPeriod: string; correctsResultId: string | null; amount: number; reason: string; createdAt: string }[]>();
  if (employeeIds.length === 0) return byEmployee;
  const rows = await executor
    .select()
    .from(tppAdjustments)
    .where(and(inArray(tppAdjustments.employeeId, [...employeeIds]), eq(tppAdjustments.period, period)))
    .orderBy(desc(tppAdjustments.createdAt));
  for (const row of rows) {
    const list = byEmployee.get(row.employeeId) ?? [];
    list.push({ id: row.id, correctsPeriod: row.correctsPeriod, correctsResultId: row.correctsResultId, amount: row.amount, reason: row.reason, createdAt: row.createdAt.toISOString() });
    byEmployee.set(row.employeeId, list);
  }
  return byEmployee;
}
