import type { jenisJabatanValues } from '../../../contracts/org';

export type JenisJabatan = (typeof jenisJabatanValues)[number];

/** Field of study: decides the academic titles a holder plausibly has. */
export type StudyField =
  | 'umum'
  | 'ekonomi'
  | 'hukum'
  | 'teknik'
  | 'komputer'
  | 'pertanian'
  | 'perikanan'
  | 'pendidikan'
  | 'kesmas'
  | 'sosial'
  | 'pemerintahan'
  | 'dokter'
  | 'dokter_gigi'
  | 'perawat'
  | 'bidan'
  | 'farmasi'
  | 'analis_kesehatan'
  | 'dokter_hewan';

/** Schooling on appointment: SMA, diploma (D3/D4) or a bachelor/professional degree. */
export type SchoolLevel = 'sma' | 'diploma' | 'sarjana';

export interface JobSpec {
  name: string;
  jenis: JenisJabatan;
  kelas: number;
  field: StudyField;
  level: SchoolLevel;
  /** PPPK are recruited mostly into functional posts (teachers, health workers, extension workers). */
  isPppkFormation?: boolean;
}

const pelaksana = (name: string, kelas: number, field: StudyField = 'umum'): JobSpec => ({
  name,
  jenis: 'pelaksana',
  kelas,
  field,
  level: kelas <= 5 ? 'sma' : kelas === 6 ? 'diploma' : 'sarjana',
});
const ahli = (name: string, kelas: number, field: StudyField, isPppkFormation = false): JobSpec => ({
  name,
  jenis: 'fungsional_keahlian',
  kelas,
  field,
  level: 'sarjana',
  isPppkFormation,
});
const terampil = (name: string, kelas: number, field: StudyField, isPppkFormation = false): JobSpec => ({
  name,
  jenis: 'fungsional_keterampilan',
  kelas,
  field,
  level: 'diploma',
  isPppkFormation,
});

/**
 * Jabatan pelaksana and fungsional used by the demo (nomenclature after KepmenPANRB 11/2024 for
 * pelaksana; functional titles per their PermenPANRB). Kelas follows common Perbup tables.
 */
