import { z } from 'zod';
import { activityRulesSchema } from '../domain/activities/rules';
import { yearMonth } from './attendance-schedules';
import { isoDate, pageOf } from './common';
import { importRowError } from './org';

/**
 * Administration of daily activities (issue 4): the activity catalogue with versioned standard
 * minutes, the region's activity rule sets, deadline extensions and month closing.
 */

const booleanQuery = z
  .enum(['true', 'false'])
  .transform((value) => value === 'true')
  .optional();

// ---------- catalogue ----------

export const catalogueCode = z
  .string()
  .trim()
  .min(2, 'Kode kegiatan minimal 2 karakter')
  .max(60, 'Kode kegiatan maksimal 60 karakter')
  .regex(/^[A-Za-z0-9._-]+$/, 'Kode kegiatan hanya boleh huruf, angka, titik, garis bawah, tanda hubung');

/** The fields every version carries: changing any of them makes a new version. */
export const catalogueVersionFields = z.object({
  name: z.string().trim().min(3, 'Nama kegiatan minimal 3 karakter').max(300, 'Nama kegiatan maksimal 300 karakter'),
  description: z.string().trim().max(2000, 'Uraian maksimal 2000 karakter').nullable().default(null),
  outputUnit: z.string().trim().min(1, 'Satuan output wajib diisi').max(50, 'Satuan output maksimal 50 karakter'),
  /** Waktu efektif per unit of output (ABK), in minutes. */
  standardMinutes: z.number().int('Waktu standar harus bilangan bulat (menit)').min(1, 'Waktu standar minimal 1 menit').max(1440, 'Waktu standar maksimal 1440 menit'),
});

export const CATALOGUE_KINDS = ['general', 'position'] as const;

export const catalogueListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  /** general = for every position; position = tied to one position. */
  kind: z.enum(CATALOGUE_KINDS).optional(),
  positionId: z.uuid().optional(),
  /** With `positionId`: also list the general activities (what an employee in that position may choose). */
  includeGeneral: booleanQuery,
  /** Position activities of positions in this unit. */
  unitId: z.uuid().optional(),
  isActive: booleanQuery,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

