import fs from 'node:fs';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/server/modules/demo/demo-accounts';
import { DEMO_PEOPLE } from '../src/server/modules/demo/demo-people';
import { DEMO_KEPALA_DAERAH } from '../src/server/modules/skp/skp-demo-assessors';
import { extractPdfText } from '../test/helpers/pdf-text';
import { apiSession } from './api-session';
import { openBrowser, type BrowserSession } from './browser';

const baseUrl = inject('baseUrl');

async function logIn(session: BrowserSession, login: string) {
  const { page } = session;
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('NIP atau nama pengguna').fill(login);
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

interface Skp {
  id: string;
  isJpt: boolean;
  assessor: { nip: string | null };
  rhk: { id: string; text: string; supportedRhkId: string | null }[];
}

const indicator = { aspect: 'kuantitas', text: 'Jumlah puskesmas dengan layanan terakreditasi', targetValue: 12, targetUnit: 'puskesmas' };

describe('SKP journey (Chromium)', () => {
  let sessions: BrowserSession[] = [];
  afterEach(async () => {
    await Promise.all(sessions.map((session) => session.close()));
    sessions = [];
  });

  it('staff drafts from the superior’s RHK, the superior approves, the staff realises, the superior rates, the SKP is printed', async () => {
    const year = new Date().getFullYear();
    // The plans above the staff member, through the API: the kepala dinas cascades from the
    // performance agreement (approved by their own superior), the kepala bidang from the kepala dinas.
    const kadis = await apiSession(baseUrl, DEMO_PEOPLE.kepalaDinasKesehatan.nip);
    const kadisSkp = await kadis<Skp>('POST', '/api/skp', { year });
    await kadis('POST', `/api/skp/${kadisSkp.id}/rhk`, {
      kind: 'utama',
      text: 'Meningkatnya mutu layanan kesehatan dasar',
      perspective: kadisSkp.isJpt ? 'penerima_layanan' : null,
      supportedAgreementText: 'Perjanjian kinerja Dinas Kesehatan, sasaran 1',
      indicators: [indicator],
    });
    await kadis('POST', `/api/skp/${kadisSkp.id}/submit`);
    if (!kadisSkp.assessor.nip) throw new Error('the kepala dinas has no assessor in the demo regency');
    const sekda = await apiSession(baseUrl, kadisSkp.assessor.nip);
    await sekda('POST', `/api/skp/${kadisSkp.id}/approve`, { note: null });

    const kabid = await apiSession(baseUrl, DEMO_PEOPLE.kepalaBidangPelayananKesehatan.nip);
    const kabidSkp = await kabid<Skp>('POST', '/api/skp', { year });
    const fromKadis = await kabid<Skp>('POST', `/api/skp/${kabidSkp.id}/copy-from-superior`, { rhkIds: [] });
    expect(fromKadis.rhk.map((rhk) => rhk.text)).toEqual(['Meningkatnya mutu layanan kesehatan dasar']);
    await kabid('PUT', `/api/skp/rhk/${fromKadis.rhk[0]!.id}`, {
      kind: 'utama',
      text: 'Terlaksananya pembinaan akreditasi puskesmas',
      supportedRhkId: fromKadis.rhk[0]!.supportedRhkId,
      indicators: [indicator],
    });
    await kabid('POST', `/api/skp/${kabidSkp.id}/submit`);
    await kadis('POST', `/api/skp/${kabidSkp.id}/approve`, { note: null });

    // 1. The staff member, on a phone, starts an SKP from the superior's approved RHK and submits it.
    const staffBrowser = await openBrowser({ viewport: { width: 390, height: 844 } });
    sessions.push(staffBrowser);
    const staff = staffBrowser.page;
    await logIn(staffBrowser, DEMO_PEOPLE.stafPelayananKesehatan.nip);
    await staff.goto(`${baseUrl}/skp`);
    await staff.getByTestId('skp-create').click();
    await staff.getByTestId('skp-copy-superior').click();
    await expect.poll(() => staff.getByTestId('skp-rhk').first().textContent(), { timeout: 15_000 }).toContain('Terlaksananya pembinaan akreditasi puskesmas');
    await staff.getByTestId('skp-submit').click();
    await staff.getByTestId('confirm-button').click();
    await expect.poll(() => staff.getByTestId('skp-status').first().textContent(), { timeout: 15_000 }).toContain('Diajukan');

    // 2. The kepala bidang approves it from the list of what waits for them.
    const kabidBrowser = await openBrowser();
    sessions.push(kabidBrowser);
    const superior = kabidBrowser.page;
    await logIn(kabidBrowser, DEMO_PEOPLE.kepalaBidangPelayananKesehatan.nip);
    await superior.goto(`${baseUrl}/skp/review`);
    await superior.getByTestId('skp-waiting').getByTestId('skp-review-row').first().click();
    await superior.getByTestId('skp-approve').click();
    await expect.poll(() => superior.getByTestId('skp-detail').getByTestId('skp-status').textContent(), { timeout: 15_000 }).toContain('Disetujui');

    // 3. The staff member records this period's realisation.
    await staff.reload();
    await staff.getByTestId('skp-tab-realisation').click();
    await staff.getByTestId('realisation-edit').first().click();
    await staff.getByTestId('realisation-text').fill('Pendampingan akreditasi di 3 puskesmas');
    await staff.getByTestId('realisation-value').first().fill('3');
    await staff.getByTestId('realisation-save').click();
    await expect.poll(() => staff.getByTestId('realisation-rhk').first().textContent(), { timeout: 15_000 }).toContain('Pendampingan akreditasi di 3 puskesmas');

    // 4. The kepala bidang rates the period (the distribution advisor is shown) and finalises it.
    await superior.reload();
    await superior.getByTestId('skp-assessed').getByTestId('skp-review-row').first().click();
    await superior.getByTestId('skp-tab-evaluation').click();
    await superior.getByTestId('rating-hasil').getByText('Di atas').click();
    await superior.getByTestId('rating-perilaku').getByText('Sesuai').click();
    await superior.getByTestId('evaluation-save').click();
    await expect.poll(() => superior.getByTestId('skp-evaluation').first().textContent(), { timeout: 15_000 }).toContain('Baik');
    await superior.getByTestId('skp-distribution').first().waitFor();
    await superior.getByTestId('evaluation-finalise').click();
    await superior.getByTestId('confirm-button').click();
    await expect.poll(() => superior.getByTestId('skp-evaluation').first().textContent(), { timeout: 15_000 }).toContain('Final');

    // 5. The staff member sees the rating and prints the SKP document.
    await staff.reload();
    await staff.getByTestId('skp-tab-evaluation').click();
    await expect.poll(() => staff.getByTestId('skp-evaluation').first().textContent(), { timeout: 15_000 }).toContain('Baik');
    const [download] = await Promise.all([staff.waitForEvent('download'), staff.getByTestId('skp-pdf').click()]);
    const pdf = fs.readFileSync(await download.path());
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const text = extractPdfText(pdf);
    expect(text).toContain('SASARAN KINERJA PEGAWAI');
    expect(text).toContain(DEMO_PEOPLE.stafPelayananKesehatan.nip);
    expect(text).toContain(DEMO_PEOPLE.kepalaBidangPelayananKesehatan.nip);
    expect(text).toContain('Terlaksananya pembinaan akreditasi puskesmas');
  });

  it('BKPSDM approves and rates the Sekda’s SKP on behalf of the regent, who has no account', async () => {
    const year = new Date().getFullYear();
    // The Sekda (the kepala dinas's superior) plans and submits through the API.
    const kadis = await apiSession(baseUrl, DEMO_PEOPLE.kepalaDinasKesehatan.nip);
    const me = await kadis<{ employeeId: string }>('GET', '/api/auth/me');
    const { superior } = await kadis<{ superior: { nip: string } | null }>('GET', `/api/employees/${me.employeeId}/superior`);
    if (!superior) throw new Error('the kepala dinas has no superior in the demo regency');
    const sekda = await apiSession(baseUrl, superior.nip);
    const sekdaSkp = await sekda<Skp & { assessor: { kind: string | null; name: string | null } }>('POST', '/api/skp', { year });
    expect(sekdaSkp.assessor).toMatchObject({ kind: 'kepala_daerah', name: DEMO_KEPALA_DAERAH.officialName });
    await sekda('POST', `/api/skp/${sekdaSkp.id}/rhk`, {
      kind: 'utama',
      text: 'Meningkatnya kinerja penyelenggaraan pemerintahan daerah',
      perspective: 'penerima_layanan',
      supportedAgreementText: 'Perjanjian kinerja Sekretariat Daerah, sasaran 1',
      indicators: [{ aspect: 'kuantitas', text: 'Jumlah kebijakan daerah yang ditetapkan', targetValue: 6, targetUnit: 'dokumen' }],
    });
    await sekda('POST', `/api/skp/${sekdaSkp.id}/submit`);

    // 1. Admin BKPSDM, on a 360 px phone, finds it among the SKPs the regent assesses and approves with the basis.
    const adminBrowser = await openBrowser({ viewport: { width: 360, height: 800 } });
    sessions.push(adminBrowser);
    const admin = adminBrowser.page;
    await logIn(adminBrowser, 'admin.bkpsdm');
    await admin.goto(`${baseUrl}/skp/overview`);
    await admin.getByTestId('skp-without-assessor').getByText('Semua pegawai aktif memiliki pejabat penilai.').waitFor();
    await admin.getByTestId('skp-kepala-daerah-row').first().click();
    await admin.getByTestId('skp-approve').click();
    await admin.getByTestId('skp-on-behalf-reason').fill('Disposisi Bupati Contoh nomor 800/5/2026');
    await admin.getByTestId('skp-note-submit').click();
    await expect.poll(() => admin.getByTestId('skp-detail').getByTestId('skp-status').textContent(), { timeout: 15_000 }).toContain('Disetujui');
    await expect.poll(() => admin.getByTestId('skp-on-behalf').textContent(), { timeout: 15_000 }).toContain(DEMO_KEPALA_DAERAH.officialTitle);
    await admin.keyboard.press('Escape');

    // 2. The regent's predikat for the Sekretariat Daerah for the year, recorded on his behalf.
    await admin.getByTestId('skp-on-behalf-unit-predikat').first().click();
    await admin.getByRole('option', { name: 'Baik', exact: true }).click();
    await admin.getByTestId('skp-on-behalf-unit-reason').first().fill('Surat Bupati Contoh tentang capaian kinerja organisasi');
    await admin.getByTestId('skp-on-behalf-unit-save').first().click();
    await expect.poll(() => admin.getByTestId('skp-on-behalf-unit').first().textContent(), { timeout: 15_000 }).toContain('Dicatat atas nama');

    // 3. The annual rating: hasil kerja follows the unit predikat, perilaku is rated; saved and finalised with the basis.
    await admin.getByTestId('skp-kepala-daerah-row').first().click();
    await admin.getByTestId('skp-tab-evaluation').click();
    await admin.getByTestId('evaluation-period').click();
    await admin.getByRole('option', { name: `Tahunan ${year}` }).click();
    await admin.getByTestId('rating-perilaku').getByText('Sesuai').click();
    await admin.getByTestId('evaluation-on-behalf-reason').fill('Penilaian tahunan oleh Bupati Contoh, disposisi 800/9');
    await admin.getByTestId('evaluation-save').click();
    await expect.poll(() => admin.getByTestId('skp-evaluation').first().textContent(), { timeout: 15_000 }).toContain('Baik');
    await admin.getByTestId('evaluation-finalise').click();
    await admin.getByTestId('confirm-button').click();
    await expect.poll(() => admin.getByTestId('skp-evaluation').first().textContent(), { timeout: 15_000 }).toContain('Final');
    expect(await admin.getByTestId('evaluation-on-behalf').first().textContent()).toContain(DEMO_KEPALA_DAERAH.officialName);
  });
});
