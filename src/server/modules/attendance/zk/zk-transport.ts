/**
 * Packet transports for the ZK protocol: TCP (framed stream) and UDP (one packet per datagram).
 * Both deliver whole packets in arrival order through `receive`, which waits at most `timeoutMs`.
 */
import dgram from 'node:dgram';
import net from 'node:net';
import { ZkError } from './zk-errors';
import { frameTcp, TcpFrameReader } from './zk-protocol';

export type TransportKind = 'tcp' | 'udp';

export interface ZkTransport {
  readonly kind: TransportKind;
  send(packet: Buffer): Promise<void>;
  receive(timeoutMs: number): Promise<Buffer>;
  close(): Promise<void>;
}

interface Waiter {
  resolve(packet: Buffer): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/** Arrival queue shared by both transports: packets wait for a reader, readers wait for packets. */
class PacketQueue {
  private packets: Buffer[] = [];
  private waiters: Waiter[] = [];
  private failure: Error | null = null;

  deliver(packet: Buffer) {
    const waiter = this.waiters.shift();
    if (waiter) {
      clearTimeout(waiter.timer);
      waiter.resolve(packet);
    } else {
      this.packets.push(packet);
    }
  }

  /** Ends the queue: queued packets can still be read, then every read fails with `error`. */
  fail(error: Error) {
    this.failure ??= error;
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
  }

  next(timeoutMs: number, host: string): Promise<Buffer> {
    const packet = this.packets.shift();
    if (packet) return Promise.resolve(packet);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((other) => other !== waiter);
          reject(new ZkError('timeout', `Mesin ${host} tidak menjawab dalam ${timeoutMs} ms`));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }
}

const describeSocketError = (error: NodeJS.ErrnoException) => error.code ?? error.message;

export function openTcpTransport(host: string, port: number, timeoutMs: number): Promise<ZkTransport> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const queue = new PacketQueue();
    const reader = new TcpFrameReader();
    let isConnected = false;
    const connectTimer = setTimeout(() => {
      socket.destroy();
      reject(new ZkError('unreachable', `Tidak dapat terhubung ke mesin ${host}:${port} lewat TCP dalam ${timeoutMs} ms`));
    }, timeoutMs);
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      try {
        for (const packet of reader.push(chunk)) queue.deliver(packet);
      } catch {
        queue.fail(new ZkError('protocol', `Mesin ${host}:${port} mengirim data yang bukan protokol ZK`));
        socket.destroy();
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (!isConnected) {
        clearTimeout(connectTimer);
        reject(new ZkError('unreachable', `Tidak dapat terhubung ke mesin ${host}:${port} lewat TCP (${describeSocketError(error)})`));
        return;
      }
      queue.fail(new ZkError('disconnected', `Sambungan ke mesin ${host}:${port} terputus (${describeSocketError(error)})`));
    });
    socket.on('close', () => {
      const partial = reader.bufferedBytes > 0 ? ' di tengah paket' : '';
      queue.fail(new ZkError('disconnected', `Mesin ${host}:${port} memutus sambungan${partial}`));
    });
    socket.once('connect', () => {
      isConnected = true;
      clearTimeout(connectTimer);
      resolve({
        kind: 'tcp',
        send: (packet) =>
          new Promise((done, fail) => {
            socket.write(frameTcp(packet), (error) =>
              error ? fail(new ZkError('disconnected', `Gagal mengirim ke mesin ${host}:${port} (${describeSocketError(error)})`)) : done(),
            );
          }),
        receive: (waitMs) => queue.next(waitMs, `${host}:${port}`),
        close: () =>
          new Promise((done) => {
            if (socket.destroyed) return done();
            socket.once('close', () => done());
            socket.end();
            // A device that never closes its side must not keep us waiting.
            setTimeout(() => socket.destroy(), 1000).unref();
          }),
      });
    });
  });
}

export function openUdpTransport(host: string, port: number): Promise<ZkTransport> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket(net.isIPv6(host) ? 'udp6' : 'udp4');
    const queue = new PacketQueue();
    let isConnected = false;
    let isClosed = false;
    socket.on('message', (message: Buffer) => queue.deliver(message));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (!isConnected) {
        reject(new ZkError('unreachable', `Tidak dapat membuka UDP ke mesin ${host}:${port} (${describeSocketError(error)})`));
        socket.close();
        return;
      }
      // ICMP "port unreachable" surfaces here on a connected UDP socket.
      queue.fail(new ZkError('unreachable', `Mesin ${host}:${port} tidak dapat dihubungi lewat UDP (${describeSocketError(error)})`));
    });
    socket.connect(port, host, () => {
      isConnected = true;
      resolve({
        kind: 'udp',
        send: (packet) =>
          new Promise((done, fail) => {
            socket.send(packet, (error) =>
              error ? fail(new ZkError('unreachable', `Gagal mengirim UDP ke mesin ${host}:${port} (${describeSocketError(error)})`)) : done(),
            );
          }),
        receive: (waitMs) => queue.next(waitMs, `${host}:${port}`),
        close: () =>
          new Promise((done) => {
            if (isClosed) return done();
            isClosed = true;
            queue.fail(new ZkError('disconnected', `Sambungan UDP ke mesin ${host}:${port} sudah ditutup`));
            socket.close(() => done());
          }),
      });
    });
  });
}
