import type { AttendanceRequestView, DecideRequestBody, RecordRequestBody, SubmitRequestBody } from '../../../../contracts/attendance-requests';
import { listDates } from '../../../../domain/attendance/derive-local-time';
import { findRequestShapeProblem, isPartDayKind } from '../../../../domain/attendance/request-rules';
import type { Executor } from '../../../db/client';
import { requireActor, type RequestContext } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { conflict, forbidden, invalid, notFound } from '../../../platform/errors';
import { findDirectSuperior } from '../../org';
import { findEmployeeRow } from '../../org/employees.repository';
import { recomputeAffectedDays } from '../daily/rebuild-daily-attendance';
import { assertSpanOpen } from '../../activities/shared/period-lock';
import { assertLeaveFits, findWorkingDates } from './leave-balance.service';
import { canAdministerEmployee } from './request-access';
import { findAttachmentOwner, findOccupyingRequests, findRequestRow, insertRequest, updateRequest, type RequestRow } from './requests.repository';

const ENTITY = 'attendance_request';

const auditView = (row: RequestRow) => ({
  employeeId: row.employeeId,
  kind: row.kind,
  startDate: row.startDate,
  endDate: row.endDate,
  startTime: row.startTime,
  endTime: row.endTime,
  status: row.status,
  approverEmployeeId: row.approverEmployeeId,
  decisionReason: row.decisionReason,
  workingDays: row.workingDays,
});

/** Checks shared by submitting and recording: shape, attachment, employee, overlap, working days, balance. */
async function checkNewRequest(executor: Executor, ctx: RequestContext, employeeId: string, body: SubmitRequestBody) {
  const problem = findRequestShapeProblem(body);
  if (problem) throw invalid(problem);
  await assertSpanOpen(executor, body.startDate, body.endDate);
  // Locking the employee serialises concurrent requests of one person, so the overlap check holds.
  const employee = await findEmployeeRow(executor, employeeId, { lock: true });
  if (!employee) throw notFound('Pegawai');
  if (!employee.isActive) throw conflict('Pegawai ini tidak aktif');
  if (body.attachmentId) {
    const attachment = await findAttachmentOwner(executor, body.attachmentId);
    if (!attachment) throw notFound('Lampiran');
    if (ctx.actor && attachment.uploadedByUserId !== ctx.actor.userId) throw forbidden('Lampiran ini diunggah oleh pengguna lain');
  }
  const overlapping = await findOccupyingRequests(executor, employeeId, body.startDate, body.endDate);
  const first = overlapping[0];
  if (first) {
    throw conflict(`Tanggal bertumpang tindih dengan permohonan lain (${first.startDate} s.d. ${first.endDate}, status ${first.status})`, {
      requestIds: overlapping.map((row) => row.id),
    });
  }
  const workingDates = await findWorkingDates(executor, employeeId, body.startDate, body.endDate);
  if (workingDates.size === 0) {
    throw invalid(isPartDayKind(body.kind) ? 'Tanggal ini bukan hari kerja pegawai' : 'Tidak ada hari kerja pada rentang tanggal ini');
  }
  if (body.kind === 'cuti_tahunan') await assertLeaveFits(executor, employeeId, body, workingDates);
  return { employee, workingDays: workingDates.size };
}

const requestFields = (body: SubmitRequestBody) => ({
  kind: body.kind,
  startDate: body.startDate,
  endDate: body.endDate,
  startTime: body.startTime,
  endTime: body.endTime,
  reason: body.reason,
  attachmentId: body.attachmentId,
});

const affectedDaysOf = (row: RequestRow) => listDates(row.startDate, row.endDate).map((localDate) => ({ employeeId: row.employeeId, localDate }));

/** An employee asks for leave or duty; it goes to their direct superior of record on the start date. */
export async function submitRequest(executor: Executor, ctx: RequestContext, body: SubmitRequestBody): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  if (!actor.employeeId) throw forbidden('Akun ini tidak terhubung dengan data pegawai');
  const { employee, workingDays } = await checkNewRequest(executor, ctx, actor.employeeId, body);
  const superior = await findDirectSuperior(executor, employee.id, body.startDate);
  if (!superior.superior) throw conflict('Tidak ada atasan langsung pada tanggal mulai; minta admin OPD mencatat permohonan ini');
  const row = await insertRequest(executor, {
    employeeId: employee.id,
    ...requestFields(body),
    status: 'diajukan',
    approverEmployeeId: superior.superior.employeeId,
    workingDays,
  });
  await recordAudit(executor, ctx, { action: 'submit', entityType: ENTITY, entityId: row.id, after: auditView(row), scopeUnitId: employee.unitId });
  return { id: row.id };
}

