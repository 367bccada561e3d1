import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { asc, count, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerDevicePullCommand } from '../../src/cli/commands/device-pull';
import { CliError } from '../../src/cli/cli-error';
import type { DatabaseHandle } from '../../src/server/db/client';
import { createDeviceRequest } from '../../src/contracts/attendance-devices';
import { deviceRawMessages, devices, deviceUserMappings, employees, punches } from '../../src/server/db/schema';
import { createDevice } from '../../src/server/modules/attendance/devices/devices.service';
import { systemContext } from '../../src/server/platform/actor';
import { fixedClock } from '../../src/server/platform/clock';
import { pullDevice, pullRegisteredDevices } from '../../src/server/modules/attendance/zk/pull-device';
import { decodeZkRawMessage } from '../../src/server/modules/attendance/zk/zk-punch-records';
import { reparseRawMessage } from '../../src/server/modules/attendance/punches/reparse-raw-message';
import { createEmployeeFixture } from '../helpers/factories';
import { openTestDatabase } from '../helpers/test-database';
import { startZkEmulator, type EmulatedRecord, type ZkEmulator, type ZkEmulatorOptions } from '../support/zk-emulator/zk-emulator';

/** 09:00:00 UTC = 18:00:00 WIT (Asia/Jayapura) on the device's wall clock. */
const NOW = new Date('2026-03-02T09:00:00Z');
const NIP = '198507142010011001';

