import { parseNip } from '../../../domain/org/nip';
import { FEMALE_FIRST_NAMES, FEMALE_SECOND_NAMES, MALE_FIRST_NAMES, MALE_SECOND_NAMES } from './demo-names';
import { JOBS, type JenisJabatan, type JobKey, type SchoolLevel, type StudyField } from './demo-jobs';
import type { DemoPerson } from './demo-people';
import { chooseTitles } from './demo-titles';
import type { SeededRandom } from './seeded-random';

/** Ages and service are reckoned against this year, not the clock, so the regency never changes. */
const REFERENCE_YEAR = 2025;
/** Batas usia pensiun (UU ASN 20/2023): 58 for most, 60 for JPT and senior functional posts. */
const RETIREMENT_AGE = { regular: 58, senior: 60 } as const;
/** Promotion to the next golongan ruang every four years on average (kenaikan pangkat reguler). */
const YEARS_PER_GRADE = 4;

const PNS_GOLONGAN = ['I/a', 'I/b', 'I/c', 'I/d', 'II/a', 'II/b', 'II/c', 'II/d', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b', 'IV/c', 'IV/d', 'IV/e'] as const;
const ENTRY_GRADE: Record<SchoolLevel, number> = { sma: 4, diploma: 6, sarjana: 8 };
const ENTRY_AGE: Record<SchoolLevel, readonly [number, number]> = { sma: [19, 25], diploma: [21, 27], sarjana: [23, 31] };
/** Usual TMT CPNS months: most formations start in January, March or December. */
const TMT_MONTHS = [1, 1, 1, 2, 3, 3, 4, 6, 12, 12] as const;

export interface Identity extends DemoPerson {
  jenisAsn: 'PNS' | 'PPPK';
}

export interface PostProfile {
  jenis: JenisJabatan;
  kelas: number;
  field: StudyField;
  level: SchoolLevel;
  job?: JobKey;
  isPppk: boolean;
}

/** Golongan range [lowest, highest] (indexes into PNS_GOLONGAN) plausible for a post. */
function gradeRange(jenis: JenisJabatan, kelas: number): [number, number] {
  switch (jenis) {
    case 'jpt_utama':
    case 'jpt_madya':
    case 'jpt_pratama':
      return kelas >= 15 ? [14, 15] : [13, 14];
    case 'administrator':
      return kelas >= 12 ? [12, 13] : [11, 12];
    case 'pengawas':
      return [9, 11];
    case 'fungsional_keahlian':
      return kelas >= 11 ? [12, 14] : kelas >= 9 ? [10, 11] : [8, 9];
    case 'fungsional_keterampilan':
      return kelas >= 7 ? [8, 9] : [6, 7];
    case 'pelaksana':
      return kelas >= 7 ? [8, 10] : kelas === 6 ? [6, 8] : [4, 6];
  }
}

/** PPPK golongan by post and schooling (Perpres 98/2020): V for SMA, VII for diploma, IX for a degree, X–XI for ahli muda–madya. */
function pppkGolongan(profile: PostProfile): string {
  if (profile.jenis === 'fungsional_keahlian') return profile.kelas >= 11 ? 'XI' : profile.kelas >= 9 ? 'X' : 'IX';
  return { sma: 'V', diploma: 'VII', sarjana: 'IX' }[profile.level];
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function chooseGender(random: SeededRandom, profile: PostProfile): 'L' | 'P' {
  const femaleShare: Partial<Record<StudyField, number>> = { bidan: 1, perawat: 0.7, pendidikan: 0.65, kesmas: 0.6, farmasi: 0.7 };
  let share = femaleShare[profile.field] ?? 0.45;
  if (profile.job === 'polPpTerampil' || profile.job === 'polPpMahir' || profile.job === 'damkarTerampil') share = 0.1;
  return random.isChance(share) ? 'P' : 'L';
}

function chooseName(random: SeededRandom, gender: 'L' | 'P'): string {
  const firsts = gender === 'L' ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES;
  const seconds = gender === 'L' ? MALE_SECOND_NAMES : FEMALE_SECOND_NAMES;
  const roll = random.next();
  if (roll < 0.07) return random.pick(firsts);
  const first = random.pick(firsts);
  let second = random.pick(seconds);
  while (second === first) second = random.pick(seconds);
  if (roll < 0.8) return `${first} ${second}`;
  let middle = random.pick(firsts);
  while (middle === first) middle = random.pick(firsts);
  return `${first} ${middle} ${second}`;
}

/**
 * Creates a civil servant for a post: golongan fitting the post, a birth date and TMT consistent
 * with it (appointed at 19 or later, not past retirement age), and a valid, unused NIP / NI PPPK.
 */
export function createIdentity(random: SeededRandom, profile: PostProfile, usedNips: Set<string>): Identity {
  const gender = chooseGender(random, profile);
  const [entryMin, entryMax] = ENTRY_AGE[profile.level];
  const entryAge = random.int(entryMin, entryMax);
  const isSenior = profile.jenis.startsWith('jpt') || profile.kelas >= 11;
  // Nobody within a year of retirement: the demo should stay valid for a while.
  const earliestBirthYear = REFERENCE_YEAR + 2 - (isSenior ? RETIREMENT_AGE.senior : RETIREMENT_AGE.regular);

  let golongan: string;
  let appointmentYear: number;
  if (profile.isPppk) {
    golongan = pppkGolongan(profile);
    appointmentYear = random.pick([2022, 2023, 2024, 2024, 2025]);
  } else {
    const [low, high] = gradeRange(profile.jenis, profile.kelas);
    const grade = Math.max(random.int(low, high), ENTRY_GRADE[profile.level]);
    golongan = PNS_GOLONGAN[grade] ?? 'III/a';
    const serviceYears = Math.max(1, (grade - ENTRY_GRADE[profile.level]) * YEARS_PER_GRADE + random.int(0, 3));
    appointmentYear = Math.min(REFERENCE_YEAR - 1, REFERENCE_YEAR - serviceYears);
  }
  let birthYear = appointmentYear - (profile.isPppk ? random.int(entryMin + 2, entryMax + 10) : entryAge);
  if (birthYear < earliestBirthYear) birthYear = earliestBirthYear + random.int(0, 2);
  // TMT at least 19 years after birth keeps the 18-year rule whatever the months are.
  appointmentYear = Math.max(appointmentYear, birthYear + 19);
  const birthMonth = random.int(1, 12);
  const birthDay = random.int(1, daysInMonth(birthYear, birthMonth));
  const birthDate = `${birthYear}-${pad(birthMonth)}-${pad(birthDay)}`;
  const sexDigit = gender === 'L' ? '1' : '2';
  // NI PPPK carries "2" where the NIP PNS has the TMT month's first digit, then the contract count.
  const middle = profile.isPppk ? `${appointmentYear}2${appointmentYear <= 2022 && random.isChance(0.5) ? 2 : 1}` : `${appointmentYear}${pad(random.pick(TMT_MONTHS))}`;
  const stem = `${birthYear}${pad(birthMonth)}${pad(birthDay)}${middle}${sexDigit}`;
  let sequence = random.int(1, 9);
  while (usedNips.has(`${stem}${pad(sequence, 3)}`)) sequence++;
  const nip = `${stem}${pad(sequence, 3)}`;
  const parsed = parseNip(nip, profile.isPppk ? 'PPPK' : 'PNS');
  if (!parsed.isValid) throw new Error(`demo generated an invalid NIP ${nip}: ${parsed.errors.join('; ')}`);
  usedNips.add(nip);

  const masterChance = profile.jenis.startsWith('jpt') ? 0.85 : profile.jenis === 'administrator' ? 0.55 : profile.jenis === 'pengawas' ? 0.2 : profile.kelas >= 11 ? 0.35 : 0.05;
  const titles = chooseTitles(random, {
    field: profile.field,
    level: profile.level,
    masterChance,
    ...(profile.job ? { job: profile.job } : {}),
    isHaji: birthYear < 1980 && random.isChance(0.12),
    gender,
  });
  const hasDoctorate = profile.jenis.startsWith('jpt') && titles.gelarDepan === null && random.isChance(0.15);
  return {
    nip,
    jenisAsn: profile.isPppk ? 'PPPK' : 'PNS',
    name: chooseName(random, gender),
    gelarDepan: hasDoctorate ? 'Dr.' : titles.gelarDepan,
    gelarBelakang: titles.gelarBelakang,
    birthDate,
    gender,
    golongan,
  };
}

export const jobProfile = (job: JobKey, isPppk: boolean): PostProfile => {
  const spec = JOBS[job];
  return { jenis: spec.jenis, kelas: spec.kelas, field: spec.field, level: spec.level, job, isPppk };
};
