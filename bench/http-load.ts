/**
 * Load drivers shared by the HTTP benchmarks: a closed loop (N clients, each sending its next
 * request when the previous answered) and an open loop (requests started at a fixed rate whatever
 * the latency, so that queueing shows in the percentiles).
 */
import type http from 'node:http';
import net from 'node:net';
import { performance } from 'node:perf_hooks';

export interface LoadResult {
  count: number;
  seconds: number;
  /** Sorted ascending. */
  latenciesMs: number[];
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export async function runClosedLoop(concurrency: number, durationMs: number, task: (i: number) => Promise<void>): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  const start = performance.now();
  let issued = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() - start < durationMs) {
        const t0 = performance.now();
        await task(issued++);
        latenciesMs.push(performance.now() - t0);
      }
    }),
  );
  return { count: latenciesMs.length, seconds: (performance.now() - start) / 1000, latenciesMs: latenciesMs.sort((a, b) => a - b) };
}

/** Starts `total` tasks at `ratePerSecond`; latency is measured from each task's scheduled start. */
export async function runOpenLoop(ratePerSecond: number, total: number, task: (i: number) => Promise<void>): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  const start = performance.now();
  const running: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const scheduledAt = start + (i * 1000) / ratePerSecond;
    const wait = scheduledAt - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    running.push(
      task(i).then(() => {
        latenciesMs.push(performance.now() - scheduledAt);
      }),
    );
  }
  await Promise.all(running);
  return { count: latenciesMs.length, seconds: (performance.now() - start) / 1000, latenciesMs: latenciesMs.sort((a, b) => a - b) };
}

export function describeLoad(label: string, result: LoadResult): number {
  const rate = result.count / result.seconds;
  console.log(
    `${label.padEnd(52)} ${rate.toFixed(0).padStart(7)} /s   p50 ${percentile(result.latenciesMs, 50).toFixed(1).padStart(7)} ms   p99 ${percentile(result.latenciesMs, 99).toFixed(1).padStart(7)} ms   (n=${result.count})`,
  );
  return rate;
}

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const HEADER_END = Buffer.from('\r\n\r\n');

/** One HTTP/1.1 response read off a keep-alive socket: status, headers and a content-length body. */
class ResponseReader {
  private buffered: Buffer = Buffer.alloc(0);
  private waiting: { resolve: (answer: HttpAnswer) => void; reject: (error: Error) => void } | null = null;

  constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
      this.settle();
    });
    const fail = (error: Error) => {
      const waiting = this.waiting;
      this.waiting = null;
      waiting?.reject(error);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('connection closed before the response')));
  }

  next(): Promise<HttpAnswer> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.settle();
    });
  }

  private settle() {
    if (!this.waiting) return;
    const headerEnd = this.buffered.indexOf(HEADER_END);
    if (headerEnd < 0) return;
    const lines = this.buffered.toString('latin1', 0, headerEnd).split('\r\n');
    const status = Number(lines[0]?.split(' ')[1]);
    const headers: http.IncomingHttpHeaders = {};
    const cookies: string[] = [];
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === 'set-cookie') cookies.push(value);
      else headers[name] = value;
    }
    if (cookies.length > 0) headers['set-cookie'] = cookies;
    const length = Number(headers['content-length']);
    // The app answers with a content length; anything else would be read wrong, so it stops the run.
    if (!Number.isInteger(length)) return this.fail(new Error(`response without content-length: ${lines.join(' | ')}`));
    const bodyStart = headerEnd + HEADER_END.length;
    if (this.buffered.length < bodyStart + length) return;
    const body = this.buffered.toString('utf8', bodyStart, bodyStart + length);
    this.buffered = this.buffered.subarray(bodyStart + length);
    const waiting = this.waiting;
    this.waiting = null;
    waiting.resolve({ status, headers, body });
  }

  private fail(error: Error) {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.reject(error);
    this.socket.destroy();
  }
}

/**
 * A small HTTP/1.1 client on keep-alive connections (at most `maxSockets`, like a fleet of
 * phones each with its own connection). The load generator shares the machine's two cores with
 * the server and PostgreSQL, and every millisecond it spends is taken from the server: fetch
 * (undici) spent about 1.3 ms of CPU per request here, node:http about 0.25–0.3 ms; this client
 * writes each request as one buffer on a plain socket and reads the answer by its content length.
 */
export function createHttpClient(base: string, maxSockets: number) {
  const origin = new URL(base);
  const host = origin.host;
  const idle: { socket: net.Socket; reader: ResponseReader }[] = [];
  const all = new Set<net.Socket>();
  const queue: (() => void)[] = [];
  const connect = () =>
    new Promise<{ socket: net.Socket; reader: ResponseReader }>((resolve, reject) => {
      const socket = net.connect({ host: origin.hostname, port: Number(origin.port) });
      socket.setNoDelay(true);
      all.add(socket);
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve({ socket, reader: new ResponseReader(socket) });
      });
      socket.once('error', reject);
      socket.once('close', () => {
        all.delete(socket);
        queue.shift()?.();
      });
    });
  const acquire = async () => {
    // A connection the server closed while it was idle is left behind.
    for (let free = idle.pop(); free; free = idle.pop()) if (!free.socket.destroyed) return free;
    if (all.size >= maxSockets) {
      await new Promise<void>((resolve) => queue.push(resolve));
      return acquire();
    }
    return connect();
  };
  const release = (connection: { socket: net.Socket; reader: ResponseReader }) => {
    if (!connection.socket.destroyed) idle.push(connection);
    queue.shift()?.();
  };
  const request = async (method: string, path: string, headers: Record<string, string>, body: string) => {
    const connection = await acquire();
    try {
      let head = `${method} ${path} HTTP/1.1\r\nhost: ${host}\r\nconnection: keep-alive\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n`;
      for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
      const answer = connection.reader.next();
      connection.socket.write(`${head}\r\n${body}`);
      return await answer;
    } finally {
      release(connection);
    }
  };
  return {
    post: (path: string, headers: Record<string, string>, json: unknown) => request('POST', path, headers, JSON.stringify(json)),
    close: () => {
      for (const socket of all) socket.destroy();
    },
  };
}
