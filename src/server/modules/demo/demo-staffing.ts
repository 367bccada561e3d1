import type { JobKey, StudyField } from './demo-jobs';
import type { SeededRandom } from './seeded-random';
import type { OpdSpec, StaffSpec, UnitSpec } from './demo-unit-spec';

const GENERAL_PELAKSANA: JobKey[] = ['pengadministrasiPerkantoran', 'pengelolaLayanan', 'penataLayanan', 'pengolahData', 'operatorLayanan'];

/** Support units (finance, personnel, planning) are staffed alike in every OPD. */
const SUPPORT_JOBS: readonly (readonly [RegExp, JobKey[]])[] = [
  [/Keuangan/, ['bendahara', 'pengelolaKeuangan', 'pengelolaKeuangan', 'analisKeuanganPertama']],
  [/Kepegawaian|Umum|Tata Usaha|Rumah Tangga/, ['pengadministrasiPerkantoran', 'operatorLayanan', 'arsiparisTerampil', 'analisSdmPertama', 'pengelolaLayanan']],
  [/Perencanaan|Program|Evaluasi/, ['perencanaPertama', 'perencanaMuda', 'pengolahData']],
];

function tally(jobs: JobKey[]): StaffSpec[] {
  const counts = new Map<JobKey, number>();
  for (const job of jobs) counts.set(job, (counts.get(job) ?? 0) + 1);
  return [...counts].map(([job, count]) => ({ job, count }));
}

/**
 * Staff of a unit: the catalogue's when it lists them; otherwise a few pelaksana and the OPD's
 * typical functional posts for a seksi/subbagian, and now and then a functional post attached
 * directly to a bidang or bagian (as after the 2021 delayering).
 */
export function chooseStaff(random: SeededRandom, unit: UnitSpec, opd: OpdSpec): StaffSpec[] {
  if (unit.staff) return unit.staff;
  if (unit.children.length > 0) {
    if (unit.kind !== 'bidang' && unit.kind !== 'bagian') return [];
    const count = random.int(0, 2);
    return count > 0 ? [{ job: random.pick(opd.profile), count }] : [];
  }
  const pool = SUPPORT_JOBS.find(([pattern]) => pattern.test(unit.name))?.[1] ?? [...GENERAL_PELAKSANA, ...opd.profile, ...opd.profile];
  const count = random.int(2, 5);
  return tally(Array.from({ length: count }, () => random.pick(pool)));
}

/** Field of study of a unit head when the catalogue does not say. */
export function chooseHeadField(unit: UnitSpec, opd: OpdSpec): StudyField {
  if (unit.head.field) return unit.head.field;
  if (/Keuangan|Anggaran|Perbendaharaan|Akuntansi|Aset/.test(unit.name)) return 'ekonomi';
  if (/Hukum|Perundang/.test(unit.name)) return 'hukum';
  if (unit.kind === 'opd') return opd.field;
  if (unit.kind === 'bidang' || unit.kind === 'seksi') return opd.field === 'dokter' ? 'kesmas' : opd.field;
  return 'umum';
}
