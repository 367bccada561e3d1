import { eq, sql } from 'drizzle-orm';
import { dateOfInstant, wallClockToInstant } from '../../../domain/attendance/calendar-zone';
import { createSuperiorResolver } from '../../../domain/org/hierarchy';
import { formatFullName } from '../../../domain/org/names';
import type { BerakhlakCode } from '../../../domain/skp/berakhlak';
import { hasilKerjaOfUnitHead } from '../../../domain/skp/evaluation';
import { listSkpPeriodsWithin, yearSpan, type SkpPeriod } from '../../../domain/skp/periods';
import { determinePredikat } from '../../../domain/skp/predikat';
import { isJptJenis, type EmployeePredikat, type Rating, type UnitPredikat } from '../../../domain/skp/vocabulary';
import { queryRows, type Database, type Executor } from '../../db/client';
import { CopyWriter } from '../../db/binary-copy';
import { openCopyChannel } from '../../db/copy-channel';
import { appSettings, skpIndicators, skpRhk, skps, skpUnitPredikats } from '../../db/schema';
import { systemContext } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import { loadSuperiorData } from '../org/superiors.service';
import { onBehalfLabelOf } from '../skp/skp-access';
import { assessorColumns, assessorSuperiorColumns, findDesignatedAssessor, type AssessorOfRecord } from '../skp/skp-assessor';
import { findSkpSettingsForYear } from '../skp/skp-settings.service';
import { ADDITIONAL_RHK, activityRhk, feedbackText, functionalDutyRhk, jptPlan, realisationText, structuralPlan, type DemoRhk } from './demo-skp-texts';
import { findCatalogue, skipForeignKeyChecks, type CatalogueChoice } from './seed-demo-history';
import { laterOf } from './demo-dates';
import { isDemoRegencyPresent } from './seed-demo-regency';
import { SeededRandom } from './seeded-random';
import { findRegionZone } from '../../platform/region-zone';

/**
 * The demo regency's SKP for the current year (PermenPANRB 6/2022), so that the SKP pages, the
 * cascade, the distribution advisor and a TPP rule set that pays for the SKP predikat (the
 * Tapanuli Tengah points scheme) show a running year rather than nothing:
 * - every active employee with a definitive position has an approved plan (revision 1) with the
 *   organisation of today snapshotted, the assessor being the superior of record (the Sekda's: the
 *   kepala daerah, recorded by BKPSDM on their behalf, as the services require);
 * - RHK by position: heads of OPD and the Sekda one per perspective, structural heads their unit's
 *   programme, staff the outputs of their position's catalogue work; every RHK utama cites an RHK of
 *   the assessor's plan (the Sekda cites the regent's performance agreement);
 * - each period of the region's kind that has started has a realisation per RHK with indicator values,
 *   and once the period has ended the assessor's feedback;
 * - each ended period has a final evaluation: ratings by a seeded persona (most meet expectations, some
 *   exceed, a few fall short), the predikat by the matrix, a unit head's hasil kerja following the
 *   unit predikat the head's own assessor set for that period.
 * Deterministic for a date, done once (app_settings), skipped when any SKP of the year exists.
 */

/** app_settings key: the demo's SKP year has been generated (its summary as the value). */
const DEMO_SKP_SETTING_KEY = 'demo_skp';
const SKP_LOCK_KEY = 7_231_004;
const CHUNK = 1_000;
const STRUCTURAL_KINDS = new Set(['administrator', 'pengawas']);
const ON_BEHALF_REASON = 'Dicatat BKPSDM atas disposisi Bupati (data demo)';
/** The assessor's note on a BerAKHLAK value when perilaku is above or below expectations. */
const BEHAVIOUR_NOTES: Record<Rating, Partial<Record<BerakhlakCode, string>>> = {
  di_atas: { BERORIENTASI_PELAYANAN: 'Sigap dan ramah melayani pemangku kepentingan' },
  sesuai: {},
  di_bawah: { AKUNTABEL: 'Beberapa laporan terlambat tanpa pemberitahuan' },
};

