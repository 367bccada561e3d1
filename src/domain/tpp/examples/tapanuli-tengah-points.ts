import type { TppRuleSet } from '../rule-set';
import { classicMinuteBands, EXAMPLE_CLASS_AMOUNTS, PP94_LIGHT_PENALTIES, PP94_PENALTIES } from './example-amounts';

/**
 * Tapanuli Tengah: points out of 100 — SKP ≤ 35, submission day ≤ 5, lateness ≤ 10, early leave ≤ 10,
 * absence ≤ 20, discipline ≤ 20 [F, rules.md]. One point is 1 % of the pagu (stored as 100 bp). How
 * each item's points are given (predikat table, submission days, points lost per event) is an example [V].
 */
export const TAPANULI_TENGAH_POINTS_RULE_SET: TppRuleSet = {
  format: 1,
  region: { code: 'TAPTENG', name: 'Kabupaten Tapanuli Tengah' },
  name: 'TPP Tapanuli Tengah: skema poin (maksimal 100 poin)',
  effectiveFrom: '2026-01-01',
  regulation: {
    title: 'Peraturan Bupati Tapanuli Tengah tentang Tambahan Penghasilan Pegawai',
    number: null,
    year: null,
    shortName: 'Perbup Tapteng (TPP)',
  },
  source:
    'rules.md §5, tabel skema daerah: Tapanuli Tengah — poin dari 100: SKP ≤ 35, hari penyampaian ≤ 5, keterlambatan ≤ 10, ' +
    'pulang cepat ≤ 10, ketidakhadiran ≤ 20, disiplin ≤ 20 [F]. Nilai poin per predikat/kejadian, pasal dan besaran kelas adalah contoh [V].',
  classAmounts: EXAMPLE_CLASS_AMOUNTS,
  amountsArticle: 'Lampiran [V]',
  positionAmounts: [],
  earning: {
    kind: 'points',
    appliesTo: ['bebanKerja', 'prestasiKerja'],
    parts: [
      {
        key: 'skp',
        label: 'Nilai SKP',
        weightBp: 3500,
        // 35 / 28 / 21 / 14 / 7 points [V].
        measure: { kind: 'skp_predikat', factors: { sangat_baik: 10_000, baik: 8000, butuh_perbaikan: 6000, kurang: 4000, sangat_kurang: 2000 }, missingFactorBp: 0 },
        article: 'Pasal 7 huruf a [V]',
      },
      {
        key: 'penyampaian',
        label: 'Hari penyampaian laporan',
        weightBp: 500,
        // By day 5: 5 points; by day 10: 3 points; later: 1 point [V].
        measure: { kind: 'report_submission', bands: [{ untilDay: 5, factorBp: 10_000 }, { untilDay: 10, factorBp: 6000 }], lateFactorBp: 2000 },
        article: 'Pasal 7 huruf b [V]',
      },
      { key: 'keterlambatan', label: 'Keterlambatan', weightBp: 1000, measure: { kind: 'attendance' }, article: 'Pasal 7 huruf c [V]' },
      { key: 'pulang_cepat', label: 'Pulang sebelum waktunya', weightBp: 1000, measure: { kind: 'attendance' }, article: 'Pasal 7 huruf d [V]' },
      { key: 'ketidakhadiran', label: 'Ketidakhadiran', weightBp: 2000, measure: { kind: 'attendance' }, article: 'Pasal 7 huruf e [V]' },
      {
        key: 'disiplin',
        label: 'Disiplin',
        weightBp: 2000,
        measure: { kind: 'discipline_record', factors: { none: 10_000, ringan: 5000, sedang: 2500, berat: 0 } },
        article: 'Pasal 7 huruf f [V]',
      },
    ],
  },
  deductions: {
    rules: [
      // 0.5 / 1 / 1.5 / 2 points per event, from the item's 10 points [V].
      { kind: 'late', bands: classicMinuteBands('TL'), noPunchCode: 'TL4', target: 'keterlambatan', of: 'base', article: 'Pasal 8 ayat (1) [V]' },
      { kind: 'early', bands: classicMinuteBands('PSW'), noPunchCode: 'PSW4', target: 'pulang_cepat', of: 'base', article: 'Pasal 8 ayat (2) [V]' },
      // 4 points per day of unexcused absence, from the item's 20 points [V].
      { kind: 'tk', rateBpPerDay: 400, target: 'ketidakhadiran', of: 'base', article: 'Pasal 8 ayat (3) [V]' },
    ],
    capBp: 10_000,
    capArticle: 'Pasal 8 ayat (4) [V]',
    forfeit: null,
  },
  adjustments: {
    discipline: { of: 'tpp', article: 'Pasal 9 [V]', penalties: [...PP94_LIGHT_PENALTIES, ...PP94_PENALTIES] },
    acting: { prorateByDays: false, minimumDays: 0, rules: [{ kind: 'plt', rateBp: 2000, article: 'Pasal 10 [V]' }, { kind: 'plh', rateBp: 1000, article: 'Pasal 10 [V]' }] },
    cpns: { rateBp: 8000, article: 'Pasal 11 [V]' },
    exclusions: [{ code: 'cltn', label: 'Cuti di luar tanggungan negara', leaveTypes: ['cuti_dltn'], payBp: 0, mode: 'whole_month', article: 'Pasal 12 [V]' }],
  },
  bpjs: { employerBp: 400, employeeBp: 100, incomeCap: 12_000_000, basis: 'tpp', article: 'Pasal 13 [V]' },
  pph21: {
    policy: 'withheld',
    taxBase: 'tpp',
    // Simplified [V]: one flat rate on TPP.
    rates: { kind: 'flat', rateBp: 500 },
    article: 'Pasal 14 [V]',
  },
  rounding: { mode: 'down', netUnit: 1000 },
};
