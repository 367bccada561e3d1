import { isActiveOn, type DatePeriod } from '../org/periods';
import type { AssessorDesignationKind } from './vocabulary';

/**
 * The pejabat penilai of someone the superior rule leaves without a superior (PermenPANRB 6/2022):
 * the head of an OPD whose position has no parent in the regency's tree is assessed by the Sekda,
 * the Sekda by the kepala daerah, who is not an employee. BKPSDM records such assessors as
 * designations on positions, with effective dates (a new kepala daerah is a new designation).
 */
export interface AssessorDesignation extends DatePeriod {
  id: string;
  positionId: string;
  kind: AssessorDesignationKind;
  /** kind = employee: the designated assessor. */
  assessorEmployeeId: string | null;
  /** kind = kepala_daerah: the official's name and title as printed ("Bupati Contoh"). */
  officialName: string | null;
  officialTitle: string | null;
}

export interface DesignationLookup {
  employeeId: string;
  /** The employee's primary position on the date, null without one. */
  positionId: string | null;
  /** Position → its superior position, for the chain above the employee's position. */
  superiorPositionOf: ReadonlyMap<string, string | null>;
  designations: readonly AssessorDesignation[];
  date: string;
}

/** Deep enough for any regency; also stops a damaged loop in the position tree. */
const MAX_CHAIN = 30;

/**
 * Only consulted when the superior rule finds nobody. Walks up from the employee's own position:
 * the first position with a designation in force on the date decides. So a designation on the
 * Sekda's position also covers the heads of OPD while the Sekda's seat is vacant without a Plt,
 * which is what the regulation asks (the kepala daerah then assesses them). A designation that
 * names the employee themself is skipped: nobody assesses their own SKP.
 */
export function pickAssessorDesignation(input: DesignationLookup): AssessorDesignation | null {
  const seen = new Set<string>();
  for (let positionId = input.positionId; positionId !== null && !seen.has(positionId) && seen.size < MAX_CHAIN; positionId = input.superiorPositionOf.get(positionId) ?? null) {
    seen.add(positionId);
    const found = input.designations.find(
      (designation) => designation.positionId === positionId && isActiveOn(designation, input.date) && designation.assessorEmployeeId !== input.employeeId,
    );
    if (found) return found;
  }
  return null;
}

/** The kinds of designation and what each needs: an employee, or the official's name and title. */
export type DesignationProblem = 'employee_missing' | 'official_missing' | 'extra_fields';

export function checkDesignationShape(input: Pick<AssessorDesignation, 'kind' | 'assessorEmployeeId' | 'officialName' | 'officialTitle'>): DesignationProblem | null {
  if (input.kind === 'employee') {
    if (input.assessorEmployeeId === null) return 'employee_missing';
    return input.officialName === null && input.officialTitle === null ? null : 'extra_fields';
  }
  if (input.officialName === null || input.officialTitle === null) return 'official_missing';
  return input.assessorEmployeeId === null ? null : 'extra_fields';
}

export const DESIGNATION_PROBLEM_MESSAGES: Record<DesignationProblem, string> = {
  employee_missing: 'Pilih pegawai yang ditetapkan sebagai pejabat penilai',
  official_missing: 'Isi nama dan jabatan kepala daerah yang menjadi pejabat penilai',
  extra_fields: 'Penetapan untuk pegawai tidak memuat nama kepala daerah, dan sebaliknya',
};
