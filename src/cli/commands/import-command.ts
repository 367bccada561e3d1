import path from 'node:path';
import { Argument, type Command } from 'commander';
import { importEntities, type ImportResult } from '../../contracts/org';
import { importMasterDataFile } from '../../server/modules/org/import/import-master-data';
import { withDatabase } from '../cli-database';
import { cliContext } from '../cli-context';
import { CliError } from '../cli-error';
import { formatTable, type CliOutput } from '../cli-output';
import { runImportPayData } from './import-pay-data';
import { runImportPunches } from './import-punches';

type ImportEntity = (typeof importEntities)[number];
const isImportEntity = (value: string): value is ImportEntity => (importEntities as readonly string[]).includes(value);

function describeResult(result: ImportResult): string {
  const mode = result.dryRun ? 'Uji coba (tidak ada yang disimpan)' : result.isCommitted ? 'Impor disimpan' : 'Impor dibatalkan (tidak ada yang disimpan)';
  return `${mode}: ${result.totalRows} baris, ${result.validRows} valid, ${result.created} baru, ${result.updated} diperbarui, ${result.errors.length} galat.`;
}

export function registerImportCommand(program: Command, output: CliOutput) {
  program
    .command('import')
    .description('impor data induk, log presensi (punches) atau data gaji (pay-data) dari berkas .xlsx/.csv: semua baris tersimpan, atau tidak satu pun')
    .addArgument(new Argument('<entitas>', 'jenis data').choices([...importEntities, 'punches', 'pay-data']))
    .argument('<berkas>', 'path berkas .xlsx atau .csv')
    .option('--dry-run', 'hanya periksa berkas dan tampilkan galat per baris; tidak menyimpan')
    .option('--serial <SN>', 'punches: nomor seri mesin bila berkas tidak memuat kolom nomor seri')
    .option('--as <username>', 'pay-data: bertindak sebagai akun admin ini (hak dan unitnya, namanya di jejak audit)')
    .option('--json', 'keluaran JSON (hasil impor lengkap)')
    .action(async (entity: string, file: string, options: { dryRun?: boolean; json?: boolean; serial?: string; as?: string }) => {
      if (entity === 'punches') return runImportPunches(file, options, output);
      if (entity === 'pay-data') return runImportPayData(file, options, output);
      if (!isImportEntity(entity)) throw new CliError(`Entitas tidak dikenal: ${entity}`);
      const result = await withDatabase(async ({ db }) => importMasterDataFile(db, await cliContext(db), entity, path.resolve(file), options.dryRun === true));
      if (options.json) {
        output.out(JSON.stringify(result, null, 2));
      } else {
        if (result.errors.length > 0) {
          output.out(formatTable(['Baris', 'Kolom', 'Pesan'], result.errors.map((error) => [String(error.row), error.column ?? '-', error.message])));
        }
        output.out(describeResult(result));
      }
      if (result.errors.length > 0) throw new CliError(`Berkas ${file} memuat ${result.errors.length} galat; perbaiki lalu ulangi.`);
    });
}
