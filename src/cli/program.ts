import { registerTppCommands } from './commands/tpp-command';
import fs from 'node:fs';
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../server/config';
import { DataDirLockedError } from '../server/db/data-dir-lock';
import { AppError } from '../server/platform/errors';
import { CliError, EXIT_CONFIG, EXIT_DATA_DIR_LOCKED, EXIT_USAGE } from './cli-error';
import { processOutput, type CliOutput } from './cli-output';
import { registerAttendanceCommands } from './commands/attendance-command';
import { registerUserCommands } from './commands/create-admin-command';
import { registerDevicePullCommand } from './commands/device-pull';
import { registerImportCommand } from './commands/import-command';
import { registerMigrateCommand } from './commands/migrate-command';
import { registerSeedDemoCommand } from './commands/seed-demo-command';

const packageJson = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export function buildProgram(output: CliOutput): Command {
  const program = new Command('ekinerja')
    .description(
      'Perintah administrasi e-Kinerja. Memakai konfigurasi yang sama dengan server (DATABASE_URL, DATA_DIR, …);\n' +
        'dengan basis data tertanam, perintah hanya berjalan bila tidak ada server yang memakai direktori data.',
    )
    .version(packageJson.version, '-V, --version', 'tampilkan versi')
    .helpOption('-h, --help', 'tampilkan bantuan')
    .helpCommand('help [perintah]', 'tampilkan bantuan untuk perintah')
    .showHelpAfterError('(jalankan dengan --help untuk bantuan)')
    .configureOutput({ writeOut: (text) => output.out(text.trimEnd()), writeErr: (text) => output.err(text.trimEnd()) })
    .exitOverride();
  registerMigrateCommand(program, output);
  registerSeedDemoCommand(program, output);
  registerUserCommands(program, output);
  registerImportCommand(program, output);
  registerDevicePullCommand(program, output);
  registerTppCommands(program, output);
  registerAttendanceCommands(program, output);
  return program;
}

/** The message and exit code for a failure; expected failures print no stack trace. */
function describeFailure(error: unknown): { message: string | null; exitCode: number } {
  // Commander has already printed its message (unknown option, bad choice …); help and version exit 0.
  if (error instanceof CommanderError) return { message: null, exitCode: error.exitCode === 0 ? 0 : EXIT_USAGE };
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  if (error instanceof DataDirLockedError) return { message: error.message, exitCode: EXIT_DATA_DIR_LOCKED };
  if (error instanceof ConfigError) return { message: error.message, exitCode: EXIT_CONFIG };
  if (error instanceof AppError) {
    // Row- or item-level details (lists) help the operator; a single field name adds nothing.
    const details = Array.isArray(error.details) ? `\n${JSON.stringify(error.details, null, 2)}` : '';
    return { message: `${error.message}${details}`, exitCode: 1 };
  }
  return { message: `Galat tak terduga: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, exitCode: 70 };
}

/** Runs the CLI and returns the process exit code. */
export async function runCli(argv: string[], output: CliOutput = processOutput): Promise<number> {
  try {
    await buildProgram(output).parseAsync(argv);
    return 0;
  } catch (error) {
    const { message, exitCode } = describeFailure(error);
    if (message) output.err(message);
    return exitCode;
  }
}
