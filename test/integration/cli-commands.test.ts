import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { runCli, PROCESS_TIMEOUT } from '../helpers/run-cli';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { openPglite, type DatabaseHandle } from '../../src/server/db/client';
import { auditLog, employees } from '../../src/server/db/schema';
import { systemClock } from '../../src/server/platform/clock';
import { loginAs } from '../helpers/test-app';

describe('ekinerja CLI', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  const makeDataDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ekinerja-cli-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    return dir;
  };
  const openDataDir = async (dir: string): Promise<DatabaseHandle> => {
    const handle = await openPglite(dir);
    cleanups.unshift(() => handle.close());
    return handle;
  };
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('creates an administrator from a password on stdin, who can then log in', async () => {
    const dataDir = makeDataDir();
    const run = await runCli(['user', 'create-admin', '--username', 'operator', '--password-stdin', '--name', 'Operator BKPSDM'], dataDir, 'SandiOperator2026\n');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Akun operator (admin_bkpsdm) dibuat');

    const handle = await openDataDir(dataDir);
    const config = loadConfig({ SESSION_SECRET: 'test-secret-test-secret-test-secret-00', LOG_LEVEL: 'silent' });
    const app = await buildApp({ db: handle.db, databaseKind: handle.kind, clock: systemClock, config });
    cleanups.unshift(() => app.close());
    const session = await loginAs(app, 'operator', 'SandiOperator2026');
    expect(session.me.roles).toEqual(['admin_bkpsdm']);
    const [entry] = await handle.db.select().from(auditLog).where(eq(auditLog.entityType, 'user'));
    expect(entry?.action).toBe('create');
    expect(entry?.actorLabel).toMatch(/^cli/);
  }, PROCESS_TIMEOUT);

  it('refuses a password on the command line and a weak password, before touching the database', async () => {
    const dataDir = makeDataDir();
    const withoutStdin = await runCli(['user', 'create-admin', '--username', 'operator'], dataDir);
    expect(withoutStdin.code).toBe(64);
    expect(withoutStdin.stderr).toContain('--password-stdin');
    const weak = await runCli(['user', 'create-admin', '--username', 'operator', '--password-stdin'], dataDir, 'pendek\n');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('Kata sandi minimal 10 karakter');
    expect(fs.readdirSync(dataDir)).toEqual([]);
  }, PROCESS_TIMEOUT);

  it('refuses to run while another process holds the data directory, and runs once it is free', async () => {
    const dataDir = makeDataDir();
    const holder = await openPglite(dataDir);
    try {
      const refused = await runCli(['migrate'], dataDir);
      expect(refused.code).toBe(75);
      expect(refused.stderr).toContain(`sedang dipakai oleh proses lain (PID ${process.pid})`);
      expect(refused.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await holder.close();
    }
    const migrated = await runCli(['migrate'], dataDir);
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toContain('Migrasi basis data selesai');
  }, PROCESS_TIMEOUT);

  it('seeds the demo once, then a dry-run import of a bad file lists row errors and writes nothing', async () => {
    const dataDir = makeDataDir();
    const seeded = await runCli(['seed-demo', '--json'], dataDir);
    expect(seeded.code).toBe(0);
    const summary = JSON.parse(seeded.stdout) as {
      employeeCount: number;
      opdCount: number;
      history: { entries: number; punches: number } | null;
      skp: { skps: number; evaluations: number } | null;
      tpp: { period: string; status: string; employees: number } | null;
    };
    expect(summary.opdCount).toBeGreaterThanOrEqual(28);
    // With its recent past (SEED_DEMO_HISTORY defaults to true).
    expect(summary.history?.punches).toBeGreaterThan(summary.employeeCount);
    expect(summary.history?.entries).toBeGreaterThan(summary.employeeCount);
    // And this year's SKP: an approved plan for everyone holding a definitive position.
    expect(summary.skp?.skps).toBeGreaterThan(summary.employeeCount * 0.95);
    // And last month's TPP computed for everyone (left open).
    expect(summary.tpp).toMatchObject({ status: 'done', employees: summary.employeeCount });

    const again = await runCli(['seed-demo'], dataDir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('sudah berisi data unit organisasi');

    const file = path.join(dataDir, 'pegawai-salah.csv');
    fs.writeFileSync(
      file,
      [
        'nip,jenis_asn,nama,gelar_depan,gelar_belakang,golongan,status,kode_unit,kode_jabatan,jenis_penugasan,tmt_jabatan,email,telepon',
        '12345,PNS,Budi Santoso,,,III/a,aktif,1.09,,,,,',
        '199001012015011001,PNS,Ani Lestari,,,III/a,aktif,9.99,,,,,',
      ].join('\n'),
    );
    const dryRun = await runCli(['import', 'employees', file, '--dry-run'], dataDir);
    expect(dryRun.code).toBe(1);
    expect(dryRun.stdout).toMatch(/Baris\s+Kolom\s+Pesan/);
    expect(dryRun.stdout).toMatch(/^2\s+nip\s+NIP harus 18 digit angka$/m);
    expect(dryRun.stdout).toMatch(/^3\s+kode_unit\s+.*9\.99.*$/m);
    expect(dryRun.stdout).toContain('Uji coba (tidak ada yang disimpan): 2 baris, 0 valid');
    expect(dryRun.stderr).toContain('2 galat');

    const handle = await openDataDir(dataDir);
    const [total] = await handle.db.select({ value: count() }).from(employees);
    expect(total?.value).toBe(summary.employeeCount);
  }, PROCESS_TIMEOUT);
});
