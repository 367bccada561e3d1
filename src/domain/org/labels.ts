/** Indonesian labels of the organisation enums, for pickers and reports (one source of truth). */
export type JenisJabatan =
  | 'jpt_utama'
  | 'jpt_madya'
  | 'jpt_pratama'
  | 'administrator'
  | 'pengawas'
  | 'pelaksana'
  | 'fungsional_keahlian'
  | 'fungsional_keterampilan';
export type UnitKind = 'pemda' | 'opd' | 'bidang' | 'bagian' | 'seksi' | 'subbagian' | 'uptd' | 'puskesmas' | 'sekolah' | 'lainnya';
export type EmployeeStatus = 'aktif' | 'cltn' | 'tugas_belajar' | 'diberhentikan_sementara' | 'pensiun' | 'berhenti' | 'meninggal' | 'pindah';
export type AssignmentKind = 'definitif' | 'plt' | 'plh';

export const jenisJabatanLabels: Readonly<Record<JenisJabatan, string>> = {
  jpt_utama: 'JPT Utama',
  jpt_madya: 'JPT Madya',
  jpt_pratama: 'JPT Pratama',
  administrator: 'Administrator',
  pengawas: 'Pengawas',
  pelaksana: 'Pelaksana',
  fungsional_keahlian: 'Fungsional Keahlian',
  fungsional_keterampilan: 'Fungsional Keterampilan',
};

export const unitKindLabels: Readonly<Record<UnitKind, string>> = {
  pemda: 'Pemerintah Daerah',
  opd: 'Perangkat Daerah (OPD)',
  bidang: 'Bidang',
  bagian: 'Bagian',
  seksi: 'Seksi',
  subbagian: 'Subbagian',
  uptd: 'UPTD',
  puskesmas: 'Puskesmas',
  sekolah: 'Sekolah',
  lainnya: 'Lainnya',
};

export const employeeStatusLabels: Readonly<Record<EmployeeStatus, string>> = {
  aktif: 'Aktif',
  cltn: 'Cuti di Luar Tanggungan Negara',
  tugas_belajar: 'Tugas Belajar',
  diberhentikan_sementara: 'Diberhentikan Sementara',
  pensiun: 'Pensiun',
  berhenti: 'Berhenti',
  meninggal: 'Meninggal Dunia',
  pindah: 'Pindah Instansi',
};

export const assignmentKindLabels: Readonly<Record<AssignmentKind, string>> = {
  definitif: 'Definitif',
  plt: 'Pelaksana Tugas (Plt)',
  plh: 'Pelaksana Harian (Plh)',
};
