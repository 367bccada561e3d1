import { invalid } from '../../../platform/errors';
import type { CitableRhkFact } from './entry-facts.repository';

/**
 * The SKP RHK a written entry cites (rules.md §2: daily progress linked to the SKP work plan).
 * The person chooses an RHK of their approved SKP in force on the work date (GET /api/skp/my-rhk).
 */
export interface RhkRequest {
  /** The RHK asked for; null: none. */
  skpRhkId: string | null;
  /**
   * true: the link comes along with something else (a copied entry, a template, an edit keeping
   * the entry's RHK) and is dropped where it is not citable; false: the person chose it, so an RHK
   * that is not citable is refused.
   */
  isCarriedOver: boolean;
}

export const RHK_NOT_CITABLE_REASON = 'RHK ini tidak termasuk SKP Anda yang sudah disetujui dan berlaku pada tanggal tersebut';

const rhkNotCitableError = (workDate: string) =>
  invalid(`RHK yang dipilih bukan RHK SKP Anda yang sudah disetujui dan berlaku pada ${workDate}; pilih RHK dari daftar atau kosongkan`, { field: 'skpRhkId', rule: 'rhk_not_citable' });

/** The RHK to store (the looked-up citable one, possibly its current revision), or null; throws for a chosen RHK that is not citable. */
export function resolveEntryRhk(request: RhkRequest, citable: CitableRhkFact | null, workDate: string): CitableRhkFact | null {
  if (request.skpRhkId === null) return null;
  if (citable) return citable;
  if (request.isCarriedOver) return null;
  throw rhkNotCitableError(workDate);
}
