/**
 * TPP across the border of OPD A: A's admin OPD reaching B's results, runs, slips, exports and
 * records; A's pegawai and atasan reading the TPP of someone who is not theirs. Reads outside scope
 * are hidden (404); writes are refused (403, or 404 where the employee is hidden) and leave the TPP
 * tables and the audit trail exactly as they were. Run by the attendance border block of the matrix
 * test (same mechanism as the activity and SKP cases), plus the list checks in TPP_SCOPED_LISTS.
 */
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { queryRows, type Database } from '../../../src/server/db/client';
import { auditLog, tppAdjustments, tppBankAccounts, tppComplianceItems, tppDisciplineDecisions, tppResults, tppRuleSets, tppRuns, tppTreasurers } from '../../../src/server/db/schema';
import { BANK_ACCOUNT, COMPLIANCE_CODE, OPEN_MONTH, TPP_MONTH, tppOf } from './tpp-world';
import type { SignedInCaller, World } from './world';

export interface TppBorder {
  runA: string;
  /** The done run of TPP_MONTH for B's subtree. */
  runB: string;
  /** A discipline decision on B's staff member. */
  decisionB: string;
  /** A discipline decision on A's staff member. */
  decisionA: string;
  /** Treasurers' appointments of A's and B's OPD units. */
  treasurerA: string;
  treasurerB: string;
}

export async function prepareTppBorder(w: World): Promise<TppBorder> {
  const { runA, runB, decisionB, decisionA, treasurerA, treasurerB } = await tppOf(w);
  return { runA, runB, decisionB, decisionA, treasurerA, treasurerB };
}

const SNAPSHOT_TABLES = {
  tppRuleSets,
  tppRuns,
  tppResults,
  tppAdjustments,
  tppDisciplineDecisions,
  tppComplianceItems,
  tppBankAccounts,
  tppTreasurers,
};

/** A fingerprint of every row of the TPP tables (one md5 per table) plus the audit trail's length, in one query. */
export async function snapshotTpp(db: Database): Promise<Record<string, string | number>> {
  const fingerprints = sql.join(
    Object.entries(SNAPSHOT_TABLES).map(([name, table]) => sql`(select md5(coalesce(string_agg(r::text, '|' order by r::text), '')) from ${table} r) as ${sql.identifier(name)}`),
    sql`, `,
  );
  const [row] = await queryRows<Record<string, string>>(db, sql`select ${fingerprints}, (select count(*)::int from ${auditLog}) as "auditRows"`);
  if (!row) throw new Error('snapshot query returned nothing');
  return row;
}

type Build = (w: World, b: TppBorder) => InjectOptions;
const get = (url: (w: World, b: TppBorder) => string): Build => (w, b) => ({ method: 'GET', url: url(w, b) });
const MONTH = `period=${TPP_MONTH}`;

