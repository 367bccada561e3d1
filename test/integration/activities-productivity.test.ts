import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmployeeProductivity, ProductivityList } from '../../src/contracts/activities-productivity';
import { seedAttendanceReferenceData } from '../../src/server/modules/attendance/reference-data/seed-attendance-reference-data';
import { computeMonthlyProductivity } from '../../src/server/modules/activities/productivity/monthly-productivity';
import { seedActivityReferenceData } from '../../src/server/modules/activities/reference-data/seed-activity-reference-data';
import { createApprovedLeaveFixture, createCatalogueFixture, createEntryFixture, createRuleSetFixture, type CatalogueFixture } from '../helpers/activity-fixtures';
import { createAccount, createOpdFixture, type OpdFixture } from '../helpers/factories';
import { countPdfPages, extractPdfText } from '../helpers/pdf-text';
import { createTestApp, loginAs, type Session, type TestApp } from '../helpers/test-app';

// Tuesday 12 May 2026, 10:00 WIB: April is a past month, May is live.
const NOW = '2026-05-12T03:00:00Z';

/**
 * April 2026 by hand: weekdays 1–30 April = 22, minus Good Friday (3 April) = 21 working days.
 * Rule sets: the default (norm 300, leave excluded) until 19 April; from 20 April norm 450.
 * Staff: annual leave 13–14 April (2 working days, excluded). Target:
 *   1–17 April: 12 working days − 2 leave = 10 × 300 = 3,000
 *   20–30 April: 9 working days × 450 = 4,050            → 7,050 minutes, 19 effective days.
 * Approved: 1 Apr 150 + 150 = 300; 2 Apr 450 → capped 300; Sat 4 Apr 120; 6 Apr 200; 21 Apr 500 → capped 450.
 *   approved 1,570, counted 1,370; pending 100 (7 Apr); rejected 8 Apr not counted.
 * 1,370 / 7,050 = 19.432… % → 1,943 basis points (rounded down).
 */
const EXPECTED_STAFF = {
  approvedMinutes: 1570,
  countedMinutes: 1370,
  creditedMinutes: 0,
  targetMinutes: 7050,
  pendingMinutes: 100,
  effectiveWorkingDays: 19,
  leaveDays: 2,
  percentBasisPoints: 1943,
};

