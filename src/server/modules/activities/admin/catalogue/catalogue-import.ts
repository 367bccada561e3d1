import { createCatalogueItemRequest, updateCatalogueItemRequest, type CatalogueImportResult } from '../../../../../contracts/activities-admin';
import type { Database, Executor } from '../../../../db/client';
import { hasRole, type RequestContext } from '../../../../platform/actor';
import { forbidden } from '../../../../platform/errors';
import { findPositionIdByCode } from '../../../org';
import { readRecord, type ImportRecord, type ImportRowError } from '../../../org/import/import-columns';
import { failRow, runAllOrNothingImport, runRow, type ImportRun, type RowOutcome } from '../../../org/import/import-run';
import { parseSheet, type SheetRow } from '../../../org/import/parse-sheet';
import { rowFailure, RowFailure, zodIssuesToRowErrors } from '../../../org/import/row-errors';
import { RowReader } from '../../../org/import/row-reader';
import { CATALOGUE_COLUMN_BY_FIELD, mapCatalogueHeader } from './catalogue-columns';
import { findCatalogueItemViewByCode } from './catalogue.repository';
import { createCatalogueItem, requireCataloguePosition, setCatalogueItemActive, updateCatalogueItem } from './catalogue.service';

interface RowPlan {
  rowNumber: number;
  code: string;
  name: string;
  outputUnit: string;
  standardMinutes: number;
  /** undefined = column absent (keep), null = empty cell. */
  description: string | null | undefined;
  positionCode: string | null | undefined;
  effectiveFrom: string | null | undefined;
  isActive: boolean | null | undefined;
}

function planRow(run: ImportRun, record: ImportRecord): RowPlan | null {
  const reader = new RowReader(record);
  const code = reader.required('kode', reader.text('kode'));
  const name = reader.required('nama', reader.text('nama'));
  const outputUnit = reader.required('satuan_output', reader.text('satuan_output'));
  const standardMinutes = reader.required('waktu_standar_menit', reader.integer('waktu_standar_menit'));
  const plan = {
    description: reader.text('uraian'),
    positionCode: reader.text('kode_jabatan'),
    effectiveFrom: reader.date('berlaku_mulai'),
    isActive: reader.yesNo('aktif'),
  };
  failRow(run, reader.errors);
  if (reader.errors.length || code === undefined || name === undefined || outputUnit === undefined || standardMinutes === undefined) return null;
  return { rowNumber: record.rowNumber, code, name, outputUnit, standardMinutes, ...plan };
}

const columnErrors = (row: number, issues: Parameters<typeof zodIssuesToRowErrors>[0]) => new RowFailure(zodIssuesToRowErrors(issues, row, CATALOGUE_COLUMN_BY_FIELD));

/** Writes one row through the catalogue services (same rules and audit as the screens). */
async function writeRow(tx: Executor, ctx: RequestContext, plan: RowPlan): Promise<{ outcome: RowOutcome; hasNewVersion: boolean }> {
  let positionId: string | null | undefined = plan.positionCode === undefined ? undefined : null;
  if (plan.positionCode) {
    const found = await findPositionIdByCode(tx, plan.positionCode);
    if (!found) throw rowFailure(plan.rowNumber, 'kode_jabatan', `Jabatan dengan kode ${plan.positionCode} tidak ditemukan`);
    positionId = found;
  }
  const stored = await findCatalogueItemViewByCode(tx, plan.code);
  const effectiveFrom = plan.effectiveFrom ?? undefined;

  if (!stored) {
    const parsed = createCatalogueItemRequest.safeParse({ ...plan, positionId: positionId ?? null, description: plan.description ?? null, effectiveFrom });
    if (!parsed.success) throw columnErrors(plan.rowNumber, parsed.error.issues);
    if (parsed.data.positionId) await requireCataloguePosition(tx, parsed.data.positionId);
    const { id } = await createCatalogueItem(tx, ctx, parsed.data);
    if (plan.isActive === false) await setCatalogueItemActive(tx, ctx, id, false);
    return { outcome: 'created', hasNewVersion: false };
  }

  if (positionId !== undefined && positionId !== stored.positionId) {
    throw rowFailure(plan.rowNumber, 'kode_jabatan', `Kegiatan ${plan.code} sudah terdaftar untuk ${stored.positionName ?? 'semua jabatan'}; jabatannya tidak dapat diubah, buat kode kegiatan baru`);
  }
  const parsed = updateCatalogueItemRequest.safeParse({ name: plan.name, outputUnit: plan.outputUnit, standardMinutes: plan.standardMinutes, description: plan.description, effectiveFrom });
  if (!parsed.success) throw columnErrors(plan.rowNumber, parsed.error.issues);
  const { newVersion } = await updateCatalogueItem(tx, ctx, stored.id, parsed.data);
  const activeChange = plan.isActive === undefined || plan.isActive === null ? { isChanged: false } : await setCatalogueItemActive(tx, ctx, stored.id, plan.isActive);
  const isChanged = newVersion !== null || activeChange.isChanged;
  return { outcome: isChanged ? 'updated' : 'unchanged', hasNewVersion: newVersion !== null };
}

