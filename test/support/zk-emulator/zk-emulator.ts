/**
 * A fingerprint machine speaking the ZK binary protocol over TCP and UDP on the same port
 * number, for tests (and benchmarks). It keeps a fixed attendance log, never changes it, and
 * logs every command it receives so tests can check what a client sent.
 */
import dgram from 'node:dgram';
import net from 'node:net';
import { encodeZkTime } from '../../../src/server/modules/attendance/zk/zk-time';
import {
  buildPacket,
  checksumOf,
  encodeAttendanceBuffer,
  frame,
  isCommKeyProof,
  type EmulatedRecord,
  type EmulatedRecordSize,
} from './emulator-codec';

export type { EmulatedRecord, EmulatedRecordSize } from './emulator-codec';

const CMD = {
  CONNECT: 1000,
  EXIT: 1001,
  ENABLE_DEVICE: 1002,
  DISABLE_DEVICE: 1003,
  AUTH: 1102,
  OPTIONS_RRQ: 11,
  GET_FREE_SIZES: 50,
  GET_TIME: 201,
  PREPARE_BUFFER: 1503,
  READ_BUFFER: 1504,
  FREE_DATA: 1502,
  ACK_OK: 2000,
  ACK_ERROR: 2001,
  ACK_UNAUTH: 2005,
  PREPARE_DATA: 1500,
  DATA: 1501,
} as const;

export interface ZkEmulatorOptions {
  serialNumber: string;
  /** Comm key set on the "device"; null = none. */
  commKey?: number | null;
  /** The device clock, wall-clock 'YYYY-MM-DD HH:MM:SS'. */
  deviceTime: string;
  recordSize: EmulatedRecordSize;
  records: EmulatedRecord[];
  /** Serve this many READ_BUFFER chunks, then drop the connection (TCP) or go silent (UDP). */
  dropAfterChunks?: number | null;
  /** Answer READ_BUFFER with PREPARE_DATA + several DATA packets + ACK_OK instead of one DATA. */
  isStreaming?: boolean;
  /** Logs up to this many bytes are answered inline (DATA) to PREPARE_BUFFER, like firmware does. */
  inlineLimit?: number;
  /** Which transports answer. */
  isTcpEnabled?: boolean;
  isUdpEnabled?: boolean;
}

export interface ReceivedCommand {
  transport: 'tcp' | 'udp';
  command: number;
  reply: number;
  isChecksumValid: boolean;
}

export interface ZkEmulator {
  port: number;
  received: ReceivedCommand[];
  /** Sum of READ_BUFFER chunks served, over all sessions. */
  chunksServed(): number;
  isDisabled(): boolean;
  close(): Promise<void>;
}

interface SessionState {
  session: number;
  isAuthenticated: boolean;
  buffer: Buffer | null;
  isDead: boolean;
}

type Reply = { packets: Buffer[]; shouldDrop: boolean };