/** An admin OPD (or BKPSDM) records a request on an employee's behalf: approved at once, audited. */
export async function recordRequest(executor: Executor, ctx: RequestContext, body: RecordRequestBody): Promise<{ id: string }> {
  const target = await findEmployeeRow(executor, body.employeeId);
  if (!target) throw notFound('Pegawai');
  if (!canAdministerEmployee(ctx, target)) throw forbidden('Pegawai ini di luar unit kewenangan Anda');
  const { employee, workingDays } = await checkNewRequest(executor, ctx, body.employeeId, body);
  const superior = await findDirectSuperior(executor, employee.id, body.startDate);
  const now = ctx.clock.now();
  const row = await insertRequest(executor, {
    employeeId: employee.id,
    ...requestFields(body),
    status: 'disetujui',
    approverEmployeeId: superior.superior?.employeeId ?? null,
    decidedByUserId: ctx.actor?.userId ?? null,
    decidedAt: now,
    decisionReason: 'Dicatat oleh admin atas nama pegawai',
    recordedByUserId: ctx.actor?.userId ?? null,
    workingDays,
  });
  await recordAudit(executor, ctx, { action: 'record', entityType: ENTITY, entityId: row.id, after: auditView(row), scopeUnitId: employee.unitId });
  await recomputeAffectedDays(executor, affectedDaysOf(row), now);
  return { id: row.id };
}

/** The approver of record approves or rejects a pending request (a rejection needs a reason). */
export async function decideRequest(executor: Executor, ctx: RequestContext, id: string, body: DecideRequestBody): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  const before = await findRequestRow(executor, id, { lock: true });
  if (!before) throw notFound('Permohonan');
  if (!actor.employeeId || before.approverEmployeeId !== actor.employeeId) throw forbidden('Hanya atasan langsung yang tercatat pada permohonan ini yang dapat memutuskannya');
  if (before.status !== 'diajukan') throw conflict(`Permohonan sudah berstatus ${before.status}`);
  // Rejecting changes no attendance; approving would change a closed month's days.
  if (body.decision === 'disetujui') await assertSpanOpen(executor, before.startDate, before.endDate);
  if (body.decision === 'ditolak' && !body.reason) throw invalid('Alasan penolakan wajib diisi', { field: 'reason' });
  if (body.decision === 'disetujui' && before.kind === 'cuti_tahunan') {
    // Pending requests already reserve their days, this one included: nothing more is asked, the
    // balance just must not have gone below zero meanwhile (e.g. an admin recorded leave).
    await assertLeaveFits(executor, before.employeeId, before, new Set());
  }
  const now = ctx.clock.now();
  const after = await updateRequest(executor, id, { status: body.decision, decidedByUserId: actor.userId, decidedAt: now, decisionReason: body.reason, updatedAt: now });
  const employee = await findEmployeeRow(executor, before.employeeId);
  await recordAudit(executor, ctx, {
    action: body.decision === 'disetujui' ? 'approve' : 'reject',
    entityType: ENTITY,
    entityId: id,
    before: auditView(before),
    after: auditView(after),
    scopeUnitId: employee?.unitId ?? null,
  });
  if (body.decision === 'disetujui') await recomputeAffectedDays(executor, affectedDaysOf(after), now);
  return { id };
}

/**
 * The employee withdraws a pending request; an admin of the employee's unit may also revoke an
 * approved one (a mistaken record), after which the days are recomputed.
 */
export async function cancelRequest(executor: Executor, ctx: RequestContext, id: string): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  const before = await findRequestRow(executor, id, { lock: true });
  if (!before) throw notFound('Permohonan');
  const employee = await findEmployeeRow(executor, before.employeeId);
  const isOwner = actor.employeeId === before.employeeId;
  const isAdmin = employee !== null && canAdministerEmployee(ctx, employee);
  if (!isOwner && !isAdmin) throw forbidden('Anda tidak dapat membatalkan permohonan ini');
  if (before.status === 'disetujui' && !isAdmin) throw conflict('Permohonan yang sudah disetujui hanya dapat dibatalkan oleh admin unit');
  if (before.status !== 'diajukan' && before.status !== 'disetujui') throw conflict(`Permohonan sudah berstatus ${before.status}`);
  // Withdrawing a pending request changes no attendance; revoking an approved one would change a closed month's days.
  if (before.status === 'disetujui') await assertSpanOpen(executor, before.startDate, before.endDate);
  const now = ctx.clock.now();
  const after = await updateRequest(executor, id, { status: 'dibatalkan', updatedAt: now });
  await recordAudit(executor, ctx, { action: 'cancel', entityType: ENTITY, entityId: id, before: auditView(before), after: auditView(after), scopeUnitId: employee?.unitId ?? null });
  if (before.status === 'disetujui') await recomputeAffectedDays(executor, affectedDaysOf(after), now);
  return { id };
}

export type { AttendanceRequestView };
