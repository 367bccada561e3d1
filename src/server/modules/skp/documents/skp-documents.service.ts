import { inArray } from 'drizzle-orm';
import type { SkpView } from '../../../../contracts/skp';
import type { UnitPredikat } from '../../../../domain/skp/vocabulary';
import type { Executor } from '../../../db/client';
import { employees } from '../../../db/schema';
import type { RequestContext } from '../../../platform/actor';
import { notFound } from '../../../platform/errors';
import { assertCanReadSkp } from '../skp-access';
import { findUnitPredikatRow } from '../skp-evaluation.repository';
import { listEvaluations } from '../skp-evaluation.service';
import { getRealisationBoard, todayOfSkp } from '../skp-realisation.service';
import { buildSkpView } from '../skp-views';
import { findSkpRow, type SkpRow } from '../skp.repository';
import { renderBlocks } from '../../../platform/pdf-blocks';
import { formatIndonesianDate } from '../../../../domain/calendar/indonesian-dates';
import { buildAnnualDocument, buildEvaluationDocument, buildSkpDocument, type PersonRank } from './skp-documents';

export interface RenderedDocument {
  fileName: string;
  content: Buffer;
}

async function findRanks(executor: Executor, skp: SkpRow): Promise<PersonRank> {
  const ids = [skp.employeeId, skp.assessorEmployeeId, skp.assessorSuperiorEmployeeId].filter((id): id is string => id !== null);
  const rows = await executor.select({ id: employees.id, golongan: employees.golongan }).from(employees).where(inArray(employees.id, ids));
  const of = (id: string | null) => (id ? (rows.find((row) => row.id === id)?.golongan ?? null) : null);
  return { employee: of(skp.employeeId), assessor: of(skp.assessorEmployeeId), assessorSuperior: of(skp.assessorSuperiorEmployeeId) };
}

interface DocumentContext {
  row: SkpRow;
  skp: SkpView;
  ranks: PersonRank;
  dateLine: string;
  footer: string;
}

async function loadContext(executor: Executor, ctx: RequestContext, skpId: string): Promise<DocumentContext> {
  const row = await findSkpRow(executor, skpId);
  assertCanReadSkp(ctx, row);
  const today = await todayOfSkp(executor, ctx, row);
  return {
    row,
    skp: await buildSkpView(executor, row),
    ranks: await findRanks(executor, row),
    dateLine: formatIndonesianDate(today),
    footer: `e-Kinerja · ${row.employeeName} (${row.employeeNip}) · dicetak ${formatIndonesianDate(today)}`,
  };
}

const unitPredikatOf = async (executor: Executor, row: SkpRow, periodKey: string): Promise<UnitPredikat | null> =>
  row.unitId ? (((await findUnitPredikatRow(executor, row.unitId, periodKey))?.predikat as UnitPredikat | undefined) ?? null) : null;

/** The SKP document (rencana): identity, RHK with indicators and targets, BerAKHLAK, lampiran, signatures. */
export async function renderSkpDocument(executor: Executor, ctx: RequestContext, skpId: string): Promise<RenderedDocument> {
  const { row, skp, ranks, dateLine, footer } = await loadContext(executor, ctx, skpId);
  const evaluations = (await listEvaluations(executor, ctx, skpId)).items;
  const latest = evaluations.filter((item) => Object.keys(item.leaderExpectations).length > 0).at(-1);
  const content = await renderBlocks(buildSkpDocument({ skp, ranks, leaderExpectations: latest?.leaderExpectations ?? {}, dateLine }), { title: `SKP ${row.employeeName} ${row.year}`, footer });
  return { fileName: `skp-${row.employeeNip}-${row.year}-r${row.revision}.pdf`, content };
}

/** The evaluation document of one period (or the year): targets against realisation, feedback, ratings, predikat. */
export async function renderEvaluationDocument(executor: Executor, ctx: RequestContext, skpId: string, periodKey: string): Promise<RenderedDocument> {
  const { row, skp, ranks, dateLine, footer } = await loadContext(executor, ctx, skpId);
  const list = await listEvaluations(executor, ctx, skpId);
  const evaluation = list.items.find((item) => item.periodKey === periodKey);
  const period = list.periods.find((item) => item.key === periodKey);
  if (!evaluation || !period) throw notFound('Penilaian');
  const board = await getRealisationBoard(executor, ctx, skpId);
  const blocks = buildEvaluationDocument({ skp, ranks, evaluation, period, board, unitPredikat: await unitPredikatOf(executor, row, periodKey), dateLine });
  const content = await renderBlocks(blocks, { title: `Evaluasi kinerja ${row.employeeName} ${periodKey}`, footer });
  return { fileName: `evaluasi-kinerja-${row.employeeNip}-${periodKey}.pdf`, content };
}

/** The annual performance document: periodic and annual ratings, predikat, the organisation's result. */
export async function renderAnnualDocument(executor: Executor, ctx: RequestContext, skpId: string): Promise<RenderedDocument> {
  const { row, skp, ranks, dateLine, footer } = await loadContext(executor, ctx, skpId);
  const list = await listEvaluations(executor, ctx, skpId);
  const annualKey = String(row.year);
  const blocks = buildAnnualDocument({
    skp,
    ranks,
    annual: list.items.find((item) => item.periodKey === annualKey) ?? null,
    periodic: list.items.filter((item) => item.periodKey !== annualKey),
    unitPredikat: await unitPredikatOf(executor, row, annualKey),
    dateLine,
  });
  const content = await renderBlocks(blocks, { title: `Dokumen evaluasi kinerja ${row.employeeName} ${row.year}`, footer });
  return { fileName: `dokumen-kinerja-tahunan-${row.employeeNip}-${row.year}.pdf`, content };
}
