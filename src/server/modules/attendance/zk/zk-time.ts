/**
 * Device time encoding (devices.md §2): seconds in a calendar where every month has 31 days,
 * counted from 2000-01-01 00:00:00 of the device's own wall clock:
 * `((Y % 100) * 12 * 31 + (M - 1) * 31 + D - 1) * 86400 + h * 3600 + m * 60 + s`.
 * Decoding is pure integer arithmetic into a 'YYYY-MM-DD HH:MM:SS' string: no JS Date is built,
 * so the machine's time zone can never shift a punch.
 */
const pad = (value: number, width = 2) => String(value).padStart(width, '0');

export function decodeZkTime(encoded: number): string {
  let rest = encoded >>> 0;
  const second = rest % 60;
  rest = Math.floor(rest / 60);
  const minute = rest % 60;
  rest = Math.floor(rest / 60);
  const hour = rest % 24;
  rest = Math.floor(rest / 24);
  const day = (rest % 31) + 1;
  rest = Math.floor(rest / 31);
  const month = (rest % 12) + 1;
  const year = Math.floor(rest / 12) + 2000;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

const LOCAL_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** Encodes a wall-clock 'YYYY-MM-DD HH:MM:SS' (years 2000–2099, as the devices store them). */
export function encodeZkTime(localTime: string): number {
  const match = LOCAL_TIME_PATTERN.exec(localTime);
  if (!match) throw new RangeError(`Waktu tidak valid: ${localTime}`);
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  if (year < 2000 || year > 2099) throw new RangeError(`Tahun di luar jangkauan mesin: ${localTime}`);
  return ((year % 100) * 12 * 31 + (month - 1) * 31 + day - 1) * 86_400 + hour * 3600 + minute * 60 + second;
}
