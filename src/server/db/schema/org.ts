import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';

export const unitKind = pgEnum('unit_kind', [
  'pemda',
  'opd',
  'bidang',
  'bagian',
  'seksi',
  'subbagian',
  'uptd',
  'puskesmas',
  'sekolah',
  'lainnya',
]);

export const jenisJabatan = pgEnum('jenis_jabatan', [
  'jpt_utama',
  'jpt_madya',
  'jpt_pratama',
  'administrator',
  'pengawas',
  'pelaksana',
  'fungsional_keahlian',
  'fungsional_keterampilan',
]);

export const jenisAsn = pgEnum('jenis_asn', ['PNS', 'PPPK']);
export const employeeStatus = pgEnum('employee_status', [
  'aktif',
  'cltn',
  'tugas_belajar',
  'diberhentikan_sementara',
  'pensiun',
  'berhenti',
  'meninggal',
  'pindah',
]);
export const assignmentKind = pgEnum('assignment_kind', ['definitif', 'plt', 'plh']);

/** Unit organisasi: OPD → bidang → seksi. SIASN unit codes are kept in `siasnCode`. */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    siasnCode: text('siasn_code'),
    name: text('name').notNull(),
    kind: unitKind('kind').notNull(),
    parentId: uuid('parent_id'),
    timeZone: text('time_zone').$type<'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura'>().notNull().default('Asia/Jakarta'),
    isActive: boolean('is_active').notNull().default(true),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('units_code_key').on(t.code),
    index('units_parent_idx').on(t.parentId),
    check('units_not_own_parent', sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
    check('units_time_zone_check', sql`${t.timeZone} in ('Asia/Jakarta','Asia/Makassar','Asia/Jayapura')`),
  ],
);

/** Jabatan. Kelas jabatan 1–17 (TPP amounts hang on it). */
export const positions = pgTable(
  'positions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    jenis: jenisJabatan('jenis').notNull(),
    kelasJabatan: integer('kelas_jabatan').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    superiorPositionId: uuid('superior_position_id'),
    isUnitHead: boolean('is_unit_head').notNull().default(false),
    isActive: boolean('is_active').notNull().default(true),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('positions_code_key').on(t.code),
    index('positions_unit_idx').on(t.unitId),
    index('positions_superior_idx').on(t.superiorPositionId),
    check('positions_kelas_range', sql`${t.kelasJabatan} between 1 and 17`),
    check('positions_not_own_superior', sql`${t.superiorPositionId} is null or ${t.superiorPositionId} <> ${t.id}`),
  ],
);

export const employees = pgTable(
  'employees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nip: text('nip').notNull(),
    jenisAsn: jenisAsn('jenis_asn').notNull(),
    name: text('name').notNull(),
    gelarDepan: text('gelar_depan'),
    gelarBelakang: text('gelar_belakang'),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    gender: text('gender').$type<'L' | 'P'>().notNull(),
    golongan: text('golongan'),
    status: employeeStatus('status').notNull().default('aktif'),
    /** Unit kerja of record: scope for OPD admins; follows the definitif assignment. */
    unitId: uuid('unit_id').references(() => units.id),
    email: text('email'),
    phone: text('phone'),
    isActive: boolean('is_active').notNull().default(true),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('employees_nip_key').on(t.nip),
    index('employees_unit_idx').on(t.unitId),
    index('employees_name_idx').on(sql`lower(${t.name})`),
    check('employees_nip_format', sql`${t.nip} ~ '^[0-9]{18}$'`),
    check('employees_gender_check', sql`${t.gender} in ('L','P')`),
  ],
);

/** Employee ↔ position over time, including Plt/Plh acting assignments. */
export const assignments = pgTable(
  'assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employeeId: uuid('employee_id')
      .notNull()
      .references(() => employees.id),
    positionId: uuid('position_id')
      .notNull()
      .references(() => positions.id),
    kind: assignmentKind('kind').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    /** Inclusive last day; null = open-ended. */
    endDate: date('end_date', { mode: 'string' }),
    decreeNumber: text('decree_number'),
    note: text('note'),
    ...timestamps,
  },
  (t) => [
    index('assignments_employee_idx').on(t.employeeId, t.startDate),
    index('assignments_position_idx').on(t.positionId, t.startDate),
    check('assignments_dates_ordered', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);

/** Explicit direct-superior overrides for a period (vacancies, special arrangements). */
export const superiorOverrides = pgTable(
  'superior_overrides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employeeId: uuid('employee_id')
      .notNull()
      .references(() => employees.id),
    superiorEmployeeId: uuid('superior_employee_id')
      .notNull()
      .references(() => employees.id),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    reason: text('reason').notNull(),
    ...timestamps,
  },
  (t) => [
    index('superior_overrides_employee_idx').on(t.employeeId, t.startDate),
    index('superior_overrides_superior_idx').on(t.superiorEmployeeId, t.startDate),
    check('superior_overrides_not_self', sql`${t.employeeId} <> ${t.superiorEmployeeId}`),
    check('superior_overrides_dates_ordered', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);
