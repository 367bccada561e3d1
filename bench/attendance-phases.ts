/**
 * Where the seconds of a rebuild go: the steps of rebuildDailyAttendance one after another (the
 * rebuild itself overlaps deriving a batch with writing the previous one), each timed, inside a
 * transaction that is rolled back. Printed with BENCH_DERIVE_PHASES=1.
 */
import { performance } from 'node:perf_hooks';
import type { Database } from '../src/server/db/client';
import { findAttendanceEmployees, findPunchTimelines } from '../src/server/modules/attendance/daily/daily.repository';
import { loadCalendarSources, punchRangeOf, visitDerivedDays } from '../src/server/modules/attendance/daily/derive-attendance-rows';
import { isStoredDay, ROWS_PER_BATCH } from '../src/server/modules/attendance/daily/rebuild-daily-attendance';
import { openCopyChannel } from '../src/server/db/copy-channel';
import { findEmployeesWithStoredDays, writeDailyColumns } from '../src/server/modules/attendance/daily/copy-daily-rows';
import { copyPunchTimelines } from '../src/server/modules/attendance/daily/copy-punch-timelines';
import { appendDailyRow, countRows, createDailyColumns, storeDailyColumns, type DailyColumns } from '../src/server/modules/attendance/daily/store-daily-rows';
import { resolveWorkDays } from '../src/server/modules/attendance/daily/work-day-source';
import { findUnitSubtreeIds } from '../src/server/modules/org';

class RolledBack extends Error {}

export async function profileDerivationPhases(db: Database, input: { unitId: string; from: string; to: string; now: Date }): Promise<{ name: string; seconds: number }[]> {
  const phases: { name: string; seconds: number }[] = [];
  const timed = async <T>(name: string, work: () => Promise<T> | T): Promise<T> => {
    const start = performance.now();
    const result = await work();
    phases.push({ name, seconds: (performance.now() - start) / 1000 });
    return result;
  };
  try {
    await db.transaction(async (tx) => {
      const unitIds = await timed('unit subtree', () => findUnitSubtreeIds(tx, [input.unitId]));
      const employees = await timed('employees', () => findAttendanceEmployees(tx, { unitIds }));
      const ordered = [...employees].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const ids = ordered.map((employee) => employee.id);
      await timed('work days alone (resolveWorkDays, part of the next line)', () => resolveWorkDays(tx, ids, input.from, input.to));
      const calendar = await timed('calendar sources (work days, requests, rule sets, devices)', () => loadCalendarSources(tx, employees, input.from, input.to, input.now));
      const range = punchRangeOf(input.from, input.to);
      await timed('punch timelines as aggregated text (findPunchTimelines, the pool path)', () => findPunchTimelines(tx, ids, range.from, range.to));
      const channel = openCopyChannel(tx);
      if (!channel) throw new Error('no COPY channel in a transaction');
      const timelines = await timed('punch timelines by binary COPY (copyPunchTimelines, the rebuild path)', () => copyPunchTimelines(channel, ids, range.from, range.to));
      const days = (Date.parse(`${input.to}T00:00:00Z`) - Date.parse(`${input.from}T00:00:00Z`)) / 86_400_000 + 1;
      const perBatch = Math.max(1, Math.floor(ROWS_PER_BATCH / days));
      const batches: DailyColumns[] = [];
      await timed('derivation in JS, into the write columns', () => {
        for (let start = 0; start < ordered.length; start += perBatch) {
          const batch = ordered.slice(start, start + perBatch);
          const columns = createDailyColumns(batch.map((employee) => employee.id));
          visitDerivedDays({ ...calendar, timelines }, batch, (employee, workDay, day, isFinal) => {
            if (isStoredDay(workDay, day)) appendDailyRow(columns, employee.id, employee.unitId, workDay.scheduleId, day, isFinal);
          });
          batches.push(columns);
        }
      });
      const rows = batches.reduce((sum, columns) => sum + countRows(columns), 0);
      await timed(`writing ${rows} rows in ${batches.length} batches by binary COPY (writeDailyColumns)`, async () => {
        const stored = await findEmployeesWithStoredDays(tx, ids, input.from, input.to);
        for (const columns of batches) await writeDailyColumns(tx, columns, stored, input.from, input.to, input.now);
      });
      await timed('the same rows merged again (storeDailyColumns: compared, nothing written)', async () => {
        for (const columns of batches) await storeDailyColumns(tx, columns, input.from, input.to, input.now);
      });
      throw new RolledBack();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
  return phases;
}
