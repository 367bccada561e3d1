import { DAILY_STATUSES } from '../../../../contracts/attendance-daily';
import { listDates } from '../../../../domain/attendance/calendar-zone';
import { checkedUuid, firstRowOffset, PG_EPOCH_MS } from '../../../db/binary-copy';
import type { CopyChannel } from '../../../db/copy-channel';

/**
 * The two large reads of a TPP run — the month's daily attendance and the approved minutes per day —
 * by binary COPY: the server only scans (and sums activities per employee and day, so ~40 % fewer
 * rows travel) and sends fixed-width fields; no per-employee sort, no aggregated text or array
 * literals to parse here. Same result as the row reads of loadRawSources (bench, ADR 0013).
 */
export interface CopiedTppSources<Day> {
  days: Map<string, Day[]>;
  /** Approved minutes per work date (days with none left out); an entry for everyone with an activity that month. */
  approvedMinutes: Map<string, Map<string, number>>;
  /** The regency's date (WIB) of the month's last submission. */
  lastSubmissions: Map<string, string>;
}

export interface CopiedDay {
  date: string;
  status: string;
  lateMinutes: number;
  earlyMinutes: number;
  unitId: string | null;
}

const DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
/**
 * Statuses travel as their position in this list (a text only for one not in it): one string per
 * status for the whole read instead of one per day.
 */
const STATUS_LIST = (() => {
  for (const status of DAILY_STATUSES) if (!/^[a-z_]+$/.test(status)) throw new Error(`unexpected status ${status}`);
  return `'{${DAILY_STATUSES.join(',')}}'::text[]`;
})();

/** COPY takes no bind parameters: the values are written into the statement, each checked first. */
function checkedIdList(employeeIds: readonly string[], from: string, to: string): string {
  for (const id of employeeIds) checkedUuid(id);
  if (!DATE_TEXT.test(from) || !DATE_TEXT.test(to)) throw new Error(`not a date range: ${from}…${to}`);
  return `'{${employeeIds.join(',')}}'::uuid[]`;
}

/** A uuid read before, as text, and where its bytes are in the stream. */
interface UuidMemo {
  text: string;
  at: number;
}

/** Reads a binary COPY stream row by row; fields in order, each with its length checked. */
class CopyReader {
  private readonly view: DataView;
  private offset: number;

  constructor(private readonly data: Buffer) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    this.offset = firstRowOffset(this.view);
  }

  /** Starts the next row; false at the trailer. */
  nextRow(fields: number): boolean {
    const count = this.view.getInt16(this.offset);
    if (count === -1) return false;
    if (count !== fields) throw new Error(`unexpected row of ${count} fields in the COPY stream`);
    this.offset += 2;
    return true;
  }

  private length(expected: number | null): number {
    const length = this.view.getInt32(this.offset);
    this.offset += 4;
    if (expected !== null && length !== -1 && length !== expected) throw new Error(`unexpected field of ${length} bytes in the COPY stream`);
    return length;
  }

  int32(): number {
    const value = this.int32OrNull();
    if (value === null) throw new Error('unexpected null in the COPY stream');
    return value;
  }

  int32OrNull(): number | null {
    if (this.length(4) === -1) return null;
    const value = this.view.getInt32(this.offset);
    this.offset += 4;
    return value;
  }

  /**
   * A uuid as text; `memo` holds the one read before in the same place (an employee's unit is
   * the same on nearly every day), whose text is reused when the bytes are equal.
   */
  uuidOrNull(memos: (UuidMemo | undefined)[], slot: number): string | null {
    if (this.length(16) === -1) return null;
    const at = this.offset;
    this.offset += 16;
    const memo = memos[slot];
    if (memo && this.data.compare(this.data, memo.at, memo.at + 16, at, at + 16) === 0) return memo.text;
    const hex = this.data.toString('hex', at, at + 16);
    const text = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    memos[slot] = { text, at };
    return text;
  }

  textOrNull(): string | null {
    const length = this.length(null);
    if (length === -1) return null;
    const value = this.data.toString('utf8', this.offset, this.offset + length);
    this.offset += length;
    return value;
  }
}

/** A PostgreSQL date (days since 2000-01-01) as YYYY-MM-DD. */
const pgDateText = (days: number) => new Date(PG_EPOCH_MS + days * DAY_MS).toISOString().slice(0, 10);

/**
 * Rows name their employee by position in the id list (1-based): the `= any` filter keeps the
 * index scan, the join to the numbered list only adds the position.
 */
const numbered = (idList: string) => `join unnest(${idList}) with ordinality as e(id, n) on e.id = employee_id`;

