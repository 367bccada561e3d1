import { and, asc, gte, inArray, lte, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceRequests, dailyAttendance, punches } from '../../src/server/db/schema';
import type { Executor } from '../../src/server/db/client';
import { openCopyChannel, type CopyChannel } from '../../src/server/db/copy-channel';
import { appendDailyColumns } from '../../src/server/modules/attendance/daily/copy-daily-rows';
import { copyPunchTimelines } from '../../src/server/modules/attendance/daily/copy-punch-timelines';
import { findAttendanceEmployees, findPunchTimelines } from '../../src/server/modules/attendance/daily/daily.repository';
import { loadDerivationSources, punchRangeOf, visitDerivedDays } from '../../src/server/modules/attendance/daily/derive-attendance-rows';
import { isStoredDay, rebuildDailyAttendance } from '../../src/server/modules/attendance/daily/rebuild-daily-attendance';
import { appendDailyRow, countRows, createDailyColumns, storeDailyColumns, type DailyColumns } from '../../src/server/modules/attendance/daily/store-daily-rows';
import type { OpdFixture } from '../helpers/factories';
import { startAttendanceTest } from '../helpers/attendance-test-setup';
import type { TestApp } from '../helpers/test-app';

// Monday 2026-04-13, 17:00 WIB: the weeks before are over everywhere.
const NOW = '2026-04-13T10:00:00Z';
const FROM = '2026-04-01';
const TO = '2026-04-12';

let sequence = 0;
const punchAt = (employeeId: string, instant: string, reviewStatus = 'ok') => ({
  serialNumber: 'COPY-TEST',
  pin: `${++sequence}`,
  localTime: instant.slice(0, 19).replace('T', ' '),
  instant: new Date(instant),
  source: 'file',
  employeeId,
  reviewStatus,
});

class RolledBack extends Error {}

/**
 * The binary COPY paths of the rebuild (ADR 0010): punches read and first derivations written as
 * PostgreSQL's binary COPY format, on node-postgres as a stream and on PGlite as a blob. They must
 * give exactly what the text query and the merging statement give.
 */
