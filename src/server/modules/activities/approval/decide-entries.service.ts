import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { entryStatusLabels, type EntryStatus, type EvidenceVerdict } from '../../../../contracts/activities';
import type { BulkDecisionBody, BulkDecisionResult, BulkEntryResult, DecideEntryBody, EntryDecision, EvidenceVerdictBody } from '../../../../contracts/activities-approval';
import { canDecide } from '../../../../domain/activities/approval-routing';
import { addDays } from '../../../../domain/attendance/calendar-zone';
import type { Executor } from '../../../db/client';
import { activityEntries } from '../../../db/schema';
import { requireActor, type Actor, type RequestContext } from '../../../platform/actor';
import { recordAudit, recordAudits } from '../../../platform/audit';
import { AppError, conflict, forbidden, invalid, notFound } from '../../../platform/errors';
import { findClosedPeriods, periodOfDate } from '../shared/period-lock';
import { resolveEntryRoutings, type EntryRouting } from './entry-routing.service';

const ENTITY = 'activity_entry';
type EntryRow = typeof activityEntries.$inferSelect;

const statusOfDecision: Record<EntryDecision, EntryStatus> = { approve: 'approved', reject: 'rejected', return: 'returned' };
const auditActionOf: Record<EntryDecision, string> = { approve: 'approve', reject: 'reject', return: 'return' };

const NOT_DECIDER = 'Hanya atasan langsung pegawai (atau Plt/Plh, atau atasan berikutnya bila atasan berhalangan atau batas waktu persetujuan terlewati) yang dapat memutuskan aktivitas ini';
const STALE = 'Aktivitas ini baru saja diubah atau diputuskan oleh orang lain; muat ulang daftar lalu coba lagi';

const auditView = (row: EntryRow) => ({
  employeeId: row.employeeId,
  workDate: row.workDate,
  status: row.status,
  claimedMinutes: row.claimedMinutes,
  approvedMinutes: row.approvedMinutes,
  evidenceVerdict: row.evidenceVerdict,
  decisionReason: row.decisionReason,
  decidedByEmployeeId: row.decidedByEmployeeId,
  revision: row.revision,
});

function requireEmployeeActor(ctx: RequestContext): Actor & { employeeId: string } {
  const actor = requireActor(ctx);
  if (!actor.employeeId) throw forbidden('Akun ini tidak terhubung dengan data pegawai, sehingga tidak dapat memutuskan aktivitas');
  return { ...actor, employeeId: actor.employeeId };
}

function assertReason(decision: EntryDecision, reason: string | null | undefined): string | null {
  const text = reason?.trim() ?? '';
  if (decision !== 'approve' && text.length === 0) {
    throw invalid(decision === 'reject' ? 'Alasan penolakan wajib diisi' : 'Alasan pengembalian untuk perbaikan wajib diisi', { field: 'reason' });
  }
  return text.length === 0 ? null : text;
}

/**
 * Why this person cannot decide this entry now, or null. Authorisation first (a stranger learns
 * nothing about the entry's state), then the state: decided already, month closed, stale revision.
 */
function findRefusal(row: EntryRow, me: string, routing: EntryRouting | undefined, closed: Set<string>, expectedRevision?: number): AppError | null {
  if (!routing || !canDecide(routing, me)) return forbidden(NOT_DECIDER);
  if (row.status !== 'submitted') return conflict(`Aktivitas sudah berstatus ${entryStatusLabels[row.status as EntryStatus] ?? row.status}; tidak dapat diputuskan lagi`, { status: row.status });
  const period = periodOfDate(row.workDate);
  if (closed.has(period)) return conflict(`Bulan ${period} sudah ditutup untuk TPP; aktivitas bulan itu tidak dapat diputuskan lagi`, { period });
  if (expectedRevision !== undefined && expectedRevision !== row.revision) return conflict(STALE, { revision: row.revision });
  return null;
}

/**
 * Writes the decision on exactly these rows, each still at the revision that was checked and still
 * submitted: of two superiors deciding at once exactly one update matches, the other gets 409 (on
 * PostgreSQL the second waits for the first's row lock, then re-checks the condition and finds none).
 */
