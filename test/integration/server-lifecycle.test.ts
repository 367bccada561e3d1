import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/server/db/client';
import { loginAttempts, sessions, users } from '../../src/server/db/schema';
import { DEMO_ACCOUNTS } from '../../src/server/modules/demo/demo-accounts';
import { DEMO_PEOPLE } from '../../src/server/modules/demo/demo-people';

const rootDir = path.resolve(import.meta.dirname, '../..');
const mainPath = path.join(rootDir, 'src/server/main.ts');

interface ServerProcess {
  child: ChildProcessWithoutNullStreams;
  port: number;
  output(): { stdout: string; stderr: string };
  exited: Promise<number | null>;
}

async function findFreePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** `node --import tsx src/server/main.ts`, as `npm start` runs it, on an embedded database in `dataDir`. */
async function startServer(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await findFreePort();
  const child = spawn(process.execPath, ['--import', 'tsx', mainPath], {
    cwd: rootDir,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, port, output: () => ({ stdout, stderr }), exited };
}

/** Polls /api/health until the server answers; fails early with its output if it exits. */
async function waitUntilHealthy(server: ServerProcess, timeoutMs: number) {
  let hasExited = false;
  void server.exited.then(() => (hasExited = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited) throw new Error(`server exited early:\n${server.output().stdout}\n${server.output().stderr}`);
    try {
      const response = await fetch(`http://127.0.0.1:${server.port}/api/health`);
      if (response.ok) return (await response.json()) as { status: string; database: { kind: string } };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server not healthy within ${timeoutMs} ms:\n${server.output().stdout}\n${server.output().stderr}`);
}

async function logIn(server: ServerProcess, login: string, password: string) {
  const response = await fetch(`http://127.0.0.1:${server.port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  return { status: response.status, body: (await response.json()) as { roles?: string[] }, cookie: response.headers.get('set-cookie') ?? '' };
}

describe('server process', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  const makeDataDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ekinerja-server-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    return dir;
  };
  const track = (server: ServerProcess) => {
    cleanups.unshift(async () => {
      if (server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGKILL');
        await server.exited;
      }
    });
    return server;
  };
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  // Seeding 2,000 employees into a fresh embedded database and three server starts: generous timeout.
  it('seeds and serves the demo regency, refuses a second server on the same data directory, and recovers after a crash', async () => {
    const dataDir = makeDataDir();
    const first = track(await startServer(dataDir));
    const health = await waitUntilHealthy(first, 150_000);
    expect(health).toMatchObject({ status: 'ok', database: { kind: 'pglite' } });
    expect(first.output().stdout).toContain(`http://localhost:${first.port}`);
    for (const account of DEMO_ACCOUNTS) expect(first.output().stdout).toContain(account.login);
    expect(first.output().stdout).toContain('Riwayat demo dibuat');
    expect(first.output().stdout).toContain('SKP demo dibuat');
    expect(first.output().stdout).toMatch(/TPP demo bulan \d{4}-\d{2} dihitung/);
    const head = await logIn(first, DEMO_PEOPLE.kepalaDinasKesehatan.nip, DEMO_ACCOUNTS[0]?.password ?? '');
    expect(head.status).toBe(200);
    expect(head.body.roles?.sort()).toEqual(['atasan', 'pegawai']);
    expect(head.cookie).toMatch(/HttpOnly/i);

    const second = track(await startServer(dataDir));
    expect(await second.exited).toBe(75);
    expect(second.output().stderr).toContain(`sedang dipakai oleh proses lain (PID ${first.child.pid})`);
    expect(second.output().stderr).not.toMatch(/\n\s+at /);

    first.child.kill('SIGKILL');
    await first.exited;
    const third = track(await startServer(dataDir));
    await waitUntilHealthy(third, 90_000);
    expect(third.output().stdout).not.toContain('memuat data demo');
    expect(third.output().stdout).toContain('Akun demo');
    const admin = await logIn(third, 'admin.bkpsdm', DEMO_ACCOUNTS[0]?.password ?? '');
    expect(admin.status).toBe(200);
    expect(admin.body.roles).toEqual(['admin_bkpsdm']);

    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'ekinerja.lock'))).toBe(false);
  }, 300_000);

  it('does not seed a database that has data, purges expired sessions and old login attempts, and stops cleanly', async () => {
    const dataDir = makeDataDir();
    const handle = await openPglite(dataDir);
    try {
      await handle.migrate();
      const [user] = await handle.db.insert(users).values({ username: 'operator', displayName: 'Operator', passwordHash: 'x' }).returning();
      const now = Date.now();
      const session = (tokenHash: string, expiresAt: number) => ({
        tokenHash,
        userId: user?.id ?? '',
        csrfToken: 'csrf',
        createdAt: new Date(now - 7_200_000),
        lastSeenAt: new Date(now - 7_200_000),
        expiresAt: new Date(expiresAt),
      });
      await handle.db.insert(sessions).values([session('expired', now - 3_600_000), session('live', now + 3_600_000)]);
      await handle.db.insert(loginAttempts).values([
        { ip: '10.0.0.1', login: 'x', at: new Date(now - 2 * 86_400_000) },
        { ip: '10.0.0.1', login: 'x', at: new Date(now - 60_000) },
      ]);
    } finally {
      await handle.close();
    }

    const server = track(await startServer(dataDir, { SEED_DEMO: 'true' }));
    await waitUntilHealthy(server, 90_000);
    expect(server.output().stdout).not.toContain('Akun demo');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    const reopened = await openPglite(dataDir);
    try {
      const remaining = await reopened.db.select({ tokenHash: sessions.tokenHash }).from(sessions);
      expect(remaining.map((row) => row.tokenHash)).toEqual(['live']);
      const [attempts] = await reopened.db.select({ value: count() }).from(loginAttempts);
      expect(attempts?.value).toBe(1);
    } finally {
      await reopened.close();
    }
  }, 120_000);

  it('exits with code 78 and names the variable when the configuration is invalid', async () => {
    const server = track(await startServer(makeDataDir(), { PORT: 'bukan-angka' }));
    expect(await server.exited).toBe(78);
    expect(server.output().stderr).toContain('Konfigurasi tidak valid');
    expect(server.output().stderr).toContain('PORT');
  }, 60_000);
});
