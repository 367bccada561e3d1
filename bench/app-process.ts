/**
 * Starts the app in a child process (bench/app-server.ts) and talks to it over IPC. The HTTP
 * benchmarks run their load from this process, so the server's numbers are the server's alone.
 * BENCH_SERVER_PROF=<dir>: the child writes a V8 CPU profile there (node --cpu-prof).
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type ParentMessage = { kind: 'cpu' } | { kind: 'stop' };
export type AppProcessMessage = { kind: 'ready'; port: number } | { kind: 'cpu'; userMicros: number; systemMicros: number };

export interface ServerCpu {
  totalMs: number;
  systemMs: number;
}

export interface AppProcess {
  base: string;
  pid: number;
  /** CPU time the server process has used so far, in milliseconds (user + system, and system alone). */
  readCpu(): Promise<ServerCpu>;
  stop(): Promise<void>;
}

const serverScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'app-server.ts');

function nextMessage<K extends AppProcessMessage['kind']>(child: ChildProcess, kind: K): Promise<Extract<AppProcessMessage, { kind: K }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: AppProcessMessage) => {
      if (message.kind !== kind) return;
      cleanUp();
      resolve(message as Extract<AppProcessMessage, { kind: K }>);
    };
    const onExit = (code: number | null) => {
      cleanUp();
      reject(new Error(`bench app server exited (${code}) before sending ${kind}`));
    };
    const cleanUp = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

export async function startAppProcess(options: { databaseUrl: string; poolSize: number; now: Date }): Promise<AppProcess> {
  const profileDir = process.env.BENCH_SERVER_PROF;
  const child = fork(serverScript, [], {
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_SERVER_TRACE_GC ? ['--trace-gc'] : []), ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
    env: { ...process.env, BENCH_APP_DATABASE_URL: options.databaseUrl, BENCH_APP_POOL: String(options.poolSize), BENCH_APP_NOW: options.now.toISOString() },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { port } = await nextMessage(child, 'ready');
  const pid = child.pid;
  if (pid === undefined) throw new Error('bench app server has no pid');
  const send = (message: ParentMessage) => child.send(message);
  return {
    base: `http://127.0.0.1:${port}`,
    pid,
    readCpu: async () => {
      const answer = nextMessage(child, 'cpu');
      send({ kind: 'cpu' });
      const usage = await answer;
      return { totalMs: (usage.userMicros + usage.systemMicros) / 1000, systemMs: usage.systemMicros / 1000 };
    },
    stop: async () => {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      send({ kind: 'stop' });
      await exited;
    },
  };
}
