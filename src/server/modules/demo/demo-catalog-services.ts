import { bidang, opd, type OpdSpec } from './demo-unit-spec';

/** Dinas providing public services, each with a Sekretariat and bidang → seksi. */
export const SERVICE_OPDS: OpdSpec[] = [
  opd('Dinas Pekerjaan Umum dan Penataan Ruang', 'teknik', ['teknikJalanPertama', 'teknikPengairanPertama', 'penataRuangPertama'], [
    bidang('Bidang Bina Marga', ['Seksi Pembangunan Jalan dan Jembatan', 'Seksi Pemeliharaan Jalan dan Jembatan', 'Seksi Perencanaan Teknis Jalan']),
    bidang('Bidang Sumber Daya Air', ['Seksi Irigasi', 'Seksi Sungai dan Pantai']),
    bidang('Bidang Cipta Karya', ['Seksi Air Minum dan Sanitasi', 'Seksi Bangunan Gedung']),
    bidang('Bidang Penataan Ruang dan Bina Konstruksi', ['Seksi Perencanaan Tata Ruang', 'Seksi Bina Konstruksi']),
  ]),
  opd('Dinas Perhubungan', 'teknik', ['pengujiKendaraanTerampil'], [
    bidang('Bidang Lalu Lintas', ['Seksi Manajemen dan Rekayasa Lalu Lintas', 'Seksi Pengendalian dan Operasional']),
    bidang('Bidang Angkutan', ['Seksi Angkutan Orang', 'Seksi Angkutan Barang'], { head: { vacancy: { acting: null } } }),
    bidang('Bidang Sarana dan Prasarana', ['Seksi Terminal dan Perparkiran', 'Seksi Pengujian Kendaraan Bermotor']),
  ]),
  opd('Dinas Sosial', 'sosial', ['pekerjaSosialPertama', 'penyuluhSosialPertama'], [
    bidang('Bidang Rehabilitasi Sosial', ['Seksi Rehabilitasi Sosial Anak dan Lanjut Usia', 'Seksi Rehabilitasi Sosial Penyandang Disabilitas']),
    bidang('Bidang Perlindungan dan Jaminan Sosial', ['Seksi Perlindungan Sosial Korban Bencana', 'Seksi Jaminan Sosial Keluarga']),
    bidang('Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin', ['Seksi Pemberdayaan Sosial', 'Seksi Penanganan Fakir Miskin']),
  ]),
  opd('Dinas Kependudukan dan Pencatatan Sipil', 'komputer', ['adminDatabaseKependudukanPertama', 'pranataKomputerTerampil'], [
    bidang('Bidang Pelayanan Pendaftaran Penduduk', ['Seksi Identitas Penduduk', 'Seksi Pindah Datang Penduduk']),
    bidang('Bidang Pelayanan Pencatatan Sipil', ['Seksi Kelahiran dan Kematian', 'Seksi Perkawinan dan Perceraian']),
    bidang('Bidang Pengelolaan Informasi Administrasi Kependudukan', ['Seksi Sistem Informasi Administrasi Kependudukan', 'Seksi Pengolahan dan Penyajian Data']),
    bidang('Bidang Pemanfaatan Data dan Inovasi Pelayanan', ['Seksi Kerja Sama dan Pemanfaatan Data', 'Seksi Inovasi Pelayanan']),
  ]),
  opd('Satuan Polisi Pamong Praja', 'hukum', ['polPpTerampil', 'polPpMahir', 'damkarTerampil'], [
    bidang('Bidang Penegakan Peraturan Daerah', ['Seksi Pembinaan dan Penyuluhan', 'Seksi Penyelidikan dan Penyidikan']),
    bidang('Bidang Ketertiban Umum dan Ketenteraman Masyarakat', ['Seksi Operasi dan Pengendalian', 'Seksi Kerja Sama']),
    bidang('Bidang Perlindungan Masyarakat', ['Seksi Satuan Perlindungan Masyarakat', 'Seksi Bina Potensi Masyarakat']),
    bidang('Bidang Pemadam Kebakaran', ['Seksi Pencegahan Kebakaran', 'Seksi Operasi Pemadaman dan Penyelamatan'], {
      staff: [{ job: 'damkarTerampil', count: 6 }],
    }),
  ], { head: { title: 'Kepala Satuan Polisi Pamong Praja' } }),
  opd('Dinas Komunikasi dan Informatika', 'komputer', ['pranataKomputerPertama', 'pranataHumasPertama', 'statistisiPertama', 'sandimanPertama'], [
    bidang('Bidang Informasi dan Komunikasi Publik', ['Seksi Pengelolaan Informasi Publik', 'Seksi Komunikasi Publik dan Media']),
    bidang('Bidang Aplikasi Informatika', ['Seksi Infrastruktur Teknologi Informasi', 'Seksi Layanan Aplikasi dan E-Government']),
    bidang('Bidang Statistik dan Persandian', ['Seksi Statistik Sektoral', 'Seksi Persandian dan Keamanan Informasi']),
  ]),
  opd('Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'hukum', ['analisKebijakanPertama', 'pranataKomputerTerampil'], [
    bidang('Bidang Penanaman Modal', ['Seksi Promosi Penanaman Modal', 'Seksi Pengendalian Penanaman Modal']),
    bidang('Bidang Pelayanan Perizinan', ['Seksi Perizinan Usaha', 'Seksi Perizinan Nonusaha']),
    bidang('Bidang Pengaduan, Kebijakan dan Informasi', ['Seksi Pengaduan', 'Seksi Data dan Informasi']),
  ]),
  opd('Dinas Pertanian', 'pertanian', ['penyuluhPertanianTerampil', 'penyuluhPertanianPertama', 'medikVeteriner'], [
    bidang('Bidang Tanaman Pangan', ['Seksi Produksi Tanaman Pangan', 'Seksi Perlindungan Tanaman']),
    bidang('Bidang Hortikultura dan Perkebunan', ['Seksi Hortikultura', 'Seksi Perkebunan']),
    bidang('Bidang Peternakan dan Kesehatan Hewan', ['Seksi Produksi Peternakan', 'Seksi Kesehatan Hewan dan Kesehatan Masyarakat Veteriner']),
    bidang('Bidang Penyuluhan', ['Seksi Kelembagaan Penyuluhan', 'Seksi Metode dan Informasi Penyuluhan'], {
      staff: [{ job: 'penyuluhPertanianTerampil', count: 8 }, { job: 'penyuluhPertanianPertama', count: 6 }],
    }),
  ]),
  opd('Dinas Perikanan', 'perikanan', ['penyuluhPerikananPertama'], [
    bidang('Bidang Perikanan Tangkap', ['Seksi Sarana dan Prasarana Perikanan Tangkap', 'Seksi Pemberdayaan Nelayan']),
    bidang('Bidang Perikanan Budidaya', ['Seksi Produksi Perikanan Budidaya', 'Seksi Kesehatan Ikan dan Lingkungan']),
    bidang('Bidang Pengolahan dan Pemasaran Hasil Perikanan', ['Seksi Pengolahan Hasil Perikanan', 'Seksi Pemasaran Hasil Perikanan']),
  ]),
  opd('Dinas Lingkungan Hidup', 'teknik', ['pengendaliDampakPertama'], [
    bidang('Bidang Tata Lingkungan', ['Seksi Kajian Dampak Lingkungan', 'Seksi Pemeliharaan Lingkungan Hidup']),
    bidang('Bidang Pengelolaan Sampah dan Limbah B3', ['Seksi Pengurangan Sampah', 'Seksi Penanganan Sampah dan Limbah B3']),
    bidang('Bidang Pengendalian Pencemaran dan Kerusakan Lingkungan', ['Seksi Pemantauan Lingkungan', 'Seksi Penegakan Hukum Lingkungan']),
  ]),
  opd('Dinas Perumahan dan Kawasan Permukiman', 'teknik', ['teknikTataBangunanPertama'], [
    bidang('Bidang Perumahan', ['Seksi Pendataan dan Perencanaan Perumahan', 'Seksi Pembangunan Perumahan']),
    bidang('Bidang Kawasan Permukiman', ['Seksi Peningkatan Kualitas Permukiman', 'Seksi Prasarana, Sarana dan Utilitas Umum']),
    bidang('Bidang Pertanahan', ['Seksi Perencanaan dan Pengadaan Tanah', 'Seksi Penyelesaian Sengketa Tanah']),
  ]),
  opd('Dinas Koperasi, Usaha Kecil dan Menengah', 'ekonomi', ['pengawasKoperasiPertama'], [
    bidang('Bidang Kelembagaan dan Pengawasan Koperasi', ['Seksi Kelembagaan Koperasi', 'Seksi Pengawasan Koperasi']),
    bidang('Bidang Pemberdayaan Usaha Mikro', ['Seksi Fasilitasi Usaha Mikro', 'Seksi Pengembangan Kewirausahaan']),
    bidang('Bidang Pengembangan Usaha Kecil dan Menengah', ['Seksi Pembiayaan dan Kemitraan', 'Seksi Pemasaran Produk']),
  ]),
  opd('Dinas Perdagangan dan Perindustrian', 'ekonomi', ['pengawasPerdaganganPertama', 'peneraTerampil'], [
    bidang('Bidang Perdagangan', ['Seksi Perdagangan Dalam Negeri', 'Seksi Pengelolaan Pasar']),
    bidang('Bidang Perindustrian', ['Seksi Industri Agro dan Kimia', 'Seksi Industri Logam, Mesin dan Aneka']),
    bidang('Bidang Metrologi Legal dan Perlindungan Konsumen', ['Seksi Metrologi Legal', 'Seksi Perlindungan Konsumen']),
  ]),
  opd('Dinas Pariwisata, Pemuda dan Olahraga', 'sosial', ['adyatamaPariwisataPertama'], [
    bidang('Bidang Destinasi Pariwisata', ['Seksi Pengembangan Destinasi', 'Seksi Pengelolaan Daya Tarik Wisata']),
    bidang('Bidang Pemasaran dan Ekonomi Kreatif', ['Seksi Promosi Pariwisata', 'Seksi Ekonomi Kreatif']),
    bidang('Bidang Kepemudaan dan Olahraga', ['Seksi Kepemudaan', 'Seksi Olahraga']),
  ], { head: { vacancy: { acting: 'plt', actingHeadOf: 'Bidang Destinasi Pariwisata' } } }),
  opd('Dinas Pemberdayaan Masyarakat dan Desa', 'pemerintahan', ['penggerakSwadayaPertama'], [
    bidang('Bidang Pemerintahan Desa', ['Seksi Administrasi Pemerintahan Desa', 'Seksi Keuangan dan Aset Desa']),
    bidang('Bidang Pemberdayaan Masyarakat Desa', ['Seksi Kelembagaan Masyarakat Desa', 'Seksi Partisipasi Masyarakat']),
    bidang('Bidang Pengembangan Ekonomi Desa', ['Seksi Badan Usaha Milik Desa', 'Seksi Sarana dan Prasarana Desa']),
  ]),
  opd('Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana', 'kesmas', ['penyuluhKbPertama'], [
    bidang('Bidang Pemberdayaan Perempuan', ['Seksi Kualitas Hidup Perempuan', 'Seksi Pengarusutamaan Gender']),
    bidang('Bidang Perlindungan Anak', ['Seksi Pemenuhan Hak Anak', 'Seksi Perlindungan Khusus Anak']),
    bidang('Bidang Pengendalian Penduduk dan Keluarga Berencana', ['Seksi Pengendalian Penduduk', 'Seksi Keluarga Berencana dan Ketahanan Keluarga'], {
      staff: [{ job: 'penyuluhKbPertama', count: 8 }],
    }),
  ]),
  opd('Dinas Perpustakaan dan Kearsipan', 'umum', ['pustakawanTerampil', 'pustakawanPertama', 'arsiparisPertama'], [
    bidang('Bidang Layanan Perpustakaan', ['Seksi Layanan dan Otomasi Perpustakaan', 'Seksi Pembinaan Perpustakaan']),
    bidang('Bidang Pengembangan Koleksi dan Pembudayaan Gemar Membaca', ['Seksi Pengembangan Koleksi', 'Seksi Pembudayaan Gemar Membaca']),
    bidang('Bidang Kearsipan', ['Seksi Pengelolaan Arsip', 'Seksi Pembinaan Kearsipan']),
  ]),
];
