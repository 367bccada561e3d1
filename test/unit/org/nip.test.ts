import { describe, expect, it } from 'vitest';
import { isCalendarDate, parseNip } from '../../../src/domain/org/nip';

describe('parseNip — NIP PNS', () => {
  it.each([
    { nip: '198609262015051001', birthDate: '1986-09-26', gender: 'L', appointment: '2015-05', sequence: 1 },
    { nip: '199202292019032001', birthDate: '1992-02-29', gender: 'P', appointment: '2019-03', sequence: 1 },
    { nip: '200002292020122002', birthDate: '2000-02-29', gender: 'P', appointment: '2020-12', sequence: 2 },
    { nip: '197001011995121999', birthDate: '1970-01-01', gender: 'L', appointment: '1995-12', sequence: 999 },
    // The 18th birthday falls in the TMT month: allowed, the TMT carries no day.
    { nip: '198609262004091001', birthDate: '1986-09-26', gender: 'L', appointment: '2004-09', sequence: 1 },
  ])('accepts $nip and derives birth date and gender', ({ nip, ...expected }) => {
    expect(parseNip(nip, 'PNS')).toEqual({ isValid: true, nip, contractCount: null, ...expected });
  });

  it('trims surrounding spaces before validating', () => {
    expect(parseNip(' 198609262015051001 ', 'PNS')).toMatchObject({ isValid: true, nip: '198609262015051001' });
  });

  it.each([
    { nip: '19860926201505100', error: 'NIP harus 18 digit angka' },
    { nip: '1986092620150510011', error: 'NIP harus 18 digit angka' },
    { nip: '19860926201505100A', error: 'NIP harus 18 digit angka' },
    { nip: '1986-09-26-2015-05', error: 'NIP harus 18 digit angka' },
    { nip: '', error: 'NIP harus 18 digit angka' },
    { nip: '198609312015051001', error: 'Tanggal lahir dalam NIP tidak valid' },
    { nip: '198602292015051001', error: 'Tanggal lahir dalam NIP tidak valid' },
    { nip: '190002291990011001', error: 'Tanggal lahir dalam NIP tidak valid' },
    { nip: '198600262015051001', error: 'Tanggal lahir dalam NIP tidak valid' },
    { nip: '189912312015051001', error: 'Tanggal lahir dalam NIP tidak valid' },
    { nip: '198609262015131001', error: 'Bulan TMT CPNS dalam NIP harus 01–12' },
    { nip: '198609262015001001', error: 'Bulan TMT CPNS dalam NIP harus 01–12' },
    { nip: '198609262015053001', error: 'Digit jenis kelamin NIP harus 1 atau 2' },
    { nip: '198609262015050001', error: 'Digit jenis kelamin NIP harus 1 atau 2' },
    { nip: '198609262015051000', error: 'Nomor urut NIP tidak boleh 000' },
    { nip: '198609262004081001', error: 'TMT CPNS dalam NIP tidak mungkin sebelum usia 18 tahun' },
    { nip: '198609261980011001', error: 'TMT CPNS dalam NIP tidak mungkin sebelum usia 18 tahun' },
  ])('rejects $nip: $error', ({ nip, error }) => {
    expect(parseNip(nip, 'PNS')).toEqual({ isValid: false, errors: [error] });
  });

  it('lists every problem at once', () => {
    const result = parseNip('198613402015133000', 'PNS');
    expect(result).toEqual({
      isValid: false,
      errors: [
        'Tanggal lahir dalam NIP tidak valid',
        'Bulan TMT CPNS dalam NIP harus 01–12',
        'Digit jenis kelamin NIP harus 1 atau 2',
        'Nomor urut NIP tidak boleh 000',
      ],
    });
  });

  it('hints at NI PPPK when a PPPK number is entered as PNS', () => {
    const result = parseNip('198507032021211001', 'PNS');
    expect(result.isValid).toBe(false);
    expect(!result.isValid && result.errors[0]).toContain('apakah ini NI PPPK?');
  });
});

describe('parseNip — NI PPPK', () => {
  it.each([
    { nip: '198507032021211001', birthDate: '1985-07-03', gender: 'L', appointment: '2021', contractCount: 1, sequence: 1 },
    { nip: '199208172022212004', birthDate: '1992-08-17', gender: 'P', appointment: '2022', contractCount: 1, sequence: 4 },
    { nip: '200002292024221017', birthDate: '2000-02-29', gender: 'L', appointment: '2024', contractCount: 2, sequence: 17 },
    // Digits 13–14 are not a month for PPPK: "29" would fail the PNS rule but is fine here.
    { nip: '199001012023291001', birthDate: '1990-01-01', gender: 'L', appointment: '2023', contractCount: 9, sequence: 1 },
  ])('accepts $nip without the PNS month rule', ({ nip, ...expected }) => {
    expect(parseNip(nip, 'PPPK')).toEqual({ isValid: true, nip, ...expected });
  });

  it.each([
    { nip: '19850703202121100', error: 'NI PPPK harus 18 digit angka' },
    { nip: '198502292021211001', error: 'Tanggal lahir dalam NI PPPK tidak valid' },
    { nip: '198513032021211001', error: 'Tanggal lahir dalam NI PPPK tidak valid' },
    { nip: '198507032021201001', error: 'Digit perjanjian kerja NI PPPK harus 1–9' },
    { nip: '198507032000211001', error: 'Tahun pengangkatan dalam NI PPPK tidak mungkin sebelum usia 18 tahun' },
    { nip: '198507032021213001', error: 'Digit jenis kelamin NI PPPK harus 1 atau 2' },
    { nip: '198507032021211000', error: 'Nomor urut NI PPPK tidak boleh 000' },
  ])('rejects $nip: $error', ({ nip, error }) => {
    expect(parseNip(nip, 'PPPK')).toEqual({ isValid: false, errors: [error] });
  });
});

describe('isCalendarDate', () => {
  it.each([
    [2024, 2, 29, true],
    [2023, 2, 29, false],
    [2000, 2, 29, true],
    [1900, 2, 29, false],
    [2026, 4, 31, false],
    [2026, 12, 31, true],
    [2026, 0, 10, false],
    [2026, 1, 0, false],
  ])('%i-%i-%i → %s', (year, month, day, expected) => {
    expect(isCalendarDate(year, month, day)).toBe(expected);
  });
});
