import type { Role } from '../../platform/actor';

/** Route-level access for master data; services narrow it further to the caller's units. */
export const ORG_READERS = ['admin_bkpsdm', 'admin_opd', 'pimpinan', 'auditor'] as const satisfies readonly Role[];
/** Pimpinan and auditors read only; pegawai and atasan never write master data. */
export const ORG_WRITERS = ['admin_bkpsdm', 'admin_opd'] as const satisfies readonly Role[];
