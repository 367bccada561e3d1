import type { EvaluationBody, EvaluationList, EvaluationView } from '../../../contracts/skp-evaluation';
import { buildPp46Activities, checkEvaluationPeriod, EVALUATION_PERIOD_MESSAGES, hasilKerjaOfUnitHead, resolveEvaluationPeriod, type EvaluationPeriod } from '../../../domain/skp/evaluation';
import { listSkpPeriodsWithin } from '../../../domain/skp/periods';
import { bandPp46Score, scorePp46Behaviour, scorePp46Final, scorePp46Skp } from '../../../domain/skp/pp46-formula';
import { determinePredikat } from '../../../domain/skp/predikat';
import { RATING_LABELS, UNIT_PREDIKAT_LABELS, type EmployeePredikat, type EvaluationPeriodKind, type IndicatorAspect, type Rating, type RhkKind, type SkpApproach, type UnitPredikat } from '../../../domain/skp/vocabulary';
import type { Executor } from '../../db/client';
import type { RequestContext } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { conflict, invalid, notFound } from '../../platform/errors';
import { assertCanReadSkp, assertSkpAssessor } from './skp-access';
import { findEvaluationRow, findEvaluationRows, findUnitPredikatRows, findUnitPredikatsOfUnit, isUnitHeadPosition, updateEvaluation, upsertEvaluation, type EvaluationRow } from './skp-evaluation.repository';
import { measureRhkRows } from './skp-progress';
import { findEmployeeName } from './skp-realisation.repository';
import { todayOfSkp } from './skp-realisation.service';
import { findSkpSettingsForYear } from './skp-settings.service';
import { findIndicatorRows, findRhkRows, findSkpRow, type SkpRow } from './skp.repository';

const ENTITY = 'skp_evaluation';

export async function toEvaluationView(executor: Executor, row: EvaluationRow): Promise<EvaluationView> {
  const finalScore = row.legacyFinalScore === null ? null : Number(row.legacyFinalScore);
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
    pp46:
      finalScore === null
        ? null
        : { skpScore: Number(row.legacySkpScore), behaviourScore: Number(row.legacyBehaviourScore), finalScore, band: bandPp46Score(finalScore) },
    assessor: { employeeId: row.assessorEmployeeId, name: await findEmployeeName(executor, row.assessorEmployeeId) },
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
  const actorEmployeeId = ctx.actor?.employeeId ?? null;
  const rows = await findEvaluationRows(executor, [skp.id]);
  return {
    skpId: skp.id,
    approach: skp.approach as SkpApproach,
    periodKind: settings.periodKind,
    periods: periods.map((period) => ({ ...period, hasStarted: checkEvaluationPeriod(period, skp, today) !== 'not_started' })),
    isUnitHead,
    unitPredikats: unitRows.map((row) => ({ periodKey: row.periodKey, predikat: row.predikat as UnitPredikat })),
    canEvaluate: skp.status === 'approved' && actorEmployeeId !== null && actorEmployeeId === skp.assessorEmployeeId,
    items: await Promise.all(rows.map((row) => toEvaluationView(executor, row))),
  };
}

interface Loaded {
  skp: SkpRow;
  period: EvaluationPeriod;
  existing: EvaluationRow | null;
}

/** The assessor's SKP to evaluate for a period that exists, overlaps its span and has started. */
async function loadForEvaluation(executor: Executor, ctx: RequestContext, skpId: string, periodKey: string): Promise<Loaded> {
  const skp = await findSkpRow(executor, skpId, { lock: true });
  assertCanReadSkp(ctx, skp);
  assertSkpAssessor(ctx, skp, 'menilai SKP ini');
  if (skp.status !== 'approved') throw conflict('Penilaian dilakukan atas SKP yang sudah disetujui');
  const settings = await findSkpSettingsForYear(executor, skp.year);
  const period = resolveEvaluationPeriod(skp.year, settings.periodKind, periodKey);
  const problem = checkEvaluationPeriod(period, skp, await todayOfSkp(executor, ctx, skp));
  if (problem === 'not_started') throw conflict(`${EVALUATION_PERIOD_MESSAGES.not_started} (${periodKey})`);
  if (problem || !period) throw invalid(`${EVALUATION_PERIOD_MESSAGES[problem ?? 'unknown_period']} (${periodKey})`, { field: 'periodKey', rule: problem });
  const existing = await findEvaluationRow(executor, skp.id, period.key, { lock: true });
  if (existing?.isFinal) throw conflict('Penilaian periode ini sudah final dan tidak dapat diubah');
  return { skp, period, existing };
}

/** PP 46/2011, annual only: the SKP score from targets and realisation, perilaku from the aspects, 60/40. */
async function computePp46(executor: Executor, skp: SkpRow, period: EvaluationPeriod, input: NonNullable<EvaluationBody['pp46']>) {
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
  const { behaviour } = input;
  const skpScore = scorePp46Skp({ activities: plan.activities, additionalTaskCount: plan.additionalTaskCount, creativity: input.creativity }).skpScore;
  const behaviourScore = scorePp46Behaviour(
    [behaviour.orientasiPelayanan, behaviour.integritas, behaviour.komitmen, behaviour.disiplin, behaviour.kerjaSama, behaviour.kepemimpinan].filter((value): value is number => value !== null),
  );
  return scorePp46Final(skpScore, behaviourScore);
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
  isFinal: row.isFinal,
});

/** The assessor rates a period or the year (a draft until finalised); the predikat follows the matrix. */
export async function saveEvaluation(executor: Executor, ctx: RequestContext, skpId: string, periodKey: string, body: EvaluationBody): Promise<EvaluationView> {
  const { skp, period, existing } = await loadForEvaluation(executor, ctx, skpId, periodKey);
  if (body.pp46 && skp.approach !== 'pp_46_2011') throw invalid('Nilai PP 46/2011 hanya untuk tahun yang memilih pendekatan PP 46/2011', { field: 'pp46' });
  if (body.pp46 && period.kind !== 'annual') throw invalid('Nilai PP 46/2011 dihitung pada penilaian tahunan', { field: 'pp46' });
  const hasilKerja = await resolveHasilKerja(executor, skp, period.key, body.hasilKerjaRating);
  const perilaku = body.perilakuKerjaRating;
  const pp46 = body.pp46 ? await computePp46(executor, skp, period, body.pp46) : null;
  const twoDecimals = (value: number) => value.toFixed(2);
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
    assessorEmployeeId: ctx.actor?.employeeId ?? skp.assessorEmployeeId,
    assessorUserId: ctx.actor?.userId ?? null,
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
  const { skp, period, existing } = await loadForEvaluation(executor, ctx, skpId, periodKey);
  if (!existing) throw notFound('Penilaian');
  const needsPp46 = skp.approach === 'pp_46_2011' && period.kind === 'annual';
  if (needsPp46 && existing.legacyFinalScore === null) throw conflict('Isi nilai perilaku PP 46/2011 sebelum penilaian tahunan difinalkan');
  if (!needsPp46 && existing.predikat === null) throw conflict('Isi rating hasil kerja dan perilaku kerja sebelum penilaian difinalkan');
  const now = ctx.clock.now();
  const row = await updateEvaluation(executor, existing.id, { isFinal: true, finalisedAt: now, updatedAt: now });
  await recordAudit(executor, ctx, { action: 'finalise', entityType: ENTITY, entityId: row.id, before: auditEvaluation(existing), after: auditEvaluation(row), scopeUnitId: skp.unitId });
  return toEvaluationView(executor, row);
}