async function writeDecision(executor: Executor, ctx: RequestContext, me: string, rows: readonly EntryRow[], decision: EntryDecision, reason: string | null, verdict: EvidenceVerdict | undefined, routings: Map<string, EntryRouting>) {
  const now = ctx.clock.now();
  const expected = sql.join(rows.map((row) => sql`(${row.id}::uuid, ${row.revision}::int)`), sql`, `);
  const updated = await executor
    .update(activityEntries)
    .set({
      status: statusOfDecision[decision],
      approvedMinutes: decision === 'approve' ? sql`${activityEntries.claimedMinutes}` : null,
      decidedByEmployeeId: me,
      decidedByUserId: ctx.actor?.userId ?? null,
      decidedAt: now,
      decisionReason: reason,
      ...(verdict ? { evidenceVerdict: verdict } : {}),
      revision: sql`${activityEntries.revision} + 1`,
      updatedAt: now,
    })
    .where(and(eq(activityEntries.status, 'submitted'), sql`(${activityEntries.id}, ${activityEntries.revision}) in (${expected})`))
    .returning();
  // Anything less than all of them means someone got there first: the transaction rolls back.
  if (updated.length !== rows.length) throw conflict(STALE);
  const before = new Map(rows.map((row) => [row.id, row]));
  await recordAudits(
    executor,
    ctx,
    updated.map((row) => ({
      action: auditActionOf[decision],
      entityType: ENTITY,
      entityId: row.id,
      before: auditView(before.get(row.id) ?? row),
      after: { ...auditView(row), via: routings.get(row.id)?.deciders.find((decider) => decider.employeeId === me)?.via ?? null },
      scopeUnitId: row.unitId,
    })),
  );
  return updated;
}

async function findEntryRows(executor: Executor, ids: readonly string[]): Promise<EntryRow[]> {
  if (ids.length === 0) return [];
  return executor.select().from(activityEntries).where(inArray(activityEntries.id, [...ids]));
}

/** The superior (per routing) approves, rejects with a reason, or returns for revision with a reason. */
export async function decideEntry(executor: Executor, ctx: RequestContext, id: string, body: DecideEntryBody): Promise<{ id: string }> {
  const actor = requireEmployeeActor(ctx);
  const [row] = await findEntryRows(executor, [id]);
  if (!row) throw notFound('Aktivitas');
  const routings = await resolveEntryRoutings(executor, [row], ctx.clock.now(), ctx.regionZone);
  const refusal = findRefusal(row, actor.employeeId, routings.get(row.id), await findClosedPeriods(executor, [periodOfDate(row.workDate)]), body.revision);
  if (refusal) throw refusal;
  const reason = assertReason(body.decision, body.reason);
  await writeDecision(executor, ctx, actor.employeeId, [row], body.decision, reason, body.evidenceVerdict, routings);
  return { id };
}

const monthEnd = (month: string) => addDays(`${addDays(`${month}-28`, 4).slice(0, 7)}-01`, -1);

async function findSelectedRows(executor: Executor, selection: BulkDecisionBody['selection']): Promise<{ rows: EntryRow[]; missing: string[] }> {
  if (selection.kind === 'entries') {
    const ids = [...new Set(selection.entryIds)];
    const rows = await findEntryRows(executor, ids);
    const found = new Set(rows.map((row) => row.id));
    // Keep the caller's order, so that the report reads like their selection.
    const order = new Map(ids.map((id, index) => [id, index]));
    rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    return { rows, missing: ids.filter((id) => !found.has(id)) };
  }
  const from = selection.kind === 'day' ? selection.workDate : `${selection.month}-01`;
  const to = selection.kind === 'day' ? selection.workDate : monthEnd(selection.month);
  const rows = await executor
    .select()
    .from(activityEntries)
    .where(and(eq(activityEntries.employeeId, selection.employeeId), eq(activityEntries.status, 'submitted'), gte(activityEntries.workDate, from), lte(activityEntries.workDate, to)))
    .orderBy(activityEntries.workDate, activityEntries.startTime);
  return { rows, missing: [] };
}

/**
 * One decision on many entries: selected ids, a person's day, or a person's pending month.
 * All-or-nothing in one transaction: when any entry cannot be decided nothing is written and the
 * error (403 when the first refusal is about authority, else 409) lists every entry with its outcome.
 */
