import { count, eq, isNull } from 'drizzle-orm';
import { findOpdOf } from '../../src/domain/org/unit-tree';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TppExplanationView } from '../../src/contracts/tpp';
import type { TppTreasurerView } from '../../src/contracts/tpp-records';
import { findAllUnits } from '../../src/server/modules/tpp/runs/tpp-sources.repository';
import { parseTppRuleSet } from '../../src/domain/tpp/rule-set-json';
import { selectPayDataForPeriod } from '../../src/domain/tpp/pay-data';
import { apelSchedules, employeePayData, employees, tppBankAccounts, tppRuleSets } from '../../src/server/db/schema';
import { seedDemoRegency } from '../../src/server/modules/demo/seed-demo-regency';
import { seedDemoTppInputs } from '../../src/server/modules/demo/seed-demo-tpp-inputs';
import { loginAs, type TestApp } from '../helpers/test-app';
import { createTppTestApp } from './tpp-test-setup';

// Thursday 12 March 2026, 10:00 WIB.
const NOW = '2026-03-12T03:00:00Z';

describe('demo regency: TPP inputs (pay data, CPNS, Monday apel)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTppTestApp(NOW);
    await seedDemoRegency(t.handle.db, t.clock);
  }, 180_000);
  afterAll(async () => t.close());

  it('records pay data for every employee, salaries by golongan, and some CPNS who become PNS next month', async () => {
    const people = await t.handle.db.select({ id: employees.id, golongan: employees.golongan, jenisAsn: employees.jenisAsn }).from(employees);
    const rows = await t.handle.db.select().from(employeePayData);
    const rowsOf = new Map<string, (typeof rows)[number][]>();
    for (const row of rows) rowsOf.set(row.employeeId, [...(rowsOf.get(row.employeeId) ?? []), row]);
    expect(people.every((person) => rowsOf.has(person.id))).toBe(true);

    const march = people.map((person) => ({ person, row: selectPayDataForPeriod(rowsOf.get(person.id) ?? [], '2026-03') }));
    const cpns = march.filter(({ row }) => row?.isCpns);
    expect(cpns.length).toBeGreaterThan(20);
    expect(cpns.every(({ person }) => person.jenisAsn === 'PNS')).toBe(true);
    expect(cpns.every(({ person }) => selectPayDataForPeriod(rowsOf.get(person.id) ?? [], '2026-04')?.isCpns === false)).toBe(true);
    // PP 5/2024: III/a runs from Rp 2,785,700 to Rp 4,575,200 (a CPNS draws 80 %).
    const thirdA = march.filter(({ person, row }) => person.golongan === 'III/a' && row && !row.isCpns).map(({ row }) => row?.baseSalary ?? 0);
    expect(thirdA.length).toBeGreaterThan(50);
    expect(Math.min(...thirdA)).toBeGreaterThanOrEqual(2_785_700);
    expect(Math.max(...thirdA)).toBeLessThanOrEqual(4_575_200);
  });

  it('holds a Monday apel for the whole region and prices a missed one in the rule set in force', async () => {
    const [schedule] = await t.handle.db.select().from(apelSchedules);
    expect(schedule).toMatchObject({ unitId: null, weekdays: [1], isActive: true });
    const inForce = await t.handle.db.select().from(tppRuleSets).where(isNull(tppRuleSets.supersededAt));
    expect(inForce).toHaveLength(1);
    const parsed = parseTppRuleSet(inForce[0]?.ruleSet);
    expect(parsed.ok && parsed.ruleSet.deductions.rules.some((rule) => rule.kind === 'missed_apel')).toBe(true);
  });

  it('shows a CPNS their cut and where the BPJS income came from', async () => {
    const [cpnsRow] = await t.handle.db.select({ employeeId: employeePayData.employeeId }).from(employeePayData).where(eq(employeePayData.isCpns, true)).limit(1);
    if (!cpnsRow) throw new Error('no CPNS in the demo');
    const admin = await loginAs(t.app, 'admin.bkpsdm', 'Kinerja2026');
    const response = await admin.inject({ method: 'GET', url: `/api/tpp/employees/${cpnsRow.employeeId}?period=2026-03` });
    expect(response.statusCode, response.body).toBe(200);
    const explanation = response.json<TppExplanationView>();
    expect(explanation.isEstimate).toBe(true);
    expect(explanation.result.lines.find((line) => line.code === 'cpns')?.effect).toBeLessThan(0);
    expect(explanation.notes.some((note) => note.includes(': CPNS; penghasilan untuk batas BPJS gaji pokok'))).toBe(true);
  });

  it('pays everyone into a bank account, most at the regional bank, as BKPSDM’s bank-account list shows', async () => {
    const accounts = await t.handle.db
      .select({ employeeId: tppBankAccounts.employeeId, bankName: tppBankAccounts.bankName, accountNumber: tppBankAccounts.accountNumber, accountHolder: tppBankAccounts.accountHolder })
      .from(tppBankAccounts)
      .where(isNull(tppBankAccounts.endedAt));
    const active = await t.handle.db.select({ id: employees.id, name: employees.name }).from(employees).where(eq(employees.isActive, true));
    expect(new Set(accounts.map((account) => account.employeeId))).toEqual(new Set(active.map((person) => person.id)));
    expect(accounts.filter((account) => account.bankName.startsWith('Bank Pembangunan Daerah')).length).toBeGreaterThan(active.length * 0.8);
    expect(new Set(accounts.map((account) => account.accountNumber)).size).toBe(accounts.length);
    const nameOf = new Map(active.map((person) => [person.id, person.name]));
    expect(accounts.every((account) => account.accountHolder === nameOf.get(account.employeeId)?.toUpperCase())).toBe(true);
    const admin = await loginAs(t.app, 'admin.bkpsdm', 'Kinerja2026');
    const missing = await admin.inject({ method: 'GET', url: '/api/tpp/bank-accounts?status=missing' });
    expect(missing.statusCode, missing.body).toBe(200);
    expect(missing.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('records the Bendahara Pengeluaran of every OPD with a Bendahara post, each an employee of that OPD', async () => {
    const admin = await loginAs(t.app, 'admin.bkpsdm', 'Kinerja2026');
    const { items } = (await admin.inject({ method: 'GET', url: '/api/tpp/treasurers' })).json<{ items: TppTreasurerView[] }>();
    expect(items.length).toBeGreaterThan(5);
    expect(items.every((item) => item.kind === 'pengeluaran' && item.isInOffice && item.startDate === '2025-01-01')).toBe(true);
    expect(new Set(items.map((item) => item.unitId)).size).toBe(items.length);
    const units = await t.handle.db.select({ id: employees.id, unitId: employees.unitId }).from(employees);
    const unitOf = new Map(units.map((row) => [row.id, row.unitId]));
    const all = await findAllUnits(t.handle.db);
    expect(items.every((item) => findOpdOf(all, unitOf.get(item.employeeId) ?? null)?.id === item.unitId)).toBe(true);
  });

  it('seeds once: a second run adds nothing', async () => {
    const [before] = await t.handle.db.select({ n: count() }).from(employeePayData);
    expect(await seedDemoTppInputs(t.handle.db, t.clock)).toEqual({ payDataRows: 0, cpnsCount: 0, bankAccounts: 0, treasurers: 0, apelScheduleCreated: false, ruleSetWithApel: false });
    const [after] = await t.handle.db.select({ n: count() }).from(employeePayData);
    expect(after?.n).toBe(before?.n);
  });
});
