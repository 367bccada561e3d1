import { and, eq, sql, type SQLWrapper } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Executor } from '../../../db/client';
import { tppAdjustments, tppResults } from '../../../db/schema';
import type { RequestContext } from '../../../platform/actor';
import { isPeriodClosed } from '../../activities/shared/period-lock';
import { resolveResultUnitIds, scopeCondition } from '../results/tpp-results.service';
import { loadCorrectionOnlyRows } from './payroll-rows';
import { previousPeriod } from '../../../../domain/tpp/build-input';

export interface TppSummaryRow {
  opdUnitId: string | null;
  opdName: string;
  employees: number;
  earned: number;
  deductionTotal: number;
  tpp: number;
  gross: number;
  pph21: number;
  bpjsEmployer: number;
  bpjsEmployee: number;
  net: number;
  corrections: number;
  /** Last month's employees and net in this OPD (null: none were computed there); change = net − previousNet. */
  previousEmployees: number | null;
  previousNet: number | null;
  change: number | null;
}

type Totals = Omit<TppSummaryRow, 'opdUnitId' | 'opdName'>;

export interface TppSummary {
  period: string;
  previousPeriod: string;
  isFrozen: boolean;
  opds: TppSummaryRow[];
  region: Totals;
}

const TOTAL_KEYS = ['employees', 'earned', 'deductionTotal', 'tpp', 'gross', 'pph21', 'bpjsEmployer', 'bpjsEmployee', 'net', 'corrections'] as const;
const emptyTotals = (): Omit<Totals, 'previousEmployees' | 'previousNet' | 'change'> => ({ employees: 0, earned: 0, deductionTotal: 0, tpp: 0, gross: 0, pph21: 0, bpjsEmployer: 0, bpjsEmployee: 0, net: 0, corrections: 0 });
const opdKey = (opdUnitId: string | null, opdName: string) => `${opdUnitId ?? ''}\u0000${opdName}`;

const sum = (column: SQLWrapper) => sql<string>`coalesce(sum(${column}), 0)`;

/** Employees and net of a month per OPD, as the month's current results recorded them. */
async function netPerOpd(executor: Executor, period: string, unitIds: readonly string[] | null): Promise<Map<string, { opdUnitId: string | null; opdName: string; employees: number; net: number }>> {
  const rows = await executor
    .select({ opdUnitId: tppResults.opdUnitId, opdName: sql<string>`coalesce(${tppResults.opdName}, 'Tanpa OPD')`, employees: sql<number>`count(*)::int`, net: sum(tppResults.net) })
    .from(tppResults)
    .where(and(eq(tppResults.period, period), eq(tppResults.isCurrent, true), scopeCondition(unitIds)))
    .groupBy(tppResults.opdUnitId, tppResults.opdName);
  return new Map(rows.map((row) => [opdKey(row.opdUnitId, row.opdName), { ...row, net: Number(row.net) }]));
}

/**
 * Totals of a month per OPD and for everything in the caller's scope (the region for BKPSDM), each
 * beside last month's employees and net in the same OPD. An OPD paid last month and not this one
 * stays in the list with zeros: its drop is a change too.
 */
