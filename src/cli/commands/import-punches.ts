import path from 'node:path';
import fs from 'node:fs/promises';
import type { PunchImportResult } from '../../contracts/attendance-devices';
import { importPunchFile } from '../../server/modules/attendance/punches/import-punch-file';
import { withDatabase } from '../cli-database';
import { cliContext } from '../cli-context';
import { CliError } from '../cli-error';
import { formatTable, type CliOutput } from '../cli-output';

function describeResult(result: PunchImportResult): string {
  const mode = result.dryRun ? 'Uji coba (tidak ada yang disimpan)' : result.isCommitted ? 'Impor disimpan' : 'Impor dibatalkan (tidak ada yang disimpan)';
  return `${mode}: ${result.totalRows} baris, ${result.validRows} valid, ${result.inserted} absensi baru, ${result.duplicates} sudah ada, ${result.held} tertahan untuk ditinjau, ${result.errors.length} galat.`;
}

/** `ekinerja import punches FILE --serial SN [--dry-run] [--json]`, callable from any command action. */
export async function runImportPunches(file: string, options: { serial?: string; dryRun?: boolean; json?: boolean }, output: CliOutput): Promise<void> {
  const buffer = await fs.readFile(path.resolve(file)).catch(() => {
    throw new CliError(`Berkas ${file} tidak dapat dibaca`);
  });
  const { affected: _affected, ...result } = await withDatabase(async ({ db }) =>
    importPunchFile(db, await cliContext(db), { buffer, serialNumber: options.serial ?? null, dryRun: options.dryRun === true }),
  );
  if (options.json) {
    output.out(JSON.stringify(result, null, 2));
  } else {
    if (result.errors.length > 0) output.out(formatTable(['Baris', 'Kolom', 'Pesan'], result.errors.map((error) => [String(error.row), error.column ?? '-', error.message])));
    output.out(describeResult(result));
  }
  if (result.errors.length > 0) throw new CliError(`Berkas ${file} memuat ${result.errors.length} galat; perbaiki lalu ulangi.`);
}
