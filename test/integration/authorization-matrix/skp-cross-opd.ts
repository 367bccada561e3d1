/**
 * SKP realisation, evaluation and documents across the border of OPD A: A's admin OPD and A's
 * employees reaching the approved SKP 2025 of B's staff member and B's unit views. Reads outside
 * scope are hidden (404) or refused (403); writes are refused and leave the SKP tables and the
 * audit trail as they were (snapshotActivitiesAndSkp). Run by the attendance border block of the
 * matrix test, like the activity cases.
 */
import type { InjectOptions } from 'fastify';
import { evaluationBody } from '../../../src/contracts/skp-evaluation';
import { yearSpan } from '../../../src/domain/skp/periods';
import { saveEvaluation } from '../../../src/server/modules/skp/skp-evaluation.service';
import { createSkpRecord } from '../../../src/server/modules/skp/skp-plan.service';
import { addRhk } from '../../../src/server/modules/skp/skp-rhk.service';
import { updateSkp } from '../../../src/server/modules/skp/skp.repository';
import { systemContext } from '../../../src/server/platform/actor';
import { indicatorBody, skpOf } from './skp-world';
import type { SignedInCaller, World } from './world';

export interface SkpBorder {
  /** B's staff member's SKP 2025, approved; assessor: B's kepala bidang. */
  skpB: string;
  rhkB: string;
  /** A month of skpB with a complete draft rating (finalisable by B's kepala bidang only). */
  ratedMonthB: string;
  /** A's seksi whose head is the atasan's subordinate (skp-world.ts). */
  seksiA: string;
}

export async function prepareSkpBorder(w: World): Promise<SkpBorder> {
  const { db } = w.t.handle;
  const system = () => systemContext('authorization-matrix', w.t.clock, 'Asia/Jakarta');
  const skp = await db.transaction((tx) => createSkpRecord(tx, system(), w.b.staff.id, 2025, yearSpan(2025)));
  const rhk = await db.transaction((tx) =>
    addRhk(tx, system(), skp.id, { kind: 'utama', text: 'Terselesaikannya layanan administrasi bidang', perspective: null, supportedRhkId: null, supportedAgreementText: null, indicators: [indicatorBody()] }),
  );
  const now = w.t.clock.now();
  await updateSkp(db, skp.id, { status: 'approved', submittedAt: now, decidedAt: now, updatedAt: now });
  const ratedMonthB = '2025-01';
  await db.transaction((tx) => saveEvaluation(tx, system(), skp.id, ratedMonthB, evaluationBody.parse({ hasilKerjaRating: 'sesuai', perilakuKerjaRating: 'sesuai' })));
  return { skpB: skp.id, rhkB: rhk.id, ratedMonthB, seksiA: (await skpOf(w)).seksiA };
}

type Build = (w: World, b: SkpBorder) => InjectOptions;
const get = (url: (w: World, b: SkpBorder) => string): Build => (w, b) => ({ method: 'GET', url: url(w, b) });
const UNKNOWN_UNIT = '00000000-0000-4000-8000-000000000000';