export async function decideEntries(executor: Executor, ctx: RequestContext, body: BulkDecisionBody): Promise<BulkDecisionResult> {
  const actor = requireEmployeeActor(ctx);
  const reason = assertReason(body.decision, body.reason);
  const { rows, missing } = await findSelectedRows(executor, body.selection);
  if (rows.length === 0 && missing.length === 0) throw conflict('Tidak ada aktivitas yang menunggu keputusan pada pilihan ini');
  const routings = await resolveEntryRoutings(executor, rows, ctx.clock.now(), ctx.regionZone);
  const closed = await findClosedPeriods(executor, rows.map((row) => periodOfDate(row.workDate)));

  const refusals: AppError[] = [];
  const results: BulkEntryResult[] = missing.map((entryId) => {
    const error = notFound('Aktivitas');
    refusals.push(error);
    return { entryId, outcome: 'refused', code: error.code, message: error.message };
  });
  for (const row of rows) {
    const refusal = findRefusal(row, actor.employeeId, routings.get(row.id), closed);
    if (refusal) refusals.push(refusal);
    results.push(refusal ? { entryId: row.id, outcome: 'refused', code: refusal.code, message: refusal.message } : { entryId: row.id, outcome: 'decided', code: null, message: null });
  }
  const first = refusals[0];
  if (first) {
    const code = first.code === 'FORBIDDEN' ? 'FORBIDDEN' : 'CONFLICT';
    throw new AppError(code, `${refusals.length} dari ${results.length} aktivitas tidak dapat diputuskan, sehingga tidak ada yang diubah. Contoh: ${first.message}`, {
      results: results.map((result) => (result.outcome === 'decided' ? { ...result, outcome: 'refused', code: null, message: 'Tidak diproses karena aktivitas lain dalam pilihan ini ditolak' } : result)),
    });
  }
  await writeDecision(executor, ctx, actor.employeeId, rows, body.decision, reason, undefined, routings);
  return { decided: rows.length, results };
}

/**
 * The superior's verdict on the evidence (GASPUL: sesuai / kurang / tidak sesuai), while the entry
 * waits for a decision or after approving it: by whoever may decide it now, or whoever decided it.
 */
export async function setEvidenceVerdict(executor: Executor, ctx: RequestContext, id: string, body: EvidenceVerdictBody): Promise<{ id: string }> {
  const actor = requireEmployeeActor(ctx);
  const [row] = await findEntryRows(executor, [id]);
  if (!row) throw notFound('Aktivitas');
  const routings = await resolveEntryRoutings(executor, [row], ctx.clock.now(), ctx.regionZone);
  const routing = routings.get(row.id);
  const isDecider = (routing !== undefined && canDecide(routing, actor.employeeId)) || (row.status === 'approved' && row.decidedByEmployeeId === actor.employeeId);
  if (!isDecider) throw forbidden(NOT_DECIDER);
  if (row.status !== 'submitted' && row.status !== 'approved') throw conflict(`Bukti hanya dapat dinilai pada aktivitas yang diajukan atau disetujui (status sekarang: ${entryStatusLabels[row.status as EntryStatus] ?? row.status})`);
  const period = periodOfDate(row.workDate);
  if ((await findClosedPeriods(executor, [period])).has(period)) throw conflict(`Bulan ${period} sudah ditutup untuk TPP; aktivitas bulan itu tidak dapat diubah lagi`, { period });
  if (body.revision !== undefined && body.revision !== row.revision) throw conflict(STALE, { revision: row.revision });
  const now = ctx.clock.now();
  const [updated] = await executor
    .update(activityEntries)
    .set({ evidenceVerdict: body.verdict, revision: sql`${activityEntries.revision} + 1`, updatedAt: now })
    .where(and(eq(activityEntries.id, id), eq(activityEntries.revision, row.revision)))
    .returning();
  if (!updated) throw conflict(STALE);
  await recordAudit(executor, ctx, { action: 'evidence_verdict', entityType: ENTITY, entityId: id, before: auditView(row), after: auditView(updated), scopeUnitId: row.unitId });
  return { id };
}
