import type { TppRuleSet } from '../rule-set';
import { classicAttendanceCuts, EXAMPLE_CLASS_AMOUNTS, PP94_LIGHT_PENALTIES, PP94_PENALTIES } from './example-amounts';

/**
 * Deli Serdang (Perbup 4/2019): kehadiran 30, SKP 20, laporan harian 50; lateness and early leave cut
 * a percentage; BPJS 4 % by the region, 1 % by the employee [F, rules.md]. The cut rates (the classic
 * table), the SKP factors per predikat, the articles, the amounts and the PPh 21 rate are examples [V].
 */
export const DELI_SERDANG_30_20_50_RULE_SET: TppRuleSet = {
  format: 1,
  region: { code: 'DELISERDANG', name: 'Kabupaten Deli Serdang' },
  name: 'TPP Deli Serdang: kehadiran 30, SKP 20, laporan harian 50',
  effectiveFrom: '2026-01-01',
  regulation: {
    title: 'Peraturan Bupati Deli Serdang Nomor 4 Tahun 2019 tentang Tambahan Penghasilan Pegawai',
    number: '4',
    year: 2019,
    shortName: 'Perbup Deli Serdang 4/2019',
  },
  source:
    'rules.md §5, tabel skema daerah: Deli Serdang (Perbup 4/2019) — kehadiran 30, SKP 20, laporan harian 50; dikurangi persentase TL/PSW; ' +
    'BPJS 4 % + 1 % [F]. Tarif TL/PSW/TK mengikuti tabel klasik rules.md §5 [V]; faktor per predikat SKP, pasal, besaran kelas dan tarif PPh 21 adalah contoh [V].',
  classAmounts: EXAMPLE_CLASS_AMOUNTS,
  amountsArticle: 'Lampiran [V]',
  positionAmounts: [],
  earning: {
    kind: 'weighted',
    appliesTo: ['bebanKerja', 'prestasiKerja'],
    parts: [
      { key: 'kehadiran', label: 'Kehadiran', weightBp: 3000, measure: { kind: 'attendance' }, article: 'Pasal 5 ayat (2) huruf a [V]' },
      {
        key: 'skp',
        label: 'Sasaran Kinerja Pegawai (SKP)',
        weightBp: 2000,
        // Sangat Baik and Baik in full, then 80 / 60 / 40 / 20 %; no rating yet: in full until one is given [V].
        measure: { kind: 'skp_predikat', factors: { sangat_baik: 10_000, baik: 10_000, butuh_perbaikan: 8000, kurang: 6000, sangat_kurang: 4000 }, missingFactorBp: 10_000 },
        article: 'Pasal 5 ayat (2) huruf b [V]',
      },
      { key: 'laporan_harian', label: 'Laporan aktivitas harian', weightBp: 5000, measure: { kind: 'productivity', scale: { kind: 'linear', minimumBp: 0 } }, article: 'Pasal 5 ayat (2) huruf c [V]' },
    ],
  },
  deductions: {
    rules: [
      ...classicAttendanceCuts('kehadiran', 'Pasal 8'),
    ],
    capBp: 10_000,
    capArticle: 'Pasal 9 [V]',
    forfeit: null,
  },
  adjustments: {
    discipline: { of: 'tpp', article: 'Pasal 10 [V]', penalties: [...PP94_LIGHT_PENALTIES, ...PP94_PENALTIES] },
    acting: { prorateByDays: true, minimumDays: 0, rules: [{ kind: 'plt', rateBp: 2000, article: 'Pasal 11 [V]' }] },
    cpns: { rateBp: 8000, article: 'Pasal 12 [V]' },
    exclusions: [
      { code: 'cltn_tugas_belajar', label: 'CLTN dan tugas belajar', leaveTypes: ['cuti_dltn', 'tugas_belajar'], payBp: 0, mode: 'prorate', article: 'Pasal 13 [V]' },
    ],
  },
  bpjs: { employerBp: 400, employeeBp: 100, incomeCap: 12_000_000, basis: 'tpp', article: 'Pasal 14 [V]' },
  pph21: {
    policy: 'withheld',
    taxBase: 'tpp',
    // Simplified [V]: one flat rate on the monthly TPP.
    rates: { kind: 'flat', rateBp: 500 },
    article: 'Pasal 15 [V]',
  },
  rounding: { mode: 'half_up', netUnit: 1 },
};
