/**
 * Columns and values of attendance logs exported by vendor software (ZKTime, Attendance
 * Management, Fingerspot, eSSL): names vary by vendor and language, so headers are matched
 * loosely. Pure: cells in, records and per-row errors out.
 */
import { isValidPin, readCodeField, type PunchRecord } from './punch-record';
import { parseLocalTime } from './punch-time';

export type PunchColumn = 'pin' | 'dateTime' | 'date' | 'time' | 'status' | 'verify' | 'workCode' | 'serial';

/** Header spellings (lower case, letters and digits only), most specific first. */
const COLUMN_NAMES: Record<PunchColumn, string[]> = {
  pin: ['pin', 'userid', 'acno', 'enrollnumber', 'enrollno', 'noid', 'idpengguna', 'idpegawai', 'badgenumber', 'no'],
  dateTime: ['datetime', 'tanggaljam', 'waktu', 'checktime', 'scantime', 'timestamp'],
  date: ['date', 'tanggal', 'tgl'],
  time: ['time', 'jam'],
  status: ['status', 'state', 'inout'],
  verify: ['verify', 'verifycode', 'verifikasi', 'verifytype', 'verifymode'],
  workCode: ['workcode', 'kodekerja'],
  serial: ['sn', 'serial', 'serialnumber', 'nomorseri', 'snmesin', 'deviceserial', 'deviceserialnumber'],
};

const normalise = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

export type ColumnMap = Partial<Record<PunchColumn, number>>;

/** Which column holds what; a plain `Time` column holds date and time when there is no date column. */
export function mapPunchColumns(header: string[]): ColumnMap {
  const names = header.map(normalise);
  const map: ColumnMap = {};
  for (const column of Object.keys(COLUMN_NAMES) as PunchColumn[]) {
    for (const candidate of COLUMN_NAMES[column]) {
      const index = names.indexOf(candidate);
      if (index >= 0 && !Object.values(map).includes(index)) {
        map[column] = index;
        break;
      }
    }
  }
  if (map.dateTime === undefined && map.date === undefined && map.time !== undefined) {
    map.dateTime = map.time;
    delete map.time;
  }
  return map;
}

/** What the header lacks, as Indonesian messages (empty = usable). */
export function describeMissingColumns(map: ColumnMap, hasSerialArgument: boolean): string[] {
  const missing: string[] = [];
  if (map.pin === undefined) missing.push('kolom PIN (PIN / User ID / AC-No.)');
  if (map.dateTime === undefined && (map.date === undefined || map.time === undefined)) missing.push('kolom waktu (Date/Time, atau Tanggal dan Jam)');
  if (map.serial === undefined && !hasSerialArgument) missing.push('kolom nomor seri mesin (SN), atau sebutkan nomor seri saat mengimpor');
  return missing;
}

const pad = (value: string) => value.padStart(2, '0');

/** '2026-10-10', '2026/10/10', '10/10/2026', '10-10-2026' → YYYY-MM-DD (day first, as in Indonesia). */
function readDate(text: string): string | null {
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (iso) return `${iso[1]}-${pad(iso[2] ?? '')}-${pad(iso[3] ?? '')}`;
  const dayFirst = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (dayFirst) return `${dayFirst[3]}-${pad(dayFirst[2] ?? '')}-${pad(dayFirst[1] ?? '')}`;
  return null;
}

/** '08:01', '8.01', '08:01:22' → HH:MM:SS. */
function readTime(text: string): string | null {
  const match = /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/.exec(text);
  if (!match) return null;
  return `${pad(match[1] ?? '')}:${match[2]}:${match[3] ?? '00'}`;
}

/** A device wall-clock time from one combined cell or a date cell and a time cell. */
export function readLocalTime(dateTime: string | null, date: string | null, time: string | null): string | null {
  let candidate: string | null = null;
  if (dateTime !== null) {
    const [datePart = '', timePart = ''] = dateTime.trim().replace('T', ' ').split(/\s+/);
    const day = readDate(datePart);
    const clock = readTime(timePart);
    candidate = day && clock ? `${day} ${clock}` : null;
  } else if (date !== null && time !== null) {
    const day = readDate(date.trim());
    const clock = readTime(time.trim());
    candidate = day && clock ? `${day} ${clock}` : null;
  }
  return candidate && parseLocalTime(candidate) ? candidate : null;
}

export interface PunchFileRow {
  rowNumber: number;
  serialNumber: string;
  record: PunchRecord;
}

export interface PunchFileError {
  row: number;
  column: string | null;
  message: string;
}

/** One spreadsheet row → a record for a device serial, or the reason it cannot be one. */
export function readPunchRow(cells: string[], rowNumber: number, map: ColumnMap, defaultSerial: string | null): PunchFileRow | PunchFileError {
  const cell = (column: PunchColumn) => (map[column] === undefined ? null : (cells[map[column]] ?? '').trim());
  const pin = cell('pin') ?? '';
  if (!isValidPin(pin)) return { row: rowNumber, column: 'PIN', message: pin === '' ? 'PIN kosong' : `PIN tidak valid: "${pin}"` };
  const localTime = readLocalTime(cell('dateTime'), cell('date'), cell('time'));
  if (!localTime) return { row: rowNumber, column: 'Waktu', message: 'Tanggal/jam tidak dapat dibaca (contoh: 2026-10-10 08:01:22 atau 10/10/2026 08:01)' };
  const serialNumber = cell('serial') || defaultSerial;
  if (!serialNumber) return { row: rowNumber, column: 'SN', message: 'Nomor seri mesin kosong' };
  const workCode = cell('workCode');
  return {
    rowNumber,
    serialNumber,
    record: {
      pin,
      localTime,
      statusCode: readCodeField(cell('status') ?? undefined),
      verifyCode: readCodeField(cell('verify') ?? undefined),
      workCode: workCode ? workCode : null,
      rawFields: cells,
    },
  };
}

export const isPunchFileError = (value: PunchFileRow | PunchFileError): value is PunchFileError => 'message' in value;
