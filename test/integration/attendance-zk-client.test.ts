import { afterEach, describe, expect, it } from 'vitest';
import { readDeviceLog, type ZkConnectOptions } from '../../src/server/modules/attendance/zk/zk-client';
import { ZkError } from '../../src/server/modules/attendance/zk/zk-errors';
import { startZkEmulator, type EmulatedRecord, type ZkEmulator, type ZkEmulatorOptions } from '../support/zk-emulator/zk-emulator';

const CLEAR_ATTLOG = 15;

/** `count` punches of numeric PINs over consecutive minutes (deterministic). */
function makeRecords(count: number): EmulatedRecord[] {
  return Array.from({ length: count }, (_, index) => {
    const minutes = 7 * 60 + index;
    const day = 2 + Math.floor(minutes / (24 * 60));
    const minuteOfDay = minutes % (24 * 60);
    const time = `2026-03-${String(day).padStart(2, '0')} ${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}:${String(index % 60).padStart(2, '0')}`;
    return { userId: String(1000 + (index % 500)), localTime: time, verifyCode: index % 2 ? 15 : 1, stateCode: index % 2 };
  });
}

describe('ZK 4370 client against the emulator', () => {
  const emulators: ZkEmulator[] = [];
  afterEach(async () => {
    for (const emulator of emulators.splice(0)) await emulator.close();
  });

  async function start(overrides: Partial<ZkEmulatorOptions> = {}): Promise<ZkEmulator> {
    const emulator = await startZkEmulator({
      serialNumber: 'CKJ7201260001',
      deviceTime: '2026-03-02 09:15:00',
      recordSize: 40,
      records: makeRecords(3),
      ...overrides,
    });
    emulators.push(emulator);
    return emulator;
  }

  const optionsFor = (emulator: ZkEmulator, overrides: Partial<ZkConnectOptions> = {}): ZkConnectOptions => ({
    host: '127.0.0.1',
    port: emulator.port,
    commKey: null,
    timeoutMs: 2000,
    transport: 'tcp',
    ...overrides,
  });

  it.each(['tcp', 'udp'] as const)('reads serial, clock and a small log over %s, and never clears it', async (transport) => {
    const emulator = await start();
    const read = await readDeviceLog(optionsFor(emulator, { transport }));
    expect(read).toMatchObject({ serialNumber: 'CKJ7201260001', deviceTime: '2026-03-02 09:15:00', transport, recordSize: 40 });
    expect(read.records.map((record) => [record.userId, record.localTime])).toEqual(makeRecords(3).map((record) => [record.userId, record.localTime]));
    const commands = emulator.received.map((entry) => entry.command);
    expect(commands).toEqual([1000, 11, 201, 1003, 50, 1503, 1002, 1001]);
    expect(commands).not.toContain(CLEAR_ATTLOG);
    expect(emulator.received.every((entry) => entry.transport === transport && entry.isChecksumValid)).toBe(true);
    expect(emulator.received.map((entry) => entry.reply)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(emulator.isDisabled()).toBe(false);
  });

  it.each([
    ['tcp', false, 2],
    ['udp', false, 8],
    ['tcp', true, 2],
    ['udp', true, 8],
  ] as const)('reads a few thousand records in chunks over %s (streamed: %s)', async (transport, isStreaming, expectedChunks) => {
    // 3000 × 40 bytes = 120 004 bytes: 2 chunks of 0xFFC0 over TCP, 8 of 16 KiB over UDP.
    const records = makeRecords(3000);
    const emulator = await start({ records, isStreaming });
    const read = await readDeviceLog(optionsFor(emulator, { transport }));
    expect(read.records).toHaveLength(3000);
    expect(read.records[2999]?.localTime).toBe(records[2999]?.localTime);
    expect(read.records.map((record) => record.userId)).toEqual(records.map((record) => record.userId));
    expect(emulator.chunksServed()).toBe(expectedChunks);
    expect(emulator.received.map((entry) => entry.command)).toContain(1502);
  });

  it.each([8, 16] as const)('decodes %i-byte firmware records', async (recordSize) => {
    const emulator = await start({ recordSize, records: makeRecords(700) });
    const read = await readDeviceLog(optionsFor(emulator));
    expect(read.recordSize).toBe(recordSize);
    expect(read.records.slice(0, 2).map((record) => [record.userId, record.localTime, record.verifyCode])).toEqual([
      ['1000', '2026-03-02 07:00:00', 1],
      ['1001', '2026-03-02 07:01:01', 15],
    ]);
  });

  it('keeps a 24-character user id and an 18-digit NIP PIN', async () => {
    const ids = ['198507142010011001', 'PEGAWAI-KONTRAK-00000001'];
    const emulator = await start({ records: ids.map((userId) => ({ userId, localTime: '2026-03-02 07:29:59' })) });
    const read = await readDeviceLog(optionsFor(emulator, { transport: 'udp' }));
    expect(read.records.map((record) => record.userId)).toEqual(ids);
  });

  it.each(['tcp', 'udp'] as const)('authenticates with the comm key over %s and refuses a wrong or missing one', async (transport) => {
    const emulator = await start({ commKey: 123456 });
    const read = await readDeviceLog(optionsFor(emulator, { transport, commKey: 123456 }));
    expect(read.records).toHaveLength(3);
    expect(emulator.received.map((entry) => entry.command).slice(0, 2)).toEqual([1000, 1102]);

    const wrong = readDeviceLog(optionsFor(emulator, { transport, commKey: 654321 }));
    await expect(wrong).rejects.toThrow(/Comm key ditolak/);
    await expect(readDeviceLog(optionsFor(emulator, { transport }))).rejects.toMatchObject({ failure: 'auth', message: expect.stringMatching(/--comm-key/) });
  });

  it('falls back to UDP when TCP cannot connect', async () => {
    const emulator = await start({ isTcpEnabled: false });
    const read = await readDeviceLog(optionsFor(emulator, { transport: 'auto' }));
    expect(read.transport).toBe('udp');
    expect(read.records).toHaveLength(3);
  });

  it('reports an unreachable device clearly', async () => {
    const emulator = await start({ isTcpEnabled: false });
    await expect(readDeviceLog(optionsFor(emulator, { transport: 'tcp' }))).rejects.toMatchObject({
      failure: 'unreachable',
      message: expect.stringMatching(/Tidak dapat terhubung ke mesin 127\.0\.0\.1:\d+ lewat TCP/),
    });
  });

  it('fails clearly when the device drops the TCP connection mid-transfer', async () => {
    const emulator = await start({ records: makeRecords(3000), dropAfterChunks: 1 });
    const error = await readDeviceLog(optionsFor(emulator)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ZkError);
    expect((error as ZkError).message).toMatch(/memutus sambungan.*terhenti setelah 65472 dari 120004 bita, tidak ada yang disimpan/);
  });

  it('fails clearly when a UDP device goes silent mid-transfer', async () => {
    const emulator = await start({ records: makeRecords(3000), dropAfterChunks: 2 });
    const error = await readDeviceLog(optionsFor(emulator, { transport: 'udp', timeoutMs: 300 })).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ failure: 'timeout', message: expect.stringMatching(/tidak menjawab dalam 300 ms.*32768 dari 120004 bita/) });
  });
});
