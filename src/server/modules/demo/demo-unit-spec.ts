import type { unitKinds } from '../../../contracts/org';
import type { JenisJabatan, JobKey, StudyField } from './demo-jobs';
import type { DemoPerson } from './demo-people';

export type UnitKind = (typeof unitKinds)[number];

/** A vacant head post; `actingHeadOf` names the unit whose head also acts in it (Plt/Plh). */
export type VacancySpec = { acting: null } | { acting: 'plt' | 'plh'; actingHeadOf: string };

export interface HeadSpec {
  title: string;
  jenis: JenisJabatan;
  kelas: number;
  field?: StudyField;
  /** A documented demo person holds this post. */
  holder?: DemoPerson;
  vacancy?: VacancySpec;
  /** Name of a unit of the same OPD whose head is the superior, instead of the parent unit's head. */
  reportsToHeadOf?: string;
}

export interface StaffSpec {
  job: JobKey;
  count: number;
  /** Documented demo people among the holders. */
  holders?: DemoPerson[];
}

export interface UnitSpec {
  name: string;
  kind: UnitKind;
  head: HeadSpec;
  /** Explicit staff; units without it get staff drawn from the OPD's profile. */
  staff?: StaffSpec[];
  children: UnitSpec[];
}

export interface OpdSpec extends UnitSpec {
  /** Field of study typical for the OPD's leaders. */
  field: StudyField;
  /** Functional jobs typical for the OPD, mixed into generated staff. */
  profile: JobKey[];
}

type UnitOptions = { head?: Partial<HeadSpec>; staff?: StaffSpec[] };

const headOf = (title: string, jenis: JenisJabatan, kelas: number, override: Partial<HeadSpec> = {}): HeadSpec => ({
  title,
  jenis,
  kelas,
  ...override,
});

export const seksi = (name: string, options: UnitOptions = {}): UnitSpec => ({
  name,
  kind: 'seksi',
  head: headOf(`Kepala ${name}`, 'pengawas', 9, options.head),
  ...(options.staff ? { staff: options.staff } : {}),
  children: [],
});

export const subbagian = (name: string, options: UnitOptions = {}): UnitSpec => ({
  ...seksi(name, options),
  kind: 'subbagian',
});

const toUnit = (child: string | UnitSpec, make: (name: string) => UnitSpec) => (typeof child === 'string' ? make(child) : child);

/** Bidang of a dinas (with seksi) or of a badan (with subbidang, stored as kind seksi). */
export const bidang = (name: string, children: (string | UnitSpec)[], options: UnitOptions = {}): UnitSpec => ({
  name,
  kind: 'bidang',
  head: headOf(`Kepala ${name}`, 'administrator', 11, options.head),
  ...(options.staff ? { staff: options.staff } : {}),
  children: children.map((child) => toUnit(child, (childName) => seksi(childName))),
});

export const bagian = (name: string, subbagianNames: (string | UnitSpec)[], options: UnitOptions = {}): UnitSpec => ({
  name,
  kind: 'bagian',
  head: headOf(`Kepala ${name}`, 'administrator', 11, options.head),
  ...(options.staff ? { staff: options.staff } : {}),
  children: subbagianNames.map((child) => toUnit(child, (childName) => subbagian(childName))),
});

export const sekretariat = (
  title = 'Sekretaris',
  subbagianNames: string[] = ['Subbagian Umum dan Kepegawaian', 'Subbagian Keuangan dan Aset', 'Subbagian Perencanaan, Evaluasi dan Pelaporan'],
  options: UnitOptions = {},
): UnitSpec => ({
  ...bagian('Sekretariat', subbagianNames, { ...options, head: { title, kelas: 12, ...options.head } }),
});

export interface OpdOptions {
  head?: Partial<HeadSpec>;
  staff?: StaffSpec[];
  /** Leave out the standard Sekretariat (e.g. Setda, kecamatan define their own). */
  sekretariat?: UnitSpec | null;
}

/** A dinas or badan headed by a JPT pratama (kelas 14) with a Sekretariat and its bidang. */
export const opd = (
  name: string,
  field: OpdSpec['field'],
  profile: JobKey[],
  children: UnitSpec[],
  options: OpdOptions = {},
): OpdSpec => {
  const secretariat = options.sekretariat === undefined ? sekretariat(`Sekretaris ${name}`) : options.sekretariat;
  return {
    name,
    kind: 'opd',
    field,
    profile,
    head: headOf(`Kepala ${name}`, 'jpt_pratama', 14, options.head),
    ...(options.staff ? { staff: options.staff } : {}),
    children: secretariat ? [secretariat, ...children] : children,
  };
};
