/**
 * Daily activities and SKP across the border of OPD A: A's admin OPD reaching B's catalogue,
 * extensions, entries, productivity and SKP; a pegawai or atasan reading or deciding what is not
 * theirs. Reads outside scope are hidden (404) or refused (403); writes are refused and leave the
 * activity and SKP tables and the audit trail exactly as they were. Run by the attendance border
 * block of the matrix test (same mechanism: a caller, a request, the expected status).
 */
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { queryRows, type Database } from '../../../src/server/db/client';
import {
  activityCatalogueItems,
  activityCatalogueVersions,
  activityDeadlineExtensions,
  activityEntries,
  activityRuleSets,
  activityTemplates,
  auditLog,
  periodClosures,
  skpEvaluations,
  skpIndicatorRealisations,
  skpIndicators,
  skpRealisationAttachments,
  skpRealisations,
  skpRhk,
  skps,
  skpSettings,
  skpUnitPredikats,
} from '../../../src/server/db/schema';
import { createSkpRecord } from '../../../src/server/modules/skp/skp-plan.service';
import { yearSpan } from '../../../src/domain/skp/periods';
import { systemContext } from '../../../src/server/platform/actor';
import { multipart } from '../../fixtures/import/sheets';
import { TEST_PASSWORD } from '../../helpers/factories';
import { loginAs } from '../../helpers/test-app';
import { activitiesOf } from './activities-world';
import { PNG } from './attendance-world';
import { skpOf } from './skp-world';
import type { SignedInCaller, World } from './world';

export interface ActivitiesBorder {
  /** Submitted by B's staff member through the API, with evidence they uploaded. */
  entryB: { id: string; evidenceId: string };
  /** Submitted by the atasan for themselves (decider: A's kepala dinas). */
  atasanEntry: string;
  itemB: string;
  itemBInactive: string;
  generalItem: string;
  extensionB: string;
  /** B's staff member's SKP 2026 (draft; assessor: B's kepala bidang). */
  skpB: string;
  /** The atasan's approved SKP 2026. */
  atasanSkp: string;
  atasanRhk: string;
}

export async function prepareActivitiesBorder(w: World): Promise<ActivitiesBorder> {
  const ac = await activitiesOf(w);
  const skp = await skpOf(w);
  const bStaff = await loginAs(w.t.app, w.b.staff.nip, TEST_PASSWORD);
  const created = async (response: { statusCode: number; body: string; json<T>(): T }) => {
    if (response.statusCode !== 201) throw new Error(`setting up the activities border failed: ${response.statusCode} ${response.body}`);
    return response.json<{ id: string }>().id;
  };
  const upload = multipart(PNG, 'bukti-b.png');
  const evidenceId = await created(await bStaff.inject({ method: 'POST', url: '/api/activities/evidence', payload: upload.payload, headers: upload.headers }));
  const entryId = await created(
    await bStaff.inject({ method: 'POST', url: '/api/activities/entries', payload: { ...ac.entryBody(ac.nextSlot(w.b.staff.id)), evidenceAttachmentId: evidenceId, submit: true } }),
  );
  const system = systemContext('authorization-matrix', w.t.clock, 'Asia/Jakarta');
  const skpB = await w.t.handle.db.transaction((tx) => createSkpRecord(tx, system, w.b.staff.id, 2026, yearSpan(2026)));
  return {
    entryB: { id: entryId, evidenceId },
    atasanEntry: await ac.createSubmitted(w.a.bidangHead),
    itemB: await ac.createPositionItem(w.b),
    itemBInactive: await ac.createPositionItem(w.b, { isActive: false }),
    generalItem: ac.general.itemId,
    extensionB: await ac.createExtension(w.b),
    skpB: skpB.id,
    atasanSkp: skp.atasanSkp2026,
    atasanRhk: skp.atasanRhk2026,
  };
}

