/**
 * What the SKP rows need on top of the org world: a cascade in OPD A (the kepala dinas → the
 * atasan → the pegawai), each level citing an approved RHK of the level above, and "lines" — the
 * revisions of one employee's SKP for one year — that a preparer drives into the state a request
 * needs (open, submitted, approved) through the SKP services as a trusted system caller, so that
 * an allowed approve, submit or revision never spoils the next cell. For realisation and evaluation:
 * the atasan's approved SKP 2026 with a realisation carrying evidence and a rated month, the
 * pegawai's approved SKP 2025 (assessor: the atasan; every month has started), and a seksi of A
 * headed by a subordinate of the atasan, who therefore sets its unit predikat. Built once per world.
 */
import type { RhkInput } from '../../../src/contracts/skp';
import { evaluationBody } from '../../../src/contracts/skp-evaluation';
import { yearSpan } from '../../../src/domain/skp/periods';
import type { Database } from '../../../src/server/db/client';
import { saveEvaluation } from '../../../src/server/modules/skp/skp-evaluation.service';
import { createSkpRecord, reviseSkp } from '../../../src/server/modules/skp/skp-plan.service';
import { addRhk } from '../../../src/server/modules/skp/skp-rhk.service';
import { approveSkp, submitSkp } from '../../../src/server/modules/skp/skp-workflow.service';
import { findSkpRevisions, updateSkp, type SkpRow } from '../../../src/server/modules/skp/skp.repository';
import { systemContext } from '../../../src/server/platform/actor';
import type { Clock } from '../../../src/server/platform/clock';
import { multipart } from '../../fixtures/import/sheets';
import { createEmployeeFixture, createPositionFixture, createUnitFixture } from '../../helpers/factories';
import { PNG } from './attendance-world';
import type { World } from './world';

export type SkpState = 'open' | 'submitted' | 'approved';

/** The revisions of one employee's SKP for one year; `reach` returns the id of the latest revision in `state`. */
export interface SkpLine {
  employeeId: string;
  year: number;
  latest(): Promise<SkpRow>;
  reach(state: SkpState): Promise<string>;
  /** A fresh additional RHK (with an indicator) in the line's open revision. */
  createRhk(): Promise<string>;
}

export interface SkpWorld {
  /** The pegawai's SKP 2026: assessor the atasan, its RHK citing the atasan's approved RHK. */
  pegawaiLine: SkpLine;
  /** The atasan's SKP 2027: assessor the kepala dinas; the pegawai may not see it. */
  atasanLine: SkpLine;
  /** The atasan's approved SKP 2026 (in force) and its RHK the pegawai's plan cites. */
  atasanSkp2026: string;
  atasanRhk2026: string;
  /** A year nobody has an SKP for yet (one SKP per employee and year). */
  nextFreeYear(): number;
  /** A new direct subordinate of the atasan (A's staff position), without any SKP. */
  createSubordinate(): Promise<string>;
  /** Recorded by the atasan on their RHK 2026 for the month RATED_MONTH, with an evidence file they uploaded. */
  atasanRealisation: { id: string; attachmentId: string };
  /** The pegawai's SKP 2025, approved (in force); its assessor is the atasan. */
  pegawaiSkp2025: string;
  pegawaiRhk2025: string;
  /** A seksi of A whose head is a subordinate of the atasan: the atasan sets its unit predikat. */
  seksiA: string;
  /** A month of the pegawai's SKP 2025 with a draft rating, never used before: what a finalise request needs. */
  nextRatedMonth2025(): Promise<string>;
}

/** The month of the atasan's SKP 2026 that has a realisation with evidence and a (draft) rating. */
export const RATED_MONTH = '2026-01';

export const indicatorBody = (text = 'Jumlah dokumen yang diselesaikan') => ({ aspect: 'kuantitas', text, targetValue: 12, targetValueUpper: null, targetUnit: 'dokumen' }) as const;

const rhkInput = (overrides: Partial<RhkInput>): RhkInput => ({
  kind: 'utama',
  text: 'Tersusunnya dokumen perencanaan bidang',
  perspective: null,
  supportedRhkId: null,
  supportedAgreementText: null,
  indicators: [indicatorBody()],
  ...overrides,
});

