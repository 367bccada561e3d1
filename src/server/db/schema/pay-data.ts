import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { timestamps } from './columns';
import { employees } from './org';

const money = (name: string) => bigint(name, { mode: 'number' });

/**
 * An employee's pay data from a TMT on (issue 6, rules.md §5): CPNS status and the salary parts
 * that count towards the BPJS Kesehatan income cap (Perpres 82/2018 art. 30: gaji pokok, tunjangan
 * keluarga, tunjangan jabatan or umum, tunjangan profesi, plus TPP). A row holds until the next
 * row of the same employee; a CPNS becomes PNS with a row from the TMT PNS whose `is_cpns` is false.
 */
export const employeePayData = pgTable(
  'employee_pay_data',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employeeId: uuid('employee_id')
      .notNull()
      .references(() => employees.id),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    isCpns: boolean('is_cpns').notNull().default(false),
    baseSalary: money('base_salary').notNull(),
    familyAllowance: money('family_allowance').notNull().default(0),
    positionAllowance: money('position_allowance').notNull().default(0),
    professionAllowance: money('profession_allowance').notNull().default(0),
    /** SK CPNS, SK PNS, SK kenaikan gaji berkala … */
    decreeNumber: text('decree_number'),
    note: text('note'),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('employee_pay_data_effective_key').on(t.employeeId, t.effectiveFrom),
    index('employee_pay_data_effective_idx').on(t.effectiveFrom),
    check('employee_pay_data_amounts_check', sql`${t.baseSalary} > 0 and ${t.familyAllowance} >= 0 and ${t.positionAllowance} >= 0 and ${t.professionAllowance} >= 0`),
  ],
);
