/**
 * NIP PNS and NI PPPK: both 18 digits, with facts about the person encoded in them.
 *
 * NIP PNS (Peraturan Kepala BKN 43/2007):
 *   YYYYMMDD birth date · YYYYMM TMT CPNS (first appointment, always the 1st of a month) ·
 *   1 digit sex (1 male, 2 female) · 3 digit sequence.
 * NI PPPK (BKN):
 *   YYYYMMDD birth date · YYYY first appointment year · 1 digit BKN uses to mark PPPK (where PNS
 *   numbers carry the TMT month) · 1 digit contract count · 1 digit sex · 3 digit sequence.
 *   The month rule of the NIP PNS does not apply to it (rules.md §1).
 */
export type JenisAsn = 'PNS' | 'PPPK';
export type Gender = 'L' | 'P';

export interface ParsedNip {
  isValid: true;
  nip: string;
  birthDate: string;
  gender: Gender;
  /** PNS: TMT CPNS as YYYY-MM; PPPK: the appointment year as YYYY. */
  appointment: string;
  /** PPPK only: how many work contracts (perjanjian kerja) the number was issued for. */
  contractCount: number | null;
  sequence: number;
}

export interface InvalidNip {
  isValid: false;
  errors: string[];
}

export type NipParseResult = ParsedNip | InvalidNip;

/** Candidates are not appointed before their 18th birthday (UU ASN age requirement). */
const MINIMUM_APPOINTMENT_AGE = 18;
const EARLIEST_BIRTH_YEAR = 1900;

const pad2 = (value: number) => String(value).padStart(2, '0');

export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Date.UTC rolls invalid days over (Feb 30 → Mar 2); a round trip exposes that.
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

const label = (jenisAsn: JenisAsn) => (jenisAsn === 'PNS' ? 'NIP' : 'NI PPPK');

/** Validates an NIP PNS or NI PPPK and derives birth date and gender, or lists every problem. */
export function parseNip(raw: string, jenisAsn: JenisAsn): NipParseResult {
  const nip = raw.trim();
  const name = label(jenisAsn);
  if (!/^[0-9]{18}$/.test(nip)) return { isValid: false, errors: [`${name} harus 18 digit angka`] };

  const digits = (from: number, to: number) => Number(nip.slice(from, to));
  const errors: string[] = [];
  const birthYear = digits(0, 4);
  const birthMonth = digits(4, 6);
  const birthDay = digits(6, 8);
  const isBirthValid = birthYear >= EARLIEST_BIRTH_YEAR && isCalendarDate(birthYear, birthMonth, birthDay);
  if (!isBirthValid) errors.push(`Tanggal lahir dalam ${name} tidak valid`);

  const appointmentYear = digits(8, 12);
  let appointment: string;
  let contractCount: number | null = null;
  if (jenisAsn === 'PNS') {
    const tmtMonth = digits(12, 14);
    appointment = `${appointmentYear}-${pad2(tmtMonth)}`;
    if (tmtMonth < 1 || tmtMonth > 12) {
      errors.push(`Bulan TMT CPNS dalam NIP harus 01–12${nip[12] === '2' ? ' (apakah ini NI PPPK?)' : ''}`);
    } else if (isBirthValid && appointmentYear * 12 + tmtMonth < (birthYear + MINIMUM_APPOINTMENT_AGE) * 12 + birthMonth) {
      // Month precision on purpose: the TMT carries no day, so a same-month 18th birthday passes.
      errors.push('TMT CPNS dalam NIP tidak mungkin sebelum usia 18 tahun');
    }
  } else {
    appointment = String(appointmentYear);
    contractCount = digits(13, 14);
    if (contractCount < 1) errors.push('Digit perjanjian kerja NI PPPK harus 1–9');
    if (isBirthValid && appointmentYear < birthYear + MINIMUM_APPOINTMENT_AGE) {
      errors.push('Tahun pengangkatan dalam NI PPPK tidak mungkin sebelum usia 18 tahun');
    }
  }

  const sexDigit = nip[14];
  if (sexDigit !== '1' && sexDigit !== '2') errors.push(`Digit jenis kelamin ${name} harus 1 atau 2`);
  const sequence = digits(15, 18);
  if (sequence === 0) errors.push(`Nomor urut ${name} tidak boleh 000`);

  if (errors.length > 0) return { isValid: false, errors };
  return {
    isValid: true,
    nip,
    birthDate: `${birthYear}-${pad2(birthMonth)}-${pad2(birthDay)}`,
    gender: sexDigit === '1' ? 'L' : 'P',
    appointment,
    contractCount,
    sequence,
  };
}
