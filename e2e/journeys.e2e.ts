import { afterEach, describe, expect, inject, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/server/modules/demo/demo-accounts';
import { DEMO_PEOPLE } from '../src/server/modules/demo/demo-people';
import { openBrowser, scratchFile, type BrowserSession } from './browser';

const baseUrl = inject('baseUrl');
const account = (role: string, description?: string) => {
  const found = DEMO_ACCOUNTS.find((candidate) => candidate.role === role && (!description || candidate.description.includes(description)));
  if (!found) throw new Error(`no demo account for ${role}`);
  return found;
};

async function logIn(session: BrowserSession, login: string, password = DEMO_PASSWORD) {
  const { page } = session;
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('NIP atau nama pengguna').fill(login);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

describe('browser journeys (Chromium)', () => {
  let session: BrowserSession | null = null;
  afterEach(async () => {
    await session?.close();
    session = null;
  });

  it('refuses a wrong password with an Indonesian message, then logs in and finds an employee', async () => {
    session = await openBrowser();
    const { page } = session;
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('NIP atau nama pengguna').fill('admin.bkpsdm');
    await page.getByLabel('Kata sandi').fill('salah-sekali-1');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('salah');

    await logIn(session, account('admin_bkpsdm').login);
    await page.getByTestId('nav-employees').click();
    const staff = DEMO_PEOPLE.stafPelayananKesehatan;
    await page.getByTestId('employee-search').fill(staff.nip);
    const table = page.getByTestId('employee-table');
    await expect.poll(() => table.textContent(), { timeout: 15_000 }).toContain(staff.nip);
    await table.getByRole('link', { name: new RegExp(staff.name) }).first().click();
    await page.getByTestId('superior-summary').waitFor();
    const superiorText = await page.getByTestId('superior-summary').textContent();
    // The staff member's superior is the head of their section or bidang: derived, not empty.
    expect(superiorText).toMatch(/[A-Za-z]{3,}/);
    expect(superiorText).not.toContain(staff.nip);
  });

  it('imports a small file after a dry run and shows the import in the audit trail', async () => {
    session = await openBrowser();
    const { page } = session;
    await logIn(session, account('admin_bkpsdm').login);
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-entity').getByText('Unit organisasi').click();

    const code = `E2E.${Date.now().toString(36).toUpperCase()}`;
    const badFile = scratchFile('unit-salah.csv', `kode,nama,jenis,kode_induk\n${code},Unit Uji E2E,opd,\n${code}.1,Seksi Uji,seksi,TIDAK.ADA\n`);
    await page.locator('#import-file-input').setInputFiles(badFile);
    await page.getByTestId('import-dry-run').click();
    await page.getByTestId('import-dry-run-failed').waitFor();
    expect(await page.getByTestId('import-errors').textContent()).toContain('3');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);

    const goodFile = scratchFile('unit.csv', `kode,nama,jenis,kode_induk\n${code},Unit Uji E2E,opd,\n${code}.1,Seksi Uji E2E,seksi,${code}\n`);
    await page.locator('#import-file-input').setInputFiles(goodFile);
    await page.getByTestId('import-dry-run').click();
    await page.getByTestId('import-dry-run-ok').waitFor();
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-success').waitFor();

    await page.getByTestId('nav-audit').click();
    await page.goto(`${baseUrl}/audit?entityType=import:units`);
    const auditTable = page.getByTestId('audit-table');
    await expect.poll(() => auditTable.textContent(), { timeout: 15_000 }).toContain('admin.bkpsdm');
    await page.goto(`${baseUrl}/audit?entityType=unit&action=create`);
    const firstRow = page.getByTestId('audit-row').first();
    await firstRow.waitFor();
    await firstRow.click();
    // The expanded row shows the change itself (after state), including the unit code.
    await expect.poll(() => page.getByTestId('audit-diff').first().textContent(), { timeout: 15_000 }).toContain(code);
  });

  it('works on a 360 px phone: staff member logs in, sees their profile, navigates by the burger menu', async () => {
    session = await openBrowser({ viewport: { width: 360, height: 740 } });
    const { page } = session;
    const staff = account('pegawai');
    await logIn(session, staff.login);
    await page.getByTestId('profile-card').waitFor();
    expect(await page.getByTestId('profile-card').textContent()).toContain(staff.login);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // A plain employee has no master-data navigation.
    await page.getByTestId('nav-burger').click();
    expect(await page.getByTestId('nav-employees').count()).toBe(0);
    expect(await page.getByTestId('nav-audit').count()).toBe(0);
  });

  it('switches the interface to English and keeps the choice', async () => {
    session = await openBrowser();
    const { page } = session;
    await page.goto(`${baseUrl}/login`);
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.getByTestId('login-submit').textContent()).toMatch(/Sign in|Log in/i);
    await page.reload();
    await expect.poll(() => page.getByTestId('login-submit').textContent()).toMatch(/Sign in|Log in/i);
  });

  it('serves the API documentation page', async () => {
    session = await openBrowser();
    const { page } = session;
    await page.goto(`${baseUrl}/api/docs`);
    await expect.poll(() => page.locator('.swagger-ui').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('/api/auth/login').count(), { timeout: 20_000 }).toBeGreaterThan(0);
  });
});
