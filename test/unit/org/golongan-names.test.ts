import { describe, expect, it } from 'vitest';
import { golonganTable, isValidGolongan, normalizeGolongan, pangkatOf } from '../../../src/domain/org/golongan';
import { formatFullName } from '../../../src/domain/org/names';

describe('golongan and pangkat', () => {
  it('has 17 PNS golongan from I/a to IV/e and 17 PPPK golongan I–XVII', () => {
    const pns = golonganTable.filter((entry) => entry.jenisAsn === 'PNS');
    const pppk = golonganTable.filter((entry) => entry.jenisAsn === 'PPPK');
    expect(pns).toHaveLength(17);
    expect(pns[0]?.code).toBe('I/a');
    expect(pns.at(-1)?.code).toBe('IV/e');
    expect(pppk.map((entry) => entry.code)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII']);
    expect(pppk.every((entry) => entry.pangkat === null)).toBe(true);
  });

  it.each([
    ['I/a', 'Juru Muda'],
    ['I/b', 'Juru Muda Tk. I'],
    ['II/d', 'Pengatur Tk. I'],
    ['III/a', 'Penata Muda'],
    ['III/d', 'Penata Tk. I'],
    ['IV/a', 'Pembina'],
    ['IV/c', 'Pembina Utama Muda'],
    ['IV/d', 'Pembina Utama Madya'],
    ['IV/e', 'Pembina Utama'],
  ])('pangkat of PNS %s is %s', (code, pangkat) => {
    expect(pangkatOf('PNS', code)).toBe(pangkat);
  });

  it('gives no pangkat to PPPK, unknown or missing golongan', () => {
    expect(pangkatOf('PPPK', 'IX')).toBeNull();
    expect(pangkatOf('PNS', 'IV/f')).toBeNull();
    expect(pangkatOf('PNS', null)).toBeNull();
  });

  it.each([
    ['PNS', 'III/b', true],
    ['PNS', 'I/e', false],
    ['PNS', 'IX', false],
    ['PPPK', 'IX', true],
    ['PPPK', 'XVIII', false],
    ['PPPK', 'III/b', false],
  ] as const)('%s %s valid: %s', (jenisAsn, code, expected) => {
    expect(isValidGolongan(jenisAsn, code)).toBe(expected);
  });

  it.each([
    ['PNS', 'iii/A', 'III/a'],
    ['PNS', ' IV-e ', 'IV/e'],
    ['PNS', 'IIb', 'II/b'],
    ['PNS', 'II/e', null],
    ['PNS', 'V/a', null],
    ['PPPK', ' xvii', 'XVII'],
    ['PPPK', 'xviii', null],
  ] as const)('normalises %s "%s" to %s', (jenisAsn, raw, expected) => {
    expect(normalizeGolongan(jenisAsn, raw)).toBe(expected);
  });
});

describe('formatFullName', () => {
  it.each([
    [{ gelarDepan: 'Dr.', name: 'Siti Aminah', gelarBelakang: 'S.E., M.M.' }, 'Dr. Siti Aminah, S.E., M.M.'],
    [{ gelarDepan: null, name: 'Budi Santoso', gelarBelakang: 'S.Kom.' }, 'Budi Santoso, S.Kom.'],
    [{ gelarDepan: 'Ir.', name: 'Joko', gelarBelakang: null }, 'Ir. Joko'],
    [{ gelarDepan: '  ', name: ' Ani ', gelarBelakang: '' }, 'Ani'],
    [{ gelarDepan: undefined, name: 'Wati', gelarBelakang: undefined }, 'Wati'],
  ])('formats %o as "%s"', (input, expected) => {
    expect(formatFullName(input)).toBe(expected);
  });
});
