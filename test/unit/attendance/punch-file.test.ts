import { describe, expect, it } from 'vitest';
import { describeMissingColumns, isPunchFileError, mapPunchColumns, readLocalTime, readPunchRow } from '../../../src/domain/attendance/punch-file';

describe('vendor export columns', () => {
  it('maps ZKTime, Indonesian and combined headers', () => {
    expect(mapPunchColumns(['No.', 'AC-No.', 'Name', 'Time', 'State'])).toMatchObject({ pin: 1, dateTime: 3, status: 4 });
    expect(mapPunchColumns(['PIN', 'Tanggal', 'Jam', 'Verifikasi', 'SN'])).toMatchObject({ pin: 0, date: 1, time: 2, verify: 3, serial: 4 });
    expect(mapPunchColumns(['User ID', 'Date/Time', 'Status', 'Verify'])).toMatchObject({ pin: 0, dateTime: 1, status: 2, verify: 3 });
  });
  it('names what is missing', () => {
    expect(describeMissingColumns(mapPunchColumns(['Nama', 'Tanggal']), false)).toHaveLength(3);
    expect(describeMissingColumns(mapPunchColumns(['PIN', 'Date/Time']), true)).toEqual([]);
  });
});

describe('vendor export values', () => {
  it.each([
    ['2026-10-10 08:01:22', null, null, '2026-10-10 08:01:22'],
    ['10/10/2026 8.01', null, null, '2026-10-10 08:01:00'],
    [null, '2026/10/10', '16:05', '2026-10-10 16:05:00'],
    [null, '31-12-2026', '07:00:09', '2026-12-31 07:00:09'],
    ['31/02/2026 08:00', null, null, null],
    ['kemarin pagi', null, null, null],
  ])('%s | %s %s → %s', (dateTime, date, time, expected) => {
    expect(readLocalTime(dateTime, date, time)).toBe(expected);
  });

  it('reads a row or reports its problem', () => {
    const map = mapPunchColumns(['PIN', 'Date/Time', 'Status']);
    const good = readPunchRow(['1001', '2026-10-10 08:01:22', '0'], 2, map, 'SN1');
    expect(isPunchFileError(good) ? null : good.record).toMatchObject({ pin: '1001', localTime: '2026-10-10 08:01:22', statusCode: 0 });
    expect(readPunchRow(['', '2026-10-10 08:01:22', '0'], 3, map, 'SN1')).toMatchObject({ row: 3, column: 'PIN' });
    expect(readPunchRow(['1001', 'x', '0'], 4, map, 'SN1')).toMatchObject({ row: 4, column: 'Waktu' });
  });
});
