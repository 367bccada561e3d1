import type { JenisAsn } from './nip';

export interface Golongan {
  code: string;
  jenisAsn: JenisAsn;
  /** Pangkat name (PNS only); PPPK golongan carry no pangkat. */
  pangkat: string | null;
}

/** Golongan/ruang and pangkat of PNS (PP 99/2000), lowest first. */
const pnsPangkat: readonly (readonly [code: string, pangkat: string])[] = [
  ['I/a', 'Juru Muda'],
  ['I/b', 'Juru Muda Tk. I'],
  ['I/c', 'Juru'],
  ['I/d', 'Juru Tk. I'],
  ['II/a', 'Pengatur Muda'],
  ['II/b', 'Pengatur Muda Tk. I'],
  ['II/c', 'Pengatur'],
  ['II/d', 'Pengatur Tk. I'],
  ['III/a', 'Penata Muda'],
  ['III/b', 'Penata Muda Tk. I'],
  ['III/c', 'Penata'],
  ['III/d', 'Penata Tk. I'],
  ['IV/a', 'Pembina'],
  ['IV/b', 'Pembina Tk. I'],
  ['IV/c', 'Pembina Utama Muda'],
  ['IV/d', 'Pembina Utama Madya'],
  ['IV/e', 'Pembina Utama'],
];
const pnsGolongan: readonly Golongan[] = pnsPangkat.map(([code, pangkat]) => ({ code, jenisAsn: 'PNS', pangkat }));

const romanNumerals = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII'];

/** PPPK golongan I–XVII (Perpres 98/2020). */
const pppkGolongan: readonly Golongan[] = romanNumerals.map((code) => ({ code, jenisAsn: 'PPPK', pangkat: null }));

export const golonganTable: readonly Golongan[] = [...pnsGolongan, ...pppkGolongan];

const byKey = new Map(golonganTable.map((entry) => [`${entry.jenisAsn}:${entry.code}`, entry]));

export const isValidGolongan = (jenisAsn: JenisAsn, code: string): boolean => byKey.has(`${jenisAsn}:${code}`);

/** The pangkat of a PNS golongan; null for PPPK, unknown codes and missing golongan. */
export function pangkatOf(jenisAsn: JenisAsn, code: string | null | undefined): string | null {
  if (!code) return null;
  return byKey.get(`${jenisAsn}:${code}`)?.pangkat ?? null;
}

/**
 * Canonical spelling of a golongan as typed in spreadsheets ("iii/A", "III-a", "IIIa", " xvii "),
 * or null when it is not a golongan of that jenis ASN.
 */
export function normalizeGolongan(jenisAsn: JenisAsn, raw: string): string | null {
  const compact = raw.trim().replace(/\s+/g, '');
  let candidate: string;
  if (jenisAsn === 'PNS') {
    const match = /^(IV|III|II|I)[/-]?([A-Ea-e])$/i.exec(compact);
    if (!match?.[1] || !match[2]) return null;
    candidate = `${match[1].toUpperCase()}/${match[2].toLowerCase()}`;
  } else {
    candidate = compact.toUpperCase();
  }
  return isValidGolongan(jenisAsn, candidate) ? candidate : null;
}
