import type { SeededRandom } from './seeded-random';
import type { JobKey, SchoolLevel, StudyField } from './demo-jobs';

interface FieldTitles {
  prefix?: string;
  diploma: readonly string[];
  bachelor: readonly string[];
  master: readonly string[];
}

/** Academic titles by field (Permendikbud 154/2014 spelling, as printed on SK). */
const TITLES: Record<StudyField, FieldTitles> = {
  umum: { diploma: ['A.Md.'], bachelor: ['S.E.', 'S.Sos.', 'S.AP.', 'S.IP.', 'S.H.'], master: ['M.M.', 'M.Si.', 'M.AP.'] },
  ekonomi: { diploma: ['A.Md.Ak.', 'A.Md.'], bachelor: ['S.E.', 'S.Ak.'], master: ['M.M.', 'M.Ak.', 'M.Si.'] },
  hukum: { diploma: ['A.Md.'], bachelor: ['S.H.'], master: ['M.H.', 'M.Kn.'] },
  teknik: { diploma: ['A.Md.T.'], bachelor: ['S.T.'], master: ['M.T.', 'M.Eng.'] },
  komputer: { diploma: ['A.Md.Kom.'], bachelor: ['S.Kom.', 'S.T.'], master: ['M.Kom.', 'M.T.I.'] },
  pertanian: { diploma: ['A.Md.P.'], bachelor: ['S.P.', 'S.TP.'], master: ['M.P.', 'M.Si.'] },
  perikanan: { diploma: ['A.Md.Pi.'], bachelor: ['S.Pi.'], master: ['M.Si.'] },
  pendidikan: { diploma: ['A.Md.'], bachelor: ['S.Pd.', 'S.Pd.', 'S.Pd.I.'], master: ['M.Pd.'] },
  kesmas: { diploma: ['A.Md.Kes.', 'A.Md.Gz.', 'A.Md.KL.'], bachelor: ['S.KM.'], master: ['M.Kes.', 'M.K.M.'] },
  sosial: { diploma: ['A.Md.'], bachelor: ['S.Sos.', 'S.I.Kom.'], master: ['M.Si.', 'M.I.Kom.'] },
  pemerintahan: { diploma: ['A.Md.'], bachelor: ['S.STP.', 'S.IP.', 'S.Sos.'], master: ['M.Si.', 'M.AP.'] },
  dokter: { prefix: 'dr.', diploma: [], bachelor: [''], master: ['M.Kes.', 'M.K.M.', 'MARS'] },
  dokter_gigi: { prefix: 'drg.', diploma: [], bachelor: [''], master: ['M.Kes.'] },
  perawat: { diploma: ['A.Md.Kep.'], bachelor: ['S.Kep., Ns.'], master: ['M.Kep.'] },
  bidan: { diploma: ['A.Md.Keb.', 'S.Tr.Keb.'], bachelor: ['S.Keb., Bd.'], master: ['M.Keb.'] },
  farmasi: { prefix: 'apt.', diploma: ['A.Md.Farm.'], bachelor: ['S.Farm.'], master: ['M.Farm.'] },
  analis_kesehatan: { diploma: ['A.Md.AK.', 'A.Md.Rad.'], bachelor: ['S.Tr.Kes.'], master: ['M.Kes.'] },
  dokter_hewan: { prefix: 'drh.', diploma: [], bachelor: [''], master: ['M.Si.'] },
};

const SPECIALISTS = ['Sp.PD.', 'Sp.A.', 'Sp.OG.', 'Sp.B.', 'Sp.An.', 'Sp.Rad.'];

export interface Titles {
  gelarDepan: string | null;
  gelarBelakang: string | null;
}

/**
 * Titles for a holder. Diploma holders of professional fields carry no professional prefix
 * (an "A.Md.Farm." is not an apoteker); a master's degree is more likely the higher the post.
 */
export function chooseTitles(
  random: SeededRandom,
  input: { field: StudyField; level: SchoolLevel; masterChance: number; job?: JobKey; isHaji: boolean; gender: 'L' | 'P' },
): Titles {
  const titles = TITLES[input.field];
  const back: string[] = [];
  let front: string | null = null;
  if (input.level === 'diploma' && titles.diploma.length > 0) {
    back.push(random.pick(titles.diploma));
  } else if (input.level !== 'sma') {
    front = titles.prefix ?? null;
    const bachelor = random.pick(titles.bachelor);
    if (bachelor) back.push(bachelor);
    if (input.job === 'dokterMadya') back.push(random.pick(SPECIALISTS));
    else if (random.isChance(input.masterChance)) back.push(random.pick(titles.master));
  }
  // "H."/"Hj." (haji) is customarily written before the name of those who made the pilgrimage.
  if (!front && input.isHaji) front = input.gender === 'L' ? 'H.' : 'Hj.';
  return { gelarDepan: front, gelarBelakang: back.length ? back.join(', ') : null };
}
