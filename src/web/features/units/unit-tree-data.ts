import type { Unit } from '../../../contracts/org';

export interface UnitNode {
  unit: Unit;
  children: UnitNode[];
}

const byCode = (a: UnitNode, b: UnitNode) => a.unit.code.localeCompare(b.unit.code, 'id', { numeric: true });

/**
 * Builds the forest of units from a flat list. A unit whose parent is not in the list (outside
 * an admin OPD's scope) becomes a root, so every visible unit appears exactly once.
 */
export function buildUnitForest(units: readonly Unit[]): UnitNode[] {
  const nodes = new Map(units.map((unit) => [unit.id, { unit, children: [] as UnitNode[] }]));
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sortDeep = (list: UnitNode[]) => {
    list.sort(byCode);
    list.forEach((node) => sortDeep(node.children));
  };
  sortDeep(roots);
  return roots;
}

/** "Dinas Kesehatan › Bidang P2P › Seksi Surveilans" for every unit, for pickers and search. */
export function buildUnitPaths(units: readonly Unit[]): Map<string, string> {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const paths = new Map<string, string>();
  const pathOf = (unit: Unit, seen: Set<string>): string => {
    const cached = paths.get(unit.id);
    if (cached) return cached;
    const parent = unit.parentId ? byId.get(unit.parentId) : undefined;
    // `seen` guards against a cycle in bad data: the server refuses cycles, the UI must not hang on one.
    const path = parent && !seen.has(parent.id) ? `${pathOf(parent, new Set(seen).add(unit.id))} › ${unit.name}` : unit.name;
    paths.set(unit.id, path);
    return path;
  };
  units.forEach((unit) => pathOf(unit, new Set([unit.id])));
  return paths;
}

/**
 * "Seksi Surveilans · Bidang P2P · Dinas Kesehatan": the unit's own name first, then the units above
 * it nearest first, without the pemda at the top (the same for every unit). What a picker shows, so
 * that a narrow field on a phone still shows the unit chosen rather than the top of its path.
 */
export function buildUnitLabels(units: readonly Unit[]): Map<string, string> {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const labels = new Map<string, string>();
  for (const unit of units) {
    const names = [unit.name];
    const seen = new Set([unit.id]);
    let parent = unit.parentId ? byId.get(unit.parentId) : undefined;
    while (parent && !seen.has(parent.id) && !(parent.kind === 'pemda' && !parent.parentId)) {
      names.push(parent.name);
      seen.add(parent.id);
      parent = parent.parentId ? byId.get(parent.parentId) : undefined;
    }
    labels.set(unit.id, names.join(' · '));
  }
  return labels;
}

/** Units whose name or code matches, with their ancestors so each match keeps its place in the tree. */
export function filterUnitForest(forest: readonly UnitNode[], text: string): UnitNode[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [...forest];
  const visit = (node: UnitNode): UnitNode | null => {
    const children = node.children.map(visit).filter((child): child is UnitNode => child !== null);
    const isMatch = node.unit.name.toLowerCase().includes(needle) || node.unit.code.toLowerCase().includes(needle);
    return isMatch || children.length ? { unit: node.unit, children } : null;
  };
  return forest.map(visit).filter((node): node is UnitNode => node !== null);
}

/** The ids of a unit and everything below it (a unit cannot be moved under its own subtree). */
export function collectSubtreeIds(units: readonly Unit[], rootId: string): Set<string> {
  const childrenOf = new Map<string, string[]>();
  for (const unit of units) {
    if (!unit.parentId) continue;
    childrenOf.set(unit.parentId, [...(childrenOf.get(unit.parentId) ?? []), unit.id]);
  }
  const ids = new Set<string>();
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop() as string;
    if (ids.has(id)) continue;
    ids.add(id);
    stack.push(...(childrenOf.get(id) ?? []));
  }
  return ids;
}