describe('activity productivity', () => {
  let t: TestApp;
  let opd: OpdFixture;
  let other: OpdFixture;
  let catalogue: CatalogueFixture;
  let staff: Session;
  let superior: Session;
  let otherStaff: Session;
  let adminOpd: Session;
  let otherAdminOpd: Session;
  let pimpinan: Session;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    await seedAttendanceReferenceData(t.handle.db, t.clock);
    await seedActivityReferenceData(t.handle.db, t.clock);
    await createRuleSetFixture(t.handle.db, { effectiveFrom: '2026-04-20', rules: { dailyNormMinutes: 450, dailyCapMinutes: 510 } });
    opd = await createOpdFixture(t.handle.db, t.clock);
    other = await createOpdFixture(t.handle.db, t.clock);
    catalogue = await createCatalogueFixture(t.handle.db, { standardMinutes: 30, name: 'Memverifikasi berkas usulan' });
    const login = async (options: Parameters<typeof createAccount>[2]) => {
      const account = await createAccount(t.handle.db, t.clock, options);
      return loginAs(t.app, account.login, account.password);
    };
    staff = await login({ employeeId: opd.staff.id });
    superior = await login({ employeeId: opd.bidangHead.id });
    otherStaff = await login({ employeeId: other.staff.id });
    adminOpd = await login({ username: 'admin-opd-produktivitas', roles: [{ role: 'admin_opd', unitId: opd.unit.id }] });
    otherAdminOpd = await login({ username: 'admin-opd-lain', roles: [{ role: 'admin_opd', unitId: other.unit.id }] });
    pimpinan = await login({ username: 'pimpinan-produktivitas', roles: [{ role: 'pimpinan' }] });

    const add = (workDate: string, startTime: string, endTime: string, status: 'approved' | 'submitted' | 'rejected' = 'approved', volume = 20) =>
      createEntryFixture(t.handle.db, { employee: opd.staff, catalogue, workDate, startTime, endTime, status, volume, description: `Verifikasi ${workDate}` });
    await add('2026-04-01', '08:00', '10:30');
    await add('2026-04-01', '10:30', '13:00');
    await add('2026-04-02', '07:30', '15:00');
    await add('2026-04-04', '08:00', '10:00');
    await add('2026-04-06', '08:00', '11:20');
    await add('2026-04-07', '08:00', '09:40', 'submitted');
    await add('2026-04-08', '08:00', '13:00', 'rejected');
    await add('2026-04-21', '07:30', '15:50');
    await createApprovedLeaveFixture(t.handle.db, { employeeId: opd.staff.id, startDate: '2026-04-13', endDate: '2026-04-14' });
  });
  afterAll(async () => t.close());

  const productivityOf = (session: Session, query: string) => session.inject({ method: 'GET', url: `/api/activities/productivity${query}` });

  it('computes an employee’s month as by hand: caps, leave, a mid-month rule change', async () => {
    const response = await productivityOf(staff, '?month=2026-04');
    expect(response.statusCode).toBe(200);
    const body = response.json<EmployeeProductivity>();
    expect(body).toMatchObject({ ...EXPECTED_STAFF, month: '2026-04', throughDate: '2026-04-30', isPartial: false, employeeId: opd.staff.id });
    const day = (date: string) => body.days.find((item) => item.date === date);
    expect(day('2026-04-02')).toMatchObject({ kind: 'working', normMinutes: 300, approvedMinutes: 450, countedMinutes: 300 });
    expect(day('2026-04-04')).toMatchObject({ kind: 'day_off', countedMinutes: 120, targetMinutes: 0 });
    expect(day('2026-04-13')).toMatchObject({ kind: 'leave_excluded', targetMinutes: 0 });
    expect(day('2026-04-21')).toMatchObject({ kind: 'working', normMinutes: 450, countedMinutes: 450 });
    expect(day('2026-04-07')).toMatchObject({ approvedMinutes: 0, pendingMinutes: 100 });
    expect(day('2026-04-03')).toMatchObject({ kind: 'day_off', targetMinutes: 0 });
  });

  it('exports the computation for TPP: a whole OPD at once, the same numbers', async () => {
    const results = await computeMonthlyProductivity(t.handle.db, [opd.staff.id, opd.bidangHead.id, opd.head.id], '2026-04');
    expect(results.get(opd.staff.id)).toMatchObject(EXPECTED_STAFF);
    expect(results.get(opd.head.id)).toMatchObject({ approvedMinutes: 0, targetMinutes: 12 * 300 + 9 * 450, percentBasisPoints: 0 });
  });

  it('shows the current month live, up to today', async () => {
    const body = (await productivityOf(staff, '')).json<EmployeeProductivity>();
    expect(body).toMatchObject({ month: '2026-05', throughDate: '2026-05-12', isPartial: true });
    // 4–8 and 11–12 May are working days (1 May is a holiday) at the 450-minute norm.
    expect(body.targetMinutes).toBe(7 * 450);
    expect(body.days).toHaveLength(12);
    expect((await productivityOf(staff, '?month=2026-06')).statusCode).toBe(400);
  });

  it('is visible to the employee, their superior, the OPD admin and pimpinan — not to others', async () => {
    expect((await productivityOf(superior, `?employeeId=${opd.staff.id}&month=2026-04`)).json<EmployeeProductivity>().percentBasisPoints).toBe(1943);
    expect((await productivityOf(adminOpd, `?employeeId=${opd.staff.id}&month=2026-04`)).statusCode).toBe(200);
    expect((await productivityOf(pimpinan, `?employeeId=${opd.staff.id}&month=2026-04`)).statusCode).toBe(200);
    expect((await productivityOf(otherStaff, `?employeeId=${opd.staff.id}&month=2026-04`)).statusCode).toBe(404);
    expect((await productivityOf(otherAdminOpd, `?employeeId=${opd.staff.id}&month=2026-04`)).statusCode).toBe(404);

    const mine = (await superior.inject({ method: 'GET', url: '/api/activities/productivity/subordinates?month=2026-04' })).json<ProductivityList>();
    expect(mine.items.map((item) => [item.employeeId, item.percentBasisPoints])).toEqual([[opd.staff.id, 1943]]);
  });

  it('lists a unit for its admin OPD and pimpinan, as JSON and xlsx', async () => {
    const list = (await adminOpd.inject({ method: 'GET', url: `/api/activities/productivity/unit?unitId=${opd.unit.id}&month=2026-04` })).json<ProductivityList>();
    expect(list.items).toHaveLength(3);
    expect(list.items.find((item) => item.employeeId === opd.staff.id)).toMatchObject(EXPECTED_STAFF);
    expect((await otherAdminOpd.inject({ method: 'GET', url: `/api/activities/productivity/unit?unitId=${opd.unit.id}&month=2026-04` })).statusCode).toBe(403);
    expect((await staff.inject({ method: 'GET', url: `/api/activities/productivity/unit?unitId=${opd.unit.id}&month=2026-04` })).statusCode).toBe(403);

    const xlsx = await pimpinan.inject({ method: 'GET', url: `/api/activities/productivity/unit.xlsx?unitId=${opd.unit.id}&month=2026-04` });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain(`produktivitas-${opd.unit.code}-2026-04.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const rows = (sheet?.getSheetValues() ?? []) as unknown[][];
    expect(rows[3]?.slice(1)).toEqual(['NIP', 'Nama', 'Hari kerja efektif', 'Hari cuti/dinas', 'Target (menit)', 'Disetujui (menit)', 'Dihitung (menit)', 'Dikreditkan (menit)', 'Menunggu (menit)', 'Produktivitas (%)']);
    const staffRow = rows.find((row) => row?.[1] === opd.staff.nip);
    expect(staffRow?.slice(3)).toEqual([19, 2, 7050, 1570, 1370, 0, 100, 19.43]);
  });

  it('prints the monthly activity report of an employee as PDF', async () => {
    const pdf = await superior.inject({ method: 'GET', url: `/api/activities/productivity/report.pdf?employeeId=${opd.staff.id}&month=2026-04` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = extractPdfText(pdf.rawPayload);
    expect(text).toContain('LAPORAN AKTIVITAS HARIAN PEGAWAI');
    // As many pages as the footer counts: its line sits in the bottom margin without starting a blank page.
    expect(countPdfPages(pdf.rawPayload)).toBe(1);
    expect(text).toContain('Halaman 1 dari 1');
    expect(text).toContain(opd.staff.nip);
    expect(text).toContain('Produktivitas: 19,43 %');
    expect(text).toContain('Verifikasi 2026-04-21');
    expect(text).toContain('Ditolak');
    expect(text).not.toContain('Verifikasi 2026-03');
    expect((await otherStaff.inject({ method: 'GET', url: `/api/activities/productivity/report.pdf?employeeId=${opd.staff.id}&month=2026-04` })).statusCode).toBe(404);
  });
});
