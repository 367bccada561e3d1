import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { runCli, PROCESS_TIMEOUT } from '../helpers/run-cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/server/db/client';
import { auditLog, employeePayData } from '../../src/server/db/schema';
import { fixedClock } from '../../src/server/platform/clock';
import { createAccount, createOpdFixture, type OpdFixture } from '../helpers/factories';

/** An xlsx laid out as the web template (first sheet, header row, one row per employee and TMT). */
async function writePayDataXlsx(file: string, rows: (string | number)[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Data gaji');
  sheet.addRow(['nip', 'nama', 'tmt', 'cpns', 'gaji_pokok', 'tunjangan_keluarga', 'tunjangan_jabatan', 'tunjangan_profesi', 'nomor_sk', 'catatan']);
  // NIPs go in as strings (text cells): 18 digits do not survive as numbers.
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(file);
}

describe('ekinerja import pay-data', () => {
  let dataDir: string;
  let opd: OpdFixture;
  let adminUserId: string;

  /** What the database holds, read after the CLI process has released the data directory. */
  const readBack = async () => {
    const handle = await openPglite(dataDir);
    try {
      const rows = await handle.db.select().from(employeePayData);
      const audits = await handle.db.select().from(auditLog).where(eq(auditLog.entityType, 'import:tpp_pay_data'));
      return { rows, audits };
    } finally {
      await handle.close();
    }
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ekinerja-cli-gaji-'));
    const handle = await openPglite(dataDir);
    try {
      await handle.migrate();
      const clock = fixedClock('2026-03-02T02:00:00Z');
      opd = await createOpdFixture(handle.db, clock);
      adminUserId = (await createAccount(handle.db, clock, { username: 'admin-gaji', roles: [{ role: 'admin_bkpsdm' }] })).userId;
    } finally {
      await handle.close();
    }
  }, PROCESS_TIMEOUT);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('checks a good xlsx with --dry-run, then imports it as the named admin, audited under their name', async () => {
    const file = path.join(dataDir, 'gaji-baik.xlsx');
    await writePayDataXlsx(file, [
      [opd.staff.nip, 'Staf', '2026-01-01', 'ya', 2_785_700, 278_570, 0, 0, 'SK-01', ''],
      [opd.bidangHead.nip, 'Kepala bidang', '01/01/2026', 'tidak', 4_200_000, 420_000, 540_000, 0, '', 'Naik pangkat'],
    ]);
    const dryRun = await runCli(['import', 'pay-data', file, '--dry-run', '--as', 'admin-gaji'], dataDir);
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toContain('Uji coba (tidak ada yang disimpan): 2 baris, 2 valid, 2 baru');
    expect((await readBack()).rows.some((row) => row.employeeId === opd.staff.id)).toBe(false);

    const run = await runCli(['import', 'pay-data', file, '--as', 'admin-gaji'], dataDir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Impor disimpan: 2 baris, 2 valid, 2 baru, 0 diperbarui, 0 galat.');

    const { rows, audits } = await readBack();
    expect(rows.map((row) => [row.employeeId, row.effectiveFrom, row.isCpns, Number(row.baseSalary)]).sort()).toEqual(
      [
        [opd.staff.id, '2026-01-01', true, 2_785_700],
        [opd.bidangHead.id, '2026-01-01', false, 4_200_000],
      ].sort(),
    );
    expect(audits).toMatchObject([{ action: 'import', actorUserId: adminUserId, actorLabel: 'admin-gaji', after: { totalRows: 2, created: 2, updated: 0 } }]);
  }, PROCESS_TIMEOUT);

  it('a bad row: exit non-zero, every bad row listed in Indonesian, nothing written', async () => {
    const file = path.join(dataDir, 'gaji-salah.xlsx');
    await writePayDataXlsx(file, [
      [opd.head.nip, 'Kepala dinas', '2026-02-01', 'tidak', 5_500_000, 0, 0, 0, '', ''],
      ['199912312025011999', 'Tidak dikenal', '2026-02-01', 'tidak', 3_000_000, 0, 0, 0, '', ''],
      [opd.staff.nip, 'Staf', '2026-02-01', 'mungkin', 2_900_000, 0, 0, 0, '', ''],
    ]);
    const before = await readBack();
    const run = await runCli(['import', 'pay-data', file, '--json'], dataDir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('memuat 2 galat');
    const result = JSON.parse(run.stdout) as { isCommitted: boolean; totalRows: number; errors: { row: number; column: string | null; message: string }[] };
    expect(result).toMatchObject({ isCommitted: false, totalRows: 3 });
    expect(result.errors.map((error) => [error.row, error.column])).toEqual([
      [3, 'nip'],
      [4, 'cpns'],
    ]);
    expect(result.errors[0]?.message).toBe('Pegawai dengan NIP 199912312025011999 tidak ditemukan');

    const table = await runCli(['import', 'pay-data', file], dataDir);
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(/^3\s+nip\s+Pegawai dengan NIP 199912312025011999 tidak ditemukan$/m);
    expect(table.stdout).toContain('Impor dibatalkan (tidak ada yang disimpan): 3 baris, 1 valid');

    // The good first row was not written either: all or nothing.
    const after = await readBack();
    expect(after.rows.some((row) => row.employeeId === opd.head.id)).toBe(false);
    expect(after.rows).toEqual(before.rows);
    expect(after.audits).toEqual(before.audits);
  }, PROCESS_TIMEOUT);

  it('refuses an unknown account to act as, writing nothing', async () => {
    const file = path.join(dataDir, 'gaji-akun.xlsx');
    await writePayDataXlsx(file, [[opd.head.nip, 'Kepala dinas', '2026-03-01', 'tidak', 5_500_000, 0, 0, 0, '', '']]);
    const run = await runCli(['import', 'pay-data', file, '--as', 'tidak-ada'], dataDir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Akun tidak-ada tidak ditemukan atau tidak aktif');
    expect((await readBack()).rows.some((row) => row.employeeId === opd.head.id)).toBe(false);
  }, PROCESS_TIMEOUT);
});