export const JOBS = {
  pengadministrasiPerkantoran: pelaksana('Pengadministrasi Perkantoran', 5),
  operatorLayanan: pelaksana('Operator Layanan Operasional', 5),
  pengelolaLayanan: pelaksana('Pengelola Layanan Operasional', 6),
  pengolahData: pelaksana('Pengolah Data dan Informasi', 6, 'komputer'),
  penataLayanan: pelaksana('Penata Layanan Operasional', 7),
  pengelolaKeuangan: pelaksana('Pengelola Keuangan', 6, 'ekonomi'),
  bendahara: pelaksana('Bendahara', 7, 'ekonomi'),
  analisKebijakanPertama: ahli('Analis Kebijakan Ahli Pertama', 8, 'umum'),
  analisKebijakanMuda: ahli('Analis Kebijakan Ahli Muda', 9, 'umum'),
  perencanaPertama: ahli('Perencana Ahli Pertama', 8, 'ekonomi'),
  perencanaMuda: ahli('Perencana Ahli Muda', 9, 'ekonomi'),
  pranataKomputerPertama: ahli('Pranata Komputer Ahli Pertama', 8, 'komputer'),
  pranataKomputerTerampil: terampil('Pranata Komputer Terampil', 6, 'komputer'),
  arsiparisTerampil: terampil('Arsiparis Terampil', 6, 'umum'),
  arsiparisPertama: ahli('Arsiparis Ahli Pertama', 8, 'umum'),
  analisSdmPertama: ahli('Analis Sumber Daya Manusia Aparatur Ahli Pertama', 8, 'umum'),
  analisSdmMuda: ahli('Analis Sumber Daya Manusia Aparatur Ahli Muda', 9, 'umum'),
  analisKeuanganPertama: ahli('Analis Keuangan Pusat dan Daerah Ahli Pertama', 8, 'ekonomi'),
  analisKeuanganMuda: ahli('Analis Keuangan Pusat dan Daerah Ahli Muda', 9, 'ekonomi'),
  pengelolaPbjPertama: ahli('Pengelola Pengadaan Barang/Jasa Ahli Pertama', 8, 'ekonomi'),
  analisHukumPertama: ahli('Analis Hukum Ahli Pertama', 8, 'hukum'),
  perancangPerundanganPertama: ahli('Perancang Peraturan Perundang-undangan Ahli Pertama', 8, 'hukum'),
  auditorPertama: ahli('Auditor Ahli Pertama', 8, 'ekonomi'),
  auditorMuda: ahli('Auditor Ahli Muda', 9, 'ekonomi'),
  auditorMadya: ahli('Auditor Ahli Madya', 11, 'ekonomi'),
  p2updMuda: ahli('Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah Ahli Muda', 9, 'pemerintahan'),
  pranataHumasPertama: ahli('Pranata Hubungan Masyarakat Ahli Pertama', 8, 'sosial'),
  statistisiPertama: ahli('Statistisi Ahli Pertama', 8, 'komputer'),
  sandimanPertama: ahli('Sandiman Ahli Pertama', 8, 'komputer'),
  pustakawanTerampil: terampil('Pustakawan Terampil', 6, 'umum'),
  pustakawanPertama: ahli('Pustakawan Ahli Pertama', 8, 'umum'),
  polPpTerampil: terampil('Polisi Pamong Praja Terampil', 6, 'umum'),
  polPpMahir: terampil('Polisi Pamong Praja Mahir', 7, 'umum'),
  damkarTerampil: terampil('Pemadam Kebakaran Terampil', 6, 'umum'),
  penanggulanganBencanaPertama: ahli('Penata Penanggulangan Bencana Ahli Pertama', 8, 'teknik'),
  pengujiKendaraanTerampil: terampil('Penguji Kendaraan Bermotor Terampil', 6, 'teknik'),
  pekerjaSosialPertama: ahli('Pekerja Sosial Ahli Pertama', 8, 'sosial', true),
  penyuluhSosialPertama: ahli('Penyuluh Sosial Ahli Pertama', 8, 'sosial'),
  adminDatabaseKependudukanPertama: ahli('Administrator Database Kependudukan Ahli Pertama', 8, 'komputer'),
  penyuluhPertanianTerampil: terampil('Penyuluh Pertanian Terampil', 6, 'pertanian', true),
  penyuluhPertanianPertama: ahli('Penyuluh Pertanian Ahli Pertama', 8, 'pertanian', true),
  medikVeteriner: ahli('Medik Veteriner Ahli Pertama', 8, 'dokter_hewan'),
  penyuluhPerikananPertama: ahli('Penyuluh Perikanan Ahli Pertama', 8, 'perikanan', true),
  pengendaliDampakPertama: ahli('Pengendali Dampak Lingkungan Ahli Pertama', 8, 'teknik'),
  teknikJalanPertama: ahli('Teknik Jalan dan Jembatan Ahli Pertama', 8, 'teknik'),
  teknikPengairanPertama: ahli('Teknik Pengairan Ahli Pertama', 8, 'teknik'),
  penataRuangPertama: ahli('Penata Ruang Ahli Pertama', 8, 'teknik'),
  teknikTataBangunanPertama: ahli('Teknik Tata Bangunan dan Perumahan Ahli Pertama', 8, 'teknik'),
  pengawasKoperasiPertama: ahli('Pengawas Koperasi Ahli Pertama', 8, 'ekonomi'),
  peneraTerampil: terampil('Penera Terampil', 6, 'teknik'),
  pengawasPerdaganganPertama: ahli('Pengawas Perdagangan Ahli Pertama', 8, 'ekonomi'),
  adyatamaPariwisataPertama: ahli('Adyatama Kepariwisataan dan Ekonomi Kreatif Ahli Pertama', 8, 'sosial'),
  penggerakSwadayaPertama: ahli('Penggerak Swadaya Masyarakat Ahli Pertama', 8, 'sosial'),
  penyuluhKbPertama: ahli('Penyuluh Keluarga Berencana Ahli Pertama', 8, 'kesmas', true),
  penilikPertama: ahli('Penilik Ahli Pertama', 8, 'pendidikan'),
  pengawasSekolahMadya: ahli('Pengawas Sekolah Ahli Madya', 11, 'pendidikan'),
  guruPertama: ahli('Guru Ahli Pertama', 8, 'pendidikan', true),
  guruMuda: ahli('Guru Ahli Muda', 9, 'pendidikan', true),
  guruMadya: ahli('Guru Ahli Madya', 11, 'pendidikan'),
  dokterPertama: ahli('Dokter Ahli Pertama', 8, 'dokter', true),
  dokterMuda: ahli('Dokter Ahli Muda', 9, 'dokter'),
  dokterMadya: ahli('Dokter Ahli Madya', 11, 'dokter'),
  dokterGigiPertama: ahli('Dokter Gigi Ahli Pertama', 8, 'dokter_gigi'),
  perawatTerampil: terampil('Perawat Terampil', 6, 'perawat', true),
  perawatMahir: terampil('Perawat Mahir', 7, 'perawat'),
  perawatPertama: ahli('Perawat Ahli Pertama', 8, 'perawat', true),
  bidanTerampil: terampil('Bidan Terampil', 6, 'bidan', true),
  bidanMahir: terampil('Bidan Mahir', 7, 'bidan'),
  apotekerPertama: ahli('Apoteker Ahli Pertama', 8, 'farmasi'),
  asistenApotekerTerampil: terampil('Asisten Apoteker Terampil', 6, 'farmasi', true),
  pranataLabTerampil: terampil('Pranata Laboratorium Kesehatan Terampil', 6, 'analis_kesehatan', true),
  nutrisionisTerampil: terampil('Nutrisionis Terampil', 6, 'kesmas', true),
  sanitarianTerampil: terampil('Sanitarian Terampil', 6, 'kesmas', true),
  perekamMedisTerampil: terampil('Perekam Medis Terampil', 6, 'kesmas'),
  radiograferTerampil: terampil('Radiografer Terampil', 6, 'analis_kesehatan'),
  epidemiologPertama: ahli('Epidemiolog Kesehatan Ahli Pertama', 8, 'kesmas'),
  administratorKesehatanPertama: ahli('Administrator Kesehatan Ahli Pertama', 8, 'kesmas'),
} satisfies Record<string, JobSpec>;

export type JobKey = keyof typeof JOBS;
