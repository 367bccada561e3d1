/**
 * What the TPP rows need on top of the org world: the seeded rule set, TPP_MONTH computed once for
 * OPD A and once for OPD B (one run each, so that a run of A and a run of B exist), a rule set with
 * compliance items governing OPEN_MONTH, a closed month to correct, bank accounts, corrections and
 * a discipline decision on both sides of the border, and preparers that make a fresh target per
 * request (a rule-set version, a decision) so that one allowed write never spoils the next cell.
 * Built once per world, on first use.
 */
import { periodClosures } from '../../../src/server/db/schema';
import { KOLAKA_60_30_10_RULE_SET } from '../../../src/domain/tpp/examples';
import type { TppRuleSet } from '../../../src/domain/tpp/rule-set';
import { seedActivityReferenceData } from '../../../src/server/modules/activities/reference-data/seed-activity-reference-data';
import { seedAttendanceReferenceData } from '../../../src/server/modules/attendance/reference-data/seed-attendance-reference-data';
import { setTppBankAccount } from '../../../src/server/modules/tpp/records/tpp-bank-accounts.service';
import { createTppAdjustment, createTppDisciplineDecision } from '../../../src/server/modules/tpp/records/tpp-records.service';
import { createTppTreasurer } from '../../../src/server/modules/tpp/records/tpp-treasurers.service';
import { SEEDED_TPP_RULE_SET, seedTppReferenceData } from '../../../src/server/modules/tpp/rule-sets/seed-tpp-reference-data';
import { createTppRuleSetVersion, findTppRuleSetForPeriod } from '../../../src/server/modules/tpp/rule-sets/tpp-rule-sets.service';
import { computeTppNow } from '../../../src/server/modules/tpp/runs/tpp-jobs';
import { systemContext } from '../../../src/server/platform/actor';
import type { World } from './world';

/** The month computed for A and B (stored results: what the reads and the slips show). */
export const TPP_MONTH = '2026-02';
/** The open month the compliance rule set governs; corrections are paid with it. */
export const OPEN_MONTH = '2026-03';
/** A closed month, corrected with OPEN_MONTH. */
export const CLOSED_MONTH = '2025-12';
/** A compliance item of the rule set governing OPEN_MONTH. */
export const COMPLIANCE_CODE = 'lhkpn';
/** A penalty of the seeded rule set (governs TPP_MONTH). */
export const PENALTY_CODE = 'teguran_lisan';

export const BANK_ACCOUNT = { bankName: 'Bank Pembangunan Daerah', accountNumber: '0012345678', accountHolder: 'Pegawai Uji Matriks' };

export interface TppWorld {
  /** The seeded rule set (in force for TPP_MONTH). */
  ruleSetId: string;
  /** Done runs of TPP_MONTH for A's and B's subtrees. */
  runA: string;
  runB: string;
  /** A decision on B's staff member (for the border attempts). */
  decisionB: string;
  /** A decision on A's staff member (for the scoped lists). */
  decisionA: string;
  /** A rule set body for a version no other version shares the start of (from 2030 on, governing no closed month). */
  nextRuleSetBody(name?: string): { ruleSet: TppRuleSet };
  /** A fresh version, made by the system; returns its id and its body. */
  createRuleSetVersion(): Promise<{ id: string; ruleSet: TppRuleSet }>;
  /** A fresh decision on `employeeId` (penalty from TPP_MONTH), made by the system. */
  createDecision(employeeId: string): Promise<string>;
  /** A decision number never used before. */
  nextDecisionNumber(): string;
  /** A fresh correction of CLOSED_MONTH paid with OPEN_MONTH for `employeeId`, made by the system. */
  createAdjustment(employeeId: string): Promise<string>;
  /** A fresh employee of A with a payroll account (BANK_ACCOUNT), made by the system; returns the employee id. */
  createAccountHolder(): Promise<string>;
  /** Treasurers of A's and B's OPD units (for the border attempts and the scoped lists). */
  treasurerA: string;
  treasurerB: string;
  /** A treasurer's appointment for A's OPD unit over a year no other appointment uses (the unit allows one at a time). */
  nextTreasurerBody(w: World): { unitId: string; employeeId: string; decreeNumber: string; startDate: string; endDate: string };
  /** A fresh appointment of A's staff member as treasurer of A, made by the system. */
  createTreasurer(w: World): Promise<string>;
}

const settings = new WeakMap<World, Promise<TppWorld>>();

/** The TPP setting of `w`, built on first call. */
export function tppOf(w: World): Promise<TppWorld> {
  let setting = settings.get(w);
  if (!setting) {
    setting = buildTppWorld(w);
    settings.set(w, setting);
  }
  return setting;
}

