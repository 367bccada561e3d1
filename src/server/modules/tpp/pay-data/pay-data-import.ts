import { payDataFields, type PayDataImportResult } from '../../../../contracts/tpp-pay-data';
import type { Database, Executor } from '../../../db/client';
import { hasRole, type RequestContext } from '../../../platform/actor';
import { forbidden } from '../../../platform/errors';
import { findEmployeeIdByNip } from '../../org';
import { readRecord, type ImportRecord, type ImportRowError } from '../../org/import/import-columns';
import { failRow, runAllOrNothingImport, runRow, type ImportRun, type RowOutcome } from '../../org/import/import-run';
import { parseSheet, type SheetRow } from '../../org/import/parse-sheet';
import { rowFailure, RowFailure, zodIssuesToRowErrors } from '../../org/import/row-errors';
import { RowReader } from '../../org/import/row-reader';
import { mapPayDataHeader, PAY_DATA_COLUMN_BY_FIELD } from './pay-data-columns';
import { findPayDataRowByDate } from './pay-data.repository';
import { createPayData, updatePayData } from './pay-data.service';

interface RowPlan {
  rowNumber: number;
  nip: string;
  values: Record<string, unknown>;
}

function planRow(run: ImportRun, record: ImportRecord): RowPlan | null {
  const reader = new RowReader(record);
  const nip = reader.required('nip', reader.text('nip'))?.replace(/\s+/g, '');
  const effectiveFrom = reader.required('tmt', reader.date('tmt'));
  const isCpns = reader.required('cpns', reader.yesNo('cpns'));
  const baseSalary = reader.required('gaji_pokok', reader.integer('gaji_pokok'));
  const amount = (column: string) => reader.integer(column) ?? 0;
  const values = {
    effectiveFrom,
    isCpns,
    baseSalary,
    familyAllowance: amount('tunjangan_keluarga'),
    positionAllowance: amount('tunjangan_jabatan'),
    professionAllowance: amount('tunjangan_profesi'),
    decreeNumber: reader.text('nomor_sk') ?? null,
    note: reader.text('catatan') ?? null,
  };
  failRow(run, reader.errors);
  if (reader.errors.length > 0 || nip === undefined) return null;
  return { rowNumber: record.rowNumber, nip, values };
}

/** Writes one row through the pay-data services (same rules, scope and audit as the screen): NIP + TMT decides create or update. */
async function writeRow(tx: Executor, ctx: RequestContext, plan: RowPlan): Promise<{ outcome: RowOutcome }> {
  const parsed = payDataFields.safeParse(plan.values);
  if (!parsed.success) throw new RowFailure(zodIssuesToRowErrors(parsed.error.issues, plan.rowNumber, PAY_DATA_COLUMN_BY_FIELD));
  const employeeId = await findEmployeeIdByNip(tx, plan.nip);
  if (!employeeId) throw rowFailure(plan.rowNumber, 'nip', `Pegawai dengan NIP ${plan.nip} tidak ditemukan`);
  const stored = await findPayDataRowByDate(tx, employeeId, parsed.data.effectiveFrom);
  if (!stored) {
    await createPayData(tx, ctx, { ...parsed.data, employeeId });
    return { outcome: 'created' };
  }
  const { isChanged } = await updatePayData(tx, ctx, stored.id, parsed.data);
  return { outcome: isChanged ? 'updated' : 'unchanged' };
}

function cellIssueErrors(rows: readonly SheetRow[], indexByColumn: ReadonlyMap<string, number>): ImportRowError[] {
  const columnAt = new Map([...indexByColumn].map(([name, index]) => [index, name]));
  return rows.flatMap((row) => row.issues.flatMap((issue) => (columnAt.has(issue.columnIndex) ? [{ row: row.rowNumber, column: columnAt.get(issue.columnIndex) ?? null, message: issue.message }] : [])));
}

/** NIP + TMT repeated further down the file is an error on the later rows; the first row stands. */
function duplicateRows(records: readonly ImportRecord[]): ImportRowError[] {
  const firstRowOf = new Map<string, number>();
  return records.flatMap((record) => {
    const nip = (record.values.get('nip') ?? '').replace(/\s+/g, '');
    const tmt = (record.values.get('tmt') ?? '').trim();
    if (nip === '' || tmt === '') return [];
    const key = `${nip}|${tmt}`;
    const first = firstRowOf.get(key);
    if (first === undefined) {
      firstRowOf.set(key, record.rowNumber);
      return [];
    }
    return [{ row: record.rowNumber, column: 'tmt', message: `NIP ${nip} dengan TMT ${tmt} sudah ada di baris ${first}` }];
  });
}

/**
 * Imports pay data from xlsx/csv, all or nothing like the master-data imports: every row goes
 * through the pay-data services in one transaction (each in a savepoint, so every bad row is
 * reported in one pass); a dry run or any bad row rolls everything back. An admin OPD may only
 * import their own employees (per row). `ctx.actor` null = trusted CLI.
 */
export async function importPayData(db: Database, ctx: RequestContext, input: { buffer: Buffer; dryRun: boolean }): Promise<PayDataImportResult> {
  if (ctx.actor && !hasRole(ctx.actor, 'admin_bkpsdm', 'admin_opd')) throw forbidden('Hanya admin BKPSDM atau admin OPD yang dapat mengimpor data gaji');
  const sheet = await parseSheet(input.buffer);
  const summary = { dryRun: input.dryRun, totalRows: sheet.rows.length };
  const header = mapPayDataHeader(sheet.header, sheet.rows);
  if (!header.ok) return { ...summary, validRows: 0, created: 0, updated: 0, errors: header.errors, isCommitted: false };

  const records = sheet.rows.map((row) => readRecord(row, header.indexByColumn));
  const earlyErrors = [...cellIssueErrors(sheet.rows, header.indexByColumn), ...duplicateRows(records)];

  const outcome = await runAllOrNothingImport(db, {
    ctx,
    records,
    earlyErrors,
    dryRun: input.dryRun,
    writeRows: async (run) => {
      for (const record of records) {
        if (run.failedRows.has(record.rowNumber)) continue;
        const plan = planRow(run, record);
        if (!plan) continue;
        await runRow(run, plan.rowNumber, PAY_DATA_COLUMN_BY_FIELD, (savepoint) => writeRow(savepoint, ctx, plan));
      }
    },
    audit: { entityType: 'import:tpp_pay_data', after: (run) => ({ format: sheet.format, totalRows: summary.totalRows, created: run.created, updated: run.updated }) },
  });
  const { failedRowCount, ...reported } = outcome;
  return { ...summary, validRows: summary.totalRows - failedRowCount, ...reported };
}
