/**
 * TPP benchmark (issue 6): one month for E employees (15,000 on PostgreSQL, 1,500 on PGlite) with
 * their daily attendance and approved activities, generated in bulk by SQL (not through the API),
 * then the month computed for the whole region through the production path — `computeTppNow`, which
 * queues the run and executes it with `executeTppRun`, the function the background worker runs —
 * next to one SQL query that reads the same inputs (sums per employee) in the same run.
 * Target: ≤ 3× that query and under 30 s. Peak memory: the process RSS, sampled every 20 ms.
 * The run is then checked against the query (every employee computed, TK days, lateness events and
 * approved minutes as the query counts them): a fast wrong path is no result.
 * Last, the month is closed as admin BKPSDM closes it (explanations stored, results frozen), timed too.
 * Sizes (env): BENCH_TPP_EMPLOYEES, BENCH_TPP_OPDS (30). BENCH_TPP_PHASES=1 also times the run's steps one by one.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../src/server/db/client';
import { seedActivityReferenceData } from '../src/server/modules/activities/reference-data/seed-activity-reference-data';
import { seedAttendanceReferenceData } from '../src/server/modules/attendance/reference-data/seed-attendance-reference-data';
import { seedTppReferenceData } from '../src/server/modules/tpp/rule-sets/seed-tpp-reference-data';
import { computeTppNow } from '../src/server/modules/tpp/runs/tpp-jobs';
import { systemContext } from '../src/server/platform/actor';
import { fixedClock } from '../src/server/platform/clock';
import { openBenchDatabase } from './bench-database';
import { cpuUsedBetween, sampleCpu } from './cpu-usage';
import { profileTppPhases } from './tpp-phases';
import { findTppRuleSetForPeriod } from '../src/server/modules/tpp/rule-sets/tpp-rule-sets.service';
import { closePeriod } from '../src/server/modules/activities/admin/period-closures/period-closures.service';

const isPostgres = Boolean(process.env.BENCH_DATABASE_URL);
const readSize = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
};
const EMPLOYEES = readSize('BENCH_TPP_EMPLOYEES', isPostgres ? 15_000 : 1_500);
const OPDS = readSize('BENCH_TPP_OPDS', 30);
/** October 2026: 22 working days, no national holiday; computed in November. */
const PERIOD = '2026-10';
const FROM = '2026-10-01';
const TO = '2026-10-31';
const NOW = new Date('2026-11-20T03:00:00Z');
const ZONE = 'Asia/Jakarta';
const GOLONGAN = ['II/a', 'II/c', 'III/a', 'III/b', 'III/d', 'IV/a'];
const CLASSES = [1, 3, 5, 6, 7, 8, 9, 11, 12, 15];

const seconds = (start: number) => (performance.now() - start) / 1000;
const count = (value: number) => Math.round(value).toLocaleString('en-US');
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/**
 * The organisation and the month, all by INSERT … SELECT: a pemda, OPDS OPDs with one position per
 * class, E employees spread over them with a definitive assignment each; every day of the month in
 * daily_attendance (weekends libur; on working days ~3 % TK, ~3 % leave, ~14 % late, ~5 % early,
 * the rest on time, decided by a hash of employee and day); two approved activities on each day present.
 */
