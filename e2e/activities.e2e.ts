import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { ActivityEntryView } from '../src/contracts/activities';
import type { EmployeeProductivity } from '../src/contracts/activities-productivity';
import { isAbsenceKind } from '../src/domain/activities/productivity';
import type { ActivityRules } from '../src/domain/activities/rules';
import { apiSession, logIn } from './api-session';
import { openBrowser, type BrowserSession } from './browser';

const baseUrl = inject('baseUrl');
const PHONE = { width: 360, height: 740 };
/** The demo staff member (pelaksana) and their superior of record (README, demo accounts). */
const STAFF_NIP = '199602172020122002';
const SUPERIOR_NIP = '198109032008121001';
/** Marks this run's entries, so that the API checks find exactly them. */
const RUN = `E2E-${Date.now().toString(36)}`;

/** On a phone the navigation sits behind the burger. */
async function openNav(page: Page, key: string) {
  await page.getByTestId('nav-burger').click();
  await page.getByTestId(`nav-${key}`).click();
}

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal scroll on ${page.url()}`).toBeLessThanOrEqual(0);
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const nextMonth = (month: string) => addDays(`${month}-28`, 7).slice(0, 7);
const previousMonth = (month: string) => addDays(`${month}-01`, -1).slice(0, 7);
const lastDayOf = (month: string) => addDays(`${nextMonth(month)}-01`, -1);

/** Whether the rule set's entry deadline for `date` has not passed on `today` (both in the unit's calendar). */
function isEntryOpen(rules: ActivityRules, date: string, today: string): boolean {
  const deadline = rules.entryDeadline;
  if (deadline.kind === 'days_after') return addDays(date, deadline.days) >= today;
  return today <= `${nextMonth(date.slice(0, 7))}-${String(deadline.day).padStart(2, '0')}`;
}

interface CatalogueItem {
  itemId: string;
  code: string;
  name: string;
  outputUnit: string;
  standardMinutes: number;
}

interface WorkDay {
  date: string;
  isWorkingDay: boolean;
  timeZone: string;
}

interface PlannedEntry {
  key: string;
  date: string;
  start: string;
  end: string;
  item: CatalogueItem;
  volume: number;
  description: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const spanMinutes = (start: string, end: string) => {
  const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  return toMinutes(end) - toMinutes(start);
};

/** Walk the week strip back to `date` (never in the future) and select it. */
async function selectDay(page: Page, date: string) {
  const day = page.getByTestId(`day-${date}`);
  for (let step = 0; step < 10 && (await day.count()) === 0; step++) {
    await page.getByRole('button', { name: 'Minggu sebelumnya' }).click();
  }
  await day.click();
  await expect.poll(() => day.getAttribute('aria-pressed')).toBe('true');
}

/** Fill the entry form on the phone (full-screen dialog) and "Simpan & ajukan". */
async function recordEntry(page: Page, entry: PlannedEntry) {
  await page.getByTestId('entry-create').click();
  const activity = page.getByTestId('entry-activity');
  await activity.fill(entry.item.name);
  // Options read "<name> (<minutes> menit/ <unit>)": anchor the name so that a longer name never matches.
  await page.getByRole('option', { name: new RegExp(`^${escapeRegExp(entry.item.name)} \\(`) }).click();
  await page.getByTestId('entry-start').fill(entry.start);
  await page.getByTestId('entry-end').fill(entry.end);
  await page.getByTestId('entry-volume').fill(String(entry.volume));
  await page.getByTestId('entry-description').fill(entry.description);
  const claimed = Math.min(entry.volume * entry.item.standardMinutes, spanMinutes(entry.start, entry.end));
  await expect.poll(() => page.getByTestId('entry-claimed').textContent()).toContain(`Menit diklaim: ${claimed}`);
  await page.getByTestId('entry-save-submit').click();
  await page.getByTestId('entry-save-submit').waitFor({ state: 'detached' });
}

/** Productivity as the rule says, from the API's raw numbers: Σ min(approved, norm) ÷ Σ norm of target days. */
function expectedProductivity(input: { workingDays: string[]; leaveDays: ReadonlySet<string>; rulesOn: Map<string, ActivityRules>; approvedByDate: Map<string, number>; dates: string[] }) {
  let counted = 0;
  let target = 0;
  let approved = 0;
  for (const date of input.dates) {
    const rules = input.rulesOn.get(date);
    if (!rules) throw new Error(`no rule set for ${date}`);
    const norm = rules.dailyNormMinutes;
    const dayApproved = input.approvedByDate.get(date) ?? 0;
    approved += dayApproved;
    const isWorking = input.workingDays.includes(date);
    if (isWorking && input.leaveDays.has(date) && rules.leaveDays === 'credit') {
      counted += norm;
      target += norm;
      continue;
    }
    counted += Math.min(dayApproved, norm);
    if (isWorking && !input.leaveDays.has(date)) target += norm;
  }
  const basisPoints = target === 0 ? null : Math.min(10_000, Math.floor((counted * 10_000) / target));
  return { approved, counted, target, basisPoints };
}

const formatPercentId = (basisPoints: number) => `${new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(basisPoints / 100)} %`;

describe('daily activities journey on a phone (Chromium)', () => {
  let session: BrowserSession | null = null;
  const contexts: BrowserContext[] = [];
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
    await session?.close();
    session = null;
  });
  /** A phone in the unit's time zone, so that its "today" is the server's (entries and months are unit dates). */
  const openPhone = async (timezoneId: string) => {
    if (!session) session = await openBrowser({ viewport: PHONE });
    const context = await session.browser.newContext({ viewport: PHONE, locale: 'id-ID', timezoneId, reducedMotion: 'reduce' });
    contexts.push(context);
    return { context, page: await context.newPage() };
  };

  it('records a month on a phone, two entries offline (queued, kept across an offline reload, sent once), the superior decides, productivity follows', async () => {
    const staffApi = await apiSession(baseUrl, STAFF_NIP);
    const me = await staffApi<{ employeeId: string }>('GET', '/api/auth/me');
    const staffId = me.employeeId;

    // 1. Dates the server accepts. The clock is real: the live productivity month says what "today" is
    //    for the server (the unit's calendar); dates must be past working days within the entry deadline.
    const live = await staffApi<EmployeeProductivity>('GET', '/api/activities/productivity');
    const today = live.throughDate;
    const rulesToday = (await staffApi<{ rules: ActivityRules }>('GET', `/api/activities/rule-sets/in-force?date=${today}`)).rules;
    let unitZone: string | null = null;
    const candidatesOf = async (month: string) => {
      const to = month === today.slice(0, 7) ? addDays(today, -1) : lastDayOf(month);
      if (to < `${month}-01`) return [];
      const { items } = await staffApi<{ items: WorkDay[] }>('GET', `/api/attendance/work-days?employeeId=${staffId}&from=${month}-01&to=${to}`);
      unitZone ??= items[0]?.timeZone ?? null;
      return items.filter((day) => day.isWorkingDay && isEntryOpen(rulesToday, day.date, today)).map((day) => day.date);
    };
    // Early in a month there may be too few past working days yet: the previous month is then still open.
    let month = today.slice(0, 7);
    let candidates = await candidatesOf(month);
    if (candidates.length < 3) {
      month = previousMonth(month);
      candidates = await candidatesOf(month);
    }
    expect(candidates.length, 'three past working days open for entry').toBeGreaterThanOrEqual(3);
    const [day1, day2, day3] = candidates.slice(-3) as [string, string, string];

    // Activities whose standard minutes divide an hour fill whole-hour spans exactly.
    const { items: catalogue } = await staffApi<{ items: CatalogueItem[] }>('GET', `/api/activities/my-catalogue?date=${day1}`);
    const fitting = catalogue.filter((item) => item.standardMinutes <= 60 && 60 % item.standardMinutes === 0);
    expect(fitting.length, 'catalogue activities of at most an hour').toBeGreaterThanOrEqual(4);
    const [itemA, itemB, itemC, itemD] = fitting as [CatalogueItem, CatalogueItem, CatalogueItem, CatalogueItem];
    const plan = (key: string, date: string, start: string, end: string, item: CatalogueItem): PlannedEntry => ({
      key,
      date,
      start,
      end,
      item,
      volume: spanMinutes(start, end) / item.standardMinutes,
      description: `${RUN} ${key}: ${item.name.toLowerCase()}`,
    });
    // Day 1 gets 240 + 120 = 360 minutes: above the 300-minute norm, so the figure must cap it.
    const online = [plan('pagi', day1, '08:00', '12:00', itemA), plan('berkas', day2, '08:00', '10:00', itemB), plan('ditolak', day3, '09:00', '10:00', itemC)];
    const offline = [plan('siang-offline', day1, '13:00', '15:00', itemD), plan('sore-offline', day2, '13:00', '14:00', itemA)];

    // 2. The staff member signs in on a phone and opens "Aktivitas harian".
    const { page, context } = await openPhone(unitZone ?? 'Asia/Jakarta');
    await logIn(page, baseUrl, STAFF_NIP);
    await openNav(page, 'activities');
    await page.getByTestId('day-strip').waitFor();
    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toContain('Aktivitas harian');
    await expectNoHorizontalScroll(page);

    for (const entry of online) {
      await selectDay(page, entry.date);
      await recordEntry(page, entry);
      await expect.poll(() => page.getByTestId('entry-card').filter({ hasText: entry.item.name }).count(), { timeout: 15_000 }).toBe(1);
    }
    await expectNoHorizontalScroll(page);

    // The installed app's service worker controls the page before the connection goes.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 15_000 }).toBe(true);

    // 3. Offline: two more entries wait on the device, with their idempotency keys.
    await context.setOffline(true);
    await page.getByTestId('offline-banner').waitFor();
    for (const entry of offline) {
      await selectDay(page, entry.date);
      await recordEntry(page, entry);
    }
    const pending = page.getByTestId('queue-pending');
    await expect.poll(() => pending.textContent()).toContain('2 entri menunggu dikirim');
    await expect.poll(() => page.getByTestId('queued-entry').count()).toBe(2);
    const queuedKeys = await page.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('ekinerja-offline');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('activity-entries').objectStore('activity-entries').getAllKeys();
            request.onsuccess = () => resolve(request.result.map(String));
            request.onerror = () => reject(request.error);
          };
        }),
    );
    expect(queuedKeys).toHaveLength(2);

    // 4. A reload without a connection: the app shell comes from the service worker, the queue is still there.
    //    The worker itself has no network either, so the shell can only come from its cache.
    const worker = context.serviceWorkers()[0];
    expect(worker, 'service worker running').toBeDefined();
    expect(await worker?.evaluate(() => fetch('/').then(() => 'online', () => 'offline'))).toBe('offline');
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await page.getByTestId('offline-banner').waitFor();
    await expect.poll(() => page.getByTestId('queue-pending').textContent(), { timeout: 15_000 }).toContain('2 entri menunggu dikirim');
    for (const entry of offline) await expect.poll(() => page.getByTestId('queue-pending').textContent()).toContain(`${entry.date} ${entry.start}–${entry.end}`);
    await expectNoHorizontalScroll(page);

    // 5. Back online: the queue is sent by itself, and each entry exists exactly once.
    await context.setOffline(false);
    await page.getByTestId('queue-pending').waitFor({ state: 'detached', timeout: 20_000 });
    await expect.poll(() => page.getByText('2 entri dari perangkat ini terkirim.').count()).toBeGreaterThan(0);
    const mine = async () => (await staffApi<{ items: ActivityEntryView[] }>('GET', `/api/activities/entries?month=${month}`)).items.filter((entry) => entry.description?.startsWith(RUN));
    const sent = await mine();
    for (const entry of [...online, ...offline]) {
      const matches = sent.filter((row) => row.description === entry.description);
      expect(matches, entry.key).toHaveLength(1);
      expect(matches[0]).toMatchObject({ workDate: entry.date, startTime: entry.start, endTime: entry.end, status: 'submitted' });
    }
    expect(sent).toHaveLength(online.length + offline.length);
    const idOf = (key: string) => {
      const description = [...online, ...offline].find((entry) => entry.key === key)?.description;
      const found = sent.find((row) => row.description === description);
      if (!found) throw new Error(`entry ${key} not found`);
      return found.id;
    };

    // 6. The superior signs in on their own phone and opens "Persetujuan aktivitas".
    const { page: boss } = await openPhone(unitZone ?? 'Asia/Jakarta');
    await logIn(boss, baseUrl, SUPERIOR_NIP);
    await openNav(boss, 'activityApprovals');
    const person = boss.locator(`[data-testid="approval-person"][data-employee-id="${staffId}"]`);
    await person.waitFor({ timeout: 15_000 });
    await expectNoHorizontalScroll(boss);

    // A whole day in bulk: day 1, one entry recorded online and one sent from the offline queue.
    const dayBlock = person.locator(`[data-testid="approval-day"][data-work-date="${day1}"]`);
    await expect.poll(() => dayBlock.getByTestId('approval-entry').count()).toBe(2);
    await dayBlock.getByTestId('approval-day-approve').click();
    await dayBlock.waitFor({ state: 'detached', timeout: 15_000 });

    // One entry alone.
    const single = boss.locator(`[data-testid="approval-entry"][data-entry-id="${idOf('berkas')}"]`);
    await single.getByTestId('approval-entry-approve').click();
    await single.waitFor({ state: 'detached', timeout: 15_000 });

    // One rejected with a reason.
    const reason = 'Uraian tidak sesuai dengan hasil kerja; lampirkan bukti unggahan.';
    const rejected = boss.locator(`[data-testid="approval-entry"][data-entry-id="${idOf('ditolak')}"]`);
    await rejected.getByTestId('approval-entry-menu').click();
    await boss.getByTestId('approval-entry-reject').click();
    await boss.getByTestId('activity-reason').fill(reason);
    await boss.getByTestId('activity-reason-confirm').click();
    await rejected.waitFor({ state: 'detached', timeout: 15_000 });
    // The afternoon entry of day 2 (sent from the queue) is still waiting.
    await boss.locator(`[data-testid="approval-entry"][data-entry-id="${idOf('sore-offline')}"]`).waitFor();
    await expectNoHorizontalScroll(boss);

    const decided = await mine();
    const statusOf = (key: string) => decided.find((row) => row.id === idOf(key));
    expect(statusOf('pagi')?.status).toBe('approved');
    expect(statusOf('siang-offline')?.status).toBe('approved');
    expect(statusOf('berkas')?.status).toBe('approved');
    expect(statusOf('ditolak')).toMatchObject({ status: 'rejected', decisionReason: reason });
    expect(statusOf('sore-offline')?.status).toBe('submitted');

    // 7. The expected figure by hand, from the API's raw numbers: approved minutes of every entry of
    //    the month, the person's working days up to the counted day, leave days, the rule set of each day.
    const productivityApi = await staffApi<EmployeeProductivity>('GET', `/api/activities/productivity?month=${month}`);
    const throughDate = productivityApi.throughDate;
    const allEntries = (await staffApi<{ items: ActivityEntryView[] }>('GET', `/api/activities/entries?month=${month}`)).items;
    const approvedByDate = new Map<string, number>();
    for (const entry of allEntries) {
      if (entry.status === 'approved') approvedByDate.set(entry.workDate, (approvedByDate.get(entry.workDate) ?? 0) + (entry.approvedMinutes ?? 0));
    }
    expect(approvedByDate.get(day1), 'day 1 approved above the norm').toBe(360);
    const { items: workDays } = await staffApi<{ items: WorkDay[] }>('GET', `/api/attendance/work-days?employeeId=${staffId}&from=${month}-01&to=${throughDate}`);
    const { items: daily } = await staffApi<{ items: { date: string; status: string }[] }>('GET', `/api/attendance/daily?employeeId=${staffId}&from=${month}-01&to=${throughDate}`);
    const { items: requests } = await staffApi<{ items: { kind: string; startDate: string; endDate: string }[] }>('GET', `/api/attendance/requests?scope=mine&status=disetujui`);
    const dates = workDays.map((day) => day.date);
    const leaveDays = new Set(daily.filter((day) => isAbsenceKind(day.status)).map((day) => day.date));
    for (const request of requests.filter((item) => isAbsenceKind(item.kind))) for (const date of dates) if (date >= request.startDate && date <= request.endDate) leaveDays.add(date);
    const rulesOn = new Map<string, ActivityRules>();
    for (const date of dates) rulesOn.set(date, (await staffApi<{ rules: ActivityRules }>('GET', `/api/activities/rule-sets/in-force?date=${date}`)).rules);
    const expected = expectedProductivity({ workingDays: workDays.filter((day) => day.isWorkingDay).map((day) => day.date), leaveDays, rulesOn, approvedByDate, dates });
    expect(expected.basisPoints).not.toBeNull();
    expect(productivityApi).toMatchObject({ approvedMinutes: expected.approved, countedMinutes: expected.counted, targetMinutes: expected.target, percentBasisPoints: expected.basisPoints });

    // 8. The staff member's productivity page shows those numbers (Bahasa Indonesia formatting).
    await openNav(page, 'productivity');
    if (month !== today.slice(0, 7)) await page.getByRole('button', { name: 'Bulan sebelumnya' }).click();
    const figures = page.getByTestId('productivity-employee');
    await expect.poll(() => figures.getByTestId('productivity-percent').textContent(), { timeout: 15_000 }).toBe(formatPercentId(expected.basisPoints ?? 0));
    expect(await figures.getByTestId('productivity-approvedMinutes').getAttribute('data-value')).toBe(String(expected.approved));
    expect(await figures.getByTestId('productivity-countedMinutes').getAttribute('data-value')).toBe(String(expected.counted));
    expect(await figures.getByTestId('productivity-targetMinutes').getAttribute('data-value')).toBe(String(expected.target));
    expect(await figures.getByTestId('productivity-approvedMinutes').textContent()).toContain(expected.approved.toLocaleString('id-ID'));
    await expectNoHorizontalScroll(page);

    // The home card shows this month's live figure (the same one when the journey's month is this month).
    await openNav(page, 'home');
    const card = page.getByTestId('my-productivity-card');
    await card.waitFor();
    if (month === today.slice(0, 7)) {
      await expect.poll(() => card.getByTestId('productivity-percent').textContent(), { timeout: 15_000 }).toBe(formatPercentId(expected.basisPoints ?? 0));
      expect(await card.getByTestId('productivity-approvedMinutes').getAttribute('data-value')).toBe(String(expected.approved));
    }
    await expectNoHorizontalScroll(page);
  });
});
