import {
  BAPENDA,
  BAPPEDA,
  BKPSDM,
  BPBD,
  BPKAD,
  INSPEKTORAT,
  KECAMATAN,
  KESBANGPOL,
  SEKRETARIAT_DAERAH,
  SEKRETARIAT_DPRD,
} from './demo-catalog-government';
import { DINAS_KESEHATAN, DINAS_PENDIDIKAN } from './demo-catalog-health-education';
import { SERVICE_OPDS } from './demo-catalog-services';
import type { OpdSpec } from './demo-unit-spec';

export const REGENCY_NAME = 'Pemerintah Kabupaten Contoh';
export const REGENCY_CODE = '1';

/** The OPD of the demo regency in code order (1.01, 1.02, …). Sekretariat Daerah comes first: its head tops the tree. */
export const DEMO_OPDS: OpdSpec[] = [
  SEKRETARIAT_DAERAH,
  SEKRETARIAT_DPRD,
  INSPEKTORAT,
  BAPPEDA,
  BKPSDM,
  BPKAD,
  BAPENDA,
  DINAS_PENDIDIKAN,
  DINAS_KESEHATAN,
  ...SERVICE_OPDS,
  BPBD,
  KESBANGPOL,
  ...KECAMATAN,
];

export const ADMIN_OPD_UNIT_NAME = DINAS_KESEHATAN.name;
