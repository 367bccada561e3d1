import { canReadWholeRegency, hasRole, type RequestContext } from '../../platform/actor';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors';
import type { SkpRow } from './skp.repository';

/**
 * Who may read an SKP: the employee, the assessor and the assessor's superior (snapshotted on the
 * SKP), an admin OPD of the SKP's unit, and the regency-wide readers. Outside that the SKP does not
 * exist (404), so its existence is not revealed. `ctx.actor` null = trusted system caller.
 */
export function canReadSkp(ctx: RequestContext, skp: SkpRow): boolean {
  const actor = ctx.actor;
  if (!actor || canReadWholeRegency(actor)) return true;
  if (actor.employeeId && [skp.employeeId, skp.assessorEmployeeId, skp.assessorSuperiorEmployeeId].includes(actor.employeeId)) return true;
  return hasRole(actor, 'admin_opd') && skp.unitId !== null && actor.adminUnitIds.includes(skp.unitId);
}

export function assertCanReadSkp(ctx: RequestContext, skp: SkpRow | null): asserts skp is SkpRow {
  if (!skp || !canReadSkp(ctx, skp)) throw notFound('SKP');
}

/** The plan is the employee's own: only they change its RHK, lampiran, submit it or open a revision. */
export function assertSkpOwner(ctx: RequestContext, skp: SkpRow): void {
  if (ctx.actor && ctx.actor.employeeId !== skp.employeeId) throw forbidden('Hanya pegawai pemilik SKP yang dapat mengubah rencana SKP ini');
}

/** Only the assessor of record (pejabat penilai, snapshotted on the SKP) decides on it. */
export function assertSkpAssessor(ctx: RequestContext, skp: SkpRow, what = 'menyetujui atau mengembalikannya'): void {
  if (!ctx.actor) return;
  if (!ctx.actor.employeeId || ctx.actor.employeeId !== skp.assessorEmployeeId) {
    throw forbidden(`Hanya pejabat penilai yang tercatat pada SKP ini yang dapat ${what}`);
  }
}

/** A decision BKPSDM records for a kepala daerah: the official as printed and the basis given. */
export interface OnBehalf {
  label: string;
  reason: string;
}

/** "H. Ahmad Suryadi, S.E. (Bupati Contoh)": the assessor as snapshotted on the SKP. */
export const onBehalfLabelOf = (skp: Pick<SkpRow, 'assessorName' | 'assessorPositionName'>): string =>
  skp.assessorPositionName ? `${skp.assessorName ?? ''} (${skp.assessorPositionName})` : (skp.assessorName ?? '');

export const isAssessedByKepalaDaerah = (skp: Pick<SkpRow, 'assessorKind'>) => skp.assessorKind === 'kepala_daerah';

/**
 * Who decides on an SKP (approve, return, rate, finalise, and the unit predikat of a head): the
 * assessor of record. When that is the kepala daerah, who has no account, an admin BKPSDM records
 * the decision on their behalf and must name its basis (a letter, a disposition); nobody else may.
 * Returns the on-behalf record to store with the decision, or null for the assessor's own.
 */
export function authoriseAssessorDecision(ctx: RequestContext, skp: SkpRow, what: string, onBehalfReason: string | null | undefined): OnBehalf | null {
  if (!ctx.actor) return null;
  if (isAssessedByKepalaDaerah(skp)) {
    if (!hasRole(ctx.actor, 'admin_bkpsdm')) {
      throw forbidden(`Pejabat penilai SKP ini adalah kepala daerah; hanya admin BKPSDM yang dapat mencatat keputusannya untuk ${what}`);
    }
    if (!onBehalfReason) throw invalid('Isi dasar pencatatan atas nama kepala daerah (misalnya nomor surat atau disposisi)', { field: 'onBehalfReason' });
    return { label: onBehalfLabelOf(skp), reason: onBehalfReason };
  }
  assertSkpAssessor(ctx, skp, what);
  if (onBehalfReason) throw invalid('Dasar pencatatan atas nama hanya diisi bila pejabat penilainya kepala daerah', { field: 'onBehalfReason' });
  return null;
}

/** Whether the caller may take the assessor's decisions on this SKP (what the views offer; the services check again). */
export function canDecideAsAssessor(ctx: RequestContext, skp: SkpRow): boolean {
  const actor = ctx.actor;
  if (!actor) return false;
  if (isAssessedByKepalaDaerah(skp)) return hasRole(actor, 'admin_bkpsdm');
  return actor.employeeId !== null && actor.employeeId === skp.assessorEmployeeId;
}

/** Plans change only while draft or returned; an approved SKP changes only through a new revision. */
export function assertSkpEditable(skp: SkpRow): void {
  if (skp.status === 'approved') throw conflict('SKP yang sudah disetujui tidak dapat diubah; buat revisi SKP terlebih dahulu');
  if (skp.status === 'submitted') throw conflict('SKP sedang diajukan kepada pejabat penilai dan tidak dapat diubah; tunggu persetujuan atau pengembalian');
}
