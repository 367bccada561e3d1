import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { TppExplanationView, TppRunView, TppSummaryView } from '../src/contracts/tpp';
import { DEMO_PEOPLE } from '../src/server/modules/demo/demo-people';
import { sortSummaryRows } from '../src/web/features/tpp/tpp-summary-order';
import { extractPdfText } from '../test/helpers/pdf-text';
import { apiSession, logIn, type Api } from './api-session';
import { openBrowser, type BrowserSession } from './browser';

const baseUrl = inject('baseUrl');
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
const STAFF = DEMO_PEOPLE.stafPelayananKesehatan;
/** TPP months are the regency's (WIB); the browsers live there too, so that their "last month" is the server's. */
const ZONE = 'Asia/Jakarta';
/** Marks this run's device, so that a second run on the same server registers its own. */
const RUN = Date.now().toString(36).toUpperCase();

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal scroll on ${page.url()}`).toBeLessThanOrEqual(0);
}

/** "−Rp 1.234.567" / "+Rp 5.000" / "Rp 0" as shown by the pages (Bahasa Indonesia) → rupiah. */
function parseRupiah(text: string | null): number {
  const trimmed = (text ?? '').trim();
  const match = /^(−|-|\+)?Rp\s?([\d.]+)$/.exec(trimmed);
  if (!match?.[2]) throw new Error(`not a rupiah amount: "${trimmed}"`);
  const amount = Number(match[2].replaceAll('.', ''));
  return match[1] === '−' || match[1] === '-' ? -amount : amount;
}

/** The slip's formatting (domain money.ts), with the minus sign a PDF standard font can print. */
const slipRupiah = (amount: number) => `${amount < 0 ? '-' : ''}Rp ${Math.abs(amount).toLocaleString('id-ID')}`;

const todayInZone = () => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const previousMonth = (month: string) => {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return monthNumber === 1 ? `${year - 1}-12` : `${year}-${String(monthNumber - 1).padStart(2, '0')}`;
};
const lastDayOf = (month: string) => {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(year, monthNumber, 0)).getUTCDate()).padStart(2, '0')}`;
};
const nextDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
/** An instant as wall-clock "YYYY-MM-DD HH:mm:ss" in WIB (UTC+7, no daylight saving), shifted by `minutes`. */
const wibWallClock = (instant: string, minutes: number) => new Date(Date.parse(instant) + (7 * 60 + minutes) * 60_000).toISOString().slice(0, 19).replace('T', ' ');

interface WorkDay {
  date: string;
  isWorkingDay: boolean;
  timeZone: string;
  plannedStart: string | null;
  plannedEnd: string | null;
}

interface UnitRow {
  id: string;
  kind: string;
  name: string;
}

/**
 * The demo regency has no attendance yet: the staff member's machine log for the month goes in
 * through the punch import (a registered device, a PIN mapping, a CSV as the vendor software writes it).
 * Every working day on time, except one late arrival (40 minutes), one early departure (60 minutes),
 * one day without a check-out and one day without any punch (derived as TK because the next day's
 * punches are recomputed with the day before).
 */
