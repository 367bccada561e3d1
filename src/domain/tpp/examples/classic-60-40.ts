import type { TppRuleSet } from '../rule-set';
import { classicAttendanceCuts, EXAMPLE_CLASS_AMOUNTS, PP94_PENALTIES } from './example-amounts';

/**
 * The classic scheme: prestasi split 60 % productivity / 40 % discipline, discipline cut by the
 * central tukin table that many Perbup copy. Article numbers and amounts are examples [V].
 */
export const CLASSIC_60_40_RULE_SET: TppRuleSet = {
  format: 1,
  region: { code: 'CONTOH', name: 'Kabupaten Contoh' },
  name: 'TPP skema klasik 60/40 dengan tabel potongan TL/PSW/TK',
  effectiveFrom: '2026-01-01',
  regulation: {
    title: 'Peraturan Bupati tentang Pemberian Tambahan Penghasilan Pegawai ASN (contoh tabel klasik)',
    number: null,
    year: null,
    shortName: 'Perbup TPP (contoh)',
  },
  source:
    'rules.md §5: prestasi 60 % produktivitas / 40 % disiplin [R, V]; tabel potongan klasik tukin pusat yang disalin banyak Perbup [F] ' +
    '(TK 4 %/hari; TL1/PSW1 0,5 %, TL2/PSW2 1 %, TL3/PSW3 1,5 %, TL4/PSW4 2 % termasuk tidak absen masuk/pulang); hukuman disiplin lama ' +
    'PP 53/2010 (lisan 20 % × 1 bulan, tertulis 30 % × 2, pernyataan tidak puas 40 % × 3) [F] dan PP 94/2021 (25 % selama 6/9/12 bulan) [F]; ' +
    'BPJS 4 % pemda + 1 % pegawai, batas Rp 12 juta [V]. Besaran per kelas, nomor pasal, cuti sakit, Plt/Plh dan tarif PPh 21 adalah contoh [V].',
  classAmounts: EXAMPLE_CLASS_AMOUNTS,
  amountsArticle: 'Lampiran I [V]',
  positionAmounts: [
    {
      positionCode: 'DOKTER-SPESIALIS',
      label: 'Dokter spesialis RSUD (kelas 11) — kelangkaan profesi',
      components: { bebanKerja: 3_300_000, prestasiKerja: 2_200_000, kondisiKerja: 1_000_000, tempatBertugas: 0, kelangkaanProfesi: 2_500_000 },
    },
  ],
  earning: {
    kind: 'weighted',
    appliesTo: ['bebanKerja', 'prestasiKerja'],
    parts: [
      { key: 'produktivitas', label: 'Produktivitas kerja', weightBp: 6000, measure: { kind: 'productivity', scale: { kind: 'linear', minimumBp: 0 } }, article: 'Pasal 8 ayat (2) huruf a [V]' },
      { key: 'disiplin', label: 'Disiplin kerja', weightBp: 4000, measure: { kind: 'attendance' }, article: 'Pasal 8 ayat (2) huruf b [V]' },
    ],
  },
  deductions: {
    rules: [
      ...classicAttendanceCuts('disiplin', 'Pasal 10'),
      {
        kind: 'leave',
        leaveType: 'cuti_sakit',
        bands: [
          { fromDay: 1, toDay: 14, rateBpPerDay: 0 },
          { fromDay: 15, toDay: null, rateBpPerDay: 100 },
        ],
        // Counted from the leave's first day: a sick leave running into the month keeps its count.
        countFrom: 'leave_start',
        target: 'disiplin',
        of: 'base',
        article: 'Pasal 11 [V]',
      },
    ],
    capBp: 10_000,
    capArticle: 'Pasal 12 [V]',
    forfeit: null,
  },
  adjustments: {
    discipline: {
      of: 'tpp',
      article: 'Pasal 13 [V]',
      penalties: [
        { code: 'teguran_lisan', label: 'Teguran lisan (skema lama PP 53/2010)', level: 'ringan', cutBp: 2000, months: 1 },
        { code: 'teguran_tertulis', label: 'Teguran tertulis (skema lama PP 53/2010)', level: 'ringan', cutBp: 3000, months: 2 },
        { code: 'pernyataan_tidak_puas', label: 'Pernyataan tidak puas (skema lama PP 53/2010)', level: 'ringan', cutBp: 4000, months: 3 },
        ...PP94_PENALTIES,
      ],
    },
    acting: {
      prorateByDays: true,
      minimumDays: 0,
      rules: [
        { kind: 'plt', rateBp: 2000, article: 'Pasal 14 ayat (1) [V]' },
        { kind: 'plh', rateBp: 2000, article: 'Pasal 14 ayat (2) [V]' },
      ],
    },
    cpns: { rateBp: 8000, article: 'Pasal 15 [V]' },
    exclusions: [
      { code: 'cltn', label: 'Cuti di luar tanggungan negara', leaveTypes: ['cuti_dltn'], payBp: 0, mode: 'prorate', article: 'Pasal 16 huruf a [V]' },
      { code: 'tugas_belajar', label: 'Tugas belajar', leaveTypes: ['tugas_belajar'], payBp: 0, mode: 'prorate', article: 'Pasal 16 huruf b [V]' },
    ],
  },
  bpjs: { employerBp: 400, employeeBp: 100, incomeCap: 12_000_000, basis: 'tpp', article: 'Pasal 17 [V]' },
  pph21: {
    policy: 'borne_by_region',
    taxBase: 'tpp',
    // Simplified [V]: one rate per golongan group, as some regions apply to TPP.
    rates: {
      kind: 'golongan',
      rates: [
        { golongan: 'I', rateBp: 0 },
        { golongan: 'II', rateBp: 0 },
        { golongan: 'III', rateBp: 500 },
        { golongan: 'IV', rateBp: 1500 },
      ],
      otherRateBp: 500,
    },
    article: 'Pasal 18 [V]',
  },
  rounding: { mode: 'half_up', netUnit: 1 },
};
