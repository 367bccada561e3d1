/** A person of the demo regency whose identity is fixed because documentation and tests log in as them. */
export interface DemoPerson {
  nip: string;
  name: string;
  gelarDepan: string | null;
  gelarBelakang: string | null;
  birthDate: string;
  gender: 'L' | 'P';
  golongan: string;
}

export const DEMO_PEOPLE = {
  /** Kepala Dinas Kesehatan: head of an OPD. */
  kepalaDinasKesehatan: {
    nip: '197605122003032004',
    name: 'Ratna Kusumawati',
    gelarDepan: 'dr.',
    gelarBelakang: 'M.Kes.',
    birthDate: '1976-05-12',
    gender: 'P',
    golongan: 'IV/c',
  },
  /** Kepala Bidang Pelayanan dan Sumber Daya Kesehatan: head of a bidang. */
  kepalaBidangPelayananKesehatan: {
    nip: '198109032008121001',
    name: 'Hendra Siregar',
    gelarDepan: 'drg.',
    gelarBelakang: 'M.K.M.',
    birthDate: '1981-09-03',
    gender: 'L',
    golongan: 'IV/a',
  },
  /** Pengelola Layanan Operasional in that bidang: a staff member reporting to its head. */
  stafPelayananKesehatan: {
    nip: '199602172020122002',
    name: 'Dewi Anggraini',
    gelarDepan: null,
    gelarBelakang: 'A.Md.',
    birthDate: '1996-02-17',
    gender: 'P',
    golongan: 'II/c',
  },
} as const satisfies Record<string, DemoPerson>;
