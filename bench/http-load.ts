/**
 * Load drivers shared by the HTTP benchmarks: a closed loop (N clients, each sending its next
 * request when the previous answered) and an open loop (requests started at a fixed rate whatever
 * the latency, so that queueing shows in the percentiles).
 */
import http from 'node:http';
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

/**
 * A small HTTP/1.1 client on keep-alive connections (at most `maxSockets`, like a fleet of
 * phones each with its own connection). The load generator shares the machine's two cores with
 * the server and PostgreSQL; fetch (undici) spent about 1.3 ms of CPU per request here, several
 * times what node:http needs, and every millisecond it spends is taken from the server.
 */
export function createHttpClient(base: string, maxSockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const origin = new URL(base);
  const request = (method: string, path: string, headers: Record<string, string>, body?: string) =>
    new Promise<HttpAnswer>((resolve, reject) => {
      const outgoing = http.request(
        { agent, host: origin.hostname, port: origin.port, method, path, headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
          response.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  return {
    post: (path: string, headers: Record<string, string>, json: unknown) => request('POST', path, headers, JSON.stringify(json)),
    close: () => agent.destroy(),
  };
}
