import { and, eq, isNull } from 'drizzle-orm';
import type { TppExampleCode, TppRuleSetVersionView } from '../../../../contracts/tpp';
import { CLASSIC_60_40_RULE_SET, DELI_SERDANG_30_20_50_RULE_SET, KOLAKA_60_30_10_RULE_SET, TAPANULI_TENGAH_POINTS_RULE_SET } from '../../../../domain/tpp/examples';
import type { TppRuleSet } from '../../../../domain/tpp/rule-set';
import { parseTppRuleSet, parseTppRuleSetJson } from '../../../../domain/tpp/rule-set-json';
import { selectTppRuleSet } from '../../../../domain/tpp/select-rule-set';
import type { Executor } from '../../../db/client';
import { tppRuleSets } from '../../../db/schema';
import type { RequestContext } from '../../../platform/actor';
import { recordAudit } from '../../../platform/audit';
import { conflict, invalid, notFound } from '../../../platform/errors';
import { isUniqueViolation } from '../../org/db-errors';
import { assertTppRegionAdmin, currentPeriod } from '../tpp-access';
import { findClosedPeriodList, findRuleSetRow, findRuleSetRows, type TppRuleSetRow } from './tpp-rule-sets.repository';

export const TPP_RULE_SET_ENTITY = 'tpp_rule_set';

const EXAMPLES: Record<TppExampleCode, TppRuleSet> = {
  classic_60_40: CLASSIC_60_40_RULE_SET,
  kolaka_60_30_10: KOLAKA_60_30_10_RULE_SET,
  tapanuli_tengah_points: TAPANULI_TENGAH_POINTS_RULE_SET,
  deli_serdang_30_20_50: DELI_SERDANG_30_20_50_RULE_SET,
};

/** The shipped examples (rules.md §5) for "load example": the admin adapts and saves one as a version. */
export function listTppRuleSetExamples() {
  return {
    items: (Object.entries(EXAMPLES) as [TppExampleCode, TppRuleSet][]).map(([code, ruleSet]) => ({ code, name: ruleSet.name, source: ruleSet.source, ruleSet: { ...ruleSet } })),
  };
}

const toView = (row: TppRuleSetRow, inForceId: string | null): TppRuleSetVersionView => ({
  id: row.id,
  regionCode: row.regionCode,
  name: row.name,
  effectiveFrom: row.effectiveFrom,
  regulation: row.regulation,
  createdAt: row.createdAt.toISOString(),
  createdByName: row.createdByName,
  supersededAt: row.supersededAt?.toISOString() ?? null,
  supersededById: row.supersededById,
  isInForce: row.id === inForceId,
  ruleSet: row.ruleSet as Record<string, unknown>,
});

/** Everyone signed in may read the rules their TPP is computed by. */
export async function listTppRuleSetVersions(executor: Executor, ctx: RequestContext, options: { includeSuperseded: boolean }) {
  const rows = await findRuleSetRows(executor, options);
  const inForce = selectTppRuleSet(rows.filter((row) => row.supersededAt === null), currentPeriod(ctx));
  return { items: rows.map((row) => toView(row, inForce?.id ?? null)) };
}

export async function getTppRuleSetVersion(executor: Executor, ctx: RequestContext, id: string): Promise<TppRuleSetVersionView> {
  const row = await findRuleSetRow(executor, id);
  if (!row) throw notFound('Versi aturan TPP');
  const current = await findRuleSetRows(executor, { includeSuperseded: false });
  return toView(row, selectTppRuleSet(current, currentPeriod(ctx))?.id ?? null);
}

