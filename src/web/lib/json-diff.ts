export type DiffKind = 'added' | 'removed' | 'changed' | 'unchanged';

export interface DiffRow {
  /** Dotted path to the value: "roles.0.unitId"; "" for a scalar at the top. */
  path: string;
  kind: DiffKind;
  before: unknown;
  after: unknown;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Leaves of a JSON value by path; empty objects and arrays are leaves too, so they stay visible. */
function flatten(value: unknown, prefix: string, into: Map<string, unknown>): Map<string, unknown> {
  if (Array.isArray(value) && value.length > 0) {
    value.forEach((item, index) => flatten(item, prefix ? `${prefix}.${index}` : String(index), into));
  } else if (isPlainObject(value) && Object.keys(value).length > 0) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, into);
  } else {
    into.set(prefix, value);
  }
  return into;
}

const isSame = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Compares the before and after snapshots of an audit entry field by field. A missing side
 * (null/undefined: a creation has no "before") makes every field added or removed.
 * Changed rows come first, in path order; unchanged rows last.
 */
export function diffJson(before: unknown, after: unknown): DiffRow[] {
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  const left = hasBefore ? flatten(before, '', new Map()) : new Map<string, unknown>();
  const right = hasAfter ? flatten(after, '', new Map()) : new Map<string, unknown>();
  const paths = [...new Set([...left.keys(), ...right.keys()])].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const rows = paths.map((path): DiffRow => {
    const inLeft = left.has(path);
    const inRight = right.has(path);
    const beforeValue = left.get(path);
    const afterValue = right.get(path);
    const kind: DiffKind = !inLeft ? 'added' : !inRight ? 'removed' : isSame(beforeValue, afterValue) ? 'unchanged' : 'changed';
    return { path, kind, before: beforeValue, after: afterValue };
  });
  const rank = (kind: DiffKind) => (kind === 'unchanged' ? 1 : 0);
  return rows.sort((a, b) => rank(a.kind) - rank(b.kind));
}

/** A leaf value as short readable text: strings unquoted, the rest as JSON. */
export function formatDiffValue(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
