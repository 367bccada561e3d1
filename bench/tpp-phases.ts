/**
 * Where the seconds of a TPP run go: the steps of executeTppRun one after another for every batch
 * (the run itself overlaps loading and computing batches), each summed over the batches, then the
 * last transaction's write, inside a transaction that is rolled back. Printed with BENCH_TPP_PHASES=1.
 */
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import type { Database } from '../src/server/db/client';
import { tppRuns } from '../src/server/db/schema';
import type { TppRuleSet } from '../src/domain/tpp/rule-set';
import { resolveWorkDays } from '../src/server/modules/attendance/schedules';
import { computeTppBatch, loadTppBatch } from '../src/server/modules/tpp/runs/compute-employee-tpp';
import { TPP_BATCH_SIZE } from '../src/server/modules/tpp/runs/execute-tpp-run';
import { encodeTppResultsCopy } from '../src/server/modules/tpp/runs/encode-tpp-results-copy';
import { replaceCurrentResults, type EncodedResults } from '../src/server/modules/tpp/runs/tpp-runs.repository';
import { findAllUnits, findEmployeesForPeriod, loadRawSources, periodBounds } from '../src/server/modules/tpp/runs/tpp-sources.repository';

class RolledBack extends Error {}

export async function profileTppPhases(
  db: Database,
  input: { period: string; ruleSetId: string; ruleSet: TppRuleSet; runId: string; now: Date },
): Promise<{ name: string; seconds: number }[]> {
  const totals = new Map<string, number>();
  const timed = async <T>(name: string, work: () => Promise<T> | T): Promise<T> => {
    const start = performance.now();
    const result = await work();
    totals.set(name, (totals.get(name) ?? 0) + (performance.now() - start) / 1000);
    return result;
  };
  const { from, to } = periodBounds(input.period);
  const bytes = { input: 0, result: 0, count: 0 };
  try {
    await db.transaction(async (tx) => {
      // A run of its own (a copy of the given one, done) for the rows written here: they replace the
      // given run's current results as a real run's last step does.
      const [given] = await tx.select().from(tppRuns).where(eq(tppRuns.id, input.runId));
      if (!given) throw new Error(`no TPP run ${input.runId}`);
      const { id: _givenId, ...rest } = given;
      const [own] = await tx.insert(tppRuns).values({ ...rest, status: 'done' }).returning({ id: tppRuns.id });
      if (!own) throw new Error('could not record the phases run');
      const computedIds: string[] = [];
      const encoded: EncodedResults[] = [];
      const unitsById = await timed('units and employees', () => findAllUnits(tx));
      const people = await timed('units and employees', () => findEmployeesForPeriod(tx, input.period, null));
      for (let start = 0; start < people.length; start += TPP_BATCH_SIZE) {
        const ids = people.slice(start, start + TPP_BATCH_SIZE).map((person) => person.id);
        await timed('  raw records alone (loadRawSources, part of the next line)', () => loadRawSources(tx, input.period, ids, 'Asia/Jakarta'));
        await timed('  work days alone (resolveWorkDays, part of the next line)', () => resolveWorkDays(tx, ids, from, to));
        const sources = await timed('sources (loadTppBatch)', () => loadTppBatch(tx, input.period, input.ruleSet, ids, unitsById, { regionZone: 'Asia/Jakarta' }));
        const batch = await timed('compute (productivity, inputs, rule set; no I/O)', () => computeTppBatch(input.period, input.ruleSet, sources, unitsById));
        for (const item of batch.computed) {
          bytes.input += JSON.stringify(item.input).length;
          bytes.result += JSON.stringify(item.result).length;
          bytes.count += 1;
        }
        computedIds.push(...batch.computed.map((item) => item.snapshot.employeeId));
        const payload = await timed('encode rows (encodeTppResultsCopy)', () =>
          encodeTppResultsCopy({ runId: own.id, ruleSetId: input.ruleSetId, period: input.period, computedAt: input.now, isCurrent: true }, batch.computed),
        );
        encoded.push({ payload, rows: batch.computed.length });
      }
      await timed('store results (replaceCurrentResults: old aside, COPY as current)', () => replaceCurrentResults(tx, input.period, computedIds, encoded));
      throw new RolledBack();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
  console.log(`  stored JSON per employee: input ${Math.round(bytes.input / bytes.count)} B, result ${Math.round(bytes.result / bytes.count)} B`);
  return [...totals].map(([name, seconds]) => ({ name, seconds }));
}
