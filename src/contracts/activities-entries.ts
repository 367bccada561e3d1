import { z } from 'zod';
import { activityEntry, wallTime } from './activities';
import { isoDate } from './common';

/**
 * Own daily activity entries (issue 4 §2, §6): create (draft or submitted, idempotent), edit,
 * delete, submit, copy a previous day, templates, evidence. Shared vocabulary: ./activities.ts.
 */
const uuid = (label: string) => z.uuid({ message: `ID ${label} tidak valid` });

/** Only http(s) links: a javascript: or file: link must never reach a superior's screen. */
export const evidenceLink = z
  .string()
  .trim()
  .max(2000, { message: 'Tautan bukti paling panjang 2000 karakter' })
  .refine((value) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value), { message: 'Tautan bukti harus berupa alamat http:// atau https://' });

/** Client-chosen key (a UUID is fine) so that a retried request never creates a second entry. */
export const idempotencyKey = z
  .string()
  .trim()
  .regex(/^[\w-]{8,100}$/, { message: 'Kunci idempotensi harus 8–100 huruf, angka, - atau _' });

const entryFields = {
  workDate: isoDate,
  startTime: wallTime,
  endTime: wallTime,
  /** A catalogue item of my position(s) or a general one; null for an additional task. */
  catalogueItemId: uuid('kegiatan katalog').nullable().default(null),
  /** Tugas tambahan in free text: claims its time span, the superior must accept it. */
  isAdditionalTask: z.boolean().default(false),
  /** Name of an additional task (ignored for a catalogue activity, which takes the catalogue name). */
  title: z.string().trim().max(300, { message: 'Nama tugas paling panjang 300 karakter' }).nullable().default(null),
  /** Output unit of an additional task (a catalogue activity takes the catalogue's). */
  outputUnit: z.string().trim().max(60, { message: 'Satuan hasil paling panjang 60 karakter' }).nullable().default(null),
  volume: z.number({ message: 'Volume harus berupa angka' }).int({ message: 'Volume harus bilangan bulat' }),
  description: z.string().trim().max(2000, { message: 'Uraian paling panjang 2000 karakter' }).nullable().default(null),
  evidenceAttachmentId: uuid('berkas bukti').nullable().default(null),
  evidenceLink: evidenceLink.nullable().default(null),
  /**
   * The RHK of my approved SKP in force on the work date that this activity contributes to
   * (GET /api/skp/my-rhk?date= lists them); null or left out: none. Another RHK is refused
   * (details.rule `rhk_not_citable`); an RHK of an earlier revision of that SKP is cited as its
   * current revision.
   */
  skpRhkId: uuid('RHK SKP').nullable().default(null),
};

export const createEntryBody = z.object({
  ...entryFields,
  /** true = submitted to the superior at once; false = saved as a draft. */
  submit: z.boolean().default(false),
  /** Alternative to the Idempotency-Key header (the header wins when both are sent). */
  idempotencyKey: idempotencyKey.optional(),
});
export type CreateEntryBody = z.infer<typeof createEntryBody>;

export const updateEntryBody = z.object({
  ...entryFields,
  /**
   * Left out: keep the entry's RHK. The entry's own RHK (sent again or left out) is kept while it
   * is citable on the (new) work date and dropped otherwise; a different RHK must be citable.
   */
  skpRhkId: uuid('RHK SKP').nullable().optional(),
  /** The revision the client last saw; a stale one is refused (409). */
  revision: z.number().int().min(1),
});
export type UpdateEntryBody = z.infer<typeof updateEntryBody>;

export const revisionBody = z.object({ revision: z.number().int().min(1) });
export const revisionQuery = z.object({ revision: z.coerce.number().int().min(1) });

export const entryListQuery = z
  .object({
    /** YYYY-MM: a month for the calendar; or `date` for one day. */
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Bulan harus berformat YYYY-MM' })
      .optional(),
    date: isoDate.optional(),
    /** Someone else's entries (admin OPD in scope; BKPSDM, pimpinan, auditor any); default: mine. */
    employeeId: uuid('pegawai').optional(),
  })
  .refine((query) => (query.month === undefined) !== (query.date === undefined), { message: 'Isi salah satu: month (YYYY-MM) atau date (YYYY-MM-DD)', path: ['month'] });

export const entryDayTotal = z
  .object({
    date: isoDate,
    entryCount: z.number().int(),
    claimedMinutes: z.number().int(),
    approvedMinutes: z.number().int(),
    /** The daily cap of the rule set in force that day. */
    capMinutes: z.number().int(),
  })
  .meta({ id: 'ActivityEntryDayTotal' });

