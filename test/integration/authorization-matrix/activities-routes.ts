/**
 * Matrix rows of the daily-activity routes (issue 4): catalogue, rule sets, deadline extensions,
 * month closing, own entries, templates and evidence, the superior's decisions and productivity.
 * Who may do what is read from each route's `config.access` and its service's checks; targets are
 * in OPD A (the pegawai's entries, decided by the atasan) and fresh per request where a write
 * consumes them.
 */
import { expect } from 'vitest';
import { DEFAULT_ACTIVITY_RULES } from '../../../src/domain/activities/rules';
import { csv, multipart } from '../../fixtures/import/sheets';
import { activitiesOf, type ActivitiesWorld } from './activities-world';
import { PNG } from './attendance-world';
import type { RouteKey } from './list-routes';
import { AUTHENTICATED, only, ORG_READERS, ORG_WRITERS, request, type MatrixRow, type Outcome } from './row-helpers';
import type { Caller, World } from './world';

/**
 * Writes open to employees for their own activities: recording, editing, submitting, copying,
 * templates, evidence; and, for the superior of record, deciding and judging evidence.
 */
export const ACTIVITIES_SELF_SERVICE_WRITES: readonly RouteKey[] = [
  'POST /api/activities/entries',
  'PATCH /api/activities/entries/:id',
  'DELETE /api/activities/entries/:id',
  'POST /api/activities/entries/:id/submit',
  'POST /api/activities/entries/copy',
  'POST /api/activities/templates',
  'PATCH /api/activities/templates/:id',
  'DELETE /api/activities/templates/:id',
  'POST /api/activities/templates/:id/entries',
  'POST /api/activities/evidence',
  'POST /api/activities/approvals/bulk',
  'POST /api/activities/entries/:id/decision',
  'POST /api/activities/entries/:id/evidence-verdict',
];

/** Callers with an employee record; accounts without one are refused by the services (403). */
const EMPLOYEES_ONLY = only('pegawai', 'atasan');
/** The pegawai's own records: another employee (the atasan) finds nothing (404), accounts without an employee are refused. */
const PEGAWAI_OWNS: Record<Caller, Outcome> = { ...only('pegawai'), atasan: 'not_found' };
/** Decided by the superior of record only: the employee, admins and readers are refused. */
const DECIDER_ONLY = only('atasan');
const BKPSDM_ONLY = only('admin_bkpsdm');
const MONTH = '2026-02';

type Build = (w: World, ac: ActivitiesWorld, caller: Caller) => Promise<Parameters<World['send']>[1]> | Parameters<World['send']>[1];
const activities = (build: Build) => request(async (w, caller) => build(w, await activitiesOf(w), caller));
const read = (url: (w: World, ac: ActivitiesWorld, caller: Caller) => string) => activities((w, ac, caller) => ({ method: 'GET', url: url(w, ac, caller) }));
const write = (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: (w: World, ac: ActivitiesWorld) => string | Promise<string>, payload?: (w: World, ac: ActivitiesWorld) => object | Promise<object>) =>
  activities(async (w, ac) => ({ method, url: await url(w, ac), ...(payload ? { payload: await payload(w, ac) } : {}) }));

/** The employee record behind a caller, for bodies that must fit that person (free slots are per person). */
const employeeOf = (w: World, caller: Caller) => (caller === 'atasan' ? w.a.bidangHead.id : w.a.staff.id);
const hasEmployee = (caller: Caller) => caller === 'pegawai' || caller === 'atasan';

const expectContentType = (type: string) => (response: { headers: Record<string, unknown> }) => expect(String(response.headers['content-type'])).toContain(type);