async function seedMonth(db: Database): Promise<void> {
  const now = NOW.toISOString();
  await db.execute(sql`insert into units (id, code, name, kind, time_zone, created_at, updated_at)
    values (gen_random_uuid(), 'BENCH', 'Pemerintah Kabupaten Bench', 'pemda', ${ZONE}, ${now}, ${now})`);
  await db.execute(sql`insert into units (id, code, name, kind, parent_id, time_zone, created_at, updated_at)
    select gen_random_uuid(), 'BENCH-' || lpad(o::text, 2, '0'), 'Dinas Bench ' || o, 'opd', (select id from units where code = 'BENCH'), ${ZONE}, ${now}, ${now}
    from generate_series(1, ${OPDS}) o`);
  await db.execute(sql`insert into positions (id, code, name, jenis, kelas_jabatan, unit_id, created_at, updated_at)
    select gen_random_uuid(), u.code || '-K' || k, 'Jabatan kelas ' || k, 'pelaksana', k, u.id, ${now}, ${now}
    from units u cross join unnest(${`{${CLASSES.join(',')}}`}::int[]) k
    where u.kind = 'opd' and u.code like 'BENCH-%'`);
  await db.execute(sql`insert into employees (id, nip, jenis_asn, name, birth_date, gender, golongan, unit_id, created_at, updated_at)
    select gen_random_uuid(), '199001012026' || lpad(i::text, 6, '0'), 'PNS', 'Pegawai Bench ' || i, '1990-01-01',
      case when i % 2 = 0 then 'L' else 'P' end, (${`{${GOLONGAN.join(',')}}`}::text[])[1 + i % ${GOLONGAN.length}],
      (select id from units where code = 'BENCH-' || lpad((1 + i % ${OPDS})::text, 2, '0')), ${now}, ${now}
    from generate_series(1, ${EMPLOYEES}) i`);
  await db.execute(sql`insert into assignments (id, employee_id, position_id, kind, start_date, created_at, updated_at)
    select gen_random_uuid(), e.id, p.id, 'definitif', '2020-01-01', ${now}, ${now}
    from employees e
    join positions p on p.unit_id = e.unit_id
      and p.kelas_jabatan = (${`{${CLASSES.join(',')}}`}::int[])[1 + (substr(e.nip, 13)::int * 7) % ${CLASSES.length}]
    where e.nip like '199001012026%'`);
  // h: a stable pseudo-random number 0…99 per employee and day.
  await db.execute(sql`insert into daily_attendance (employee_id, date, unit_id, status, late_minutes, early_minutes, computed_at, is_final)
    select e.id, d::date, e.unit_id,
      case when extract(isodow from d) > 5 then 'libur'
           when h < 3 then 'tk' when h < 6 then 'cuti_tahunan' when h < 20 then 'terlambat' when h < 25 then 'psw' else 'hadir' end,
      case when extract(isodow from d) <= 5 and h >= 6 and h < 20 then 1 + (h * 37) % 150 else 0 end,
      case when extract(isodow from d) <= 5 and h >= 20 and h < 25 then 1 + (h * 53) % 120 else 0 end,
      ${now}, true
    from employees e
    cross join generate_series(${FROM}::date, ${TO}::date, interval '1 day') d
    cross join lateral (select abs(hashtext(e.nip || d::date::text)) % 100 as h) r
    where e.nip like '199001012026%'`);
  await db.execute(sql`insert into activity_entries (employee_id, unit_id, work_date, start_time, end_time, is_additional_task, title, volume, output_unit,
      claimed_minutes, approved_minutes, status, submitted_at, decided_at, created_at, updated_at)
    select a.employee_id, a.unit_id, a.date, s.start_time, s.end_time, true, 'Tugas bench', 1, 'kegiatan', s.minutes, s.minutes, 'approved',
      (a.date + interval '17 hours')::timestamp at time zone ${ZONE}, ${now}, ${now}, ${now}
    from daily_attendance a
    cross join (values (time '08:00', time '11:00', 180), (time '13:00', time '15:00', 120)) s(start_time, end_time, minutes)
    where a.date between ${FROM} and ${TO} and a.status in ('hadir', 'terlambat', 'psw')`);
  await db.execute(sql`analyze`);
}

/** The same inputs as the run, summed per employee in one statement: who, class, days, lateness, minutes. */
const baselineQuery = sql`
  with days as (
    select employee_id,
      count(*) filter (where status <> 'libur') as working_days,
      count(*) filter (where status = 'tk') as tk_days,
      count(*) filter (where status like 'cuti%') as leave_days,
      count(*) filter (where late_minutes > 0) as late_events, sum(late_minutes) as late_minutes,
      count(*) filter (where early_minutes > 0) as early_events, sum(early_minutes) as early_minutes
    from daily_attendance where date between ${FROM} and ${TO} group by employee_id
  ), minutes as (
    select employee_id, sum(approved_minutes) as approved_minutes, max(submitted_at) as last_submitted
    from activity_entries where work_date between ${FROM} and ${TO} and status = 'approved' group by employee_id
  )
  select e.id, e.nip, e.golongan, p.kelas_jabatan, d.working_days, d.tk_days, d.leave_days, d.late_events, d.late_minutes,
    d.early_events, d.early_minutes, m.approved_minutes, m.last_submitted
  from employees e
  join assignments a on a.employee_id = e.id and a.kind = 'definitif' and a.start_date <= ${TO} and (a.end_date is null or a.end_date >= ${FROM})
  join positions p on p.id = a.position_id
  left join days d on d.employee_id = e.id
  left join minutes m on m.employee_id = e.id
  where e.is_active`;

