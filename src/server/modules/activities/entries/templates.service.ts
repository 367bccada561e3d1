import { and, asc, eq } from 'drizzle-orm';
import type { ActivityTemplateView, EntryFromTemplateBody, TemplateBody } from '../../../../contracts/activities-entries';
import { measureTimeSpan } from '../../../../domain/activities/entry-time';
import type { Executor } from '../../../db/client';
import { activityCatalogueItems, activityCatalogueVersions, activityTemplates, skpRhk } from '../../../db/schema';
import { requireActor, type RequestContext } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { conflict, forbidden, invalid, notFound } from '../../../platform/errors';
import { isUniqueViolation } from '../../org/db-errors';
import { findCatalogueItem, isRhkOfSkpInForce } from './entries.repository';
import { createEntry } from './entries.service';
import { toWallTime } from './entry-view';

const ENTITY = 'activity_template';
type TemplateRow = typeof activityTemplates.$inferSelect;

function ownEmployeeId(ctx: RequestContext): string {
  const actor = requireActor(ctx);
  if (!actor.employeeId) throw forbidden('Akun ini tidak terhubung dengan data pegawai, sehingga tidak memiliki templat aktivitas');
  return actor.employeeId;
}

/** Templates are private: another person's template does not exist for me. */
async function findOwnTemplate(executor: Executor, employeeId: string, id: string): Promise<TemplateRow> {
  const [row] = await executor.select().from(activityTemplates).where(and(eq(activityTemplates.id, id), eq(activityTemplates.employeeId, employeeId)));
  if (!row) throw notFound('Templat aktivitas');
  return row;
}

/** `keptRhkId`: the RHK the template already cites, which may stay even if its SKP was revised since. */
async function checkTemplate(executor: Executor, employeeId: string, body: TemplateBody, keptRhkId: string | null = null): Promise<void> {
  if (body.isAdditionalTask) {
    if (body.catalogueItemId !== null) throw invalid('Templat tugas tambahan tidak memakai kegiatan katalog', { field: 'catalogueItemId' });
    if ((body.title ?? '').length < 3) throw invalid('Nama tugas tambahan wajib diisi (minimal 3 karakter)', { field: 'title' });
  } else {
    if (body.catalogueItemId === null) throw invalid('Pilih kegiatan dari katalog, atau tandai sebagai tugas tambahan', { field: 'catalogueItemId' });
    const item = await findCatalogueItem(executor, body.catalogueItemId);
    if (!item) throw invalid('Kegiatan katalog tidak ditemukan', { field: 'catalogueItemId' });
  }
  if ((body.startTime === null) !== (body.endTime === null)) throw invalid('Isi jam mulai dan jam selesai, atau kosongkan keduanya', { field: 'endTime' });
  if (body.startTime !== null && body.endTime !== null) {
    const span = measureTimeSpan(body.startTime, body.endTime);
    if (!span.isValid) throw invalid(span.problem, { field: span.field });
  }
  // A template has no date: its RHK must belong to my approved SKP in force; each use checks the entry's date.
  if (body.skpRhkId !== null && body.skpRhkId !== keptRhkId && !(await isRhkOfSkpInForce(executor, employeeId, body.skpRhkId))) {
    throw invalid('RHK yang dipilih bukan RHK SKP Anda yang sudah disetujui dan berlaku; pilih RHK dari daftar atau kosongkan', { field: 'skpRhkId', rule: 'rhk_not_citable' });
  }
}

const templateFields = (body: TemplateBody) => ({
  name: body.name,
  catalogueItemId: body.isAdditionalTask ? null : body.catalogueItemId,
  isAdditionalTask: body.isAdditionalTask,
  title: body.isAdditionalTask ? body.title : null,
  outputUnit: body.isAdditionalTask ? body.outputUnit : null,
  volume: body.volume,
  startTime: body.startTime,
  endTime: body.endTime,
  description: body.description,
  skpRhkId: body.skpRhkId,
});

const duplicateName = (name: string) => conflict(`Anda sudah memiliki templat bernama "${name}"`, { field: 'name' });

