/**
 * Baselines for punch ingestion: the same rows loaded straight into the punches table with no
 * application code in between — a real COPY (psql's \copy on PostgreSQL, COPY FROM a blob on
 * PGlite) and one bulk `INSERT … SELECT * FROM unnest(…)` statement through node-postgres
 * (psql's own \copy is the baseline on PostgreSQL: the fastest way an operator loads a file).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/server/db/client';
import { attlogFields, type PunchRow } from './attendance-data';
import type { BenchDatabase } from './bench-database';

const COLUMNS = 'serial_number, pin, local_time, instant, status_code, verify_code, work_code, raw_fields, source, raw_message_id, employee_id, review_status, created_at';

/** A PostgreSQL array literal of text elements, every element quoted. */
const textArrayLiteral = (values: string[]) => `{${values.map((value) => `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
const csvQuote = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** The row as the ADMS path stores it (counted punch, no raw message), as one CSV line. */
function csvLine(row: PunchRow, createdAt: string): string {
  return [
    row.serialNumber,
    row.pin,
    row.localTime,
    row.instant.toISOString(),
    String(row.statusCode),
    '1',
    '0',
    csvQuote(textArrayLiteral(attlogFields(row))),
    'adms',
    '',
    row.employeeId,
    'ok',
    createdAt,
  ].join(',');
}

export const isPsqlAvailable = () => spawnSync('psql', ['--version'], { stdio: 'ignore' }).status === 0;

function runPsql(url: string, command: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', command], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`psql exited with ${code}: ${stderr.trim()}`))));
  });
}

/**
 * COPY of the rows into punches; returns seconds, or null when no COPY client is at hand
 * (PostgreSQL without psql on the PATH). The CSV is prepared before the clock starts.
 */
export async function copyPunches(bench: BenchDatabase, rows: PunchRow[], createdAt: Date): Promise<number | null> {
  const stamp = createdAt.toISOString();
  if (bench.kind === 'pglite') {
    const blob = new Blob([rows.map((row) => `${csvLine(row, stamp)}\n`).join('')]);
    const start = performance.now();
    await bench.client.query(`copy punches (${COLUMNS}) from '/dev/blob' with (format csv)`, [], { blob });
    return (performance.now() - start) / 1000;
  }
  if (!isPsqlAvailable()) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ekinerja-bench-'));
  const file = path.join(dir, 'punches.csv');
  try {
    const out = fs.createWriteStream(file);
    for (let start = 0; start < rows.length; start += 10_000) {
      const chunk = rows.slice(start, start + 10_000).map((row) => `${csvLine(row, stamp)}\n`).join('');
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    const started = performance.now();
    await runPsql(bench.url, `\\copy punches (${COLUMNS}) from '${file}' with (format csv)`);
    return (performance.now() - started) / 1000;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** One `INSERT … SELECT … FROM unnest(…)` per `chunkSize` rows (the whole set at once by default); returns seconds. */
export async function insertPunchesUnnest(db: Database, rows: PunchRow[], createdAt: Date, chunkSize = rows.length): Promise<number> {
  const start = performance.now();
  // sql.param keeps each array one parameter (a bare array would become a list of parameters).
  for (let offset = 0; offset < rows.length; offset += chunkSize) {
    const chunk = rows.slice(offset, offset + chunkSize);
    await db.execute(sql`
      insert into punches (${sql.raw(COLUMNS)})
      select s, p, lt::timestamp, i::timestamptz, sc, 1, '0', rf::text[], 'adms', null, e::uuid, 'ok', ${createdAt.toISOString()}::timestamptz
      from unnest(
        ${sql.param(chunk.map((row) => row.serialNumber))}::text[], ${sql.param(chunk.map((row) => row.pin))}::text[], ${sql.param(chunk.map((row) => row.localTime))}::text[],
        ${sql.param(chunk.map((row) => row.instant.toISOString()))}::text[], ${sql.param(chunk.map((row) => row.statusCode))}::int[],
        ${sql.param(chunk.map((row) => textArrayLiteral(attlogFields(row))))}::text[], ${sql.param(chunk.map((row) => row.employeeId))}::text[]
      ) as t(s, p, lt, i, sc, rf, e)`);
  }
  return (performance.now() - start) / 1000;
}
