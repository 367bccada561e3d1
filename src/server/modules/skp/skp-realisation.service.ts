import type { FeedbackBody, MyRhkList, RealisationBoard, RealisationBody, RhkPeriodRealisation } from '../../../contracts/skp-realisation';
import { listSkpPeriodsWithin, type SkpPeriod } from '../../../domain/skp/periods';
import type { RhkKind } from '../../../domain/skp/vocabulary';
import type { Executor } from '../../db/client';
import { requireActor, type RequestContext } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { dateInZone } from '../../platform/clock';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors';
import { findAttachmentContent } from '../attendance/requests/requests.repository';
import { assertCanReadSkp, assertSkpOwner, authoriseAssessorDecision, canDecideAsAssessor, isAssessedByKepalaDaerah, onBehalfLabelOf } from './skp-access';
import { findUserDisplayName } from './skp-assessor-designations.repository';
import { findEvaluationRow } from './skp-evaluation.repository';
import { measureRhkRows } from './skp-progress';
import {
  findAttachmentUploaders,
  findEmployeeName,
  findIndicatorRealisationRows,
  findLinkedActivities,
  findRealisationAttachments,
  findRealisationById,
  findRealisationRow,
  findRealisationRows,
  findRhkLineageRows,
  findUnitTimeZone,
  insertRealisation,
  replaceRealisationAttachments,
  setIndicatorRealisation,
  updateRealisation,
  type RealisationRow,
} from './skp-realisation.repository';
import { findSkpSettingsForYear } from './skp-settings.service';
import { buildRhkViews, isSkpInForce } from './skp-views';
import { findIndicatorRows, findRhkRow, findRhkRows, findSkpInForce, findSkpRow, type RhkRow, type SkpRow } from './skp.repository';

const ENTITY = 'skp_realisation';

/** Today in the time zone of the SKP's unit: a period starts at midnight where the employee works. */
export async function todayOfSkp(executor: Executor, ctx: RequestContext, skp: Pick<SkpRow, 'unitId'>): Promise<string> {
  return dateInZone(ctx.clock.now(), await findUnitTimeZone(executor, skp.unitId));
}

/** The realisation periods of an SKP: the region's period kind for the year, inside the SKP's span. */
export async function listPeriodsOfSkp(executor: Executor, skp: SkpRow): Promise<SkpPeriod[]> {
  const settings = await findSkpSettingsForYear(executor, skp.year);
  return listSkpPeriodsWithin(settings.periodKind, skp);
}

/** RHK id → the ids of the same RHK in this and earlier revisions (activities may cite an earlier one). */
async function findLineages(executor: Executor, skp: SkpRow, rhkRows: RhkRow[]): Promise<Map<string, string[]>> {
  const previousOf = new Map((await findRhkLineageRows(executor, skp.employeeId, skp.year)).map((row) => [row.id, row.previousRhkId]));
  return new Map(
    rhkRows.map((rhk) => {
      const ids: string[] = [];
      for (let id: string | null | undefined = rhk.id; id && !ids.includes(id); id = previousOf.get(id)) ids.push(id);
      return [rhk.id, ids];
    }),
  );
}

const viewOfAttachments = (rows: Awaited<ReturnType<typeof findRealisationAttachments>>, realisationId: string) =>
  rows.filter((row) => row.realisationId === realisationId).map(({ id, fileName, contentType, sizeBytes }) => ({ id, fileName, contentType, sizeBytes }));