export async function listTemplates(executor: Executor, ctx: RequestContext): Promise<ActivityTemplateView[]> {
  const employeeId = ownEmployeeId(ctx);
  const rows = await executor
    .select({
      template: activityTemplates,
      catalogueName: activityCatalogueVersions.name,
      catalogueOutputUnit: activityCatalogueVersions.outputUnit,
      isActive: activityCatalogueItems.isActive,
      skpRhkText: skpRhk.text,
    })
    .from(activityTemplates)
    .leftJoin(activityCatalogueItems, eq(activityCatalogueItems.id, activityTemplates.catalogueItemId))
    .leftJoin(activityCatalogueVersions, and(eq(activityCatalogueVersions.itemId, activityCatalogueItems.id), eq(activityCatalogueVersions.version, activityCatalogueItems.currentVersion)))
    .leftJoin(skpRhk, eq(skpRhk.id, activityTemplates.skpRhkId))
    .where(eq(activityTemplates.employeeId, employeeId))
    .orderBy(asc(activityTemplates.name));
  return rows.map(({ template, catalogueName, catalogueOutputUnit, isActive, skpRhkText }) => ({
    id: template.id,
    name: template.name,
    catalogueItemId: template.catalogueItemId,
    catalogueName,
    isCatalogueItemActive: isActive,
    isAdditionalTask: template.isAdditionalTask,
    title: template.title,
    outputUnit: template.outputUnit ?? catalogueOutputUnit,
    volume: template.volume,
    startTime: template.startTime === null ? null : toWallTime(template.startTime),
    endTime: template.endTime === null ? null : toWallTime(template.endTime),
    description: template.description,
    skpRhkId: template.skpRhkId,
    skpRhkText,
    updatedAt: template.updatedAt.toISOString(),
  }));
}

export async function createTemplate(executor: Executor, ctx: RequestContext, body: TemplateBody): Promise<{ id: string }> {
  const employeeId = ownEmployeeId(ctx);
  await checkTemplate(executor, employeeId, body);
  const now = ctx.clock.now();
  try {
    const row = await executor.transaction(async (savepoint) => {
      const [inserted] = await savepoint.insert(activityTemplates).values({ employeeId, ...templateFields(body), createdAt: now, updatedAt: now }).returning();
      if (!inserted) throw new Error('insert activity template returned nothing');
      return inserted;
    });
    await recordAudit(executor, ctx, { action: 'create', entityType: ENTITY, entityId: row.id, after: row });
    return { id: row.id };
  } catch (error) {
    if (isUniqueViolation(error, 'activity_templates_employee_name_key')) throw duplicateName(body.name);
    throw error;
  }
}

export async function updateTemplate(executor: Executor, ctx: RequestContext, id: string, body: TemplateBody): Promise<{ id: string }> {
  const employeeId = ownEmployeeId(ctx);
  const before = await findOwnTemplate(executor, employeeId, id);
  await checkTemplate(executor, employeeId, body, before.skpRhkId);
  try {
    const after = await executor.transaction(async (savepoint) => {
      const [updated] = await savepoint.update(activityTemplates).set({ ...templateFields(body), updatedAt: ctx.clock.now() }).where(eq(activityTemplates.id, id)).returning();
      if (!updated) throw notFound('Templat aktivitas');
      return updated;
    });
    await recordAudit(executor, ctx, { action: 'update', entityType: ENTITY, entityId: id, before, after });
    return { id };
  } catch (error) {
    if (isUniqueViolation(error, 'activity_templates_employee_name_key')) throw duplicateName(body.name);
    throw error;
  }
}

export async function deleteTemplate(executor: Executor, ctx: RequestContext, id: string): Promise<{ id: string }> {
  const employeeId = ownEmployeeId(ctx);
  const before = await findOwnTemplate(executor, employeeId, id);
  await executor.delete(activityTemplates).where(eq(activityTemplates.id, id));
  await recordAudit(executor, ctx, { action: 'delete', entityType: ENTITY, entityId: id, before });
  return { id };
}

/**
 * A new entry from a template: the template's activity, times, volume and RHK, with the given
 * overrides. The RHK is kept only where it is citable on the entry's date (the view shows whether).
 */
export async function createEntryFromTemplate(executor: Executor, ctx: RequestContext, id: string, body: EntryFromTemplateBody, headerKey: string | null = null) {
  const employeeId = ownEmployeeId(ctx);
  const template = await findOwnTemplate(executor, employeeId, id);
  const startTime = body.startTime ?? (template.startTime === null ? null : toWallTime(template.startTime));
  const endTime = body.endTime ?? (template.endTime === null ? null : toWallTime(template.endTime));
  if (startTime === null || endTime === null) throw invalid('Templat ini tidak memiliki jam; isi jam mulai dan jam selesai', { field: startTime === null ? 'startTime' : 'endTime' });
  return createEntry(
    executor,
    ctx,
    {
      workDate: body.workDate,
      startTime,
      endTime,
      catalogueItemId: template.catalogueItemId,
      isAdditionalTask: template.isAdditionalTask,
      title: template.title,
      outputUnit: template.outputUnit,
      volume: body.volume ?? template.volume,
      description: template.description,
      evidenceAttachmentId: null,
      evidenceLink: null,
      skpRhkId: template.skpRhkId,
      submit: body.submit,
      idempotencyKey: body.idempotencyKey,
    },
    headerKey,
    { isRhkCarriedOver: true },
  );
}
