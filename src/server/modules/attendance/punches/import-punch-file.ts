import type { PunchImportResult } from '../../../../contracts/attendance-devices';
import { describeMissingColumns, isPunchFileError, mapPunchColumns, readPunchRow, type PunchFileError, type PunchFileRow } from '../../../../domain/attendance/punch-file';
import type { PunchRecord } from '../../../../domain/attendance/punch-record';
import type { Database, Executor } from '../../../db/client';
import { canManageUnit, type RequestContext } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { AppError } from '../../../platform/errors';
import { findDeviceBySerial } from '../devices/devices.repository';
import { ingestPunchRecords } from './ingest-punch-records';
import type { AffectedDay } from './punch-hooks';
import { markRawMessage, storeRawMessage } from './raw-messages.repository';
import { readPunchSheet } from './read-punch-sheet';

export interface PunchFileContent {
  rows: PunchFileRow[];
  errors: PunchFileError[];
  totalRows: number;
}

/** Reads every row of a vendor export; header problems are one error on row 1. */
export async function readPunchFile(buffer: Buffer, defaultSerial: string | null): Promise<PunchFileContent> {
  const sheet = await readPunchSheet(buffer);
  const map = mapPunchColumns(sheet.header);
  const missing = describeMissingColumns(map, defaultSerial !== null);
  if (missing.length > 0) {
    return { rows: [], totalRows: sheet.rows.length, errors: [{ row: 1, column: null, message: `Judul kolom tidak lengkap: ${missing.join('; ')}` }] };
  }
  const rows: PunchFileRow[] = [];
  const errors: PunchFileError[] = [];
  for (const row of sheet.rows) {
    const read = readPunchRow(row.cells, row.rowNumber, map, defaultSerial);
    if (isPunchFileError(read)) errors.push(read);
    else rows.push(read);
  }
  return { rows, errors, totalRows: sheet.rows.length };
}

const groupBySerial = (rows: PunchFileRow[]) => {
  const groups = new Map<string, PunchRecord[]>();
  for (const row of rows) {
    const group = groups.get(row.serialNumber);
    if (group) group.push(row.record);
    else groups.set(row.serialNumber, [row.record]);
  }
  return groups;
};

/** Every serial in the file must be a registered, enabled device the caller manages. */
async function checkDevices(executor: Executor, ctx: RequestContext, rows: PunchFileRow[]): Promise<PunchFileError[]> {
  const errors: PunchFileError[] = [];
  const verdicts = new Map<string, string | null>();
  for (const row of rows) {
    if (!verdicts.has(row.serialNumber)) {
      const device = await findDeviceBySerial(executor, row.serialNumber);
      const isWritable = device !== null && (ctx.actor === null || canManageUnit(ctx.actor, device.unitId));
      verdicts.set(
        row.serialNumber,
        !device || !isWritable
          ? `Mesin ${row.serialNumber} tidak terdaftar (atau di luar unit Anda); daftarkan mesin dulu`
          : device.status === 'disabled'
            ? `Mesin ${row.serialNumber} dinonaktifkan`
            : null,
      );
    }
    const verdict = verdicts.get(row.serialNumber);
    if (verdict) errors.push({ row: row.rowNumber, column: 'SN', message: verdict });
  }
  return errors;
}

export interface PunchImportOutcome extends PunchImportResult {
  affected: AffectedDay[];
}

/**
 * Imports punches exported by vendor software. All or nothing: with any bad row nothing is
 * stored and every bad row is reported. The file is kept as a raw message before its rows are
 * ingested (same idempotent path as ADMS, so importing a file twice adds nothing).
 */
export async function importPunchFile(
  db: Database,
  ctx: RequestContext,
  input: { buffer: Buffer; serialNumber: string | null; dryRun: boolean },
): Promise<PunchImportOutcome> {
  const content = await readPunchFile(input.buffer, input.serialNumber);
  const errors = [...content.errors, ...(await checkDevices(db, ctx, content.rows))].sort((a, b) => a.row - b.row);
  const base = { dryRun: input.dryRun, totalRows: content.totalRows, validRows: content.totalRows - new Set(errors.map((error) => error.row)).size, errors };
  const empty = { inserted: 0, duplicates: 0, held: 0, affected: [] };
  if (content.totalRows === 0) throw new AppError('VALIDATION_FAILED', 'Berkas tidak berisi baris absensi');
  if (input.dryRun || errors.length > 0) return { ...base, isCommitted: false, ...empty };

  const now = ctx.clock.now();
  const serialLabel = input.serialNumber ?? content.rows[0]?.serialNumber ?? 'berkas';
  const rawMessageId = await storeRawMessage(db, { serialNumber: serialLabel, channel: 'file', kind: 'punch_file', query: input.serialNumber ? `serial=${input.serialNumber}` : null, body: input.buffer, receivedAt: now });
  return db.transaction(async (tx) => {
    const totals = { inserted: 0, duplicates: 0, held: 0, affected: [] as AffectedDay[] };
    for (const [serialNumber, records] of groupBySerial(content.rows)) {
      const result = await ingestPunchRecords(tx, { serialNumber, source: 'file', rawMessageId, records, now });
      totals.inserted += result.inserted;
      totals.duplicates += result.duplicates;
      totals.held += result.held;
      totals.affected.push(...result.affected);
    }
    await markRawMessage(tx, rawMessageId, { status: 'parsed', error: null, recordCount: content.rows.length, parsedAt: now });
    await recordAudit(tx, ctx, {
      action: 'import_punches',
      entityType: 'punch_file',
      entityId: String(rawMessageId),
      after: { rows: content.rows.length, inserted: totals.inserted, duplicates: totals.duplicates, held: totals.held },
    });
    return { ...base, isCommitted: true, ...totals };
  });
}