async function importStaffMonth(admin: Api, input: { opdId: string; employeeId: string; period: string }) {
  const { items } = await admin<{ items: WorkDay[] }>('GET', `/api/attendance/work-days?employeeId=${input.employeeId}&from=${input.period}-01&to=${lastDayOf(input.period)}`);
  const working = items.filter((day) => day.isWorkingDay && day.plannedStart && day.plannedEnd);
  expect(working.length, 'working days last month').toBeGreaterThanOrEqual(12);
  expect(new Set(working.map((day) => day.timeZone))).toEqual(new Set([ZONE]));
  const isWorking = new Set(working.map((day) => day.date));
  // The absent day: a working day followed by a working day, away from the others.
  const absent = working.slice(4).find((day) => isWorking.has(nextDate(day.date)))?.date;
  if (!absent) throw new Error('no working day followed by another');
  const special = working.filter((day) => day.date !== absent);
  const late = special[1]?.date;
  const early = special[2]?.date;
  const noCheckOut = special[3]?.date;

  const serialNumber = `TPPE2E${RUN}`.slice(0, 20);
  const device = await admin<{ id: string }>('POST', '/api/devices', { serialNumber, name: `Mesin uji TPP ${RUN}`, unitId: input.opdId, timeZone: ZONE, pushTimeZone: '7' });
  const pin = String(7000 + (Date.now() % 1000));
  await admin('POST', `/api/devices/${device.id}/mappings`, { pin, employeeId: input.employeeId, startDate: `${input.period}-01`, endDate: null });

  const rows = [['PIN', 'Date/Time']];
  for (const day of working) {
    if (day.date === absent) continue;
    const start = day.plannedStart ?? '';
    const end = day.plannedEnd ?? '';
    rows.push([pin, wibWallClock(start, day.date === late ? 40 : -10)]);
    if (day.date !== noCheckOut) rows.push([pin, wibWallClock(end, day.date === early ? -60 : 5)]);
  }
  const form = new FormData();
  form.append('file', new Blob([rows.map((row) => row.join(',')).join('\r\n') + '\r\n'], { type: 'text/csv' }), 'log-mesin.csv');
  const imported = await admin<{ isCommitted: boolean; inserted: number; held: number; errors: unknown[] }>('POST', `/api/punches/import?serialNumber=${serialNumber}&dryRun=false`, form);
  expect(imported).toMatchObject({ isCommitted: true, inserted: rows.length - 1, held: 0, errors: [] });
  return { absent, late, early, noCheckOut };
}

