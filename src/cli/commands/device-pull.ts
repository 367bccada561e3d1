import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_ZK_PORT, DEFAULT_ZK_TIMEOUT_MS, storeDeviceLog, type PullDeviceResult } from '../../server/modules/attendance/zk/pull-device';
import { readDeviceLog, type DeviceLogRead } from '../../server/modules/attendance/zk/zk-client';
import { parseCommKey } from '../../server/modules/attendance/zk/zk-comm-key';
import { ZkError, type ZkFailure } from '../../server/modules/attendance/zk/zk-errors';
import { systemClock } from '../../server/platform/clock';
import { withDatabase } from '../cli-database';
import { CliError } from '../cli-error';
import type { CliOutput } from '../cli-output';

/** sysexits.h: the device is unavailable (69), refused the comm key (77), spoke garbage (76). */
const exitCodeByFailure: Record<ZkFailure, number> = {
  unreachable: 69,
  timeout: 69,
  disconnected: 69,
  auth: 77,
  refused: 77,
  protocol: 76,
};

function parsePositiveInteger(max: number) {
  return (value: string): number => {
    const number = Number(value);
    if (!/^\d+$/.test(value) || number < 1 || number > max) throw new InvalidArgumentError(`harus bilangan bulat 1–${max}`);
    return number;
  };
}

function parseCommKeyOption(value: string): number {
  const key = parseCommKey(value);
  if (key === null) throw new InvalidArgumentError('comm key berupa angka seperti di menu mesin (mis. 0 atau 123456)');
  return key;
}

function describeSkew(seconds: number | null): string {
  if (seconds === null) return 'selisih jam tidak diketahui: mesin belum terdaftar';
  return `selisih jam ${seconds >= 0 ? '+' : ''}${seconds} detik`;
}

function describePull(result: PullDeviceResult): string {
  const lines = [
    `Mesin ${result.serialNumber} (${result.transport.toUpperCase()}), jam mesin ${result.deviceTime} (${describeSkew(result.clockSkewSeconds)}).`,
    `${result.records} catatan dibaca: ${result.inserted} baru, ${result.duplicates} sudah ada, ${result.held} ditahan untuk ditinjau, ${result.rejected} tidak dapat dibaca.`,
  ];
  if (!result.isRegistered) lines.push(`Nomor seri ${result.serialNumber} belum terdaftar: presensinya ditahan sampai mesin disetujui.`);
  return lines.join('\n');
}

interface PullOptions {
  host: string;
  port: number;
  commKey?: number;
  udp?: boolean;
  tcp?: boolean;
  timeout: number;
  json?: boolean;
}

/** `ekinerja device pull`: reads a device's whole log over port 4370 (never clears it) and ingests it. */
export function registerDevicePullCommand(program: Command, output: CliOutput) {
  // Other device commands may hang under the same `device` group.
  const device = program.commands.find((command) => command.name() === 'device') ?? program.command('device').description('mesin absensi');
  device
    .command('pull')
    .description('tarik log presensi dari mesin ZKTeco lewat port 4370 (TCP, bila gagal UDP); log di mesin tidak pernah dihapus')
    .requiredOption('--host <host>', 'alamat IP atau nama mesin')
    .option('--port <port>', 'port mesin', parsePositiveInteger(65_535), DEFAULT_ZK_PORT)
    .option('--comm-key <angka>', 'comm key mesin (menu Komunikasi), bila diisi', parseCommKeyOption)
    .option('--udp', 'pakai UDP saja')
    .option('--tcp', 'pakai TCP saja (tanpa beralih ke UDP)')
    .option('--timeout <ms>', 'batas tunggu tiap jawaban mesin (milidetik)', parsePositiveInteger(600_000), DEFAULT_ZK_TIMEOUT_MS)
    .option('--json', 'keluaran JSON')
    .action(async (options: PullOptions) => {
      if (options.udp && options.tcp) throw new CliError('Pilih salah satu: --udp atau --tcp', 64);
      // Taken just before the device clock is read: the reference for its clock skew.
      const readAt = systemClock.now();
      let read: DeviceLogRead;
      try {
        read = await readDeviceLog({
          host: options.host,
          port: options.port,
          commKey: options.commKey ?? null,
          timeoutMs: options.timeout,
          transport: options.udp ? 'udp' : options.tcp ? 'tcp' : 'auto',
        });
      } catch (error) {
        if (error instanceof ZkError) throw new CliError(error.message, exitCodeByFailure[error.failure]);
        throw error;
      }
      // The device is read before the database is opened: the embedded database stays locked only for the write.
      const result = await withDatabase(({ db }) => storeDeviceLog(db, read, { now: readAt }));
      output.out(options.json ? JSON.stringify(result, null, 2) : describePull(result));
    });
}
