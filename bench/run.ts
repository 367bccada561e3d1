/**
 * `npm run bench`: every benchmark, each printed next to a baseline measured in the same run.
 *   foundation  — employee search and login over HTTP (bench/foundation.ts)
 *   activities  — month-end rush of activity entries vs raw INSERT; open loop at 200/s; bulk approval (bench/activities.ts)
 *   attendance  — punch ingestion (ADMS, file import) vs COPY; daily attendance vs one SQL aggregate (bench/attendance.ts)
 *   tpp         — a month's TPP for 15,000 employees vs one SQL query over the same inputs; peak memory (bench/tpp.ts)
 * BENCH_ONLY=attendance (or foundation, or a comma list) runs a subset.
 * BENCH_DATABASE_URL: an empty PostgreSQL database (the intended mode); without it PGlite in memory, with smaller sizes.
 */
import { runActivitiesBench } from './activities';
import { runAttendanceBench } from './attendance';
import { runFoundationBench } from './foundation';
import { runTppBench } from './tpp';

const BENCHES: Record<string, () => Promise<void>> = {
  foundation: runFoundationBench,
  attendance: runAttendanceBench,
  activities: runActivitiesBench,
  tpp: runTppBench,
};

const selected = (process.env.BENCH_ONLY ?? Object.keys(BENCHES).join(','))
  .split(',')
  .map((name) => name.trim())
  .filter((name) => name !== '');
const unknown = selected.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(`BENCH_ONLY: unknown benchmark ${unknown.join(', ')} (known: ${Object.keys(BENCHES).join(', ')})`);
  process.exit(2);
}

for (const name of selected) {
  const run = BENCHES[name];
  if (!run) continue;
  console.log(`\n===== ${name} =====`);
  await run();
}