describe('daily attendance through binary COPY', () => {
  let t: TestApp;
  let opd: OpdFixture;
  let everyone: string[];

  beforeAll(async () => {
    const start = await startAttendanceTest(NOW);
    ({ t, opd } = start);
    const { papuan } = start;
    const db = t.handle.db;
    everyone = [opd.head.id, opd.bidangHead.id, opd.staff.id, papuan.id];
    const { staff, bidangHead, head } = opd;
    // Inserted out of time order (ids do not follow instants), two punches in one millisecond
    // (told apart by their microseconds), one at the same instant as another, one held for review.
    await db.insert(punches).values([
      punchAt(staff.id, '2026-04-07T09:10:00Z'),
      punchAt(staff.id, '2026-04-06T00:21:00Z'),
      punchAt(staff.id, '2026-04-06T09:02:00Z'),
      punchAt(staff.id, '2026-04-06T09:02:00Z'),
      punchAt(staff.id, '2026-04-08T00:25:00Z', 'implausible_time'),
      punchAt(bidangHead.id, '2026-04-06T00:45:00Z'),
      punchAt(bidangHead.id, '2026-04-06T06:30:00Z'),
      punchAt(head.id, '2026-04-03T02:00:00Z'),
      punchAt(papuan.id, '2026-04-05T22:31:00Z'),
      punchAt(papuan.id, '2026-04-06T07:00:00Z'),
    ]);
    // Microseconds are beyond a Date: written as SQL, the later one first.
    for (const instant of ['2026-04-07T00:20:00.123900Z', '2026-04-07T00:20:00.123100Z']) {
      await db.insert(punches).values({ ...punchAt(staff.id, instant), instant: sql`${instant}::timestamptz` });
    }
    await db.insert(attendanceRequests).values({
      employeeId: staff.id,
      kind: 'cuti_tahunan',
      startDate: '2026-04-09',
      endDate: '2026-04-09',
      reason: 'uji copy',
      status: 'disetujui',
    });
  });
  afterAll(async () => t.close());

  const storedRows = async (executor: Executor) => {
    const rows = await executor
      .select()
      .from(dailyAttendance)
      .where(and(inArray(dailyAttendance.employeeId, everyone), gte(dailyAttendance.date, FROM), lte(dailyAttendance.date, TO)))
      .orderBy(asc(dailyAttendance.employeeId), asc(dailyAttendance.date));
    return rows.map((row) => ({ ...row, punchIds: row.punchIds.map(Number) }));
  };

  /** The rows a rebuild would write for everyone, as one batch, derived at `now`. */
  const deriveColumns = async (executor: Executor, now: Date): Promise<DailyColumns> => {
    const employees = await findAttendanceEmployees(executor, { employeeIds: everyone });
    const sources = await loadDerivationSources(executor, employees, FROM, TO, now);
    const columns = createDailyColumns(employees.map((employee) => employee.id));
    visitDerivedDays(sources, employees, (employee, workDay, day, isFinal) => {
      if (isStoredDay(workDay, day)) appendDailyRow(columns, employee.id, employee.unitId, workDay.scheduleId, day, isFinal);
    });
    return columns;
  };

  /** `work` inside a transaction that is rolled back afterwards; returns what it returned. */
  const rolledBack = async <T>(work: (tx: Executor) => Promise<T>): Promise<T> => {
    let result: T | undefined;
    await t.handle.db
      .transaction(async (tx) => {
        result = await work(tx);
        throw new RolledBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RolledBack)) throw error;
      });
    if (result === undefined) throw new Error('no result');
    return result;
  };

  it('has a COPY channel in a transaction on either driver', async () => {
    expect(await rolledBack(async (tx) => openCopyChannel(tx) !== null)).toBe(true);
  });

  it('reads the same punch timelines by COPY as by the aggregated text, in instant then id order', async () => {
    const range = punchRangeOf(FROM, TO);
    const [byText, byCopy] = await rolledBack(async (tx) => {
      const channel = openCopyChannel(tx);
      if (!channel) throw new Error('no COPY channel');
      return [await findPunchTimelines(tx, everyone, range.from, range.to), await copyPunchTimelines(channel, everyone, range.from, range.to)] as const;
    });
    expect(byCopy).toEqual(byText);
    const staff = byCopy.get(opd.staff.id);
    expect(staff?.instants).toEqual([
      Date.parse('2026-04-06T00:21:00Z'),
      Date.parse('2026-04-06T09:02:00Z'),
      Date.parse('2026-04-06T09:02:00Z'),
      Date.parse('2026-04-07T00:20:00.123Z'),
      Date.parse('2026-04-07T00:20:00.123Z'),
      Date.parse('2026-04-07T09:10:00Z'),
    ]);
    const ids = staff?.ids ?? [];
    expect(ids[1]).toBeLessThan(ids[2] ?? 0);
    // The later of the two punches in 00:20:00.123 was inserted first: microseconds order them.
    expect(ids[3]).toBeGreaterThan(ids[4] ?? 0);
    expect(byCopy.has(opd.head.id)).toBe(true);
  });

  it('decodes the punch stream the same however the server cuts it into chunks', async () => {
    const range = punchRangeOf(FROM, TO);
    const [whole, ...cut] = await rolledBack(async (tx) => {
      const channel = openCopyChannel(tx);
      if (!channel) throw new Error('no COPY channel');
      // The real stream, handed over in pieces of 1, 5, 45 and 47 bytes (rows are 46 bytes, the header 19).
      const inPieces = (size: number): CopyChannel => ({
        ...channel,
        copyOutChunks: async (query, onChunk) => {
          const data = await channel.copyOut(query);
          for (let offset = 0; offset < data.length; offset += size) onChunk(data.subarray(offset, offset + size));
        },
      });
      const read = (source: CopyChannel) => copyPunchTimelines(source, everyone, range.from, range.to);
      return [await read(channel), await read(inPieces(1)), await read(inPieces(5)), await read(inPieces(45)), await read(inPieces(47))] as const;
    });
    expect(whole.get(opd.staff.id)?.ids).toHaveLength(6);
    for (const timelines of cut) expect(timelines).toEqual(whole);
  });

  it('refuses a punch stream that stops before its end', async () => {
    const range = punchRangeOf(FROM, TO);
    const error = await rolledBack(async (tx) => {
      const channel = openCopyChannel(tx);
      if (!channel) throw new Error('no COPY channel');
      const truncated: CopyChannel = {
        ...channel,
        copyOutChunks: async (query, onChunk) => {
          const data = await channel.copyOut(query);
          onChunk(data.subarray(0, data.length - 20));
        },
      };
      return copyPunchTimelines(truncated, everyone, range.from, range.to).then(
        () => null,
        (reason: unknown) => (reason instanceof Error ? reason.message : String(reason)),
      );
    });
    expect(error).toMatch(/ended before its trailer/);
  });

  it('writes a first derivation by COPY exactly as the merging statement does', async () => {
    const now = t.clock.now();
    const read = (write: (tx: Executor, columns: DailyColumns) => Promise<void>) =>
      rolledBack(async (tx) => {
        await tx.delete(dailyAttendance).where(inArray(dailyAttendance.employeeId, everyone));
        const columns = await deriveColumns(tx, now);
        await write(tx, columns);
        return { rows: await storedRows(tx), count: countRows(columns) };
      });
    const copied = await read(async (tx, columns) => {
      const channel = openCopyChannel(tx);
      if (!channel) throw new Error('no COPY channel');
      await appendDailyColumns(tx, channel, columns, FROM, TO, now);
    });
    const merged = await read((tx, columns) => storeDailyColumns(tx, columns, FROM, TO, now));
    expect(copied.rows).toHaveLength(copied.count);
    expect(copied.rows).toEqual(merged.rows);
    const of = (employeeId: string, date: string) => copied.rows.find((row) => row.employeeId === employeeId && row.date === date);
    expect(of(opd.staff.id, '2026-04-09')).toMatchObject({ status: 'cuti_tahunan', requestIds: [expect.any(String)] });
    expect(of(opd.staff.id, '2026-04-07')?.firstIn).toEqual(new Date('2026-04-07T00:20:00.123Z'));
    expect(of(opd.head.id, '2026-04-03')).toMatchObject({ status: 'libur', plannedStart: null, punchIds: [expect.any(Number)] });
  });

  it('falls back to merging when the rows it copies were stored meanwhile (a concurrent rebuild)', async () => {
    await rebuildDailyAttendance(t.handle.db, { employeeIds: everyone, from: FROM, to: TO, now: t.clock.now() });
    // Derived earlier: fewer days, so merging must also remove the later ones.
    const earlier = new Date('2026-04-08T00:00:00Z');
    const expected = await rolledBack(async (tx) => {
      await storeDailyColumns(tx, await deriveColumns(tx, earlier), FROM, TO, earlier);
      return storedRows(tx);
    });
    const after = await rolledBack(async (tx) => {
      const channel = openCopyChannel(tx);
      if (!channel) throw new Error('no COPY channel');
      await appendDailyColumns(tx, channel, await deriveColumns(tx, earlier), FROM, TO, earlier);
      // The transaction is still usable after the failed COPY.
      return storedRows(tx);
    });
    expect(after).toEqual(expected);
    expect(after.some((row) => row.employeeId === opd.staff.id && row.date >= '2026-04-08')).toBe(false);
  });
});
