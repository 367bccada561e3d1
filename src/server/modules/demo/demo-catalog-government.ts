import { bagian, bidang, opd, sekretariat, seksi, subbagian, type OpdSpec, type UnitSpec } from './demo-unit-spec';

/** Asisten of the Sekretaris Daerah: a JPT pratama leading a group of Bagian. */
const asisten = (name: string, children: UnitSpec[]): UnitSpec => ({
  name,
  kind: 'lainnya',
  head: { title: name, jenis: 'jpt_pratama', kelas: 14 },
  children,
});

const subbidang = (name: string) => seksi(`Subbidang ${name}`);

export const SEKRETARIAT_DAERAH: OpdSpec = opd(
  'Sekretariat Daerah',
  'pemerintahan',
  ['analisKebijakanPertama', 'analisKebijakanMuda', 'analisHukumPertama', 'pranataHumasPertama', 'pengelolaPbjPertama'],
  [
    asisten('Asisten Pemerintahan dan Kesejahteraan Rakyat', [
      bagian('Bagian Tata Pemerintahan', ['Subbagian Pemerintahan Umum', 'Subbagian Otonomi Daerah dan Kerja Sama']),
      bagian('Bagian Hukum', [
        subbagian('Subbagian Perundang-undangan', { staff: [{ job: 'perancangPerundanganPertama', count: 2 }, { job: 'pengelolaLayanan', count: 1 }] }),
        subbagian('Subbagian Bantuan Hukum dan HAM', { staff: [{ job: 'analisHukumPertama', count: 2 }, { job: 'pengadministrasiPerkantoran', count: 1 }] }),
      ]),
      bagian('Bagian Kesejahteraan Rakyat', ['Subbagian Bina Mental Spiritual', 'Subbagian Kesejahteraan Sosial']),
    ]),
    asisten('Asisten Perekonomian dan Pembangunan', [
      bagian('Bagian Perekonomian dan Sumber Daya Alam', ['Subbagian Perekonomian', 'Subbagian Sumber Daya Alam']),
      bagian('Bagian Administrasi Pembangunan', ['Subbagian Pengendalian Pembangunan', 'Subbagian Evaluasi dan Pelaporan Pembangunan']),
      bagian('Bagian Pengadaan Barang dan Jasa', [
        subbagian('Subbagian Pengelolaan Pengadaan Barang dan Jasa', { staff: [{ job: 'pengelolaPbjPertama', count: 3 }] }),
        subbagian('Subbagian Layanan Pengadaan Secara Elektronik', { staff: [{ job: 'pranataKomputerPertama', count: 1 }, { job: 'pengelolaPbjPertama', count: 2 }] }),
      ]),
    ]),
    asisten('Asisten Administrasi Umum', [
      bagian('Bagian Organisasi', ['Subbagian Kelembagaan dan Analisis Jabatan', 'Subbagian Reformasi Birokrasi dan Tata Laksana']),
      bagian('Bagian Umum', ['Subbagian Tata Usaha Pimpinan', 'Subbagian Keuangan', 'Subbagian Rumah Tangga']),
      bagian('Bagian Protokol dan Komunikasi Pimpinan', ['Subbagian Protokol', 'Subbagian Komunikasi Pimpinan']),
    ]),
  ],
  { head: { title: 'Sekretaris Daerah', kelas: 15 }, sekretariat: null },
);

export const SEKRETARIAT_DPRD: OpdSpec = opd(
  'Sekretariat DPRD',
  'pemerintahan',
  ['analisKebijakanPertama', 'perancangPerundanganPertama', 'pranataHumasPertama'],
  [
    bagian('Bagian Umum dan Keuangan', ['Subbagian Tata Usaha dan Kepegawaian', 'Subbagian Keuangan']),
    bagian('Bagian Persidangan dan Perundang-undangan', ['Subbagian Persidangan dan Risalah', 'Subbagian Perundang-undangan']),
    bagian('Bagian Fasilitasi Penganggaran dan Pengawasan', ['Subbagian Fasilitasi Penganggaran', 'Subbagian Hubungan Masyarakat dan Protokol']),
  ],
  { head: { title: 'Sekretaris DPRD' }, sekretariat: null },
);

