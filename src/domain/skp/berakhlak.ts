/**
 * The seven BerAKHLAK core values on which perilaku kerja is assessed (PermenPANRB 6/2022), with
 * their meaning and three guidance items each. Data copied from the domain notes (berakhlak.json beside rules.md); its
 * source note is kept verbatim in BERAKHLAK_SOURCE.
 */
export const BERAKHLAK_SOURCE =
  'SE MenPANRB No. 20 Tahun 2021 (Implementasi Core Values dan Employer Branding ASN); the first items of Berorientasi Pelayanan and Akuntabel were read in public copies, the rest are the commonly published wording: verify against the circular before use';

export interface BerakhlakValue {
  code: string;
  name: string;
  meaning: string;
  guidance: readonly string[];
}

export const BERAKHLAK_VALUES = [
  {
    code: 'BERORIENTASI_PELAYANAN',
    name: 'Berorientasi Pelayanan',
    meaning: 'Komitmen memberikan pelayanan prima demi kepuasan masyarakat',
    guidance: [
      'Memahami dan memenuhi kebutuhan masyarakat',
      'Ramah, cekatan, solutif, dan dapat diandalkan',
      'Melakukan perbaikan tiada henti',
    ],
  },
  {
    code: 'AKUNTABEL',
    name: 'Akuntabel',
    meaning: 'Bertanggung jawab atas kepercayaan yang diberikan',
    guidance: [
      'Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi',
      'Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien',
      'Tidak menyalahgunakan kewenangan jabatan',
    ],
  },
  {
    code: 'KOMPETEN',
    name: 'Kompeten',
    meaning: 'Terus belajar dan mengembangkan kapabilitas',
    guidance: [
      'Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah',
      'Membantu orang lain belajar',
      'Melaksanakan tugas dengan kualitas terbaik',
    ],
  },
  {
    code: 'HARMONIS',
    name: 'Harmonis',
    meaning: 'Saling peduli dan menghargai perbedaan',
    guidance: [
      'Menghargai setiap orang apa pun latar belakangnya',
      'Suka menolong orang lain',
      'Membangun lingkungan kerja yang kondusif',
    ],
  },
  {
    code: 'LOYAL',
    name: 'Loyal',
    meaning: 'Berdedikasi dan mengutamakan kepentingan bangsa dan negara',
    guidance: [
      'Memegang teguh ideologi Pancasila, UUD 1945, setia kepada NKRI serta pemerintahan yang sah',
      'Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara',
      'Menjaga rahasia jabatan dan negara',
    ],
  },
  {
    code: 'ADAPTIF',
    name: 'Adaptif',
    meaning: 'Terus berinovasi dan antusias dalam menggerakkan serta menghadapi perubahan',
    guidance: [
      'Cepat menyesuaikan diri menghadapi perubahan',
      'Terus berinovasi dan mengembangkan kreativitas',
      'Bertindak proaktif',
    ],
  },
  {
    code: 'KOLABORATIF',
    name: 'Kolaboratif',
    meaning: 'Membangun kerja sama yang sinergis',
    guidance: [
      'Memberi kesempatan kepada berbagai pihak untuk berkontribusi',
      'Terbuka dalam bekerja sama untuk menghasilkan nilai tambah',
      'Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama',
    ],
  },
] as const satisfies readonly BerakhlakValue[];

export type BerakhlakCode = (typeof BERAKHLAK_VALUES)[number]['code'];

export const BERAKHLAK_CODES = BERAKHLAK_VALUES.map((value) => value.code) as readonly BerakhlakCode[];
