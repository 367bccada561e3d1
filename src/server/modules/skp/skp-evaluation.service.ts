import type { EvaluationBody, EvaluationList, EvaluationView } from '../../../contracts/skp-evaluation';
import { buildPp46Activities, checkEvaluationPeriod, EVALUATION_PERIOD_MESSAGES, hasilKerjaOfUnitHead, resolveEvaluationPeriod, type EvaluationPeriod } from '../../../domain/skp/evaluation';
import { listSkpPeriodsWithin } from '../../../domain/skp/periods';
import {
  bandPp46Score,
  checkKepemimpinan,
  scorePp46BehaviourAspects,
  scorePp46Final,
  scorePp46Skp,
  type Pp46BehaviourScores,
} from '../../../domain/skp/pp46-formula';
import { determinePredikat } from '../../../domain/skp/predikat';
import {
  RATING_LABELS,
  UNIT_PREDIKAT_LABELS,
  type AssessorKind,
  type EmployeePredikat,
  type EvaluationPeriodKind,
  type IndicatorAspect,
  type Pp46CreativityLevel,
  type Rating,
  type RhkKind,
  type SkpApproach,
  type UnitPredikat,
} from '../../../domain/skp/vocabulary';
import type { Executor } from '../../db/client';
import type { Pp46SkpBreakdown } from '../../db/schema';
import type { RequestContext } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { conflict, invalid, notFound } from '../../platform/errors';
import { assertCanReadSkp, authoriseAssessorDecision, canDecideAsAssessor, type OnBehalf } from './skp-access';
import { findUserDisplayName } from './skp-assessor-designations.repository';
import {
  findEvaluationRow,
  findEvaluationRows,
  findUnitPredikatRows,
  findUnitPredikatsOfUnit,
  isStructuralSkpPosition,
  isUnitHeadPosition,
  updateEvaluation,
  upsertEvaluation,
  type EvaluationRow,
} from './skp-evaluation.repository';
import { measureRhkRows } from './skp-progress';
import { findEmployeeName } from './skp-realisation.repository';
import { todayOfSkp } from './skp-realisation.service';
import { findSkpSettingsForYear } from './skp-settings.service';
import { isSkpInForce } from './skp-views';
import { findIndicatorRows, findRhkRows, findSkpRow, type SkpRow } from './skp.repository';

const ENTITY = 'skp_evaluation';

/** The PP 46/2011 aspects as stored; null for a rating stored before they were kept (only the mean exists). */
export function storedBehaviourAspects(row: EvaluationRow): Pp46BehaviourScores | null {
  const { legacyOrientasiPelayanan, legacyIntegritas, legacyKomitmen, legacyDisiplin, legacyKerjaSama, legacyKepemimpinan } = row;
  if (legacyOrientasiPelayanan === null || legacyIntegritas === null || legacyKomitmen === null || legacyDisiplin === null || legacyKerjaSama === null) return null;
  return {
    orientasiPelayanan: Number(legacyOrientasiPelayanan),
    integritas: Number(legacyIntegritas),
    komitmen: Number(legacyKomitmen),
    disiplin: Number(legacyDisiplin),
    kerjaSama: Number(legacyKerjaSama),
    kepemimpinan: legacyKepemimpinan === null ? null : Number(legacyKepemimpinan),
  };
}

function toPp46View(row: EvaluationRow): EvaluationView['pp46'] {
  if (row.legacyFinalScore === null) return null;
  const finalScore = Number(row.legacyFinalScore);
  const aspects = storedBehaviourAspects(row);
  const scored = aspects ? scorePp46BehaviourAspects(aspects) : null;
  return {
    skpScore: Number(row.legacySkpScore),
    behaviourScore: Number(row.legacyBehaviourScore),
    finalScore,
    band: bandPp46Score(finalScore),
    behaviour: aspects && scored ? { ...aspects, jumlah: scored.jumlah, aspectCount: scored.aspectCount } : null,
    creativity: row.legacyCreativity as Pp46CreativityLevel | null,
  };
}

