import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { DEMO_PEOPLE } from '../src/server/modules/demo/demo-people';
import { attendanceAdminPaths } from '../src/web/features/attendance-admin/paths';
import { apiSession, logIn } from './api-session';
import { openBrowser, type BrowserSession } from './browser';

const baseUrl = inject('baseUrl');
const staffNip = DEMO_PEOPLE.stafPelayananKesehatan.nip;
const superiorNip = DEMO_PEOPLE.kepalaBidangPelayananKesehatan.nip;

/** Types into a searchable select and picks the first option that contains `text`. */
async function pick(page: Page, testId: string, typed: string, optionText: string | RegExp = typed) {
  await page.getByTestId(testId).fill(typed);
  await page.getByRole('option', { name: optionText }).first().click();
}

const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** A calendar date `days` from today in WIB (the demo regency's zone), as a device there would write it. */
const wibDate = (days: number) => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

describe('attendance administration journey (Chromium)', () => {
  let session: BrowserSession | null = null;
  afterEach(async () => {
    await session?.close();
    session = null;
  });

  it('an OPD admin registers a device, maps a PIN, and resolves a held punch by mapping its PIN', async () => {
    const admin = await apiSession(baseUrl, 'admin.dinkes');
    const { items: found } = await admin<{ items: { id: string; unitId: string }[] }>('GET', `/api/employees?q=${staffNip}`);
    const staff = found[0];
    if (!staff) throw new Error('demo staff member not found');
    const unit = await admin<{ code: string }>('GET', `/api/units/${staff.unitId}`);

    session = await openBrowser({ viewport: { width: 360, height: 740 } });
    const { page } = session;
    await logIn(page, baseUrl, 'admin.dinkes');

    // 1. Register a PUSH device in the staff member's unit: it lands on the device's own page.
    const serial = `ADM${Date.now().toString(36).toUpperCase()}`;
    await page.goto(`${baseUrl}${attendanceAdminPaths.devices}`);
    await page.getByTestId('device-create').click();
    await page.getByTestId('device-form-serial').fill(serial);
    await page.getByTestId('device-form-name').fill('Mesin Lobi Admin E2E');
    await pick(page, 'device-form-unit', unit.code, new RegExp(unit.code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await page.getByTestId('device-form-save').click();
    await page.getByTestId('device-info').waitFor();
    expect(await page.getByTestId('device-info').textContent()).toContain(serial);
    expect(await page.getByTestId('device-status').textContent()).toMatch(/Aktif/);
    expect(page.url()).toMatch(/\/devices\/[0-9a-f-]{36}$/);
    const deviceId = page.url().split('/').at(-1) ?? '';

    // 2. Map PIN 8122 to the staff member from the device page.
    await page.getByTestId('mapping-create').click();
    await page.getByTestId('mapping-pin').fill('8122');
    await pick(page, 'mapping-employee', staffNip, new RegExp(staffNip));
    await page.getByTestId('mapping-save').click();
    await page.locator('[data-testid="mapping-row"][data-pin="8122"]').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    // 3. The device uploads a punch of an unmapped PIN: it is held, with the reason shown.
    const punchDate = wibDate(-1);
    const upload = await fetch(`${baseUrl}/iclock/cdata?SN=${serial}&table=ATTLOG&Stamp=1`, {
      method: 'POST',
      body: `8123\t${punchDate} 07:41:00\t0\t1\t0\t0\t0\n`,
      headers: { 'content-type': 'text/plain' },
    });
    expect(await upload.text()).toMatch(/^OK/);
    await page.goto(`${baseUrl}${attendanceAdminPaths.heldPunches}?deviceId=${deviceId}`);
    const held = page.locator('[data-testid="held-row"][data-pin="8123"]');
    await held.waitFor();
    expect(await held.getAttribute('data-reason')).toBe('unknown_pin');
    expect(await held.textContent()).toContain('PIN tak dikenal');

    // 4. Mapping the PIN from the review (prefilled with PIN and date) releases the punch into attendance.
    await held.getByTestId('held-map').click();
    expect(await page.getByTestId('mapping-pin').inputValue()).toBe('8123');
    await pick(page, 'mapping-employee', staffNip, new RegExp(staffNip));
    await page.getByTestId('mapping-save').click();
    await expect.poll(() => held.count(), { timeout: 15_000 }).toBe(0);
    const { items: left } = await admin<{ items: { pin: string }[] }>('GET', `/api/punches/held?deviceId=${deviceId}`);
    expect(left.map((punch) => punch.pin)).not.toContain('8123');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });

  it('an OPD admin edits a schedule assignment of their unit', async () => {
    const admin = await apiSession(baseUrl, 'admin.dinkes');
    const { items: found } = await admin<{ items: { unitId: string }[] }>('GET', `/api/employees?q=${staffNip}`);
    const { items: schedules } = await admin<{ items: { id: string; code: string; isActive: boolean }[] }>('GET', '/api/attendance/schedules');
    const schedule = schedules.find((item) => item.isActive);
    if (!found[0] || !schedule) throw new Error('demo data missing');
    // Far in the future, so no attendance of the other journeys changes.
    const created = await admin<{ id: string }>('POST', '/api/attendance/schedule-assignments', {
      scheduleId: schedule.id,
      unitId: found[0].unitId,
      startDate: '2031-01-01',
      endDate: '2031-01-31',
      priority: 3,
      note: 'Uji E2E',
    });

    session = await openBrowser();
    const { page } = session;
    await logIn(page, baseUrl, 'admin.dinkes');
    await page.goto(`${baseUrl}${attendanceAdminPaths.scheduleAssignments}`);
    const row = page.locator(`[data-testid="assignment-row"][data-id="${created.id}"]`);
    await row.waitFor();
    await row.getByTestId('assignment-actions').click();
    await page.getByTestId('assignment-edit').click();
    await page.getByTestId('assignment-priority').fill('7');
    await page.getByTestId('assignment-note').fill('Diubah lewat E2E');
    await page.getByTestId('assignment-save').click();
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('prioritas 7');
    expect(await row.textContent()).toContain('Diubah lewat E2E');
    const { items } = await admin<{ items: { id: string; priority: number; note: string | null }[] }>('GET', `/api/attendance/schedule-assignments?unitId=${found[0].unitId}`);
    expect(items.find((item) => item.id === created.id)).toMatchObject({ priority: 7, note: 'Diubah lewat E2E' });
  });

  it("a superior opens a subordinate's month on a phone", async () => {
    session = await openBrowser({ viewport: { width: 360, height: 740 } });
    const { page } = session;
    await logIn(page, baseUrl, superiorNip);
    await page.goto(`${baseUrl}${attendanceAdminPaths.subordinates}`);
    const today = page.locator('[data-testid="subordinate-day"]').first();
    await today.waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await page.getByTestId('subordinates-tab-month').click();
    const mine = page.locator('[data-testid="subordinate-month"]').filter({ hasText: staffNip });
    await mine.waitFor();
    await mine.getByTestId('subordinate-link').click();
    await page.getByTestId('attendance-calendar').waitFor();
    expect(page.url()).toContain('/attendance/subordinates/');
    expect(await page.getByTestId('month-summary').count()).toBeGreaterThan(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });
});
