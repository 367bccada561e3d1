import type { Command } from 'commander';
import { describeTarget, withDatabase } from '../cli-database';
import type { CliOutput } from '../cli-output';

export function registerMigrateCommand(program: Command, output: CliOutput) {
  program
    .command('migrate')
    .description('terapkan migrasi basis data yang belum dijalankan')
    .action(async () => {
      await withDatabase(async (handle, config) => {
        output.out(`Migrasi basis data selesai (${describeTarget(handle, config)}).`);
      });
    });
}