export interface DemoSkpSummary {
  year: number;
  skps: number;
  rhk: number;
  realisations: number;
  evaluations: number;
  /** Daily activities already recorded this year, now linked to the RHK they serve. */
  linkedEntries: number;
  unitPredikats: number;
  /** Ended periods that were evaluated, e.g. "2026-01 s.d. 2026-10". */
  evaluatedPeriods: string | null;
  predikats: Partial<Record<EmployeePredikat, number>>;
}

interface Person {
  employeeId: string;
  name: string;
  nip: string;
  unitId: string | null;
  unitName: string | null;
  positionId: string;
  positionName: string;
  jenis: string;
  isUnitHead: boolean;
  positionUnitId: string | null;
  startDate: string;
  userId: string | null;
}

/** How a person performs all year: their ratings and realisations follow it. */
type Persona = 'strong' | 'steady' | 'weak';

const chunks = <T>(rows: readonly T[]): T[][] => Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, index) => rows.slice(index * CHUNK, (index + 1) * CHUNK));

async function findPeople(executor: Executor, date: string): Promise<Person[]> {
  const rows = await queryRows<Omit<Person, 'name'> & { gelarDepan: string | null; rawName: string; gelarBelakang: string | null }>(
    executor,
    sql`select distinct on (e.id) e.id as "employeeId", e.gelar_depan as "gelarDepan", e.name as "rawName", e.gelar_belakang as "gelarBelakang", e.nip,
          e.unit_id as "unitId", u.name as "unitName", p.id as "positionId", p.name as "positionName", p.jenis, p.is_unit_head as "isUnitHead",
          p.unit_id as "positionUnitId", a.start_date as "startDate", us.id as "userId"
        from employees e
        join assignments a on a.employee_id = e.id and a.kind = 'definitif' and a.start_date <= ${date} and (a.end_date is null or a.end_date >= ${date})
        join positions p on p.id = a.position_id
        left join units u on u.id = e.unit_id
        left join users us on us.employee_id = e.id
        where e.is_active
        order by e.id, a.start_date desc`,
  );
  return rows
    .map(({ gelarDepan, rawName, gelarBelakang, ...row }) => ({ ...row, name: formatFullName({ gelarDepan, name: rawName, gelarBelakang }) }))
    .sort((a, b) => (a.nip < b.nip ? -1 : 1));
}

function planOf(person: Person, isTop: boolean, regentTitle: string, year: number, catalogue: ReadonlyMap<string | null, readonly CatalogueChoice[]>, random: SeededRandom): DemoRhk[] {
  const unitName = person.unitName ?? person.positionName;
  if (isJptJenis(person.jenis)) return jptPlan(unitName, regentTitle, year, isTop);
  if (STRUCTURAL_KINDS.has(person.jenis)) return structuralPlan(unitName);
  const own = catalogue.get(person.positionId) ?? [];
  const general = (catalogue.get(null) ?? []).filter((work) => !work.title.startsWith('Mengikuti') && !work.title.startsWith('Menyusun SKP'));
  const plan = own.length > 0 ? own.slice(0, 2).map(activityRhk) : [functionalDutyRhk(person.positionName), activityRhk(random.pick(general))];
  if (random.isChance(0.12)) plan.push(ADDITIONAL_RHK);
  return plan;
}

function personaOf(random: SeededRandom): Persona {
  const draw = random.next();
  return draw < 0.18 ? 'strong' : draw < 0.91 ? 'steady' : 'weak';
}

/** How a period went for someone: realised share of the plan, ≈ 0.75–1.15. */
function performanceOf(persona: Persona, random: SeededRandom): number {
  if (persona === 'strong') return 1.05 + random.next() * 0.1;
  if (persona === 'weak') return 0.75 + random.next() * 0.15;
  return 0.9 + random.next() * 0.15;
}

function hasilKerjaOf(persona: Persona, random: SeededRandom): Rating {
  const draw = random.next();
  if (persona === 'strong') return draw < 0.7 ? 'di_atas' : 'sesuai';
  if (persona === 'weak') return draw < 0.6 ? 'di_bawah' : 'sesuai';
  return draw < 0.04 ? 'di_atas' : draw < 0.96 ? 'sesuai' : 'di_bawah';
}