/** Reads outside the caller's scope: the employee, unit or run does not exist for them (404). */
export const TPP_BORDER_READS: readonly [description: string, caller: SignedInCaller, build: Build, status: number][] = [
  ["admin OPD of A reading the TPP results of unit B", 'admin_opd', get((w) => `/api/tpp/results?${MONTH}&unitId=${w.b.unit.id}`), 404],
  ["admin OPD of A exporting the payroll recap of unit B", 'admin_opd', get((w) => `/api/tpp/exports/payroll.xlsx?${MONTH}&unitId=${w.b.unit.id}`), 404],
  ["admin OPD of A printing the TPP payment list of unit B", 'admin_opd', get((w) => `/api/tpp/exports/payroll.pdf?${MONTH}&unitId=${w.b.unit.id}`), 404],
  ["admin OPD of A printing the TPP slips of unit B", 'admin_opd', get((w) => `/api/tpp/exports/slips.pdf?${MONTH}&unitId=${w.b.unit.id}`), 404],
  ["admin OPD of A reading B's TPP run", 'admin_opd', get((_, b) => `/api/tpp/runs/${b.runB}`), 404],
  ["admin OPD of A reading the TPP of B's employee", 'admin_opd', get((w) => `/api/tpp/employees/${w.b.staff.id}?${MONTH}`), 404],
  ["admin OPD of A reading the TPP history of B's employee", 'admin_opd', get((w) => `/api/tpp/employees/${w.b.staff.id}/history`), 404],
  ["admin OPD of A comparing the TPP months of B's employee", 'admin_opd', get((w) => `/api/tpp/employees/${w.b.staff.id}/month-change?${MONTH}`), 404],
  ["admin OPD of A printing the TPP slip of B's employee", 'admin_opd', get((w) => `/api/tpp/employees/${w.b.staff.id}/slip.pdf?${MONTH}`), 404],
  ["admin OPD of A reading the bank account of B's employee", 'admin_opd', get((w) => `/api/tpp/bank-accounts/${w.b.staff.id}`), 404],
  ["admin OPD of A reading the discipline decisions of B's employee", 'admin_opd', get((w) => `/api/tpp/discipline-decisions?employeeId=${w.b.staff.id}`), 404],
  ["admin OPD of A listing the bank accounts of unit B", 'admin_opd', get((w) => `/api/tpp/bank-accounts?unitId=${w.b.unit.id}`), 404],
  ["admin OPD of A listing the discipline decisions of unit B", 'admin_opd', get((w) => `/api/tpp/discipline-decisions?unitId=${w.b.unit.id}`), 404],
  ["admin OPD of A listing the treasurers of unit B", 'admin_opd', get((w) => `/api/tpp/treasurers?unitId=${w.b.unit.id}`), 404],
  ["admin OPD of A reading the compliance sheet of unit B", 'admin_opd', get((w) => `/api/tpp/compliance-sheet?period=${OPEN_MONTH}&unitId=${w.b.unit.id}`), 404],
  ["admin OPD of A listing the corrections of unit B", 'admin_opd', get((w) => `/api/tpp/adjustments?period=${OPEN_MONTH}&unitId=${w.b.unit.id}`), 404],
  ["admin OPD of A reading the compliance items of B's employee", 'admin_opd', get((w) => `/api/tpp/compliance-items?employeeId=${w.b.staff.id}&period=${OPEN_MONTH}`), 404],
  ['pegawai reading the TPP of their superior', 'pegawai', get((w) => `/api/tpp/employees/${w.a.bidangHead.id}?${MONTH}`), 404],
  ['pegawai printing the TPP slip of their superior', 'pegawai', get((w) => `/api/tpp/employees/${w.a.bidangHead.id}/slip.pdf?${MONTH}`), 404],
  ["pegawai reading the TPP of B's employee", 'pegawai', get((w) => `/api/tpp/employees/${w.b.staff.id}?${MONTH}`), 404],
  ['atasan reading the TPP of their own superior', 'atasan', get((w) => `/api/tpp/employees/${w.a.head.id}?${MONTH}`), 404],
  ['atasan reading the TPP history of their own superior', 'atasan', get((w) => `/api/tpp/employees/${w.a.head.id}/history`), 404],
  ['atasan comparing the TPP months of their own superior', 'atasan', get((w) => `/api/tpp/employees/${w.a.head.id}/month-change?${MONTH}`), 404],
  ["atasan printing the TPP slip of B's employee", 'atasan', get((w) => `/api/tpp/employees/${w.b.staff.id}/slip.pdf?${MONTH}`), 404],
  ["BKPSDM reading the TPP results of unit B", 'admin_bkpsdm', get((w) => `/api/tpp/results?${MONTH}&unitId=${w.b.unit.id}`), 200],
  ["BKPSDM reading B's TPP run", 'admin_bkpsdm', get((_, b) => `/api/tpp/runs/${b.runB}`), 200],
  ["BKPSDM printing the TPP slip of B's employee", 'admin_bkpsdm', get((w) => `/api/tpp/employees/${w.b.staff.id}/slip.pdf?${MONTH}`), 200],
  ["BKPSDM reading the bank account of B's employee", 'admin_bkpsdm', get((w) => `/api/tpp/bank-accounts/${w.b.staff.id}`), 200],
];

const FORBIDDEN = [403] as const;
const HIDDEN = [404] as const;
const simulate = (employeeId: (w: World) => string): Build => (w) => ({
  method: 'POST',
  url: '/api/tpp/simulate',
  payload: { period: TPP_MONTH, employeeId: employeeId(w), changes: { productivityBp: 10_000 } },
});

