import ExcelJS from 'exceljs';
import { SKP_EXPORT_FORMAT, SKP_EXPORT_VERSION, type SkpExport, type SkpExportItem, type SkpExportPp46 } from '../../../../contracts/skp-export';
import { PP46_BEHAVIOUR_ASPECTS, PP46_BEHAVIOUR_LABELS, scorePp46BehaviourAspects } from '../../../../domain/skp/pp46-formula';
import { EMPLOYEE_PREDIKAT_LABELS, RATING_LABELS, type EmployeePredikat, type EvaluationPeriodKind, type Pp46CreativityLevel, type Rating, type SkpApproach, type SkpStatus } from '../../../../domain/skp/vocabulary';
import type { Executor } from '../../../db/client';
import { requireActor, type RequestContext } from '../../../platform/actor';
import { forbidden, notFound } from '../../../platform/errors';
import { findUnitSubtreeIds } from '../../org';
import { isUnitInScope, unitScopeOf } from '../../org/org-scope';
import { findEvaluationRows, findUnitNames, type EvaluationRow } from '../skp-evaluation.repository';
import { storedBehaviourAspects } from '../skp-evaluation.service';
import { measureRhkRows } from '../skp-progress';
import { buildRhkViews, isSkpInForce } from '../skp-views';
import { findRhkRows, findSkpRows, type SkpRow } from '../skp.repository';

/** One SKP per employee: the revision in force, else the newest revision (a plan still being made). */
function pickCurrentRevisions(rows: SkpRow[]): SkpRow[] {
  const byEmployee = new Map<string, SkpRow>();
  for (const row of rows) {
    const chosen = byEmployee.get(row.employeeId);
    if (!chosen || (isSkpInForce(row) && !isSkpInForce(chosen)) || (!isSkpInForce(chosen) && row.revision > chosen.revision)) byEmployee.set(row.employeeId, row);
  }
  return [...byEmployee.values()].sort((a, b) => a.employeeName.localeCompare(b.employeeName, 'id'));
}

/** PP 46/2011 as stored: the three scores, each perilaku aspect and the SKP part per kegiatan (null parts for older ratings). */
function toExportPp46(row: EvaluationRow): SkpExportPp46 | null {
  if (row.legacyFinalScore === null) return null;
  return {
    skpScore: Number(row.legacySkpScore),
    behaviourScore: Number(row.legacyBehaviourScore),
    finalScore: Number(row.legacyFinalScore),
    behaviour: storedBehaviourAspects(row),
    creativity: row.legacyCreativity as Pp46CreativityLevel | null,
    skp: row.legacySkpBreakdown,
  };
}

/**
 * An OPD's (or unit's, with sub-units) SKPs of a year with RHK, indicators, progress and ratings:
 * the one data set behind the JSON export for the national e-Kinerja and the xlsx. Unit readers only.
 */
