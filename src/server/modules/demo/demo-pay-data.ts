/**
 * Plausible pay data for the fictional demo regency: gaji pokok by golongan and years of service,
 * tunjangan keluarga, tunjangan jabatan or umum, and CPNS status for the newest formation. The
 * amounts approximate the annexes of PP 5/2024 (PNS) and Perpres 11/2024 (PPPK), both in force from
 * 1 January 2024 [V]; a real region imports its payroll data instead.
 */

/** Gaji pokok at the start and at the top of each ruang's scale (masa kerja golongan 0 … 32 years). */
const PNS_SCALE: Record<string, readonly [number, number]> = {
  'I/a': [1_685_700, 2_522_600],
  'I/b': [1_840_800, 2_670_700],
  'I/c': [1_918_700, 2_783_700],
  'I/d': [1_999_900, 2_901_400],
  'II/a': [2_184_000, 3_643_400],
  'II/b': [2_385_000, 3_797_500],
  'II/c': [2_485_900, 3_958_200],
  'II/d': [2_591_100, 4_125_600],
  'III/a': [2_785_700, 4_575_200],
  'III/b': [2_903_600, 4_768_800],
  'III/c': [3_026_400, 4_970_500],
  'III/d': [3_154_400, 5_180_700],
  'IV/a': [3_287_800, 5_399_900],
  'IV/b': [3_426_900, 5_628_300],
  'IV/c': [3_571_900, 5_866_400],
  'IV/d': [3_723_000, 6_114_500],
  'IV/e': [3_880_400, 6_373_200],
};

const PPPK_SCALE: Record<string, readonly [number, number]> = {
  V: [2_511_500, 4_189_900],
  VII: [2_954_100, 4_855_400],
  IX: [3_203_600, 5_261_500],
  X: [3_339_100, 5_484_000],
  XI: [3_480_300, 5_716_000],
};

const SCALE_YEARS = 32;

/** Structural allowances (Perpres 26/2007) by position kind, approximate for the others [V]; tunjangan umum for pelaksana (Perpres 12/2006). */
const POSITION_ALLOWANCE: Record<string, number> = {
  jpt_utama: 5_500_000,
  jpt_madya: 4_375_000,
  jpt_pratama: 3_250_000,
  administrator: 1_260_000,
  pengawas: 540_000,
  fungsional_keahlian: 540_000,
  fungsional_keterampilan: 350_000,
};
const GENERAL_ALLOWANCE: Record<string, number> = { I: 175_000, II: 180_000, III: 185_000, IV: 190_000 };

export interface DemoPayPerson {
  employeeId: string;
  nip: string;
  jenisAsn: 'PNS' | 'PPPK';
  golongan: string | null;
  jenisJabatan: string | null;
}

export interface DemoPayRow {
  employeeId: string;
  effectiveFrom: string;
  isCpns: boolean;
  baseSalary: number;
  familyAllowance: number;
  positionAllowance: number;
  professionAllowance: number;
  decreeNumber: string | null;
  note: string | null;
}

const roundTo100 = (amount: number) => Math.round(amount / 100) * 100;

function scaleSalary(scale: readonly [number, number] | undefined, years: number): number {
  const [low, high] = scale ?? [2_785_700, 4_575_200];
  return roundTo100(low + ((high - low) * Math.min(Math.max(years, 0), SCALE_YEARS)) / SCALE_YEARS);
}

/** Spouse 10 % and up to two children 2 % each of gaji pokok (PP 7/1977 as amended), varied by the NIP's last digits. */
function familyAllowanceOf(nip: string, baseSalary: number): number {
  const isMarried = Number(nip.at(-2)) % 4 !== 0;
  const children = isMarried ? Number(nip.at(-1)) % 3 : 0;
  return roundTo100((baseSalary * ((isMarried ? 10 : 0) + 2 * children)) / 100);
}

/** The year and month in a NIP: TMT CPNS (PNS) or the appointment year (PPPK). */
const tmtYear = (nip: string) => Number(nip.slice(8, 12));
const tmtMonth = (nip: string) => nip.slice(12, 14);

export interface DemoPayPlan {
  rows: DemoPayRow[];
  cpnsCount: number;
}

/**
 * One row per employee in force from 1 January 2024 (the current salary tables), and for the newest
 * PNS formation a CPNS row from their TMT CPNS and a PNS row from `pnsFrom`, so that the demo's
 * recent months show the CPNS share and the month after shows the appointment as PNS.
 */
export function planDemoPayData(people: readonly DemoPayPerson[], pnsFrom: string): DemoPayPlan {
  const pnsYears = people.filter((person) => person.jenisAsn === 'PNS').map((person) => tmtYear(person.nip));
  const newestFormation = pnsYears.length > 0 ? Math.max(...pnsYears) : null;
  const referenceYear = Number(pnsFrom.slice(0, 4));
  const rows: DemoPayRow[] = [];
  let cpnsCount = 0;
  for (const person of people) {
    const years = referenceYear - tmtYear(person.nip);
    const golongan = person.golongan ?? (person.jenisAsn === 'PNS' ? 'III/a' : 'IX');
    const baseSalary = scaleSalary(person.jenisAsn === 'PNS' ? PNS_SCALE[golongan] : PPPK_SCALE[golongan], years);
    const group = golongan.split('/')[0] ?? 'III';
    const positionAllowance = (person.jenisJabatan ? POSITION_ALLOWANCE[person.jenisJabatan] : undefined) ?? GENERAL_ALLOWANCE[group] ?? 185_000;
    const pay = { employeeId: person.employeeId, baseSalary, familyAllowance: familyAllowanceOf(person.nip, baseSalary), positionAllowance, professionAllowance: 0, note: null };
    if (person.jenisAsn === 'PNS' && tmtYear(person.nip) === newestFormation) {
      cpnsCount += 1;
      // CPNS draw 80 % of gaji pokok until appointed PNS (PP 7/1977 art. 14 as amended).
      const cpnsSalary = roundTo100(baseSalary * 0.8);
      rows.push({ ...pay, effectiveFrom: `${tmtYear(person.nip)}-${tmtMonth(person.nip)}-01`, isCpns: true, baseSalary: cpnsSalary, familyAllowance: familyAllowanceOf(person.nip, cpnsSalary), decreeNumber: `SK CPNS formasi ${newestFormation}` });
      rows.push({ ...pay, effectiveFrom: pnsFrom, isCpns: false, decreeNumber: `SK PNS formasi ${newestFormation}` });
    } else {
      // PPPK appointed after the tables took effect start with their appointment year.
      const start = person.jenisAsn === 'PPPK' && tmtYear(person.nip) > 2024 ? `${tmtYear(person.nip)}-01-01` : '2024-01-01';
      rows.push({ ...pay, effectiveFrom: start, isCpns: false, decreeNumber: null });
    }
  }
  return { rows, cpnsCount };
}
