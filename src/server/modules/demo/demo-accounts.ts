import type { Role } from '../../../contracts/roles';
import { DEMO_PEOPLE } from './demo-people';

/** The demo password of every demo account (documented in README; meets the password policy). */
export const DEMO_PASSWORD = 'Kinerja2026';

export interface DemoAccount {
  login: string;
  password: string;
  /** The role the account demonstrates. */
  role: Role;
  /** Every role the account has after login (pegawai/atasan follow from the employee record). */
  roles: Role[];
  description: string;
}

/** One source for main.ts, README and the end-to-end tests. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { login: 'admin.bkpsdm', password: DEMO_PASSWORD, role: 'admin_bkpsdm', roles: ['admin_bkpsdm'], description: 'Admin BKPSDM (seluruh kabupaten)' },
  { login: 'admin.dinkes', password: DEMO_PASSWORD, role: 'admin_opd', roles: ['admin_opd'], description: 'Admin OPD Dinas Kesehatan (termasuk puskesmas dan RSUD)' },
  { login: 'pimpinan', password: DEMO_PASSWORD, role: 'pimpinan', roles: ['pimpinan'], description: 'Pimpinan daerah: baca saja, seluruh kabupaten' },
  { login: 'auditor', password: DEMO_PASSWORD, role: 'auditor', roles: ['auditor'], description: 'Auditor: baca saja dan jejak audit' },
  {
    login: DEMO_PEOPLE.kepalaDinasKesehatan.nip,
    password: DEMO_PASSWORD,
    role: 'atasan',
    roles: ['pegawai', 'atasan'],
    description: 'Kepala Dinas Kesehatan (kepala OPD)',
  },
  {
    login: DEMO_PEOPLE.kepalaBidangPelayananKesehatan.nip,
    password: DEMO_PASSWORD,
    role: 'atasan',
    roles: ['pegawai', 'atasan'],
    description: 'Kepala Bidang Pelayanan dan Sumber Daya Kesehatan',
  },
  {
    login: DEMO_PEOPLE.stafPelayananKesehatan.nip,
    password: DEMO_PASSWORD,
    role: 'pegawai',
    roles: ['pegawai'],
    description: 'Staf (pelaksana) di bidang tersebut',
  },
];

/** Username accounts the seed creates; `unit: 'admin-opd'` = scoped to the admin OPD unit. */
export const DEMO_ADMIN_USERS = [
  { username: 'admin.bkpsdm', displayName: 'Admin BKPSDM', role: 'admin_bkpsdm', unit: null },
  { username: 'admin.dinkes', displayName: 'Admin Dinas Kesehatan', role: 'admin_opd', unit: 'admin-opd' },
  { username: 'pimpinan', displayName: 'Pimpinan Kabupaten Contoh', role: 'pimpinan', unit: null },
  { username: 'auditor', displayName: 'Auditor Inspektorat', role: 'auditor', unit: null },
] as const;

export const DEMO_NOTE = `Semua pegawai demo lain juga dapat masuk dengan NIP masing-masing dan kata sandi ${DEMO_PASSWORD}.`;

/** The accounts as an aligned plain-text table (for the console). */
export function formatDemoAccountsTable(): string {
  const rows = [['Login', 'Kata sandi', 'Peran', 'Keterangan'], ...DEMO_ACCOUNTS.map((account) => [account.login, account.password, account.roles.join(', '), account.description])];
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  return [line(rows[0] ?? []), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.slice(1).map(line), '', DEMO_NOTE].join('\n');
}

/** The accounts as a Markdown table (for README). */
export function formatDemoAccountsMarkdown(): string {
  return [
    '| login | kata sandi | peran | keterangan |',
    '|---|---|---|---|',
    ...DEMO_ACCOUNTS.map((account) => `| \`${account.login}\` | \`${account.password}\` | ${account.roles.join(', ')} | ${account.description} |`),
    '',
    DEMO_NOTE,
  ].join('\n');
}