/** My SKP's RHK and indicators with, per period, what was planned, realised, evidenced and fed back, and the progress so far. */
export async function getRealisationBoard(executor: Executor, ctx: RequestContext, skpId: string): Promise<RealisationBoard> {
  const skp = await findSkpRow(executor, skpId);
  assertCanReadSkp(ctx, skp);
  const settings = await findSkpSettingsForYear(executor, skp.year);
  const periods = listSkpPeriodsWithin(settings.periodKind, skp);
  const today = await todayOfSkp(executor, ctx, skp);
  const rhkRows = await findRhkRows(executor, [skp.id]);
  const rhkViews = await buildRhkViews(executor, rhkRows);
  const realisations = await findRealisationRows(executor, rhkRows.map((row) => row.id));
  const values = await findIndicatorRealisationRows(executor, realisations.map((row) => row.id));
  const files = await findRealisationAttachments(executor, realisations.map((row) => row.id));
  const progress = await measureRhkRows(executor, rhkRows.map((row) => row.id));
  const lineages = await findLineages(executor, skp, rhkRows);
  const activities = await findLinkedActivities(executor, skp.employeeId, [...lineages.values()].flat(), skp.startDate, skp.endDate);
  const feedbackNames = new Map<string, string | null>();
  for (const id of new Set(realisations.map((row) => row.feedbackByEmployeeId).filter((value): value is string => value !== null))) {
    feedbackNames.set(id, await findEmployeeName(executor, id));
  }
  const recorderNames = new Map<string, string | null>();
  for (const id of new Set(realisations.flatMap((row) => (row.feedbackOnBehalfOf && row.feedbackByUserId ? [row.feedbackByUserId] : [])))) {
    recorderNames.set(id, await findUserDisplayName(executor, id));
  }

  const periodRealisation = (rhk: RhkRow, period: SkpPeriod): RhkPeriodRealisation => {
    const row = realisations.find((candidate) => candidate.rhkId === rhk.id && candidate.periodKey === period.key) ?? null;
    const lineage = new Set(lineages.get(rhk.id) ?? [rhk.id]);
    const linked = activities.filter((entry) => entry.rhkId !== null && lineage.has(entry.rhkId) && entry.workDate >= period.startDate && entry.workDate <= period.endDate);
    return {
      periodKey: period.key,
      realisationId: row?.id ?? null,
      rencanaAksi: row?.rencanaAksi ?? null,
      realisasi: row?.realisasi ?? null,
      evidenceLinks: row?.evidenceLinks ?? [],
      attachments: row ? viewOfAttachments(files, row.id) : [],
      indicatorValues: row ? values.filter((value) => value.realisationId === row.id).map((value) => ({ indicatorId: value.indicatorId, value: Number(value.value) })) : [],
      feedback: row?.feedback ?? null,
      // On behalf of a kepala daerah the feedback is theirs; BKPSDM only recorded it.
      feedbackByName: row?.feedbackOnBehalfOf ?? (row?.feedbackByEmployeeId ? (feedbackNames.get(row.feedbackByEmployeeId) ?? null) : null),
      feedbackAt: row?.feedbackAt?.toISOString() ?? null,
      dialogueNotes: row?.dialogueNotes ?? null,
      feedbackOnBehalf:
        row?.feedbackOnBehalfOf && row.feedbackOnBehalfReason
          ? { officialName: row.feedbackOnBehalfOf, reason: row.feedbackOnBehalfReason, recordedByName: row.feedbackByUserId ? (recorderNames.get(row.feedbackByUserId) ?? null) : null }
          : null,
      isCarriedOver: (row?.carriedFromId ?? null) !== null,
      activities: { entryCount: linked.length, approvedMinutes: linked.reduce((sum, entry) => sum + (entry.approvedMinutes ?? 0), 0) },
    };
  };

  const actorEmployeeId = ctx.actor?.employeeId ?? null;
  return {
    skpId: skp.id,
    periodKind: settings.periodKind,
    today,
    periods: periods.map((period) => ({ key: period.key, startDate: period.startDate, endDate: period.endDate, hasStarted: today >= period.startDate })),
    rhk: rhkRows.map((rhk) => {
      const view = rhkViews.find((candidate) => candidate.id === rhk.id);
      const measured = progress.get(rhk.id);
      return {
        rhkId: rhk.id,
        kind: rhk.kind as RhkKind,
        text: rhk.text,
        indicators: view?.indicators ?? [],
        progress: measured?.indicators.map(({ indicatorId, realised, progressBp }) => ({ indicatorId, realised, progressBp })) ?? [],
        progressBp: measured?.progressBp ?? null,
        periods: periods.map((period) => periodRealisation(rhk, period)),
      };
    }),
    canRecord: isSkpInForce(skp) && actorEmployeeId !== null && actorEmployeeId === skp.employeeId,
    canGiveFeedback: isSkpInForce(skp) && canDecideAsAssessor(ctx, skp),
    feedbackOnBehalfOf: isAssessedByKepalaDaerah(skp) ? onBehalfLabelOf(skp) : null,
  };
}

interface LoadedPeriod {
  skp: SkpRow;
  rhk: RhkRow;
  period: SkpPeriod;
  today: string;
  existing: RealisationRow | null;
}

/** The RHK, its SKP (readable, in force) and the period named by the key, checked against the SKP's span. */
async function loadRhkPeriod(executor: Executor, ctx: RequestContext, rhkId: string, periodKey: string): Promise<LoadedPeriod> {
  const rhk = await findRhkRow(executor, rhkId);
  if (!rhk) throw notFound('RHK');
  const skp = await findSkpRow(executor, rhk.skpId, { lock: true });
  assertCanReadSkp(ctx, skp);
  const period = (await listPeriodsOfSkp(executor, skp)).find((candidate) => candidate.key === periodKey);
  if (!period) throw invalid(`Periode ${periodKey} bukan periode realisasi SKP ini (periode mengikuti pengaturan daerah dan rentang SKP)`, { field: 'periodKey' });
  return { skp, rhk, period, today: await todayOfSkp(executor, ctx, skp), existing: await findRealisationRow(executor, rhk.id, periodKey, { lock: true }) };
}