export async function buildSkpExport(executor: Executor, ctx: RequestContext, query: { year: number; unitId: string }): Promise<SkpExport> {
  requireActor(ctx);
  if (!isUnitInScope(unitScopeOf(ctx), query.unitId)) throw forbidden('Unit ini di luar kewenangan Anda');
  const unit = (await findUnitNames(executor, [query.unitId])).get(query.unitId);
  if (!unit) throw notFound('Unit');
  const skps = pickCurrentRevisions(await findSkpRows(executor, { unitIds: await findUnitSubtreeIds(executor, [query.unitId]), year: query.year }));
  const rhkRows = await findRhkRows(executor, skps.map((skp) => skp.id));
  const rhkViews = await buildRhkViews(executor, rhkRows);
  const progress = await measureRhkRows(executor, rhkRows.map((row) => row.id));
  const evaluations = await findEvaluationRows(executor, skps.map((skp) => skp.id));
  const items: SkpExportItem[] = skps.map((skp) => ({
    employee: { nip: skp.employeeNip, name: skp.employeeName, position: skp.positionName, unit: skp.unitName },
    assessor: { nip: skp.assessorNip, name: skp.assessorName, position: skp.assessorPositionName },
    assessorSuperior: { nip: skp.assessorSuperiorNip, name: skp.assessorSuperiorName, position: skp.assessorSuperiorPositionName },
    year: skp.year,
    startDate: skp.startDate,
    endDate: skp.endDate,
    status: skp.status as SkpStatus,
    revision: skp.revision,
    approach: skp.approach as SkpApproach,
    isJpt: skp.isJpt,
    rhk: rhkViews
      .filter((view) => rhkRows.some((row) => row.id === view.id && row.skpId === skp.id))
      .map((view) => ({
        id: view.id,
        kind: view.kind,
        text: view.text,
        perspective: view.perspective,
        supports: view.supportedRhkId ? { rhkId: view.supportedRhkId, text: view.supportedRhkText } : view.supportedAgreementText ? { agreement: view.supportedAgreementText } : null,
        indicators: view.indicators.map((indicator) => ({
          aspect: indicator.aspect,
          text: indicator.text,
          target: { value: indicator.targetValue, upper: indicator.targetValueUpper, unit: indicator.targetUnit },
          realised: progress.get(view.id)?.indicators.find((item) => item.indicatorId === indicator.id)?.realised ?? null,
        })),
      })),
    lampiran: { dukunganSumberDaya: skp.dukunganSumberDaya, skemaPertanggungjawaban: skp.skemaPertanggungjawaban, konsekuensi: skp.konsekuensi },
    evaluations: evaluations
      .filter((row) => row.skpId === skp.id)
      .map((row) => ({
        period: row.periodKey,
        kind: row.periodKind as EvaluationPeriodKind,
        hasilKerja: row.hasilKerjaRating as Rating | null,
        perilakuKerja: row.perilakuKerjaRating as Rating | null,
        predikat: row.predikat as EmployeePredikat | null,
        isFinal: row.isFinal,
        pp46: toExportPp46(row),
      })),
  }));
  return { format: SKP_EXPORT_FORMAT, version: SKP_EXPORT_VERSION, generatedAt: ctx.clock.now().toISOString(), year: query.year, unit: { id: query.unitId, code: unit.code, name: unit.name }, skps: items };
}

const STATUS_LABELS: Record<SkpStatus, string> = { draft: 'Draf', submitted: 'Diajukan', approved: 'Disetujui', returned: 'Dikembalikan' };
const ratingLabel = (rating: Rating | null) => (rating ? RATING_LABELS[rating] : null);
const predikatLabel = (predikat: EmployeePredikat | null) => (predikat ? EMPLOYEE_PREDIKAT_LABELS[predikat] : null);