/** Inspektur Pembantu: administrator leading auditors directly, without seksi. */
const inspekturPembantu = (wilayah: string): UnitSpec =>
  bidang(`Inspektur Pembantu Wilayah ${wilayah}`, [], {
    head: { title: `Inspektur Pembantu Wilayah ${wilayah}`, kelas: 12 },
    staff: [
      { job: 'auditorMadya', count: 1 },
      { job: 'auditorMuda', count: 2 },
      { job: 'auditorPertama', count: 3 },
      { job: 'p2updMuda', count: 2 },
    ],
  });

export const INSPEKTORAT: OpdSpec = opd(
  'Inspektorat',
  'ekonomi',
  ['auditorPertama', 'p2updMuda'],
  [inspekturPembantu('I'), inspekturPembantu('II'), inspekturPembantu('III'), inspekturPembantu('IV')],
  {
    head: { title: 'Inspektur' },
    sekretariat: sekretariat('Sekretaris Inspektorat', ['Subbagian Umum dan Keuangan', 'Subbagian Perencanaan, Evaluasi dan Pelaporan']),
  },
);

export const BAPPEDA: OpdSpec = opd(
  'Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah',
  'ekonomi',
  ['perencanaPertama', 'perencanaMuda', 'statistisiPertama'],
  [
    bidang('Bidang Perencanaan, Pengendalian dan Evaluasi Pembangunan', [subbidang('Perencanaan dan Pendanaan'), subbidang('Pengendalian dan Evaluasi')]),
    bidang('Bidang Pemerintahan dan Pembangunan Manusia', [subbidang('Pemerintahan'), subbidang('Pembangunan Manusia')]),
    bidang('Bidang Perekonomian dan Sumber Daya Alam', [subbidang('Perekonomian'), subbidang('Sumber Daya Alam')]),
    bidang('Bidang Infrastruktur dan Kewilayahan', [subbidang('Infrastruktur'), subbidang('Kewilayahan')]),
    bidang('Bidang Riset dan Inovasi Daerah', [subbidang('Riset'), subbidang('Inovasi Daerah')]),
  ],
);

export const BKPSDM: OpdSpec = opd(
  'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
  'umum',
  ['analisSdmPertama', 'analisSdmMuda', 'pranataKomputerPertama'],
  [
    bidang('Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian', [subbidang('Pengadaan dan Pemberhentian'), subbidang('Data dan Informasi Kepegawaian')]),
    bidang('Bidang Mutasi dan Promosi', [subbidang('Mutasi'), subbidang('Promosi dan Jabatan')]),
    bidang('Bidang Pengembangan Kompetensi Aparatur', [subbidang('Pendidikan dan Pelatihan'), subbidang('Sertifikasi dan Penilaian Kompetensi')]),
    bidang('Bidang Penilaian Kinerja Aparatur dan Penghargaan', [subbidang('Penilaian Kinerja'), subbidang('Disiplin dan Penghargaan')]),
  ],
);

export const BPKAD: OpdSpec = opd(
  'Badan Pengelolaan Keuangan dan Aset Daerah',
  'ekonomi',
  ['analisKeuanganPertama', 'analisKeuanganMuda', 'pengelolaKeuangan'],
  [
    bidang('Bidang Anggaran', [subbidang('Anggaran Pendapatan dan Pembiayaan'), subbidang('Anggaran Belanja')]),
    bidang('Bidang Perbendaharaan', [subbidang('Belanja Pegawai'), subbidang('Belanja Barang dan Modal'), subbidang('Kas Daerah')]),
    bidang('Bidang Akuntansi dan Pelaporan', [subbidang('Akuntansi'), subbidang('Pelaporan Keuangan')]),
    bidang('Bidang Aset', [subbidang('Perencanaan dan Penatausahaan Aset'), subbidang('Pemanfaatan dan Pengamanan Aset')]),
  ],
);