function assertInForce(skp: SkpRow): void {
  if (!isSkpInForce(skp)) {
    throw conflict(skp.supersededAt ? 'Revisi SKP ini sudah digantikan; catat realisasi pada revisi yang berlaku' : 'Realisasi dicatat setelah SKP disetujui pejabat penilai');
  }
}

async function assertPeriodNotFinal(executor: Executor, skp: SkpRow, periodKey: string): Promise<void> {
  const evaluation = await findEvaluationRow(executor, skp.id, periodKey);
  if (evaluation?.isFinal) throw conflict(`Penilaian periode ${periodKey} sudah final; realisasinya tidak dapat diubah lagi`);
}

const auditRealisation = (row: RealisationRow, extra: Record<string, unknown> = {}) => ({
  rhkId: row.rhkId,
  periodKey: row.periodKey,
  rencanaAksi: row.rencanaAksi,
  realisasi: row.realisasi,
  evidenceLinks: row.evidenceLinks,
  feedback: row.feedback,
  dialogueNotes: row.dialogueNotes,
  feedbackOnBehalfOf: row.feedbackOnBehalfOf,
  feedbackOnBehalfReason: row.feedbackOnBehalfReason,
  ...extra,
});

/**
 * The employee records a period of an RHK: rencana aksi (any period, planning ahead), and once the
 * period has started the realisation, indicator values and evidence. Fields left out stay as they were.
 */
export async function saveRealisation(executor: Executor, ctx: RequestContext, rhkId: string, periodKey: string, body: RealisationBody): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  const { skp, rhk, period, today, existing } = await loadRhkPeriod(executor, ctx, rhkId, periodKey);
  assertSkpOwner(ctx, skp);
  assertInForce(skp);
  await assertPeriodNotFinal(executor, skp, periodKey);
  const touchesResults = body.realisasi !== undefined || body.evidenceLinks !== undefined || body.attachmentIds !== undefined || body.indicatorValues !== undefined;
  if (touchesResults && today < period.startDate) {
    throw conflict(`Periode ${periodKey} belum dimulai (mulai ${period.startDate}); sekarang baru rencana aksi yang dapat diisi`);
  }

  const indicatorIds = new Set((await findIndicatorRows(executor, [rhk.id])).map((indicator) => indicator.id));
  const foreign = (body.indicatorValues ?? []).filter((item) => !indicatorIds.has(item.indicatorId));
  if (foreign.length > 0) throw invalid('Indikator yang diisi bukan indikator RHK ini', { field: 'indicatorValues', indicatorIds: foreign.map((item) => item.indicatorId) });
  if (new Set((body.indicatorValues ?? []).map((item) => item.indicatorId)).size !== (body.indicatorValues ?? []).length) {
    throw invalid('Setiap indikator hanya diisi sekali per periode', { field: 'indicatorValues' });
  }

  const beforeFiles = existing ? (await findRealisationAttachments(executor, [existing.id])).map((file) => file.id) : [];
  if (body.attachmentIds) {
    const uploaders = await findAttachmentUploaders(executor, body.attachmentIds);
    // A new file must be the employee's own upload; files already attached may stay.
    const refused = body.attachmentIds.filter((id) => !beforeFiles.includes(id) && uploaders.get(id) !== actor.userId);
    if (refused.length > 0) throw invalid('Berkas bukti tidak ditemukan atau bukan unggahan Anda', { field: 'attachmentIds', attachmentIds: refused });
  }

  const now = ctx.clock.now();
  const fields = {
    ...(body.rencanaAksi !== undefined ? { rencanaAksi: body.rencanaAksi || null } : {}),
    ...(body.realisasi !== undefined ? { realisasi: body.realisasi || null } : {}),
    ...(body.evidenceLinks !== undefined ? { evidenceLinks: [...new Set(body.evidenceLinks)] } : {}),
  };
  const row = existing
    ? await updateRealisation(executor, existing.id, { ...fields, updatedAt: now })
    : await insertRealisation(executor, { rhkId: rhk.id, periodKey, periodStart: period.startDate, periodEnd: period.endDate, ...fields });
  for (const item of body.indicatorValues ?? []) {
    await setIndicatorRealisation(executor, row.id, item.indicatorId, item.value === null ? null : String(item.value), now);
  }
  if (body.attachmentIds) await replaceRealisationAttachments(executor, row.id, [...new Set(body.attachmentIds)]);
  await recordAudit(executor, ctx, {
    action: existing ? 'update' : 'create',
    entityType: ENTITY,
    entityId: row.id,
    before: existing && auditRealisation(existing, { attachmentIds: beforeFiles }),
    after: auditRealisation(row, { attachmentIds: body.attachmentIds ?? beforeFiles, indicatorValues: body.indicatorValues }),
    scopeUnitId: skp.unitId,
  });
  return { id: row.id };
}

