import { pickAssessorDesignation } from '../../../domain/skp/assessor';
import type { AssessorKind } from '../../../domain/skp/vocabulary';
import type { Executor } from '../../db/client';
import { findDirectSuperior } from '../org';
import { findPositionRefsOnDate } from '../org/assignments.repository';
import { findEmployeeSummaries } from '../org/employees.repository';
import { findPositionSuperiorChain } from '../org/positions.repository';
import { findDesignationsOnDate } from './skp-assessor-designations.repository';

/** The pejabat penilai of someone on a date, as snapshotted on an SKP. */
export interface AssessorOfRecord {
  kind: AssessorKind;
  /** Null for the kepala daerah, who has no employee record. */
  employeeId: string | null;
  name: string;
  nip: string | null;
  positionId: string | null;
  /** For the kepala daerah: the title as printed ("Bupati Contoh"). */
  positionName: string | null;
}

/** The BKPSDM designation that applies to someone the superior rule leaves without a superior (domain/skp/assessor.ts). */
export async function findDesignatedAssessor(executor: Executor, employeeId: string, date: string): Promise<AssessorOfRecord | null> {
  const [primary] = await findPositionRefsOnDate(executor, [employeeId], date);
  if (!primary) return null;
  const chain = await findPositionSuperiorChain(executor, [primary.positionId]);
  const designation = pickAssessorDesignation({
    employeeId,
    positionId: primary.positionId,
    superiorPositionOf: new Map(chain.map((row) => [row.id, row.superiorPositionId])),
    designations: await findDesignationsOnDate(executor, chain.map((row) => row.id), date),
    date,
  });
  if (!designation) return null;
  if (designation.kind === 'kepala_daerah' || designation.assessorEmployeeId === null) {
    return { kind: 'kepala_daerah', employeeId: null, name: designation.officialName ?? '', nip: null, positionId: null, positionName: designation.officialTitle };
  }
  const person = (await findEmployeeSummaries(executor, [designation.assessorEmployeeId])).get(designation.assessorEmployeeId);
  if (!person) return null;
  const [theirs] = await findPositionRefsOnDate(executor, [designation.assessorEmployeeId], date);
  return { kind: 'designated', employeeId: designation.assessorEmployeeId, name: person.fullName, nip: person.nip, positionId: theirs?.positionId ?? null, positionName: theirs?.positionName ?? null };
}

/**
 * The superior of record when there is one (the rule every other module uses), else the
 * designation BKPSDM made for the position at the top; null when neither exists.
 */
export async function resolveSkpAssessor(executor: Executor, employeeId: string, date: string): Promise<AssessorOfRecord | null> {
  const { superior } = await findDirectSuperior(executor, employeeId, date);
  if (superior) {
    return { kind: 'superior', employeeId: superior.employeeId, name: superior.fullName, nip: superior.nip, positionId: superior.positionId, positionName: superior.positionName };
  }
  return findDesignatedAssessor(executor, employeeId, date);
}

/** The assessor and the assessor's superior (atasan pejabat penilai); the kepala daerah has none in the system. */
export async function resolveSkpAssessors(executor: Executor, employeeId: string, date: string) {
  const assessor = await resolveSkpAssessor(executor, employeeId, date);
  const assessorSuperior = assessor?.employeeId ? await resolveSkpAssessor(executor, assessor.employeeId, date) : null;
  // Guard against a designation that loops back to the person assessed: they cannot be their assessor's superior on their own SKP's form.
  return { assessor, assessorSuperior: assessorSuperior?.employeeId === employeeId ? null : assessorSuperior };
}

export const assessorColumns = (assessor: AssessorOfRecord | null) => ({
  assessorKind: assessor?.kind ?? null,
  assessorEmployeeId: assessor?.employeeId ?? null,
  assessorName: assessor?.name ?? null,
  assessorNip: assessor?.nip ?? null,
  assessorPositionId: assessor?.positionId ?? null,
  assessorPositionName: assessor?.positionName ?? null,
});

export const assessorSuperiorColumns = (assessor: AssessorOfRecord | null) => ({
  assessorSuperiorKind: assessor?.kind ?? null,
  assessorSuperiorEmployeeId: assessor?.employeeId ?? null,
  assessorSuperiorName: assessor?.name ?? null,
  assessorSuperiorNip: assessor?.nip ?? null,
  assessorSuperiorPositionId: assessor?.positionId ?? null,
  assessorSuperiorPositionName: assessor?.positionName ?? null,
});
