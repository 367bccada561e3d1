import { DAILY_STATUSES } from '../../../../contracts/attendance-daily';
import { dateOfInstant, listDates } from '../../../../domain/attendance/calendar-zone';
import { firstRowOffset, PG_EPOCH_MS, readInt64, uuidBytes } from '../../../db/binary-copy';
import type { CopyChannel } from '../../../db/copy-channel';

/**
 * The two large reads of a TPP run — the month's daily attendance and the approved minutes per day —
 * by binary COPY: the server only scans the batch's rows and sends fixed-width fields; no grouping,
 * join or sort on its side, no aggregated text or array literals to parse here (the activities are
 * summed per employee and day into a typed array). Same result as the row reads of loadRawSources
 * (bench, ADR 0013).
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
/**
 * Statuses travel as their position in this list (a text only for one not in it): one string per
 * status for the whole read instead of one per day.
 */
const STATUS_LIST = (() => {
  for (const status of DAILY_STATUSES) if (!/^[a-z_]+$/.test(status)) throw new Error(`unexpected status ${status}`);
  return `'{${DAILY_STATUSES.join(',')}}'::text[]`;
})();

/**
 * COPY takes no bind parameters: the values are written into the statement. The ids were checked
 * as uuids when the batch's EmployeeIndex was built; the dates are checked here.
 */
function idListLiteral(employees: EmployeeIndex, employeeIds: readonly string[], from: string, to: string): string {
  if (employees.size !== employeeIds.length) throw new Error('the id list is not the indexed batch');
  if (!DATE_TEXT.test(from) || !DATE_TEXT.test(to)) throw new Error(`not a date range: ${from}…${to}`);
  return `'{${employeeIds.join(',')}}'::uuid[]`;
}

/** A uuid read before, as text, and its four 32-bit words. */
interface UuidMemo {
  text: string;
  words: [number, number, number, number];
}

/**
 * The batch's employees by their uuid's 32-bit words: a row's employee is found by its first word
 * (random in a v4 uuid) and checked against all four, with no string made per row.
 */
class EmployeeIndex {
  private readonly words: Int32Array;
  private readonly byFirstWord = new Map<number, number[]>();
  readonly size: number;

  /** Throws on an id that is not a uuid. */
  constructor(employeeIds: readonly string[]) {
    this.size = employeeIds.length;
    this.words = new Int32Array(employeeIds.length * 4);
    employeeIds.forEach((id, position) => {
      const bytes = uuidBytes(id);
      for (let word = 0; word < 4; word++) this.words[position * 4 + word] = bytes.readInt32BE(word * 4);
      const first = this.words[position * 4] ?? 0;
      const list = this.byFirstWord.get(first);
      if (list) list.push(position);
      else this.byFirstWord.set(first, [position]);
    });
  }

  /** The position of the uuid whose words these are, -1 if none. */
  find(w0: number, w1: number, w2: number, w3: number): number {
    for (const position of this.byFirstWord.get(w0) ?? []) {
      const at = position * 4;
      if (this.words[at + 1] === w1 && this.words[at + 2] === w2 && this.words[at + 3] === w3) return position;
    }
    return -1;
  }
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

  /** A timestamp as microseconds since PostgreSQL's epoch. */
  int64OrNull(): number | null {
    if (this.length(8) === -1) return null;
    const value = readInt64(this.view, this.offset);
    this.offset += 8;
    return value;
  }

  /** A uuid naming one of the batch's employees, as its position in the batch. */
  position(index: EmployeeIndex): number {
    if (this.length(16) === -1) throw new Error('unexpected null in the COPY stream');
    const at = this.offset;
    this.offset += 16;
    const position = index.find(this.view.getInt32(at), this.view.getInt32(at + 4), this.view.getInt32(at + 8), this.view.getInt32(at + 12));
    if (position < 0) throw new Error('unexpected employee in the COPY stream');
    return position;
  }