/** Runs `task` while sampling the RSS; returns its time and the peak. */
/** The benchmark's scratch database, whose PostgreSQL backends' CPU is counted (null: PGlite, inside this process). */
let benchDatabaseName: string | null = null;
const noServer = () => Promise.resolve({ totalMs: 0, systemMs: 0 });

async function measure<T>(task: () => Promise<T>): Promise<{ result: T; seconds: number; peakRss: number; cpu: ReturnType<typeof cpuUsedBetween> }> {
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const cpuBefore = await sampleCpu(noServer, benchDatabaseName);
  const start = performance.now();
  try {
    const result = await task();
    const elapsed = seconds(start);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    return { result, seconds: elapsed, peakRss, cpu: cpuUsedBetween(cpuBefore, await sampleCpu(noServer, benchDatabaseName)) };
  } finally {
    clearInterval(timer);
  }
}

/**
 * The CPU a step used, this process and the database's, and the wall time no overlap of the two can
 * beat on this machine's cores: what bounds a run, next to what bounds the query it is compared with.
 */
function describeCpu(cpu: ReturnType<typeof cpuUsedBetween>, baselineSeconds: number): string {
  const node = cpu.generatorMs / 1000;
  if (cpu.backendsMs === null) return `  CPU: this process ${node.toFixed(2)} s (the database runs inside it)`;
  const database = (cpu.backendsMs + (cpu.backgroundMs ?? 0)) / 1000;
  const cores = os.availableParallelism();
  const floor = (node + database) / cores;
  return `  CPU: this process ${node.toFixed(2)} s, PostgreSQL ${database.toFixed(2)} s; on ${cores} cores nothing finishes this work under ${floor.toFixed(2)} s (${(floor / baselineSeconds).toFixed(1)}× the query)`;
}

/** Every employee has a current result whose inputs are what the query counts. */
async function assertMatchesQuery(db: Database): Promise<void> {
  const [check] = await queryRows<{ results: number; mismatched: number }>(
    db,
    sql`with expected as (${baselineQuery})
        select count(r.id)::int as results,
          (count(*) filter (where r.id is null
            or (r.input -> 'attendance' ->> 'tkDays')::int <> x.tk_days
            or jsonb_array_length(r.input -> 'attendance' -> 'late') <> x.late_events
            or jsonb_array_length(r.input -> 'attendance' -> 'early') <> x.early_events
            or (r.input ->> 'workingDays')::int <> x.working_days
            or r.kelas_jabatan <> x.kelas_jabatan))::int as mismatched
        from expected x
        left join tpp_results r on r.employee_id = x.id and r.period = ${PERIOD} and r.is_current`,
  );
  if (check?.results !== EMPLOYEES || check.mismatched !== 0) {
    throw new Error(`TPP run does not match the inputs: ${check?.results} results for ${EMPLOYEES} employees, ${check?.mismatched} differ from the query`);
  }
  // Productivity: approved minutes ÷ (22 days × the 300-minute norm) for someone always present.
  const [full] = await queryRows<{ bp: number }>(
    db,
    sql`select (r.input ->> 'productivityBp')::int as bp from tpp_results r
        where r.period = ${PERIOD} and r.is_current and r.input -> 'attendance' ->> 'tkDays' = '0'
          and jsonb_array_length(r.input -> 'attendance' -> 'leave') = 0
        limit 1`,
  );
  if (full?.bp !== 10_000) throw new Error(`productivity of an employee present every day: ${full?.bp} bp, expected 10000`);
}

