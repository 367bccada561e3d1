import { DEMO_PEOPLE } from './demo-people';
import { bagian, bidang, opd, sekretariat, subbagian, type OpdSpec, type StaffSpec, type UnitSpec } from './demo-unit-spec';

/** A public school: the principal is a teacher with an additional task, supervised by a bidang of the Dinas. */
const sekolah = (name: string, supervisingBidang: string, staff: StaffSpec[]): UnitSpec => ({
  name,
  kind: 'sekolah',
  head: { title: `Kepala ${name}`, jenis: 'fungsional_keahlian', kelas: 11, field: 'pendidikan', reportsToHeadOf: supervisingBidang },
  staff,
  children: [],
});

const SD = 'Bidang Pembinaan Sekolah Dasar';
const SMP = 'Bidang Pembinaan Sekolah Menengah Pertama';
const sdStaff: StaffSpec[] = [
  { job: 'guruMadya', count: 1 },
  { job: 'guruMuda', count: 2 },
  { job: 'guruPertama', count: 4 },
  { job: 'pengadministrasiPerkantoran', count: 1 },
];
const smpStaff: StaffSpec[] = [
  { job: 'guruMadya', count: 2 },
  { job: 'guruMuda', count: 4 },
  { job: 'guruPertama', count: 6 },
  { job: 'pengelolaLayanan', count: 1 },
  { job: 'pengadministrasiPerkantoran', count: 1 },
];

export const DINAS_PENDIDIKAN: OpdSpec = opd('Dinas Pendidikan', 'pendidikan', ['penilikPertama', 'analisKebijakanPertama'], [
  bidang('Bidang Pembinaan Pendidikan Anak Usia Dini dan Pendidikan Nonformal', ['Seksi Kelembagaan dan Sarana PAUD', 'Seksi Pendidikan Nonformal'], {
    staff: [{ job: 'penilikPertama', count: 3 }],
  }),
  bidang(SD, ['Seksi Kurikulum dan Penilaian Sekolah Dasar', 'Seksi Kelembagaan dan Sarana Prasarana Sekolah Dasar'], {
    staff: [{ job: 'pengawasSekolahMadya', count: 3 }],
  }),
  bidang(SMP, ['Seksi Kurikulum dan Penilaian Sekolah Menengah Pertama', 'Seksi Kelembagaan dan Sarana Prasarana Sekolah Menengah Pertama'], {
    staff: [{ job: 'pengawasSekolahMadya', count: 2 }],
  }),
  bidang('Bidang Guru dan Tenaga Kependidikan', ['Seksi Pendidik dan Tenaga Kependidikan PAUD dan SD', 'Seksi Pendidik dan Tenaga Kependidikan SMP']),
  sekolah('SD Negeri 1 Kota Contoh', SD, sdStaff),
  sekolah('SD Negeri 2 Kota Contoh', SD, sdStaff),
  sekolah('SD Negeri 1 Sukamaju', SD, sdStaff),
  sekolah('SD Negeri 1 Tanjung Harapan', SD, sdStaff),
  sekolah('SD Negeri 1 Sungai Jernih', SD, sdStaff),
  sekolah('SMP Negeri 1 Kota Contoh', SMP, smpStaff),
  sekolah('SMP Negeri 1 Sukamaju', SMP, smpStaff),
  sekolah('SMP Negeri 1 Sungai Jernih', SMP, smpStaff),
]);

/** UPTD Puskesmas: headed by a doctor (pengawas level), reporting to the Kepala Dinas Kesehatan. */
const puskesmas = (place: string): UnitSpec => ({
  name: `UPTD Puskesmas ${place}`,
  kind: 'puskesmas',
  head: { title: `Kepala UPTD Puskesmas ${place}`, jenis: 'pengawas', kelas: 9, field: 'dokter' },
  staff: [
    { job: 'dokterPertama', count: 2 },
    { job: 'dokterGigiPertama', count: 1 },
    { job: 'perawatPertama', count: 1 },
    { job: 'perawatTerampil', count: 3 },
    { job: 'bidanMahir', count: 1 },
    { job: 'bidanTerampil', count: 3 },
    { job: 'asistenApotekerTerampil', count: 1 },
    { job: 'pranataLabTerampil', count: 1 },
    { job: 'nutrisionisTerampil', count: 1 },
    { job: 'sanitarianTerampil', count: 1 },
  ],
  children: [
    subbagian(`Subbagian Tata Usaha UPTD Puskesmas ${place}`, {
      staff: [{ job: 'pengadministrasiPerkantoran', count: 1 }, { job: 'pengelolaKeuangan', count: 1 }, { job: 'perekamMedisTerampil', count: 1 }],
    }),
  ],
});

