import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import { findOpdOf } from '../../../domain/org/unit-tree';
import { parseTppRuleSet } from '../../../domain/tpp/rule-set-json';
import type { TppRuleSet } from '../../../domain/tpp/rule-set';
import type { Database, Executor } from '../../db/client';
import { apelSchedules, assignments, employeePayData, employees, positions, tppBankAccounts, tppTreasurers } from '../../db/schema';
import { systemContext, type RequestContext } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { dateInZone, type Clock } from '../../platform/clock';
import { createApelSchedule } from '../attendance/apel/apel-schedules.service';
import { createTppTreasurer } from '../tpp/records/tpp-treasurers.service';
import { findRuleSetRows } from '../tpp/rule-sets/tpp-rule-sets.repository';
import { findAllUnits } from '../tpp/runs/tpp-sources.repository';
import { replaceTppRuleSetVersion } from '../tpp/rule-sets/tpp-rule-sets.service';
import { planDemoBankAccounts } from './demo-bank-accounts';
import { firstOfMonth } from './demo-dates';
import { planDemoPayData } from './demo-pay-data';
import { findRegionZone } from '../../platform/region-zone';

const CHUNK_SIZE = 500;
/** PGlite runs on the main thread: a macrotask break between chunks lets timers (the data-dir lock heartbeat) run. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Kabupaten Contoh's Monday apel: a punch from 07:00 to 07:45 WIB counts as attending. */
export const DEMO_MONDAY_APEL = {
  name: 'Apel pagi hari Senin',
  unitId: null,
  weekdays: [1],
  dates: [],
  startTime: '07:00',
  endTime: '07:45',
  effectiveFrom: '2024-01-01',
  effectiveTo: null,
  isActive: true,
  note: 'Apel pagi seluruh OPD; absen sidik jari pukul 07.00–07.45 WIB dihitung hadir apel',
};

/** Kabupaten Contoh's Perbup also cuts 0.5 % of the pagu for each apel missed without excuse [V]. */
export const DEMO_APEL_DEDUCTION = { kind: 'missed_apel', rateBpPerEvent: 50, target: 'disiplin', of: 'base', article: 'Pasal 10 ayat (4) [V]' } as const;

export interface DemoTppInputsSummary {
  payDataRows: number;
  cpnsCount: number;
  bankAccounts: number;
  treasurers: number;
  apelScheduleCreated: boolean;
  ruleSetWithApel: boolean;
}

/**
 * The demo regency's TPP inputs that live outside attendance and activities: pay data for every
 * employee (some CPNS, salaries by golongan), the Monday apel, and — when the seeded classic rule
 * set is in force and its disiplin part exists — a version of it that prices missed apel, so that
 * the demo's months show the CPNS share, the BPJS cap with salary and missed apel. Skips what exists.
 */
export async function seedDemoTppInputs(db: Database, clock: Clock): Promise<DemoTppInputsSummary> {
  const ctx = systemContext('seed-demo', clock, await findRegionZone(db));
  const today = dateInZone(clock.now(), await findRegionZone(db));
  return db.transaction(async (tx) => {
    const [existingPay] = await tx.select({ n: count() }).from(employeePayData);
    let payDataRows = 0;
    let cpnsCount = 0;
    if ((existingPay?.n ?? 0) === 0) {
      const people = await tx
        .select({ employeeId: employees.id, nip: employees.nip, jenisAsn: employees.jenisAsn, golongan: employees.golongan, jenisJabatan: positions.jenis })
        .from(employees)
        .leftJoin(assignments, and(eq(assignments.employeeId, employees.id), eq(assignments.kind, 'definitif'), sql`${assignments.endDate} is null`))
        .leftJoin(positions, eq(positions.id, assignments.positionId));
      const plan = planDemoPayData(people, firstOfMonth(today, 1));
      const now = clock.now();
      for (let offset = 0; offset < plan.rows.length; offset += CHUNK_SIZE) {
        await tx
          .insert(employeePayData)
          .values(plan.rows.slice(offset, offset + CHUNK_SIZE).map((row) => ({ ...row, createdAt: now, updatedAt: now })))
          .onConflictDoNothing();
        await yieldToEventLoop();
      }
      payDataRows = plan.rows.length;
      cpnsCount = plan.cpnsCount;
      // Recorded like an import of pay data (the demo regency's single 'seed-demo' row stays the regency's).
      await recordAudit(tx, ctx, { action: 'import', entityType: 'import:tpp_pay_data', after: { source: 'demo', rows: payDataRows, cpns: cpnsCount } });
    }

    // Where each one's TPP is paid: the payroll recap's bank column.
    const [existingAccounts] = await tx.select({ n: count() }).from(tppBankAccounts);
    let bankAccounts = 0;
    if ((existingAccounts?.n ?? 0) === 0) {
      const people = await tx.select({ employeeId: employees.id, nip: employees.nip, name: employees.name }).from(employees).where(eq(employees.isActive, true));
      const now = clock.now();
      const accounts = planDemoBankAccounts(people);
      for (let offset = 0; offset < accounts.length; offset += CHUNK_SIZE) {
        await tx.insert(tppBankAccounts).values(accounts.slice(offset, offset + CHUNK_SIZE).map((account) => ({ ...account, activeFrom: now, updatedAt: now })));
        await yieldToEventLoop();
      }
      bankAccounts = accounts.length;
      await recordAudit(tx, ctx, { action: 'import', entityType: 'import:tpp_bank_accounts', after: { source: 'demo', rows: bankAccounts } });
    }

    const treasurers = await seedDemoTreasurers(tx, ctx, today);

    const [existingApel] = await tx.select({ n: count() }).from(apelSchedules);
    const apelScheduleCreated = (existingApel?.n ?? 0) === 0;
    if (apelScheduleCreated) await createApelSchedule(tx, ctx, DEMO_MONDAY_APEL);

    const ruleSetWithApel = await addApelDeduction(tx, ctx);
    return { payDataRows, cpnsCount, bankAccounts, treasurers, apelScheduleCreated, ruleSetWithApel };
  });
}