/**
 * The assessor's umpan balik and the notes of the performance dialogue, for a period that has
 * started. When the assessor is the kepala daerah, an admin BKPSDM records them on their behalf
 * with a basis (ADR 0011), as for approvals and ratings.
 */
export async function giveFeedback(executor: Executor, ctx: RequestContext, rhkId: string, periodKey: string, body: FeedbackBody): Promise<{ id: string }> {
  const { skp, rhk, period, today, existing } = await loadRhkPeriod(executor, ctx, rhkId, periodKey);
  const onBehalf = authoriseAssessorDecision(ctx, skp, 'memberi umpan balik', body.onBehalfReason);
  assertInForce(skp);
  await assertPeriodNotFinal(executor, skp, periodKey);
  if (today < period.startDate) throw conflict(`Periode ${periodKey} belum dimulai (mulai ${period.startDate}); umpan balik diberikan setelah periode berjalan`);
  const now = ctx.clock.now();
  const recordedBy = { feedbackByUserId: ctx.actor?.userId ?? null, feedbackOnBehalfOf: onBehalf?.label ?? null, feedbackOnBehalfReason: onBehalf?.reason ?? null };
  const fields = {
    // On behalf of a kepala daerah there is no assessor employee, whatever account BKPSDM uses.
    ...(body.feedback !== undefined ? { feedback: body.feedback || null, feedbackByEmployeeId: onBehalf ? null : (ctx.actor?.employeeId ?? null), feedbackAt: now } : {}),
    ...(body.dialogueNotes !== undefined ? { dialogueNotes: body.dialogueNotes || null } : {}),
    ...(body.feedback !== undefined || body.dialogueNotes !== undefined ? recordedBy : {}),
  };
  const row = existing
    ? await updateRealisation(executor, existing.id, { ...fields, updatedAt: now })
    : await insertRealisation(executor, { rhkId: rhk.id, periodKey, periodStart: period.startDate, periodEnd: period.endDate, ...fields });
  await recordAudit(executor, ctx, {
    action: 'feedback',
    entityType: ENTITY,
    entityId: row.id,
    before: existing && auditRealisation(existing),
    after: auditRealisation(row),
    scopeUnitId: skp.unitId,
  });
  return { id: row.id };
}

/** An evidence file, for anyone who may read the SKP it evidences. */
export async function readRealisationAttachment(executor: Executor, ctx: RequestContext, realisationId: string, attachmentId: string) {
  const realisation = await findRealisationById(executor, realisationId);
  const rhk = realisation ? await findRhkRow(executor, realisation.rhkId) : null;
  const skp = rhk ? await findSkpRow(executor, rhk.skpId) : null;
  if (!realisation || !skp) throw notFound('Berkas bukti');
  assertCanReadSkp(ctx, skp);
  const attached = (await findRealisationAttachments(executor, [realisation.id])).some((file) => file.id === attachmentId);
  const content = attached ? await findAttachmentContent(executor, attachmentId) : null;
  if (!content) throw notFound('Berkas bukti');
  return content;
}

/**
 * The RHK of my approved SKP in force whose span covers `date`: what a daily activity of that day
 * may cite (activity_entries.skp_rhk_id). Empty when there is no such SKP.
 */
export async function listMyRhk(executor: Executor, ctx: RequestContext, date: string): Promise<MyRhkList> {
  const actor = requireActor(ctx);
  if (!actor.employeeId) throw forbidden('Akun ini tidak terhubung dengan data pegawai');
  const items = await findCitableRhkForActivity(executor, actor.employeeId, date);
  return { date, skpId: items.skpId, items: items.rhk };
}

/** For the activity module: the RHK an employee's activity on `date` may cite, and whether one id is among them. */
export async function findCitableRhkForActivity(executor: Executor, employeeId: string, date: string) {
  const skp = await findSkpInForce(executor, employeeId, Number(date.slice(0, 4)));
  if (!skp || date < skp.startDate || date > skp.endDate) return { skpId: null, rhk: [] };
  const views = await buildRhkViews(executor, await findRhkRows(executor, [skp.id]));
  return { skpId: skp.id, rhk: views.map((view) => ({ id: view.id, kind: view.kind, text: view.text, supportedRhkText: view.supportedRhkText })) };
}

export async function isRhkCitableByActivity(executor: Executor, employeeId: string, date: string, rhkId: string): Promise<boolean> {
  return (await findCitableRhkForActivity(executor, employeeId, date)).rhk.some((rhk) => rhk.id === rhkId);
}