/** Reads outside the caller's scope: 404 where the service hides the SKP or the unit, 403 where it refuses the unit. */
export const SKP_BORDER_READS: readonly [description: string, caller: SignedInCaller, build: Build, status: number][] = [
  ["admin OPD of A reading the realisation of B's SKP", 'admin_opd', get((_, b) => `/api/skp/${b.skpB}/realisations`), 404],
  ["admin OPD of A reading the ratings of B's SKP", 'admin_opd', get((_, b) => `/api/skp/${b.skpB}/evaluations`), 404],
  ["admin OPD of A reading the cascade below B's SKP", 'admin_opd', get((_, b) => `/api/skp/${b.skpB}/cascade`), 404],
  ["admin OPD of A reading the document of B's SKP", 'admin_opd', get((_, b) => `/api/skp/${b.skpB}/document.pdf`), 404],
  ["admin OPD of A reading the evaluation document of B's SKP", 'admin_opd', get((_, b) => `/api/skp/${b.skpB}/evaluations/${b.ratedMonthB}/document.pdf`), 404],
  ["admin OPD of A reading the annual document of B's SKP", 'admin_opd', get((_, b) => `/api/skp/${b.skpB}/annual-document.pdf`), 404],
  ["admin OPD of A reading the cascade of unit B", 'admin_opd', get((w) => `/api/skp/cascade?unitId=${w.b.unit.id}&year=2025`), 403],
  ["admin OPD of A exporting the SKPs of unit B (JSON)", 'admin_opd', get((w) => `/api/skp/export.json?year=2025&unitId=${w.b.unit.id}`), 403],
  ["admin OPD of A exporting the SKPs of unit B (xlsx)", 'admin_opd', get((w) => `/api/skp/export.xlsx?year=2025&unitId=${w.b.unit.id}`), 403],
  ["admin OPD of A reading the predikat distribution of unit B", 'admin_opd', get((w) => `/api/skp/distribution?periodKey=2025-01&unitId=${w.b.unit.id}`), 403],
  ['admin OPD (no employee record) reading the distribution of "the people I rate"', 'admin_opd', get(() => '/api/skp/distribution?periodKey=2025-01'), 403],
  ['pegawai reading the predikat distribution of their unit', 'pegawai', get((w) => `/api/skp/distribution?periodKey=2025-01&unitId=${w.a.unit.id}`), 403],
  ["atasan reading the realisation of B's SKP", 'atasan', get((_, b) => `/api/skp/${b.skpB}/realisations`), 404],
  ["atasan reading the ratings of B's SKP", 'atasan', get((_, b) => `/api/skp/${b.skpB}/evaluations`), 404],
  ["pegawai reading the document of B's SKP", 'pegawai', get((_, b) => `/api/skp/${b.skpB}/document.pdf`), 404],
  ["BKPSDM reading the realisation of B's SKP", 'admin_bkpsdm', get((_, b) => `/api/skp/${b.skpB}/realisations`), 200],
  ["BKPSDM reading the evaluation document of B's SKP", 'admin_bkpsdm', get((_, b) => `/api/skp/${b.skpB}/evaluations/${b.ratedMonthB}/document.pdf`), 200],
  ['BKPSDM reading the distribution of an unknown unit', 'admin_bkpsdm', get(() => `/api/skp/distribution?periodKey=2025-01&unitId=${UNKNOWN_UNIT}`), 404],
  ['BKPSDM reading the cascade of an unknown unit', 'admin_bkpsdm', get(() => `/api/skp/cascade?unitId=${UNKNOWN_UNIT}&year=2025`), 404],
  ['BKPSDM exporting the SKPs of an unknown unit', 'admin_bkpsdm', get(() => `/api/skp/export.json?year=2025&unitId=${UNKNOWN_UNIT}`), 404],
];

const HIDDEN = [404] as const;
const FORBIDDEN = [403] as const;
const put = (url: (w: World, b: SkpBorder) => string, payload: object): Build => (w, b) => ({ method: 'PUT', url: url(w, b), payload });
const rating = { hasilKerjaRating: 'di_atas', perilakuKerjaRating: 'di_atas' };

export const SKP_BORDER_ATTEMPTS: readonly [description: string, caller: SignedInCaller, build: Build, statuses: readonly number[]][] = [
  ["admin OPD of A recording realisation on B's RHK", 'admin_opd', put((_, b) => `/api/skp/rhk/${b.rhkB}/realisations/2025-02`, { realisasi: 'Dicatat dari OPD lain' }), HIDDEN],
  ["atasan recording realisation on B's RHK", 'atasan', put((_, b) => `/api/skp/rhk/${b.rhkB}/realisations/2025-02`, { realisasi: 'Dicatat oleh atasan OPD lain' }), HIDDEN],
  ["atasan giving feedback on B's RHK (not their subordinate)", 'atasan', put((_, b) => `/api/skp/rhk/${b.rhkB}/realisations/2025-02/feedback`, { feedback: 'Umpan balik dari luar' }), HIDDEN],
  ["atasan rating B's SKP", 'atasan', put((_, b) => `/api/skp/${b.skpB}/evaluations/2025-02`, rating), HIDDEN],
  ["admin OPD of A rating B's SKP", 'admin_opd', put((_, b) => `/api/skp/${b.skpB}/evaluations/2025-02`, rating), HIDDEN],
  ["atasan finalising the rating of B's SKP", 'atasan', (_, b) => ({ method: 'POST', url: `/api/skp/${b.skpB}/evaluations/${b.ratedMonthB}/finalise` }), HIDDEN],
  ["admin OPD of A finalising the rating of B's SKP", 'admin_opd', (_, b) => ({ method: 'POST', url: `/api/skp/${b.skpB}/evaluations/${b.ratedMonthB}/finalise` }), HIDDEN],
  ["atasan setting the predikat of B's bidang", 'atasan', put((w) => `/api/skp/unit-predikats/${w.b.bidang.id}/2026-02`, { predikat: 'istimewa' }), FORBIDDEN],
  ['atasan setting the predikat of their own bidang (set by their superior)', 'atasan', put((w) => `/api/skp/unit-predikats/${w.a.bidang.id}/2026-02`, { predikat: 'istimewa' }), FORBIDDEN],
  ["pegawai setting the predikat of A's seksi", 'pegawai', put((_, b) => `/api/skp/unit-predikats/${b.seksiA}/2026-02`, { predikat: 'istimewa' }), FORBIDDEN],
  ['atasan setting the predikat of an unknown unit', 'atasan', put(() => `/api/skp/unit-predikats/${UNKNOWN_UNIT}/2026-02`, { predikat: 'istimewa' }), HIDDEN],
];