export const TPP_BORDER_ATTEMPTS: readonly [description: string, caller: SignedInCaller, build: Build, statuses: readonly number[]][] = [
  ["admin OPD of A changing the bank account of B's employee", 'admin_opd', (w) => ({ method: 'PUT', url: `/api/tpp/bank-accounts/${w.b.staff.id}`, payload: { ...BANK_ACCOUNT, accountNumber: '99999999' } }), HIDDEN],
  [
    "admin OPD of A recording a compliance item of B's employee",
    'admin_opd',
    (w) => ({ method: 'PUT', url: '/api/tpp/compliance-items', payload: { employeeId: w.b.staff.id, period: OPEN_MONTH, code: COMPLIANCE_CODE, isMet: false } }),
    HIDDEN,
  ],
  ['admin OPD of A computing the TPP of unit B', 'admin_opd', (w) => ({ method: 'POST', url: '/api/tpp/runs', payload: { period: TPP_MONTH, unitId: w.b.unit.id } }), FORBIDDEN],
  ['admin OPD of A computing the TPP of the whole region', 'admin_opd', () => ({ method: 'POST', url: '/api/tpp/runs', payload: { period: TPP_MONTH, unitId: null } }), FORBIDDEN],
  ["admin OPD of A deleting a discipline decision of B's employee", 'admin_opd', (_, b) => ({ method: 'DELETE', url: `/api/tpp/discipline-decisions/${b.decisionB}` }), FORBIDDEN],
  [
    "admin OPD of A editing a discipline decision of B's employee",
    'admin_opd',
    (w, b) => ({
      method: 'PUT',
      url: `/api/tpp/discipline-decisions/${b.decisionB}`,
      payload: { employeeId: w.b.staff.id, decisionNumber: '800/LINTAS/2026', decisionDate: '2026-01-20', penaltyCode: 'teguran_lisan', startPeriod: TPP_MONTH, note: null },
    }),
    FORBIDDEN,
  ],
  ["admin OPD of A removing the bank account of B's employee", 'admin_opd', (w) => ({ method: 'DELETE', url: `/api/tpp/bank-accounts/${w.b.staff.id}` }), HIDDEN],
  ["admin OPD of A simulating the TPP of B's employee", 'admin_opd', simulate((w) => w.b.staff.id), HIDDEN],
  [
    'admin OPD of A recording a treasurer of unit B',
    'admin_opd',
    (w) => ({ method: 'POST', url: '/api/tpp/treasurers', payload: { unitId: w.b.unit.id, employeeId: w.b.staff.id, decreeNumber: '821.2/LINTAS/2026', startDate: '2099-01-01', endDate: null } }),
    HIDDEN,
  ],
  [
    "admin OPD of A changing B's treasurer to their own staff member",
    'admin_opd',
    (w, b) => ({ method: 'PUT', url: `/api/tpp/treasurers/${b.treasurerB}`, payload: { unitId: w.a.unit.id, employeeId: w.a.staff.id, decreeNumber: '821.2/LINTAS/2026', startDate: '2099-01-01', endDate: null } }),
    HIDDEN,
  ],
  ["admin OPD of A removing B's treasurer", 'admin_opd', (_, b) => ({ method: 'DELETE', url: `/api/tpp/treasurers/${b.treasurerB}` }), HIDDEN],
  ["pegawai simulating the TPP of B's employee", 'pegawai', simulate((w) => w.b.staff.id), HIDDEN],
];

type ListCheck = [description: string, url: (w: World) => string, ids: (body: unknown) => string[], ofA: (w: World, b: TppBorder) => string, ofB: (w: World, b: TppBorder) => string];

const itemsOf = (key: string) => (body: unknown) => (body as { items: Record<string, string>[] }).items.map((item) => item[key] ?? '');

/** Lists without a unit filter: the admin OPD of A gets A's records and none of B's; BKPSDM gets B's too. */
export const TPP_SCOPED_LISTS: readonly ListCheck[] = [
  ['results', () => `/api/tpp/results?${MONTH}&limit=500`, itemsOf('employeeId'), (w) => w.a.staff.id, (w) => w.b.staff.id],
  ['runs', () => `/api/tpp/runs?${MONTH}`, itemsOf('id'), (_, b) => b.runA, (_, b) => b.runB],
  ['summary', () => `/api/tpp/summary?${MONTH}`, (body) => (body as { opds: { opdUnitId: string }[] }).opds.map((row) => row.opdUnitId), (w) => w.a.unit.id, (w) => w.b.unit.id],
  ['corrections', () => `/api/tpp/adjustments?period=${OPEN_MONTH}`, itemsOf('employeeId'), (w) => w.a.staff.id, (w) => w.b.staff.id],
  ['bank accounts', () => '/api/tpp/bank-accounts?status=present&pageSize=200', itemsOf('employeeId'), (w) => w.a.staff.id, (w) => w.b.staff.id],
  ['discipline decisions', () => '/api/tpp/discipline-decisions', itemsOf('id'), (_, b) => b.decisionA, (_, b) => b.decisionB],
  ['treasurers', () => '/api/tpp/treasurers?includeEnded=true', itemsOf('id'), (_, b) => b.treasurerA, (_, b) => b.treasurerB],
  ['compliance sheet rows', () => `/api/tpp/compliance-sheet?period=${OPEN_MONTH}&pageSize=200`, itemsOf('employeeId'), (w) => w.a.staff.id, (w) => w.b.staff.id],
];
