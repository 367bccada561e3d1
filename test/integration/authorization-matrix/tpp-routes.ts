/**
 * Matrix rows of the TPP routes (issue 6): rule sets, monthly runs, results and their explanation,
 * the simulator, exports and slips, and what administrators record (bank accounts, corrections,
 * discipline decisions, compliance items). Everyone reads the rules; BKPSDM changes them and
 * records corrections and decisions; an admin OPD computes, reads and records for their own units;
 * pimpinan and auditors read; an employee reads and simulates their own TPP, an atasan reads their
 * subordinates'. Targets: A's staff member (the pegawai, subordinate of the atasan) and A's runs.
 */
import { expect } from 'vitest';
import type { RouteKey } from './list-routes';
import { AUTHENTICATED, only, ORG_READERS, ORG_WRITERS, request, type MatrixRow, type Outcome } from './row-helpers';
import { BANK_ACCOUNT, CLOSED_MONTH, COMPLIANCE_CODE, OPEN_MONTH, PENALTY_CODE, TPP_MONTH, tppOf, type TppWorld } from './tpp-world';
import type { Caller, World } from './world';

/**
 * POSTs open to employees that write nothing: the simulator recomputes a month with changed inputs
 * and stores nothing (the employee for themselves, an administrator within their scope).
 */
export const TPP_SELF_SERVICE_WRITES: readonly RouteKey[] = ['POST /api/tpp/simulate'];

const BKPSDM_ONLY = only('admin_bkpsdm');
/** Callers with an employee record; accounts without one are refused by the services (403). */
const EMPLOYEES_ONLY = only('pegawai', 'atasan');
/** The employee themselves and the administrators of their unit; the superior, pimpinan and auditors find nothing (404). */
const SIMULATORS: Record<Caller, Outcome> = { ...only('pegawai', 'admin_opd', 'admin_bkpsdm'), atasan: 'not_found', pimpinan: 'not_found', auditor: 'not_found' };

type Build = (w: World, tpp: TppWorld, caller: Caller) => Promise<Parameters<World['send']>[1]> | Parameters<World['send']>[1];
const tppRequest = (build: Build) => request(async (w, caller) => build(w, await tppOf(w), caller));
const read = (url: (w: World, tpp: TppWorld) => string) => tppRequest((w, tpp) => ({ method: 'GET', url: url(w, tpp) }));
const write = (method: 'POST' | 'PUT' | 'DELETE', url: (w: World, tpp: TppWorld) => string | Promise<string>, payload?: (w: World, tpp: TppWorld) => object) =>
  tppRequest(async (w, tpp) => ({ method, url: await url(w, tpp), ...(payload ? { payload: payload(w, tpp) } : {}) }));

const contentTypeIs = (type: string) => (response: { headers: Record<string, unknown> }) => expect(String(response.headers['content-type'])).toContain(type);
/** A stored result (not an estimate) of A's staff member for the computed month. */
const isStoredResultOfPegawai = (response: { json(): unknown }, w: World) =>
  expect(response.json()).toMatchObject({ period: TPP_MONTH, employee: { id: w.a.staff.id, nip: w.a.staff.nip }, isEstimate: false });

