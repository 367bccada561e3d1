import type { Command } from 'commander';
import { isoDate } from '../../contracts/common';
import { deriveAttendanceRows } from '../../server/modules/attendance/daily/derive-attendance-rows';
import { findAttendanceEmployees, findStoredDays } from '../../server/modules/attendance/daily/daily.repository';
import { rebuildDailyAttendance } from '../../server/modules/attendance/daily/rebuild-daily-attendance';
import { findEmployeeIdByNip, findUnitIdByCode } from '../../server/modules/org';
import { systemClock } from '../../server/platform/clock';
import { withDatabase } from '../cli-database';
import { CliError, EXIT_USAGE } from '../cli-error';
import { formatTable, type CliOutput } from '../cli-output';

function parseDate(value: string, option: string): string {
  const parsed = isoDate.safeParse(value);
  if (!parsed.success) throw new CliError(`${option}: tanggal harus berformat YYYY-MM-DD (bukan "${value}")`, EXIT_USAGE);
  return parsed.data;
}

interface RebuildOptions {
  from: string;
  to: string;
  unit?: string;
  json?: boolean;
}

interface ShowOptions {
  nip: string;
  date: string;
  json?: boolean;
}

const iso = (value: Date | null) => value?.toISOString() ?? null;

export function registerAttendanceCommands(program: Command, output: CliOutput) {
  const attendance = program.command('attendance').description('kehadiran harian: hitung ulang dan periksa');

  attendance
    .command('rebuild')
    .description('hitung ulang kehadiran harian dari presensi, jadwal, hari libur dan permohonan yang disetujui')
    .requiredOption('--from <tanggal>', 'tanggal awal (YYYY-MM-DD)')
    .requiredOption('--to <tanggal>', 'tanggal akhir (YYYY-MM-DD)')
    .option('--unit <kode>', 'hanya unit ini beserta subunitnya')
    .option('--json', 'keluaran JSON')
    .action(async (options: RebuildOptions) => {
      const from = parseDate(options.from, '--from');
      const to = parseDate(options.to, '--to');
      await withDatabase(async ({ db }) => {
        const unitId = options.unit ? await findUnitIdByCode(db, options.unit) : null;
        if (options.unit && !unitId) throw new CliError(`Unit dengan kode ${options.unit} tidak ditemukan`);
        const result = await rebuildDailyAttendance(db, { ...(unitId ? { unitId } : {}), from, to, now: systemClock.now() });
        output.out(
          options.json
            ? JSON.stringify({ from, to, unit: options.unit ?? null, ...result }, null, 2)
            : `Kehadiran ${from} s.d. ${to}${options.unit ? ` unit ${options.unit}` : ''}: ${result.rows} baris untuk ${result.employees} pegawai.` +
                (result.closedPeriods.length > 0 ? ` Bulan yang sudah ditutup tidak dihitung ulang: ${result.closedPeriods.join(', ')}.` : ''),
        );
      });
    });

  attendance
    .command('show')
    .description('tampilkan kehadiran seorang pegawai pada satu tanggal (tersimpan, atau dihitung bila belum)')
    .requiredOption('--nip <nip>', 'NIP pegawai')
    .requiredOption('--date <tanggal>', 'tanggal (YYYY-MM-DD)')
    .option('--json', 'keluaran JSON')
    .action(async (options: ShowOptions) => {
      const date = parseDate(options.date, '--date');
      await withDatabase(async ({ db }) => {
        const employeeId = await findEmployeeIdByNip(db, options.nip);
        if (!employeeId) throw new CliError(`Pegawai dengan NIP ${options.nip} tidak ditemukan`);
        const [stored] = await findStoredDays(db, { employeeIds: [employeeId], from: date, to: date });
        let day: Record<string, unknown> | null = null;
        if (stored) {
          day = { ...stored, isStored: true, plannedStart: iso(stored.plannedStart), plannedEnd: iso(stored.plannedEnd), firstIn: iso(stored.firstIn), lastOut: iso(stored.lastOut), punchIds: stored.punchIds.map(Number) };
        } else {
          const employees = await findAttendanceEmployees(db, { employeeIds: [employeeId] });
          const [derived] = await deriveAttendanceRows(db, employees, date, date, systemClock.now());
          if (derived) day = { ...derived, isStored: false, plannedStart: iso(derived.plannedStart), plannedEnd: iso(derived.plannedEnd), firstIn: iso(derived.firstIn), lastOut: iso(derived.lastOut) };
        }
        if (!day) throw new CliError(`Tidak ada kehadiran untuk NIP ${options.nip} pada ${date} (tanpa jadwal, pegawai tidak aktif, atau hari belum dimulai)`);
        if (options.json) {
          output.out(JSON.stringify({ nip: options.nip, ...day }, null, 2));
          return;
        }
        const rows = Object.entries(day).map(([key, value]) => [key, Array.isArray(value) ? value.join(', ') : String(value ?? '-')]);
        output.out(formatTable(['kolom', 'nilai'], rows));
      });
    });
}