const settings = new WeakMap<World, Promise<SkpWorld>>();

/** The SKP setting of `w`, built on first call. */
export function skpOf(w: World): Promise<SkpWorld> {
  let setting = settings.get(w);
  if (!setting) {
    setting = buildSkpWorld(w);
    settings.set(w, setting);
  }
  return setting;
}

function openLine(db: Database, clock: Clock, employeeId: string, year: number): SkpLine {
  const system = () => systemContext('authorization-matrix', clock, 'Asia/Jakarta');
  const latest = async () => {
    const [row] = await findSkpRevisions(db, employeeId, year);
    if (!row) throw new Error(`no SKP ${year} of ${employeeId}`);
    return row;
  };
  /** One step towards `state`: draft/returned → submitted → approved → a new draft revision. */
  const step = async (row: SkpRow) => {
    if (row.status === 'draft' || row.status === 'returned') await db.transaction((tx) => submitSkp(tx, system(), row.id));
    else if (row.status === 'submitted') await db.transaction((tx) => approveSkp(tx, system(), row.id, null));
    else await db.transaction((tx) => reviseSkp(tx, system(), row.id, { reason: 'Penyesuaian target untuk uji kewenangan', startDate: null, endDate: null }));
  };
  const isIn = (row: SkpRow, state: SkpState) => (state === 'open' ? row.status === 'draft' || row.status === 'returned' : row.status === state);
  const reach = async (state: SkpState) => {
    for (let steps = 0; steps < 4; steps++) {
      const row = await latest();
      if (isIn(row, state)) return row.id;
      await step(row);
    }
    throw new Error(`SKP ${year} of ${employeeId} did not reach ${state}`);
  };
  return {
    employeeId,
    year,
    latest,
    reach,
    async createRhk() {
      const skpId = await reach('open');
      const input = rhkInput({ kind: 'tambahan', text: 'Terlaksananya tugas tambahan dari pimpinan' });
      return (await db.transaction((tx) => addRhk(tx, system(), skpId, input))).id;
    },
  };
}

