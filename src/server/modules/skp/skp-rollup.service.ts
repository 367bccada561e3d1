import type { CascadeNode, CascadeTree } from '../../../contracts/skp-realisation';
import { rollUpCascade, type CascadeProgressNode, type RolledUpNode } from '../../../domain/skp/progress';
import type { RhkKind, SkpStatus } from '../../../domain/skp/vocabulary';
import type { Executor } from '../../db/client';
import { requireActor, type RequestContext } from '../../platform/actor';
import { forbidden, notFound } from '../../platform/errors';
import { findUnitSubtreeIds } from '../org';
import { isUnitInScope, unitScopeOf } from '../org/org-scope';
import { assertCanReadSkp } from './skp-access';
import { measureRhkRows } from './skp-progress';
import { findCitingRhk } from './skp-realisation.repository';
import { findUnitNames } from './skp-evaluation.repository';
import { isSkpInForce } from './skp-views';
import { findRhkRows, findSkpRow, findSkpRows, type RhkRow, type SkpRow } from './skp.repository';

/** Deep enough for any regional hierarchy (sekda → kepala dinas → … → pelaksana); also stops a damaged loop. */
const MAX_DEPTH = 12;

interface Found {
  rhk: RhkRow;
  skp: SkpRow;
  parentRhkId: string | null;
}

/** Walks the cascade downwards from the roots, one level per query. */
async function collectBelow(executor: Executor, roots: Found[]): Promise<Found[]> {
  const found = [...roots];
  const seen = new Set(roots.map((item) => item.rhk.id));
  let frontier = roots.map((item) => item.rhk.id);
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
    const level = (await findCitingRhk(executor, frontier)).filter((row) => !seen.has(row.rhk.id));
    for (const row of level) {
      seen.add(row.rhk.id);
      found.push({ rhk: row.rhk, skp: row.skp, parentRhkId: row.rhk.supportedRhkId });
    }
    frontier = level.map((row) => row.rhk.id);
  }
  return found;
}

async function buildTree(executor: Executor, year: number, roots: Found[]): Promise<CascadeTree> {
  const found = await collectBelow(executor, roots);
  const progress = await measureRhkRows(executor, found.map((item) => item.rhk.id));
  const childrenOf = new Map<string | null, Found[]>();
  const rootIds = new Set(roots.map((root) => root.rhk.id));
  for (const item of found) {
    const key = rootIds.has(item.rhk.id) ? null : item.parentRhkId;
    childrenOf.set(key, [...(childrenOf.get(key) ?? []), item]);
  }
  const toProgressNode = (item: Found): CascadeProgressNode => ({
    id: item.rhk.id,
    ownProgressBp: progress.get(item.rhk.id)?.progressBp ?? null,
    children: (childrenOf.get(item.rhk.id) ?? []).map(toProgressNode),
  });
  const byId = new Map(found.map((item) => [item.rhk.id, item]));
  const nodes: CascadeNode[] = [];
  const flatten = (node: RolledUpNode, parentRhkId: string | null, depth: number) => {
    const item = byId.get(node.id);
    if (!item) return;
    nodes.push({
      rhkId: item.rhk.id,
      parentRhkId,
      depth,
      kind: item.rhk.kind as RhkKind,
      text: item.rhk.text,
      skpId: item.skp.id,
      skpStatus: item.skp.status as SkpStatus,
      employee: { employeeId: item.skp.employeeId, name: item.skp.employeeName, nip: item.skp.employeeNip, positionName: item.skp.positionName, unitName: item.skp.unitName },
      ownProgressBp: node.ownProgressBp,
      carriedProgressBp: node.carriedProgressBp,
    });
    node.children.forEach((child) => flatten(child, node.id, depth + 1));
  };
  for (const root of childrenOf.get(null) ?? []) flatten(rollUpCascade(toProgressNode(root)), null, 0);
  return { year, nodes };
}

/** The cascade below one SKP's RHK: who carries each of them, with progress rolled up. */
export async function getSkpCascade(executor: Executor, ctx: RequestContext, skpId: string): Promise<CascadeTree> {
  const skp = await findSkpRow(executor, skpId);
  assertCanReadSkp(ctx, skp);
  const roots = (await findRhkRows(executor, [skp.id])).map((rhk) => ({ rhk, skp, parentRhkId: null }));
  return buildTree(executor, skp.year, roots);
}

/**
 * The cascade of a unit (with its sub-units) for a year: the RHK of plans in force there that do
 * not support another RHK inside the unit are the roots (usually the head's), everything citing
 * them hangs below. Unit readers only: admin OPD inside their units, regency-wide readers anywhere.
 */
export async function getUnitCascade(executor: Executor, ctx: RequestContext, query: { unitId: string; year: number }): Promise<CascadeTree> {
  requireActor(ctx);
  if (!isUnitInScope(unitScopeOf(ctx), query.unitId)) throw forbidden('Unit ini di luar kewenangan Anda');
  if (!(await findUnitNames(executor, [query.unitId])).has(query.unitId)) throw notFound('Unit');
  const unitIds = await findUnitSubtreeIds(executor, [query.unitId]);
  const inForce = (await findSkpRows(executor, { unitIds, year: query.year, status: 'approved' })).filter(isSkpInForce);
  const rhkRows = await findRhkRows(executor, inForce.map((skp) => skp.id));
  const inUnit = new Set(rhkRows.map((rhk) => rhk.id));
  const skpOf = new Map(inForce.map((skp) => [skp.id, skp]));
  const roots: Found[] = [];
  for (const rhk of rhkRows) {
    const skp = skpOf.get(rhk.skpId);
    if (skp && (rhk.supportedRhkId === null || !inUnit.has(rhk.supportedRhkId))) roots.push({ rhk, skp, parentRhkId: null });
  }
  return buildTree(executor, query.year, roots);
}
