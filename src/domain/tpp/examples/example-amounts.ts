import type { TppRuleSet } from '../rule-set';

/**
 * Example TPP amounts per kelas jabatan, split 60 % beban kerja / 40 % prestasi kerja. Plausible for
 * a kabupaten (rules.md §5: Bangka Belitung runs from ≈ Rp 2.2 million to ≈ Rp 30 million) but
 * invented [V]: replace them with the annex of the region's Perbup before going live.
 */
const TOTALS_BY_CLASS: readonly (readonly [kelasJabatan: number, total: number])[] = [
  [1, 1_800_000],
  [2, 2_000_000],
  [3, 2_200_000],
  [4, 2_450_000],
  [5, 2_700_000],
  [6, 3_000_000],
  [7, 3_350_000],
  [8, 3_750_000],
  [9, 4_200_000],
  [10, 4_800_000],
  [11, 5_500_000],
  [12, 6_500_000],
  [13, 8_000_000],
  [14, 10_000_000],
  [15, 13_000_000],
  [16, 17_000_000],
  [17, 22_000_000],
];

export const EXAMPLE_CLASS_AMOUNTS: TppRuleSet['classAmounts'] = TOTALS_BY_CLASS.map(([kelasJabatan, total]) => ({
  kelasJabatan,
  components: { bebanKerja: (total * 3) / 5, prestasiKerja: (total * 2) / 5, kondisiKerja: 0, tempatBertugas: 0, kelangkaanProfesi: 0 },
}));

/** PP 94/2021 art. 8 (3): hukuman disiplin sedang — TPP/tukin cut 25 % for 6, 9 or 12 months [F]. */
export const PP94_PENALTIES: TppRuleSet['adjustments']['discipline']['penalties'] = [
  { code: 'pp94_potong_25_6', label: 'Pemotongan 25 % selama 6 bulan (PP 94/2021)', level: 'sedang', cutBp: 2500, months: 6 },
  { code: 'pp94_potong_25_9', label: 'Pemotongan 25 % selama 9 bulan (PP 94/2021)', level: 'sedang', cutBp: 2500, months: 9 },
  { code: 'pp94_potong_25_12', label: 'Pemotongan 25 % selama 12 bulan (PP 94/2021)', level: 'sedang', cutBp: 2500, months: 12 },
];

/**
 * PP 94/2021 art. 8 (2): the light penalties (teguran lisan, teguran tertulis, pernyataan tidak puas
 * secara tertulis) [F]. The regulation sets no TPP cut for them; a region that sets none still lists
 * them, with no cut, so that a decision of that kind is known to the rule set (a points scheme prices
 * the month's heaviest level) rather than refused as unknown [V: one month each].
 */
export const PP94_LIGHT_PENALTIES: TppRuleSet['adjustments']['discipline']['penalties'] = [
  { code: 'teguran_lisan', label: 'Teguran lisan (PP 94/2021, tanpa potongan TPP)', level: 'ringan', cutBp: 0, months: 1 },
  { code: 'teguran_tertulis', label: 'Teguran tertulis (PP 94/2021, tanpa potongan TPP)', level: 'ringan', cutBp: 0, months: 1 },
  { code: 'pernyataan_tidak_puas', label: 'Pernyataan tidak puas secara tertulis (PP 94/2021, tanpa potongan TPP)', level: 'ringan', cutBp: 0, months: 1 },
];

/** rules.md §5 [F]: TL/PSW 1–30, 31–60, 61–90, ≥ 91 minutes → 0.5 / 1 / 1.5 / 2 %; no punch counts as band 4. */
export const classicMinuteBands = (prefix: 'TL' | 'PSW') => [
  { code: `${prefix}1`, fromMinutes: 1, toMinutes: 30, rateBp: 50 },
  { code: `${prefix}2`, fromMinutes: 31, toMinutes: 60, rateBp: 100 },
  { code: `${prefix}3`, fromMinutes: 61, toMinutes: 90, rateBp: 150 },
  { code: `${prefix}4`, fromMinutes: 91, toMinutes: null, rateBp: 200 },
];

/**
 * The classic table's attendance cuts (rules.md §5 [F]): TL and PSW by minute bands (a missing punch
 * counts as band 4) and 4 % per TK day, each of the pagu, all from the part `target`; the articles
 * are ayat (1)–(3) of `article` [V].
 */
export const classicAttendanceCuts = (target: string, article: string): TppRuleSet['deductions']['rules'] => [
  { kind: 'late', bands: classicMinuteBands('TL'), noPunchCode: 'TL4', target, of: 'base', article: `${article} ayat (1) [V]` },
  { kind: 'early', bands: classicMinuteBands('PSW'), noPunchCode: 'PSW4', target, of: 'base', article: `${article} ayat (2) [V]` },
  { kind: 'tk', rateBpPerDay: 400, target, of: 'base', article: `${article} ayat (3) [V]` },
];
