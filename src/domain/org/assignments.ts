import type { AssignmentKind, JenisJabatan } from './labels';
import { describePeriod, doPeriodsOverlap, isActiveOn, type DatePeriod } from './periods';

export interface AssignmentRecord extends DatePeriod {
  id: string;
  employeeId: string;
  positionId: string;
  kind: AssignmentKind;
}

const structuralJenis: ReadonlySet<JenisJabatan> = new Set(['jpt_utama', 'jpt_madya', 'jpt_pratama', 'administrator', 'pengawas']);

/**
 * Structural positions (JPT, administrator, pengawas, or any unit head) are single seats: one
 * definitif holder at a time. Pelaksana and fungsional positions are shared by many employees.
 */
export const isStructuralPosition = (position: { jenis: JenisJabatan; isUnitHead: boolean }): boolean =>
  position.isUnitHead || structuralJenis.has(position.jenis);

export type AssignmentConflictRule = 'same_position_overlap' | 'second_definitif' | 'structural_seat_taken';

export interface AssignmentConflict {
  rule: AssignmentConflictRule;
  conflicting: AssignmentRecord;
}

export interface AssignmentCheck {
  /** The new or changed assignment; `id` is set when an existing one is being changed. */
  candidate: Omit<AssignmentRecord, 'id'> & { id: string | null };
  isStructural: boolean;
  /** Existing assignments of the candidate's employee and of its position (duplicates are fine). */
  existing: readonly AssignmentRecord[];
}

/** Every rule the candidate assignment would break against the existing ones, in rule order. */
export function findAssignmentConflicts({ candidate, isStructural, existing }: AssignmentCheck): AssignmentConflict[] {
  const conflicts: AssignmentConflict[] = [];
  const seen = new Set<string>();
  const others = existing.filter((record) => {
    if (record.id === candidate.id || seen.has(record.id)) return false;
    seen.add(record.id);
    return doPeriodsOverlap(record, candidate);
  });
  for (const record of others) {
    if (record.employeeId === candidate.employeeId && record.positionId === candidate.positionId) {
      conflicts.push({ rule: 'same_position_overlap', conflicting: record });
    }
  }
  if (candidate.kind === 'definitif') {
    for (const record of others) {
      if (record.employeeId === candidate.employeeId && record.positionId !== candidate.positionId && record.kind === 'definitif') {
        conflicts.push({ rule: 'second_definitif', conflicting: record });
      }
    }
    if (isStructural) {
      for (const record of others) {
        if (record.positionId === candidate.positionId && record.employeeId !== candidate.employeeId && record.kind === 'definitif') {
          conflicts.push({ rule: 'structural_seat_taken', conflicting: record });
        }
      }
    }
  }
  return conflicts;
}

/** Indonesian explanation of a conflict; names are passed in because the rule knows only ids. */
export function describeAssignmentConflict(conflict: AssignmentConflict, names: { positionName: string; holderName: string }): string {
  const period = describePeriod(conflict.conflicting);
  switch (conflict.rule) {
    case 'same_position_overlap':
      return `Pegawai sudah ditugaskan pada jabatan ${names.positionName} pada periode yang tumpang tindih (${period})`;
    case 'second_definitif':
      return `Pegawai sudah memiliki jabatan definitif ${names.positionName} pada periode yang tumpang tindih (${period})`;
    case 'structural_seat_taken':
      return `Jabatan struktural ${names.positionName} sudah dipegang secara definitif oleh ${names.holderName} (${period})`;
  }
}

const kindRank: Readonly<Record<AssignmentKind, number>> = { definitif: 0, plt: 1, plh: 2 };

/**
 * Assignments in force on `date`, in the order that matters for routing: definitif first, then
 * Plt, then Plh; within a kind the most recent start first (ties by id, for a stable order).
 */
export function sortAssignmentsByPrecedence<T extends AssignmentRecord>(assignments: readonly T[], date: string): T[] {
  return assignments
    .filter((record) => isActiveOn(record, date))
    .sort(
      (a, b) =>
        kindRank[a.kind] - kindRank[b.kind] || b.startDate.localeCompare(a.startDate) || a.id.localeCompare(b.id),
    );
}

/** The position an employee works from on `date`: definitif, else Plt, else Plh; null when none. */
export function selectPrimaryAssignment<T extends AssignmentRecord>(assignments: readonly T[], date: string): T | null {
  return sortAssignmentsByPrecedence(assignments, date)[0] ?? null;
}