export const ACTIVITIES_MATRIX: readonly MatrixRow[] = [
  // ---------- catalogue (everyone reads; admins write, an admin OPD only for positions in their units) ----------
  { route: 'GET /api/activities/catalogue', access: AUTHENTICATED, run: read(() => '/api/activities/catalogue') },
  {
    route: 'GET /api/activities/catalogue/template.xlsx',
    access: ORG_WRITERS,
    run: read(() => '/api/activities/catalogue/template.xlsx'),
    verifyAllowed: expectContentType('spreadsheetml'),
  },
  {
    route: 'GET /api/activities/catalogue/export.xlsx',
    access: ORG_READERS,
    run: read(() => '/api/activities/catalogue/export.xlsx'),
    verifyAllowed: expectContentType('spreadsheetml'),
  },
  {
    route: 'POST /api/activities/catalogue/import',
    access: ORG_WRITERS,
    run: activities((w) => {
      const rows = [
        ['kode', 'nama', 'satuan_output', 'waktu_standar_menit', 'kode_jabatan'],
        [w.unique('MTX-AKT-IMPOR'), 'Memverifikasi berkas usulan', 'berkas', '20', w.a.staffPosition.code],
      ];
      const body = multipart(csv(rows), 'katalog.csv');
      return { method: 'POST', url: '/api/activities/catalogue/import?dryRun=false', payload: body.payload, headers: body.headers };
    }),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ errors: [], created: 1, isCommitted: true }),
  },
  {
    route: 'GET /api/activities/catalogue/:id',
    access: AUTHENTICATED,
    run: read((_, ac) => `/api/activities/catalogue/${ac.positionItemA.itemId}`),
    verifyAllowed: (response, w) => expect(response.json()).toMatchObject({ positionId: w.a.staffPosition.id }),
  },
  { route: 'GET /api/activities/catalogue/:id/versions', access: AUTHENTICATED, run: read((_, ac) => `/api/activities/catalogue/${ac.positionItemA.itemId}/versions`) },
  {
    route: 'POST /api/activities/catalogue',
    access: ORG_WRITERS,
    run: write('POST', () => '/api/activities/catalogue', (w) => ({
      code: w.unique('MTX-AKT'),
      name: 'Menyusun laporan bulanan bidang',
      outputUnit: 'laporan',
      standardMinutes: 60,
      positionId: w.a.staffPosition.id,
    })),
  },
  {
    route: 'PATCH /api/activities/catalogue/:id',
    access: ORG_WRITERS,
    run: write('PATCH', async (w, ac) => `/api/activities/catalogue/${await ac.createPositionItem(w.a)}`, () => ({ standardMinutes: 50 })),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ currentVersion: 2, standardMinutes: 50 }),
  },
  {
    route: 'POST /api/activities/catalogue/:id/deactivate',
    access: ORG_WRITERS,
    run: write('POST', async (w, ac) => `/api/activities/catalogue/${await ac.createPositionItem(w.a)}/deactivate`),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ isActive: false }),
  },
  {
    route: 'POST /api/activities/catalogue/:id/activate',
    access: ORG_WRITERS,
    run: write('POST', async (w, ac) => `/api/activities/catalogue/${await ac.createPositionItem(w.a, { isActive: false })}/activate`),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ isActive: true }),
  },

  // ---------- rule sets (admins and readers see the history; everyone the one in force; BKPSDM adds) ----------
  { route: 'GET /api/activities/rule-sets', access: ORG_READERS, run: read(() => '/api/activities/rule-sets') },
  { route: 'GET /api/activities/rule-sets/in-force', access: AUTHENTICATED, run: read(() => '/api/activities/rule-sets/in-force?date=2026-02-02') },
  { route: 'GET /api/activities/rule-sets/:id', access: ORG_READERS, run: read((_, ac) => `/api/activities/rule-sets/${ac.ruleSetId}`) },
  {
    route: 'POST /api/activities/rule-sets',
    access: BKPSDM_ONLY,
    run: write('POST', () => '/api/activities/rule-sets', (_, ac) => ({
      name: 'Aturan aktivitas uji matriks',
      effectiveFrom: ac.nextRuleSetDate(),
      regulation: 'Peraturan Bupati uji kewenangan',
      rules: DEFAULT_ACTIVITY_RULES,
    })),
  },

  // ---------- deadline extensions (BKPSDM anywhere; an admin OPD for their units) ----------
  { route: 'GET /api/activities/deadline-extensions', access: ORG_READERS, run: read(() => '/api/activities/deadline-extensions') },
  {
    route: 'POST /api/activities/deadline-extensions',
    access: ORG_WRITERS,
    run: write('POST', () => '/api/activities/deadline-extensions', (w) => ({
      unitId: w.a.unit.id,
      workDateFrom: '2026-02-16',
      workDateTo: '2026-02-17',
      extendedUntil: '2026-03-20T23:59:59+07:00',
      reason: 'Listrik padam di kantor dinas dua hari',
    })),
  },
  {
    route: 'DELETE /api/activities/deadline-extensions/:id',
    access: ORG_WRITERS,
    run: write('DELETE', async (w, ac) => `/api/activities/deadline-extensions/${await ac.createExtension(w.a)}`, () => ({ reason: 'Dibuat keliru untuk unit yang salah' })),
  },

  // ---------- month closing (everyone sees closed months; BKPSDM closes) ----------
  { route: 'GET /api/periods/closures', access: AUTHENTICATED, run: read(() => '/api/periods/closures?year=2024') },
  { route: 'GET /api/periods/closures/preview', access: BKPSDM_ONLY, run: read(() => '/api/periods/closures/preview?period=2024-12') },
  {
    route: 'POST /api/periods/closures',
    access: BKPSDM_ONLY,
    run: write('POST', () => '/api/periods/closures', (_, ac) => ({ period: ac.nextClosurePeriod(), note: 'Penutupan uji matriks' })),
  },

  // ---------- own entries (A's staff member = the pegawai; their superior = the atasan) ----------
  { route: 'GET /api/activities/my-catalogue', access: EMPLOYEES_ONLY, run: read(() => '/api/activities/my-catalogue?date=2026-02-02') },
  {
    route: 'GET /api/activities/entries',
    // The pegawai themselves, their superior, the admin OPD of their unit, the regency-wide readers.
    access: AUTHENTICATED,
    run: read((w) => `/api/activities/entries?month=${MONTH}&employeeId=${w.a.staff.id}`),
    verifyAllowed: (response, w) => expect(response.json()).toMatchObject({ employeeId: w.a.staff.id }),
  },
  {
    route: 'GET /api/activities/entries/:id',
    access: AUTHENTICATED,
    run: read((_, ac) => `/api/activities/entries/${ac.entryA.id}`),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ status: 'submitted' }),
  },
  {
    route: 'POST /api/activities/entries',
    access: EMPLOYEES_ONLY,
    run: activities((w, ac, caller) => ({ method: 'POST', url: '/api/activities/entries', payload: ac.entryBody(ac.nextSlot(employeeOf(w, caller))) })),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ status: 'draft' }),
  },
  {
    route: 'PATCH /api/activities/entries/:id',
    access: PEGAWAI_OWNS,
    run: activities(async (_, ac) => {
      const draft = await ac.createDraft();
      return { method: 'PATCH', url: `/api/activities/entries/${draft.id}`, payload: { ...ac.entryBody(draft.slot), description: 'Konsep surat diperbaiki', revision: 1 } };
    }),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ description: 'Konsep surat diperbaiki' }),
  },
  {
    route: 'DELETE /api/activities/entries/:id',
    access: PEGAWAI_OWNS,
    run: write('DELETE', async (_, ac) => `/api/activities/entries/${(await ac.createDraft()).id}?revision=1`),
  },
  {
    route: 'POST /api/activities/entries/:id/submit',
    access: PEGAWAI_OWNS,
    run: write('POST', async (_, ac) => `/api/activities/entries/${(await ac.createDraft()).id}/submit`, () => ({ revision: 1 })),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ status: 'submitted' }),
  },
  {
    route: 'POST /api/activities/entries/copy',
    access: EMPLOYEES_ONLY,
    // The day of the pegawai's submitted entry onto an empty day of the caller (accounts without an employee have no days).
    run: activities((w, ac, caller) => ({
      method: 'POST',
      url: '/api/activities/entries/copy',
      payload: { targetDate: hasEmployee(caller) ? ac.nextCopyTarget(employeeOf(w, caller)) : '2026-03-02', sourceDate: ac.entryA.workDate },
    })),
  },
  { route: 'GET /api/activities/templates', access: EMPLOYEES_ONLY, run: read(() => '/api/activities/templates') },
  {
    route: 'POST /api/activities/templates',
    access: EMPLOYEES_ONLY,
    run: write('POST', () => '/api/activities/templates', (w, ac) => ({ name: `Templat ${w.unique('baru')}`, catalogueItemId: ac.general.itemId, volume: 1 })),
  },
  {
    route: 'PATCH /api/activities/templates/:id',
    access: PEGAWAI_OWNS,
    run: write('PATCH', (_, ac) => `/api/activities/templates/${ac.templateA}`, (w, ac) => ({
      name: `Templat ${w.unique('ubah')}`,
      catalogueItemId: ac.general.itemId,
      volume: 2,
      startTime: '13:00',
      endTime: '14:00',
    })),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ volume: 2 }),
  },
  { route: 'DELETE /api/activities/templates/:id', access: PEGAWAI_OWNS, run: write('DELETE', async (_, ac) => `/api/activities/templates/${await ac.createTemplate()}`) },
  {
    route: 'POST /api/activities/templates/:id/entries',
    access: PEGAWAI_OWNS,
    run: write('POST', (_, ac) => `/api/activities/templates/${ac.templateA}/entries`, (w, ac) => ({ ...ac.nextSlot(w.a.staff.id), volume: 1 })),
  },
  {
    route: 'POST /api/activities/evidence',
    access: EMPLOYEES_ONLY,
    run: activities(() => {
      const body = multipart(PNG, 'bukti.png');
      return { method: 'POST', url: '/api/activities/evidence', payload: body.payload, headers: body.headers };
    }),
  },
  {
    route: 'GET /api/activities/evidence/:id',
    // The uploader (pegawai) and everyone who may read the entry using it.
    access: AUTHENTICATED,
    run: read((_, ac) => `/api/activities/evidence/${ac.entryA.evidenceId}`),
    verifyAllowed: (response) => expect(response.rawPayload.equals(PNG)).toBe(true),
  },

  // ---------- the superior's queue and decisions (the atasan decides the pegawai's entries) ----------
  { route: 'GET /api/activities/approvals', access: AUTHENTICATED, run: read(() => '/api/activities/approvals') },
  { route: 'GET /api/activities/approvals/summary', access: AUTHENTICATED, run: read(() => '/api/activities/approvals/summary') },
  {
    route: 'POST /api/activities/approvals/bulk',
    access: DECIDER_ONLY,
    run: write('POST', () => '/api/activities/approvals/bulk', async (_, ac) => ({ decision: 'approve', selection: { kind: 'entries', entryIds: [await ac.createSubmitted()] } })),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ decided: 1 }),
  },
  {
    route: 'POST /api/activities/entries/:id/decision',
    access: DECIDER_ONLY,
    run: write('POST', async (_, ac) => `/api/activities/entries/${await ac.createSubmitted()}/decision`, () => ({ decision: 'return', reason: 'Lengkapi uraian kegiatan' })),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ status: 'returned' }),
  },
  {
    route: 'POST /api/activities/entries/:id/evidence-verdict',
    access: DECIDER_ONLY,
    run: write('POST', (_, ac) => `/api/activities/entries/${ac.entryA.id}/evidence-verdict`, () => ({ verdict: 'matching' })),
    verifyAllowed: (response) => expect(response.json()).toMatchObject({ evidenceVerdict: 'matching' }),
  },

  // ---------- productivity (of the pegawai; of a unit of A) ----------
  { route: 'GET /api/activities/productivity', access: AUTHENTICATED, run: read((w) => `/api/activities/productivity?employeeId=${w.a.staff.id}&month=${MONTH}`) },
  {
    route: 'GET /api/activities/productivity/report.pdf',
    access: AUTHENTICATED,
    run: read((w) => `/api/activities/productivity/report.pdf?employeeId=${w.a.staff.id}&month=${MONTH}`),
    verifyAllowed: expectContentType('application/pdf'),
  },
  {
    route: 'GET /api/activities/productivity/subordinates',
    access: AUTHENTICATED,
    run: read(() => `/api/activities/productivity/subordinates?month=${MONTH}`),
  },
  {
    route: 'GET /api/activities/productivity/unit',
    access: ORG_READERS,
    run: read((w) => `/api/activities/productivity/unit?unitId=${w.a.unit.id}&month=${MONTH}`),
    verifyAllowed: (response, w) => expect((response.json() as { items: { employeeId: string }[] }).items.map((item) => item.employeeId)).toContain(w.a.staff.id),
  },
  {
    route: 'GET /api/activities/productivity/unit.xlsx',
    access: ORG_READERS,
    run: read((w) => `/api/activities/productivity/unit.xlsx?unitId=${w.a.unit.id}&month=${MONTH}`),
    verifyAllowed: expectContentType('spreadsheetml'),
  },
];
