/**
 * Our own client for the ZK binary protocol (port 4370): connect (with comm key), read the
 * serial number and clock, and read the attendance log in chunks. It only reads: it never sends
 * CLEAR_ATTLOG or any other command that changes data on the device.
 */
import { scrambleCommKey } from './zk-comm-key';
import { ZkError } from './zk-errors';
import {
  decodePacket,
  encodePacket,
  MAX_CHUNK_TCP,
  MAX_CHUNK_UDP,
  nextReply,
  REPLY_MODULUS,
  ZK_COMMAND,
  ZK_REPLY,
  type ZkPacket,
} from './zk-protocol';
import { decodeAttendanceBuffer, RecordLayoutError, type RecordSize, type ZkAttendanceRecord } from './zk-records';
import { decodeZkTime } from './zk-time';
import { openTcpTransport, openUdpTransport, type TransportKind, type ZkTransport } from './zk-transport';

export interface ZkConnectOptions {
  host: string;
  port: number;
  /** The device's comm key; null when none is set on the device. */
  commKey: number | null;
  /** Longest wait for any single answer of the device. */
  timeoutMs: number;
  /** 'auto' tries TCP first and falls back to UDP when TCP cannot connect. */
  transport: TransportKind | 'auto';
}

/** PREPARE_BUFFER argument: flag 1, the ATTLOG_RRQ command (13), two zero i32 (whole log). */
const PREPARE_ATTLOG = Buffer.from([0x01, 0x0d, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
const SERIAL_OPTION = Buffer.from('~SerialNumber\0', 'ascii');
/** GET_FREE_SIZES answers 20 i32 counters; the attendance record count is the ninth. */
const RECORD_COUNT_OFFSET = 8 * 4;
/** Commands this client must never send (devices.md: never clear a device's log). */
const FORBIDDEN_COMMANDS = new Set<number>([ZK_COMMAND.CLEAR_ATTLOG]);

const commandName = (command: number) =>
  Object.entries({ ...ZK_COMMAND, ...ZK_REPLY }).find(([, value]) => value === command)?.[0] ?? String(command);

export interface AttendanceRead {
  recordSize: RecordSize | null;
  records: ZkAttendanceRecord[];
  /** The bytes as read (u32 total size + records), stored raw before parsing. */
  buffer: Buffer;
}

export class ZkClient {
  private session = 0;
  /** The first command goes out with reply number 0. */
  private reply = REPLY_MODULUS - 1;

  private constructor(
    private readonly transport: ZkTransport,
    private readonly options: ZkConnectOptions,
  ) {}

  get transportKind(): TransportKind {
    return this.transport.kind;
  }

  private get label(): string {
    return `${this.options.host}:${this.options.port}`;
  }

  /** Opens the transport and runs CONNECT (and AUTH when the device asks for the comm key). */
  static async connect(options: ZkConnectOptions): Promise<ZkClient> {
    const transport = await openTransport(options);
    const client = new ZkClient(transport, options);
    try {
      await client.handshake();
      return client;
    } catch (error) {
      await transport.close();
      throw error;
    }
  }

  private async handshake(): Promise<void> {
    const answer = await this.request(ZK_COMMAND.CONNECT);
    this.session = answer.session;
    if (answer.command === ZK_REPLY.ACK_OK) return;
    if (answer.command !== ZK_REPLY.ACK_UNAUTH) throw this.unexpected('CONNECT', answer);
    if (this.options.commKey === null) {
      throw new ZkError('auth', `Mesin ${this.label} memakai comm key; isi comm key mesin (--comm-key)`);
    }
    const auth = await this.request(ZK_COMMAND.AUTH, scrambleCommKey(this.options.commKey, this.session));
    if (auth.command === ZK_REPLY.ACK_UNAUTH || auth.command === ZK_REPLY.ACK_ERROR) {
      throw new ZkError('auth', `Comm key ditolak oleh mesin ${this.label}; periksa comm key di menu mesin`);
    }
    if (auth.command !== ZK_REPLY.ACK_OK) throw this.unexpected('AUTH', auth);
  }

  /**
   * Sends one command and waits for the answer carrying the same reply number; answers to
   * earlier commands (late UDP datagrams, a trailing ACK_OK after a data stream) are skipped.
   */
  private async request(command: number, data?: Buffer): Promise<ZkPacket> {
    if (FORBIDDEN_COMMANDS.has(command)) throw new ZkError('refused', `Perintah ${commandName(command)} tidak pernah dikirim ke mesin`);
    this.reply = nextReply(this.reply);
    const sentReply = this.reply;
    await this.transport.send(encodePacket(command, this.session, sentReply, data));
    const deadline = Date.now() + this.options.timeoutMs;
    for (;;) {
      const packet = decodePacket(await this.transport.receive(Math.max(1, deadline - Date.now())));
      if (packet && packet.reply === sentReply) return packet;
    }
  }

  private async requestOk(command: number, data?: Buffer): Promise<ZkPacket> {
    const answer = await this.request(command, data);
    if (answer.command !== ZK_REPLY.ACK_OK) throw this.unexpected(commandName(command), answer);
    return answer;
  }

  private unexpected(step: string, answer: ZkPacket): ZkError {
    const reason = answer.command === ZK_REPLY.ACK_ERROR ? 'menolak perintah' : `menjawab ${commandName(answer.command)}`;
    return new ZkError('protocol', `Mesin ${this.label} ${reason} pada langkah ${step}`);
  }

  async readSerialNumber(): Promise<string> {
    const answer = await this.requestOk(ZK_COMMAND.OPTIONS_RRQ, SERIAL_OPTION);
    const text = answer.data.toString('latin1');
    const value = text.slice(text.indexOf('=') + 1).split('\0')[0]?.trim() ?? '';
    if (!text.includes('=') || value === '') throw new ZkError('protocol', `Mesin ${this.label} tidak menyebut nomor serinya`);
    return value;
  }

  /** The device clock as its wall-clock string (no zone applied). */
  async readDeviceTime(): Promise<string> {
    const answer = await this.requestOk(ZK_COMMAND.GET_TIME);
    if (answer.data.length < 4) throw new ZkError('protocol', `Mesin ${this.label} mengirim jam yang tidak lengkap`);
    return decodeZkTime(answer.data.readUInt32LE(0));
  }

  /** Stops punching on the device during the read so the count and the log stay consistent. */
  async disableDevice(): Promise<void> {
    await this.requestOk(ZK_COMMAND.DISABLE_DEVICE);
  }

  async enableDevice(): Promise<void> {
    await this.requestOk(ZK_COMMAND.ENABLE_DEVICE);
  }

  async readRecordCount(): Promise<number> {
    const answer = await this.requestOk(ZK_COMMAND.GET_FREE_SIZES);
    if (answer.data.length < RECORD_COUNT_OFFSET + 4) throw new ZkError('protocol', `Mesin ${this.label} mengirim jumlah data yang tidak lengkap`);
    return answer.data.readInt32LE(RECORD_COUNT_OFFSET);
  }

  /**
   * Reads the whole attendance log. All or nothing: a device that stops mid-transfer raises a
   * ZkError and no partial buffer is returned, so nothing of it can be stored or ingested.
   */
  async readAttendance(): Promise<AttendanceRead> {
    const recordCount = await this.readRecordCount();
    if (recordCount === 0) return { recordSize: null, records: [], buffer: Buffer.alloc(0) };
    const buffer = await this.readBuffer(PREPARE_ATTLOG);
    try {
      return { ...decodeAttendanceBuffer(buffer, recordCount), buffer };
    } catch (error) {
      if (error instanceof RecordLayoutError) throw new ZkError('protocol', `Log presensi mesin ${this.label} tidak dapat dibaca: ${error.message}`);
      throw error;
    }
  }

  private async readBuffer(prepareArgument: Buffer): Promise<Buffer> {
    const prepared = await this.request(ZK_COMMAND.PREPARE_BUFFER, prepareArgument);
    // Small logs come back at once as DATA.
    if (prepared.command === ZK_REPLY.DATA) return Buffer.from(prepared.data);
    if (prepared.command !== ZK_REPLY.ACK_OK || prepared.data.length < 5) throw this.unexpected('PREPARE_BUFFER', prepared);
    const size = prepared.data.readUInt32LE(1);
    const maxChunk = this.transport.kind === 'tcp' ? MAX_CHUNK_TCP : MAX_CHUNK_UDP;
    const chunks: Buffer[] = [];
    let received = 0;
    try {
      while (received < size) {
        const chunk = await this.readChunk(received, Math.min(maxChunk, size - received));
        chunks.push(chunk);
        received += chunk.length;
      }
    } catch (error) {
      if (error instanceof ZkError) {
        throw new ZkError(error.failure, `${error.message}; pembacaan log terhenti setelah ${received} dari ${size} bita, tidak ada yang disimpan`);
      }
      throw error;
    }
    await this.requestOk(ZK_COMMAND.FREE_DATA);
    return Buffer.concat(chunks, size);
  }

  /** One READ_BUFFER: answered by DATA, or by PREPARE_DATA followed by DATA packets. */
  private async readChunk(start: number, length: number): Promise<Buffer> {
    const argument = Buffer.alloc(8);
    argument.writeInt32LE(start, 0);
    argument.writeInt32LE(length, 4);
    const answer = await this.request(ZK_COMMAND.READ_BUFFER, argument);
    let chunk: Buffer;
    if (answer.command === ZK_REPLY.DATA) {
      chunk = Buffer.from(answer.data);
    } else if (answer.command === ZK_REPLY.PREPARE_DATA && answer.data.length >= 4) {
      chunk = await this.receiveStream(answer.data.readUInt32LE(0));
    } else {
      throw this.unexpected('READ_BUFFER', answer);
    }
    if (chunk.length !== length) {
      throw new ZkError('protocol', `Mesin ${this.label} mengirim ${chunk.length} bita, diminta ${length} bita`);
    }
    return chunk;
  }

  /** DATA packets until `size` bytes; the device's closing ACK_OK is skipped by the next request. */
  private async receiveStream(size: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let received = 0;
    while (received < size) {
      const packet = decodePacket(await this.transport.receive(this.options.timeoutMs));
      if (!packet) continue;
      if (packet.command !== ZK_REPLY.DATA) throw this.unexpected('READ_BUFFER (aliran data)', packet);
      parts.push(Buffer.from(packet.data));
      received += packet.data.length;
    }
    return Buffer.concat(parts, received);
  }

  /** Sends EXIT and closes the transport; a device that is already gone is not an error here. */
  async disconnect(): Promise<void> {
    try {
      await this.request(ZK_COMMAND.EXIT);
    } catch {
      // The session ends either way; the device drops it after its own idle timeout.
    } finally {
      await this.transport.close();
    }
  }
}

async function openTransport(options: ZkConnectOptions): Promise<ZkTransport> {
  if (options.transport === 'udp') return openUdpTransport(options.host, options.port);
  try {
    return await openTcpTransport(options.host, options.port, options.timeoutMs);
  } catch (error) {
    if (options.transport === 'tcp' || !(error instanceof ZkError) || error.failure !== 'unreachable') throw error;
    return openUdpTransport(options.host, options.port);
  }
}

/** Everything one pull needs from a device, with the device re-enabled and the session closed. */
export interface DeviceLogRead extends AttendanceRead {
  serialNumber: string;
  deviceTime: string;
  transport: TransportKind;
}

export async function readDeviceLog(options: ZkConnectOptions): Promise<DeviceLogRead> {
  const client = await ZkClient.connect(options);
  try {
    const serialNumber = await client.readSerialNumber();
    const deviceTime = await client.readDeviceTime();
    await client.disableDevice();
    try {
      const read = await client.readAttendance();
      return { serialNumber, deviceTime, transport: client.transportKind, ...read };
    } finally {
      // Leaving the device disabled would lock people out of punching.
      await client.enableDevice().catch(() => undefined);
    }
  } finally {
    await client.disconnect();
  }
}