/** The version governing a month and its validated rules, or null when no version starts on or before it. */
export async function findTppRuleSetForPeriod(executor: Executor, period: string): Promise<{ id: string; ruleSet: TppRuleSet } | null> {
  const rows = await findRuleSetRows(executor, { includeSuperseded: false });
  const row = selectTppRuleSet(rows, period);
  if (!row) return null;
  const parsed = parseTppRuleSet(row.ruleSet);
  // Stored versions were validated on the way in; a failure here means the schema changed under them.
  if (!parsed.ok) throw conflict(`Aturan TPP "${row.name}" tersimpan tidak lagi sah: ${parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
  return { id: row.id, ruleSet: parsed.ruleSet };
}

/** `data` is the rule set, or the text of an imported JSON file. */
function parseOrThrow(data: unknown): TppRuleSet {
  const parsed = typeof data === 'string' ? parseTppRuleSetJson(data) : parseTppRuleSet(data);
  if (!parsed.ok) {
    throw invalid(
      'Aturan TPP tidak sah; perbaiki isian yang ditandai',
      parsed.issues.map((issue) => ({ field: issue.path === '' ? 'ruleSet' : `ruleSet.${issue.path}`, message: issue.message })),
    );
  }
  return parsed.ruleSet;
}

/** The closed months a version governs (from its start until the next version in force starts). */
function closedMonthsGovernedBy(effectiveFrom: string, versions: readonly { id: string; effectiveFrom: string }[], closed: readonly string[], excludeId: string | null): string[] {
  const start = effectiveFrom.slice(0, 7);
  const next = versions
    .filter((version) => version.id !== excludeId && version.effectiveFrom > effectiveFrom)
    .reduce<string | null>((earliest, version) => (earliest === null || version.effectiveFrom < earliest ? version.effectiveFrom : earliest), null);
  return closed.filter((period) => period >= start && (next === null || period < next.slice(0, 7)));
}

interface VersionChecks {
  ruleSet: TppRuleSet;
  current: TppRuleSetRow[];
  closed: string[];
  /** The version being replaced (left out of the overlap checks). */
  replacing: TppRuleSetRow | null;
}

function assertVersionFits({ ruleSet, current, closed, replacing }: VersionChecks): void {
  const others = current.filter((row) => row.id !== replacing?.id);
  const region = others[0]?.regionCode;
  if (region !== undefined && region !== ruleSet.region.code) {
    const message = `Aturan TPP daerah ini berkode ${region}; versi baru harus untuk daerah yang sama (bukan ${ruleSet.region.code})`;
    throw invalid(message, [{ field: 'ruleSet.region.code', message }]);
  }
  const sameDay = others.find((row) => row.effectiveFrom === ruleSet.effectiveFrom);
  if (sameDay) throw conflict(`Sudah ada versi aturan TPP yang berlaku ${ruleSet.effectiveFrom} ("${sameDay.name}"); ubah versi itu atau pilih tanggal lain`, { field: 'ruleSet.effectiveFrom' });
  const frozen = closedMonthsGovernedBy(ruleSet.effectiveFrom, others, closed, null);
  if (frozen.length > 0) {
    throw conflict(`Versi yang berlaku ${ruleSet.effectiveFrom} akan mengatur bulan yang sudah ditutup (${frozen.join(', ')}); pilih tanggal berlaku setelah bulan tertutup terakhir`, {
      field: 'ruleSet.effectiveFrom',
    });
  }
}

function assertNotGoverningClosedMonths(row: TppRuleSetRow, current: readonly TppRuleSetRow[], closed: readonly string[]): void {
  const frozen = closedMonthsGovernedBy(row.effectiveFrom, current, closed, row.id);
  if (frozen.length > 0) {
    throw conflict(`Versi "${row.name}" sudah dipakai untuk bulan yang ditutup (${frozen.join(', ')}) dan tidak dapat diubah; buat versi baru yang berlaku setelahnya`);
  }
}

const auditView = (ruleSet: TppRuleSet) => ({ regionCode: ruleSet.region.code, name: ruleSet.name, effectiveFrom: ruleSet.effectiveFrom, ruleSet });

async function insertVersion(executor: Executor, ctx: RequestContext, ruleSet: TppRuleSet): Promise<string> {
  const [created] = await executor
    .insert(tppRuleSets)
    .values({
      regionCode: ruleSet.region.code,
      name: ruleSet.name,
      effectiveFrom: ruleSet.effectiveFrom,
      regulation: ruleSet.regulation.shortName,
      ruleSet,
      createdByUserId: ctx.actor?.userId ?? null,
      createdAt: ctx.clock.now(),
    })
    .returning({ id: tppRuleSets.id })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw conflict(`Sudah ada versi aturan TPP yang berlaku ${ruleSet.effectiveFrom}`, { field: 'ruleSet.effectiveFrom' });
      throw error;
    });
  if (!created) throw new Error('insert returned nothing');
  return created.id;
}

/** A new version (admin BKPSDM): validated, not overlapping another version, not reaching into a closed month. */
export async function createTppRuleSetVersion(executor: Executor, ctx: RequestContext, data: unknown): Promise<{ id: string }> {
  assertTppRegionAdmin(ctx);
  const ruleSet = parseOrThrow(data);
  const [current, closed] = await Promise.all([findRuleSetRows(executor, { includeSuperseded: false }), findClosedPeriodList(executor)]);
  assertVersionFits({ ruleSet, current, closed, replacing: null });
  const id = await insertVersion(executor, ctx, ruleSet);
  await recordAudit(executor, ctx, { action: 'create', entityType: TPP_RULE_SET_ENTITY, entityId: id, after: auditView(ruleSet) });
  return { id };
}

async function findCurrentOrThrow(executor: Executor, id: string): Promise<TppRuleSetRow> {
  const row = await findRuleSetRow(executor, id);
  if (!row) throw notFound('Versi aturan TPP');
  if (row.supersededAt !== null) throw conflict('Versi aturan TPP ini sudah digantikan; ubah versi yang berlaku');
  return row;
}

async function markSuperseded(executor: Executor, ctx: RequestContext, id: string, successorId: string | null): Promise<void> {
  const updated = await executor
    .update(tppRuleSets)
    .set({ supersededAt: ctx.clock.now(), supersededById: successorId, supersededByUserId: ctx.actor?.userId ?? null })
    .where(and(eq(tppRuleSets.id, id), isNull(tppRuleSets.supersededAt)))
    .returning({ id: tppRuleSets.id });
  if (updated.length === 0) throw conflict('Versi aturan TPP ini baru saja diubah orang lain; muat ulang');
}

/** Editing keeps history: the edited version becomes a new row and the old one is marked superseded by it. */
export async function replaceTppRuleSetVersion(executor: Executor, ctx: RequestContext, id: string, data: unknown): Promise<{ id: string }> {
  assertTppRegionAdmin(ctx);
  const ruleSet = parseOrThrow(data);
  const old = await findCurrentOrThrow(executor, id);
  const [current, closed] = await Promise.all([findRuleSetRows(executor, { includeSuperseded: false }), findClosedPeriodList(executor)]);
  assertNotGoverningClosedMonths(old, current, closed);
  assertVersionFits({ ruleSet, current, closed, replacing: old });
  // Retire first: the new row may take the old one's effective date (partial unique index on versions in force).
  await markSuperseded(executor, ctx, old.id, null);
  const newId = await insertVersion(executor, ctx, ruleSet);
  await executor.update(tppRuleSets).set({ supersededById: newId }).where(eq(tppRuleSets.id, old.id));
  await recordAudit(executor, ctx, { action: 'update', entityType: TPP_RULE_SET_ENTITY, entityId: newId, before: { id: old.id, regionCode: old.regionCode, name: old.name, effectiveFrom: old.effectiveFrom, ruleSet: old.ruleSet }, after: auditView(ruleSet) });
  return { id: newId };
}

/** Withdraws a version that never governed a closed month; the previous version then governs its months. */
export async function retireTppRuleSetVersion(executor: Executor, ctx: RequestContext, id: string): Promise<void> {
  assertTppRegionAdmin(ctx);
  const old = await findCurrentOrThrow(executor, id);
  const [current, closed] = await Promise.all([findRuleSetRows(executor, { includeSuperseded: false }), findClosedPeriodList(executor)]);
  assertNotGoverningClosedMonths(old, current, closed);
  await markSuperseded(executor, ctx, old.id, null);
  await recordAudit(executor, ctx, { action: 'retire', entityType: TPP_RULE_SET_ENTITY, entityId: old.id, before: { name: old.name, effectiveFrom: old.effectiveFrom } });
}
