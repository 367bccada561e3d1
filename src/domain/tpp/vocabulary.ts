/** Words of the TPP engine shared by the rule-set schema, its checks and the computation. */

/** PP 12/2019 art. 58: the criteria TPP amounts are made of. */
export const TPP_COMPONENTS = ['bebanKerja', 'prestasiKerja', 'kondisiKerja', 'tempatBertugas', 'kelangkaanProfesi'] as const;
export type TppComponent = (typeof TPP_COMPONENTS)[number];

export const TPP_COMPONENT_LABELS: Record<TppComponent, string> = {
  bebanKerja: 'Beban kerja',
  prestasiKerja: 'Prestasi kerja',
  kondisiKerja: 'Kondisi kerja',
  tempatBertugas: 'Tempat bertugas',
  kelangkaanProfesi: 'Kelangkaan profesi',
};

/** PP 94/2021 levels of a hukuman disiplin; `none` = no penalty in force this month. */
export const DISCIPLINE_LEVELS = ['ringan', 'sedang', 'berat'] as const;
export type DisciplineLevel = (typeof DISCIPLINE_LEVELS)[number];

/** Events a flat rupiah cut can count (Tanjabbar: Rp 66 000 per missed punch). */
export const FLAT_CUT_EVENTS = ['tk_day', 'late_event', 'early_event', 'no_check_in', 'no_check_out', 'missed_apel'] as const;
export type FlatCutEvent = (typeof FLAT_CUT_EVENTS)[number];

/** The deduction target that is not a part: the sum of all earned parts. */
export const TOTAL_TARGET = 'total';
