import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityEntries } from '../../src/server/db/schema';
import { openCopyChannel } from '../../src/server/db/copy-channel';
import { copyTppDaysAndActivities } from '../../src/server/modules/tpp/runs/copy-tpp-sources';
import { readDaysAndActivitiesByRows } from '../../src/server/modules/tpp/runs/tpp-sources.repository';
import { createOpdFixture, type OpdFixture } from '../helpers/factories';
import type { TestApp } from '../helpers/test-app';
import { activityEntryRow, createTppTestApp, storeDay } from './tpp-test-setup';

const NOW = '2026-05-12T03:00:00Z';

/**
 * The run reads the month's days and approved minutes by binary COPY (ADR 0013, amendment); the
 * row reads stay for executors without a COPY channel. Both must give the same sources: days stored
 * day by day for everyone (so not grouped by employee), a day without a unit, a status outside the
 * known list, minutes of several entries on one day, entries not approved, a submission after
 * 17:00 UTC (the next day in WIB) and an employee with entries but no approved minute.
 */
describe('TPP run sources: binary COPY and row reads agree', () => {
  let t: TestApp;
  let opd: OpdFixture;

  const entry = activityEntryRow;

  beforeAll(async () => {
    t = await createTppTestApp(NOW);
    opd = await createOpdFixture(t.handle.db, t.clock);
    const db = t.handle.db;
    const unitId = opd.unit.id;
    // Newest day first, everyone on each day: the stored order is neither by employee nor by date.
    for (let day = 30; day >= 1; day -= 1) {
      const date = `2026-04-${String(day).padStart(2, '0')}`;
      await storeDay(db, { employeeId: opd.staff.id, unitId: day === 9 ? null : unitId, date, status: day % 7 === 0 ? 'libur' : day === 3 ? 'status_baru' : 'terlambat', lateMinutes: day });
      if (day % 2 === 0) await storeDay(db, { employeeId: opd.bidangHead.id, unitId: opd.bidang.id, date, status: 'psw', earlyMinutes: 15 });
    }
    await db
      .insert(activityEntries)
      .values([
        entry(opd.staff.id, unitId, '2026-04-21', 120, 'approved', '2026-04-21T09:00:00Z'),
        entry(opd.staff.id, unitId, '2026-04-02', 60, 'approved', '2026-05-02T18:30:00Z'),
        entry(opd.staff.id, unitId, '2026-04-21', 45, 'approved', '2026-04-22T01:00:00Z'),
        entry(opd.staff.id, unitId, '2026-04-10', 200, 'submitted', '2026-04-10T05:00:00Z'),
        entry(opd.staff.id, unitId, '2026-04-11', 30, 'draft', null),
        entry(opd.bidangHead.id, opd.bidang.id, '2026-04-15', 90, 'submitted', '2026-04-16T16:59:00Z'),
      ]);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('gives the same days, minutes per day (in date order) and last submission dates', async () => {
    const ids = [opd.head.id, opd.staff.id, opd.bidangHead.id];
    // In a transaction: the COPY channel of the node-postgres pool is a connection of its own.
    const { copied, rows } = await t.handle.db.transaction(async (tx) => {
      const channel = openCopyChannel(tx);
      if (!channel) throw new Error('no COPY channel in a transaction');
      return { copied: await copyTppDaysAndActivities(channel, ids, '2026-04-01', '2026-04-30', 'Asia/Jakarta'), rows: await readDaysAndActivitiesByRows(tx, '2026-04', ids, 'Asia/Jakarta') };
    });

    const staffDays = copied.days.get(opd.staff.id) ?? [];
    expect(staffDays).toHaveLength(30);
    expect(staffDays.map((day) => day.date)).toEqual([...staffDays.map((day) => day.date)].sort());
    expect(staffDays.find((day) => day.date === '2026-04-03')?.status).toBe('status_baru');
    expect(staffDays.find((day) => day.date === '2026-04-09')?.unitId).toBeNull();
    expect(copied.days.has(opd.head.id)).toBe(false);
    expect(copied.days).toEqual(rows.days);

    expect([...(copied.approvedMinutes.get(opd.staff.id) ?? new Map<string, number>())]).toEqual([
      ['2026-04-02', 60],
      ['2026-04-21', 165],
    ]);
    expect(copied.approvedMinutes.get(opd.bidangHead.id)?.size).toBe(0);
    expect([...copied.approvedMinutes].map(([id, minutes]) => [id, [...minutes]]).sort()).toEqual([...rows.approvedMinutes].map(([id, minutes]) => [id, [...minutes]]).sort());

    expect(copied.lastSubmissions.get(opd.staff.id)).toBe('2026-05-03');
    expect(copied.lastSubmissions.get(opd.bidangHead.id)).toBe('2026-04-16');
    expect(copied.lastSubmissions).toEqual(rows.lastSubmissions);
  });
});
