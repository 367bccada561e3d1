import { z } from 'zod';
import { isoDate, pageOf } from './common';

/**
 * Organisation master data contracts (SIMPEG-lite). One schema per request/response: it
 * validates on the server, types the web client and documents the OpenAPI.
 */
export const unitKinds = ['pemda', 'opd', 'bidang', 'bagian', 'seksi', 'subbagian', 'uptd', 'puskesmas', 'sekolah', 'lainnya'] as const;
export const jenisJabatanValues = [
  'jpt_utama',
  'jpt_madya',
  'jpt_pratama',
  'administrator',
  'pengawas',
  'pelaksana',
  'fungsional_keahlian',
  'fungsional_keterampilan',
] as const;
export const jenisAsnValues = ['PNS', 'PPPK'] as const;
export const employeeStatuses = ['aktif', 'cltn', 'tugas_belajar', 'diberhentikan_sementara', 'pensiun', 'berhenti', 'meninggal', 'pindah'] as const;
export const assignmentKinds = ['definitif', 'plt', 'plh'] as const;
export const timeZones = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
/** How Indonesians name the three zones on paper. */
export const timeZoneAbbreviations: Record<(typeof timeZones)[number], string> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

const code = z
  .string()
  .trim()
  .min(1, 'Kode wajib diisi')
  .max(40, 'Kode maksimal 40 karakter')
  .regex(/^[A-Za-z0-9._-]+$/, 'Kode hanya boleh huruf, angka, titik, garis bawah, tanda hubung');
const name = z.string().trim().min(1, 'Nama wajib diisi').max(250, 'Nama maksimal 250 karakter');
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const listPaging = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
};
const booleanQuery = z
  .enum(['true', 'false'])
  .transform((value) => value === 'true')
  .optional();

// ---------- units ----------
export const unit = z.object({
  id: z.uuid(),
  code: z.string(),
  siasnCode: z.string().nullable(),
  name: z.string(),
  kind: z.enum(unitKinds),
  parentId: z.uuid().nullable(),
  parentName: z.string().nullable(),
  timeZone: z.enum(timeZones),
  isActive: z.boolean(),
});
export type Unit = z.infer<typeof unit>;

export const unitQuery = z.object({
  q: z.string().trim().max(100).optional(),
  parentId: z.uuid().optional(),
  kind: z.enum(unitKinds).optional(),
  includeInactive: booleanQuery,
  ...listPaging,
});
export const unitPage = pageOf(unit);
/** Every unit the caller may see, for tree pickers (no paging). */
export const unitTree = z.object({ items: z.array(unit) });

const unitFields = z.object({
  code,
  siasnCode: optionalText(60),
  name,
  kind: z.enum(unitKinds),
  parentId: z.uuid().nullable(),
  timeZone: z.enum(timeZones),
});
export const createUnitRequest = unitFields.extend({ timeZone: z.enum(timeZones).default('Asia/Jakarta') });
// Built from the fields without defaults: Zod 4 keeps `.default()` inside `.partial()`, so a PATCH
// that omits a field would otherwise silently reset it.
export const updateUnitRequest = unitFields.partial();

// ---------- positions (jabatan) ----------
export const positionHolder = z.object({
  assignmentId: z.uuid(),
  employeeId: z.uuid(),
  nip: z.string(),
  fullName: z.string(),
  kind: z.enum(assignmentKinds),
});
export const position = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  jenis: z.enum(jenisJabatanValues),
  kelasJabatan: z.number().int().min(1).max(17),
  unitId: z.uuid(),
  unitName: z.string(),
  superiorPositionId: z.uuid().nullable(),
  superiorPositionName: z.string().nullable(),
  isUnitHead: z.boolean(),
  isActive: z.boolean(),
  /** Holders on the query date (default today). */
  holders: z.array(positionHolder),
});
export type Position = z.infer<typeof position>;

export const positionQuery = z.object({
  q: z.string().trim().max(100).optional(),
  unitId: z.uuid().optional(),
  includeSubunits: booleanQuery,
  jenis: z.enum(jenisJabatanValues).optional(),
  isVacant: booleanQuery,
  includeInactive: booleanQuery,
  ...listPaging,
});
export const positionPage = pageOf(position);

const positionFields = z.object({
  code,
  name,
  jenis: z.enum(jenisJabatanValues),
  kelasJabatan: z.coerce.number().int('Kelas jabatan harus bilangan bulat').min(1, 'Kelas jabatan 1–17').max(17, 'Kelas jabatan 1–17'),
  unitId: z.uuid(),
  superiorPositionId: z.uuid().nullable(),
  isUnitHead: z.boolean(),
});
export const createPositionRequest = positionFields.extend({ isUnitHead: z.boolean().default(false) });
export const updatePositionRequest = positionFields.partial();

// ---------- employees ----------
export const employeePositionRef = z.object({
  assignmentId: z.uuid(),
  positionId: z.uuid(),
  positionName: z.string(),
  kind: z.enum(assignmentKinds),
  unitId: z.uuid(),
  unitName: z.string(),
  kelasJabatan: z.number().int(),
});
export const employee = z.object({
  id: z.uuid(),
  nip: z.string(),
  jenisAsn: z.enum(jenisAsnValues),
  name: z.string(),
  gelarDepan: z.string().nullable(),
  gelarBelakang: z.string().nullable(),
  /** Name with titles, as printed on documents: "Dr. Siti Aminah, S.E., M.M." */
  fullName: z.string(),
  birthDate: z.string(),
  gender: z.enum(['L', 'P']),
  golongan: z.string().nullable(),
  /** Pangkat derived from golongan (PNS only). */
  pangkat: z.string().nullable(),
  status: z.enum(employeeStatuses),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  isActive: z.boolean(),
  /** Positions held today: the definitif one first, then Plt/Plh. */
  positions: z.array(employeePositionRef),
  hasAccount: z.boolean(),
});
export type Employee = z.infer<typeof employee>;