async function buildSkpWorld(w: World): Promise<SkpWorld> {
  const { db } = w.t.handle;
  const clock = w.t.clock;
  const system = () => systemContext('authorization-matrix', clock, 'Asia/Jakarta');
  const createSkp = (employeeId: string, year: number) => db.transaction((tx) => createSkpRecord(tx, system(), employeeId, year, yearSpan(year)));
  const addRhkTo = async (skpId: string, input: RhkInput) => (await db.transaction((tx) => addRhk(tx, system(), skpId, input))).id;

  /**
   * The kepala dinas has no superior in the matrix world, so nobody can approve their SKP through
   * the workflow: it is marked approved directly, as the root of the cascade.
   */
  const approvedHeadRhk = async (year: number) => {
    const skp = await createSkp(w.a.head.id, year);
    const rhkId = await addRhkTo(skp.id, rhkInput({ text: 'Meningkatnya kualitas layanan dinas', perspective: 'penerima_layanan', supportedAgreementText: `Perjanjian kinerja dinas ${year}, sasaran 1` }));
    const now = clock.now();
    await updateSkp(db, skp.id, { status: 'approved', submittedAt: now, decidedAt: now, updatedAt: now });
    return rhkId;
  };
  const citing = (supportedRhkId: string) => rhkInput({ supportedRhkId });

  // 2026: kepala dinas → atasan (approved, in force) → pegawai (the line the atasan decides on).
  const headRhk2026 = await approvedHeadRhk(2026);
  const atasanSkp2026 = await createSkp(w.a.bidangHead.id, 2026);
  const atasanRhk2026 = await addRhkTo(atasanSkp2026.id, citing(headRhk2026));
  const atasan2026 = openLine(db, clock, w.a.bidangHead.id, 2026);
  await atasan2026.reach('approved');
  const pegawaiSkp = await createSkp(w.a.staff.id, 2026);
  await addRhkTo(pegawaiSkp.id, citing(atasanRhk2026));

  // 2027: kepala dinas → atasan (the line the atasan owns and plans).
  const headRhk2027 = await approvedHeadRhk(2027);
  const atasanSkp2027 = await createSkp(w.a.bidangHead.id, 2027);
  await addRhkTo(atasanSkp2027.id, citing(headRhk2027));

  // 2025: the pegawai's plan, approved directly (the cascade of 2025 is not what these rows test).
  const pegawaiSkp2025 = await createSkp(w.a.staff.id, 2025);
  const pegawaiRhk2025 = await addRhkTo(pegawaiSkp2025.id, rhkInput({}));
  const now = clock.now();
  await updateSkp(db, pegawaiSkp2025.id, { status: 'approved', submittedAt: now, decidedAt: now, updatedAt: now });
  const rateAsSystem = (skpId: string, periodKey: string, hasilKerjaRating: 'sesuai' | null) =>
    db.transaction((tx) => saveEvaluation(tx, system(), skpId, periodKey, evaluationBody.parse({ hasilKerjaRating, perilakuKerjaRating: 'sesuai' })));
  // The atasan heads A's bidang: without a unit predikat their hasil kerja stays open, perilaku is rated.
  await rateAsSystem(atasanSkp2026.id, RATED_MONTH, null);

  const seksiA = await createUnitFixture(db, clock, { kind: 'seksi', parentId: w.a.bidang.id });
  const seksiHeadPosition = await createPositionFixture(db, clock, { unitId: seksiA.id, jenis: 'pengawas', kelasJabatan: 9, isUnitHead: true, superiorPositionId: w.a.bidangHeadPosition.id });
  await createEmployeeFixture(db, clock, { positionId: seksiHeadPosition.id });

  let freeYear = 2040;
  let ratedMonths = 0;
  return {
    pegawaiLine: openLine(db, clock, w.a.staff.id, 2026),
    atasanLine: openLine(db, clock, w.a.bidangHead.id, 2027),
    atasanSkp2026: atasanSkp2026.id,
    atasanRhk2026,
    nextFreeYear: () => freeYear++,
    async createSubordinate() {
      return (await createEmployeeFixture(db, clock, { positionId: w.a.staffPosition.id })).id;
    },
    atasanRealisation: await recordAtasanRealisation(w, atasanRhk2026),
    pegawaiSkp2025: pegawaiSkp2025.id,
    pegawaiRhk2025,
    seksiA: seksiA.id,
    async nextRatedMonth2025() {
      // Months 01–04 are left to the feedback and rating rows.
      const month = 5 + ratedMonths++;
      if (month > 12) throw new Error('no unrated month of 2025 left');
      const periodKey = `2025-${String(month).padStart(2, '0')}`;
      await rateAsSystem(pegawaiSkp2025.id, periodKey, 'sesuai');
      return periodKey;
    },
  };
}

/** The atasan uploads a file and records RATED_MONTH of their RHK with it, through the API (a system caller cannot own an upload). */
async function recordAtasanRealisation(w: World, rhkId: string): Promise<{ id: string; attachmentId: string }> {
  const upload = multipart(PNG, 'bukti-realisasi.png');
  const uploaded = await w.send('atasan', { method: 'POST', url: '/api/attendance/attachments', payload: upload.payload, headers: upload.headers });
  if (uploaded.statusCode !== 201) throw new Error(`upload of the realisation evidence failed: ${uploaded.statusCode} ${uploaded.body}`);
  const attachmentId = uploaded.json<{ id: string }>().id;
  const saved = await w.send('atasan', {
    method: 'PUT',
    url: `/api/skp/rhk/${rhkId}/realisations/${RATED_MONTH}`,
    payload: { rencanaAksi: 'Menyusun konsep dokumen', realisasi: 'Konsep dokumen selesai', attachmentIds: [attachmentId] },
  });
  if (saved.statusCode !== 200) throw new Error(`recording the atasan's realisation failed: ${saved.statusCode} ${saved.body}`);
  const board = saved.json<{ rhk: { rhkId: string; periods: { periodKey: string; realisationId: string | null }[] }[] }>();
  const id = board.rhk.find((rhk) => rhk.rhkId === rhkId)?.periods.find((period) => period.periodKey === RATED_MONTH)?.realisationId;
  if (!id) throw new Error('the atasan\'s realisation is not on the board');
  return { id, attachmentId };
}
