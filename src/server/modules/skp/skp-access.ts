import { canReadWholeRegency, hasRole, type RequestContext } from '../../platform/actor';
import { conflict, forbidden, notFound } from '../../platform/errors';
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

/** Plans change only while draft or returned; an approved SKP changes only through a new revision. */
export function assertSkpEditable(skp: SkpRow): void {
  if (skp.status === 'approved') throw conflict('SKP yang sudah disetujui tidak dapat diubah; buat revisi SKP terlebih dahulu');
  if (skp.status === 'submitted') throw conflict('SKP sedang diajukan kepada pejabat penilai dan tidak dapat diubah; tunggu persetujuan atau pengembalian');
}
