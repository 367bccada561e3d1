/**
 * A realistic catalogue for the demo regency: general activities of an Indonesian regional office
 * and a few activities of the most common positions, with output units and standard minutes in
 * the range ABK (analisis beban kerja) tables of regional governments use.
 */
export interface DemoActivity {
  name: string;
  outputUnit: string;
  standardMinutes: number;
  description?: string;
}

export const DEMO_GENERAL_ACTIVITIES: readonly DemoActivity[] = [
  { name: 'Menyusun draf surat dinas', outputUnit: 'dokumen', standardMinutes: 30, description: 'Konsep surat sesuai tata naskah dinas' },
  { name: 'Mengagendakan surat masuk dan surat keluar', outputUnit: 'surat', standardMinutes: 5 },
  { name: 'Mendistribusikan disposisi pimpinan', outputUnit: 'disposisi', standardMinutes: 5 },
  { name: 'Menyusun undangan rapat', outputUnit: 'undangan', standardMinutes: 15 },
  { name: 'Menyiapkan bahan rapat', outputUnit: 'paket', standardMinutes: 30 },
  { name: 'Mengikuti rapat koordinasi', outputUnit: 'kegiatan', standardMinutes: 120, description: 'Rapat internal atau lintas perangkat daerah' },
  { name: 'Menyusun notula rapat', outputUnit: 'notula', standardMinutes: 45 },
  { name: 'Menyusun telaahan staf', outputUnit: 'dokumen', standardMinutes: 60 },
  { name: 'Menyusun bahan paparan pimpinan', outputUnit: 'bahan paparan', standardMinutes: 90 },
  { name: 'Memeriksa dan memaraf konsep naskah dinas', outputUnit: 'dokumen', standardMinutes: 10 },
  { name: 'Menyusun laporan kegiatan', outputUnit: 'laporan', standardMinutes: 60 },
  { name: 'Menyusun rencana kerja bulanan', outputUnit: 'dokumen', standardMinutes: 60 },
  { name: 'Menyusun SKP dan rencana aksi', outputUnit: 'dokumen', standardMinutes: 60 },
  { name: 'Mengolah data dan menyajikan rekapitulasi', outputUnit: 'rekap', standardMinutes: 60 },
  { name: 'Menginput data ke aplikasi', outputUnit: 'berkas', standardMinutes: 10 },
  { name: 'Memverifikasi kelengkapan berkas usulan', outputUnit: 'berkas', standardMinutes: 15 },
  { name: 'Mengarsipkan dokumen', outputUnit: 'berkas', standardMinutes: 10 },
  { name: 'Menggandakan dan menjilid dokumen', outputUnit: 'dokumen', standardMinutes: 10 },
  { name: 'Melayani konsultasi dan tamu dinas', outputUnit: 'orang', standardMinutes: 15 },
  { name: 'Menindaklanjuti pengaduan masyarakat', outputUnit: 'pengaduan', standardMinutes: 30, description: 'Termasuk pengaduan melalui SP4N-LAPOR!' },
  { name: 'Melaksanakan monitoring dan evaluasi lapangan', outputUnit: 'kegiatan', standardMinutes: 240 },
  { name: 'Menyusun laporan perjalanan dinas', outputUnit: 'laporan', standardMinutes: 45 },
  { name: 'Mengikuti bimbingan teknis atau pelatihan', outputUnit: 'jam pelajaran', standardMinutes: 45, description: '1 JP = 45 menit' },
  { name: 'Mencatat mutasi barang persediaan', outputUnit: 'transaksi', standardMinutes: 5 },
  { name: 'Memutakhirkan konten laman dan media sosial instansi', outputUnit: 'unggahan', standardMinutes: 20 },
  { name: 'Menyusun bahan tindak lanjut hasil pemeriksaan', outputUnit: 'dokumen', standardMinutes: 90 },
];

/** Activities of common positions (by their name in the demo regency), added for every position of that name. */
export const DEMO_POSITION_ACTIVITIES: Readonly<Record<string, readonly DemoActivity[]>> = {
  'Pengadministrasi Perkantoran': [
    { name: 'Menerima, mencatat dan meneruskan surat masuk', outputUnit: 'surat', standardMinutes: 5 },
    { name: 'Mengetik konsep naskah dinas', outputUnit: 'halaman', standardMinutes: 10 },
    { name: 'Menyiapkan daftar hadir dan administrasi rapat', outputUnit: 'kegiatan', standardMinutes: 20 },
  ],
  'Pengolah Data dan Informasi': [
    { name: 'Memutakhirkan basis data layanan', outputUnit: 'data', standardMinutes: 3 },
    { name: 'Menyusun laporan statistik bulanan', outputUnit: 'laporan', standardMinutes: 120 },
    { name: 'Membuat infografis data kinerja', outputUnit: 'infografis', standardMinutes: 60 },
  ],
  'Operator Layanan Operasional': [
    { name: 'Melayani permohonan di loket layanan', outputUnit: 'pemohon', standardMinutes: 15 },
    { name: 'Mengoperasikan aplikasi layanan', outputUnit: 'transaksi', standardMinutes: 5 },
  ],
  'Pengelola Layanan Operasional': [
    { name: 'Mengatur jadwal dan sarana kegiatan', outputUnit: 'kegiatan', standardMinutes: 30 },
    { name: 'Menyiapkan kebutuhan logistik kegiatan', outputUnit: 'paket', standardMinutes: 45 },
  ],
  'Pengelola Keuangan': [
    { name: 'Menyusun dokumen SPP dan SPM', outputUnit: 'dokumen', standardMinutes: 45 },
    { name: 'Memverifikasi bukti pertanggungjawaban belanja', outputUnit: 'berkas', standardMinutes: 20 },
    { name: 'Menyusun laporan realisasi anggaran', outputUnit: 'laporan', standardMinutes: 120 },
  ],
  Bendahara: [
    { name: 'Membukukan transaksi pada buku kas umum', outputUnit: 'transaksi', standardMinutes: 10 },
    { name: 'Menyetorkan dan melaporkan pajak belanja', outputUnit: 'setoran', standardMinutes: 20 },
    { name: 'Menyusun laporan pertanggungjawaban bendahara', outputUnit: 'laporan', standardMinutes: 180 },
  ],
  'Analis Sumber Daya Manusia Aparatur Ahli Pertama': [
    { name: 'Memproses usulan kenaikan pangkat', outputUnit: 'berkas', standardMinutes: 60 },
    { name: 'Memutakhirkan data kepegawaian di SIASN', outputUnit: 'data', standardMinutes: 10 },
  ],
  'Arsiparis Terampil': [
    { name: 'Mendeskripsikan arsip', outputUnit: 'berkas', standardMinutes: 15 },
    { name: 'Menata arsip inaktif', outputUnit: 'boks', standardMinutes: 60 },
  ],
};
