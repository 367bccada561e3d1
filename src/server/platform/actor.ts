import type { Clock } from './clock';
import { dateOfInstant } from '../../domain/attendance/calendar-zone';
import type { RegionZone } from './region-zone';
import { forbidden } from './errors';

import type { Role } from '../../contracts/roles';

export { ROLES, type Role } from '../../contracts/roles';

/** The authenticated user of a request, with roles resolved for today. */
export interface Actor {
  userId: string;
  displayName: string;
  username: string | null;
  employeeId: string | null;
  nip: string | null;
  roles: Role[];
  /** Every unit id an admin OPD may manage (their subtrees, flattened). */
  adminUnitIds: string[];
  mustChangePassword: boolean;
  /** Reviews SKPs as pejabat penilai: has subordinates or holds a BKPSDM designation in force (SKP module). */
  assessesSkp: boolean;
}

/** Who acts, for which request: what services need besides their input. */
export interface RequestContext {
  actor: Actor | null;
  /** Label stored in the audit trail when there is no user (CLI, seed, system job). */
  systemLabel?: string;
  requestId: string | null;
  ip: string | null;
  clock: Clock;
  /** The region's time zone (its pemda's, findRegionZone): whose calendar "today" is. */
  regionZone: RegionZone;
}

/** The region's calendar date now: roles in force, master-data defaults, the current month. */
export const regionToday = (ctx: RequestContext): string => dateOfInstant(ctx.clock.now(), ctx.regionZone);

export const hasRole = (actor: Actor, ...roles: Role[]) => roles.some((role) => actor.roles.includes(role));

/** Regency-wide readers: BKPSDM administrators, leaders and auditors. */
export const canReadWholeRegency = (actor: Actor) => hasRole(actor, 'admin_bkpsdm', 'pimpinan', 'auditor');

export const canManageUnit = (actor: Actor, unitId: string | null) =>
  hasRole(actor, 'admin_bkpsdm') || (unitId !== null && actor.adminUnitIds.includes(unitId));

export function assertCanManageUnit(actor: Actor, unitId: string | null): void {
  if (!canManageUnit(actor, unitId)) throw forbidden('Unit ini di luar kewenangan Anda');
}

export function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw forbidden();
  return ctx.actor;
}

/** A trusted caller without a user; `regionZone` as findRegionZone reads it (a seed creating the region knows it). */
export const systemContext = (label: string, clock: Clock, regionZone: RegionZone): RequestContext => ({
  actor: null,
  systemLabel: label,
  requestId: null,
  ip: null,
  clock,
  regionZone,
});
