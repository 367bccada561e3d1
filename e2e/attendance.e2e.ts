import { afterEach, describe, expect, inject, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/server/modules/demo/demo-accounts';
import { DEMO_PEOPLE } from '../src/server/modules/demo/demo-people';
import { apiSession } from './api-session';
import { openBrowser, type BrowserSession } from './browser';

const baseUrl = inject('baseUrl');

describe('attendance journey (Chromium)', () => {
  let session: BrowserSession | null = null;
  afterEach(async () => {
    await session?.close();
    session = null;
  });

  it('a PUSH device reports a punch; after approval and PIN mapping the staff member sees the day in their calendar', async () => {
    const admin = await apiSession(baseUrl, DEMO_ACCOUNTS.find((account) => account.role === 'admin_bkpsdm')?.login ?? '');
    const staffNip = DEMO_PEOPLE.stafPelayananKesehatan.nip;
    const { items: found } = await admin<{ items: { id: string; unitId: string }[] }>('GET', `/api/employees?q=${staffNip}`);
    const staff = found[0];
    if (!staff) throw new Error('demo staff member not found');

    // The most recent past working day of the staff member (the clock is real, so ask the calendar).
    const today = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 14 * 86_400_000).toISOString().slice(0, 10);
    const { items: days } = await admin<{ items: { date: string; isWorkingDay: boolean }[] }>(
      'GET',
      `/api/attendance/work-days?employeeId=${staff.id}&from=${from}&to=${today}`,
    );
    const workDay = days.filter((day) => day.isWorkingDay && day.date < today).at(-1)?.date;
    if (!workDay) throw new Error('no past working day in the last two weeks');

    // 1. An unknown machine says hello: it is answered and quarantined.
    const serial = `E2E${Date.now().toString(36).toUpperCase()}`;
    const handshake = await fetch(`${baseUrl}/iclock/cdata?SN=${serial}&options=all&pushver=2.4.1&language=69`);
    expect(handshake.status).toBe(200);
    expect(await handshake.text()).toContain(`GET OPTION FROM: ${serial}`);
    const { items: devicesList } = await admin<{ items: { id: string; serialNumber: string; status: string }[] }>('GET', '/api/devices');
    const device = devicesList.find((candidate) => candidate.serialNumber === serial);
    expect(device?.status).toBe('quarantine');

    // 2. The admin approves it for the staff member's unit and maps PIN 7001 to them.
    await admin('POST', `/api/devices/${device?.id}/approve`, { unitId: staff.unitId, name: 'Mesin Lobi E2E' });
    await admin('POST', `/api/devices/${device?.id}/mappings`, { pin: '7001', employeeId: staff.id, startDate: from });

    // 3. The machine uploads two punches (7 fields each, TAB-separated, device wall clock), then re-sends them.
    //    16:45 is after the end of every working day (Friday ends 16:30 under Perpres 21/2023).
    const body = `7001\t${workDay} 07:29:10\t0\t1\t0\t0\t0\n7001\t${workDay} 16:45:44\t1\t1\t0\t0\t0\n`;
    for (let attempt = 0; attempt < 2; attempt++) {
      const upload = await fetch(`${baseUrl}/iclock/cdata?SN=${serial}&table=ATTLOG&Stamp=9999`, { method: 'POST', body, headers: { 'content-type': 'text/plain' } });
      expect(upload.status).toBe(200);
      expect(await upload.text()).toMatch(/^OK/);
    }
    const daily = await admin<{ items: { date: string; status: string; firstIn: string | null }[] }>(
      'GET',
      `/api/attendance/daily?employeeId=${staff.id}&from=${workDay}&to=${workDay}`,
    );
    expect(daily.items[0]).toMatchObject({ date: workDay, status: 'hadir' });

    // 4. The staff member opens "Presensi saya" on a phone and sees that day as present.
    session = await openBrowser({ viewport: { width: 360, height: 740 } });
    const { page } = session;
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('NIP atau nama pengguna').fill(staffNip);
    await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu').waitFor();
    await page.goto(`${baseUrl}/attendance`);
    await page.getByTestId('attendance-calendar').waitFor();
    if (workDay.slice(0, 7) !== today.slice(0, 7)) {
      // The working day fell in the previous month: step the month picker back once.
      await page.getByRole('button', { name: 'Bulan sebelumnya' }).click();
    }
    const cell = page.locator(`[data-testid="attendance-day"][data-date="${workDay}"]`);
    await expect.poll(() => cell.getAttribute('aria-label'), { timeout: 15_000 }).toMatch(/Hadir/i);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
