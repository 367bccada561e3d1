import type { CreateSkpBody, ReviseSkpBody, UpdateSkpBody } from '../../../contracts/skp';
import { yearSpan } from '../../../domain/skp/periods';
import type { Executor } from '../../db/client';
import { regionToday, requireActor, type RequestContext } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { conflict, forbidden, invalid } from '../../platform/errors';
import { assertCanReadSkp, assertSkpEditable, assertSkpOwner } from './skp-access';
import { findSkpSettingsForYear } from './skp-settings.service';
import { snapshotDate, takeSkpSnapshot } from './skp-snapshot';
import { auditSkp } from './skp-views';
import { findIndicatorRows, findRhkRows, findSkpRevisions, findSkpRow, insertRhk, insertSkp, replaceIndicators, updateSkp, type SkpRow } from './skp.repository';

const ENTITY = 'skp';

/** The SKP span: the calendar year, or a shorter span inside it (joining or moving mid-year). */
export function resolveSkpSpan(year: number, startDate: string | null, endDate: string | null): { startDate: string; endDate: string } {
  const full = yearSpan(year);
  if (startDate === null && endDate === null) return full;
  const span = { startDate: startDate ?? full.startDate, endDate: endDate ?? full.endDate };
  if (span.startDate < full.startDate || span.endDate > full.endDate) throw invalid(`Rentang SKP harus berada di dalam tahun ${year}`, { field: 'startDate' });
  if (span.endDate < span.startDate) throw invalid('Tanggal akhir SKP tidak boleh sebelum tanggal mulai', { field: 'endDate' });
  return span;
}

/** Creates revision 1 of an employee's SKP with the organisation snapshotted; shared by "my SKP" and hand-out. */
export async function createSkpRecord(executor: Executor, ctx: RequestContext, employeeId: string, year: number, span: { startDate: string; endDate: string }): Promise<SkpRow> {
  const existing = await findSkpRevisions(executor, employeeId, year);
  if (existing.length > 0) throw conflict(`SKP tahun ${year} sudah ada; ubah SKP tersebut atau buat revisinya`, { skpId: existing[0]?.id });
  const snapshot = await takeSkpSnapshot(executor, employeeId, snapshotDate(regionToday(ctx), span));
  const settings = await findSkpSettingsForYear(executor, year);
  const row = await insertSkp(executor, {
    employeeId,
    year,
    ...span,
    ...snapshot,
    status: 'draft',
    revision: 1,
    approach: settings.approach,
    createdByUserId: ctx.actor?.userId ?? null,
  });
  await recordAudit(executor, ctx, { action: 'create', entityType: ENTITY, entityId: row.id, after: auditSkp(row), scopeUnitId: row.unitId });
  return row;
}

/** An employee starts their own SKP for a year; the assessor is their superior of record. */
export async function createMySkp(executor: Executor, ctx: RequestContext, body: CreateSkpBody): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  if (!actor.employeeId) throw forbidden('Akun ini tidak terhubung dengan data pegawai');
  const row = await createSkpRecord(executor, ctx, actor.employeeId, body.year, resolveSkpSpan(body.year, body.startDate, body.endDate));
  return { id: row.id };
}

/** The lampiran (dukungan sumber daya, skema pertanggungjawaban, konsekuensi) while the plan is open. */
export async function updateSkpDetails(executor: Executor, ctx: RequestContext, id: string, body: UpdateSkpBody): Promise<{ id: string }> {
  const before = await findSkpRow(executor, id, { lock: true });
  assertCanReadSkp(ctx, before);
  assertSkpOwner(ctx, before);
  assertSkpEditable(before);
  const after = await updateSkp(executor, id, { ...body, updatedAt: ctx.clock.now() });
  await recordAudit(executor, ctx, { action: 'update', entityType: ENTITY, entityId: id, before: auditSkp(before), after: auditSkp(after), scopeUnitId: after.unitId });
  return { id };
}

/**
 * A new revision of an approved SKP (after a move, a change of superior, changed targets): a draft
 * with the organisation snapshotted again and the RHK and indicators carried over. The approved
 * revision stays in force until the new one is approved; the history is kept.
 */
export async function reviseSkp(executor: Executor, ctx: RequestContext, id: string, body: ReviseSkpBody): Promise<{ id: string }> {
  const base = await findSkpRow(executor, id, { lock: true });
  assertCanReadSkp(ctx, base);
  assertSkpOwner(ctx, base);
  if (base.status !== 'approved') throw conflict('Hanya SKP yang sudah disetujui yang direvisi; SKP ini masih dapat diubah langsung');
  if (base.supersededAt !== null) throw conflict('Revisi ini sudah digantikan revisi yang lebih baru');
  const revisions = await findSkpRevisions(executor, base.employeeId, base.year);
  const open = revisions.find((row) => row.status !== 'approved');
  if (open) throw conflict(`Revisi ke-${open.revision} SKP ini masih dalam proses`, { skpId: open.id });
  const latest = revisions[0]?.revision ?? base.revision;

  const span = resolveSkpSpan(base.year, body.startDate ?? base.startDate, body.endDate ?? base.endDate);
  const snapshot = await takeSkpSnapshot(executor, base.employeeId, snapshotDate(regionToday(ctx), span));
  const row = await insertSkp(executor, {
    employeeId: base.employeeId,
    year: base.year,
    ...span,
    ...snapshot,
    status: 'draft',
    revision: latest + 1,
    previousRevisionId: base.id,
    revisionReason: body.reason,
    approach: base.approach,
    dukunganSumberDaya: base.dukunganSumberDaya,
    skemaPertanggungjawaban: base.skemaPertanggungjawaban,
    konsekuensi: base.konsekuensi,
    createdByUserId: ctx.actor?.userId ?? null,
  });
  const rhkRows = await findRhkRows(executor, [base.id]);
  const indicators = await findIndicatorRows(executor, rhkRows.map((rhk) => rhk.id));
  for (const rhk of rhkRows) {
    const copy = await insertRhk(executor, {
      skpId: row.id,
      kind: rhk.kind,
      text: rhk.text,
      perspective: row.isJpt ? rhk.perspective : null,
      supportedRhkId: rhk.supportedRhkId,
      supportedAgreementText: rhk.supportedAgreementText,
      origin: 'revision',
      previousRhkId: rhk.id,
      sourceRhkId: rhk.sourceRhkId,
      sortOrder: rhk.sortOrder,
    });
    await replaceIndicators(
      executor,
      copy.id,
      indicators
        .filter((indicator) => indicator.rhkId === rhk.id)
        .map(({ aspect, text, targetValue, targetValueUpper, targetUnit }) => ({ aspect, text, targetValue, targetValueUpper, targetUnit })),
    );
  }
  await recordAudit(executor, ctx, { action: 'revise', entityType: ENTITY, entityId: row.id, before: auditSkp(base), after: { ...auditSkp(row), revisionReason: body.reason }, scopeUnitId: row.unitId });
  return { id: row.id };
}
