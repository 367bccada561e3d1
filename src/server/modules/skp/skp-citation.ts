import { CASCADE_VIOLATION_MESSAGES, checkCascadeLink } from '../../../domain/skp/cascade';
import type { SkpStatus } from '../../../domain/skp/vocabulary';
import type { RhkInput } from '../../../contracts/skp';
import type { Executor } from '../../db/client';
import { invalid } from '../../platform/errors';
import { findCascadeAbove, findRhkRow, findSkpRow, type SkpRow } from './skp.repository';

/** The kepala daerah has no SKP in the system: a plan they assess cascades from the performance agreement. */
export const KEPALA_DAERAH_HAS_NO_RHK = 'Pejabat penilai SKP ini adalah kepala daerah, yang tidak memiliki SKP di sistem; acu perjanjian kinerja unit';

/**
 * An RHK may cite only an RHK of its assessor's approved SKP in force for the same year, without
 * closing a loop (domain/skp/cascade.ts). Every refusal is a validation error naming the rule.
 */
export async function assertValidCitation(executor: Executor, skp: SkpRow, rhkId: string | null, supportedRhkId: string): Promise<void> {
  const cited = await findRhkRow(executor, supportedRhkId);
  const citedSkp = cited ? await findSkpRow(executor, cited.skpId) : null;
  if (citedSkp?.supersededAt) {
    throw invalid('RHK yang diacu berasal dari revisi SKP atasan yang sudah digantikan; pilih RHK dari revisi yang berlaku', { field: 'supportedRhkId', rule: 'superseded' });
  }
  const violation = checkCascadeLink({
    rhkId,
    year: skp.year,
    superiorEmployeeId: skp.assessorEmployeeId,
    cited: cited && citedSkp ? { rhkId: cited.id, ownerEmployeeId: citedSkp.employeeId, year: citedSkp.year, skpStatus: citedSkp.status as SkpStatus } : null,
    supportedBy: cited ? await findCascadeAbove(executor, cited.id) : new Map(),
  });
  if (violation === 'no_superior' && skp.assessorKind === 'kepala_daerah') throw invalid(KEPALA_DAERAH_HAS_NO_RHK, { field: 'supportedRhkId', rule: violation });
  if (violation) throw invalid(CASCADE_VIOLATION_MESSAGES[violation], { field: 'supportedRhkId', rule: violation });
}

/** Shape rules that depend on the SKP: JPT perspectives, the biaya aspect, the agreement reference. */
export function assertRhkFitsSkp(skp: SkpRow, input: Pick<RhkInput, 'perspective' | 'supportedRhkId' | 'supportedAgreementText' | 'indicators'>): void {
  if (skp.isJpt && input.perspective === null) throw invalid('RHK pada SKP JPT harus memiliki perspektif', { field: 'perspective' });
  if (!skp.isJpt && input.perspective !== null) throw invalid('Perspektif hanya dipakai pada SKP JPT', { field: 'perspective' });
  if (input.supportedAgreementText && input.supportedRhkId) {
    throw invalid('Pilih salah satu acuan: RHK atasan atau perjanjian kinerja unit', { field: 'supportedAgreementText' });
  }
  if (input.supportedAgreementText && !skp.isJpt) {
    throw invalid('Acuan perjanjian kinerja unit hanya untuk SKP kepala unit (JPT); pegawai lain mengacu RHK atasan', { field: 'supportedAgreementText' });
  }
  if (skp.approach !== 'pp_46_2011' && input.indicators.some((indicator) => indicator.aspect === 'biaya')) {
    throw invalid('Aspek biaya hanya dipakai pada pendekatan PP 46/2011', { field: 'indicators' });
  }
}