function cellIssueErrors(rows: readonly SheetRow[], indexByColumn: ReadonlyMap<string, number>): ImportRowError[] {
  const columnAt = new Map([...indexByColumn].map(([name, index]) => [index, name]));
  return rows.flatMap((row) => row.issues.flatMap((issue) => (columnAt.has(issue.columnIndex) ? [{ row: row.rowNumber, column: columnAt.get(issue.columnIndex) ?? null, message: issue.message }] : [])));
}

/** A code repeated further down the file is an error on the later rows; the first row stands. */
function duplicateCodeRows(records: readonly ImportRecord[]): ImportRowError[] {
  const firstRowOf = new Map<string, number>();
  return records.flatMap((record) => {
    const code = (record.values.get('kode') ?? '').trim();
    if (code === '') return [];
    const first = firstRowOf.get(code);
    if (first === undefined) {
      firstRowOf.set(code, record.rowNumber);
      return [];
    }
    return [{ row: record.rowNumber, column: 'kode', message: `Kode ${code} sudah ada di baris ${first}` }];
  });
}

/**
 * Imports catalogue activities from xlsx/csv, all or nothing: every row goes through the catalogue
 * services inside one transaction (each row in a savepoint so that every bad row is reported in
 * one pass); a dry run or any bad row rolls everything back, so the dry run reports exactly what
 * the real run would do. Changed minutes or names of an existing code make a new version.
 * Authorisation is per row (an admin OPD only for positions in their units); `ctx.actor` null = CLI.
 */
export async function importCatalogue(db: Database, ctx: RequestContext, input: { buffer: Buffer; dryRun: boolean }): Promise<CatalogueImportResult> {
  if (ctx.actor && !hasRole(ctx.actor, 'admin_bkpsdm', 'admin_opd')) throw forbidden('Hanya admin BKPSDM atau admin OPD yang dapat mengimpor katalog kegiatan');
  const sheet = await parseSheet(input.buffer);
  const summary = { dryRun: input.dryRun, totalRows: sheet.rows.length };
  const header = mapCatalogueHeader(sheet.header, sheet.rows);
  if (!header.ok) return { ...summary, validRows: 0, created: 0, updated: 0, newVersions: 0, errors: header.errors, isCommitted: false };

  const records = sheet.rows.map((row) => readRecord(row, header.indexByColumn));
  const earlyErrors = [...cellIssueErrors(sheet.rows, header.indexByColumn), ...duplicateCodeRows(records)];
  let newVersions = 0;

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
        const written = await runRow(run, plan.rowNumber, CATALOGUE_COLUMN_BY_FIELD, (savepoint) => writeRow(savepoint, ctx, plan));
        if (written?.hasNewVersion) newVersions += 1;
      }
    },
    audit: {
      entityType: 'import:activity_catalogue',
      after: (run) => ({ format: sheet.format, totalRows: summary.totalRows, created: run.created, updated: run.updated, newVersions }),
    },
  });
  const { failedRowCount, ...reported } = outcome;
  return { ...summary, validRows: summary.totalRows - failedRowCount, ...reported, newVersions };
}