describe('pulling a device over port 4370 into punches', () => {
  let handle: DatabaseHandle;
  let employeeId: string;
  const clock = fixedClock(NOW);
  const emulators: ZkEmulator[] = [];

  beforeAll(async () => {
    handle = await openTestDatabase();
    ({ id: employeeId } = await createEmployeeFixture(handle.db, clock, { nip: NIP }));
  });
  afterAll(async () => handle.close());
  afterEach(async () => {
    for (const emulator of emulators.splice(0)) await emulator.close();
  });

  async function start(options: Partial<ZkEmulatorOptions> & { serialNumber: string; records: EmulatedRecord[] }): Promise<ZkEmulator> {
    const emulator = await startZkEmulator({ deviceTime: '2026-03-02 18:00:30', recordSize: 40, ...options });
    emulators.push(emulator);
    return emulator;
  }

  async function registerDevice(serialNumber: string, overrides: Partial<typeof devices.$inferInsert> = {}): Promise<string> {
    const [row] = await handle.db
      .insert(devices)
      .values({ serialNumber, name: `Mesin ${serialNumber}`, timeZone: 'Asia/Jayapura', protocol: 'zk4370', ...overrides })
      .returning({ id: devices.id });
    if (!row) throw new Error('no device');
    return row.id;
  }

  const punchesOf = (serialNumber: string) =>
    handle.db.select().from(punches).where(eq(punches.serialNumber, serialNumber)).orderBy(asc(punches.localTime), asc(punches.pin));
  const rawMessagesOf = (serialNumber: string) => handle.db.select().from(deviceRawMessages).where(eq(deviceRawMessages.serialNumber, serialNumber));

  it('stores the raw log, ingests punches in the device zone, and records contact and clock skew; a re-pull adds nothing', async () => {
    const serialNumber = 'ZK-PULL-0001';
    const deviceId = await registerDevice(serialNumber);
    await handle.db.insert(deviceUserMappings).values({ deviceId, pin: NIP, employeeId, startDate: '2026-01-01' });
    const records = [
      { userId: NIP, localTime: '2026-03-02 07:31:00', verifyCode: 1, stateCode: 0 },
      { userId: NIP, localTime: '2026-03-02 16:05:10', verifyCode: 15, stateCode: 1 },
      { userId: '77', localTime: '2026-03-02 07:45:00' },
    ];
    const emulator = await start({ serialNumber, commKey: 4321, records });
    const first = await pullDevice(handle.db, { host: '127.0.0.1', port: emulator.port, commKey: 4321, timeoutMs: 2000, now: NOW, transport: 'tcp' });
    expect(first).toMatchObject({ serialNumber, deviceTime: '2026-03-02 18:00:30', clockSkewSeconds: 30, isRegistered: true, records: 3, inserted: 3, duplicates: 0, held: 1 });

    const stored = await punchesOf(serialNumber);
    expect(stored.map((punch) => [punch.pin, punch.localTime, punch.instant.toISOString(), punch.employeeId, punch.reviewStatus, punch.source])).toEqual([
      [NIP, '2026-03-02 07:31:00', '2026-03-01T22:31:00.000Z', employeeId, 'ok', 'zk4370'],
      ['77', '2026-03-02 07:45:00', '2026-03-01T22:45:00.000Z', null, 'unknown_pin', 'zk4370'],
      [NIP, '2026-03-02 16:05:10', '2026-03-02T07:05:10.000Z', employeeId, 'ok', 'zk4370'],
    ]);
    expect(stored[0]?.verifyCode).toBe(1);
    expect(stored[2]?.statusCode).toBe(1);

    const [raw] = await rawMessagesOf(serialNumber);
    expect(raw).toMatchObject({ channel: 'zk4370', kind: 'zk_attlog', query: 'records=3', parseStatus: 'parsed', recordCount: 3 });
    expect(stored.every((punch) => punch.rawMessageId === raw?.id)).toBe(true);
    // The stored body decodes again to the same records (re-parsing).
    expect(decodeZkRawMessage(raw?.body ?? Buffer.alloc(0), raw?.query ?? null).records.map((record) => [record.pin, record.localTime])).toEqual(
      records.map((record) => [record.userId, record.localTime]),
    );

    const [device] = await handle.db.select().from(devices).where(eq(devices.id, deviceId));
    expect(device?.lastContactAt?.toISOString()).toBe(NOW.toISOString());
    expect(device?.lastClockSkewSeconds).toBe(30);

    const later = new Date(NOW.getTime() + 3_600_000);
    const again = await pullDevice(handle.db, { host: '127.0.0.1', port: emulator.port, commKey: 4321, timeoutMs: 2000, now: later, transport: 'udp' });
    expect(again).toMatchObject({ transport: 'udp', records: 3, inserted: 0, duplicates: 3, held: 0, clockSkewSeconds: 30 - 3600 });
    expect(await punchesOf(serialNumber)).toHaveLength(3);
    expect(await rawMessagesOf(serialNumber)).toHaveLength(2);
    expect(emulator.received.map((entry) => entry.command)).not.toContain(15);

    // The stored buffer can be parsed again through the shared re-parse path: nothing new.
    const reparsed = await reparseRawMessage(handle.db, raw?.id ?? -1);
    expect(reparsed).toMatchObject({ kind: 'zk_attlog', accepted: 3, inserted: 0, duplicates: 3 });
    expect(await punchesOf(serialNumber)).toHaveLength(3);
  });

  it('holds the punches of an unregistered serial and reports no skew', async () => {
    const emulator = await start({ serialNumber: 'ZK-UNKNOWN-01', records: [{ userId: '5', localTime: '2026-03-02 07:00:00' }] });
    const result = await pullDevice(handle.db, { host: '127.0.0.1', port: emulator.port, commKey: null, timeoutMs: 2000, now: NOW });
    expect(result).toMatchObject({ isRegistered: false, clockSkewSeconds: null, inserted: 1, held: 1 });
    expect((await punchesOf('ZK-UNKNOWN-01'))[0]?.reviewStatus).toBe('unknown_device');

    // Registering the serial afterwards releases the held punch to the PIN check (PIN 5 is not mapped yet).
    const unit = (await handle.db.select({ unitId: employees.unitId }).from(employees).where(eq(employees.id, employeeId)))[0]?.unitId ?? null;
    const created = await createDevice(handle.db, systemContext('test', clock, 'Asia/Jakarta'), createDeviceRequest.parse({ serialNumber: 'ZK-UNKNOWN-01', name: 'Mesin baru', unitId: unit, timeZone: 'Asia/Jayapura', protocol: 'zk4370' }));
    expect((await punchesOf('ZK-UNKNOWN-01'))[0]?.reviewStatus).toBe('unknown_pin');
    expect(created.affected).toEqual([]);
  });

  it('stores nothing when the device stops mid-transfer', async () => {
    const serialNumber = 'ZK-DROP-0001';
    await registerDevice(serialNumber);
    const records = Array.from({ length: 2500 }, (_, index) => ({ userId: String(index + 1), localTime: '2026-03-02 07:10:00' }));
    const emulator = await start({ serialNumber, records, dropAfterChunks: 1 });
    await expect(pullDevice(handle.db, { host: '127.0.0.1', port: emulator.port, commKey: null, timeoutMs: 2000, now: NOW, transport: 'tcp' })).rejects.toThrow(
      /terhenti setelah 65472 dari 100004 bita/,
    );
    expect(await rawMessagesOf(serialNumber)).toHaveLength(0);
    const [{ value } = { value: -1 }] = await handle.db.select({ value: count() }).from(punches).where(eq(punches.serialNumber, serialNumber));
    expect(value).toBe(0);
  });

  it('keeps undecodable records out of punches but in the raw message, with the reason', async () => {
    const serialNumber = 'ZK-BADREC-01';
    await registerDevice(serialNumber);
    // The device encoding has 31 days in every month: 2026-02-31 can come out of a corrupt record.
    const emulator = await start({ serialNumber, records: [{ userId: '9', localTime: '2026-02-31 07:00:00' }, { userId: '9', localTime: '2026-03-02 07:00:00' }] });
    const result = await pullDevice(handle.db, { host: '127.0.0.1', port: emulator.port, commKey: null, timeoutMs: 2000, now: NOW });
    expect(result).toMatchObject({ records: 2, rejected: 1, inserted: 1 });
    const [raw] = await rawMessagesOf(serialNumber);
    expect(raw?.parseError).toMatch(/1 baris.*waktu tidak valid \(9 2026-02-31 07:00:00\)/);
  });

  it('pulls every active zk4370 device with a host; one offline device does not stop the others', async () => {
    const online = await start({ serialNumber: 'ZK-SCHED-001', records: [{ userId: '1', localTime: '2026-03-02 07:00:00' }] });
    const offline = await start({ serialNumber: 'ZK-SCHED-002', records: [], isTcpEnabled: false, isUdpEnabled: false });
    await registerDevice('ZK-SCHED-001', { host: '127.0.0.1', port: online.port });
    await registerDevice('ZK-SCHED-002', { host: '127.0.0.1', port: offline.port });
    await registerDevice('ZK-SCHED-003', { host: '127.0.0.1', port: online.port, status: 'disabled' });
    await registerDevice('ZK-SCHED-004', { host: '127.0.0.1', port: online.port, protocol: 'adms' });
    await registerDevice('ZK-SCHED-005', { host: '127.0.0.1', port: online.port, commKey: 'rahasia' });

    const outcomes = await pullRegisteredDevices(handle.db, clock, { databaseKind: handle.kind, timeoutMs: 300 });
    const bySerial = new Map(outcomes?.map((outcome) => [outcome.registeredSerial, outcome]));
    expect([...bySerial.keys()].filter((serial) => serial.startsWith('ZK-SCHED'))).toEqual(['ZK-SCHED-001', 'ZK-SCHED-002', 'ZK-SCHED-005']);
    expect(bySerial.get('ZK-SCHED-001')).toMatchObject({ error: null, result: { inserted: 1, clockSkewSeconds: 30 } });
    expect(bySerial.get('ZK-SCHED-002')).toMatchObject({ result: null, error: expect.stringMatching(/tidak menjawab|tidak dapat dihubungi/) });
    expect(bySerial.get('ZK-SCHED-005')?.error).toMatch(/Comm key mesin ZK-SCHED-005 tidak valid/);
    expect(online.received.filter((entry) => entry.command === 1000)).toHaveLength(1);
  });

  it('skips the round while another process holds the pull lock (PostgreSQL), and pulls again once it is free', async () => {
    const emulator = await start({ serialNumber: 'ZK-LOCK-0001', records: [{ userId: '3', localTime: '2026-03-02 07:00:00' }] });
    await registerDevice('ZK-LOCK-0001', { host: '127.0.0.1', port: emulator.port });
    const pull = () => pullRegisteredDevices(handle.db, clock, { databaseKind: handle.kind, timeoutMs: 300 });
    if (handle.kind === 'postgresql') {
      // Another process = another connection holding the same advisory lock in its transaction.
      const held = await handle.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(7231043)`);
        return pull();
      });
      expect(held).toBeNull();
      expect(emulator.received).toHaveLength(0);
    }
    const outcomes = await pull();
    expect(outcomes?.find((outcome) => outcome.registeredSerial === 'ZK-LOCK-0001')).toMatchObject({ error: null, result: { records: 1 } });
  });
});

describe('ekinerja device pull', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ekinerja-zk-cli-'));
  const savedEnv = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  let emulator: ZkEmulator;

  beforeAll(async () => {
    process.env.DATA_DIR = dataDir;
    delete process.env.DATABASE_URL;
    emulator = await startZkEmulator({
      serialNumber: 'ZK-CLI-0001',
      commKey: 777,
      deviceTime: '2026-03-02 08:00:00',
      recordSize: 16,
      records: [{ userId: '1001', localTime: '2026-03-02 07:30:00', workCode: 4 }],
    });
  });
  afterAll(async () => {
    await emulator.close();
    for (const [key, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function run(args: string[]): Promise<{ out: string[]; error: unknown }> {
    const out: string[] = [];
    const program = new Command('ekinerja').exitOverride();
    registerDevicePullCommand(program, { out: (text) => out.push(text), err: (text) => out.push(text) });
    const error = await program.parseAsync(['node', 'ekinerja', 'device', 'pull', ...args]).then(
      () => null,
      (caught: unknown) => caught,
    );
    return { out, error };
  }

  it('pulls with the comm key, prints JSON, and maps a refused key to exit code 77', async () => {
    const ok = await run(['--host', '127.0.0.1', '--port', String(emulator.port), '--comm-key', '777', '--json']);
    expect(ok.error).toBeNull();
    expect(JSON.parse(ok.out.join('\n'))).toMatchObject({ serialNumber: 'ZK-CLI-0001', records: 1, inserted: 1, held: 1, transport: 'tcp' });

    const refused = await run(['--host', '127.0.0.1', '--port', String(emulator.port), '--comm-key', '778', '--udp']);
    expect(refused.error).toBeInstanceOf(CliError);
    expect(refused.error).toMatchObject({ exitCode: 77, message: expect.stringMatching(/Comm key ditolak/) });
    expect(emulator.received.map((entry) => entry.command)).not.toContain(15);
  }, 60_000);
});
