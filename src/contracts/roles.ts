/** pegawai and atasan follow from the employee record; the others are granted to accounts. */
export const ROLES = ['pegawai', 'atasan', 'admin_opd', 'admin_bkpsdm', 'pimpinan', 'auditor'] as const;
export type Role = (typeof ROLES)[number];
