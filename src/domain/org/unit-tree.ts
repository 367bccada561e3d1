/** What walking the unit tree needs of a unit. */
export interface UnitTreeNode {
  id: string;
  parentId: string | null;
  kind: string;
}

/** The OPD a unit belongs to: the nearest ancestor (or itself) of kind opd, else the top unit below the pemda. */
export function findOpdOf<T extends UnitTreeNode>(unitsById: ReadonlyMap<string, T>, unitId: string | null): T | null {
  let current = unitId ? unitsById.get(unitId) : undefined;
  const seen = new Set<string>();
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    if (current.kind === 'opd') return current;
    const parent = current.parentId ? unitsById.get(current.parentId) : undefined;
    // Nothing above the top unit below the pemda can be its OPD (the pemda is not one).
    if (!parent || parent.kind === 'pemda') return current;
    current = parent;
  }
  return null;
}

/** The unit and its parents up to its OPD (the unit itself first). */
export function unitChainToOpd(unitsById: ReadonlyMap<string, UnitTreeNode>, unitId: string): string[] {
  const opd = findOpdOf(unitsById, unitId);
  const chain: string[] = [];
  let current = unitsById.get(unitId);
  while (current && !chain.includes(current.id)) {
    chain.push(current.id);
    if (current.id === opd?.id) break;
    current = current.parentId ? unitsById.get(current.parentId) : undefined;
  }
  return chain;
}