/**
 * Who signs the payment lists: in every OPD whose finance section has a Bendahara post, its holder
 * is the OPD's Bendahara Pengeluaran, by a regent's decree of the first day of last year (so the demo's
 * past months are signed too). OPDs without one leave the line for a handwritten name. Skipped when
 * any treasurer is recorded.
 */
async function seedDemoTreasurers(tx: Executor, ctx: RequestContext, today: string): Promise<number> {
  const [existing] = await tx.select({ n: count() }).from(tppTreasurers);
  if ((existing?.n ?? 0) > 0) return 0;
  const holders = await tx
    .select({ employeeId: employees.id, unitId: positions.unitId })
    .from(positions)
    .innerJoin(assignments, and(eq(assignments.positionId, positions.id), eq(assignments.kind, 'definitif'), isNull(assignments.endDate)))
    .innerJoin(employees, and(eq(employees.id, assignments.employeeId), eq(employees.isActive, true)))
    .where(and(eq(positions.name, 'Bendahara'), eq(positions.isActive, true)))
    .orderBy(asc(employees.nip));
  const unitsById = await findAllUnits(tx);
  const year = Number(today.slice(0, 4)) - 1;
  const opdsDone = new Set<string>();
  for (const holder of holders) {
    const opd = findOpdOf(unitsById, holder.unitId);
    if (!opd || opdsDone.has(opd.id)) continue;
    opdsDone.add(opd.id);
    await createTppTreasurer(tx, ctx, { unitId: opd.id, employeeId: holder.employeeId, decreeNumber: `900.1.3/${opdsDone.size}/BPKAD/${year}`, startDate: `${year}-01-01`, endDate: null });
  }
  return opdsDone.size;
}

/** A new version of each rule set in force that has a disiplin part and no apel rule yet (history kept). */
async function addApelDeduction(tx: Executor, ctx: RequestContext): Promise<boolean> {
  let isChanged = false;
  for (const row of await findRuleSetRows(tx, { includeSuperseded: false })) {
    const parsed = parseTppRuleSet(row.ruleSet);
    if (!parsed.ok) continue;
    const ruleSet: TppRuleSet = parsed.ruleSet;
    const hasDisiplin = ruleSet.earning.parts.some((part) => part.key === DEMO_APEL_DEDUCTION.target);
    const hasApel = ruleSet.deductions.rules.some((rule) => rule.kind === 'missed_apel') || ruleSet.earning.parts.some((part) => part.measure.kind === 'ceremony_ratio');
    if (!hasDisiplin || hasApel) continue;
    await replaceTppRuleSetVersion(tx, ctx, row.id, {
      ...ruleSet,
      name: `${ruleSet.name}, dengan potongan apel`,
      source: `${ruleSet.source} Kabupaten Contoh menambah potongan 0,5 % pagu untuk setiap apel pagi yang tidak diikuti tanpa keterangan [V].`,
      deductions: { ...ruleSet.deductions, rules: [...ruleSet.deductions.rules, DEMO_APEL_DEDUCTION] },
    });
    isChanged = true;
  }
  return isChanged;
}
