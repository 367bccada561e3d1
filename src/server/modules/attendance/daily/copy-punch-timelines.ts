import type { CopyChannel } from './copy-channel';
import type { PunchTimeline } from './daily.repository';

const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** PostgreSQL's epoch (2000-01-01) in Unix milliseconds. */
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
/** Binary COPY header: signature (11 bytes), flags, extension length. */
const HEADER_BYTES = 19;

/** COPY takes no bind parameters: the values are written into the statement, each checked first. */
function timelineQuery(employeeIds: readonly string[], from: Date, to: Date): string {
  for (const id of employeeIds) if (!UUID_TEXT.test(id)) throw new Error(`not a uuid: ${id}`);
  return `select e.n::int, p.id, p.instant
      from unnest('{${employeeIds.join(',')}}'::uuid[]) with ordinality as e(id, n)
      join punches p on p.employee_id = e.id
      where p.review_status = 'ok' and p.instant >= '${from.toISOString()}'::timestamptz and p.instant <= '${to.toISOString()}'::timestamptz`;
}

/** A signed 64-bit big-endian integer that fits a double exactly (punch ids, microseconds of this era). */
function readInt64(view: DataView, offset: number): number {
  return view.getInt32(offset) * 0x1_0000_0000 + view.getUint32(offset + 4);
}

/**
 * findPunchTimelines by binary COPY: the server only scans and sends
 * (employee's position, id, instant) — no per-employee sort, no text — and the rows are parsed
 * here from fixed offsets. About 40 % less server time than the aggregated text (bench, ADR 0010).
 * Same result: counted punches between the instants, per employee ordered by instant then id.
 */
export async function copyPunchTimelines(channel: CopyChannel, employeeIds: readonly string[], from: Date, to: Date): Promise<Map<string, PunchTimeline>> {
  const timelines = new Map<string, PunchTimeline>();
  if (employeeIds.length === 0) return timelines;
  const data = await channel.copyOut(timelineQuery(employeeIds, from, to));
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const byPosition: (PunchRun | undefined)[] = [];
  let offset = HEADER_BYTES + view.getInt32(HEADER_BYTES - 4);
  for (;;) {
    const fields = view.getInt16(offset);
    if (fields === -1) break;
    if (fields !== 3 || view.getInt32(offset + 2) !== 4 || view.getInt32(offset + 10) !== 8 || view.getInt32(offset + 22) !== 8) throw new Error('unexpected punch row in the COPY stream');
    const position = view.getInt32(offset + 6) - 1;
    const micros = readInt64(view, offset + 26);
    let run = byPosition[position];
    if (!run) byPosition[position] = run = { ids: [], micros: [] };
    run.ids.push(readInt64(view, offset + 14));
    run.micros.push(micros);
    offset += 34;
  }
  byPosition.forEach((run, position) => {
    const employeeId = employeeIds[position];
    if (run && employeeId) timelines.set(employeeId, toTimeline(run));
  });
  return timelines;
}

/** One employee's punches as they came: ids and instants in microseconds since 2000-01-01. */
interface PunchRun {
  ids: number[];
  micros: number[];
}

/**
 * In instant, then id order (the scan usually returns them so already), instants as epoch
 * milliseconds rounded down like the text query's.
 */
function toTimeline(run: PunchRun): PunchTimeline {
  const { ids, micros } = run;
  const isBefore = (a: number, b: number) => (micros[a] ?? 0) < (micros[b] ?? 0) || ((micros[a] ?? 0) === (micros[b] ?? 0) && (ids[a] ?? 0) < (ids[b] ?? 0));
  let isSorted = true;
  for (let index = 1; index < ids.length && isSorted; index++) isSorted = isBefore(index - 1, index);
  const order = ids.map((_, index) => index);
  if (!isSorted) order.sort((a, b) => (isBefore(a, b) ? -1 : isBefore(b, a) ? 1 : 0));
  return { ids: order.map((index) => ids[index] ?? 0), instants: order.map((index) => Math.floor((micros[index] ?? 0) / 1000) + PG_EPOCH_MS) };
}
