import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:5613';
const out = '/tmp/h13/shots';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'], headless: true });
async function login(page: import('playwright-core').Page, login: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel('NIP atau nama pengguna').fill(login);
  await page.getByLabel('Kata sandi').fill('Kinerja2026');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
}
const which = process.argv[2] ?? 'all';
if (which === 'all' || which === 'admin') {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const page = await ctx.newPage();
  await login(page, 'admin.bkpsdm');
  await page.goto(`${base}/tpp/runs`);
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `${out}/runs.png`, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 900 } });
  await page.getByTestId('tpp-results-search').fill('199602172020122002');
  await page.waitForTimeout(1500);
  console.log('rows', await page.getByTestId('tpp-result-row').count());
  await page.screenshot({ path: `${out}/runs-search.png`, clip: { x: 0, y: 0, width: 1280, height: 800 } });
  await page.getByTestId('tpp-result-row').first().click();
  await page.waitForTimeout(2000);
  await page.screenshot({ path: `${out}/runs-explain.png` });
  await page.goto(`${base}/tpp/rule-sets`);
  await page.waitForTimeout(2000);
  await page.screenshot({ path: `${out}/rules.png`, fullPage: true });
}
if (which === 'all' || which === 'phone') {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const page = await ctx.newPage();
  await login(page, '199602172020122002');
  await page.goto(`${base}/tpp`);
  await page.waitForTimeout(3000);
  await page.screenshot({ path: `${out}/mine.png`, fullPage: true });
  await page.getByRole('button', { name: 'Bulan sebelumnya' }).first().click();
  await page.waitForTimeout(2000);
  await page.screenshot({ path: `${out}/mine-prev.png`, fullPage: true });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let k = 0; k * 740 < height; k++) await page.screenshot({ path: `${out}/mp-${k}.png`, fullPage: true, clip: { x: 0, y: k * 740, width: 360, height: Math.min(740, height - k * 740) } });
  await page.goto(`${base}/tpp/rule-sets`);
  await page.waitForTimeout(2000);
  await page.screenshot({ path: `${out}/rules-staff.png`, fullPage: true });
}
await browser.close();
