/**
 * ZK binary protocol (port 4370) packet codec, from the facts in docs devices.md §2:
 * an 8-byte little-endian header {u16 command, u16 checksum, u16 session, u16 reply} and data;
 * over TCP each packet is framed by `50 50 82 7D` and a u32 little-endian length.
 */

export const ZK_COMMAND = {
  CONNECT: 1000,
  EXIT: 1001,
  ENABLE_DEVICE: 1002,
  DISABLE_DEVICE: 1003,
  AUTH: 1102,
  OPTIONS_RRQ: 11,
  ATTLOG_RRQ: 13,
  /** Listed so that it can be refused: this client never sends it (devices.md: never clear a log). */
  CLEAR_ATTLOG: 15,
  GET_FREE_SIZES: 50,
  GET_TIME: 201,
  PREPARE_BUFFER: 1503,
  READ_BUFFER: 1504,
  FREE_DATA: 1502,
} as const;

export const ZK_REPLY = {
  ACK_OK: 2000,
  ACK_ERROR: 2001,
  ACK_DATA: 2002,
  ACK_UNAUTH: 2005,
  PREPARE_DATA: 1500,
  DATA: 1501,
} as const;

export const HEADER_SIZE = 8;
export const TCP_MAGIC = Buffer.from([0x50, 0x50, 0x82, 0x7d]);
export const TCP_PREFIX_SIZE = 8;
/** Largest chunk asked per READ_BUFFER: TCP firmware accepts 0xFFC0 bytes, UDP datagrams 16 KiB. */
export const MAX_CHUNK_TCP = 0xffc0;
export const MAX_CHUNK_UDP = 16 * 1024;
/** Reply numbers are u16 and wrap; 0xFFFF itself is skipped like the firmware does. */
export const REPLY_MODULUS = 0xffff;

export interface ZkPacket {
  command: number;
  checksum: number;
  session: number;
  reply: number;
  data: Buffer;
}

/**
 * 16-bit one's-complement of the one's-complement sum of the packet's little-endian words
 * (checksum field taken as zero; an odd last byte counts as a low byte), as in IP checksums.
 */
export function computeChecksum(packet: Buffer): number {
  let sum = 0;
  for (let offset = 0; offset + 1 < packet.length; offset += 2) {
    sum += offset === 2 ? 0 : packet.readUInt16LE(offset);
    if (sum > 0xffff) sum = (sum & 0xffff) + 1;
  }
  if (packet.length % 2 === 1) {
    sum += packet[packet.length - 1] ?? 0;
    if (sum > 0xffff) sum = (sum & 0xffff) + 1;
  }
  return ~sum & 0xffff;
}

export function encodePacket(command: number, session: number, reply: number, data: Buffer = Buffer.alloc(0)): Buffer {
  const packet = Buffer.alloc(HEADER_SIZE + data.length);
  packet.writeUInt16LE(command, 0);
  packet.writeUInt16LE(0, 2);
  packet.writeUInt16LE(session, 4);
  packet.writeUInt16LE(reply, 6);
  data.copy(packet, HEADER_SIZE);
  packet.writeUInt16LE(computeChecksum(packet), 2);
  return packet;
}

/** Parses one packet (no TCP prefix); null when shorter than a header. */
export function decodePacket(packet: Buffer): ZkPacket | null {
  if (packet.length < HEADER_SIZE) return null;
  return {
    command: packet.readUInt16LE(0),
    checksum: packet.readUInt16LE(2),
    session: packet.readUInt16LE(4),
    reply: packet.readUInt16LE(6),
    data: packet.subarray(HEADER_SIZE),
  };
}

export const hasValidChecksum = (packet: Buffer): boolean =>
  packet.length >= HEADER_SIZE && packet.readUInt16LE(2) === computeChecksum(packet);

export function frameTcp(packet: Buffer): Buffer {
  const prefix = Buffer.alloc(TCP_PREFIX_SIZE);
  TCP_MAGIC.copy(prefix, 0);
  prefix.writeUInt32LE(packet.length, 4);
  return Buffer.concat([prefix, packet]);
}

export const nextReply = (reply: number): number => (reply + 1) % REPLY_MODULUS;

/**
 * Reassembles TCP frames from a byte stream (frames may be split or merged by TCP). A frame
 * without the magic prefix means the peer is not speaking this protocol: `push` throws.
 */
export class TcpFrameReader {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Buffer[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const packets: Buffer[] = [];
    while (this.pending.length >= TCP_PREFIX_SIZE) {
      if (!this.pending.subarray(0, 4).equals(TCP_MAGIC)) throw new RangeError('awalan paket TCP tidak dikenal');
      const length = this.pending.readUInt32LE(4);
      if (this.pending.length < TCP_PREFIX_SIZE + length) break;
      packets.push(this.pending.subarray(TCP_PREFIX_SIZE, TCP_PREFIX_SIZE + length));
      this.pending = this.pending.subarray(TCP_PREFIX_SIZE + length);
    }
    return packets;
  }

  get bufferedBytes(): number {
    return this.pending.length;
  }
}