  /**
   * A uuid as text; `memo` holds the one read before in the same place (an employee's unit is
   * the same on nearly every day), whose text is reused when the words are equal.
   */
  uuidOrNull(memos: (UuidMemo | undefined)[], slot: number): string | null {
    if (this.length(16) === -1) return null;
    const at = this.offset;
    this.offset += 16;
    const w0 = this.view.getInt32(at);
    const w1 = this.view.getInt32(at + 4);
    const w2 = this.view.getInt32(at + 8);
    const w3 = this.view.getInt32(at + 12);
    const memo = memos[slot];
    if (memo && memo.words[0] === w0 && memo.words[1] === w1 && memo.words[2] === w2 && memo.words[3] === w3) return memo.text;
    const hex = this.data.toString('hex', at, at + 16);
    const text = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    memos[slot] = { text, words: [w0, w1, w2, w3] };
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

/** The month's stored days of these employees, per employee in date order. */
async function copyDays(channel: CopyChannel, employees: EmployeeIndex, employeeIds: readonly string[], idList: string, from: string, to: string): Promise<Map<string, CopiedDay[]>> {
  const dates = listDates(from, to);
  // Rows name their employee by uuid, matched here: a join to a numbered id list cost the server
  // a hash of the batch's days (a third of the read).
  const data = await channel.copyOut(
    `select employee_id, (date - '${from}'::date)::int4, coalesce(array_position(${STATUS_LIST}, status), 0)::int4,
         case when array_position(${STATUS_LIST}, status) is null then status end, late_minutes::int4, early_minutes::int4, unit_id
       from daily_attendance
       where employee_id = any(${idList}) and date between '${from}' and '${to}'`,
  );
  const reader = new CopyReader(data);
  const byPosition: (CopiedDay[] | undefined)[] = [];
  const unitMemos: (UuidMemo | undefined)[] = [];
  while (reader.nextRow(7)) {
    const position = reader.position(employees);
    const date = dates[reader.int32()];
    const code = reader.int32();
    const text = reader.textOrNull();
    const status = code > 0 ? DAILY_STATUSES[code - 1] : text;
    if (date === undefined || status === undefined || status === null) throw new Error('unexpected day in the COPY stream');
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

/**
 * Approved minutes per day and the last submission's WIB date. The entries travel as they are
 * stored (employee, day, approved minutes, submission time) and are summed here into one array per
 * batch: grouping them by employee and day cost the server more than sending them.
 */
async function copyActivities(channel: CopyChannel, employees: EmployeeIndex, employeeIds: readonly string[], idList: string, from: string, to: string, regionZone: string) {
  const dates = listDates(from, to);
  const data = await channel.copyOut(
    `select employee_id, (work_date - '${from}'::date)::int4,
         case when status = 'approved' then coalesce(approved_minutes, 0) else 0 end::int4, submitted_at
       from activity_entries
       where employee_id = any(${idList}) and work_date between '${from}' and '${to}'`,
  );
  const reader = new CopyReader(data);
  const dayCount = dates.length;
  const minutes = new Int32Array(employeeIds.length * dayCount);
  const hasEntry = new Uint8Array(employeeIds.length);
  const lastSubmitted = new Float64Array(employeeIds.length).fill(-Infinity);
  while (reader.nextRow(4)) {
    const position = reader.position(employees);
    const day = reader.int32();
    const approved = reader.int32();
    const submitted = reader.int64OrNull();
    if (day < 0 || day >= dayCount) throw new Error('unexpected activity day in the COPY stream');
    hasEntry[position] = 1;
    const cell = position * dayCount + day;
    minutes[cell] = (minutes[cell] ?? 0) + approved;
    if (submitted !== null && submitted > (lastSubmitted[position] ?? -Infinity)) lastSubmitted[position] = submitted;
  }
  const approvedMinutes = new Map<string, Map<string, number>>();
  const lastSubmissions = new Map<string, string>();
  employeeIds.forEach((employeeId, position) => {
    if (hasEntry[position] === 0) return;
    // Dates in order, days without approved minutes left out, as the row reads listed them.
    const perDay = new Map<string, number>();
    for (let day = 0; day < dayCount; day++) {
      const value = minutes[position * dayCount + day] ?? 0;
      if (value !== 0) perDay.set(dates[day] ?? '', value);
    }
    approvedMinutes.set(employeeId, perDay);
    const submitted = lastSubmitted[position] ?? -Infinity;
    if (submitted !== -Infinity) lastSubmissions.set(employeeId, dateOfInstant(new Date(PG_EPOCH_MS + Math.floor(submitted / 1000)), regionZone));
  });
  return { approvedMinutes, lastSubmissions };
}

/**
 * Days, approved minutes and last submissions of these employees over [from, to], by two COPY
 * statements on one connection. A last submission is dated in the region's zone (the report's day).
 */
export async function copyTppDaysAndActivities(channel: CopyChannel, employeeIds: readonly string[], from: string, to: string, regionZone: string): Promise<CopiedTppSources<CopiedDay>> {
  if (employeeIds.length === 0) return { days: new Map(), approvedMinutes: new Map(), lastSubmissions: new Map() };
  const employees = new EmployeeIndex(employeeIds);
  const idList = idListLiteral(employees, employeeIds, from, to);
  const days = await copyDays(channel, employees, employeeIds, idList, from, to);
  const { approvedMinutes, lastSubmissions } = await copyActivities(channel, employees, employeeIds, idList, from, to, regionZone);
  return { days, approvedMinutes, lastSubmissions };
}
