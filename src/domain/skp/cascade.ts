import { wouldCreateCycle, type ParentMap } from '../org/hierarchy';
import type { SkpStatus } from './vocabulary';

/**
 * The SKP cascade (PermenPANRB 6/2022): every RHK names the superior's RHK it supports
 * ("RHK atasan yang diintervensi"). A citation is valid only when the cited RHK belongs to the SKP
 * of the assessed person's superior (the assessor) for the same year, that SKP is approved, and the
 * link does not close a loop in the cascade.
 */
export interface CitedRhk {
  rhkId: string;
  /** Whose SKP the cited RHK is in. */
  ownerEmployeeId: string;
  year: number;
  skpStatus: SkpStatus;
}

export interface CascadeLinkInput {
  /** The RHK that cites; null when it is being created. */
  rhkId: string | null;
  year: number;
  /** The assessor of the citing SKP (the superior of record, snapshotted). */
  superiorEmployeeId: string | null;
  /** The cited RHK as found, or null when no RHK has that id. */
  cited: CitedRhk | null;
  /** RHK id → the RHK it supports, for the cascade as stored. */
  supportedBy: ParentMap;
}

export type CascadeViolation = 'not_found' | 'no_superior' | 'not_superior' | 'other_year' | 'not_approved' | 'cycle';

export const CASCADE_VIOLATION_MESSAGES: Record<CascadeViolation, string> = {
  not_found: 'RHK atasan yang diintervensi tidak ditemukan',
  no_superior: 'SKP ini belum memiliki pejabat penilai, sehingga belum dapat mengacu RHK atasan',
  not_superior: 'RHK yang diacu bukan RHK atasan langsung (pejabat penilai) Anda',
  other_year: 'RHK yang diacu berasal dari SKP atasan tahun lain',
  not_approved: 'RHK yang diacu belum disetujui: SKP atasan harus disetujui lebih dahulu',
  cycle: 'Acuan RHK ini membuat lingkaran dalam cascading',
};

export function checkCascadeLink(input: CascadeLinkInput): CascadeViolation | null {
  if (input.cited === null) return 'not_found';
  if (input.superiorEmployeeId === null) return 'no_superior';
  if (input.cited.ownerEmployeeId !== input.superiorEmployeeId) return 'not_superior';
  if (input.cited.year !== input.year) return 'other_year';
  if (input.cited.skpStatus !== 'approved') return 'not_approved';
  if (input.rhkId !== null && wouldCreateCycle(input.supportedBy, input.rhkId, input.cited.rhkId)) return 'cycle';
  return null;
}