const SNAPSHOT_TABLES = {
  catalogueItems: activityCatalogueItems,
  catalogueVersions: activityCatalogueVersions,
  entries: activityEntries,
  extensions: activityDeadlineExtensions,
  templates: activityTemplates,
  ruleSets: activityRuleSets,
  closures: periodClosures,
  skps,
  skpRhk,
  skpIndicators,
  skpSettings,
  skpRealisations,
  skpIndicatorRealisations,
  skpRealisationAttachments,
  skpEvaluations,
  skpUnitPredikats,
};

/**
 * A fingerprint of every row of the activity and SKP tables (one md5 per table, over all columns
 * in a stable order) plus the audit trail's length: one query, because it runs twice per attempt.
 */
export async function snapshotActivitiesAndSkp(db: Database): Promise<Record<string, string | number>> {
  const fingerprints = sql.join(
    Object.entries(SNAPSHOT_TABLES).map(
      ([name, table]) => sql`(select md5(coalesce(string_agg(r::text, '|' order by r::text), '')) from ${table} r) as ${sql.identifier(name)}`,
    ),
    sql`, `,
  );
  const [row] = await queryRows<Record<string, string>>(db, sql`select ${fingerprints}, (select count(*)::int from ${auditLog}) as "auditRows"`);
  if (!row) throw new Error('snapshot query returned nothing');
  return row;
}

type Build = (w: World, b: ActivitiesBorder) => InjectOptions;
const MONTH = 'month=2026-02';
const get = (url: (w: World, b: ActivitiesBorder) => string): Build => (w, b) => ({ method: 'GET', url: url(w, b) });

/** Reads outside the caller's scope: 404 where the service hides the record, 403 where it refuses the query. */
export const ACTIVITIES_BORDER_READS: readonly [description: string, caller: SignedInCaller, build: Build, status: number][] = [
  ["admin OPD of A reading the entries of B's employee", 'admin_opd', get((w) => `/api/activities/entries?${MONTH}&employeeId=${w.b.staff.id}`), 404],
  ["admin OPD of A reading an entry of B's employee", 'admin_opd', get((_, b) => `/api/activities/entries/${b.entryB.id}`), 404],
  ["admin OPD of A reading the evidence of B's entry", 'admin_opd', get((_, b) => `/api/activities/evidence/${b.entryB.evidenceId}`), 404],
  ["admin OPD of A reading the productivity of B's employee", 'admin_opd', get((w) => `/api/activities/productivity?employeeId=${w.b.staff.id}&${MONTH}`), 404],
  ["admin OPD of A reading the activity report of B's employee", 'admin_opd', get((w) => `/api/activities/productivity/report.pdf?employeeId=${w.b.staff.id}&${MONTH}`), 404],
  ["admin OPD of A reading the productivity of unit B", 'admin_opd', get((w) => `/api/activities/productivity/unit?unitId=${w.b.unit.id}&${MONTH}`), 403],
  ["admin OPD of A reading the productivity workbook of unit B", 'admin_opd', get((w) => `/api/activities/productivity/unit.xlsx?unitId=${w.b.unit.id}&${MONTH}`), 403],
  ["admin OPD of A reading the SKP of B's employee", 'admin_opd', get((_, b) => `/api/skp/${b.skpB}`), 404],
  ["admin OPD of A reading the citable RHK of B's SKP", 'admin_opd', get((_, b) => `/api/skp/${b.skpB}/citable-rhk`), 404],
  ["admin OPD of A listing the SKPs of unit B", 'admin_opd', get((w) => `/api/skp?scope=unit&unitId=${w.b.unit.id}`), 403],
  ['admin OPD (no employee record) listing "my" SKPs', 'admin_opd', get(() => '/api/skp?scope=mine'), 403],
  ['BKPSDM (no employee record) listing entries without naming an employee', 'admin_bkpsdm', get(() => `/api/activities/entries?${MONTH}`), 403],
  ["BKPSDM reading an entry of B's employee", 'admin_bkpsdm', get((_, b) => `/api/activities/entries/${b.entryB.id}`), 200],
  ["BKPSDM reading the SKP of B's employee", 'admin_bkpsdm', get((_, b) => `/api/skp/${b.skpB}`), 200],
  ['BKPSDM reading the productivity of an unknown unit', 'admin_bkpsdm', get(() => `/api/activities/productivity/unit?unitId=00000000-0000-4000-8000-000000000000&${MONTH}`), 404],
  ['pegawai reading the entries of their superior', 'pegawai', get((w) => `/api/activities/entries?${MONTH}&employeeId=${w.a.bidangHead.id}`), 404],
  ['pegawai reading an entry of their superior', 'pegawai', get((_, b) => `/api/activities/entries/${b.atasanEntry}`), 404],
  ['pegawai reading the productivity of their superior', 'pegawai', get((w) => `/api/activities/productivity?employeeId=${w.a.bidangHead.id}&${MONTH}`), 404],
  ['pegawai reading the SKP of their superior', 'pegawai', get((_, b) => `/api/skp/${b.atasanSkp}`), 404],
  ['pegawai listing the SKPs of their unit', 'pegawai', get((w) => `/api/skp?scope=unit&unitId=${w.a.unit.id}`), 403],
  ["atasan reading the entries of B's employee", 'atasan', get((w) => `/api/activities/entries?${MONTH}&employeeId=${w.b.staff.id}`), 404],
  ["atasan reading an entry of B's employee", 'atasan', get((_, b) => `/api/activities/entries/${b.entryB.id}`), 404],
  ['atasan reading the entries of their own superior', 'atasan', get((w) => `/api/activities/entries?${MONTH}&employeeId=${w.a.head.id}`), 404],
  ['atasan reading the productivity of their own superior', 'atasan', get((w) => `/api/activities/productivity?employeeId=${w.a.head.id}&${MONTH}`), 404],
  ["atasan reading the SKP of B's employee", 'atasan', get((_, b) => `/api/skp/${b.skpB}`), 404],
  ['atasan reading the entries of their subordinate', 'atasan', get((w) => `/api/activities/entries?${MONTH}&employeeId=${w.a.staff.id}`), 200],
];

