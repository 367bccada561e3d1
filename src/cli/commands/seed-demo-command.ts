import type { Command } from 'commander';
import { formatDemoAccountsTable } from '../../server/modules/demo/demo-accounts';
import { describeDemoHistory, seedDemoHistory } from '../../server/modules/demo/seed-demo-history';
import { seedDemoRegency } from '../../server/modules/demo/seed-demo-regency';
import { describeDemoSkp, seedDemoSkp } from '../../server/modules/demo/seed-demo-skp';
import { computeDemoTppMonth } from '../../server/modules/demo/seed-demo-tpp-month';
import { systemClock } from '../../server/platform/clock';
import { describeTarget, withDatabase } from '../cli-database';
import type { CliOutput } from '../cli-output';

export function registerSeedDemoCommand(program: Command, output: CliOutput) {
  program
    .command('seed-demo')
    .description('muat data demo fiktif "Pemerintah Kabupaten Contoh" ke basis data yang masih kosong')
    .option('--json', 'keluaran JSON')
    .action(async (options: { json?: boolean }) => {
      await withDatabase(async (handle, config) => {
        const summary = await seedDemoRegency(handle.db, systemClock);
        const withPast = config.SEED_DEMO_HISTORY === 'true';
        const history = withPast ? await seedDemoHistory(handle.db, systemClock) : null;
        const skp = withPast ? await seedDemoSkp(handle.db, systemClock) : null;
        const tppRun = withPast ? await computeDemoTppMonth(handle.db, systemClock) : null;
        const tpp = tppRun && { period: tppRun.period, status: tppRun.status, employees: tppRun.progressDone };
        if (options.json) {
          output.out(JSON.stringify({ ...summary, history, skp, tpp }, null, 2));
          return;
        }
        output.out(`Data demo dimuat ke ${describeTarget(handle, config)}:`);
        output.out(
          `  ${summary.opdCount} OPD, ${summary.unitCount} unit, ${summary.positionCount} jabatan (${summary.vacantPositionCount} lowong), ` +
            `${summary.employeeCount} pegawai (${summary.pppkCount} PPPK), ${summary.actingAssignmentCount} Plt/Plh, ${summary.superiorOverrideCount} atasan khusus`,
        );
        if (history) output.out(`  riwayat: ${describeDemoHistory(history)}`);
        if (skp) output.out(`  SKP: ${describeDemoSkp(skp)}`);
        if (tpp) output.out(`  TPP bulan ${tpp.period} dihitung untuk ${tpp.employees} pegawai (bulan belum ditutup)`);
        output.out(`\nAkun demo:\n${formatDemoAccountsTable()}`);
      });
    });
}
