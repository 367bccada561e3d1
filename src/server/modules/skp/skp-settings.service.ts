import type { SkpSettingsBody } from '../../../contracts/skp';
import type { SkpApproach, SkpPeriodKind } from '../../../domain/skp/vocabulary';
import type { Executor } from '../../db/client';
import { hasRole, type RequestContext } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { forbidden } from '../../platform/errors';
import { findAllSettings, findSettingsForYear, findSettingsRow, upsertSettings, type SkpSettingsRow } from './skp.repository';

/** A year without any setting: monthly periods and the current model (PermenPANRB 6/2022). */
export const DEFAULT_SKP_SETTINGS: SkpSettingsBody = {
  periodKind: 'month',
  approach: 'permenpanrb_6_2022',
  regulation: 'PermenPANRB No. 6 Tahun 2022 (bawaan: periode bulanan)',
};

const viewOf = (row: SkpSettingsRow) => ({
  effectiveYear: row.effectiveYear,
  periodKind: row.periodKind as SkpPeriodKind,
  approach: row.approach as SkpApproach,
  regulation: row.regulation,
});

export async function listSkpSettings(executor: Executor) {
  return { items: (await findAllSettings(executor)).map(viewOf), defaults: DEFAULT_SKP_SETTINGS };
}

/** The period kind and scoring approach in force for an SKP year. */
export async function findSkpSettingsForYear(executor: Executor, year: number): Promise<SkpSettingsBody> {
  const row = await findSettingsForYear(executor, year);
  return row ? viewOf(row) : DEFAULT_SKP_SETTINGS;
}

/** BKPSDM sets the region's SKP period and approach from a year on (a regional regulation). */
export async function setSkpSettings(executor: Executor, ctx: RequestContext, effectiveYear: number, body: SkpSettingsBody) {
  if (ctx.actor && !hasRole(ctx.actor, 'admin_bkpsdm')) throw forbidden('Hanya admin BKPSDM yang dapat mengatur SKP daerah');
  const before = await findSettingsRow(executor, effectiveYear);
  const row = await upsertSettings(executor, { effectiveYear, ...body, createdByUserId: ctx.actor?.userId ?? null, updatedAt: ctx.clock.now() });
  await recordAudit(executor, ctx, { action: before ? 'update' : 'create', entityType: 'skp_settings', entityId: row.id, before: before && viewOf(before), after: viewOf(row) });
  return viewOf(row);
}
