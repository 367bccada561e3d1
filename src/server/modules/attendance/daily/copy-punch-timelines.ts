import { checkedUuid, COPY_HEADER_BYTES, firstRowOffset, PG_EPOCH_MS, readInt64, uuidBytes } from '../../../db/binary-copy';
import type { CopyChannel } from '../../../db/copy-channel';
import type { PunchTimeline } from './daily.repository';


/**
 * COPY takes no bind parameters: the values are written into the statement, each checked first.
 * The employees are a constant array, which PostgreSQL (14+) tests by hashing: joining an unnest of
 * them instead made the planner hash the punches (it cannot know the array's ids are distinct)
 * and spill to disk, about twice the server time of the scan.
 */
function timelineQuery(employeeIds: readonly string[], from: Date, to: Date): string {
  for (const id of employeeIds) checkedUuid(id);
  return `select p.employee_id, p.id, p.instant
      from punches p
      where p.employee_id = any('{${employeeIds.join(',')}}'::uuid[])
        and p.review_status = 'ok' and p.instant >= '${from.toISOString()}'::timestamptz and p.instant <= '${to.toISOString()}'::timestamptz`;
}

/** A uuid's 16 bytes as a latin1 string: how the stream's employee ids are looked up. */
const uuidKey = (id: string): string => uuidBytes(id).toString('latin1');

/** Bytes of one row: field count, then (length, value) of the employee (uuid), id (int8), instant (int8). */
const ROW_BYTES = 46;

/**
 * findPunchTimelines by binary COPY: the server only scans and sends
 * (employee, id, instant) — no join, no per-employee sort, no text — and the rows are parsed
 * here from fixed offsets as the data arrives, while the server is still scanning. About 40 % less
 * server time than the aggregated text (bench, ADR 0010). Same result: counted punches between
 * the instants, per employee ordered by instant then id.
 */
export async function copyPunchTimelines(channel: CopyChannel, employeeIds: readonly string[], from: Date, to: Date): Promise<Map<string, PunchTimeline>> {
  const timelines = new Map<string, PunchTimeline>();
  if (employeeIds.length === 0) return timelines;
  const positionOf = new Map(employeeIds.map((id, position) => [uuidKey(id), position]));
  const byPosition: (PunchRun | undefined)[] = [];
  let pending: Buffer | null = null;
  let isHeaderRead = false;
  let isEnded = false;
  await channel.copyOutChunks(timelineQuery(employeeIds, from, to), (chunk) => {
    const data: Buffer = pending ? Buffer.concat([pending, chunk]) : chunk;
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    let offset = 0;
    if (!isHeaderRead) {
      if (data.length < COPY_HEADER_BYTES || data.length < firstRowOffset(view)) {
        pending = data;
        return;
      }
      offset = firstRowOffset(view);
      isHeaderRead = true;
    }
    while (!isEnded && data.length - offset >= 2) {
      const fields = view.getInt16(offset);
      if (fields === -1) {
        isEnded = true;
        offset += 2;
        break;
      }
      if (data.length - offset < ROW_BYTES) break;
      if (fields !== 3 || view.getInt32(offset + 2) !== 16 || view.getInt32(offset + 22) !== 8 || view.getInt32(offset + 34) !== 8) throw new Error('unexpected punch row in the COPY stream');
      const position = positionOf.get(data.toString('latin1', offset + 6, offset + 22));
      if (position === undefined) throw new Error('a punch of an employee that was not asked for in the COPY stream');
      let run = byPosition[position];
      if (!run) byPosition[position] = run = { ids: [], micros: [] };
      run.ids.push(readInt64(view, offset + 26));
      run.micros.push(readInt64(view, offset + 38));
      offset += ROW_BYTES;
    }
    pending = offset < data.length ? data.subarray(offset) : null;
  });
  if (!isEnded) throw new Error('the punch COPY stream ended before its trailer');
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
  if (isSorted) return { ids, instants: micros.map((value) => Math.floor(value / 1000) + PG_EPOCH_MS) };
  const order = ids.map((_, index) => index);
  order.sort((a, b) => (isBefore(a, b) ? -1 : isBefore(b, a) ? 1 : 0));
  return { ids: order.map((index) => ids[index] ?? 0), instants: order.map((index) => Math.floor((micros[index] ?? 0) / 1000) + PG_EPOCH_MS) };
}
