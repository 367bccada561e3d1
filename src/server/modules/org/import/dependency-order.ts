/** A row that may point at another row of the same file (unit → parent unit, position → superior). */
export interface DependencyNode {
  key: string;
  dependsOn: string | null;
}

export interface DependencyOrder {
  /** Indexes of non-cycle nodes, each after the node it depends on; otherwise file order. */
  order: number[];
  /** Each cycle as node indexes, in the direction of the references. */
  cycles: number[][];
}

/**
 * Orders rows so that a referenced row is written before the rows that reference it, and finds
 * reference cycles. Every node has at most one reference, so walking up each chain is enough.
 * Keys must be unique (duplicates are rejected before this).
 */
export function orderByDependency(nodes: readonly DependencyNode[]): DependencyOrder {
  const indexByKey = new Map(nodes.map((node, index) => [node.key, index]));
  const parentOf = (index: number): number | null => {
    const target = nodes[index]?.dependsOn;
    return target === null || target === undefined ? null : (indexByKey.get(target) ?? null);
  };
  const isDone = new Array<boolean>(nodes.length).fill(false);
  const order: number[] = [];
  const cycles: number[][] = [];

  nodes.forEach((_, start) => {
    const path: number[] = [];
    const positionOnPath = new Map<number, number>();
    let current: number | null = start;
    while (current !== null && !isDone[current] && !positionOnPath.has(current)) {
      positionOnPath.set(current, path.length);
      path.push(current);
      current = parentOf(current);
    }
    let chain = path;
    if (current !== null && positionOnPath.has(current)) {
      const cycleStart = positionOnPath.get(current) ?? 0;
      cycles.push(path.slice(cycleStart));
      // Rows hanging below a cycle are still ordered; they fail because their reference failed.
      chain = path.slice(0, cycleStart);
    }
    for (const index of path) isDone[index] = true;
    order.push(...chain.reverse());
  });
  return { order, cycles };
}
