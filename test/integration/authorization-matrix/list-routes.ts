import type { FastifyInstance } from 'fastify';

/** "METHOD /path" in Fastify's spelling (`/api/units/:id`), the key of a matrix row. */
export type RouteKey = `${string} /${string}`;

const TREE_LINE = /^((?:│ {3}| {4})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/;

/**
 * Every route the running app serves, read from Fastify's own router (`printRoutes`), hidden
 * routes included: the OpenAPI document alone would miss a route registered with `hide: true`.
 * With `commonPrefix: false` each tree line carries the path piece added to its parent's path.
 * HEAD is left out: Fastify adds it to every GET by itself.
 */
export function listServedRoutes(app: FastifyInstance): RouteKey[] {
  const pathAtDepth: string[] = [];
  const routes: RouteKey[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = TREE_LINE.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    const path = (depth > 0 ? (pathAtDepth[depth - 1] ?? '') : '') + (match[2] ?? '');
    pathAtDepth[depth] = path;
    pathAtDepth.length = depth + 1;
    for (const method of match[3]?.split(', ') ?? []) {
      if (method !== 'HEAD') routes.push(`${method} ${path}` as RouteKey);
    }
  }
  return routes;
}

/** The operations of the OpenAPI document, in the same spelling (`{id}` → `:id`). */
export function listDocumentedRoutes(document: { paths: Record<string, Record<string, unknown>> }): RouteKey[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}` as RouteKey),
  );
}
