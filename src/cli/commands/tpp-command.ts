import type { Command } from 'commander';
import { tppPeriod } from '../../contracts/tpp';
import { formatRupiah } from '../../domain/tpp/money';
import { findEmployeeIdByNip, findUnitIdByCode } from '../../server/modules/org';
import { getTppExplanation } from '../../server/modules/tpp/results/tpp-explanation.service';
import { seedTppReferenceData } from '../../server/modules/tpp/rule-sets/seed-tpp-reference-data';
import { computeTppNow } from '../../server/modules/tpp/runs/tpp-jobs';
import { systemClock } from '../../server/platform/clock';
import { cliContext } from '../cli-context';
import { withDatabase } from '../cli-database';
import { CliError, EXIT_USAGE } from '../cli-error';
import { formatTable, type CliOutput } from '../cli-output';

function parsePeriod(value: string): string {
  const parsed = tppPeriod.safeParse(value);
  if (!parsed.success) throw new CliError(`--period: bulan harus berformat YYYY-MM (bukan "${value}")`, EXIT_USAGE);
  return parsed.data;
}

interface ComputeOptions {
  period: string;
  unit?: string;
  json?: boolean;
}

interface ExplainOptions {
  period: string;
  nip: string;
  json?: boolean;
}

/** `ekinerja tpp compute` and `ekinerja tpp explain` (issue 6 §2). */
export function registerTppCommands(program: Command, output: CliOutput) {
  const tpp = program.command('tpp').description('TPP: hitung sebulan dan jelaskan hasil seorang pegawai');

  tpp
    .command('compute')
    .description('hitung TPP sebulan untuk seluruh daerah atau satu OPD (berjalan langsung di proses ini)')
    .requiredOption('--period <bulan>', 'bulan (YYYY-MM)')
    .option('--unit <kode>', 'hanya OPD/unit ini beserta subunitnya')
    .option('--json', 'keluaran JSON')
    .action(async (options: ComputeOptions) => {
      const period = parsePeriod(options.period);
      await withDatabase(async ({ db }) => {
        await seedTppReferenceData(db, systemClock);
        const unitId = options.unit ? await findUnitIdByCode(db, options.unit) : null;
        if (options.unit && !unitId) throw new CliError(`Unit dengan kode ${options.unit} tidak ditemukan`);
        const run = await computeTppNow(db, await cliContext(db), { period, unitId });
        if (run.status === 'failed') throw new CliError(run.error ?? 'Perhitungan TPP gagal');
        if (options.json) {
          output.out(JSON.stringify({ ...run, unitCode: options.unit ?? null }, null, 2));
          return;
        }
        output.out(`TPP ${period}${options.unit ? ` unit ${options.unit}` : ''}: ${run.progressDone} pegawai dihitung, ${run.issues.length} tidak dapat dihitung.`);
        if (run.issues.length > 0) output.out(formatTable(['NIP', 'Nama', 'Masalah'], run.issues.map((issue) => [issue.nip, issue.name, issue.message])));
      });
    });

  tpp
    .command('explain')
    .description('jelaskan TPP seorang pegawai sebulan, baris demi baris dengan dasar aturannya')
    .requiredOption('--period <bulan>', 'bulan (YYYY-MM)')
    .requiredOption('--nip <nip>', 'NIP pegawai')
    .option('--json', 'keluaran JSON')
    .action(async (options: ExplainOptions) => {
      const period = parsePeriod(options.period);
      await withDatabase(async ({ db }) => {
        await seedTppReferenceData(db, systemClock);
        const employeeId = await findEmployeeIdByNip(db, options.nip);
        if (!employeeId) throw new CliError(`Pegawai dengan NIP ${options.nip} tidak ditemukan`);
        const explanation = await getTppExplanation(db, await cliContext(db), employeeId, period);
        if (options.json) {
          output.out(JSON.stringify(explanation, null, 2));
          return;
        }
        const { result } = explanation;
        output.out(`${explanation.employee.name} (${explanation.employee.nip}) — TPP ${period}${explanation.isEstimate ? ' (perkiraan)' : ''}`);
        output.out(
          formatTable(
            ['Baris', 'Masukan', 'Aturan', 'Dasar', 'Rupiah'],
            result.lines.map((line) => [line.label, line.input, line.rule, line.citation ?? '', formatRupiah(line.effect)]),
          ),
        );
        output.out(`TPP ${formatRupiah(result.tpp)} · bruto ${formatRupiah(result.gross)} · bersih ${formatRupiah(result.net)} · dibayar ${formatRupiah(explanation.netPayable)}`);
        for (const note of explanation.notes) output.out(`Catatan: ${note}`);
      });
    });
}
