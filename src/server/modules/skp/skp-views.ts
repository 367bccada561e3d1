import type { SkpRhkView, SkpSummary, SkpView } from '../../../contracts/skp';
import type { AssessorKind, IndicatorAspect, JptPerspective, RhkKind, RhkOrigin, SkpApproach, SkpStatus } from '../../../domain/skp/vocabulary';
import type { Executor } from '../../db/client';
import { findUserDisplayName } from './skp-assessor-designations.repository';
import { findIndicatorRows, findRhkRows, findRhkRowsByIds, type IndicatorRow, type RhkRow, type SkpRow } from './skp.repository';

/** Rows to API shapes. Enumerations are checked by database constraints, so the casts hold. */
export const isSkpInForce = (row: SkpRow) => row.status === 'approved' && row.supersededAt === null;

export function toSkpSummary(row: SkpRow): SkpSummary {
  return {
    id: row.id,
    year: row.year,
    startDate: row.startDate,
    endDate: row.endDate,
    employee: { employeeId: row.employeeId, name: row.employeeName, nip: row.employeeNip, positionId: row.positionId, positionName: row.positionName, unitId: row.unitId, unitName: row.unitName },
    assessor: {
      kind: row.assessorKind as AssessorKind | null,
      employeeId: row.assessorEmployeeId,
      name: row.assessorName,
      nip: row.assessorNip,
      positionId: row.assessorPositionId,
      positionName: row.assessorPositionName,
    },
    status: row.status as SkpStatus,
    revision: row.revision,
    isInForce: isSkpInForce(row),
  };
}

const toIndicatorView = (row: IndicatorRow) => ({
  id: row.id,
  aspect: row.aspect as IndicatorAspect,
  text: row.text,
  targetValue: Number(row.targetValue),
  targetValueUpper: row.targetValueUpper === null ? null : Number(row.targetValueUpper),
  targetUnit: row.targetUnit,
});

/** RHK with their indicators and the text of the superior RHK each one cites. */
export async function buildRhkViews(executor: Executor, rhkRows: RhkRow[]): Promise<SkpRhkView[]> {
  const indicators = await findIndicatorRows(executor, rhkRows.map((row) => row.id));
  const citedIds = [...new Set(rhkRows.map((row) => row.supportedRhkId).filter((id): id is string => id !== null))];
  const citedText = new Map((await findRhkRowsByIds(executor, citedIds)).map((row) => [row.id, row.text]));
  return rhkRows.map((row) => ({
    id: row.id,
    kind: row.kind as RhkKind,
    text: row.text,
    perspective: row.perspective as JptPerspective | null,
    supportedRhkId: row.supportedRhkId,
    supportedRhkText: row.supportedRhkId ? (citedText.get(row.supportedRhkId) ?? null) : null,
    supportedAgreementText: row.supportedAgreementText,
    origin: row.origin as RhkOrigin,
    sourceRhkId: row.sourceRhkId,
    previousRhkId: row.previousRhkId,
    sortOrder: row.sortOrder,
    indicators: indicators.filter((indicator) => indicator.rhkId === row.id).map(toIndicatorView),
  }));
}

export async function buildSkpView(executor: Executor, row: SkpRow): Promise<SkpView> {
  return {
    ...toSkpSummary(row),
    assessorSuperior: {
      kind: row.assessorSuperiorKind as AssessorKind | null,
      employeeId: row.assessorSuperiorEmployeeId,
      name: row.assessorSuperiorName,
      nip: row.assessorSuperiorNip,
      positionId: row.assessorSuperiorPositionId,
      positionName: row.assessorSuperiorPositionName,
    },
    previousRevisionId: row.previousRevisionId,
    revisionReason: row.revisionReason,
    supersededAt: row.supersededAt?.toISOString() ?? null,
    approach: row.approach as SkpApproach,
    isJpt: row.isJpt,
    dukunganSumberDaya: row.dukunganSumberDaya,
    skemaPertanggungjawaban: row.skemaPertanggungjawaban,
    konsekuensi: row.konsekuensi,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    returnNote: row.returnNote,
    decidedOnBehalf:
      row.decidedOnBehalfOf && row.decidedOnBehalfReason
        ? { officialName: row.decidedOnBehalfOf, reason: row.decidedOnBehalfReason, recordedByName: await findUserDisplayName(executor, row.decidedByUserId) }
        : null,
    rhk: await buildRhkViews(executor, await findRhkRows(executor, [row.id])),
  };
}

/** What the audit trail keeps of an SKP (not the RHK; those have their own rows). */
export const auditSkp = (row: SkpRow) => ({
  employeeId: row.employeeId,
  year: row.year,
  startDate: row.startDate,
  endDate: row.endDate,
  status: row.status,
  revision: row.revision,
  assessorKind: row.assessorKind,
  assessorEmployeeId: row.assessorEmployeeId,
  assessorName: row.assessorName,
  assessorSuperiorKind: row.assessorSuperiorKind,
  assessorSuperiorEmployeeId: row.assessorSuperiorEmployeeId,
  assessorSuperiorName: row.assessorSuperiorName,
  decidedOnBehalfOf: row.decidedOnBehalfOf,
  decidedOnBehalfReason: row.decidedOnBehalfReason,
  approach: row.approach,
  dukunganSumberDaya: row.dukunganSumberDaya,
  skemaPertanggungjawaban: row.skemaPertanggungjawaban,
  konsekuensi: row.konsekuensi,
  returnNote: row.returnNote,
  supersededAt: row.supersededAt,
});
