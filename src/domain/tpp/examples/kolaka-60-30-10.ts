import type { TppRuleSet } from '../rule-set';
import { classicAttendanceCuts, EXAMPLE_CLASS_AMOUNTS, PP94_LIGHT_PENALTIES, PP94_PENALTIES } from './example-amounts';

/**
 * Kolaka: kinerja 60, kehadiran 30 (split daily attendance 60 / ceremonies 40, i.e. 18 and 12 of the
 * whole), compliance 10 (LHKPN, BMD, TPTGR). The split is [F] from rules.md; cut rates, articles and
 * amounts are examples [V].
 */
export const KOLAKA_60_30_10_RULE_SET: TppRuleSet = {
  format: 1,
  region: { code: 'KOLAKA', name: 'Kabupaten Kolaka' },
  name: 'TPP Kolaka: kinerja 60, kehadiran 30 (harian 60/apel 40), kepatuhan 10',
  effectiveFrom: '2026-01-01',
  regulation: {
    title: 'Peraturan Bupati Kolaka tentang Tambahan Penghasilan Pegawai ASN',
    number: null,
    year: null,
    shortName: 'Perbup Kolaka (TPP)',
  },
  source:
    'rules.md §5, tabel skema daerah: Kolaka — kinerja 60, kehadiran 30 (harian 60 / apel 40), kepatuhan 10 (LHKPN, BMD, TPTGR) [F]. ' +
    'Tarif potongan kehadiran harian mengikuti tabel klasik rules.md §5 [V]; nomor Perbup, pasal, besaran kelas dan tarif PPh 21 adalah contoh [V].',
  classAmounts: EXAMPLE_CLASS_AMOUNTS,
  amountsArticle: 'Lampiran [V]',
  positionAmounts: [],
  earning: {
    kind: 'weighted',
    appliesTo: ['bebanKerja', 'prestasiKerja'],
    parts: [
      { key: 'kinerja', label: 'Kinerja (aktivitas harian)', weightBp: 6000, measure: { kind: 'productivity', scale: { kind: 'linear', minimumBp: 0 } }, article: 'Pasal 6 ayat (1) huruf a [V]' },
      { key: 'kehadiran_harian', label: 'Kehadiran harian (60 % dari 30 %)', weightBp: 1800, measure: { kind: 'attendance' }, article: 'Pasal 6 ayat (1) huruf b [V]' },
      { key: 'apel', label: 'Kehadiran apel/upacara (40 % dari 30 %)', weightBp: 1200, measure: { kind: 'ceremony_ratio' }, article: 'Pasal 6 ayat (1) huruf b [V]' },
      {
        key: 'kepatuhan',
        label: 'Kepatuhan',
        weightBp: 1000,
        measure: {
          kind: 'compliance',
          items: [
            { code: 'lhkpn', label: 'LHKPN/LHKASN', weightBp: 3334 },
            { code: 'bmd', label: 'Laporan barang milik daerah (BMD)', weightBp: 3333 },
            { code: 'tptgr', label: 'Tuntutan perbendaharaan dan ganti rugi (TPTGR)', weightBp: 3333 },
          ],
        },
        article: 'Pasal 6 ayat (1) huruf c [V]',
      },
    ],
  },
  deductions: {
    rules: [
      ...classicAttendanceCuts('kehadiran_harian', 'Pasal 9'),
    ],
    capBp: 10_000,
    capArticle: 'Pasal 10 [V]',
    forfeit: null,
  },
  adjustments: {
    discipline: { of: 'tpp', article: 'Pasal 11 [V]', penalties: [...PP94_LIGHT_PENALTIES, ...PP94_PENALTIES] },
    acting: { prorateByDays: true, minimumDays: 5, rules: [{ kind: 'plt', rateBp: 2000, article: 'Pasal 12 [V]' }] },
    cpns: { rateBp: 8000, article: 'Pasal 13 [V]' },
    exclusions: [
      { code: 'cltn_tugas_belajar', label: 'CLTN dan tugas belajar', leaveTypes: ['cuti_dltn', 'tugas_belajar'], payBp: 0, mode: 'prorate', article: 'Pasal 14 [V]' },
    ],
  },
  bpjs: { employerBp: 400, employeeBp: 100, incomeCap: 12_000_000, basis: 'tpp', article: 'Pasal 15 [V]' },
  pph21: {
    policy: 'withheld',
    taxBase: 'tpp_plus_employer_bpjs',
    // Simplified [V]: progressive layers on the monthly TPP only, not the statutory PPh 21 (TER, PTKP).
    rates: {
      kind: 'brackets',
      brackets: [
        { upTo: 5_000_000, rateBp: 500 },
        { upTo: 20_000_000, rateBp: 1500 },
        { upTo: null, rateBp: 2500 },
      ],
    },
    article: 'Pasal 16 [V]',
  },
  rounding: { mode: 'half_up', netUnit: 100 },
};