const RSUD_NAME = 'Rumah Sakit Umum Daerah Kabupaten Contoh';
const rsud: UnitSpec = {
  name: RSUD_NAME,
  kind: 'uptd',
  head: { title: `Direktur ${RSUD_NAME}`, jenis: 'administrator', kelas: 12, field: 'dokter' },
  children: [
    bagian('Bagian Tata Usaha', ['Subbagian Umum dan Kepegawaian', 'Subbagian Keuangan dan Program']),
    bidang('Bidang Pelayanan Medik', ['Seksi Pelayanan Rawat Jalan dan Gawat Darurat', 'Seksi Pelayanan Rawat Inap'], {
      head: { field: 'dokter' },
      staff: [
        { job: 'dokterMadya', count: 4 },
        { job: 'dokterMuda', count: 2 },
        { job: 'dokterPertama', count: 4 },
      ],
    }),
    bidang('Bidang Keperawatan', ['Seksi Asuhan Keperawatan', 'Seksi Mutu dan Etika Keperawatan'], {
      head: { field: 'perawat' },
      staff: [
        { job: 'perawatPertama', count: 4 },
        { job: 'perawatMahir', count: 5 },
        { job: 'perawatTerampil', count: 10 },
        { job: 'bidanMahir', count: 2 },
        { job: 'bidanTerampil', count: 4 },
      ],
    }),
    bidang('Bidang Penunjang', ['Seksi Penunjang Medik', 'Seksi Penunjang Nonmedik'], {
      head: { field: 'kesmas' },
      staff: [
        { job: 'apotekerPertama', count: 2 },
        { job: 'asistenApotekerTerampil', count: 3 },
        { job: 'radiograferTerampil', count: 2 },
        { job: 'pranataLabTerampil', count: 3 },
        { job: 'perekamMedisTerampil', count: 3 },
        { job: 'nutrisionisTerampil', count: 2 },
      ],
    }),
  ],
};

export const DINAS_KESEHATAN: OpdSpec = opd(
  'Dinas Kesehatan',
  'dokter',
  ['epidemiologPertama', 'administratorKesehatanPertama', 'sanitarianTerampil', 'nutrisionisTerampil'],
  [
    bidang('Bidang Kesehatan Masyarakat', ['Seksi Kesehatan Keluarga dan Gizi', 'Seksi Promosi dan Pemberdayaan Masyarakat', 'Seksi Kesehatan Lingkungan, Kesehatan Kerja dan Olahraga'], {
      head: { field: 'kesmas' },
    }),
    bidang('Bidang Pencegahan dan Pengendalian Penyakit', ['Seksi Surveilans dan Imunisasi', 'Seksi Pencegahan dan Pengendalian Penyakit Menular', 'Seksi Pencegahan dan Pengendalian Penyakit Tidak Menular dan Kesehatan Jiwa'], {
      head: { field: 'kesmas' },
      staff: [{ job: 'epidemiologPertama', count: 2 }],
    }),
    bidang('Bidang Pelayanan dan Sumber Daya Kesehatan', ['Seksi Pelayanan Kesehatan Primer dan Rujukan', 'Seksi Kefarmasian dan Alat Kesehatan', 'Seksi Sumber Daya Manusia Kesehatan'], {
      head: { holder: DEMO_PEOPLE.kepalaBidangPelayananKesehatan },
      staff: [
        { job: 'pengelolaLayanan', count: 2, holders: [DEMO_PEOPLE.stafPelayananKesehatan] },
        { job: 'administratorKesehatanPertama', count: 1 },
      ],
    }),
    puskesmas('Kota Contoh'),
    puskesmas('Sukamaju'),
    puskesmas('Tanjung Harapan'),
    puskesmas('Sungai Jernih'),
    rsud,
  ],
  {
    head: { holder: DEMO_PEOPLE.kepalaDinasKesehatan },
    sekretariat: sekretariat('Sekretaris Dinas Kesehatan', ['Subbagian Umum dan Kepegawaian', 'Subbagian Keuangan dan Aset', 'Subbagian Program, Evaluasi dan Pelaporan']),
  },
);