describe('TPP journey (Chromium)', () => {
  const sessions: BrowserSession[] = [];
  afterEach(async () => {
    for (const session of sessions.splice(0)) await session.close();
  });
  const open = async (viewport: { width: number; height: number }) => {
    const session = await openBrowser({ viewport });
    sessions.push(session);
    const context = await session.browser.newContext({ viewport, locale: 'id-ID', timezoneId: ZONE, acceptDownloads: true, reducedMotion: 'reduce' });
    return context.newPage();
  };

  it('admin BKPSDM computes last month for one OPD, reads an explanation that adds up, exports payroll and a slip; the staff member sees the same net on a phone', async () => {
    const admin = await apiSession(baseUrl, 'admin.bkpsdm');
    const staffApi = await apiSession(baseUrl, STAFF.nip);
    const { employeeId } = await staffApi<{ employeeId: string }>('GET', '/api/auth/me');
    const period = previousMonth(todayInZone().slice(0, 7));
    const { items: units } = await admin<{ items: UnitRow[] }>('GET', '/api/units/tree');
    const opd = units.find((unit) => unit.kind === 'opd' && unit.name === 'Dinas Kesehatan');
    if (!opd) throw new Error('Dinas Kesehatan not found');
    const days = await importStaffMonth(admin, { opdId: opd.id, employeeId, period });
    const { items: derived } = await admin<{ items: { date: string; status: string }[] }>('GET', `/api/attendance/daily?employeeId=${employeeId}&from=${period}-01&to=${lastDayOf(period)}`);
    const statusOn = (date: string | undefined) => derived.find((day) => day.date === date)?.status;
    expect([statusOn(days.absent), statusOn(days.late), statusOn(days.early), statusOn(days.noCheckOut)]).toEqual(['tk', 'terlambat', 'psw', 'tidak_absen_pulang']);

    // The month before was computed for the OPD too (from what the demo holds of it), so that the summary has a month to compare with.
    const monthBefore = previousMonth(period);
    const earlier = await admin<TppRunView>('POST', '/api/tpp/runs', { period: monthBefore, unitId: opd.id });
    await expect.poll(async () => (await admin<TppRunView>('GET', `/api/tpp/runs/${earlier.id}`)).status, { timeout: 60_000 }).toBe('done');

    // 1. Admin BKPSDM opens "Perhitungan TPP": last month is preselected; picks the OPD and starts the run.
    const page = await open(DESKTOP);
    await logIn(page, baseUrl, 'admin.bkpsdm');
    await page.getByTestId('nav-tppRuns').click();
    await page.getByTestId('tpp-run-start').waitFor();
    const monthLabel = new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${period}-01T00:00:00Z`));
    expect(((await page.getByTestId('tpp-runs-month').textContent()) ?? '').toLowerCase()).toBe(monthLabel.toLowerCase());
    await page.getByTestId('tpp-runs-unit').fill('Dinas Kesehatan');
    await page.getByRole('option', { name: /^Dinas Kesehatan \(/ }).click();
    await page.getByTestId('tpp-run-start').click();

    // 2. The progress bar follows the background job until it is done.
    const progress = page.getByTestId('tpp-run-progress');
    await progress.waitFor();
    expect(await progress.textContent()).toContain('Dinas Kesehatan');
    await expect.poll(() => progress.getByTestId('tpp-run-status').textContent(), { timeout: 60_000 }).toBe('Selesai');
    const { items: runs } = await admin<{ items: TppRunView[] }>('GET', `/api/tpp/runs?period=${period}`);
    const run = runs.find((item) => item.unitId === opd.id);
    expect(run).toMatchObject({ status: 'done', error: null });
    expect(run?.progressTotal).toBeGreaterThan(100);
    expect(run?.progressDone).toBe(run?.progressTotal);
    expect(await progress.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    expect(await progress.textContent()).toContain(`${run?.progressDone} dari ${run?.progressTotal} pegawai`);

    // 3. The results list the OPD's employees; the staff member's row opens the explanation.
    const results = await admin<{ total: number; totals: { net: number } }>('GET', `/api/tpp/results?period=${period}&unitId=${opd.id}&limit=1`);
    expect(results.total).toBe((run?.progressTotal ?? 0) - (run?.issues.length ?? 0));
    // Sorted by net, the highest comes first, as the server orders them.
    const highest = await admin<{ items: { nip: string; net: number }[] }>('GET', `/api/tpp/results?period=${period}&unitId=${opd.id}&sort=net&limit=1`);
    await page.getByTestId('tpp-results-sort').getByText('Jumlah bersih').click();
    await expect.poll(() => page.getByTestId('tpp-result-row').first().textContent(), { timeout: 15_000 }).toContain(highest.items[0]?.nip ?? 'none');
    expect(await page.getByTestId('tpp-result-row').first().textContent()).toContain(`Rp ${(highest.items[0]?.net ?? 0).toLocaleString('id-ID')}`);
    await page.getByTestId('tpp-results-search').fill(STAFF.nip);
    const row = page.getByTestId('tpp-result-row').filter({ hasText: STAFF.nip });
    await expect.poll(() => page.getByTestId('tpp-result-row').count(), { timeout: 15_000 }).toBe(1);
    await row.click();
    const panel = page.getByTestId('tpp-explanation');
    await panel.waitFor();
    expect(await panel.textContent()).toContain(STAFF.nip);

    // 4. Every line carries its rule and citation; the lines add up to the net amount shown and stored.
    const explained = await admin<TppExplanationView>('GET', `/api/tpp/employees/${employeeId}?period=${period}`);
    expect(explained).toMatchObject({ isEstimate: false, isFrozen: false });
    expect(explained.inputs).toMatchObject({ tkDays: 1, lateEvents: 1, earlyEvents: 2 });
    expect(explained.result.deductionTotal).toBeGreaterThan(0);
    const lines = panel.getByTestId('tpp-line');
    await expect.poll(() => lines.count()).toBe(explained.result.lines.length);
    expect(await panel.getByTestId('tpp-line-citation').count()).toBe(explained.result.lines.length);
    const shownEffects = (await lines.getByTestId('tpp-line-effect').allTextContents()).map(parseRupiah);
    const shownSum = shownEffects.reduce((sum, effect) => sum + effect, 0);
    const shownNet = parseRupiah(await panel.getByTestId('tpp-net').textContent());
    expect(shownSum).toBe(shownNet);
    expect(shownNet).toBe(explained.result.net);
    expect(explained.result.lines.reduce((sum, line) => sum + line.effect, 0)).toBe(explained.result.net);
    expect(parseRupiah(await panel.getByTestId('tpp-payable').textContent())).toBe(explained.netPayable);
    // The page shows the stored lines themselves (grouped by section), and the month's log produced its deductions.
    const byAmount = (a: number, b: number) => a - b;
    expect([...shownEffects].sort(byAmount)).toEqual(explained.result.lines.map((line) => line.effect).sort(byAmount));
    const shownText = (await lines.allTextContents()).join('\n');
    for (const text of ['1 hari TK', '1 kejadian (40 menit)', '1 kejadian (60 menit)', 'tidak absen pulang']) expect(shownText).toContain(text);
    // Productivity is explained by the minutes it was measured from.
    expect(shownText).toMatch(/Produktivitas [\d,]+ % \([\d.]+ menit dihitung dari target [\d.]+ menit\)/);
    const tkLine = explained.result.lines.find((line) => line.section === 'deduction' && line.code === 'deduction:tk');
    expect(tkLine).toBeDefined();

    // … and what moved it since the month before, line by line, adding up to the change of the net.
    const monthChange = await admin<{ comparison: { difference: { net: number }; lineChanges: { change: number }[] } | null }>('GET', `/api/tpp/employees/${employeeId}/month-change?period=${period}`);
    if (!monthChange.comparison) throw new Error('no comparison with the month before');
    expect(monthChange.comparison.lineChanges.reduce((sum, line) => sum + line.change, 0)).toBe(monthChange.comparison.difference.net);
    const changeCard = panel.getByTestId('tpp-month-change');
    await expect.poll(() => changeCard.getByTestId('tpp-month-change-line').count(), { timeout: 15_000 }).toBe(monthChange.comparison.lineChanges.length);
    expect(parseRupiah(await changeCard.getByTestId('tpp-month-change-net').textContent())).toBe(monthChange.comparison.difference.net);

    // 5. The employee's slip (PDF) from the explanation.
    const [slipDownload] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('tpp-slip').click()]);
    expect(slipDownload.suggestedFilename()).toBe(`slip-tpp-${STAFF.nip}-${period}.pdf`);
    const pdf = fs.readFileSync(await slipDownload.path());
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const slipText = extractPdfText(pdf);
    expect(slipText).toContain(`SLIP TAMBAHAN PENGHASILAN PEGAWAI`);
    expect(slipText).toContain(STAFF.nip);
    expect(slipText).toContain(explained.employee.name);
    expect(slipText).toContain(slipRupiah(explained.netPayable));
    expect(slipText).toContain(slipRupiah(tkLine?.effect ?? 0));

    // 6. The explanation closes; the payroll recap for BPKAD (xlsx): one row per result, amounts as numbers, NIP as text.
    await page.getByRole('button', { name: 'Tutup rincian' }).click();
    await panel.waitFor({ state: 'detached' });
    const [payrollDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('tpp-payroll-xlsx').click()]);
    expect(payrollDownload.suggestedFilename()).toBe(`rekap-tpp-opd-${period}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(fs.readFileSync(await payrollDownload.path())).buffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('payroll workbook has no sheet');
    const header = (sheet.getRow(3).values as ExcelJS.CellValue[]).map((value) => String(value ?? ''));
    const column = (name: string) => {
      const index = header.indexOf(name);
      expect(index, `column "${name}"`).toBeGreaterThan(0);
      return index;
    };
    expect(String(sheet.getRow(1).getCell(1).value)).toContain(`Dinas Kesehatan, bulan ${period}`);
    let staffRow: ExcelJS.Row | null = null;
    let dataRows = 0;
    let totalRow: ExcelJS.Row | null = null;
    sheet.eachRow((candidate, number) => {
      if (number <= 3) return;
      if (candidate.getCell(column('Nama')).value === 'JUMLAH') totalRow = candidate;
      else dataRows += 1;
      if (candidate.getCell(column('NIP')).value === STAFF.nip) staffRow = candidate;
    });
    expect(dataRows).toBe(results.total);
    const staffCells = staffRow as ExcelJS.Row | null;
    if (!staffCells) throw new Error('staff member missing from the payroll recap');
    expect(staffCells.getCell(column('Nama')).value).toBe(explained.employee.name);
    expect(staffCells.getCell(column('Golongan')).value).toBe(explained.employee.golongan);
    expect(staffCells.getCell(column('Kelas jabatan')).value).toBe(explained.employee.kelasJabatan);
    expect(staffCells.getCell(column('TPP sebelum potongan')).value).toBe(explained.result.earned);
    expect(staffCells.getCell(column('Jumlah potongan')).value).toBe(explained.result.deductionTotal);
    expect(staffCells.getCell(column(`Potongan: ${tkLine?.label ?? ''}`)).value).toBe(-(tkLine?.effect ?? 0));
    expect(staffCells.getCell(column('PPh 21')).value).toBe(explained.result.pph21.amount);
    expect(staffCells.getCell(column('BPJS 1 % pegawai')).value).toBe(explained.result.bpjs.employee);
    expect(staffCells.getCell(column('Jumlah bersih dibayar')).value).toBe(explained.netPayable);
    const totals = totalRow as ExcelJS.Row | null;
    expect(totals?.getCell(column('Jumlah bersih dibayar')).value).toBe(results.totals.net);

    // … the OPD's payment list for signing (PDF), the staff member's row in it and the head of the OPD below …
    const [listDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('tpp-payroll-pdf').click()]);
    expect(listDownload.suggestedFilename()).toBe(`daftar-pembayaran-tpp-${period}.pdf`);
    const listText = extractPdfText(fs.readFileSync(await listDownload.path()));
    expect(listText).toContain('DAFTAR PEMBAYARAN TAMBAHAN PENGHASILAN PEGAWAI (TPP)');
    expect(listText).toContain(`NIP ${STAFF.nip}`);
    expect(listText).toContain(explained.netPayable.toLocaleString('id-ID'));
    expect(listText).toContain(DEMO_PEOPLE.kepalaDinasKesehatan.nip);
    // … signed by the OPD's treasurer as recorded (the demo records the holder of its Bendahara post).
    const { items: treasurers } = await admin<{ items: { unitId: string; nip: string }[] }>('GET', `/api/tpp/treasurers?unitId=${opd.id}`);
    const treasurer = treasurers.find((item) => item.unitId === opd.id);
    if (!treasurer) throw new Error('Dinas Kesehatan has no treasurer recorded');
    expect(listText).toContain(`Bendahara Pengeluaran`);
    expect(listText).toContain(`NIP. ${treasurer.nip}`);

    // … and every slip of the OPD in one document, one slip (of its own pages) per result, the staff member's among them.
    const [slipsDownload] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('tpp-unit-slips').click()]);
    expect(slipsDownload.suggestedFilename()).toBe(`slip-tpp-unit-${period}.pdf`);
    const slipsText = extractPdfText(fs.readFileSync(await slipsDownload.path()));
    expect(slipsText.split('SLIP TAMBAHAN PENGHASILAN PEGAWAI')).toHaveLength(results.total + 1);
    expect(slipsText).toContain(`Slip ${results.total} dari ${results.total} · Halaman 1 dari`);
    expect(slipsText).toContain(STAFF.nip);
    expect(slipsText).toContain(slipRupiah(explained.netPayable));

    // 7. The summary per OPD sets each OPD's net beside the month before, biggest change first on request.
    const summary = await admin<TppSummaryView>('GET', `/api/tpp/summary?period=${period}`);
    const health = summary.opds.find((item) => item.opdUnitId === opd.id);
    if (health?.previousNet == null || health.change === null) throw new Error(`Dinas Kesehatan has no comparison with ${monthBefore}`);
    expect(health.change).toBe(health.net - health.previousNet);
    await page.getByTestId('tpp-summary-sort').getByText('Perubahan terbesar').click();
    const summaryRows = page.getByTestId('tpp-summary-row');
    // Biggest change either way first, OPDs without the month before last (the order unit-tested in tpp-summary-order).
    const expectedOrder = sortSummaryRows(summary.opds, 'change').map((item) => item.opdName);
    expect(expectedOrder[0]).toBe(summary.opds.filter((item) => item.change !== null).sort((a, b) => Math.abs(b.change ?? 0) - Math.abs(a.change ?? 0))[0]?.opdName);
    await expect.poll(async () => (await summaryRows.allTextContents()).map((text) => expectedOrder.find((name) => text.startsWith(name)))).toEqual(expectedOrder);
    const healthRow = summaryRows.filter({ hasText: 'Dinas Kesehatan' });
    expect(parseRupiah(await healthRow.getByTestId('tpp-summary-previous').textContent())).toBe(health.previousNet);
    expect(parseRupiah(await healthRow.getByTestId('tpp-summary-change').textContent())).toBe(health.change);
    // … and prints it (PDF): the OPD's row with the same figures.
    const [summaryPdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('tpp-summary-pdf').click()]);
    expect(summaryPdf.suggestedFilename()).toBe(`ringkasan-tpp-${period}.pdf`);
    const printed = extractPdfText(fs.readFileSync(await summaryPdf.path()));
    expect(printed).toContain('RINGKASAN TAMBAHAN PENGHASILAN PEGAWAI (TPP) PER OPD');
    expect(printed).toContain(`Dinas Kesehatan${health.employees}`);
    expect(printed).toContain(`${health.net.toLocaleString('id-ID')}`);
    expect(printed).toContain(`${health.change.toLocaleString('id-ID')}`);
    // The same month on the home page: the scope's net and its change since the month before.
    await page.getByTestId('nav-home').click();
    const regionCard = page.getByTestId('region-tpp-card');
    await expect.poll(() => regionCard.getByTestId('region-tpp-card-net').textContent(), { timeout: 15_000 }).toBe(`Rp ${summary.region.net.toLocaleString('id-ID')}`);
    expect(parseRupiah(((await regionCard.getByTestId('region-tpp-card-change').textContent()) ?? '').split(' (')[0] ?? '')).toBe(summary.region.change);

    await expectNoHorizontalScroll(page);

    // 8. The staff member opens "TPP saya" on a phone, goes to last month and sees the same amount.
    const phone = await open(PHONE);
    await logIn(phone, baseUrl, STAFF.nip);
    // Home first: this month's TPP as it stands (an estimate until computed) and last month's.
    const thisMonth = await staffApi<TppExplanationView>('GET', `/api/tpp/me?period=${todayInZone().slice(0, 7)}`);
    const myCard = phone.getByTestId('my-tpp-card');
    await expect.poll(() => myCard.getByTestId('my-tpp-card-payable').textContent(), { timeout: 15_000 }).toBe(`Rp ${thisMonth.netPayable.toLocaleString('id-ID')}`);
    expect(await myCard.textContent()).toContain(thisMonth.isEstimate ? 'Perkiraan' : 'Dihitung');
    expect(await myCard.getByTestId('my-tpp-card-previous').textContent()).toContain(`Rp ${explained.result.net.toLocaleString('id-ID')} (belum ditutup)`);
    await phone.getByTestId('nav-burger').click();
    await phone.getByTestId('nav-myTpp').click();
    await phone.getByTestId('tpp-explanation').waitFor({ timeout: 15_000 });
    await expectNoHorizontalScroll(phone);
    await phone.getByRole('button', { name: 'Bulan sebelumnya' }).first().click();
    await expect.poll(() => phone.getByTestId('tpp-explanation').textContent(), { timeout: 15_000 }).toContain('Bulan belum ditutup');
    expect(parseRupiah(await phone.getByTestId('tpp-payable').textContent())).toBe(explained.netPayable);
    expect(parseRupiah(await phone.getByTestId('tpp-net').textContent())).toBe(explained.result.net);
    expect(await phone.getByTestId('tpp-line').count()).toBe(explained.result.lines.length);
    const historyButton = phone.getByTestId('tpp-history').getByRole('button', { name: new RegExp(`^${period}`) });
    expect(parseRupiah(((await historyButton.textContent()) ?? '').split('·')[1] ?? '')).toBe(explained.netPayable);
    await expectNoHorizontalScroll(phone);

    // 9. … and asks the simulator what one more day without leave would have cost: less, on the TK line.
    await phone.getByTestId('tpp-sim-tk').fill(String(explained.inputs.tkDays + 1));
    await phone.getByTestId('tpp-sim-run').click();
    const simulated = phone.getByTestId('tpp-sim-result');
    await simulated.waitFor({ timeout: 15_000 });
    const simulatedText = (await simulated.textContent()) ?? '';
    expect(simulatedText).toContain('Tanpa keterangan (TK)');
    expect(simulatedText).toContain('−Rp');
    await expectNoHorizontalScroll(phone);
  });
});
