/**
 * The shape of a matrix row and the small builders every route table uses (kept apart from the
 * tables so that each area's table can import them without a cycle through route-table.ts).
 */
import type { InjectOptions } from 'fastify';
import type { RouteKey } from './list-routes';
import { CALLERS, type Caller, type Response, type SignedInCaller, type World } from './world';

export type Outcome = 'allowed' | 'unauthenticated' | 'forbidden' | 'not_found';

export interface MatrixRow {
  route: RouteKey;
  access: Record<Caller, Outcome>;
  run(w: World, caller: Caller): Promise<Response>;
  /** Checks on an allowed answer beyond its status, where the status alone proves little. */
  verifyAllowed?(response: Response, w: World): void;
}

export const everyone = (outcome: Outcome) => Object.fromEntries(CALLERS.map((caller) => [caller, outcome])) as Record<Caller, Outcome>;
export const PUBLIC = everyone('allowed');
export const AUTHENTICATED: Record<Caller, Outcome> = { ...everyone('allowed'), anonymous: 'unauthenticated' };
/** Signed-in callers outside `roles` are refused (403), by the route's role check or the service's. */
export const only = (...roles: SignedInCaller[]): Record<Caller, Outcome> => ({
  ...everyone('forbidden'),
  anonymous: 'unauthenticated',
  ...Object.fromEntries(roles.map((role) => [role, 'allowed'])),
});
export const ORG_READERS = only('admin_bkpsdm', 'admin_opd', 'pimpinan', 'auditor');
export const ORG_WRITERS = only('admin_bkpsdm', 'admin_opd');

type Build = (w: World, caller: Caller) => InjectOptions | Promise<InjectOptions>;
export const request = (build: Build) => async (w: World, caller: Caller) => w.send(caller, await build(w, caller));
export const get = (url: (w: World) => string) => request((w) => ({ method: 'GET', url: url(w) }));
export const post = (url: (w: World) => string, payload: (w: World) => object = () => ({})) =>
  request((w) => ({ method: 'POST', url: url(w), payload: payload(w) }));
export const patch = (url: (w: World) => string, payload: (w: World) => object) => request((w) => ({ method: 'PATCH', url: url(w), payload: payload(w) }));
