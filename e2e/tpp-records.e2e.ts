import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { DEMO_PEOPLE } from '../src/server/modules/demo/demo-people';
import { apiSession, logIn } from './api-session';
import { openBrowser, scratchFile, type BrowserSession } from './browser';

const baseUrl = inject('baseUrl');
const PHONE = { width: 360, height: 740 };
const STAFF = DEMO_PEOPLE.stafPelayananKesehatan;
/** Marks this run's records, so that a second run on the same server finds its own. */
const RUN = Date.now().toString(36).toUpperCase();
/** The first day of the current month in WIB (the regency's zone): pay data in force today. */
const monthStart = () => `${new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7)}-01`;

/** Types into a searchable select and picks the first option that contains `optionText`. */
async function pick(page: Page, testId: string, typed: string, optionText: string | RegExp = typed) {
  await page.getByTestId(testId).fill(typed);
  await page.getByRole('option', { name: optionText }).first().click();
}

/** A pay-data sheet as an admin fills the template: NIP and TMT as text. */
async function payDataSheet(rows: readonly (readonly string[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Impor data gaji');
  sheet.addRow(['nip', 'tmt', 'cpns', 'gaji_pokok', 'tunjangan_keluarga', 'nomor_sk']);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('TPP records journey (Chromium)', () => {
  let session: BrowserSession | null = null;
  afterEach(async () => {
    await session?.close();
    session = null;
  });

  it('BKPSDM records and corrects a discipline decision, adds and removes a bank account on a phone, imports pay data', async () => {
    const admin = await apiSession(baseUrl, 'admin.bkpsdm');
    // Start from an employee without an account, so that the form adds one (no change confirmation).
    const present = await admin<{ items: { employeeId: string }[] }>('GET', `/api/tpp/bank-accounts?status=present&q=${STAFF.nip}`);
    for (const row of present.items) await admin('DELETE', `/api/tpp/bank-accounts/${row.employeeId}`);

    session = await openBrowser();
    const { page } = session;
    await logIn(page, baseUrl, 'admin.bkpsdm');

    // ── Data pendukung TPP → discipline: record a decision, then correct its number and penalty ──
    await page.goto(`${baseUrl}/tpp/records`);
    await page.getByTestId('tpp-records-tab-discipline').click();
    await page.getByTestId('tpp-discipline-create').click();
    await pick(page, 'tpp-discipline-employee', STAFF.nip);
    const number = `800/${RUN}/BKPSDM/E2E`;
    await page.getByTestId('tpp-discipline-number').fill(number);
    const date = page.getByTestId('tpp-discipline-date');
    await date.fill(monthStart());
    await date.press('Enter');
    await page.getByTestId('tpp-discipline-penalty').click();
    const penalties = page.getByRole('option');
    const firstPenalty = (await penalties.first().textContent()) ?? '';
    const secondPenalty = (await penalties.nth(1).textContent()) ?? '';
    await penalties.first().click();
    await page.getByTestId('tpp-discipline-save').click();

    await page.getByTestId('tpp-discipline-filter-search').fill(STAFF.nip);
    const decision = page.getByTestId('tpp-discipline-row').filter({ hasText: number });
    await expect.poll(() => decision.count()).toBe(1);
    expect(await decision.getByTestId('tpp-discipline-row-penalty').textContent()).toBe(firstPenalty);

    await decision.getByTestId('tpp-discipline-edit').click();
    await page.getByTestId('tpp-discipline-number').fill(`${number}-REV`);
    await page.getByTestId('tpp-discipline-penalty').click();
    await page.getByRole('option', { name: secondPenalty }).click();
    await page.getByTestId('tpp-discipline-save').click();
    const corrected = page.getByTestId('tpp-discipline-row').filter({ hasText: `${number}-REV` });
    await expect.poll(() => corrected.getByTestId('tpp-discipline-row-penalty').textContent()).toBe(secondPenalty);

    // ── Bank accounts, on a 360 px phone: add one, see it masked, remove it ──
    await page.setViewportSize(PHONE);
    await page.getByTestId('tpp-records-tab-bank-accounts').click();
    await page.getByTestId('tpp-bank-filter-search').fill(STAFF.nip);
    const row = page.getByTestId('tpp-bank-row').filter({ hasText: STAFF.nip });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByTestId('tpp-bank-edit').click();
    await page.getByTestId('tpp-bank-form-bank').fill('Bank Pembangunan Daerah');
    await page.getByTestId('tpp-bank-form-number').fill('0012345678');
    await page.getByTestId('tpp-bank-form-save').click();
    await expect.poll(() => row.getByTestId('tpp-bank-number').textContent()).toBe('******5678');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(await page.textContent('body')).not.toContain('0012345678');

    await row.getByTestId('tpp-bank-remove').click();
    await page.getByTestId('confirm-button').click();
    await expect.poll(() => row.getByTestId('tpp-bank-number').count()).toBe(0);
    await expect.poll(() => row.textContent()).toContain('Belum ada');

    // ── Pay data: a dry run lists the bad row and allows no commit; a good file is committed and listed ──
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${baseUrl}/tpp/pay-data`);
    await page.getByTestId('pay-data-import').click();
    const salary = String(3_000_000 + (Date.now() % 100_000));
    const badFile = scratchFile('data-gaji-salah.xlsx', await payDataSheet([[STAFF.nip, monthStart(), 'tidak', salary, '0', `SK-${RUN}`], ['199001012020011999', monthStart(), 'tidak', 'banyak', '0', '']]));
    const fileInput = page.locator('input[type="file"]');
    await fileInput.setInputFiles(badFile);
    await page.getByTestId('pay-data-import-dry-run').click();
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    expect(await errors.locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
    expect(await errors.textContent()).toContain('3');
    expect(await page.getByTestId('pay-data-import-commit').isDisabled()).toBe(true);

    const goodFile = scratchFile('data-gaji.xlsx', await payDataSheet([[STAFF.nip, monthStart(), 'tidak', salary, '0', `SK-${RUN}`]]));
    await fileInput.setInputFiles(goodFile);
    await page.getByTestId('pay-data-import-dry-run').click();
    const commit = page.getByTestId('pay-data-import-commit');
    await expect.poll(() => commit.isEnabled()).toBe(true);
    await commit.click();
    await expect.poll(async () => (await page.getByTestId('pay-data-import-result').textContent()) ?? '').toContain('Impor selesai');
    await page.keyboard.press('Escape');

    await page.getByTestId('pay-data-search').fill(STAFF.nip);
    const imported = page.getByTestId('pay-data-row').filter({ hasText: STAFF.nip });
    const shownSalary = `Rp ${Number(salary).toLocaleString('id-ID')}`;
    await expect.poll(async () => (await imported.first().textContent()) ?? '').toContain(shownSalary);
  });

  it('an admin OPD records the assistant treasurer of a unit on a phone, ends the appointment and removes it', async () => {
    const admin = await apiSession(baseUrl, 'admin.dinkes');
    const [staff] = (await admin<{ items: { unitId: string; unitName: string }[] }>('GET', `/api/employees?q=${STAFF.nip}`)).items;
    if (!staff) throw new Error('demo staff member not found');
    const { items: units } = await admin<{ items: { id: string; code: string }[] }>('GET', '/api/units/tree');
    const unitCode = units.find((unit) => unit.id === staff.unitId)?.code ?? '';
    // A previous run on the same server left nothing behind, but make sure: the unit allows one treasurer at a time.
    const leftovers = await admin<{ items: { id: string; decreeNumber: string }[] }>('GET', `/api/tpp/treasurers?unitId=${staff.unitId}&includeEnded=true`);
    for (const item of leftovers.items.filter((row) => row.decreeNumber.includes('/E2E'))) await admin('DELETE', `/api/tpp/treasurers/${item.id}`);
    // Last month in WIB: appointed on its first day, later ended on its last.
    const now = new Date(Date.now() + 7 * 3_600_000);
    const lastMonthEnd = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0)).toISOString().slice(0, 10);
    const lastMonthStart = `${lastMonthEnd.slice(0, 7)}-01`;

    session = await openBrowser();
    const { page } = session;
    await page.setViewportSize(PHONE);
    await logIn(page, baseUrl, 'admin.dinkes');
    await page.goto(`${baseUrl}/tpp/records/treasurers`);
    await page.getByTestId('tpp-treasurer-create').click();
    await pick(page, 'tpp-treasurer-unit', unitCode);
    await pick(page, 'tpp-treasurer-employee', STAFF.nip);
    const decree = `900.1.3/${RUN}/E2E`;
    await page.getByTestId('tpp-treasurer-decree').fill(decree);
    const start = page.getByTestId('tpp-treasurer-start');
    await start.fill(lastMonthStart);
    await start.press('Tab');
    await page.getByTestId('tpp-treasurer-save').click();

    const row = page.getByTestId('tpp-treasurer-row').filter({ hasText: decree });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Bendahara Pengeluaran Pembantu');
    expect(await row.textContent()).toContain('Menjabat');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

    // Ended at last month's end: gone from those in office, listed with the ended ones.
    await row.getByTestId('tpp-treasurer-edit').click();
    const end = page.getByTestId('tpp-treasurer-end');
    await end.fill(lastMonthEnd);
    await end.press('Tab');
    await page.getByTestId('tpp-treasurer-save').click();
    await expect.poll(() => row.count()).toBe(0);
    await page.getByTestId('tpp-treasurer-ended').click({ force: true });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Tidak menjabat hari ini');
    const stored = await admin<{ items: { decreeNumber: string; startDate: string; endDate: string | null; kind: string }[] }>('GET', `/api/tpp/treasurers?unitId=${staff.unitId}&includeEnded=true`);
    expect(stored.items.find((item) => item.decreeNumber === decree)).toMatchObject({ startDate: lastMonthStart, endDate: lastMonthEnd, kind: 'pengeluaran_pembantu' });

    await row.getByTestId('tpp-treasurer-delete').click();
    await page.getByTestId('confirm-button').click();
    await expect.poll(() => row.count()).toBe(0);
  });
});