/** Three sheets: one row per SKP (with the annual rating), per evaluation, per indicator. NIPs as text. */
export async function buildSkpWorkbook(data: SkpExport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'e-Kinerja';
  const bold = (row: ExcelJS.Row) => {
    row.font = { bold: true };
  };
  const overview = workbook.addWorksheet('SKP', { views: [{ state: 'frozen', ySplit: 3 }] });
  bold(overview.addRow([`SKP ${data.unit.name} tahun ${data.year}`]));
  overview.addRow([]);
  bold(overview.addRow(['NIP', 'Nama', 'Jabatan', 'Unit', 'Pejabat penilai', 'Status SKP', 'Revisi', 'Jumlah RHK', 'Rating hasil kerja (tahunan)', 'Rating perilaku (tahunan)', 'Predikat (tahunan)', 'Final', 'Nilai PP 46/2011']));
  for (const item of data.skps) {
    const annual = item.evaluations.find((evaluation) => evaluation.kind === 'annual');
    overview.addRow([
      item.employee.nip,
      item.employee.name,
      item.employee.position,
      item.employee.unit,
      item.assessor.name,
      STATUS_LABELS[item.status],
      item.revision,
      item.rhk.length,
      ratingLabel(annual?.hasilKerja ?? null),
      ratingLabel(annual?.perilakuKerja ?? null),
      predikatLabel(annual?.predikat ?? null),
      annual ? (annual.isFinal ? 'Ya' : 'Belum') : null,
      annual?.pp46?.finalScore ?? null,
    ]);
  }
  const ratings = workbook.addWorksheet('Penilaian', { views: [{ state: 'frozen', ySplit: 1 }] });
  bold(ratings.addRow(['NIP', 'Nama', 'Periode', 'Rating hasil kerja', 'Rating perilaku kerja', 'Predikat', 'Final']));
  for (const item of data.skps) {
    for (const evaluation of item.evaluations) {
      ratings.addRow([item.employee.nip, item.employee.name, evaluation.period, ratingLabel(evaluation.hasilKerja), ratingLabel(evaluation.perilakuKerja), predikatLabel(evaluation.predikat), evaluation.isFinal ? 'Ya' : 'Belum']);
    }
  }
  const plans = workbook.addWorksheet('RHK', { views: [{ state: 'frozen', ySplit: 1 }] });
  bold(plans.addRow(['NIP', 'Nama', 'Jenis RHK', 'Rencana hasil kerja', 'RHK atasan yang diintervensi', 'Aspek', 'Indikator', 'Target', 'Target atas', 'Satuan', 'Realisasi']));
  for (const item of data.skps) {
    for (const rhk of item.rhk) {
      const supports = rhk.supports === null ? null : 'agreement' in rhk.supports ? rhk.supports.agreement : rhk.supports.text;
      for (const indicator of rhk.indicators) {
        plans.addRow([item.employee.nip, item.employee.name, rhk.kind, rhk.text, supports, indicator.aspect, indicator.text, indicator.target.value, indicator.target.upper, indicator.target.unit, indicator.realised]);
      }
    }
  }
  const pp46Sheets = addPp46Sheets(workbook, data);
  for (const sheet of [overview, ratings, plans, ...pp46Sheets]) {
    sheet.getColumn(1).numFmt = '@';
    sheet.getColumn(1).width = 22;
    sheet.getColumn(2).width = 30;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * PP 46/2011 years only: the perilaku aspects per rating and the SKP part per kegiatan as stored,
 * so the form can be rebuilt from the workbook (a rating stored before they were kept shows its means).
 */
function addPp46Sheets(workbook: ExcelJS.Workbook, data: SkpExport): ExcelJS.Worksheet[] {
  const rated = data.skps.flatMap((item) => item.evaluations.flatMap((evaluation) => (evaluation.pp46 ? [{ item, period: evaluation.period, pp46: evaluation.pp46 }] : [])));
  if (rated.length === 0) return [];
  const bold = (row: ExcelJS.Row) => {
    row.font = { bold: true };
  };
  const behaviour = workbook.addWorksheet('PP 46 perilaku', { views: [{ state: 'frozen', ySplit: 1 }] });
  bold(behaviour.addRow(['NIP', 'Nama', 'Periode', ...PP46_BEHAVIOUR_ASPECTS.map((aspect) => PP46_BEHAVIOUR_LABELS[aspect]), 'Jumlah', 'Nilai perilaku kerja', 'Nilai capaian SKP', 'Kreativitas', 'Nilai prestasi kerja']));
  for (const { item, period, pp46 } of rated) {
    const aspects = pp46.behaviour;
    behaviour.addRow([
      item.employee.nip,
      item.employee.name,
      period,
      ...PP46_BEHAVIOUR_ASPECTS.map((aspect) => aspects?.[aspect] ?? null),
      aspects ? scorePp46BehaviourAspects(aspects).jumlah : null,
      pp46.behaviourScore,
      pp46.skpScore,
      pp46.creativity,
      pp46.finalScore,
    ]);
  }
  const skp = workbook.addWorksheet('PP 46 SKP', { views: [{ state: 'frozen', ySplit: 1 }] });
  bold(skp.addRow(['NIP', 'Nama', 'Periode', 'Kegiatan (RHK utama)', 'Kuantitas', 'Kualitas', 'Waktu', 'Biaya', 'Nilai capaian']));
  for (const { item, period, pp46 } of rated) {
    for (const activity of pp46.skp?.activities ?? []) {
      skp.addRow([item.employee.nip, item.employee.name, period, activity.text, activity.kuantitas, activity.kualitas, activity.waktu, activity.biaya, activity.nilaiCapaian]);
    }
    skp.addRow([item.employee.nip, item.employee.name, period, pp46.skp ? `Tambahan dan kreativitas (+${pp46.skp.additionalPoints}); nilai capaian SKP` : 'Nilai capaian SKP (nilai per kegiatan tidak tersimpan)', null, null, null, null, pp46.skpScore]);
  }
  return [behaviour, skp];
}
