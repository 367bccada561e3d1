import fs from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { PayDataImportResult } from '../../contracts/tpp-pay-data';
import type { Executor } from '../../server/db/client';
import { users } from '../../server/db/schema';
import { loadActor } from '../../server/modules/auth/actor.repository';
import { importPayData } from '../../server/modules/tpp/pay-data/pay-data-import';
import { hasRole, regionToday, type RequestContext } from '../../server/platform/actor';
import { cliContext } from '../cli-context';
import { withDatabase } from '../cli-database';
import { CliError } from '../cli-error';
import { formatTable, type CliOutput } from '../cli-output';

export interface ImportPayDataOptions {
  dryRun?: boolean;
  json?: boolean;
  /** Username of the admin account to act as (their roles and units, their name in the audit trail). */
  as?: string;
}

function describeResult(result: PayDataImportResult): string {
  const mode = result.dryRun ? 'Uji coba (tidak ada yang disimpan)' : result.isCommitted ? 'Impor disimpan' : 'Impor dibatalkan (tidak ada yang disimpan)';
  return `${mode}: ${result.totalRows} baris, ${result.validRows} valid, ${result.created} baru, ${result.updated} diperbarui, ${result.errors.length} galat.`;
}

/**
 * Without `--as` the command is the trusted CLI (audited as `cli:<OS account>`, like the other
 * imports); with it, the named admin account acts with exactly the rights it has on the screen —
 * an admin OPD only for the employees of their units — and is named in the audit trail.
 */
async function createImportContext(executor: Executor, username: string | undefined): Promise<RequestContext> {
  const ctx = await cliContext(executor);
  if (username === undefined) return ctx;
  const [user] = await executor.select({ id: users.id }).from(users).where(eq(users.username, username));
  const actor = user ? await loadActor(executor, user.id, regionToday(ctx)) : null;
  if (!actor) throw new CliError(`Akun ${username} tidak ditemukan atau tidak aktif`);
  if (!hasRole(actor, 'admin_bkpsdm', 'admin_opd')) throw new CliError(`Akun ${username} bukan admin BKPSDM atau admin OPD`);
  return { ...ctx, actor };
}

/**
 * `ekinerja import pay-data FILE [--dry-run] [--json] [--as USERNAME]`: the web import's service
 * (same columns and template, all or nothing), so any bad row writes nothing and exits non-zero.
 */
export async function runImportPayData(file: string, options: ImportPayDataOptions, output: CliOutput): Promise<void> {
  const buffer = await fs.readFile(path.resolve(file)).catch(() => {
    throw new CliError(`Berkas ${file} tidak dapat dibaca`);
  });
  const result = await withDatabase(async ({ db }) => importPayData(db, await createImportContext(db, options.as), { buffer, dryRun: options.dryRun === true }));
  if (options.json) {
    output.out(JSON.stringify(result, null, 2));
  } else {
    if (result.errors.length > 0) output.out(formatTable(['Baris', 'Kolom', 'Pesan'], result.errors.map((error) => [String(error.row), error.column ?? '-', error.message])));
    output.out(describeResult(result));
  }
  if (result.errors.length > 0) throw new CliError(`Berkas ${file} memuat ${result.errors.length} galat; perbaiki lalu ulangi.`);
}
