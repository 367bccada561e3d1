/**
 * The app as a server process of its own for the HTTP benchmarks (started by app-process.ts with
 * `node --import tsx`), so that the load generator's CPU is not counted as the server's.
 * Environment: BENCH_APP_DATABASE_URL, BENCH_APP_POOL (node-postgres pool max), BENCH_APP_NOW
 * (the fixed clock, ISO instant), BENCH_APP_LOG_LEVEL (default info, as in production). Talks to
 * its parent over IPC: `ready` with the port; answers `cpu` with its CPU time; exits on `stop`
 * (so that --cpu-prof writes its profile).
 */
import fs from 'node:fs';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openPostgres } from '../src/server/db/client';
import { fixedClock } from '../src/server/platform/clock';
import type { AppProcessMessage, ParentMessage } from './app-process';

const url = process.env.BENCH_APP_DATABASE_URL;
const poolSize = Number(process.env.BENCH_APP_POOL);
const now = process.env.BENCH_APP_NOW;
if (!url || !Number.isInteger(poolSize) || poolSize <= 0 || !now || !process.send) {
  throw new Error('app-server.ts runs as a child of bench/app-process.ts (BENCH_APP_DATABASE_URL, BENCH_APP_POOL, BENCH_APP_NOW, IPC)');
}
const send = (message: AppProcessMessage) => process.send?.(message);

const handle = await openPostgres(url, poolSize);
// Logging as in production (info: one access line per request), written to /dev/null so that its
// CPU counts as the server's; BENCH_APP_LOG_LEVEL=silent measures without it.
const logLevel = process.env.BENCH_APP_LOG_LEVEL ?? 'info';
const app = await buildApp({
  db: handle.db,
  databaseKind: 'postgresql',
  clock: fixedClock(now),
  config: loadConfig({ LOG_LEVEL: 'silent', LOGIN_MAX_FAILURES: '1000' }),
  logger: { level: logLevel, stream: fs.createWriteStream('/dev/null') },
});
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
if (!address || typeof address === 'string') throw new Error('no address');

process.on('message', (message: ParentMessage) => {
  if (message.kind === 'cpu') {
    const usage = process.cpuUsage();
    send({ kind: 'cpu', userMicros: usage.user, systemMicros: usage.system });
  } else if (message.kind === 'stop') {
    void app
      .close()
      .then(() => handle.close())
      .then(() => process.exit(0));
  }
});
// A benchmark that dies must not leave its server behind.
process.on('disconnect', () => process.exit(1));
send({ kind: 'ready', port: address.port });
