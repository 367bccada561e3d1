import { z } from 'zod';
import { isoDate, pageOf, pageQuery } from './common';
import { importRowError, jenisAsnValues } from './org';

/**
 * Employee pay data for TPP (issue 6): CPNS status and the salary parts the BPJS Kesehatan income
 * cap counts (rules.md §5), each row in force from its TMT until the employee's next row.
 */

const rupiah = (label: string) =>
  z
    .number({ message: `${label} harus berupa angka` })
    .int(`${label} harus bilangan bulat (rupiah)`)
    .min(0, `${label} tidak boleh negatif`)
    .max(1_000_000_000, `${label} terlalu besar`);
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} paling banyak ${max} karakter`)
    .nullable()
    .transform((value) => (value === null || value === '' ? null : value));

export const payDataFields = z.object({
  /** TMT: the first day this row holds. */
  effectiveFrom: isoDate,
  isCpns: z.boolean({ message: 'Status CPNS harus ya atau tidak' }),
  baseSalary: rupiah('Gaji pokok').min(1, 'Gaji pokok wajib diisi'),
  familyAllowance: rupiah('Tunjangan keluarga'),
  /** Tunjangan jabatan (struktural/fungsional) or tunjangan umum. */
  positionAllowance: rupiah('Tunjangan jabatan'),
  professionAllowance: rupiah('Tunjangan profesi'),
  decreeNumber: optionalText(100, 'Nomor SK'),
  note: optionalText(500, 'Catatan'),
});

export const createPayDataBody = payDataFields.extend({ employeeId: z.uuid({ message: 'Pegawai wajib dipilih' }) });
export const updatePayDataBody = payDataFields;
export type PayDataFields = z.output<typeof payDataFields>;

export const payDataRecord = z
  .object({
    id: z.uuid(),
    employeeId: z.uuid(),
    effectiveFrom: isoDate,
    isCpns: z.boolean(),
    baseSalary: z.number().int(),
    familyAllowance: z.number().int(),
    positionAllowance: z.number().int(),
    professionAllowance: z.number().int(),
    /** Σ of the salary parts: what the BPJS income cap counts before TPP. */
    bpjsIncome: z.number().int(),
    decreeNumber: z.string().nullable(),
    note: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'TppPayData' });
export type PayDataRecordView = z.infer<typeof payDataRecord>;

const payDataEmployee = z.object({
  id: z.uuid(),
  nip: z.string(),
  name: z.string(),
  jenisAsn: z.enum(jenisAsnValues),
  golongan: z.string().nullable(),
  unitName: z.string().nullable(),
});

export const payDataHistory = z.object({ employee: payDataEmployee, items: z.array(payDataRecord) });
export type PayDataHistoryView = z.infer<typeof payDataHistory>;

export const payDataListQuery = pageQuery.extend({
  unitId: z.uuid({ message: 'ID unit tidak valid' }).optional(),
  /** The day whose row in force is shown. */
  date: isoDate,
  search: z.string().trim().max(100).optional(),
  /** Only employees without a row in force on `date`. */
  missingOnly: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
});

export const payDataListItem = payDataEmployee.extend({ current: payDataRecord.nullable() });
export const payDataPage = pageOf(payDataListItem);
export type PayDataListItem = z.infer<typeof payDataListItem>;

export const payDataEmployeeParams = z.object({ employeeId: z.uuid({ message: 'ID pegawai tidak valid' }) });
export const payDataImportQuery = z.object({ dryRun: z.enum(['true', 'false']).default('true').transform((value) => value === 'true') });

export const payDataImportResult = z.object({
  dryRun: z.boolean(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.array(importRowError),
  /** True when the data was written: never when there is any error. */
  isCommitted: z.boolean(),
});
export type PayDataImportResult = z.infer<typeof payDataImportResult>;
