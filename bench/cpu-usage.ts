/**
 * Where the CPU of a benchmark phase went (Linux /proc): the app server process, the PostgreSQL
 * backends of the benchmark's database, PostgreSQL's background processes (WAL writer,
 * checkpointer, …; shared with any other database of the cluster), this process (the load
 * generator) and the machine as a whole — so that "slower than the target" can be told apart into
 * "the server needs too much CPU" and "the machine is busy with something else". Backends of other
 * databases (a CI run sharing the cluster) count as "others".
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { ServerCpu } from './app-process';

export interface CpuSample {
  serverMs: number;
  /** The kernel's share of serverMs: sockets (HTTP and PostgreSQL), mostly. */
  serverSystemMs: number;
  /** CPU so far of each live backend of the benchmark's database, by process id; null: not measurable here. */
  backendsMs: Map<number, number> | null;
  /** CPU so far of each PostgreSQL process that serves no client (WAL writer, checkpointer, autovacuum, …). */
  backgroundMs: Map<number, number> | null;
  generatorMs: number;
  machineBusyMs: number | null;
  machineTotalMs: number | null;
}

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();
const ticksToMs = (ticks: number) => (ticks * 1000) / ticksPerSecond;

/** A PostgreSQL process: the title it sets (`postgres: [cluster:] user database host(port) state` for a backend) and its CPU. */
interface PostgresProcess {
  pid: number;
  words: string[];
  cpuMs: number;
}

function readPostgresProcess(pid: string): PostgresProcess | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    if (text.slice(text.indexOf('(') + 1, close) !== 'postgres') return null;
    // After the command come the state (field 3 of stat(5)) …; utime and stime are fields 14 and 15.
    const fields = text.slice(close + 2).split(' ');
    const cpuTicks = Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
    const words = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim().split(/\s+/);
    return { pid: Number(pid), words, cpuMs: ticksToMs(cpuTicks) };
  } catch {
    return null;
  }
}

/** A client backend names its client: `host(port)` or `[local]`. */
const isClientBackend = (words: readonly string[]) => words.some((word) => /\(\d+\)$/.test(word) || word === '[local]');
/** The postmaster itself runs as `…/bin/postgres -D …`: its child time would hold every reaped backend of every database. */
const isPostmaster = (words: readonly string[]) => words[0] !== 'postgres:';

function readPostgres(database: string): { backends: Map<number, number>; background: Map<number, number> } | null {
  let pids: string[];
  try {
    pids = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const processes = pids.map(readPostgresProcess).filter((process): process is PostgresProcess => process !== null && !isPostmaster(process.words));
  if (processes.length === 0) return null;
  const backends = new Map<number, number>();
  const background = new Map<number, number>();
  for (const process of processes) {
    if (!isClientBackend(process.words)) background.set(process.pid, process.cpuMs);
    else if (process.words.includes(database)) backends.set(process.pid, process.cpuMs);
  }
  return { backends, background };
}

function readMachine(): { busyMs: number; totalMs: number } | null {
  try {
    const [line] = fs.readFileSync('/proc/stat', 'utf8').split('\n');
    const ticks = (line ?? '').trim().split(/\s+/).slice(1, 9).map(Number);
    const total = ticks.reduce((sum, value) => sum + value, 0);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    return { busyMs: ticksToMs(total - idle), totalMs: ticksToMs(total) };
  } catch {
    return null;
  }
}

/** `database`: the benchmark's database, whose backends are counted as ours (null: PGlite, nothing to read). */
export async function sampleCpu(readServer: () => Promise<ServerCpu>, database: string | null): Promise<CpuSample> {
  const own = process.cpuUsage();
  const machine = readMachine();
  const server = await readServer();
  const postgres = database === null ? null : readPostgres(database);
  return {
    serverMs: server.totalMs,
    serverSystemMs: server.systemMs,
    backendsMs: postgres?.backends ?? null,
    backgroundMs: postgres?.background ?? null,
    generatorMs: (own.user + own.system) / 1000,
    machineBusyMs: machine?.busyMs ?? null,
    machineTotalMs: machine?.totalMs ?? null,
  };
}

/** CPU used between two samples by the processes alive at the second; one started meanwhile counts from zero, one that ended is lost (pools keep theirs open while busy). */
function usedBetween(before: Map<number, number> | null, after: Map<number, number> | null): number | null {
  if (before === null || after === null) return null;
  return [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);
}

/** CPU each party used between two samples; null where it cannot be read here (PGlite, no /proc). */
export function cpuUsedBetween(before: CpuSample, after: CpuSample): { serverMs: number; backendsMs: number | null; backgroundMs: number | null; generatorMs: number } {
  return {
    serverMs: after.serverMs - before.serverMs,
    backendsMs: usedBetween(before.backendsMs, after.backendsMs),
    backgroundMs: usedBetween(before.backgroundMs, after.backgroundMs),
    generatorMs: after.generatorMs - before.generatorMs,
  };
}

const perRequest = (ms: number | null, count: number) => (ms === null ? '?' : (ms / count).toFixed(2));

/** One line: CPU per request of each party between two samples, and how busy the whole machine was. */
export function describeCpu(before: CpuSample, after: CpuSample, count: number): string {
  const server = after.serverMs - before.serverMs;
  const serverSystem = after.serverSystemMs - before.serverSystemMs;
  const backends = usedBetween(before.backendsMs, after.backendsMs);
  const background = usedBetween(before.backgroundMs, after.backgroundMs);
  const generator = after.generatorMs - before.generatorMs;
  const busy = before.machineBusyMs === null || after.machineBusyMs === null ? null : after.machineBusyMs - before.machineBusyMs;
  const total = before.machineTotalMs === null || after.machineTotalMs === null ? null : after.machineTotalMs - before.machineTotalMs;
  const ours = server + generator + (backends ?? 0) + (background ?? 0);
  const machine = busy === null || total === null || total === 0 ? '' : `; machine ${((100 * busy) / total).toFixed(0)} % busy, ${((100 * Math.max(0, busy - ours)) / total).toFixed(0)} % of it by others`;
  return (
    `  CPU ms per request: server ${perRequest(server, count)} (kernel ${perRequest(serverSystem, count)}), ` +
    `PostgreSQL backends ${perRequest(backends, count)} + background ${perRequest(background, count)}, load generator ${perRequest(generator, count)}${machine}`
  );
}