export async function summarizeTpp(executor: Executor, ctx: RequestContext, period: string): Promise<TppSummary> {
  const unitIds = await resolveResultUnitIds(executor, ctx, undefined);
  const lastMonth = previousPeriod(period);
  const where = and(eq(tppResults.period, period), eq(tppResults.isCurrent, true), scopeCondition(unitIds));
  const corrections = sql`(select coalesce(sum(${tppAdjustments.amount}), 0) from ${tppAdjustments} where ${tppAdjustments.period} = ${period} and ${tppAdjustments.employeeId} = ${tppResults.employeeId})`;
  const rows = await executor
    .select({
      opdUnitId: tppResults.opdUnitId,
      opdName: sql<string>`coalesce(${tppResults.opdName}, 'Tanpa OPD')`,
      employees: sql<number>`count(*)::int`,
      earned: sum(tppResults.earned),
      deductionTotal: sum(tppResults.deductionTotal),
      tpp: sum(tppResults.tpp),
      gross: sum(tppResults.gross),
      pph21: sum(tppResults.pph21),
      bpjsEmployer: sum(tppResults.bpjsEmployer),
      bpjsEmployee: sum(tppResults.bpjsEmployee),
      net: sum(tppResults.net),
      corrections: sum(corrections),
    })
    .from(tppResults)
    .where(where)
    .groupBy(tppResults.opdUnitId, tppResults.opdName)
    .orderBy(sql`coalesce(${tppResults.opdName}, 'Tanpa OPD')`);
  const opds = rows.map((row) => ({
    opdUnitId: row.opdUnitId,
    opdName: row.opdName,
    employees: row.employees,
    earned: Number(row.earned),
    deductionTotal: Number(row.deductionTotal),
    tpp: Number(row.tpp),
    gross: Number(row.gross),
    pph21: Number(row.pph21),
    bpjsEmployer: Number(row.bpjsEmployer),
    bpjsEmployee: Number(row.bpjsEmployee),
    net: Number(row.net),
    corrections: Number(row.corrections),
    previousEmployees: null as number | null,
    previousNet: null as number | null,
    change: null as number | null,
  }));
  // Corrections paid to people without a result this month count with the OPD of their latest result.
  let isAdded = false;
  for (const { amount, snapshot } of await loadCorrectionOnlyRows(executor, period, unitIds)) {
    const opdName = snapshot.opdName ?? 'Tanpa OPD';
    const row = opds.find((candidate) => candidate.opdUnitId === snapshot.opdUnitId && candidate.opdName === opdName);
    if (row) row.corrections += amount;
    else {
      opds.push({ opdUnitId: snapshot.opdUnitId, opdName, ...emptyTotals(), corrections: amount, previousEmployees: null, previousNet: null, change: null });
      isAdded = true;
    }
  }
  const previous = await netPerOpd(executor, lastMonth, unitIds);
  for (const row of opds) {
    const before = previous.get(opdKey(row.opdUnitId, row.opdName));
    if (!before) continue;
    previous.delete(opdKey(row.opdUnitId, row.opdName));
    Object.assign(row, { previousEmployees: before.employees, previousNet: before.net, change: row.net - before.net });
  }
  for (const before of previous.values()) {
    opds.push({ opdUnitId: before.opdUnitId, opdName: before.opdName, ...emptyTotals(), previousEmployees: before.employees, previousNet: before.net, change: -before.net });
    isAdded = true;
  }
  if (isAdded) opds.sort((a, b) => a.opdName.localeCompare(b.opdName, 'id'));
  const totals = Object.fromEntries(TOTAL_KEYS.map((key) => [key, opds.reduce((total, row) => total + row[key], 0)])) as Omit<Totals, 'previousEmployees' | 'previousNet' | 'change'>;
  const lastMonthRows = opds.filter((row) => row.previousNet !== null);
  const previousNet = lastMonthRows.length === 0 ? null : lastMonthRows.reduce((total, row) => total + (row.previousNet ?? 0), 0);
  const region: Totals = {
    ...totals,
    previousEmployees: lastMonthRows.length === 0 ? null : lastMonthRows.reduce((total, row) => total + (row.previousEmployees ?? 0), 0),
    previousNet,
    change: previousNet === null ? null : totals.net - previousNet,
  };
  return { period, previousPeriod: lastMonth, isFrozen: await isPeriodClosed(executor, period), opds, region };
}

/** The summary as xlsx: one row per OPD and the region's total. */
export async function buildSummaryWorkbook(summary: TppSummary): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'e-Kinerja';
  const sheet = workbook.addWorksheet(`Ringkasan TPP ${summary.period}`, { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.addRow([`Ringkasan TPP per OPD, bulan ${summary.period}${summary.isFrozen ? '' : ' (bulan belum ditutup)'}`]).font = { bold: true };
  sheet.addRow([]);
  sheet
    .addRow(['OPD', 'Pegawai', 'TPP sebelum potongan', 'Potongan', 'TPP kotor', 'Jumlah bruto', 'PPh 21', 'BPJS 4 %', 'BPJS 1 %', 'Jumlah bersih', 'Koreksi', 'Dibayar', `Pegawai ${summary.previousPeriod}`, `Jumlah bersih ${summary.previousPeriod}`, 'Perubahan jumlah bersih'])
    .font = { bold: true };
  const values = (row: Totals) => [
    row.employees,
    row.earned,
    row.deductionTotal,
    row.tpp,
    row.gross,
    row.pph21,
    row.bpjsEmployer,
    row.bpjsEmployee,
    row.net,
    row.corrections,
    row.net + row.corrections,
    row.previousEmployees,
    row.previousNet,
    row.change,
  ];
  for (const row of summary.opds) sheet.addRow([row.opdName, ...values(row)]);
  sheet.addRow(['JUMLAH DAERAH', ...values(summary.region)]).font = { bold: true };
  sheet.getColumn(1).width = 40;
  for (let column = 3; column <= 15; column += 1) {
    if (column === 13) continue;
    sheet.getColumn(column).numFmt = '#,##0';
    sheet.getColumn(column).width = 16;
  }
  return Buffer.from(new Uint8Array(await workbook.xlsx.writeBuffer()));
}