export const catalogueItem = z
  .object({
    id: z.string(),
    code: z.string(),
    positionId: z.string().nullable(),
    positionCode: z.string().nullable(),
    positionName: z.string().nullable(),
    unitId: z.string().nullable(),
    unitName: z.string().nullable(),
    isActive: z.boolean(),
    currentVersion: z.number().int(),
    /** The current version's id: what a new entry records. */
    currentVersionId: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    outputUnit: z.string(),
    standardMinutes: z.number().int(),
    effectiveFrom: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ActivityCatalogueItem' });
export type CatalogueItemView = z.infer<typeof catalogueItem>;
export const catalogueItemPage = pageOf(catalogueItem);

export const createCatalogueItemRequest = catalogueVersionFields.extend({
  code: catalogueCode,
  /** null = a general activity for every position. */
  positionId: z.uuid({ message: 'Jabatan tidak valid' }).nullable().default(null),
  /** First day the version applies; default today (WIB). */
  effectiveFrom: isoDate.optional(),
});

/** Only the fields sent change; a change of name, description, output unit or minutes makes a new version. */
export const updateCatalogueItemRequest = z.object({
  name: catalogueVersionFields.shape.name.optional(),
  description: z.string().trim().max(2000, 'Uraian maksimal 2000 karakter').nullable().optional(),
  outputUnit: catalogueVersionFields.shape.outputUnit.optional(),
  standardMinutes: catalogueVersionFields.shape.standardMinutes.optional(),
  effectiveFrom: isoDate.optional(),
});

export const catalogueVersion = z.object({
  id: z.string(),
  version: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  outputUnit: z.string(),
  standardMinutes: z.number().int(),
  effectiveFrom: z.string(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export const catalogueVersionList = z.object({ itemId: z.string(), code: z.string(), items: z.array(catalogueVersion) });

export const catalogueImportQuery = z.object({ dryRun: z.enum(['true', 'false']).default('true').transform((value) => value === 'true') });
export const catalogueImportResult = z.object({
  dryRun: z.boolean(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  created: z.number().int(),
  /** Rows that changed an item (a new version and/or active state). */
  updated: z.number().int(),
  /** Of the updated rows, those that made a new version. */
  newVersions: z.number().int(),
  errors: z.array(importRowError),
  isCommitted: z.boolean(),
});
export type CatalogueImportResult = z.infer<typeof catalogueImportResult>;

// ---------- rule sets ----------

export const createActivityRuleSetRequest = z.object({
  name: z.string().trim().min(3, 'Nama minimal 3 karakter').max(200, 'Nama maksimal 200 karakter'),
  effectiveFrom: isoDate,
  regulation: z.string().trim().min(3, 'Dasar hukum minimal 3 karakter').max(500, 'Dasar hukum maksimal 500 karakter'),
  rules: activityRulesSchema,
});

export const activityRuleSet = z
  .object({
    id: z.string(),
    name: z.string(),
    effectiveFrom: z.string(),
    /** Inclusive last day (the day before the next version); null = still in force. */
    effectiveTo: z.string().nullable(),
    regulation: z.string(),
    rules: activityRulesSchema,
    createdAt: z.string(),
  })
  .meta({ id: 'ActivityRuleSet' });
export const activityRuleSetList = z.object({ items: z.array(activityRuleSet) });
export const activityRuleSetInForceQuery = z.object({ date: isoDate.optional() });

// ---------- deadline extensions ----------

export const REASON_MIN_LENGTH = 10;
const reason = z
  .string()
  .trim()
  .min(REASON_MIN_LENGTH, `Alasan minimal ${REASON_MIN_LENGTH} karakter`)
  .max(1000, 'Alasan maksimal 1000 karakter');

export const createDeadlineExtensionRequest = z
  .object({
    /** null = the whole region; otherwise the unit and every unit below it. */
    unitId: z.uuid({ message: 'Unit tidak valid' }).nullable().default(null),
    workDateFrom: isoDate,
    workDateTo: isoDate,
    /** The new deadline, an instant with its offset (e.g. 2026-04-08T23:59:59+07:00). */
    extendedUntil: z.iso.datetime({ offset: true, message: 'Batas waktu baru harus berupa tanggal dan jam lengkap dengan zona waktu' }),
    reason,
  })
  .refine((input) => input.workDateTo >= input.workDateFrom, { message: 'Tanggal akhir tidak boleh sebelum tanggal awal', path: ['workDateTo'] });

export const deleteDeadlineExtensionRequest = z.object({ reason });

export const deadlineExtensionQuery = z.object({
  /** Extensions of this unit (and those of the whole region that also apply to it). */
  unitId: z.uuid().optional(),
  /** Extensions whose work-date range contains this date. */
  date: isoDate.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

export const deadlineExtension = z.object({
  id: z.string(),
  unitId: z.string().nullable(),
  unitCode: z.string().nullable(),
  unitName: z.string().nullable(),
  workDateFrom: z.string(),
  workDateTo: z.string(),
  extendedUntil: z.string(),
  reason: z.string(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export const deadlineExtensionPage = pageOf(deadlineExtension);

// ---------- month closing ----------

export const closePeriodRequest = z.object({
  period: yearMonth,
  note: z.string().trim().max(1000, 'Catatan maksimal 1000 karakter').nullable().default(null),
});

export const periodClosure = z.object({
  id: z.string(),
  period: z.string(),
  closedAt: z.string(),
  closedByName: z.string().nullable(),
  note: z.string().nullable(),
  /** Activity entries of the month by status when it was closed (drafts and pending entries stay as they were). */
  entryCounts: z.record(z.string(), z.number().int()),
});
export const periodClosureList = z.object({ items: z.array(periodClosure) });
export const periodClosureQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const periodClosurePreviewQuery = z.object({ period: yearMonth });
/** What closing a month would freeze: shown in the confirmation before closing. */
export const periodClosurePreview = z.object({
  period: z.string(),
  /** The month is over in the regency's zone (WIB) and may be closed. */
  hasEnded: z.boolean(),
  isClosed: z.boolean(),
  entryCounts: z.record(z.string(), z.number().int()),
  /** Where the month's TPP stands: closing freezes whatever results are current. */
  tpp: z.object({
    results: z.number().int(),
    /** Employees a run of the whole region would cover. */
    coveredEmployees: z.number().int(),
    computedAt: z.string().nullable(),
    /** Daily attendance or activity decisions of the month changed after the newest result. */
    hasChangedSince: z.boolean(),
  }),
});