export async function toEvaluationView(executor: Executor, row: EvaluationRow): Promise<EvaluationView> {
  return {
    id: row.id,
    skpId: row.skpId,
    periodKind: row.periodKind as EvaluationPeriodKind,
    periodKey: row.periodKey,
    hasilKerjaRating: row.hasilKerjaRating as Rating | null,
    perilakuKerjaRating: row.perilakuKerjaRating as Rating | null,
    behaviourNotes: row.behaviourNotes,
    leaderExpectations: row.leaderExpectations,
    predikat: row.predikat as EmployeePredikat | null,
    pp46: toPp46View(row),
    assessor: { employeeId: row.assessorEmployeeId, name: row.recordedOnBehalfOf ?? (await findEmployeeName(executor, row.assessorEmployeeId)) },
    onBehalf:
      row.recordedOnBehalfOf && row.onBehalfReason
        ? { officialName: row.recordedOnBehalfOf, reason: row.onBehalfReason, recordedByName: await findUserDisplayName(executor, row.assessorUserId) }
        : null,
    isCarriedOver: row.carriedFromId !== null,
    isFinal: row.isFinal,
    finalisedAt: row.finalisedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The periods an SKP can be evaluated for: those of the region's kind inside its span, then the year. */
function listEvaluationPeriods(skp: SkpRow, periodKind: 'month' | 'quarter'): EvaluationPeriod[] {
  const periods: EvaluationPeriod[] = listSkpPeriodsWithin(periodKind, skp).map((period) => ({ kind: period.kind, key: period.key, startDate: period.startDate, endDate: period.endDate }));
  const annual = resolveEvaluationPeriod(skp.year, periodKind, String(skp.year));
  return annual ? [...periods, annual] : periods;
}

export async function listEvaluations(executor: Executor, ctx: RequestContext, skpId: string): Promise<EvaluationList> {
  const skp = await findSkpRow(executor, skpId);
  assertCanReadSkp(ctx, skp);
  const settings = await findSkpSettingsForYear(executor, skp.year);
  const today = await todayOfSkp(executor, ctx, skp);
  const isUnitHead = await isUnitHeadPosition(executor, skp.positionId, skp.unitId);
  const periods = listEvaluationPeriods(skp, settings.periodKind);
  const keys = new Set(periods.map((period) => period.key));
  const unitRows = isUnitHead && skp.unitId ? (await findUnitPredikatsOfUnit(executor, skp.unitId)).filter((row) => keys.has(row.periodKey)) : [];
  const rows = await findEvaluationRows(executor, [skp.id]);
  return {
    skpId: skp.id,
    approach: skp.approach as SkpApproach,
    periodKind: settings.periodKind,
    periods: periods.map((period) => ({ ...period, hasStarted: checkEvaluationPeriod(period, skp, today) !== 'not_started' })),
    isUnitHead,
    unitPredikats: unitRows.map((row) => ({ periodKey: row.periodKey, predikat: row.predikat as UnitPredikat })),
    assessorKind: skp.assessorKind as AssessorKind | null,
    assessorName: skp.assessorName,
    isKepemimpinanScored: await isStructuralSkpPosition(executor, skp.positionId),
    canEvaluate: isSkpInForce(skp) && canDecideAsAssessor(ctx, skp),
    items: await Promise.all(rows.map((row) => toEvaluationView(executor, row))),
  };
}

interface Loaded {
  skp: SkpRow;
  period: EvaluationPeriod;
  existing: EvaluationRow | null;
  /** Set when BKPSDM records the rating for a kepala daerah. */
  onBehalf: OnBehalf | null;
}

/**
 * The SKP in force to evaluate for a period that exists, overlaps its span and has started, by its
 * assessor (or BKPSDM for a kepala daerah, with the basis `reasonOf` gives: the body's for a rating,
 * the stored one when finalising). A superseded revision is no longer rated: its final ratings were
 * carried into the revision in force.
 */
async function loadForEvaluation(executor: Executor, ctx: RequestContext, skpId: string, periodKey: string, reasonOf: (existing: EvaluationRow | null) => string | null): Promise<Loaded> {
  const skp = await findSkpRow(executor, skpId, { lock: true });
  assertCanReadSkp(ctx, skp);
  const stored = await findEvaluationRow(executor, skp.id, periodKey, { lock: true });
  const onBehalf = authoriseAssessorDecision(ctx, skp, 'menilai SKP ini', reasonOf(stored));
  if (skp.status !== 'approved') throw conflict('Penilaian dilakukan atas SKP yang sudah disetujui');
  if (skp.supersededAt) throw conflict('Revisi SKP ini sudah digantikan; penilaian dilakukan pada revisi yang berlaku');
  const settings = await findSkpSettingsForYear(executor, skp.year);
  const period = resolveEvaluationPeriod(skp.year, settings.periodKind, periodKey);
  const problem = checkEvaluationPeriod(period, skp, await todayOfSkp(executor, ctx, skp));
  if (problem === 'not_started') throw conflict(`${EVALUATION_PERIOD_MESSAGES.not_started} (${periodKey})`);
  if (problem || !period) throw invalid(`${EVALUATION_PERIOD_MESSAGES[problem ?? 'unknown_period']} (${periodKey})`, { field: 'periodKey', rule: problem });
  if (stored?.isFinal) throw conflict('Penilaian periode ini sudah final dan tidak dapat diubah');
  return { skp, period, existing: stored, onBehalf };
}

const KEPEMIMPINAN_MESSAGES = {
  required: 'Aspek kepemimpinan wajib dinilai untuk jabatan struktural (PP 46/2011)',
  not_applicable: 'Aspek kepemimpinan hanya dinilai untuk jabatan struktural (PP 46/2011)',
} as const;

/** PP 46/2011, annual only: the SKP score from targets and realisation, perilaku as the mean of its aspects, 60/40. */
async function computePp46(executor: Executor, skp: SkpRow, period: EvaluationPeriod, input: NonNullable<EvaluationBody['pp46']>) {
  const kepemimpinanProblem = checkKepemimpinan(await isStructuralSkpPosition(executor, skp.positionId), input.behaviour.kepemimpinan);
  if (kepemimpinanProblem) throw invalid(KEPEMIMPINAN_MESSAGES[kepemimpinanProblem], { field: 'pp46.behaviour.kepemimpinan' });
  const rhkRows = await findRhkRows(executor, [skp.id]);
  const indicators = await findIndicatorRows(executor, rhkRows.map((row) => row.id));
  const progress = await measureRhkRows(executor, rhkRows.map((row) => row.id), { throughDate: period.endDate, indicators });
  const plan = buildPp46Activities(
    rhkRows.map((rhk) => ({
      text: rhk.text,
      kind: rhk.kind as RhkKind,
      indicators: indicators
        .filter((indicator) => indicator.rhkId === rhk.id)
        .map((indicator) => ({
          aspect: indicator.aspect as IndicatorAspect,
          target: Number(indicator.targetValue),
          realised: progress.get(rhk.id)?.indicators.find((item) => item.indicatorId === indicator.id)?.realised ?? null,
        })),
    })),
  );
  if (!plan.ok) throw invalid(plan.message, { field: 'pp46' });
  const scored = scorePp46Skp({ activities: plan.activities, additionalTaskCount: plan.additionalTaskCount, creativity: input.creativity });
  // buildPp46Activities makes one kegiatan per RHK utama, in plan order: the scores pair with those RHK.
  const utama = rhkRows.filter((rhk) => rhk.kind === 'utama');
  const breakdown: Pp46SkpBreakdown = {
    activities: scored.activities.map((activity, index) => ({
      rhkId: utama[index]?.id ?? '',
      text: utama[index]?.text ?? '',
      kuantitas: activity.kuantitas,
      kualitas: activity.kualitas,
      waktu: activity.waktu,
      biaya: activity.biaya,
      nilaiCapaian: activity.nilaiCapaian,
    })),
    additionalPoints: scored.additionalPoints,
  };
  return { ...scorePp46Final(scored.skpScore, scorePp46BehaviourAspects(input.behaviour).mean), breakdown };
}

/**
 * The hasil kerja of a unit head follows the unit's predikat for the period; an assessor's
 * different rating is refused rather than silently replaced.
 */
async function resolveHasilKerja(executor: Executor, skp: SkpRow, periodKey: string, given: Rating | null): Promise<Rating | null> {
  if (!skp.unitId || !(await isUnitHeadPosition(executor, skp.positionId, skp.unitId))) return given;
  const [unit] = await findUnitPredikatRows(executor, [skp.unitId], periodKey);
  if (!unit) {
    if (given === null) return null;
    throw conflict('Predikat kinerja unit untuk periode ini belum ditetapkan; hasil kerja kepala unit mengikuti predikat unit tersebut');
  }
  const derived = hasilKerjaOfUnitHead(unit.predikat as UnitPredikat);
  if (given !== null && given !== derived) {
    throw invalid(
      `Hasil kerja kepala unit mengikuti predikat unit (${UNIT_PREDIKAT_LABELS[unit.predikat as UnitPredikat]} → ${RATING_LABELS[derived]}); ubah predikat unit bila perlu`,
      { field: 'hasilKerjaRating' },
    );
  }
  return derived;
}

const auditEvaluation = (row: EvaluationRow) => ({
  skpId: row.skpId,
  periodKey: row.periodKey,
  hasilKerjaRating: row.hasilKerjaRating,
  perilakuKerjaRating: row.perilakuKerjaRating,
  predikat: row.predikat,
  behaviourNotes: row.behaviourNotes,
  leaderExpectations: row.leaderExpectations,
  legacySkpScore: row.legacySkpScore,
  legacyBehaviourScore: row.legacyBehaviourScore,
  legacyFinalScore: row.legacyFinalScore,
  legacyBehaviourAspects: storedBehaviourAspects(row),
  legacyCreativity: row.legacyCreativity,
  legacySkpBreakdown: row.legacySkpBreakdown,
  recordedOnBehalfOf: row.recordedOnBehalfOf,
  onBehalfReason: row.onBehalfReason,
  isFinal: row.isFinal,
});

/** The assessor rates a period or the year (a draft until finalised); the predikat follows the matrix. */
export async function saveEvaluation(executor: Executor, ctx: RequestContext, skpId: string, periodKey: string, body: EvaluationBody): Promise<EvaluationView> {
  const { skp, period, existing, onBehalf } = await loadForEvaluation(executor, ctx, skpId, periodKey, () => body.onBehalfReason);
  if (body.pp46 && skp.approach !== 'pp_46_2011') throw invalid('Nilai PP 46/2011 hanya untuk tahun yang memilih pendekatan PP 46/2011', { field: 'pp46' });
  if (body.pp46 && period.kind !== 'annual') throw invalid('Nilai PP 46/2011 dihitung pada penilaian tahunan', { field: 'pp46' });
  const hasilKerja = await resolveHasilKerja(executor, skp, period.key, body.hasilKerjaRating);
  const perilaku = body.perilakuKerjaRating;
  const pp46 = body.pp46 ? await computePp46(executor, skp, period, body.pp46) : null;
  const twoDecimals = (value: number) => value.toFixed(2);
  const aspect = (value: number | null | undefined) => (value === null || value === undefined ? null : twoDecimals(value));
  const behaviour = body.pp46?.behaviour;
  const row = await upsertEvaluation(executor, {
    skpId: skp.id,
    periodKind: period.kind,
    periodKey: period.key,
    hasilKerjaRating: hasilKerja,
    perilakuKerjaRating: perilaku,
    behaviourNotes: Object.fromEntries(Object.entries(body.behaviourNotes).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')),
    leaderExpectations: Object.fromEntries(Object.entries(body.leaderExpectations).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')),
    predikat: hasilKerja && perilaku ? determinePredikat(hasilKerja, perilaku) : null,
    legacySkpScore: pp46 ? twoDecimals(pp46.skpScore) : null,
    legacyBehaviourScore: pp46 ? twoDecimals(pp46.behaviourScore) : null,
    legacyFinalScore: pp46 ? twoDecimals(pp46.finalScore) : null,
    legacyOrientasiPelayanan: aspect(behaviour?.orientasiPelayanan),
    legacyIntegritas: aspect(behaviour?.integritas),
    legacyKomitmen: aspect(behaviour?.komitmen),
    legacyDisiplin: aspect(behaviour?.disiplin),
    legacyKerjaSama: aspect(behaviour?.kerjaSama),
    legacyKepemimpinan: aspect(behaviour?.kepemimpinan),
    legacyCreativity: body.pp46?.creativity ?? null,
    legacySkpBreakdown: pp46?.breakdown ?? null,
    // On behalf of a kepala daerah there is no assessor employee, whatever account BKPSDM uses.
    assessorEmployeeId: onBehalf ? null : (ctx.actor?.employeeId ?? skp.assessorEmployeeId),
    assessorUserId: ctx.actor?.userId ?? null,
    recordedOnBehalfOf: onBehalf?.label ?? null,
    onBehalfReason: onBehalf?.reason ?? null,
    updatedAt: ctx.clock.now(),
  });
  await recordAudit(executor, ctx, {
    action: existing ? 'update' : 'create',
    entityType: ENTITY,
    entityId: row.id,
    before: existing && auditEvaluation(existing),
    after: auditEvaluation(row),
    scopeUnitId: skp.unitId,
  });
  return toEvaluationView(executor, row);
}

/**
 * Finalising fixes the rating. It needs both ratings (and so a predikat), or the PP 46/2011 score
 * in a year that uses it. The distribution advisor is shown beside it; it never blocks.
 */
export async function finaliseEvaluation(executor: Executor, ctx: RequestContext, skpId: string, periodKey: string): Promise<EvaluationView> {
  const { skp, period, existing } = await loadForEvaluation(executor, ctx, skpId, periodKey, (stored) => stored?.onBehalfReason ?? null);
  if (!existing) throw notFound('Penilaian');
  const needsPp46 = skp.approach === 'pp_46_2011' && period.kind === 'annual';
  if (needsPp46 && existing.legacyFinalScore === null) throw conflict('Isi nilai perilaku PP 46/2011 sebelum penilaian tahunan difinalkan');
  if (!needsPp46 && existing.predikat === null) throw conflict('Isi rating hasil kerja dan perilaku kerja sebelum penilaian difinalkan');
  const now = ctx.clock.now();
  const row = await updateEvaluation(executor, existing.id, { isFinal: true, finalisedAt: now, updatedAt: now });
  await recordAudit(executor, ctx, { action: 'finalise', entityType: ENTITY, entityId: row.id, before: auditEvaluation(existing), after: auditEvaluation(row), scopeUnitId: skp.unitId });
  return toEvaluationView(executor, row);
}