const FORBIDDEN = [403] as const;
const HIDDEN = [404] as const;
const post = (url: (w: World, b: ActivitiesBorder) => string, payload: (w: World, b: ActivitiesBorder) => object = () => ({})): Build => (w, b) => ({ method: 'POST', url: url(w, b), payload: payload(w, b) });
const extensionBody = (unitId: string | null) => ({ unitId, workDateFrom: '2026-02-23', workDateTo: '2026-02-24', extendedUntil: '2026-03-25T23:59:59+07:00', reason: 'Perpanjangan dari luar kewenangan' });

export const ACTIVITIES_BORDER_ATTEMPTS: readonly [description: string, caller: SignedInCaller, build: Build, statuses: readonly number[]][] = [
  ["admin OPD of A changing an activity of B's position", 'admin_opd', (_, b) => ({ method: 'PATCH', url: `/api/activities/catalogue/${b.itemB}`, payload: { standardMinutes: 5 } }), FORBIDDEN],
  ["admin OPD of A deactivating an activity of B's position", 'admin_opd', post((_, b) => `/api/activities/catalogue/${b.itemB}/deactivate`), FORBIDDEN],
  ["admin OPD of A activating an activity of B's position", 'admin_opd', post((_, b) => `/api/activities/catalogue/${b.itemBInactive}/activate`), FORBIDDEN],
  [
    "admin OPD of A adding an activity to B's position",
    'admin_opd',
    post(
      () => '/api/activities/catalogue',
      (w) => ({ code: 'MTX-AKT-SELUNDUP', name: 'Kegiatan selundupan', outputUnit: 'dokumen', standardMinutes: 30, positionId: w.b.staffPosition.id }),
    ),
    FORBIDDEN,
  ],
  [
    'admin OPD of A adding a general activity (BKPSDM only)',
    'admin_opd',
    post(() => '/api/activities/catalogue', () => ({ code: 'MTX-AKT-UMUM-SELUNDUP', name: 'Kegiatan umum selundupan', outputUnit: 'dokumen', standardMinutes: 30, positionId: null })),
    FORBIDDEN,
  ],
  ['admin OPD of A changing a general activity', 'admin_opd', (_, b) => ({ method: 'PATCH', url: `/api/activities/catalogue/${b.generalItem}`, payload: { standardMinutes: 5 } }), FORBIDDEN],
  ['admin OPD of A extending the entry deadline of unit B', 'admin_opd', post(() => '/api/activities/deadline-extensions', (w) => extensionBody(w.b.unit.id)), FORBIDDEN],
  ['admin OPD of A extending the entry deadline of the whole region', 'admin_opd', post(() => '/api/activities/deadline-extensions', () => extensionBody(null)), FORBIDDEN],
  [
    "admin OPD of A deleting B's deadline extension",
    'admin_opd',
    (_, b) => ({ method: 'DELETE', url: `/api/activities/deadline-extensions/${b.extensionB}`, payload: { reason: 'Dihapus dari luar kewenangan' } }),
    FORBIDDEN,
  ],
  ["admin OPD of A deciding an entry of B's employee", 'admin_opd', post((_, b) => `/api/activities/entries/${b.entryB.id}/decision`, () => ({ decision: 'approve' })), FORBIDDEN],
  ["admin OPD of A judging the evidence of B's entry", 'admin_opd', post((_, b) => `/api/activities/entries/${b.entryB.id}/evidence-verdict`, () => ({ verdict: 'not_matching' })), FORBIDDEN],
  [
    "admin OPD of A approving B's entry in bulk",
    'admin_opd',
    post(() => '/api/activities/approvals/bulk', (_, b) => ({ decision: 'approve', selection: { kind: 'entries', entryIds: [b.entryB.id] } })),
    FORBIDDEN,
  ],
  ["admin OPD of A changing the SKP of B's employee", 'admin_opd', (_, b) => ({ method: 'PATCH', url: `/api/skp/${b.skpB}`, payload: { konsekuensi: 'Diubah dari OPD lain' } }), HIDDEN],
  ["admin OPD of A approving the SKP of B's employee", 'admin_opd', post((_, b) => `/api/skp/${b.skpB}/approve`, () => ({ note: null })), HIDDEN],
  ["atasan deciding an entry of B's employee (not their subordinate)", 'atasan', post((_, b) => `/api/activities/entries/${b.entryB.id}/decision`, () => ({ decision: 'approve' })), FORBIDDEN],
  ['atasan deciding their own entry', 'atasan', post((_, b) => `/api/activities/entries/${b.atasanEntry}/decision`, () => ({ decision: 'approve' })), FORBIDDEN],
  [
    'atasan approving their own entry in bulk',
    'atasan',
    post(() => '/api/activities/approvals/bulk', (_, b) => ({ decision: 'approve', selection: { kind: 'entries', entryIds: [b.atasanEntry] } })),
    FORBIDDEN,
  ],
  ["atasan approving the SKP of B's employee", 'atasan', post((_, b) => `/api/skp/${b.skpB}/approve`, () => ({ note: null })), HIDDEN],
  ["pegawai deciding their superior's entry", 'pegawai', post((_, b) => `/api/activities/entries/${b.atasanEntry}/decision`, () => ({ decision: 'approve' })), FORBIDDEN],
  ["pegawai deleting their superior's entry", 'pegawai', (_, b) => ({ method: 'DELETE', url: `/api/activities/entries/${b.atasanEntry}?revision=1` }), HIDDEN],
  ["pegawai submitting their superior's entry", 'pegawai', post((_, b) => `/api/activities/entries/${b.atasanEntry}/submit`, () => ({ revision: 1 })), HIDDEN],
  ["pegawai changing the SKP of their superior", 'pegawai', (_, b) => ({ method: 'PATCH', url: `/api/skp/${b.atasanSkp}`, payload: { konsekuensi: 'Diubah oleh bawahan' } }), HIDDEN],
  ["pegawai handing out their superior's RHK", 'pegawai', post((_, b) => `/api/skp/rhk/${b.atasanRhk}/hand-out`, (w) => ({ employeeIds: [w.a.staff.id] })), HIDDEN],
];