export const employeeQuery = z.object({
  /** Name or NIP fragment. */
  q: z.string().trim().max(100).optional(),
  unitId: z.uuid().optional(),
  includeSubunits: booleanQuery,
  jenisAsn: z.enum(jenisAsnValues).optional(),
  status: z.enum(employeeStatuses).optional(),
  includeInactive: booleanQuery,
  ...listPaging,
});
export const employeePage = pageOf(employee);

const employeeFields = z.object({
  nip: z.string().trim(),
  jenisAsn: z.enum(jenisAsnValues),
  name,
  gelarDepan: optionalText(50),
  gelarBelakang: optionalText(100),
  golongan: optionalText(10),
  status: z.enum(employeeStatuses),
  unitId: z.uuid().nullable(),
  email: z.email('Email tidak valid').nullable().optional(),
  phone: optionalText(30),
});
export const createEmployeeRequest = employeeFields.extend({ status: z.enum(employeeStatuses).default('aktif') });
export const updateEmployeeRequest = employeeFields.omit({ nip: true, jenisAsn: true }).partial();

// ---------- assignments and superiors ----------
export const assignment = z.object({
  id: z.uuid(),
  employeeId: z.uuid(),
  employeeName: z.string(),
  nip: z.string(),
  positionId: z.uuid(),
  positionName: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  kind: z.enum(assignmentKinds),
  startDate: z.string(),
  endDate: z.string().nullable(),
  decreeNumber: z.string().nullable(),
  note: z.string().nullable(),
});
export const assignmentList = z.object({ items: z.array(assignment) });

export const createAssignmentRequest = z.object({
  employeeId: z.uuid(),
  positionId: z.uuid(),
  kind: z.enum(assignmentKinds),
  startDate: isoDate,
  endDate: isoDate.nullable().default(null),
  decreeNumber: optionalText(100),
  note: optionalText(500),
});
export const updateAssignmentRequest = z.object({
  endDate: isoDate.nullable().optional(),
  decreeNumber: optionalText(100),
  note: optionalText(500),
});

export const superiorOverride = z.object({
  id: z.uuid(),
  employeeId: z.uuid(),
  superiorEmployeeId: z.uuid(),
  superiorName: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  reason: z.string(),
});
export const superiorOverrideList = z.object({ items: z.array(superiorOverride) });
export const createSuperiorOverrideRequest = z.object({
  employeeId: z.uuid(),
  superiorEmployeeId: z.uuid(),
  startDate: isoDate,
  endDate: isoDate.nullable().default(null),
  reason: z.string().trim().min(3, 'Alasan wajib diisi').max(500),
});
export const endSuperiorOverrideRequest = z.object({ endDate: isoDate });

export const dateQuery = z.object({ date: isoDate.optional() });

/** How the direct superior of an employee on a date was found. */
export const superiorResult = z.object({
  date: z.string(),
  superior: z
    .object({
      employeeId: z.uuid(),
      nip: z.string(),
      fullName: z.string(),
      positionId: z.uuid().nullable(),
      positionName: z.string().nullable(),
    })
    .nullable(),
  /** override: explicit override; definitif / plt / plh: holder of the superior position; none: top of the tree or no position. */
  via: z.enum(['override', 'definitif', 'plt', 'plh', 'none']),
  /** Vacant positions skipped on the way up. */
  skippedVacantPositions: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

export const employeeDetail = employee.extend({
  assignments: z.array(assignment),
  overrides: z.array(superiorOverride),
  superior: superiorResult,
});

export const subordinateList = z.object({
  date: z.string(),
  items: z.array(z.object({ employeeId: z.uuid(), nip: z.string(), fullName: z.string(), positionName: z.string().nullable(), via: z.enum(['override', 'definitif', 'plt', 'plh']) })),
});

// ---------- reference data ----------
export const referenceData = z.object({
  golongan: z.array(z.object({ code: z.string(), pangkat: z.string().nullable(), jenisAsn: z.enum(jenisAsnValues) })),
  jenisJabatan: z.array(z.object({ value: z.enum(jenisJabatanValues), label: z.string() })),
  unitKinds: z.array(z.object({ value: z.enum(unitKinds), label: z.string() })),
  employeeStatuses: z.array(z.object({ value: z.enum(employeeStatuses), label: z.string() })),
});

// ---------- import / export ----------
export const importEntities = ['units', 'positions', 'employees'] as const;
export const importEntityParam = z.object({ entity: z.enum(importEntities) });
export const importQuery = z.object({ dryRun: z.enum(['true', 'false']).default('true').transform((v) => v === 'true') });
export const importRowError = z.object({
  /** Spreadsheet row number (header = row 1). */
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});
export const importResult = z.object({
  entity: z.enum(importEntities),
  dryRun: z.boolean(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  /** Rows that would be / were created and updated (matched on code or NIP). */
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.array(importRowError),
  /** True when the data was written: never when there is any error. */
  isCommitted: z.boolean(),
});
export type ImportResult = z.infer<typeof importResult>;