function perilakuOf(persona: Persona, random: SeededRandom): Rating {
  const draw = random.next();
  if (persona === 'strong') return draw < 0.5 ? 'di_atas' : 'sesuai';
  if (persona === 'weak') return draw < 0.15 ? 'di_bawah' : 'sesuai';
  return draw < 0.01 ? 'di_bawah' : 'sesuai';
}

function unitPredikatOf(persona: Persona, random: SeededRandom): UnitPredikat {
  const draw = random.next();
  if (persona === 'strong') return draw < 0.6 ? 'istimewa' : 'baik';
  if (persona === 'weak') return draw < 0.5 ? 'butuh_perbaikan' : 'baik';
  return draw < 0.07 ? 'istimewa' : draw < 0.97 ? 'baik' : 'butuh_perbaikan';
}

const REALISATION_COLUMNS =
  'skp_realisations (id, rhk_id, period_key, period_start, period_end, rencana_aksi, realisasi, evidence_links, feedback, feedback_by_employee_id, feedback_by_user_id, ' +
  'feedback_at, feedback_on_behalf_of, feedback_on_behalf_reason, created_at, updated_at)';

interface RealisationRow {
  id: string;
  rhkId: string;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  rencanaAksi: string;
  realisasi: string | null;
  feedback: string | null;
  feedbackByEmployeeId: string | null;
  feedbackByUserId: string | null;
  feedbackAt: Date | null;
  feedbackOnBehalfOf: string | null;
  feedbackOnBehalfReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

function encodeRealisations(rows: readonly RealisationRow[]): Buffer<ArrayBuffer> {
  const out = new CopyWriter(rows.length * 400);
  out.header();
  for (const row of rows) {
    out.reserve(2);
    out.int16(16);
    out.uuidField(row.id);
    out.uuidField(row.rhkId);
    out.textField(row.periodKey);
    out.dateField(row.periodStart);
    out.dateField(row.periodEnd);
    out.textField(row.rencanaAksi);
    out.textField(row.realisasi);
    out.jsonbField([]);
    out.textField(row.feedback);
    out.uuidField(row.feedbackByEmployeeId);
    out.uuidField(row.feedbackByUserId);
    out.timestampField(row.feedbackAt?.getTime() ?? null);
    out.textField(row.feedbackOnBehalfOf);
    out.textField(row.feedbackOnBehalfReason);
    out.timestampField(row.createdAt.getTime());
    out.timestampField(row.updatedAt.getTime());
  }
  out.trailer();
  return out.done();
}

const EVALUATION_COLUMNS =
  'skp_evaluations (id, skp_id, period_kind, period_key, hasil_kerja_rating, perilaku_kerja_rating, behaviour_notes, leader_expectations, predikat, ' +
  'assessor_employee_id, assessor_user_id, is_final, finalised_at, recorded_on_behalf_of, on_behalf_reason, created_at, updated_at)';

interface EvaluationRow {
  id: string;
  skpId: string;
  periodKind: string;
  periodKey: string;
  hasilKerjaRating: Rating;
  perilakuKerjaRating: Rating;
  behaviourNotes: Partial<Record<BerakhlakCode, string>>;
  leaderExpectations: Record<string, string>;
  predikat: EmployeePredikat;
  assessorEmployeeId: string | null;
  assessorUserId: string | null;
  isFinal: boolean;
  finalisedAt: Date;
  recordedOnBehalfOf: string | null;
  onBehalfReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

function encodeEvaluations(rows: readonly EvaluationRow[]): Buffer<ArrayBuffer> {
  const out = new CopyWriter(rows.length * 300);
  out.header();
  for (const row of rows) {
    out.reserve(2);
    out.int16(17);
    out.uuidField(row.id);
    out.uuidField(row.skpId);
    out.textField(row.periodKind);
    out.textField(row.periodKey);
    out.textField(row.hasilKerjaRating);
    out.textField(row.perilakuKerjaRating);
    out.jsonbField(row.behaviourNotes);
    out.jsonbField(row.leaderExpectations);
    out.textField(row.predikat);
    out.uuidField(row.assessorEmployeeId);
    out.uuidField(row.assessorUserId);
    out.boolField(row.isFinal);
    out.timestampField(row.finalisedAt.getTime());
    out.textField(row.recordedOnBehalfOf);
    out.textField(row.onBehalfReason);
    out.timestampField(row.createdAt.getTime());
    out.timestampField(row.updatedAt.getTime());
  }
  out.trailer();
  return out.done();
}

/** "2026-01 s.d. 2026-10", or the one key. */
const describeRange = (periods: readonly SkpPeriod[]) => {
  const first = periods[0];
  const last = periods.at(-1);
  if (!first || !last) return null;
  return first.key === last.key ? first.key : `${first.key} s.d. ${last.key}`;
};

export const describeDemoSkp = (summary: DemoSkpSummary): string =>
  `${summary.skps.toLocaleString('id-ID')} SKP tahun ${summary.year} disetujui, ${summary.rhk.toLocaleString('id-ID')} RHK, ` +
  `${summary.realisations.toLocaleString('id-ID')} realisasi, ${summary.evaluations.toLocaleString('id-ID')} penilaian final` +
  (summary.evaluatedPeriods ? ` (${summary.evaluatedPeriods})` : '');

/**
 * Generates the demo regency's SKP year (see above). Returns null without touching anything when
 * the demo regency is absent, its SKP year exists already, or someone has made an SKP of the year.
 */
export async function seedDemoSkp(db: Database, clock: Clock): Promise<DemoSkpSummary | null> {
  const now = clock.now();
  const regionZone = await findRegionZone(db);
  const today = dateOfInstant(now, regionZone);
  const year = Number(today.slice(0, 4));
  const at = (date: string, minuteOfDay: number) => {
    const instant = wallClockToInstant(date, minuteOfDay, regionZone);
    return instant.getTime() > now.getTime() ? now : instant;
  };
  return db.transaction(async (tx) => {
    if (!(await isDemoRegencyPresent(tx))) return null;
    await tx.execute(sql`select pg_advisory_xact_lock(${SKP_LOCK_KEY})`);
    const [done] = await tx.select({ key: appSettings.key }).from(appSettings).where(eq(appSettings.key, DEMO_SKP_SETTING_KEY));
    if (done) return null;
    const [existing] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from skps where year = ${year}`);
    if ((existing?.n ?? 0) > 0) return null;

    const random = new SeededRandom(`demo-skp:${today}`);
    const wholeYear = yearSpan(year);
    const settings = await findSkpSettingsForYear(tx, year);
    const people = await findPeople(tx, today);
    const byId = new Map(people.map((person) => [person.employeeId, person]));
    const catalogue = await findCatalogue(tx, today);
    const [admin] = await queryRows<{ id: string }>(tx, sql`select id from users where username = 'admin.bkpsdm'`);
    const superiorOf = createSuperiorResolver(await loadSuperiorData(tx, people.map((person) => person.employeeId), today), today);

    // The assessor of record of each person (the superior rule, else BKPSDM's designation at the top).
    const assessorOf = new Map<string, AssessorOfRecord | null>();
    const positionNames = new Map(people.map((person) => [person.positionId, person.positionName]));
    for (const person of people) {
      const decision = superiorOf(person.employeeId);
      const superior = decision.superiorEmployeeId ? byId.get(decision.superiorEmployeeId) : undefined;
      if (superior) {
        const positionId = decision.superiorPositionId ?? superior.positionId;
        assessorOf.set(person.employeeId, { kind: 'superior', employeeId: superior.employeeId, name: superior.name, nip: superior.nip, positionId, positionName: positionNames.get(positionId) ?? superior.positionName });
      } else {
        assessorOf.set(person.employeeId, await findDesignatedAssessor(tx, person.employeeId, today));
      }
    }
    // Assessors first: a plan cites an RHK of its assessor's plan, which must be in the table before it.
    const depthOf = new Map<string, number>();
    const depth = (employeeId: string, seen = new Set<string>()): number => {
      const known = depthOf.get(employeeId);
      if (known !== undefined) return known;
      const above = assessorOf.get(employeeId)?.employeeId;
      const value = above && !seen.has(above) && byId.has(above) ? depth(above, seen.add(employeeId)) + 1 : 0;
      depthOf.set(employeeId, value);
      return value;
    };
    const ordered = [...people].sort((a, b) => depth(a.employeeId) - depth(b.employeeId) || (a.nip < b.nip ? -1 : 1));
    const regentTitle = [...assessorOf.values()].find((assessor) => assessor?.kind === 'kepala_daerah')?.positionName ?? 'Bupati';

    const skpRows: (typeof skps.$inferInsert)[] = [];
    const rhkRows: (typeof skpRhk.$inferInsert)[] = [];
    const indicatorRows: (typeof skpIndicators.$inferInsert)[] = [];
    const realisationRows: RealisationRow[] = [];
    const valueRows: { realisationId: string; indicatorId: string; value: string; at: Date }[] = [];
    const evaluationRows: EvaluationRow[] = [];
    const unitPredikatRows = new Map<string, typeof skpUnitPredikats.$inferInsert>();
    const rhkIdsOf = new Map<string, string[]>();
    /** Daily activities of the year that serve an RHK: the employee's entries with its catalogue title, from the plan's start. */
    const links: { employeeId: string; title: string; rhkId: string; from: string }[] = [];
    const predikats: Partial<Record<EmployeePredikat, number>> = {};
    const evaluated = new Map<string, SkpPeriod>();

    for (const person of ordered) {
      const assessor = assessorOf.get(person.employeeId) ?? null;
      if (!assessor) continue;
      const above = assessor.employeeId ? (assessorOf.get(assessor.employeeId) ?? null) : null;
      const assessorSuperior = above?.employeeId === person.employeeId ? null : above;
      const byRegent = assessor.kind === 'kepala_daerah';
      const assessorUserId = byRegent ? (admin?.id ?? null) : assessor.employeeId ? (byId.get(assessor.employeeId)?.userId ?? null) : null;
      const onBehalf = byRegent ? { label: onBehalfLabelOf({ assessorName: assessor.name, assessorPositionName: assessor.positionName }), reason: ON_BEHALF_REASON } : null;
      // The year, or from the day the position was taken up in it.
      const span = { startDate: laterOf(person.startDate, wholeYear.startDate), endDate: wholeYear.endDate };
      const submitted = at(span.startDate, 9 * 60 + random.int(0, 300) + 4 * 24 * 60);
      const decided = new Date(Math.min(now.getTime(), submitted.getTime() + random.int(1, 4) * 86_400_000));
      const skpId = random.uuid();
      skpRows.push({
        id: skpId,
        employeeId: person.employeeId,
        year,
        ...span,
        employeeName: person.name,
        employeeNip: person.nip,
        unitId: person.unitId,
        unitName: person.unitName,
        positionId: person.positionId,
        positionName: person.positionName,
        ...assessorColumns(assessor),
        ...assessorSuperiorColumns(assessorSuperior),
        status: 'approved',
        revision: 1,
        approach: settings.approach,
        isJpt: isJptJenis(person.jenis),
        dukunganSumberDaya: 'Anggaran DPA, sarana kerja kantor dan aplikasi pendukung',
        skemaPertanggungjawaban: 'Laporan realisasi per periode kepada pejabat penilai',
        konsekuensi: 'Capaian kinerja menjadi dasar penilaian dan tunjangan kinerja',
        submittedAt: submitted,
        decidedAt: decided,
        decidedByUserId: assessorUserId,
        decidedOnBehalfOf: onBehalf?.label ?? null,
        decidedOnBehalfReason: onBehalf?.reason ?? null,
        createdAt: submitted,
        updatedAt: decided,
      });

      const persona = personaOf(random);
      const plan = planOf(person, assessor.kind === 'kepala_daerah', regentTitle, year, catalogue, random);
      const cited = assessor.employeeId ? (rhkIdsOf.get(assessor.employeeId) ?? []) : [];
      const yearPeriods = listSkpPeriodsWithin(settings.periodKind, span);
      const periods = yearPeriods.filter((period) => period.startDate <= today);
      const ownRhkIds: string[] = [];
      const performance = periods.map(() => performanceOf(persona, random));
      plan.forEach((rhk, index) => {
        const rhkId = random.uuid();
        const supportedRhkId = rhk.kind === 'utama' && rhk.agreementText === null ? (cited[index % Math.max(1, cited.length)] ?? null) : null;
        rhkRows.push({
          id: rhkId,
          skpId,
          kind: rhk.kind,
          text: rhk.text,
          perspective: rhk.perspective,
          supportedRhkId,
          // Nobody above to cite (an assessor outside the tree): the unit's performance agreement.
          supportedAgreementText: rhk.agreementText ?? (rhk.kind === 'utama' && supportedRhkId === null ? `Perjanjian Kinerja ${person.unitName ?? ''} Tahun ${year}`.trim() : null),
          origin: 'own',
          sortOrder: index + 1,
          createdAt: submitted,
          updatedAt: submitted,
        });
        if (rhk.kind === 'utama') ownRhkIds.push(rhkId);
        if (rhk.activityTitle) links.push({ employeeId: person.employeeId, title: rhk.activityTitle, rhkId, from: span.startDate });
        const indicatorIds = rhk.indicators.map((indicator, order) => {
          const id = random.uuid();
          indicatorRows.push({ id, rhkId, aspect: indicator.aspect, text: indicator.text, targetValue: String(indicator.target), targetUnit: indicator.unit, sortOrder: order + 1, createdAt: submitted, updatedAt: submitted });
          return id;
        });
        periods.forEach((period, periodIndex) => {
          const hasEnded = period.endDate < today;
          const went = performance[periodIndex] ?? 1;
          const reported = at(hasEnded ? period.endDate : today, 15 * 60 + random.int(0, 90));
          const realisationId = random.uuid();
          const withFeedback = hasEnded && !random.isChance(0.15);
          realisationRows.push({
            id: realisationId,
            rhkId,
            periodKey: period.key,
            periodStart: period.startDate,
            periodEnd: period.endDate,
            rencanaAksi: rhk.rencanaAksi,
            realisasi: hasEnded ? realisationText(rhk.rencanaAksi, went) : null,
            feedback: withFeedback ? feedbackText(went) : null,
            feedbackByEmployeeId: withFeedback && !byRegent ? assessor.employeeId : null,
            feedbackByUserId: withFeedback ? assessorUserId : null,
            feedbackAt: withFeedback ? at(period.endDate, 24 * 60 + 10 * 60) : null,
            feedbackOnBehalfOf: withFeedback && onBehalf ? onBehalf.label : null,
            feedbackOnBehalfReason: withFeedback && onBehalf ? onBehalf.reason : null,
            createdAt: at(period.startDate, 8 * 60),
            updatedAt: reported,
          });
          if (!hasEnded) return;
          rhk.indicators.forEach((indicator, order) => {
            const indicatorId = indicatorIds[order];
            if (!indicatorId) return;
            valueRows.push({ realisationId, indicatorId, value: String(indicator.valueOf(periodIndex, yearPeriods.length, went)), at: reported });
          });
        });
      });
      rhkIdsOf.set(person.employeeId, ownRhkIds);

      // Ended periods: the unit predikat for a head (set by the head's assessor), then the final rating.
      const headOfUnit = person.isUnitHead && person.positionUnitId !== null && person.positionUnitId === person.unitId ? person.unitId : null;
      for (const period of periods.filter((candidate) => candidate.endDate < today)) {
        evaluated.set(period.key, period);
        const ratedAt = at(period.endDate, 24 * 60 * random.int(2, 6) + 10 * 60);
        let hasilKerja = hasilKerjaOf(persona, random);
        if (headOfUnit) {
          const unitPredikat = unitPredikatOf(persona, random);
          hasilKerja = hasilKerjaOfUnitHead(unitPredikat);
          unitPredikatRows.set(`${headOfUnit}:${period.key}`, {
            unitId: headOfUnit,
            periodKey: period.key,
            predikat: unitPredikat,
            note: null,
            setByEmployeeId: byRegent ? null : assessor.employeeId,
            setByUserId: assessorUserId,
            setOnBehalfOf: onBehalf?.label ?? null,
            onBehalfReason: onBehalf?.reason ?? null,
            createdAt: ratedAt,
            updatedAt: ratedAt,
          });
        }
        const perilaku = perilakuOf(persona, random);
        const predikat = determinePredikat(hasilKerja, perilaku);
        predikats[predikat] = (predikats[predikat] ?? 0) + 1;
        evaluationRows.push({
          id: random.uuid(),
          skpId,
          periodKind: period.kind,
          periodKey: period.key,
          hasilKerjaRating: hasilKerja,
          perilakuKerjaRating: perilaku,
          behaviourNotes: BEHAVIOUR_NOTES[perilaku],
          leaderExpectations: {},
          predikat,
          assessorEmployeeId: byRegent ? null : assessor.employeeId,
          assessorUserId,
          isFinal: true,
          finalisedAt: ratedAt,
          recordedOnBehalfOf: onBehalf?.label ?? null,
          onBehalfReason: onBehalf?.reason ?? null,
          createdAt: ratedAt,
          updatedAt: ratedAt,
        });
      }
    }

    // Every reference below is to a row read or written in this transaction (seed-demo-history.ts).
    const skipsKeyChecks = await skipForeignKeyChecks(tx);
    for (const rows of chunks(skpRows)) await tx.insert(skps).values(rows);
    for (const rows of chunks(rhkRows)) await tx.insert(skpRhk).values(rows);
    for (const rows of chunks(indicatorRows)) await tx.insert(skpIndicators).values(rows);
    for (const rows of chunks([...unitPredikatRows.values()])) await tx.insert(skpUnitPredikats).values(rows);
    // The tens of thousands of periodic rows by binary COPY (numbers by one unnest): row-by-row inserts took the embedded database most of a minute.
    const channel = openCopyChannel(tx);
    if (!channel) throw new Error('no COPY channel on the transaction');
    await channel.copyIn(REALISATION_COLUMNS, encodeRealisations(realisationRows));
    for (const rows of chunks(valueRows)) {
      const list = (values: readonly string[]) => `{${values.join(',')}}`;
      await tx.execute(sql`insert into skp_indicator_realisations (realisation_id, indicator_id, value, created_at, updated_at)
        select * from unnest(${list(rows.map((row) => row.realisationId))}::uuid[], ${list(rows.map((row) => row.indicatorId))}::uuid[],
          ${list(rows.map((row) => row.value))}::numeric[], ${list(rows.map((row) => row.at.toISOString()))}::timestamptz[], ${list(rows.map((row) => row.at.toISOString()))}::timestamptz[])`);
    }
    await channel.copyIn(EVALUATION_COLUMNS, encodeEvaluations(evaluationRows));
    let linkedEntries = 0;
    for (const rows of chunks(links)) {
      // Titles may hold commas: a JSON array of records rather than array literals.
      const linked = await queryRows<{ n: number }>(
        tx,
        sql`with link as (select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as l("employeeId" uuid, title text, "rhkId" uuid, "from" date)),
            updated as (
              update activity_entries a set skp_rhk_id = link."rhkId"
              from link
              where a.employee_id = link."employeeId" and a.title = link.title and a.work_date >= link."from" and a.skp_rhk_id is null
              returning 1)
            select count(*)::int as n from updated`,
      );
      linkedEntries += linked[0]?.n ?? 0;
    }
    if (skipsKeyChecks) await tx.execute(sql`set local session_replication_role = origin`);

    const summary: DemoSkpSummary = {
      year,
      skps: skpRows.length,
      rhk: rhkRows.length,
      realisations: realisationRows.length,
      evaluations: evaluationRows.length,
      linkedEntries,
      unitPredikats: unitPredikatRows.size,
      evaluatedPeriods: describeRange([...evaluated.values()].sort((a, b) => (a.key < b.key ? -1 : 1))),
      predikats,
    };
    await tx.insert(appSettings).values({ key: DEMO_SKP_SETTING_KEY, value: JSON.stringify(summary), updatedAt: now });
    await recordAudit(tx, systemContext('seed-demo', clock, await findRegionZone(tx)), { action: 'seed-demo-skp', entityType: 'demo', after: { ...summary, at: now.toISOString() } });
    return summary;
  });
}
