import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { TppRuleSetVersionView } from '../src/contracts/tpp';
import type { TppRuleSet } from '../src/domain/tpp/rule-set';
import { apiSession, logIn, type Api } from './api-session';
import { openBrowser, type BrowserSession } from './browser';

const baseUrl = inject('baseUrl');
const PHONE = { width: 360, height: 740 };
/** Marks this run's version, so that a second run on the same server adds its own. */
const RUN = Date.now().toString(36).toUpperCase();
/** Far after any month the demo closes, and different from run to run (a second run on one server). */
const EFFECTIVE_FROM = `${2040 + (Date.now() % 59)}-01-01`;

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal scroll on ${page.url()}`).toBeLessThanOrEqual(0);
}

const listVersions = (admin: Api) => admin<{ items: TppRuleSetVersionView[] }>('GET', '/api/tpp/rule-sets?includeSuperseded=true');

describe('TPP rule-set form journey (Chromium)', () => {
  let session: BrowserSession | null = null;
  let admin: Api | null = null;
  afterEach(async () => {
    await session?.close();
    session = null;
    // Withdraw this run's version, so that the regency's months keep their rules.
    if (admin) for (const version of (await listVersions(admin)).items.filter((item) => item.name.includes(RUN) && item.supersededAt === null)) await admin('DELETE', `/api/tpp/rule-sets/${version.id}`);
  });

  it('BKPSDM copies the version in force into a new one through the form: a rate and an amount changed, wrong weights refused before saving', async () => {
    admin = await apiSession(baseUrl, 'admin.bkpsdm');
    const inForce = (await listVersions(admin)).items.find((item) => item.isInForce);
    if (!inForce) throw new Error('the demo has no TPP rule set in force');
    const source = inForce.ruleSet as unknown as TppRuleSet;
    const lateIndex = source.deductions.rules.findIndex((rule) => rule.kind === 'late');
    const late = source.deductions.rules[lateIndex];
    if (!late || late.kind !== 'late' || late.bands.length < 2) throw new Error('the version in force has no late table of two bands');
    const topClass = source.classAmounts.reduce((top, row, index) => (row.kelasJabatan > (source.classAmounts[top]?.kelasJabatan ?? 0) ? index : top), 0);
    const firstWeight = source.earning.parts[0]?.weightBp ?? 0;

    session = await openBrowser();
    const { page } = session;
    await logIn(page, baseUrl, 'admin.bkpsdm');
    await page.goto(`${baseUrl}/tpp/rule-sets`);

    // ── Start from a copy of the version in force ──
    await page.getByTestId('tpp-rule-set-example').click();
    await page.getByRole('option', { name: `Salin: ${inForce.name}` }).click();
    await page.getByTestId('tpp-rule-set-form').waitFor();
    const name = `Versi uji formulir ${RUN}`;
    await page.getByTestId('rule-name').fill(name);
    const date = page.getByTestId('rule-effectiveFrom');
    await date.fill(EFFECTIVE_FROM);
    await date.press('Enter');

    // ── Deductions: TL2 from its rate to 0,75 % ──
    await page.getByTestId('rule-section-deductions').click();
    await page.getByTestId(`rule-deductions.rules.${lateIndex}.bands.1.rateBp`).fill('0,75');
    // ── Amounts: the top class's beban kerja ──
    await page.getByTestId('rule-section-classes').click();
    await page.getByTestId(`rule-classAmounts.${topClass}.components.bebanKerja`).fill('14000000');

    // ── Weights that do not add up: shown on the spot, saving refused ──
    await page.getByTestId('rule-section-earning').click();
    const weight = page.getByTestId('rule-earning.parts.0.weightBp');
    await weight.fill(String((firstWeight - 1000) / 100));
    await expect.poll(() => page.getByTestId('rule-weight-total').textContent()).toBe('Jumlah: 90 %');
    await expect.poll(() => page.getByTestId('tpp-rule-set-errors').textContent()).toContain('Jumlah bobot harus 100 % (sekarang 90 %)');
    expect(await page.getByTestId('tpp-rule-set-save').isDisabled()).toBe(true);
    await weight.fill(String(firstWeight / 100));
    await expect.poll(() => page.getByTestId('tpp-rule-set-errors').count()).toBe(0);

    // ── What changed from the copy: the name, the date, the rate and the amount (the weight is back) ──
    await page.getByRole('switch', { name: 'Tampilkan perubahan dari titik awal (4 isian)' }).check();
    const changed = await page.getByTestId('audit-diff').locator('tbody tr').allTextContents();
    expect(changed.map((row) => row.replace(/\s+/g, ' '))).toEqual([
      expect.stringContaining(`classAmounts.${topClass}.components.bebanKerja`),
      expect.stringContaining(`deductions.rules.${lateIndex}.bands.1.rateBp`),
      expect.stringContaining('effectiveFrom'),
      expect.stringContaining('name'),
    ]);

    // ── PPh 21 from a rate per golongan to one flat rate: the kind starts its table afresh ──
    await page.getByTestId('rule-section-payroll').click();
    await page.getByTestId('rule-pph21.rates.kind').click();
    await page.getByRole('option', { name: 'Tarif tunggal (%)' }).click();
    await page.getByTestId('rule-pph21.rates.rateBp').fill('7,5');

    // ── The JSON tab shows the same draft ──
    await page.getByTestId('tpp-rule-set-mode').getByText('JSON').click();
    const json = JSON.parse(await page.getByTestId('tpp-rule-set-json').inputValue()) as TppRuleSet;
    expect(json.name).toBe(name);
    expect(json.pph21.rates).toEqual({ kind: 'flat', rateBp: 750 });
    await page.getByTestId('tpp-rule-set-mode').getByText('Formulir').click();
    await page.getByTestId('tpp-rule-set-form').waitFor();

    await page.getByTestId('tpp-rule-set-save').click();
    await page.getByText('Versi aturan TPP disimpan.').waitFor();

    // ── Saved as typed: the two changes, the new name and date, nothing else ──
    const saved = (await listVersions(admin)).items.find((item) => item.name === name);
    if (!saved) throw new Error('the new version is not listed');
    const expected = structuredClone(source);
    expected.name = name;
    expected.effectiveFrom = EFFECTIVE_FROM;
    const expectedLate = expected.deductions.rules[lateIndex];
    if (expectedLate?.kind !== 'late' || !expectedLate.bands[1]) throw new Error('unreachable');
    expectedLate.bands[1].rateBp = 75;
    const expectedTop = expected.classAmounts[topClass];
    if (!expectedTop) throw new Error('unreachable');
    expectedTop.components.bebanKerja = 14_000_000;
    expected.pph21.rates = { kind: 'flat', rateBp: 750 };
    expect(saved.ruleSet).toEqual(expected);
    expect(saved.effectiveFrom).toBe(EFFECTIVE_FROM);
    await page.getByText(name).first().waitFor();

    // ── On a phone the form fits the screen (wide tables scroll inside their frame) ──
    await session.close();
    session = await openBrowser({ viewport: PHONE });
    await logIn(session.page, baseUrl, 'admin.bkpsdm');
    await session.page.goto(`${baseUrl}/tpp/rule-sets`);
    const card = session.page.getByTestId('tpp-rule-set').filter({ hasText: name });
    await card.getByRole('button', { name: 'Ubah' }).click();
    await session.page.getByTestId('tpp-rule-set-form').waitFor();
    await session.page.getByTestId('rule-section-classes').click();
    await session.page.getByTestId('rule-section-deductions').click();
    await expect.poll(() => session?.page.getByTestId(`rule-deductions.rules.${lateIndex}.bands.1.rateBp`).inputValue()).toBe('0,75 %');
    await expectNoHorizontalScroll(session.page);
  });
});