export async function runTppBench(): Promise<void> {
  const bench = await openBenchDatabase(4);
  const { db } = bench;
  benchDatabaseName = bench.kind === 'postgresql' ? new URL(bench.url).pathname.slice(1) : null;
  const clock = fixedClock(NOW);
  try {
    console.log(`database: ${bench.note}${isPostgres ? '' : ' (smaller default sizes; set BENCH_DATABASE_URL for the PostgreSQL figures)'}`);
    const seedStart = performance.now();
    await seedAttendanceReferenceData(db, clock);
    await seedActivityReferenceData(db, clock);
    await seedTppReferenceData(db, clock);
    await seedMonth(db);
    const [sizes] = await queryRows<{ days: number; entries: number }>(
      db,
      sql`select (select count(*) from daily_attendance)::int as days, (select count(*) from activity_entries)::int as entries`,
    );
    console.log(
      `seed: ${count(EMPLOYEES)} employees in ${OPDS} OPDs, ${count(sizes?.days ?? 0)} daily attendance rows, ${count(sizes?.entries ?? 0)} approved activities (${PERIOD}) in ${seconds(seedStart).toFixed(1)} s`,
    );

    await queryRows(db, baselineQuery);
    const baseline = await measure(() => queryRows<{ id: string }>(db, baselineQuery));
    if (baseline.result.length !== EMPLOYEES) throw new Error(`baseline read ${baseline.result.length} employees, expected ${EMPLOYEES}`);
    console.log(`${'baseline: one SQL query, the inputs summed per employee'.padEnd(58)} ${count(baseline.result.length).padStart(7)} rows in ${baseline.seconds.toFixed(2).padStart(6)} s`);

    const ctx = systemContext('bench', clock, 'Asia/Jakarta');
    const rssBefore = process.memoryUsage().rss;
    const first = await measure(() => computeTppNow(db, ctx, { period: PERIOD, unitId: null }));
    if (first.result.status !== 'done') throw new Error(`TPP run ${first.result.status}: ${first.result.error ?? ''}`);
    if (first.result.issues.length > 0) throw new Error(`TPP run left ${first.result.issues.length} employees out: ${first.result.issues[0]?.message ?? ''}`);
    await assertMatchesQuery(db);
    console.log(`${'TPP run, whole region (computeTppNow → executeTppRun)'.padEnd(58)} ${count(first.result.progressDone).padStart(7)} empl. in ${first.seconds.toFixed(2).padStart(6)} s`);
    console.log(`  → ${(first.seconds / baseline.seconds).toFixed(1)}× the SQL query (target ≤ 3×); ${first.seconds < 30 ? 'under' : 'OVER'} 30 s`);
    console.log(`  peak RSS ${megabytes(first.peakRss)} (${megabytes(rssBefore)} before the run, +${megabytes(Math.max(0, first.peakRss - rssBefore))})`);
    console.log(describeCpu(first.cpu, baseline.seconds));

    // Recomputing an open month replaces the current results (the previous ones stay as history).
    const again = await measure(() => computeTppNow(db, ctx, { period: PERIOD, unitId: null }));
    if (again.result.status !== 'done') throw new Error(`TPP recompute ${again.result.status}: ${again.result.error ?? ''}`);
    await assertMatchesQuery(db);
    console.log(`${'TPP recompute of the same month'.padEnd(58)} ${count(again.result.progressDone).padStart(7)} empl. in ${again.seconds.toFixed(2).padStart(6)} s`);
    console.log(`  → ${(again.seconds / baseline.seconds).toFixed(1)}× the SQL query; peak RSS ${megabytes(again.peakRss)}`);
    console.log(describeCpu(again.cpu, baseline.seconds));

    if (process.env.BENCH_TPP_PHASES === '1') {
      const found = await findTppRuleSetForPeriod(db, PERIOD);
      if (!found) throw new Error(`no rule set for ${PERIOD}`);
      console.log('phases of a run, one after another (summed over its batches; the run overlaps them):');
      for (const phase of await profileTppPhases(db, { period: PERIOD, ruleSetId: found.id, ruleSet: found.ruleSet, runId: again.result.id, now: NOW })) {
        console.log(`  ${phase.name.padEnd(64)} ${phase.seconds.toFixed(2).padStart(6)} s`);
      }
    }

    // Month end: admin BKPSDM closes the month, which stores every result's explanation and freezes it,
    // in one transaction (the HTTP request waits for it). Measured last: a closed month cannot be recomputed.
    const closing = await measure(() => db.transaction((tx) => closePeriod(tx, ctx, { period: PERIOD, note: 'bench' })));
    const [frozen] = await queryRows<{ frozen: number; explained: number }>(
      db,
      sql`select count(*) filter (where frozen_at is not null)::int as frozen, count(*) filter (where result is not null)::int as explained
          from tpp_results where period = ${PERIOD} and is_current`,
    );
    if (frozen?.frozen !== EMPLOYEES || frozen.explained !== EMPLOYEES) throw new Error(`closing froze ${frozen?.frozen} and explained ${frozen?.explained} of ${EMPLOYEES} results`);
    console.log(`${'closing the month (explanations stored, results frozen)'.padEnd(58)} ${count(frozen.frozen).padStart(7)} empl. in ${closing.seconds.toFixed(2).padStart(6)} s`);
    console.log(`  → ${(closing.seconds / baseline.seconds).toFixed(1)}× the SQL query; peak RSS ${megabytes(closing.peakRss)}`);
  } finally {
    await bench.close();
  }
}