export const entryList = z
  .object({ employeeId: z.uuid(), from: isoDate, to: isoDate, items: z.array(activityEntry), days: z.array(entryDayTotal) })
  .meta({ id: 'ActivityEntryList' });
export type EntryList = z.infer<typeof entryList>;

export const myCatalogueQuery = z.object({ date: isoDate });
export const myCatalogueItem = z
  .object({
    itemId: z.uuid(),
    code: z.string(),
    versionId: z.uuid(),
    version: z.number().int(),
    name: z.string(),
    description: z.string().nullable(),
    outputUnit: z.string(),
    standardMinutes: z.number().int(),
    /** null = a general activity for everyone. */
    positionId: z.uuid().nullable(),
  })
  .meta({ id: 'MyCatalogueItem' });
export const myCatalogue = z.object({ date: isoDate, items: z.array(myCatalogueItem) });
export type MyCatalogueItem = z.infer<typeof myCatalogueItem>;

export const copyEntriesBody = z.object({
  targetDate: isoDate,
  /** Default: my previous working day before the target date. */
  sourceDate: isoDate.nullable().default(null),
});
export type CopyEntriesBody = z.infer<typeof copyEntriesBody>;

export const skippedCopy = z.object({
  sourceEntryId: z.uuid(),
  title: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  rule: z.string(),
  reason: z.string(),
});
/** A copy made without its source's RHK link: the RHK is not citable on the target date. */
export const unlinkedCopy = z.object({ sourceEntryId: z.uuid(), entryId: z.uuid(), title: z.string(), reason: z.string() });
export const copyEntriesResult = z
  .object({ sourceDate: isoDate.nullable(), targetDate: isoDate, created: z.array(activityEntry), skipped: z.array(skippedCopy), unlinked: z.array(unlinkedCopy) })
  .meta({ id: 'ActivityCopyResult' });
export type CopyEntriesResult = z.infer<typeof copyEntriesResult>;

export const templateBody = z.object({
  name: z.string().trim().min(2, { message: 'Nama templat minimal 2 karakter' }).max(120, { message: 'Nama templat paling panjang 120 karakter' }),
  catalogueItemId: uuid('kegiatan katalog').nullable().default(null),
  isAdditionalTask: z.boolean().default(false),
  title: z.string().trim().max(300).nullable().default(null),
  outputUnit: z.string().trim().max(60).nullable().default(null),
  volume: z.number().int().min(1, { message: 'Volume paling sedikit 1' }).max(10_000, { message: 'Volume paling banyak 10.000' }).default(1),
  startTime: wallTime.nullable().default(null),
  endTime: wallTime.nullable().default(null),
  description: z.string().trim().max(2000).nullable().default(null),
  /** An RHK of my approved SKP in force; an entry from the template cites it only where it is citable on the entry's date. */
  skpRhkId: uuid('RHK SKP').nullable().default(null),
});
export type TemplateBody = z.infer<typeof templateBody>;

export const activityTemplate = z
  .object({
    id: z.uuid(),
    name: z.string(),
    catalogueItemId: z.uuid().nullable(),
    /** Current catalogue name and output unit, or the template's own for an additional task. */
    catalogueName: z.string().nullable(),
    isCatalogueItemActive: z.boolean().nullable(),
    isAdditionalTask: z.boolean(),
    title: z.string().nullable(),
    outputUnit: z.string().nullable(),
    volume: z.number().int(),
    startTime: z.string().nullable(),
    endTime: z.string().nullable(),
    description: z.string().nullable(),
    skpRhkId: z.uuid().nullable(),
    /** The RHK's text (null when the template cites none). */
    skpRhkText: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ActivityTemplate' });
export type ActivityTemplateView = z.infer<typeof activityTemplate>;
export const templateList = z.object({ items: z.array(activityTemplate) });

/** Create an entry from a template: the date, and times/volume when the template has none (or to override). */
export const entryFromTemplateBody = z.object({
  workDate: isoDate,
  startTime: wallTime.nullable().default(null),
  endTime: wallTime.nullable().default(null),
  volume: z.number().int().nullable().default(null),
  submit: z.boolean().default(false),
  idempotencyKey: idempotencyKey.optional(),
});
export type EntryFromTemplateBody = z.infer<typeof entryFromTemplateBody>;