/** The month's stored days of these employees, per employee in date order. */
async function copyDays(channel: CopyChannel, employeeIds: readonly string[], idList: string, from: string, to: string): Promise<Map<string, CopiedDay[]>> {
  const dates = listDates(from, to);
  const data = await channel.copyOut(
    `select e.n::int4, (date - '${from}'::date)::int4, coalesce(array_position(${STATUS_LIST}, status), 0)::int4,
         case when array_position(${STATUS_LIST}, status) is null then status end, late_minutes::int4, early_minutes::int4, unit_id
       from daily_attendance ${numbered(idList)}
       where employee_id = any(${idList}) and date between '${from}' and '${to}'`,
  );
  const reader = new CopyReader(data);
  const byPosition: (CopiedDay[] | undefined)[] = [];
  const unitMemos: (UuidMemo | undefined)[] = [];
  while (reader.nextRow(7)) {
    const position = reader.int32() - 1;
    const date = dates[reader.int32()];
    const code = reader.int32();
    const text = reader.textOrNull();
    const status = code > 0 ? DAILY_STATUSES[code - 1] : text;
    if (date === undefined || status === undefined || status === null || employeeIds[position] === undefined) throw new Error('unexpected day in the COPY stream');
    const day: CopiedDay = { date, status, lateMinutes: reader.int32(), earlyMinutes: reader.int32(), unitId: reader.uuidOrNull(unitMemos, position) };
    const list = byPosition[position];
    if (list) list.push(day);
    else byPosition[position] = [day];
  }
  const days = new Map<string, CopiedDay[]>();
  byPosition.forEach((list, position) => {
    const employeeId = employeeIds[position];
    if (!list || employeeId === undefined) return;
    // Stored order is usually date order already; the row reads returned days sorted.
    let isSorted = true;
    for (let index = 1; index < list.length && isSorted; index++) isSorted = (list[index - 1]?.date ?? '') < (list[index]?.date ?? '');
    if (!isSorted) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    days.set(employeeId, list);
  });
  return days;
}

/** Approved minutes per day and the last submission's WIB date, summed per employee and day by the server. */
async function copyActivities(channel: CopyChannel, employeeIds: readonly string[], idList: string, from: string, to: string) {
  const dates = listDates(from, to);
  const data = await channel.copyOut(
    `select e.n::int4, x.day, x.last_day, x.approved
       from (
         select employee_id, (work_date - '${from}'::date)::int4 as day,
           ((max(submitted_at) at time zone 'Asia/Jakarta')::date - '2000-01-01'::date)::int4 as last_day,
           coalesce(sum(approved_minutes) filter (where status = 'approved'), 0)::int4 as approved
         from activity_entries
         where employee_id = any(${idList}) and work_date between '${from}' and '${to}'
         group by employee_id, work_date
       ) x ${numbered(idList)}`,
  );
  const reader = new CopyReader(data);
  const minutesAt: (Map<number, number> | undefined)[] = [];
  const lastDayAt: (number | undefined)[] = [];
  while (reader.nextRow(4)) {
    const position = reader.int32() - 1;
    const day = reader.int32();
    const lastDay = reader.int32OrNull();
    const approved = reader.int32();
    if (employeeIds[position] === undefined || dates[day] === undefined) throw new Error('unexpected activity day in the COPY stream');
    let minutes = minutesAt[position];
    if (!minutes) minutesAt[position] = minutes = new Map();
    if (approved !== 0) minutes.set(day, approved);
    if (lastDay !== null && lastDay > (lastDayAt[position] ?? -Infinity)) lastDayAt[position] = lastDay;
  }
  const approvedMinutes = new Map<string, Map<string, number>>();
  const lastSubmissions = new Map<string, string>();
  employeeIds.forEach((employeeId, position) => {
    const minutes = minutesAt[position];
    // Dates in order, as the row reads listed them.
    if (minutes) approvedMinutes.set(employeeId, new Map([...minutes.keys()].sort((a, b) => a - b).map((day) => [dates[day] ?? '', minutes.get(day) ?? 0])));
    const lastDay = lastDayAt[position];
    if (lastDay !== undefined) lastSubmissions.set(employeeId, pgDateText(lastDay));
  });
  return { approvedMinutes, lastSubmissions };
}

/** Days, approved minutes and last submissions of these employees over [from, to], by two COPY statements on one connection. */
export async function copyTppDaysAndActivities(channel: CopyChannel, employeeIds: readonly string[], from: string, to: string): Promise<CopiedTppSources<CopiedDay>> {
  if (employeeIds.length === 0) return { days: new Map(), approvedMinutes: new Map(), lastSubmissions: new Map() };
  const idList = checkedIdList(employeeIds, from, to);
  const days = await copyDays(channel, employeeIds, idList, from, to);
  const { approvedMinutes, lastSubmissions } = await copyActivities(channel, employeeIds, idList, from, to);
  return { days, approvedMinutes, lastSubmissions };
}