export const BAPENDA: OpdSpec = opd(
  'Badan Pendapatan Daerah',
  'ekonomi',
  ['analisKeuanganPertama', 'pengelolaKeuangan'],
  [
    bidang('Bidang Pendataan dan Penetapan', [subbidang('Pendataan dan Pendaftaran'), subbidang('Penetapan Pajak Daerah')]),
    bidang('Bidang Penagihan dan Keberatan', [subbidang('Penagihan'), subbidang('Keberatan dan Pengurangan')]),
    bidang('Bidang Pengembangan dan Pengendalian Pendapatan', [subbidang('Pengembangan Pendapatan'), subbidang('Pengendalian dan Evaluasi Pendapatan')]),
  ],
);

export const BPBD: OpdSpec = opd(
  'Badan Penanggulangan Bencana Daerah',
  'teknik',
  ['penanggulanganBencanaPertama'],
  [
    bidang('Bidang Pencegahan dan Kesiapsiagaan', ['Seksi Pencegahan', 'Seksi Kesiapsiagaan']),
    bidang('Bidang Kedaruratan dan Logistik', ['Seksi Kedaruratan', 'Seksi Logistik']),
    bidang('Bidang Rehabilitasi dan Rekonstruksi', ['Seksi Rehabilitasi', 'Seksi Rekonstruksi']),
  ],
  { head: { title: 'Kepala Pelaksana Badan Penanggulangan Bencana Daerah' } },
);

export const KESBANGPOL: OpdSpec = opd(
  'Badan Kesatuan Bangsa dan Politik',
  'sosial',
  ['analisKebijakanPertama'],
  [
    bidang('Bidang Ideologi, Wawasan Kebangsaan dan Karakter Bangsa', [subbidang('Ideologi dan Wawasan Kebangsaan'), subbidang('Karakter Bangsa')]),
    bidang('Bidang Politik Dalam Negeri dan Organisasi Kemasyarakatan', [subbidang('Politik Dalam Negeri'), subbidang('Organisasi Kemasyarakatan')]),
    bidang('Bidang Ketahanan Ekonomi, Sosial, Budaya dan Penanganan Konflik', [subbidang('Ketahanan Ekonomi, Sosial dan Budaya'), subbidang('Kewaspadaan Nasional dan Penanganan Konflik')]),
  ],
);

/** Kecamatan: a camat (administrator) with a Sekretariat and seksi directly under the camat. */
const kecamatan = (place: string, options: { isCamatVacant?: boolean } = {}): OpdSpec =>
  opd(
    `Kecamatan ${place}`,
    'pemerintahan',
    ['penggerakSwadayaPertama'],
    ['Seksi Pemerintahan', 'Seksi Ketenteraman dan Ketertiban Umum', 'Seksi Pemberdayaan Masyarakat dan Desa', 'Seksi Kesejahteraan Sosial', 'Seksi Pelayanan Umum'].map(
      (name) => seksi(name),
    ),
    {
      head: {
        title: `Camat ${place}`,
        jenis: 'administrator',
        kelas: 12,
        ...(options.isCamatVacant ? { vacancy: { acting: 'plh', actingHeadOf: 'Sekretariat Kecamatan' } as const } : {}),
      },
      sekretariat: {
        ...bagian('Sekretariat Kecamatan', ['Subbagian Umum dan Kepegawaian', 'Subbagian Perencanaan dan Keuangan']),
        head: { title: `Sekretaris Kecamatan ${place}`, jenis: 'administrator', kelas: 11 },
      },
    },
  );

export const KECAMATAN = [kecamatan('Kota Contoh'), kecamatan('Sukamaju'), kecamatan('Tanjung Harapan'), kecamatan('Sungai Jernih', { isCamatVacant: true })];
