import type { TppInput } from '../../src/domain/tpp/tpp-input';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { activityEntries, attendanceRequests, tppResults } from '../../src/server/db/schema';
import { computeMonthlyProductivity } from '../../src/server/modules/activities/productivity/monthly-productivity';
import { computeTppNow } from '../../src/server/modules/tpp/runs/tpp-jobs';
import { systemContext } from '../../src/server/platform/actor';
import { createOpdFixture, type OpdFixture } from '../helpers/factories';
import type { TestApp } from '../helpers/test-app';
import { activityEntryRow, createTppTestApp, storeDay } from './tpp-test-setup';

// Tuesday 12 May 2026: April is over and still open.
const NOW = '2026-05-12T03:00:00Z';

/**
 * The run computes productivity from the sources it has read itself (days, requests, minutes per day)
 * instead of reading them again: its figure must stay the one the productivity report gives, for
 * leave stored as a derived day, leave only as an approved request, minutes above the daily norm,
 * minutes on a day off and minutes still awaiting a decision.
 */
describe('TPP run: productivity from the run’s own sources', () => {
  let t: TestApp;
  let opd: OpdFixture;

  const entry = (employeeId: string, unitId: string, workDate: string, minutes: number, status: 'approved' | 'submitted') =>
    activityEntryRow(employeeId, unitId, workDate, minutes, status, `${workDate}T10:00:00Z`);

  beforeAll(async () => {
    t = await createTppTestApp(NOW);
    opd = await createOpdFixture(t.handle.db, t.clock);
    const db = t.handle.db;
    const staff = opd.staff;
    const unitId = staff.unitId ?? opd.unit.id;
    // Staff: every April day stored; 7 April cuti tahunan as a derived day; 14–15 April an approved
    // sakit request over days stored as tk; minutes over the norm on 8 April, some on Saturday 11 April.
    for (let day = 1; day <= 30; day += 1) {
      const date = `2026-04-${String(day).padStart(2, '0')}`;
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      const isWeekend = weekday === 0 || weekday === 6;
      const status = isWeekend ? 'libur' : date === '2026-04-07' ? 'cuti_tahunan' : date === '2026-04-14' || date === '2026-04-15' ? 'tk' : 'hadir';
      await storeDay(db, { employeeId: staff.id, unitId, date, status });
      if (status === 'hadir') await db.insert(activityEntries).values(entry(staff.id, unitId, date, date === '2026-04-08' ? 600 : 240, 'approved'));
    }
    await db.insert(activityEntries).values([entry(staff.id, unitId, '2026-04-11', 90, 'approved'), entry(staff.id, unitId, '2026-04-09', 120, 'submitted')]);
    await db.insert(attendanceRequests).values({ employeeId: staff.id, kind: 'sakit', startDate: '2026-04-14', endDate: '2026-04-15', reason: 'Sakit', status: 'disetujui' });
    // Bidang head: no stored day at all (the schedule decides), an approved cuti request and a few minutes.
    const headUnit = opd.bidangHead.unitId ?? opd.unit.id;
    await db.insert(attendanceRequests).values({ employeeId: opd.bidangHead.id, kind: 'cuti_tahunan', startDate: '2026-03-30', endDate: '2026-04-03', reason: 'Cuti', status: 'disetujui' });
    await db.insert(activityEntries).values([entry(opd.bidangHead.id, headUnit, '2026-04-20', 300, 'approved'), entry(opd.bidangHead.id, headUnit, '2026-04-21', 150, 'approved')]);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('stores the productivity the productivity report computes, employee by employee', async () => {
    const run = await computeTppNow(t.handle.db, systemContext('uji', t.clock, 'Asia/Jakarta'), { period: '2026-04', unitId: null });
    expect(run.status, run.error ?? '').toBe('done');
    const ids = [opd.staff.id, opd.bidangHead.id, opd.head.id];
    const expected = await computeMonthlyProductivity(t.handle.db, ids, '2026-04');
    const rows = await t.handle.db
      .select({ employeeId: tppResults.employeeId, input: tppResults.input })
      .from(tppResults)
      .where(and(eq(tppResults.period, '2026-04'), eq(tppResults.isCurrent, true)));
    const stored = new Map(rows.map((row) => [row.employeeId, row.input as TppInput]));
    for (const id of ids) {
      const report = expected.get(id);
      expect(report, id).toBeDefined();
      expect(stored.get(id)?.productivityBp, id).toBe(report?.percentBasisPoints ?? 10_000);
      // The minutes the percentage was taken of are the report's, for the explanation.
      expect(stored.get(id)?.productivityMinutes, id).toEqual({ counted: report?.countedMinutes, target: report?.targetMinutes });
    }
    // The cases above really differ from one another: none of them is a trivial 0 % or 100 %.
    expect(expected.get(opd.staff.id)?.percentBasisPoints).not.toBe(10_000);
    expect(expected.get(opd.staff.id)?.leaveDays).toBe(3);
    expect(expected.get(opd.bidangHead.id)?.leaveDays).toBeGreaterThan(0);
  });
});