export const TPP_MATRIX: readonly MatrixRow[] = [
  // ---------- rule sets (everyone reads the rules their TPP follows; BKPSDM changes them) ----------
  { route: 'GET /api/tpp/rule-sets', access: AUTHENTICATED, run: read(() => '/api/tpp/rule-sets'), verifyAllowed: (response) => expect((response.json() as { items: unknown[] }).items.length).toBeGreaterThan(0) },
  { route: 'GET /api/tpp/rule-sets/examples', access: AUTHENTICATED, run: read(() => '/api/tpp/rule-sets/examples') },
  {
    route: 'GET /api/tpp/rule-sets/:id',
    access: AUTHENTICATED,
    run: read((_, tpp) => `/api/tpp/rule-sets/${tpp.ruleSetId}`),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ effectiveFrom: '2020-01-01', supersededAt: null }),
  },
  { route: 'GET /api/tpp/rule-sets/:id/export', access: AUTHENTICATED, run: read((_, tpp) => `/api/tpp/rule-sets/${tpp.ruleSetId}/export`), verifyAllowed: contentTypeIs('application/json') },
  { route: 'POST /api/tpp/rule-sets', access: BKPSDM_ONLY, run: write('POST', () => '/api/tpp/rule-sets', (_, tpp) => tpp.nextRuleSetBody()) },
  {
    route: 'PUT /api/tpp/rule-sets/:id',
    access: BKPSDM_ONLY,
    // The edited version keeps its start date under a new name: a new row, the old one superseded.
    run: tppRequest(async (_, tpp) => {
      const { id, ruleSet } = await tpp.createRuleSetVersion();
      return { method: 'PUT', url: `/api/tpp/rule-sets/${id}`, payload: { ruleSet: { ...ruleSet, name: `${ruleSet.name} (diubah)` } } };
    }),
    verifyAllowed: (response) => expect((response.json() as { name: string }).name).toMatch(/\(diubah\)$/),
  },
  { route: 'DELETE /api/tpp/rule-sets/:id', access: BKPSDM_ONLY, run: write('DELETE', async (_, tpp) => `/api/tpp/rule-sets/${(await tpp.createRuleSetVersion()).id}`) },

  // ---------- runs (BKPSDM anywhere; an admin OPD for their own units; readers see them) ----------
  {
    route: 'POST /api/tpp/runs',
    // 201 for the first request, 200 for the next one while the run still waits for the worker.
    access: ORG_WRITERS,
    run: write('POST', () => '/api/tpp/runs', (w) => ({ period: '2026-01', unitId: w.a.unit.id })),
    verifyAllowed: (response, w) => expect(response.json()).toMatchObject({ period: '2026-01', unitId: w.a.unit.id, status: 'queued' }),
  },
  { route: 'GET /api/tpp/runs', access: ORG_READERS, run: read(() => `/api/tpp/runs?period=${TPP_MONTH}`) },
  {
    route: 'GET /api/tpp/runs/:id',
    access: ORG_READERS,
    run: read((_, tpp) => `/api/tpp/runs/${tpp.runA}`),
    verifyAllowed: (response, w) => expect(response.json()).toMatchObject({ period: TPP_MONTH, unitId: w.a.unit.id, status: 'done' }),
  },

  // ---------- results, summaries and exports of A ----------
  {
    route: 'GET /api/tpp/results',
    access: ORG_READERS,
    run: read((w) => `/api/tpp/results?period=${TPP_MONTH}&unitId=${w.a.unit.id}`),
    verifyAllowed: (response, w) => expect((response.json() as { items: { employeeId: string }[] }).items.map((item) => item.employeeId)).toContain(w.a.staff.id),
  },
  { route: 'GET /api/tpp/summary', access: ORG_READERS, run: read(() => `/api/tpp/summary?period=${TPP_MONTH}`) },
  {
    route: 'GET /api/tpp/exports/payroll.xlsx',
    access: ORG_READERS,
    run: read((w) => `/api/tpp/exports/payroll.xlsx?period=${TPP_MONTH}&unitId=${w.a.unit.id}`),
    verifyAllowed: contentTypeIs('spreadsheetml'),
  },
  { route: 'GET /api/tpp/exports/summary.xlsx', access: ORG_READERS, run: read(() => `/api/tpp/exports/summary.xlsx?period=${TPP_MONTH}`), verifyAllowed: contentTypeIs('spreadsheetml') },
  {
    route: 'GET /api/tpp/exports/payroll.pdf',
    access: ORG_READERS,
    run: read((w) => `/api/tpp/exports/payroll.pdf?period=${TPP_MONTH}&unitId=${w.a.unit.id}`),
    verifyAllowed: contentTypeIs('application/pdf'),
  },
  {
    route: 'GET /api/tpp/exports/slips.pdf',
    access: ORG_READERS,
    run: read((w) => `/api/tpp/exports/slips.pdf?period=${TPP_MONTH}&unitId=${w.a.unit.id}`),
    verifyAllowed: contentTypeIs('application/pdf'),
  },
  { route: 'GET /api/tpp/exports/summary.pdf', access: ORG_READERS, run: read(() => `/api/tpp/exports/summary.pdf?period=${TPP_MONTH}`), verifyAllowed: contentTypeIs('application/pdf') },

  // ---------- my TPP (callers with an employee record) ----------
  { route: 'GET /api/tpp/me', access: EMPLOYEES_ONLY, run: read(() => `/api/tpp/me?period=${TPP_MONTH}`), verifyAllowed: (response) => expect(response.json()).toMatchObject({ period: TPP_MONTH, isEstimate: false }) },
  {
    route: 'GET /api/tpp/me/history',
    access: EMPLOYEES_ONLY,
    run: read(() => '/api/tpp/me/history'),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ items: [{ period: TPP_MONTH }] }),
  },
  {
    route: 'GET /api/tpp/me/month-change',
    access: EMPLOYEES_ONLY,
    run: read(() => `/api/tpp/me/month-change?period=${TPP_MONTH}`),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ period: TPP_MONTH }),
  },
  { route: 'GET /api/tpp/me/slip.pdf', access: EMPLOYEES_ONLY, run: read(() => `/api/tpp/me/slip.pdf?period=${TPP_MONTH}`), verifyAllowed: contentTypeIs('application/pdf') },

  // ---------- one employee's TPP (the pegawai: themselves, their superior, A's admin, the regency-wide readers) ----------
  { route: 'GET /api/tpp/employees/:employeeId', access: AUTHENTICATED, run: read((w) => `/api/tpp/employees/${w.a.staff.id}?period=${TPP_MONTH}`), verifyAllowed: isStoredResultOfPegawai },
  {
    route: 'GET /api/tpp/employees/:employeeId/history',
    access: AUTHENTICATED,
    run: read((w) => `/api/tpp/employees/${w.a.staff.id}/history`),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ items: [{ period: TPP_MONTH }] }),
  },
  {
    route: 'GET /api/tpp/employees/:employeeId/month-change',
    access: AUTHENTICATED,
    run: read((w) => `/api/tpp/employees/${w.a.staff.id}/month-change?period=${TPP_MONTH}`),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ period: TPP_MONTH }),
  },
  {
    route: 'GET /api/tpp/employees/:employeeId/slip.pdf',
    access: AUTHENTICATED,
    run: read((w) => `/api/tpp/employees/${w.a.staff.id}/slip.pdf?period=${TPP_MONTH}`),
    verifyAllowed: contentTypeIs('application/pdf'),
  },
  {
    route: 'POST /api/tpp/simulate',
    access: SIMULATORS,
    run: write('POST', () => '/api/tpp/simulate', (w) => ({ period: TPP_MONTH, employeeId: w.a.staff.id, changes: { productivityBp: 10_000 } })),
    verifyAllowed: (response, w) => expect(response.json()).toMatchObject({ period: TPP_MONTH, employeeId: w.a.staff.id }),
  },

  // ---------- records (BKPSDM and the admin OPD of the employee's unit; corrections and decisions: BKPSDM) ----------
  { route: 'GET /api/tpp/bank-accounts/:employeeId', access: ORG_WRITERS, run: read((w) => `/api/tpp/bank-accounts/${w.a.staff.id}`), verifyAllowed: (response) => expect(response.json()).toMatchObject({ bankName: BANK_ACCOUNT.bankName }) },
  {
    route: 'PUT /api/tpp/bank-accounts/:employeeId',
    access: ORG_WRITERS,
    run: write('PUT', (w) => `/api/tpp/bank-accounts/${w.a.staff.id}`, (w) => ({ ...BANK_ACCOUNT, accountNumber: String(1_000_000_000 + w.serial()) })),
  },
  // A fresh holder per request: each allowed caller removes an account that exists.
  { route: 'DELETE /api/tpp/bank-accounts/:employeeId', access: ORG_WRITERS, run: write('DELETE', async (_, tpp) => `/api/tpp/bank-accounts/${await tpp.createAccountHolder()}`) },
  { route: 'GET /api/tpp/adjustments', access: ORG_READERS, run: read(() => `/api/tpp/adjustments?period=${OPEN_MONTH}`) },
  {
    route: 'POST /api/tpp/adjustments',
    access: BKPSDM_ONLY,
    run: write('POST', () => '/api/tpp/adjustments', (w) => ({ employeeId: w.a.staff.id, period: OPEN_MONTH, correctsPeriod: CLOSED_MONTH, amount: -10_000, reason: 'Kelebihan bayar bulan tertutup' })),
  },
  {
    route: 'GET /api/tpp/discipline-decisions',
    access: ORG_WRITERS,
    run: read((w) => `/api/tpp/discipline-decisions?employeeId=${w.a.staff.id}`),
  },
  {
    route: 'POST /api/tpp/discipline-decisions',
    access: BKPSDM_ONLY,
    run: write('POST', () => '/api/tpp/discipline-decisions', (w, tpp) => ({
      employeeId: w.a.staff.id,
      decisionNumber: tpp.nextDecisionNumber(),
      decisionDate: '2026-01-20',
      penaltyCode: PENALTY_CODE,
      startPeriod: TPP_MONTH,
    })),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ penaltyCode: PENALTY_CODE }),
  },
  {
    route: 'PUT /api/tpp/discipline-decisions/:id',
    access: BKPSDM_ONLY,
    run: write(
      'PUT',
      async (w, tpp) => `/api/tpp/discipline-decisions/${await tpp.createDecision(w.a.staff.id)}`,
      (w, tpp) => ({ employeeId: w.a.staff.id, decisionNumber: tpp.nextDecisionNumber(), decisionDate: '2026-01-21', penaltyCode: PENALTY_CODE, startPeriod: TPP_MONTH, note: 'Nomor SK salah ketik' }),
    ),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ note: 'Nomor SK salah ketik', decisionDate: '2026-01-21' }),
  },
  { route: 'DELETE /api/tpp/discipline-decisions/:id', access: BKPSDM_ONLY, run: write('DELETE', async (w, tpp) => `/api/tpp/discipline-decisions/${await tpp.createDecision(w.a.staff.id)}`) },
  {
    route: 'GET /api/tpp/treasurers',
    access: ORG_WRITERS,
    run: read((w) => `/api/tpp/treasurers?unitId=${w.a.unit.id}&includeEnded=true`),
    verifyAllowed: (response, w) => expect((response.json() as { items: { unitId: string }[] }).items).toContainEqual(expect.objectContaining({ unitId: w.a.unit.id, kind: 'pengeluaran' })),
  },
  {
    route: 'POST /api/tpp/treasurers',
    access: ORG_WRITERS,
    run: write('POST', () => '/api/tpp/treasurers', (w, tpp) => tpp.nextTreasurerBody(w)),
    verifyAllowed: (response, w) => expect(response.json()).toMatchObject({ unitId: w.a.unit.id, employeeId: w.a.staff.id, kind: 'pengeluaran' }),
  },
  {
    route: 'PUT /api/tpp/treasurers/:id',
    access: ORG_WRITERS,
    run: write('PUT', async (w, tpp) => `/api/tpp/treasurers/${await tpp.createTreasurer(w)}`, (w, tpp) => ({ ...tpp.nextTreasurerBody(w), decreeNumber: '821.2/DIUBAH/MTX' })),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ decreeNumber: '821.2/DIUBAH/MTX' }),
  },
  { route: 'DELETE /api/tpp/treasurers/:id', access: ORG_WRITERS, run: write('DELETE', async (w, tpp) => `/api/tpp/treasurers/${await tpp.createTreasurer(w)}`) },
  {
    route: 'GET /api/tpp/bank-accounts',
    access: ORG_WRITERS,
    run: read((w) => `/api/tpp/bank-accounts?unitId=${w.a.unit.id}&q=${w.a.staff.nip}`),
    // Listed with the number masked (the PUT row may have changed it): the whole number is read one employee at a time.
    verifyAllowed: (response, w) =>
      expect(response.json()).toMatchObject({ total: 1, items: [{ employeeId: w.a.staff.id, bankName: BANK_ACCOUNT.bankName, accountNumberMasked: expect.stringMatching(/^\*{6,}[0-9]{4}$/) }] }),
  },
  {
    route: 'PUT /api/tpp/adjustments/:id',
    access: BKPSDM_ONLY,
    run: write('PUT', async (w, tpp) => `/api/tpp/adjustments/${await tpp.createAdjustment(w.a.staff.id)}`, () => ({ amount: -15_000, reason: 'Jumlah koreksi salah ketik' })),
  },
  { route: 'DELETE /api/tpp/adjustments/:id', access: BKPSDM_ONLY, run: write('DELETE', async (w, tpp) => `/api/tpp/adjustments/${await tpp.createAdjustment(w.a.staff.id)}`) },
  {
    route: 'GET /api/tpp/compliance-sheet',
    access: ORG_WRITERS,
    run: read((w) => `/api/tpp/compliance-sheet?period=${OPEN_MONTH}&unitId=${w.a.unit.id}`),
    verifyAllowed: (response, w) => {
      const sheet = response.json<{ columns: { code: string }[]; items: { employeeId: string }[] }>();
      expect(sheet.columns.map((column) => column.code)).toContain(COMPLIANCE_CODE);
      expect(sheet.items.map((item) => item.employeeId)).toContain(w.a.staff.id);
    },
  },
  {
    route: 'GET /api/tpp/record-options',
    access: ORG_WRITERS,
    run: read(() => `/api/tpp/record-options?period=${TPP_MONTH}`),
    verifyAllowed: (response) => expect((response.json() as { penalties: { code: string }[] }).penalties.map((penalty) => penalty.code)).toContain(PENALTY_CODE),
  },
  { route: 'GET /api/tpp/compliance-items', access: ORG_WRITERS, run: read((w) => `/api/tpp/compliance-items?employeeId=${w.a.staff.id}&period=${OPEN_MONTH}`) },
  {
    route: 'PUT /api/tpp/compliance-items',
    access: ORG_WRITERS,
    run: write('PUT', () => '/api/tpp/compliance-items', (w) => ({ employeeId: w.a.staff.id, period: OPEN_MONTH, code: COMPLIANCE_CODE, isMet: true, note: 'LHKPN disampaikan tepat waktu' })),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ items: [{ code: COMPLIANCE_CODE, isMet: true }] }),
  },
];
