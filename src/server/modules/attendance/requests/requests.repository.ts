import { and, desc, eq, gte, inArray, lte, ne, type SQL } from 'drizzle-orm';
import type { AttendanceRequestView, RequestKind, RequestStatus } from '../../../../contracts/attendance-requests';
import type { Executor } from '../../../db/client';
import { attachments, attendanceRequests, employees } from '../../../db/schema';

export type RequestRow = typeof attendanceRequests.$inferSelect;

export async function insertRequest(executor: Executor, values: typeof attendanceRequests.$inferInsert): Promise<RequestRow> {
  const [row] = await executor.insert(attendanceRequests).values(values).returning();
  if (!row) throw new Error('insert attendance request returned nothing');
  return row;
}

export async function findRequestRow(executor: Executor, id: string, options: { lock?: boolean } = {}): Promise<RequestRow | null> {
  const query = executor.select().from(attendanceRequests).where(eq(attendanceRequests.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function updateRequest(executor: Executor, id: string, values: Partial<typeof attendanceRequests.$inferInsert>): Promise<RequestRow> {
  const [row] = await executor.update(attendanceRequests).set(values).where(eq(attendanceRequests.id, id)).returning();
  if (!row) throw new Error('update attendance request returned nothing');
  return row;
}

/** Requests of an employee that still occupy days in [from, to] (pending or approved). */
export async function findOccupyingRequests(executor: Executor, employeeId: string, from: string, to: string, excludeId?: string) {
  const conditions: SQL[] = [
    eq(attendanceRequests.employeeId, employeeId),
    inArray(attendanceRequests.status, ['diajukan', 'disetujui']),
    lte(attendanceRequests.startDate, to),
    gte(attendanceRequests.endDate, from),
  ];
  if (excludeId) conditions.push(ne(attendanceRequests.id, excludeId));
  return executor.select().from(attendanceRequests).where(and(...conditions));
}

/** Annual-leave requests of an employee (pending and approved) starting in a year range. */
export async function findAnnualLeaveRequests(executor: Executor, employeeId: string, from: string, to: string) {
  return executor
    .select({ id: attendanceRequests.id, status: attendanceRequests.status, startDate: attendanceRequests.startDate, endDate: attendanceRequests.endDate, workingDays: attendanceRequests.workingDays })
    .from(attendanceRequests)
    .where(
      and(
        eq(attendanceRequests.employeeId, employeeId),
        eq(attendanceRequests.kind, 'cuti_tahunan'),
        inArray(attendanceRequests.status, ['diajukan', 'disetujui']),
        lte(attendanceRequests.startDate, to),
        gte(attendanceRequests.endDate, from),
      ),
    );
}

export interface RequestFilter {
  employeeIds?: string[];
  approverEmployeeId?: string;
  unitIds?: string[];
  status?: RequestStatus;
  from?: string;
  to?: string;
}

export async function findRequestViews(executor: Executor, filter: RequestFilter): Promise<AttendanceRequestView[]> {
  if (filter.employeeIds?.length === 0 || filter.unitIds?.length === 0) return [];
  const conditions: SQL[] = [];
  if (filter.employeeIds) conditions.push(inArray(attendanceRequests.employeeId, filter.employeeIds));
  if (filter.approverEmployeeId) conditions.push(eq(attendanceRequests.approverEmployeeId, filter.approverEmployeeId));
  if (filter.unitIds) conditions.push(inArray(employees.unitId, filter.unitIds));
  if (filter.status) conditions.push(eq(attendanceRequests.status, filter.status));
  if (filter.from) conditions.push(gte(attendanceRequests.endDate, filter.from));
  if (filter.to) conditions.push(lte(attendanceRequests.startDate, filter.to));
  const rows = await executor
    .select({ request: attendanceRequests, employeeNip: employees.nip, employeeName: employees.name, unitId: employees.unitId })
    .from(attendanceRequests)
    .innerJoin(employees, eq(employees.id, attendanceRequests.employeeId))
    .where(and(...conditions))
    .orderBy(desc(attendanceRequests.startDate), desc(attendanceRequests.createdAt))
    .limit(500);
  return rows.map((row) => toRequestView(row.request, row));
}

export async function findRequestView(executor: Executor, id: string): Promise<AttendanceRequestView | null> {
  const [row] = await executor
    .select({ request: attendanceRequests, employeeNip: employees.nip, employeeName: employees.name, unitId: employees.unitId })
    .from(attendanceRequests)
    .innerJoin(employees, eq(employees.id, attendanceRequests.employeeId))
    .where(eq(attendanceRequests.id, id));
  return row ? toRequestView(row.request, row) : null;
}

const minuteTime = (value: string | null) => (value === null ? null : value.slice(0, 5));

function toRequestView(row: RequestRow, employee: { employeeNip: string; employeeName: string; unitId: string | null }): AttendanceRequestView {
  return {
    id: row.id,
    employeeId: row.employeeId,
    employeeNip: employee.employeeNip,
    employeeName: employee.employeeName,
    unitId: employee.unitId,
    // Written only from the contract's enumerations (and checked by the table's constraint).
    kind: row.kind as RequestKind,
    startDate: row.startDate,
    endDate: row.endDate,
    startTime: minuteTime(row.startTime),
    endTime: minuteTime(row.endTime),
    reason: row.reason,
    attachmentId: row.attachmentId,
    status: row.status as RequestStatus,
    approverEmployeeId: row.approverEmployeeId,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionReason: row.decisionReason,
    recordedByUserId: row.recordedByUserId,
    workingDays: row.workingDays,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function insertAttachment(executor: Executor, values: typeof attachments.$inferInsert) {
  const [row] = await executor
    .insert(attachments)
    .values(values)
    .returning({ id: attachments.id, fileName: attachments.fileName, contentType: attachments.contentType, sizeBytes: attachments.sizeBytes, sha256: attachments.sha256 });
  if (!row) throw new Error('insert attachment returned nothing');
  return row;
}

export async function findAttachmentOwner(executor: Executor, id: string): Promise<{ uploadedByUserId: string | null } | null> {
  const [row] = await executor.select({ uploadedByUserId: attachments.uploadedByUserId }).from(attachments).where(eq(attachments.id, id));
  return row ?? null;
}

export async function findAttachmentContent(executor: Executor, id: string) {
  const [row] = await executor.select().from(attachments).where(eq(attachments.id, id));
  return row ?? null;
}

/** Requests that use an attachment: who may read the file follows who may read the request. */
export async function findRequestsUsingAttachment(executor: Executor, attachmentId: string) {
  return executor.select({ id: attendanceRequests.id }).from(attendanceRequests).where(eq(attendanceRequests.attachmentId, attachmentId));
}
