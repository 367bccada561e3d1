import { Option, type Command } from 'commander';
import { createUserRequest, grantedRoleSchema } from '../../contracts/users';
import { findUnitIdByCode } from '../../server/modules/org';
import { createUser } from '../../server/modules/users/users.service';
import { checkPasswordStrength } from '../../server/platform/passwords';
import { withDatabase } from '../cli-database';
import { cliContext } from '../cli-context';
import { CliError, EXIT_USAGE } from '../cli-error';
import type { CliOutput } from '../cli-output';
import { readStdinLine } from '../read-stdin-line';

interface CreateAdminOptions {
  username: string;
  passwordStdin?: boolean;
  role: string;
  unit?: string;
  name?: string;
  json?: boolean;
}

async function createAdmin(options: CreateAdminOptions, output: CliOutput) {
  // A password on the command line would end up in the shell history and in `ps` output.
  if (!options.passwordStdin) throw new CliError('Kata sandi hanya dibaca dari stdin: tambahkan --password-stdin', EXIT_USAGE);
  const role = grantedRoleSchema.parse(options.role);
  if (role === 'admin_opd' && !options.unit) throw new CliError('Peran admin_opd memerlukan --unit KODE_UNIT', EXIT_USAGE);
  if (role !== 'admin_opd' && options.unit) throw new CliError(`Peran ${role} berlaku untuk seluruh kabupaten: jangan pakai --unit`, EXIT_USAGE);

  if (process.stdin.isTTY) output.err('Ketik kata sandi lalu tekan Enter (akan terlihat di layar; untuk skrip, salurkan lewat pipa):');
  const password = await readStdinLine();
  if (!password) throw new CliError('Tidak ada kata sandi di stdin (satu baris)', EXIT_USAGE);
  // Checked before the database is opened: a weak password should not wait for migrations.
  const weakness = checkPasswordStrength(password);
  if (weakness) throw new CliError(weakness);

  await withDatabase(async ({ db }) => {
    const unitId = options.unit ? await findUnitIdByCode(db, options.unit) : null;
    if (options.unit && !unitId) throw new CliError(`Unit dengan kode ${options.unit} tidak ditemukan`);
    const parsed = createUserRequest.safeParse({
      username: options.username,
      displayName: options.name,
      password,
      // The operator chose this password themselves: no forced change at first login.
      mustChangePassword: false,
      roles: [{ role, unitId }],
    });
    if (!parsed.success) throw new CliError(parsed.error.issues.map((issue) => issue.message).join('; '), EXIT_USAGE);
    const created = await createUser(db, await cliContext(db), { ...parsed.data, password });
    const result = { id: created.id, username: created.username, displayName: created.displayName, role, unit: options.unit ?? null };
    output.out(options.json ? JSON.stringify(result, null, 2) : `Akun ${created.username} (${role}${options.unit ? `, unit ${options.unit}` : ''}) dibuat.`);
  });
}

export function registerUserCommands(program: Command, output: CliOutput) {
  const user = program.command('user').description('kelola akun pengguna');
  user
    .command('create-admin')
    .description('buat akun admin BKPSDM / admin OPD / pimpinan / auditor; kata sandi dibaca dari stdin')
    .requiredOption('--username <nama>', 'nama pengguna untuk masuk')
    .option('--password-stdin', 'baca kata sandi dari baris pertama stdin (wajib)')
    .addOption(new Option('--role <peran>', 'peran yang diberikan').choices(grantedRoleSchema.options).default('admin_bkpsdm'))
    .option('--unit <kode>', 'kode unit cakupan (wajib untuk admin_opd)')
    .option('--name <nama>', 'nama tampilan')
    .option('--json', 'keluaran JSON')
    .action((options: CreateAdminOptions) => createAdmin(options, output));
}