async function buildTppWorld(w: World): Promise<TppWorld> {
  const { db } = w.t.handle;
  const clock = w.t.clock;
  const system = () => systemContext('authorization-matrix', clock, 'Asia/Jakarta');
  // Idempotent: whichever setting comes first seeds, the others find the data there.
  await seedAttendanceReferenceData(db, clock);
  await seedActivityReferenceData(db, clock);
  await seedTppReferenceData(db, clock);
  const seeded = await findTppRuleSetForPeriod(db, TPP_MONTH);
  if (!seeded) throw new Error('no TPP rule set governs the matrix month');

  // The region's rules with compliance items (LHKPN, BMD, TPTGR) from OPEN_MONTH on, under the seeded region code.
  const compliance: TppRuleSet = { ...KOLAKA_60_30_10_RULE_SET, region: SEEDED_TPP_RULE_SET.region, effectiveFrom: `${OPEN_MONTH}-01` };
  await db.transaction((tx) => createTppRuleSetVersion(tx, system(), compliance));
  await db.insert(periodClosures).values({ period: CLOSED_MONTH, closedAt: clock.now(), note: 'Penutupan uji matriks kewenangan' }).onConflictDoNothing();

  const compute = async (unitId: string) => {
    const run = await computeTppNow(db, system(), { period: TPP_MONTH, unitId });
    if (run.status !== 'done') throw new Error(`the matrix TPP run of ${unitId} ended ${run.status}`);
    return run.id;
  };
  const runA = await compute(w.a.unit.id);
  const runB = await compute(w.b.unit.id);

  for (const employeeId of [w.a.staff.id, w.b.staff.id]) {
    await db.transaction((tx) => setTppBankAccount(tx, system(), employeeId, BANK_ACCOUNT));
    await db.transaction((tx) =>
      createTppAdjustment(tx, system(), { employeeId, period: OPEN_MONTH, correctsPeriod: CLOSED_MONTH, amount: 25_000, reason: 'Kekurangan bayar bulan lalu' }),
    );
  }

  let decisions = 0;
  const nextDecisionNumber = () => `800/${++decisions}/MTX/2026`;
  const createDecision = async (employeeId: string) =>
    (
      await db.transaction((tx) =>
        createTppDisciplineDecision(tx, system(), { employeeId, decisionNumber: nextDecisionNumber(), decisionDate: '2026-01-20', penaltyCode: PENALTY_CODE, startPeriod: TPP_MONTH, note: null }),
      )
    ).id;

  let versions = 0;
  const nextRuleSetBody = (name = 'Aturan TPP uji matriks') => {
    const month = versions++;
    const effectiveFrom = `${2030 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`;
    return { ruleSet: { ...SEEDED_TPP_RULE_SET, name: `${name} ${effectiveFrom}`, effectiveFrom } };
  };

  const createAdjustment = async (employeeId: string) =>
    (
      await db.transaction((tx) =>
        createTppAdjustment(tx, system(), { employeeId, period: OPEN_MONTH, correctsPeriod: CLOSED_MONTH, amount: 10_000, reason: 'Koreksi uji matriks kewenangan' }),
      )
    ).id;

  const createAccountHolder = async () => {
    const employee = await w.createLooseEmployee(w.a);
    await db.transaction((tx) => setTppBankAccount(tx, system(), employee.id, BANK_ACCOUNT));
    return employee.id;
  };

  let treasurerYears = 0;
  const treasurerBody = (unitId: string, employeeId: string) => {
    const year = 2100 + treasurerYears++;
    return { unitId, employeeId, decreeNumber: `821.2/${year}/MTX`, startDate: `${year}-01-01`, endDate: `${year}-12-31` };
  };
  const nextTreasurerBody = (world: World) => treasurerBody(world.a.unit.id, world.a.staff.id);
  const createTreasurer = async (world: World) => (await db.transaction((tx) => createTppTreasurer(tx, system(), nextTreasurerBody(world)))).id;

  return {
    ruleSetId: seeded.id,
    treasurerA: await createTreasurer(w),
    treasurerB: (await db.transaction((tx) => createTppTreasurer(tx, system(), treasurerBody(w.b.unit.id, w.b.staff.id)))).id,
    nextTreasurerBody,
    createTreasurer,
    runA,
    runB,
    decisionB: await createDecision(w.b.staff.id),
    decisionA: await createDecision(w.a.staff.id),
    createAdjustment,
    createAccountHolder,
    nextRuleSetBody,
    async createRuleSetVersion() {
      const { ruleSet } = nextRuleSetBody();
      const { id } = await db.transaction((tx) => createTppRuleSetVersion(tx, system(), ruleSet));
      return { id, ruleSet };
    },
    createDecision,
    nextDecisionNumber,
  };
}