export async function startZkEmulator(options: ZkEmulatorOptions): Promise<ZkEmulator> {
  const received: ReceivedCommand[] = [];
  const commKey = options.commKey ?? null;
  const inlineLimit = options.inlineLimit ?? 512;
  let chunksServed = 0;
  let isDisabled = false;
  let nextSession = 0x4a10;

  function answer(state: SessionState, transport: 'tcp' | 'udp', packet: Buffer): Reply {
    const command = packet.readUInt16LE(0);
    const reply = packet.readUInt16LE(6);
    const data = packet.subarray(8);
    const isChecksumValid = packet.readUInt16LE(2) === checksumOf(packet);
    received.push({ transport, command, reply, isChecksumValid });
    const send = (code: number, payload?: Buffer): Reply => ({ packets: [buildPacket(code, state.session, reply, payload)], shouldDrop: false });
    if (!isChecksumValid) return send(CMD.ACK_ERROR);
    if (command === CMD.CONNECT) {
      state.session = nextSession++;
      state.isAuthenticated = commKey === null;
      return send(commKey === null ? CMD.ACK_OK : CMD.ACK_UNAUTH);
    }
    if (command === CMD.AUTH) {
      state.isAuthenticated = commKey !== null && isCommKeyProof(data, commKey, state.session);
      return send(state.isAuthenticated ? CMD.ACK_OK : CMD.ACK_UNAUTH);
    }
    if (!state.isAuthenticated) return send(CMD.ACK_UNAUTH);
    switch (command) {
      case CMD.OPTIONS_RRQ:
        return data.toString('latin1').startsWith('~SerialNumber')
          ? send(CMD.ACK_OK, Buffer.from(`~SerialNumber=${options.serialNumber}\0`, 'latin1'))
          : send(CMD.ACK_ERROR);
      case CMD.GET_TIME: {
        const time = Buffer.alloc(4);
        time.writeUInt32LE(encodeZkTime(options.deviceTime), 0);
        return send(CMD.ACK_OK, time);
      }
      case CMD.DISABLE_DEVICE:
        isDisabled = true;
        return send(CMD.ACK_OK);
      case CMD.ENABLE_DEVICE:
        isDisabled = false;
        return send(CMD.ACK_OK);
      case CMD.GET_FREE_SIZES: {
        const sizes = Buffer.alloc(92);
        sizes.writeInt32LE(options.records.length, 8 * 4);
        return send(CMD.ACK_OK, sizes);
      }
      case CMD.PREPARE_BUFFER: {
        if (!data.equals(Buffer.from([1, 0x0d, 0, 0, 0, 0, 0, 0, 0, 0, 0]))) return send(CMD.ACK_ERROR);
        state.buffer = encodeAttendanceBuffer(options.records, options.recordSize);
        if (state.buffer.length <= inlineLimit) return send(CMD.DATA, state.buffer);
        const size = Buffer.alloc(9);
        size.writeUInt32LE(state.buffer.length, 1);
        return send(CMD.ACK_OK, size);
      }
      case CMD.READ_BUFFER: {
        if (!state.buffer || data.length < 8) return send(CMD.ACK_ERROR);
        if (options.dropAfterChunks != null && chunksServed >= options.dropAfterChunks) return { packets: [], shouldDrop: true };
        chunksServed += 1;
        const start = data.readInt32LE(0);
        const slice = state.buffer.subarray(start, start + data.readInt32LE(4));
        if (!options.isStreaming) return send(CMD.DATA, slice);
        const size = Buffer.alloc(4);
        size.writeUInt32LE(slice.length, 0);
        const packets = [buildPacket(CMD.PREPARE_DATA, state.session, reply, size)];
        for (let offset = 0; offset < slice.length; offset += 1024) {
          packets.push(buildPacket(CMD.DATA, state.session, reply, slice.subarray(offset, offset + 1024)));
        }
        packets.push(buildPacket(CMD.ACK_OK, state.session, reply));
        return { packets, shouldDrop: false };
      }
      case CMD.FREE_DATA:
        state.buffer = null;
        return send(CMD.ACK_OK);
      case CMD.EXIT:
        return send(CMD.ACK_OK);
      default:
        // Anything else (CLEAR_ATTLOG included) is refused: the log never changes.
        return send(CMD.ACK_ERROR);
    }
  }

  const newState = (): SessionState => ({ session: 0, isAuthenticated: false, buffer: null, isDead: false });
  const sockets = new Set<net.Socket>();

  const tcpServer = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    const state = newState();
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 8) {
        const length = pending.readUInt32LE(4);
        if (pending.length < 8 + length) return;
        const packet = pending.subarray(8, 8 + length);
        pending = pending.subarray(8 + length);
        const result = answer(state, 'tcp', packet);
        if (result.shouldDrop) {
          socket.destroy();
          return;
        }
        for (const out of result.packets) socket.write(frame(out));
        if (packet.readUInt16LE(0) === CMD.EXIT) socket.end();
      }
    });
  });

  const { port, udpSocket } = await listenOnSamePort(tcpServer);
  const udpStates = new Map<string, SessionState>();
  udpSocket.on('message', (message, remote) => {
    if (message.length < 8) return;
    const key = `${remote.address}:${remote.port}`;
    const state = udpStates.get(key) ?? newState();
    udpStates.set(key, state);
    if (state.isDead) return;
    const result = answer(state, 'udp', message);
    if (result.shouldDrop) {
      state.isDead = true;
      return;
    }
    for (const out of result.packets) udpSocket.send(out, remote.port, remote.address);
  });

  // A disabled transport is closed again, so connecting to it fails like on a real network.
  if (options.isTcpEnabled === false) await new Promise<void>((resolve) => tcpServer.close(() => resolve()));
  if (options.isUdpEnabled === false) await new Promise<void>((resolve) => udpSocket.close(() => resolve()));

  return {
    port,
    received,
    chunksServed: () => chunksServed,
    isDisabled: () => isDisabled,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      if (options.isTcpEnabled !== false) await new Promise<void>((resolve) => tcpServer.close(() => resolve()));
      if (options.isUdpEnabled !== false) await new Promise<void>((resolve) => udpSocket.close(() => resolve()));
    },
  };
}

/** TCP and UDP port numbers are separate spaces: find one free in both (a few tries). */
async function listenOnSamePort(tcpServer: net.Server): Promise<{ port: number; udpSocket: dgram.Socket }> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    await new Promise<void>((resolve, reject) => {
      tcpServer.once('error', reject);
      tcpServer.listen(0, '127.0.0.1', () => resolve());
    });
    const address = tcpServer.address();
    if (address === null || typeof address === 'string') throw new Error('emulator: no TCP address');
    const udpSocket = dgram.createSocket('udp4');
    const isBound = await new Promise<boolean>((resolve) => {
      const onError = () => resolve(false);
      udpSocket.once('error', onError);
      udpSocket.bind(address.port, '127.0.0.1', () => {
        udpSocket.off('error', onError);
        resolve(true);
      });
    });
    if (isBound) return { port: address.port, udpSocket };
    await new Promise<void>((resolve) => tcpServer.close(() => resolve()));
  }
  throw new Error('emulator: no port free for both TCP and UDP');
}
