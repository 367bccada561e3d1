import { readFile } from 'node:fs/promises';
import type { ImportResult } from '../../../../contracts/org';
import type { Database } from '../../../db/client';
import { hasRole, type RequestContext } from '../../../platform/actor';
import { AppError, forbidden } from '../../../platform/errors';
import { keyColumnOf, mapHeader, readRecord, type ImportEntity, type ImportRecord, type ImportRowError } from './import-columns';
import { importEmployees } from './import-employees';
import { importPositions } from './import-positions';
import { importUnits } from './import-units';
import { runAllOrNothingImport, type ImportRun } from './import-run';
import { parseSheet, type SheetRow } from './parse-sheet';

export interface ImportInput {
  entity: ImportEntity;
  buffer: Buffer;
  dryRun: boolean;
}

const importers: Record<ImportEntity, (run: ImportRun) => Promise<void>> = {
  units: importUnits,
  positions: importPositions,
  employees: importEmployees,
};

/** The value that decides create vs update, spelled the way the importers read it. */
const keyOf = (entity: ImportEntity, record: ImportRecord): string => {
  const raw = record.values.get(keyColumnOf[entity]) ?? '';
  return entity === 'employees' ? raw.replace(/\s+/g, '') : raw.trim();
};

function cellIssueErrors(rows: readonly SheetRow[], indexByColumn: ReadonlyMap<string, number>): ImportRowError[] {
  const columnAt = new Map([...indexByColumn].map(([name, index]) => [index, name]));
  return rows.flatMap((row) =>
    row.issues.flatMap((issue) => {
      const column = columnAt.get(issue.columnIndex);
      return column ? [{ row: row.rowNumber, column, message: issue.message }] : [];
    }),
  );
}

/** Later rows repeating a key are errors; the first one stands for the key. */
function duplicateKeyErrors(entity: ImportEntity, records: readonly ImportRecord[]): { errors: ImportRowError[]; duplicates: Set<number> } {
  const firstRowOf = new Map<string, number>();
  const errors: ImportRowError[] = [];
  const duplicates = new Set<number>();
  const column = keyColumnOf[entity];
  for (const record of records) {
    const key = keyOf(entity, record);
    if (key === '') continue;
    const firstRow = firstRowOf.get(key);
    if (firstRow === undefined) {
      firstRowOf.set(key, record.rowNumber);
    } else {
      duplicates.add(record.rowNumber);
      errors.push({ row: record.rowNumber, column, message: `${entity === 'employees' ? 'NIP' : 'Kode'} ${key} sudah ada di baris ${firstRow}` });
    }
  }
  return { errors, duplicates };
}

function assertMayImport(ctx: RequestContext) {
  if (ctx.actor && !hasRole(ctx.actor, 'admin_bkpsdm', 'admin_opd')) throw forbidden('Hanya admin BKPSDM atau admin OPD yang dapat mengimpor data');
}

/**
 * Imports units, positions or employees from an xlsx/csv upload, all or nothing: every row is
 * written through the org services inside one transaction (each row in its own savepoint, so all
 * bad rows are found in one pass); a dry run or any bad row rolls everything back. A dry run
 * therefore reports exactly what the real run would do. Authorisation per row is the services'
 * (an admin OPD only inside their subtrees); `ctx.actor` null = trusted CLI.
 */
export async function importMasterData(db: Database, ctx: RequestContext, input: ImportInput): Promise<ImportResult> {
  assertMayImport(ctx);
  const sheet = await parseSheet(input.buffer);
  const summary = { entity: input.entity, dryRun: input.dryRun, totalRows: sheet.rows.length };
  const header = mapHeader(input.entity, sheet.header, sheet.rows);
  if (!header.ok) return { ...summary, validRows: 0, created: 0, updated: 0, errors: header.errors, isCommitted: false };

  const allRecords = sheet.rows.map((row) => readRecord(row, header.indexByColumn));
  const cellErrors = cellIssueErrors(sheet.rows, header.indexByColumn);
  const duplicates = duplicateKeyErrors(input.entity, allRecords);
  // The services may widen an admin OPD's scope with units created during this import (see importUnits).
  const importCtx: RequestContext = { ...ctx, actor: ctx.actor ? { ...ctx.actor, adminUnitIds: [...ctx.actor.adminUnitIds] } : null };

  const outcome = await runAllOrNothingImport(db, {
    ctx: importCtx,
    auditCtx: ctx,
    records: allRecords.filter((record) => !duplicates.duplicates.has(record.rowNumber)),
    earlyErrors: [...cellErrors, ...duplicates.errors],
    dryRun: input.dryRun,
    writeRows: (run) => importers[input.entity](run),
    audit: { entityType: `import:${input.entity}`, after: (run) => ({ format: sheet.format, totalRows: summary.totalRows, created: run.created, updated: run.updated }) },
  });
  const { failedRowCount, ...reported } = outcome;
  return { ...summary, validRows: summary.totalRows - failedRowCount, ...reported };
}

/** For the CLI (`ekinerja import employees FILE [--dry-run]`): same rules as the upload. */
export async function importMasterDataFile(
  db: Database,
  ctx: RequestContext,
  entity: ImportEntity,
  filePath: string,
  dryRun: boolean,
): Promise<ImportResult> {
  let buffer: Buffer;
  try {
    buffer = await readFile(filePath);
  } catch (error) {
    const reason = (error as { code?: string }).code === 'ENOENT' ? 'tidak ditemukan' : 'tidak dapat dibaca';
    throw new AppError('VALIDATION_FAILED', `Berkas ${filePath} ${reason}`);
  }
  return importMasterData(db, ctx, { entity, buffer, dryRun });
}
