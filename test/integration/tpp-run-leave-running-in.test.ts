import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TppExplanationView } from '../../src/contracts/tpp';
import { tppResults } from '../../src/server/db/schema';
import { computeTppNow } from '../../src/server/modules/tpp/runs/tpp-jobs';
import { systemContext } from '../../src/server/platform/actor';
import { createOpdFixture, type OpdFixture } from '../helpers/factories';
import type { Session, TestApp } from '../helpers/test-app';
import { createTppTestApp, loginNew, storeDay } from './tpp-test-setup';

// Tuesday 12 May 2026, 10:00 WIB: February is long over and still open.
const NOW = '2026-05-12T03:00:00Z';

const weekdaysOf = (from: string, to: string): string[] => {
  const dates: string[] = [];
  for (let time = Date.parse(`${from}T00:00:00Z`); time <= Date.parse(`${to}T00:00:00Z`); time += 86_400_000) {
    const date = new Date(time);
    if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6) dates.push(date.toISOString().slice(0, 10));
  }
  return dates;
};

/**
 * The seeded classic rule set counts sick leave from the leave's first day (days 1–14 free, from day 15
 * 1 % of the pagu a day). The staff member (class 7, pagu Rp 3,350,000) is on sick leave from Tuesday
 * 13 January: 14 weekdays to 30 January, one of them (16 January) a holiday stored as libur → 13
 * working days before February. In February she is sick 2–6 February (5 days: days 14–18 of the
 * leave), then present. Day 14 is free; days 15–18 cost 4 × 1 % × 3,350,000 = Rp 134,000.
 * The head of her bidang is sick 2–6 February too, but was present in January: days 1–5, no cut.
 */
describe('TPP run: a leave begun before the month keeps its count', () => {
  let t: TestApp;
  let opd: OpdFixture;
  let staff: Session;
  let head: Session;

  beforeAll(async () => {
    t = await createTppTestApp(NOW);
    opd = await createOpdFixture(t.handle.db, t.clock);
    staff = await loginNew(t, { employeeId: opd.staff.id });
    head = await loginNew(t, { employeeId: opd.bidangHead.id });
    const store = (employee: { id: string; unitId: string | null }, date: string, status: string) => storeDay(t.handle.db, { employeeId: employee.id, unitId: employee.unitId, date, status });
    for (const date of weekdaysOf('2026-01-05', '2026-01-30')) {
      await store(opd.staff, date, date === '2026-01-16' ? 'libur' : date >= '2026-01-13' ? 'cuti_sakit' : 'hadir');
      await store(opd.bidangHead, date, 'hadir');
    }
    for (const date of weekdaysOf('2026-02-01', '2026-02-27')) {
      const status = date <= '2026-02-06' ? 'cuti_sakit' : 'hadir';
      await store(opd.staff, date, status);
      await store(opd.bidangHead, date, status);
    }
  });
  afterAll(async () => t.close());

  it('numbers the month’s sick days after the working days of the leave before it, and explains it', async () => {
    const run = await computeTppNow(t.handle.db, systemContext('cli', t.clock, 'Asia/Jakarta'), { period: '2026-02', unitId: opd.unit.id });
    expect(run.status).toBe('done');

    const mine = (await staff.inject({ method: 'GET', url: '/api/tpp/me?period=2026-02' })).json<TppExplanationView>();
    const leaveLines = mine.result.lines.filter((line) => line.code.startsWith('deduction:leave:'));
    expect(leaveLines.map((line) => [line.code, line.quantity, line.effect])).toEqual([
      ['deduction:leave:cuti_sakit:1', 1, 0],
      ['deduction:leave:cuti_sakit:15', 4, -134_000],
    ]);
    expect(leaveLines[1]?.input).toBe('5 hari cuti sakit bulan ini (hari ke-14–18: cuti sudah berjalan 13 hari kerja sebelum bulan ini), 4 hari dalam rentang ini');
    const [stored] = await t.handle.db.select().from(tppResults).where(and(eq(tppResults.employeeId, opd.staff.id), eq(tppResults.period, '2026-02'), eq(tppResults.isCurrent, true)));
    expect((stored?.input as { attendance: { leave: unknown[] } } | undefined)?.attendance.leave).toEqual([{ leaveType: 'cuti_sakit', days: 5, priorDays: 13 }]);

    const theirs = (await head.inject({ method: 'GET', url: '/api/tpp/me?period=2026-02' })).json<TppExplanationView>();
    expect(theirs.result.lines.filter((line) => line.code.startsWith('deduction:leave:')).map((line) => [line.code, line.quantity, line.effect])).toEqual([['deduction:leave:cuti_sakit:1', 5, 0]]);
  });
});
